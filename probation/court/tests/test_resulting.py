"""Resulting a hearing (issue 11 item 6): New → In progress → Resulted, assignment to the court team,
and a probation sentence recorded in one step from the report's proposal, closing the request and
putting the case on the court PDU's unallocated list — or nothing at all."""

import datetime as dt

import pytest
from django.urls import reverse

from probation.accounts.tests.factories import PDUFactory, StaffFactory, TeamFactory, UserFactory
from probation.audit.models import AuditEvent
from probation.core.clock import today_uk
from probation.core.errors import ServiceError
from probation.court.models import Hearing, Outcome, ResultStatus
from probation.court.services.resulting import SentenceResult, hearing_result_sentence, hearing_result_update
from probation.court.tests.factories import CourtListFactory, HearingFactory
from probation.people.models import Allocation, Person
from probation.people.tests.factories import PersonFactory
from probation.reports.models import RequestStatus
from probation.reports.tests.factories import ReportFactory, ReportRequestFactory
from probation.sentences.models import Event, Requirement, Sentence
from probation.sentences.services.events import OffenceInput, RequirementInput, SentenceInput

pytestmark = pytest.mark.django_db
SITTING = today_uk() - dt.timedelta(days=2)
CONVICTED = SITTING - dt.timedelta(days=14)
PROPOSAL = {
    "sentence_type": "community_order",
    "length_months": 12,
    "custodial_months": None,
    "requirements": [
        {"type": "unpaid_work", "amount": 120},
        {"type": "rehabilitation_activity", "amount": 20},
    ],
}


@pytest.fixture
def person():
    """A new person (confirmed as "no record" elsewhere), in another PDU, with no officer."""
    return PersonFactory(pdu=PDUFactory())


@pytest.fixture
def hearing(court, person):
    return HearingFactory(
        court_list=CourtListFactory(court=court, sitting_date=SITTING), match_state="confirmed", person=person
    )


@pytest.fixture
def report_request(court, person):
    return ReportFactory(
        request=ReportRequestFactory(
            court=court,
            person=person,
            status=RequestStatus.COMPLETED,
            author=UserFactory(),
            hearing_date=CONVICTED,
            requested_on=CONVICTED,
            required_by=SITTING,
            adjourned_to=SITTING,
        ),
        proposal="A community order of 12 months with 120 hours of unpaid work and 20 RAR days.",
        proposed_sentence=PROPOSAL,
    ).request


def _result(**overrides):
    fields = {
        "conviction_date": CONVICTED,
        "court": "Leeds Magistrates’ Court",
        "main_offence": OffenceInput("10400", CONVICTED - dt.timedelta(days=30)),
        "sentence": SentenceInput(
            type="community_order", sentence_date=SITTING, start_date=SITTING, length_months=12
        ),
        "requirements": [
            RequirementInput("unpaid_work", 120),
            RequirementInput("rehabilitation_activity", 20),
        ],
    }
    return SentenceResult(**(fields | overrides))


def _state():
    return (
        Event.objects.count(),
        Sentence.objects.count(),
        Requirement.objects.count(),
        list(Person.objects.values_list("pk", "pdu_id", "team_id", "officer_id")),
        list(Allocation.objects.values_list("pk", "ended_at")),
        list(Hearing.objects.values_list("result_status", "outcome", "version")),
        AuditEvent.objects.count(),
    )


def test_a_probation_sentence_creates_event_sentence_and_requirements_closes_the_request_and_waits_for_allocation(
    client, court_officer, spo_user, court, hearing, person, report_request
):
    client.force_login(spo_user)  # a senior PO of the court's PDU
    assert person.crn not in client.get(reverse("worklists:unallocated")).content.decode()

    event = hearing_result_sentence(
        actor=court_officer, hearing_id=hearing.pk, expected_version=hearing.version, result=_result()
    )

    sentence = Sentence.objects.get(event=event)
    assert (sentence.type, sentence.length_months, sentence.sentence_date) == ("community_order", 12, SITTING)
    assert sorted(Requirement.objects.filter(sentence=sentence).values_list("type", "ordered")) == [
        ("rehabilitation_activity", 20),
        ("unpaid_work", 120),
    ]
    report_request.refresh_from_db()
    assert report_request.status == RequestStatus.CLOSED
    hearing.refresh_from_db()
    assert (hearing.result_status, hearing.outcome, hearing.result_event_id, hearing.closed_request_id) == (
        ResultStatus.RESULTED,
        Outcome.PROBATION_SENTENCE,
        event.pk,
        report_request.pk,
    )
    person.refresh_from_db()
    assert (person.pdu_id, person.team_id, person.officer_id) == (court.pdu_id, None, None)
    unallocated = client.get(reverse("worklists:unallocated")).content.decode()
    assert person.crn in unallocated
    assert {"event", "report_request", "hearing_result", "allocation"} <= set(
        AuditEvent.objects.values_list("object_type", flat=True)
    )


