"""Recording, allocating, withdrawing and correcting report requests: the date required comes from
the rules, bad input changes nothing, every change is audited and names the version it saw."""

import datetime as dt

import pytest

from probation.accounts.tests.factories import PDUFactory, StaffFactory, TeamFactory, UserFactory
from probation.audit.models import AuditEvent
from probation.core.errors import ConflictError, NotFound, ServiceError
from probation.court.tests.factories import CourtFactory, CourtListFactory, HearingFactory
from probation.people.tests.access import exclude
from probation.reports.models import ReportRequest, RequestStatus
from probation.reports.services.requests import (
    CourtRequest,
    report_request_allocate,
    report_request_complete,
    report_request_create,
    report_request_set_type_delivered,
    report_request_withdraw,
)
from probation.reports.tests.factories import ReportRequestFactory

pytestmark = pytest.mark.django_db
D = dt.date


def _details(court, **overrides):
    values = {
        "court_id": court.pk,
        "type_requested": "short_format",
        "remand_status": "unconditional_bail",
        "hearing_date": D(2026, 12, 1),
        "adjourned_to": None,
        "offences": [{"code": "", "wording": "Theft from a shop"}],
    } | overrides
    return CourtRequest(**values)


def _create(court_officer, person, court, **overrides):
    return report_request_create(actor=court_officer, person=person, details=_details(court, **overrides))


def test_a_short_format_request_is_required_five_working_days_after_the_hearing(court_officer, person, court):
    request = _create(court_officer, person, court, assessments=["unpaid_work"], purposes=["punishment"])

    request.refresh_from_db()
    assert request.required_by == D(2026, 12, 8)
    assert request.requested_on == D(2026, 12, 1)
    assert request.status == RequestStatus.REQUESTED
    assert request.assessments_requested == ["unpaid_work"]
    assert request.purposes == ["punishment"]
    assert request.offences == [{"code": "", "wording": "Theft from a shop"}]
    event = AuditEvent.objects.get(object_type="report_request", action="create")
    assert (event.crn, event.object_id) == (person.crn, str(request.pk))


def test_a_standard_request_in_custody_is_capped_at_three_weeks_over_easter(court_officer, person, court):
    request = _create(
        court_officer,
        person,
        court,
        type_requested="standard",
        remand_status="custody",
        hearing_date=D(2026, 4, 2),
    )
    # 15 working days from Thursday 2 April 2026 skip Good Friday and Easter Monday to Monday 27 April;
    # three weeks in custody end on Thursday 23 April: the cap wins.
    assert request.required_by == D(2026, 4, 23)


def test_an_adjournment_beyond_the_lawful_limit_is_refused_and_nothing_is_recorded(
    court_officer, person, court
):
    audit_rows = AuditEvent.objects.count()
    with pytest.raises(ServiceError) as refused:
        _create(court_officer, person, court, remand_status="custody", adjourned_to=D(2026, 12, 23))

    assert refused.value.field == "adjourned_to"
    assert "at most 3 weeks" in refused.value.message
    assert ReportRequest.objects.count() == 0
    assert AuditEvent.objects.count() == audit_rows


def test_a_hearing_in_the_future_is_refused(court_officer, person, court):
    with pytest.raises(ServiceError) as refused:
        _create(court_officer, person, court, hearing_date=D(2026, 12, 4))
    assert refused.value.message == "The date of the hearing must be today or in the past"
    assert ReportRequest.objects.count() == 0


def test_a_court_outside_the_officers_region_is_refused(court_officer, person):
    elsewhere = CourtFactory(pdu=PDUFactory())
    with pytest.raises(ServiceError) as refused:
        _create(court_officer, person, elsewhere)
    assert refused.value.field == "court"
    assert ReportRequest.objects.count() == 0


def test_a_second_open_request_for_the_same_hearing_is_refused(court_officer, person, court):
    _create(court_officer, person, court)
    with pytest.raises(ServiceError) as refused:
        _create(court_officer, person, court, type_requested="standard")
    assert refused.value.message.startswith("A report has already been requested")
    assert ReportRequest.objects.count() == 1


def test_a_request_from_a_hearing_takes_its_offences_and_links_it(court_officer, person, court):
    hearing = HearingFactory(
        court_list=CourtListFactory(court=court, sitting_date=D(2026, 12, 1)),
        person=person,
        match_state="confirmed",
    )
    request = _create(court_officer, person, court, hearing_id=hearing.pk, offences=None)
    assert request.hearing == hearing
    assert request.offences == hearing.offences


def test_a_hearing_of_another_person_is_not_found(court_officer, person, court):
    hearing = HearingFactory(court_list=CourtListFactory(court=court))
    with pytest.raises(NotFound):
        _create(court_officer, person, court, hearing_id=hearing.pk)


def test_allocating_puts_the_request_on_the_authors_work(court_officer, court, author):
    request = ReportRequestFactory(court=court, person__rosh_level="high")
    report_request_allocate(
        actor=court_officer, request_id=request.pk, expected_version=1, author_id=author.pk
    )

    request.refresh_from_db()
    assert (request.status, request.author, request.allocated_on, request.version) == (
        RequestStatus.ALLOCATED,
        author,
        D(2026, 12, 3),
        2,
    )
    assert AuditEvent.objects.filter(object_type="report_request", action="allocate").count() == 1


