"""Who may see and change what in court work: court officers at their region's courts; officers and
senior POs read the duty page of their own PDU's courts; VLOs, AP staff, case administrators,
partners and administrators never. Denied looks exactly like missing, and changes nothing."""

import pytest
from django.urls import reverse

from probation.accounts.models import Role
from probation.accounts.tests.factories import PDUFactory, StaffFactory, TeamFactory, UserFactory
from probation.audit.models import AuditEvent
from probation.court.models import Hearing, HearingCandidate
from probation.court.tests.factories import CourtListFactory, HearingFactory
from probation.people.models import Person
from probation.people.tests.access import assert_same_as_missing, assert_sent_to_sign_in, get, partner_user
from probation.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db
MATRIX_URLS = [
    "court:index",
    "court:list-import",
    "court:list-detail",
    "court:hearing-match",
    "court:hearing-preparation",
    "court:duty",
]
MISSING_ID = 999_999


@pytest.fixture
def hearing(court):
    hearing = HearingFactory(court_list=CourtListFactory(court=court))
    HearingCandidate.objects.create(
        hearing=hearing, person=PersonFactory(), matched_on="pnc", score=100, reasons=[]
    )
    return hearing


def _urls(hearing, *, missing=False):
    hearing_id = MISSING_ID if missing else hearing.pk
    list_id = MISSING_ID if missing else hearing.court_list_id
    court_list = hearing.court_list
    return {
        "court:list-detail": reverse("court:list-detail", args=[list_id]),
        "court:hearing-match": reverse("court:hearing-match", args=[hearing_id]),
        "court:hearing-preparation": reverse("court:hearing-preparation", args=[hearing_id]),
        "court:duty": reverse(
            "court:duty",
            args=["NOSUCH" if missing else court_list.court.code, court_list.sitting_date.isoformat()],
        ),
    }


def _user(role, pdu):
    return UserFactory(role=role, staff=StaffFactory(team=TeamFactory(pdu=pdu)))


def test_anonymous_users_are_sent_to_sign_in(client, hearing):
    for url in [reverse("court:index"), reverse("court:list-import"), *_urls(hearing).values()]:
        assert_sent_to_sign_in(client.get(url))


@pytest.mark.parametrize("role", [Role.COURT_OFFICER])
def test_a_court_officer_elsewhere_in_the_region_may_work_the_court(client, hearing, role):
    neighbour_pdu = PDUFactory(region=hearing.court_list.court.pdu.region)
    user = _user(role, neighbour_pdu)

    for url in [reverse("court:index"), reverse("court:list-import"), *_urls(hearing).values()]:
        assert get(client, user, url).status_code == 200, url


@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.SENIOR_PO])
def test_officers_of_the_courts_pdu_read_the_duty_page_only(client, hearing, role):
    user = _user(role, hearing.court_list.court.pdu)
    urls = _urls(hearing)
    missing = _urls(hearing, missing=True)

    assert get(client, user, reverse("court:index")).status_code == 200
    assert get(client, user, urls["court:duty"]).status_code == 200
    assert get(client, user, reverse("court:list-import")).status_code == 404
    for name in ("court:list-detail", "court:hearing-match", "court:hearing-preparation"):
        assert_same_as_missing(get(client, user, urls[name]), get(client, user, missing[name]))


@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.SENIOR_PO, Role.COURT_OFFICER])
def test_staff_outside_the_courts_scope_get_not_found(client, hearing, role):
    # Practitioners and senior POs: another PDU of the same region; court officers: another region.
    region = hearing.court_list.court.pdu.region
    user = _user(role, PDUFactory(region=region) if role != Role.COURT_OFFICER else PDUFactory())
    urls, missing = _urls(hearing), _urls(hearing, missing=True)

    for name, url in urls.items():
        assert_same_as_missing(get(client, user, url), get(client, user, missing[name]))


@pytest.mark.parametrize("role", [Role.VLO, Role.AP_STAFF, Role.CASE_ADMIN, Role.PARTNER, Role.SYSTEM_ADMIN])
def test_roles_without_court_work_never_see_it(client, hearing, role):
    user = partner_user() if role == Role.PARTNER else UserFactory(role=role)
    if user.staff is not None:
        user.staff.team = TeamFactory(pdu=hearing.court_list.court.pdu)
        user.staff.save()
    urls, missing = _urls(hearing), _urls(hearing, missing=True)

    assert get(client, user, reverse("court:index")).status_code == 404
    assert get(client, user, reverse("court:list-import")).status_code == 404
    for name, url in urls.items():
        assert_same_as_missing(get(client, user, url), get(client, user, missing[name]))


def test_denied_changes_change_nothing_and_are_audited_as_refusals(client, hearing):
    outsider = _user(Role.COURT_OFFICER, PDUFactory())
    reader = _user(Role.PRACTITIONER, hearing.court_list.court.pdu)
    candidate = hearing.candidates.get()
    people, audit_rows = Person.objects.count(), AuditEvent.objects.count()

    for user in (outsider, reader):
        client.force_login(user)
        for decision in ("confirm", "no_record"):
            response = client.post(
                reverse("court:hearing-match", args=[hearing.pk]),
                {"decision": decision, "version": hearing.version, "person": candidate.person_id},
            )
            assert response.status_code == 404
        response = client.post(
            reverse("court:hearing-preparation", args=[hearing.pk]),
            {"status": "complete", "notes": "x", "version": hearing.version},
        )
        assert response.status_code == 404

    assert Person.objects.count() == people
    after = Hearing.objects.get()
    assert (after.match_state, after.person_id, after.preparation_status, after.version) == (
        "unconfirmed",
        None,
        "not_started",
        hearing.version,
    )
    # Each refused attempt is recorded as a refusal, and nothing else is.
    assert (
        list(AuditEvent.objects.order_by("seq").values_list("action", flat=True)[audit_rows:])
        == ["refused"] * 6
    )