def test_a_supervised_person_keeps_their_officer_and_gets_the_new_event(court_officer, court, team):
    officer = StaffFactory(team=team, grade="PO")
    supervised = PersonFactory(officer=officer)
    hearing = HearingFactory(
        court_list=CourtListFactory(court=court, sitting_date=SITTING),
        match_state="confirmed",
        person=supervised,
    )

    event = hearing_result_sentence(
        actor=court_officer, hearing_id=hearing.pk, expected_version=hearing.version, result=_result()
    )

    supervised.refresh_from_db()
    assert (supervised.officer_id, supervised.team_id, event.person_id) == (
        officer.pk,
        team.pk,
        supervised.pk,
    )


def test_a_person_supervised_in_another_pdu_is_refused_and_nothing_is_written(court_officer, court):
    elsewhere = PersonFactory(officer=StaffFactory(team=TeamFactory(), grade="PO"))
    hearing = HearingFactory(
        court_list=CourtListFactory(court=court, sitting_date=SITTING),
        match_state="confirmed",
        person=elsewhere,
    )
    before = _state()

    with pytest.raises(ServiceError, match="supervised in"):
        hearing_result_sentence(
            actor=court_officer, hearing_id=hearing.pk, expected_version=hearing.version, result=_result()
        )

    assert _state() == before


def test_a_failing_sentence_check_writes_nothing(court_officer, hearing, report_request):
    before = _state()
    too_long = SentenceInput(
        type="community_order", sentence_date=SITTING, start_date=SITTING, length_months=48
    )

    with pytest.raises(ServiceError):
        hearing_result_sentence(
            actor=court_officer,
            hearing_id=hearing.pk,
            expected_version=hearing.version,
            result=_result(sentence=too_long, requirements=[RequirementInput("unpaid_work", 500)]),
        )

    assert _state() == before
    report_request.refresh_from_db()
    assert report_request.status == RequestStatus.COMPLETED


def test_a_resulted_hearing_cannot_be_resulted_again(court_officer, hearing):
    hearing_result_update(
        actor=court_officer,
        hearing_id=hearing.pk,
        expected_version=hearing.version,
        assigned_to_id=None,
        outcome=Outcome.FINE,
        notes="",
    )
    before = _state()

    with pytest.raises(ServiceError, match="already been resulted"):
        hearing_result_sentence(
            actor=court_officer, hearing_id=hearing.pk, expected_version=hearing.version + 1, result=_result()
        )
    assert _state() == before


def test_assigning_puts_the_hearing_in_progress_and_only_court_team_members_can_be_assigned(
    court_officer, hearing, team
):
    colleague = UserFactory(role="court_officer", staff=StaffFactory(team=team, grade="CO"))

    updated = hearing_result_update(
        actor=court_officer,
        hearing_id=hearing.pk,
        expected_version=hearing.version,
        assigned_to_id=colleague.pk,
        outcome="",
        notes="Waiting for the court clerk",
    )
    assert (updated.result_status, updated.result_assigned_to_id) == (ResultStatus.IN_PROGRESS, colleague.pk)

    practitioner = UserFactory(role="practitioner", staff=StaffFactory(team=team, grade="PO"))
    with pytest.raises(ServiceError, match="Select a member of the court team"):
        hearing_result_update(
            actor=court_officer,
            hearing_id=hearing.pk,
            expected_version=updated.version,
            assigned_to_id=practitioner.pk,
            outcome="",
            notes="",
        )


def test_the_sentence_page_is_pre_filled_from_the_proposal(client, court_officer, hearing, report_request):
    client.force_login(court_officer)

    response = client.get(reverse("court:hearing-result-sentence", args=[hearing.pk]))

    form = response.context["form"]
    assert (form.initial["sentence_type"], form.initial["length_months"]) == ("community_order", 12)
    assert (form.initial["requirement_type"], form.initial["requirement_amount"]) == ("unpaid_work", 120)
    assert (form.initial["requirement_2_type"], form.initial["requirement_2_amount"]) == (
        "rehabilitation_activity",
        20,
    )
    assert form.initial["conviction_date"] == CONVICTED
    assert "A community order of 12 months" in response.content.decode()


