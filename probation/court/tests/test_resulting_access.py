"""Who may result a hearing: court officers of the court's own PDU only. A court officer elsewhere in
the region, officers and senior POs of the PDU, other roles and partners get the same "not found" as
for a missing hearing, and their posts change nothing. A defendant the officer is excluded from
cannot be sentenced by them."""

import pytest
from django.urls import reverse

from probation.accounts.models import Role
from probation.accounts.tests.factories import PDUFactory, StaffFactory, TeamFactory, UserFactory
from probation.core.errors import NotFound
from probation.court.models import Hearing
from probation.court.services.resulting import hearing_result_sentence
from probation.court.tests.factories import CourtListFactory, HearingFactory
from probation.court.tests.test_resulting import _result
from probation.people.tests.access import (
    assert_same_as_missing,
    assert_sent_to_sign_in,
    exclude,
    get,
    partner_user,
    restrict_to_someone_else,
)
from probation.people.tests.factories import PersonFactory
from probation.reports.tests.factories import ReportFactory, ReportRequestFactory
from probation.sentences.models import Event

pytestmark = pytest.mark.django_db
MATRIX_URLS = ["court:hearing-result", "court:hearing-result-sentence"]
MISSING_ID = 999_999


@pytest.fixture
def hearing(court):
    person = PersonFactory(pdu=court.pdu)
    return HearingFactory(court_list=CourtListFactory(court=court), match_state="confirmed", person=person)


def _urls(hearing_id):
    return {name: reverse(name, args=[hearing_id]) for name in MATRIX_URLS}


def _user(role, pdu):
    return UserFactory(role=role, staff=StaffFactory(team=TeamFactory(pdu=pdu)))


def _unchanged(hearing):
    after = Hearing.objects.get(pk=hearing.pk)
    return (after.result_status, after.outcome, after.version) == ("new", "", hearing.version)


def test_anonymous_users_are_sent_to_sign_in(client, hearing):
    for url in _urls(hearing.pk).values():
        assert_sent_to_sign_in(client.get(url))


def test_court_officers_of_the_courts_pdu_may_result(client, court_officer, hearing):
    for url in _urls(hearing.pk).values():
        assert get(client, court_officer, url).status_code == 200


def _outsiders(court):
    pdu = court.pdu
    return [
        _user(Role.COURT_OFFICER, PDUFactory(region=pdu.region)),  # may import and prepare, not result
        _user(Role.COURT_OFFICER, PDUFactory()),
        _user(Role.PRACTITIONER, pdu),
        _user(Role.SENIOR_PO, pdu),
        _user(Role.CASE_ADMIN, pdu),
        _user(Role.VLO, pdu),
        partner_user(),
    ]


def test_everyone_else_gets_not_found_and_changes_nothing(client, court, hearing):
    for user in _outsiders(court):
        for name, url in _urls(hearing.pk).items():
            assert_same_as_missing(get(client, user, url), get(client, user, _urls(MISSING_ID)[name]))
        client.force_login(user)
        response = client.post(
            reverse("court:hearing-result", args=[hearing.pk]),
            {"outcome": "fine", "notes": "", "assigned_to": "", "version": hearing.version},
        )
        assert response.status_code == 404
    assert _unchanged(hearing)


def test_an_excluded_or_restricted_case_cannot_be_sentenced_by_the_officer(client, court_officer, court):
    court_list = CourtListFactory(court=court)
    for lock in ("exclude", "restrict"):
        person = PersonFactory(pdu=court.pdu)
        if lock == "exclude":
            exclude(person, court_officer)
        else:
            restrict_to_someone_else(person)
        ReportFactory(request=ReportRequestFactory(court=court, person=person), proposal="SECRET PROPOSAL")
        hearing = HearingFactory(court_list=court_list, match_state="confirmed", person=person)
        client.force_login(court_officer)
        assert (
            "SECRET PROPOSAL"
            not in client.get(reverse("court:hearing-result-sentence", args=[hearing.pk])).content.decode()
        )
        response = client.post(
            reverse("court:hearing-result-sentence", args=[hearing.pk]),
            {"version": hearing.version, "court": "x"},
        )
        assert response.status_code == 200  # the form's own errors first; the service refuses below
        with pytest.raises(NotFound):
            hearing_result_sentence(
                actor=court_officer, hearing_id=hearing.pk, expected_version=hearing.version, result=_result()
            )
        assert not Event.objects.filter(person=person).exists()
        assert _unchanged(hearing)