@pytest.mark.parametrize("rosh", ["high", "very_high"])
def test_a_pso_cannot_write_a_report_on_a_high_rosh_case(court_officer, court, pso, rosh):
    request = ReportRequestFactory(court=court, person__rosh_level=rosh)
    with pytest.raises(ServiceError) as refused:
        report_request_allocate(
            actor=court_officer, request_id=request.pk, expected_version=1, author_id=pso.pk
        )
    assert refused.value.message.startswith("Reports on cases with high or very high RoSH")
    request.refresh_from_db()
    assert (request.status, request.author, request.version) == (RequestStatus.REQUESTED, None, 1)


def test_a_pso_cannot_write_a_report_when_rosh_is_not_recorded(court_officer, court, pso):
    request = ReportRequestFactory(court=court, person__rosh_level="")
    with pytest.raises(ServiceError) as refused:
        report_request_allocate(
            actor=court_officer, request_id=request.pk, expected_version=1, author_id=pso.pk
        )
    assert refused.value.message.startswith("This case has no RoSH level recorded")


@pytest.mark.parametrize("rosh", ["low", "medium"])
def test_a_pso_may_write_a_report_on_a_low_or_medium_rosh_case(court_officer, court, pso, rosh):
    request = ReportRequestFactory(court=court, person__rosh_level=rosh)
    report_request_allocate(actor=court_officer, request_id=request.pk, expected_version=1, author_id=pso.pk)
    request.refresh_from_db()
    assert request.author == pso


def test_an_officer_of_another_pdu_cannot_be_the_author(court_officer, court):
    outsider = UserFactory(role="practitioner", staff=StaffFactory(team=TeamFactory(), grade="PO"))
    request = ReportRequestFactory(court=court)
    with pytest.raises(ServiceError) as refused:
        report_request_allocate(
            actor=court_officer, request_id=request.pk, expected_version=1, author_id=outsider.pk
        )
    assert refused.value.message == "Select an officer of the court’s PDU"


def test_an_officer_excluded_from_the_case_cannot_be_the_author(court_officer, court, author):
    request = ReportRequestFactory(court=court)
    exclude(request.person, author)
    with pytest.raises(ServiceError) as refused:
        report_request_allocate(
            actor=court_officer, request_id=request.pk, expected_version=1, author_id=author.pk
        )
    assert "cannot see this case" in refused.value.message


def test_a_stale_version_is_a_conflict_and_changes_nothing(court_officer, court, author):
    request = ReportRequestFactory(court=court, version=2)
    with pytest.raises(ConflictError):
        report_request_allocate(
            actor=court_officer, request_id=request.pk, expected_version=1, author_id=author.pk
        )
    request.refresh_from_db()
    assert (request.author, request.version) == (None, 2)


def test_a_senior_po_allocates_their_pdus_courts_only(spo_user, court, author):
    mine = ReportRequestFactory(court=court)
    theirs = ReportRequestFactory(court=CourtFactory(pdu=PDUFactory(region=court.pdu.region)))

    report_request_allocate(actor=spo_user, request_id=mine.pk, expected_version=1, author_id=author.pk)
    with pytest.raises(NotFound):
        report_request_allocate(actor=spo_user, request_id=theirs.pk, expected_version=1, author_id=author.pk)


def test_a_practitioner_cannot_allocate(author, court):
    request = ReportRequestFactory(court=court)
    with pytest.raises(NotFound):
        report_request_allocate(actor=author, request_id=request.pk, expected_version=1, author_id=author.pk)


def test_withdrawing_needs_a_reason_and_keeps_it(court_officer, court):
    request = ReportRequestFactory(court=court)
    with pytest.raises(ServiceError) as refused:
        report_request_withdraw(actor=court_officer, request_id=request.pk, expected_version=1, reason="  ")
    assert refused.value.message == "Enter why the request is withdrawn"

    report_request_withdraw(
        actor=court_officer, request_id=request.pk, expected_version=1, reason="Sentenced without a report"
    )
    request.refresh_from_db()
    assert (request.status, request.withdrawn_on, request.withdrawal_reason) == (
        RequestStatus.WITHDRAWN,
        D(2026, 12, 3),
        "Sentenced without a report",
    )
    with pytest.raises(ServiceError):
        report_request_withdraw(
            actor=court_officer, request_id=request.pk, expected_version=2, reason="Again"
        )


def test_the_type_delivered_is_recorded_apart_from_the_type_requested(court_officer, court, author):
    request = ReportRequestFactory(court=court, status="allocated", author=author)
    report_request_complete(actor=author, request_id=request.pk, type_delivered="oral")
    request.refresh_from_db()
    assert (request.type_requested, request.type_delivered, request.status) == (
        "short_format",
        "oral",
        "completed",
    )
    assert request.completed_on == D(2026, 12, 3)

    report_request_set_type_delivered(
        actor=court_officer,
        request_id=request.pk,
        expected_version=request.version,
        type_delivered="standard",
    )
    request.refresh_from_db()
    assert (request.type_requested, request.type_delivered) == ("short_format", "standard")


def test_an_unknown_type_delivered_is_refused(court_officer, court, author):
    request = ReportRequestFactory(court=court, status="completed", author=author)
    with pytest.raises(ServiceError):
        report_request_set_type_delivered(
            actor=court_officer, request_id=request.pk, expected_version=1, type_delivered="essay"
        )
    request.refresh_from_db()
    assert request.type_delivered == ""


def test_the_type_delivered_waits_for_the_report_to_be_completed(court_officer, court, author):
    request = ReportRequestFactory(court=court, status="allocated", author=author)
    with pytest.raises(ServiceError) as refused:
        report_request_set_type_delivered(
            actor=court_officer, request_id=request.pk, expected_version=1, type_delivered="oral"
        )
    assert refused.value.message == "The type delivered is recorded once the report is completed"
    request.refresh_from_db()
    assert (request.type_delivered, request.version) == ("", 1)