def _post_data(hearing, **overrides):
    def date(name, day):
        return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}

    data = {
        **date("conviction_date", CONVICTED),
        "court": "Leeds Magistrates’ Court",
        "main_code": "10400",
        **date("main_date", CONVICTED - dt.timedelta(days=30)),
        "sentence_type": "community_order",
        **date("sentence_date", SITTING),
        **date("start_date", SITTING),
        "length_months": "12",
        "kind": "standard_determinate",
        "requirement_type": "unpaid_work",
        "requirement_amount": "120",
        "version": hearing.version,
    }
    return data | overrides


def test_the_sentence_page_records_the_sentence_and_returns_to_the_duty_page(
    client, court_officer, hearing, report_request
):
    client.force_login(court_officer)

    response = client.post(reverse("court:hearing-result-sentence", args=[hearing.pk]), _post_data(hearing))

    assert response.status_code == 302
    assert Event.objects.filter(person=hearing.person).count() == 1
    duty = client.get(response["Location"]).content.decode()
    assert "Resulted: Probation sentence" in duty


def test_the_sentence_page_shows_govuk_errors_and_writes_nothing(
    client, court_officer, hearing, report_request
):
    client.force_login(court_officer)
    before = _state()

    response = client.post(
        reverse("court:hearing-result-sentence", args=[hearing.pk]),
        _post_data(hearing, length_months="48", requirement_type=""),
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "A community order must have at least one requirement" in page
    assert _state()[:6] == before[:6]


def test_the_result_page_records_a_non_probation_outcome(client, court_officer, hearing):
    client.force_login(court_officer)

    response = client.post(
        reverse("court:hearing-result", args=[hearing.pk]),
        {"outcome": "fine", "notes": "Fined £200", "assigned_to": "", "version": hearing.version},
    )

    assert response.status_code == 302
    hearing.refresh_from_db()
    assert (hearing.result_status, hearing.outcome, hearing.result_notes) == (
        "resulted",
        "fine",
        "Fined £200",
    )


def test_choosing_a_probation_sentence_leads_to_the_sentence_page(client, court_officer, hearing):
    client.force_login(court_officer)

    response = client.post(
        reverse("court:hearing-result", args=[hearing.pk]),
        {"outcome": "probation_sentence", "notes": "", "assigned_to": "", "version": hearing.version},
    )

    assert response["Location"] == reverse("court:hearing-result-sentence", args=[hearing.pk])
    hearing.refresh_from_db()
    assert (hearing.result_status, hearing.outcome) == ("in_progress", "")


def test_a_stale_version_is_a_conflict_and_changes_nothing(client, court_officer, hearing):
    client.force_login(court_officer)
    url = reverse("court:hearing-result", args=[hearing.pk])
    client.post(url, {"outcome": "", "notes": "first", "assigned_to": "", "version": hearing.version})

    response = client.post(
        url, {"outcome": "fine", "notes": "second", "assigned_to": "", "version": hearing.version}
    )

    assert response.status_code == 409
    hearing.refresh_from_db()
    assert (hearing.result_notes, hearing.outcome) == ("first", "")


def test_the_duty_page_offers_resulting_to_the_courts_own_court_officers_only(
    client, court_officer, court, hearing
):
    url = reverse("court:duty", args=[court.code, SITTING.isoformat()])
    result_link = reverse("court:hearing-result", args=[hearing.pk])
    neighbour = UserFactory(
        role="court_officer",
        staff=StaffFactory(team=TeamFactory(pdu=PDUFactory(region=court.pdu.region)), grade="CO"),
    )

    client.force_login(court_officer)
    own = client.get(url).content.decode()
    client.force_login(neighbour)
    other = client.get(url).content.decode()

    assert result_link in own
    assert "New" in own
    assert result_link not in other


def test_a_further_requirement_is_checked_beside_its_own_fields(
    client, court_officer, hearing, report_request
):
    client.force_login(court_officer)
    before = _state()

    response = client.post(
        reverse("court:hearing-result-sentence", args=[hearing.pk]),
        _post_data(hearing, requirement_2_type="unpaid_work", requirement_2_amount="500"),
    )

    form = response.context["form"]
    assert "requirement_2_amount" in form.errors
    assert "requirement_amount" not in form.errors
    assert _state()[:6] == before[:6]


def test_a_report_requested_outcome_leads_to_recording_the_request(client, court_officer, hearing):
    client.force_login(court_officer)
    result = reverse("court:hearing-result", args=[hearing.pk])
    client.post(
        result, {"outcome": "report_requested", "notes": "", "assigned_to": "", "version": hearing.version}
    )

    page = client.get(result).content.decode()

    assert reverse("reports:request-create", args=[hearing.person.crn]) + f"?hearing={hearing.pk}" in page
