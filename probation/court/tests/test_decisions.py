"""A court officer confirms or rejects a possible match, or confirms there is no record; each decision
is audited and nothing is created until then."""

import datetime as dt

import pytest
from django.urls import reverse

from probation.audit.models import AuditEvent
from probation.court.models import Hearing, HearingCandidate
from probation.court.tests.factories import CourtListFactory, HearingFactory
from probation.people.models import Person
from probation.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hearing(court):
    return HearingFactory(court_list=CourtListFactory(court=court), pnc_number="2004/0046583U", cro_number="")


def _candidate(hearing, person, matched_on="name_dob"):
    return HearingCandidate.objects.create(
        hearing=hearing,
        person=person,
        matched_on=matched_on,
        score=90,
        reasons=["Name is similar (90% alike)"],
    )


def _decide(client, user, hearing, decision, person=None, version=None):
    client.force_login(user)
    data = {"decision": decision, "version": version or hearing.version}
    if person is not None:
        data["person"] = person.pk
    return client.post(reverse("court:hearing-match", args=[hearing.pk]), data)


def test_confirming_a_match_links_the_person_and_audits_the_decision(client, court_officer, hearing):
    person = PersonFactory(crn="A200001")
    _candidate(hearing, person)

    response = _decide(client, court_officer, hearing, "confirm", person)

    assert response.status_code == 302
    hearing.refresh_from_db()
    assert (hearing.match_state, hearing.person_id, hearing.matched_by_id) == (
        "confirmed",
        person.pk,
        court_officer.pk,
    )
    entry = AuditEvent.objects.latest("seq")
    assert (entry.action, entry.crn, entry.object_type) == ("update", "A200001", "hearing")
    assert entry.detail["decision"] == "confirmed"


def test_rejecting_a_match_stops_offering_it_and_links_nobody(client, court_officer, hearing):
    person = PersonFactory(crn="A200002")
    _candidate(hearing, person)

    _decide(client, court_officer, hearing, "reject", person)

    hearing.refresh_from_db()
    assert (hearing.match_state, hearing.person_id) == ("unconfirmed", None)
    assert HearingCandidate.objects.get().rejected is True
    page = client.get(reverse("court:hearing-match", args=[hearing.pk])).content.decode()
    assert "A200002" not in page
    assert "Confirm no record and add them" in page
    assert AuditEvent.objects.filter(crn="A200002", action="update").get().detail["decision"] == "rejected"


def test_confirming_no_record_creates_the_person_through_person_create(client, court_officer, hearing):
    people = Person.objects.count()

    _decide(client, court_officer, hearing, "no_record")

    hearing.refresh_from_db()
    assert Person.objects.count() == people + 1
    person = hearing.person
    assert (person.first_name, person.surname, person.date_of_birth) == (
        "John",
        "Smith",
        dt.date(1990, 5, 17),
    )
    assert (person.pnc_number, person.pdu_id, person.created_by_id) == (
        "2004/0046583U",
        court_officer.staff.team.pdu_id,
        court_officer.pk,
    )
    actions = list(
        AuditEvent.objects.filter(crn=person.crn).order_by("seq").values_list("action", "object_type")
    )
    assert actions == [("create", "person"), ("update", "hearing")]


def test_no_record_is_refused_while_a_possible_match_is_still_offered(client, court_officer, hearing):
    _candidate(hearing, PersonFactory())
    people = Person.objects.count()

    response = _decide(client, court_officer, hearing, "no_record")

    assert response.status_code == 400
    assert (
        "Confirm or reject each possible match before confirming there is no record"
        in response.content.decode()
    )
    assert Person.objects.count() == people
    assert Hearing.objects.get().match_state == "unconfirmed"


def test_no_record_without_a_date_of_birth_is_refused_with_what_to_do(client, court_officer, court):
    hearing = HearingFactory(court_list=CourtListFactory(court=court), date_of_birth=None)
    people = Person.objects.count()

    response = _decide(client, court_officer, hearing, "no_record")

    assert "The list gives no date of birth for this defendant" in response.content.decode()
    assert Person.objects.count() == people


def test_a_decision_on_a_version_someone_else_moved_on_is_refused(client, court_officer, hearing):
    first, second = PersonFactory(), PersonFactory()
    _candidate(hearing, first)
    _candidate(hearing, second)
    _decide(client, court_officer, hearing, "reject", first)

    response = _decide(client, court_officer, hearing, "confirm", second, version=1)

    assert "Someone else decided this match while you were looking at it" in response.content.decode()
    hearing.refresh_from_db()
    assert hearing.person_id is None


def test_only_an_offered_candidate_can_be_confirmed(client, court_officer, hearing):
    stranger = PersonFactory()

    response = _decide(client, court_officer, hearing, "confirm", stranger)

    assert response.status_code == 404
    assert Hearing.objects.get().person_id is None


def test_a_confirmed_defendant_offers_no_more_decisions(client, court_officer, hearing):
    person = PersonFactory(crn="A200009")
    _candidate(hearing, person)
    other = PersonFactory(crn="A200010")
    _candidate(hearing, other)
    _decide(client, court_officer, hearing, "confirm", person)

    page = client.get(reverse("court:hearing-match", args=[hearing.pk])).content.decode()

    assert "This defendant’s match has been confirmed: A200009." in page
    assert "This is the defendant" not in page


def test_a_name_match_another_officer_may_not_open_is_neither_shown_nor_decidable(
    client, court_officer, hearing
):
    from probation.people.tests.access import exclude

    person = PersonFactory(crn="A200011", first_name="Johann", surname="Smith")
    _candidate(hearing, person, matched_on="name_dob")  # found by an officer who may see the case
    exclude(person, court_officer)
    client.force_login(court_officer)

    page = client.get(reverse("court:hearing-match", args=[hearing.pk])).content.decode()
    response = _decide(client, court_officer, hearing, "confirm", person)

    assert "A200011" not in page
    assert "Johann" not in page
    assert response.status_code == 404
    assert Hearing.objects.get().person_id is None


def test_a_pnc_match_the_officer_may_not_open_is_offered_by_crn_and_can_be_confirmed(
    client, court_officer, hearing
):
    from probation.people.tests.access import restrict_to_someone_else

    person = PersonFactory(crn="A200012", first_name="Hidden", pnc_number="2004/0046583U")
    _candidate(hearing, person, matched_on="pnc")
    restrict_to_someone_else(person)
    client.force_login(court_officer)

    page = client.get(reverse("court:hearing-match", args=[hearing.pk])).content.decode()
    _decide(client, court_officer, hearing, "confirm", person)

    assert "Restricted case A200012" in page
    assert "Hidden" not in page
    assert Hearing.objects.get().person_id == person.pk


def test_no_record_offers_the_records_the_duplicate_check_finds_and_creates_nobody(
    client, court_officer, hearing
):
    same = PersonFactory(
        crn="A200013", first_name="John", surname="Smith", date_of_birth=dt.date(1990, 5, 17)
    )
    people = Person.objects.count()

    response = _decide(client, court_officer, hearing, "no_record")

    assert Person.objects.count() == people
    assert "This defendant may already be on the record: check the possible matches below" in (
        response.content.decode()
    )
    candidate = HearingCandidate.objects.get(hearing=hearing, person=same)
    assert candidate.reasons[0].startswith("Found when adding them: same date of birth and same name")
    assert (
        "This is the defendant"
        in client.get(reverse("court:hearing-match", args=[hearing.pk])).content.decode()
    )


def test_no_record_after_rejecting_the_match_adds_the_person_with_the_reason_kept(
    client, court_officer, hearing
):
    from probation.people.models import DuplicateOverride

    same = PersonFactory(
        crn="A200014", first_name="John", surname="Smith", date_of_birth=dt.date(1990, 5, 17)
    )
    _candidate(hearing, same)
    _decide(client, court_officer, hearing, "reject", same)
    hearing.refresh_from_db()

    _decide(client, court_officer, hearing, "no_record")

    hearing.refresh_from_db()
    assert hearing.person_id not in (None, same.pk)
    override = DuplicateOverride.objects.get(person_id=hearing.person_id)
    assert override.matched_crns == ["A200014"]
    assert override.reason.startswith("A court officer checked this record against the court list")
