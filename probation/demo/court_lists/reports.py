"""Demo report requests and pre-sentence reports in every state and of every type, at the national
rate scaled to the people generated: about 90,000 reports a year for a national caseload of 250,000
(issue 11), so 0.36 a person a year, spread over the last year and the weeks ahead.

The mix follows court-reports.md (2019/20: about half oral, most of the rest short format, a few
standard, some addenda). A request's state follows its dates: one still due may be awaiting
allocation, allocated with a draft, signed or locked, or withdrawn; one past its date is mostly
closed (the person was sentenced), some completed and not yet closed, a few withdrawn or late. Rows
are written with ``bulk_create`` (a national load is ~90,000 requests); the reports' proposals are
structured as the proposal rules read them. Reproducible from the seed.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from random import Random
from typing import Any

from django.db.models import QuerySet

from probation.accounts.models import Grade, User
from probation.core.clock import now
from probation.court.models import Court, CourtKind
from probation.people.models import Person
from probation.people.models.person import ROSH_LEVELS_HELD_BY_PO
from probation.reports.models import (
    AssessmentAskedFor,
    CustodyPosition,
    RemandStatus,
    Report,
    ReportRequest,
    ReportSource,
    ReportStatus,
    ReportType,
    RequestStatus,
    SentencingPurpose,
)
from probation.rules.calendar.working_days import add_working_days

NATIONAL_PEOPLE = 250_000
NATIONAL_REPORTS_A_YEAR = 90_000
REPORTS_PER_PERSON_A_YEAR = NATIONAL_REPORTS_A_YEAR / NATIONAL_PEOPLE
AHEAD_DAYS = 21  # requests made recently whose reports are still due
TYPES = (
    (ReportType.ORAL, 0.50),
    (ReportType.SHORT_FORMAT, 0.42),
    (ReportType.STANDARD, 0.05),
    (ReportType.ADDENDUM, 0.03),
)
WORKING_DAYS_ALLOWED: dict[str, int] = {
    ReportType.ORAL: 0,
    ReportType.SHORT_FORMAT: 5,
    ReportType.STANDARD: 15,
}
# (request status, report status or None for no report), by weight, for requests still due and past.
DUE = (
    ((RequestStatus.REQUESTED, None), 0.25),
    ((RequestStatus.ALLOCATED, ReportStatus.DRAFT), 0.45),
    ((RequestStatus.ALLOCATED, ReportStatus.SIGNED), 0.10),
    ((RequestStatus.ALLOCATED, ReportStatus.LOCKED), 0.15),
    ((RequestStatus.WITHDRAWN, None), 0.05),
)
PAST = (
    ((RequestStatus.CLOSED, ReportStatus.LOCKED), 0.80),
    ((RequestStatus.COMPLETED, ReportStatus.LOCKED), 0.10),
    ((RequestStatus.WITHDRAWN, ReportStatus.DRAFT), 0.04),
    ((RequestStatus.ALLOCATED, ReportStatus.DRAFT), 0.06),  # late
)
PROPOSALS: tuple[dict[str, Any], ...] = (
    {
        "sentence_type": "community_order",
        "length_months": 12,
        "custodial_months": None,
        "requirements": [{"type": "unpaid_work", "amount": 120}],
    },
    {
        "sentence_type": "community_order",
        "length_months": 18,
        "custodial_months": None,
        "requirements": [
            {"type": "rehabilitation_activity", "amount": 20},
            {"type": "unpaid_work", "amount": 80},
        ],
    },
    {
        "sentence_type": "suspended_sentence_order",
        "length_months": 24,
        "custodial_months": 6,
        "requirements": [{"type": "rehabilitation_activity", "amount": 15}],
    },
)
OFFENCES = (
    {"code": "TH68010", "wording": "Stole goods to the value of £84.50 belonging to a supermarket"},
    {"code": "OF61016", "wording": "Assaulted a person by beating"},
    {"code": "CJ08507", "wording": "Failed to comply with the requirements of a community order"},
)


@dataclass
class ReportsResult:
    requests: int = 0
    reports: int = 0


def _pick(rng: Random, weighted: Sequence[tuple[object, float]]) -> object:
    return rng.choices([v for v, _ in weighted], weights=[w for _, w in weighted])[0]


def _required_by(report_type: str, hearing_date: dt.date) -> dt.date:
    if report_type == ReportType.ADDENDUM:
        return hearing_date + dt.timedelta(days=14)
    return add_working_days(hearing_date, WORKING_DAYS_ALLOWED[report_type])


@dataclass(frozen=True)
class _Staffing:
    courts: dict[int, int]  # PDU id -> a magistrates' court id
    crown: dict[int, int]  # PDU id -> a Crown Court id of its region, if any
    authors: dict[tuple[int, bool], list[int]]  # (PDU id, PO grade only) -> user ids
    court_officers: dict[int, list[int]]  # PDU id -> user ids


def _staffing(courts: QuerySet[Court]) -> _Staffing:
    magistrates: dict[int, int] = {}
    crown_by_region: dict[int, int] = {}
    for court in courts.select_related("pdu").order_by("code"):
        if court.kind == CourtKind.MAGISTRATES:
            magistrates.setdefault(court.pdu_id, court.pk)
        else:
            crown_by_region.setdefault(court.pdu.region_id, court.pk)
    crown = {c.pdu_id: crown_by_region[c.pdu.region_id] for c in courts if c.pdu.region_id in crown_by_region}
    authors: dict[tuple[int, bool], list[int]] = {}
    officers: dict[int, list[int]] = {}
    users = User.objects.filter(staff__active=True, is_active=True).values_list(
        "pk", "staff__grade", "staff__team__pdu_id"
    )
    for pk, grade, pdu_id in users.order_by("pk"):
        if grade in (Grade.PO, Grade.PSO, Grade.SPO):
            authors.setdefault((pdu_id, False), []).append(pk)
            if grade != Grade.PSO:
                authors.setdefault((pdu_id, True), []).append(pk)
        elif grade == Grade.COURT_OFFICER:
            officers.setdefault(pdu_id, []).append(pk)
    return _Staffing(magistrates, crown, authors, officers)


def _report(rng: Random, request: ReportRequest, status: str, at: dt.datetime) -> Report:
    written = request.type_requested != ReportType.ORAL or rng.random() < 0.5
    proposed: dict[str, Any] = rng.choice(PROPOSALS)
    report = Report(
        request=request,
        report_type=request.type_delivered or request.type_requested,
        sources=[ReportSource.INTERVIEW, ReportSource.SERVICE_RECORDS, ReportSource.CPS_SUMMARY],
        offence_analysis="Demo offence analysis: the circumstances, culpability and harm." if written else "",
        pattern_of_offending="Demo: previous convictions and response to supervision." if written else "",
        circumstances="Demo: accommodation, work, relationships and health." if written else "",
        risk_assessment="Demo: RoSH and predictor scores from the record." if written else "",
        proposal=f"Demo proposal: {proposed['sentence_type'].replace('_', ' ')}.",
        proposed_sentence=proposed,
        rationale="Demo rationale." if written else "",
        custody_position=CustodyPosition.POSSIBLE
        if proposed["sentence_type"] == "suspended_sentence_order"
        else CustodyPosition.BELOW_THRESHOLD,
        impact_of_custody="Demo: impact on family and dependants."
        if proposed["sentence_type"] == "suspended_sentence_order"
        else "",
        status=status,
        last_saved_by_id=request.author_id,
    )
    if status != ReportStatus.DRAFT:
        report.signed_by_id, report.signed_at = request.author_id, at
    if status == ReportStatus.LOCKED:
        report.locked_at = at
    return report


@dataclass(frozen=True)
class _Forced:
    """The first requests take every state and every type in turn, so even a small demo has each."""

    report_type: str
    state: tuple[str, str | None]
    due: bool


FORCED = [
    _Forced(TYPES[i % len(TYPES)][0], state, due)
    for i, (state, due) in enumerate([(s, True) for s, _ in DUE] + [(s, False) for s, _ in PAST])
]


def _request(
    rng: Random,
    person: tuple[int, int, str],
    staffing: _Staffing,
    requested_on: dt.date,
    today: dt.date,
    forced: _Forced | None = None,
) -> tuple[ReportRequest, str | None] | None:
    person_id, pdu_id, rosh = person
    court_id = staffing.courts.get(pdu_id)
    if court_id is None:
        return None
    report_type = forced.report_type if forced else str(_pick(rng, TYPES))
    if forced is not None:
        requested_on = today if forced.due else today - dt.timedelta(days=60)
    if report_type == ReportType.STANDARD and pdu_id in staffing.crown and rng.random() < 0.5:
        court_id = staffing.crown[pdu_id]
    required_by = _required_by(report_type, requested_on)
    if forced is not None:
        status, report_status = forced.state
    else:
        status, report_status = _pick(rng, DUE if required_by >= today else PAST)  # type: ignore[misc]
    authors = staffing.authors.get((pdu_id, rosh in ROSH_LEVELS_HELD_BY_PO)) or []
    requesters = staffing.court_officers.get(pdu_id) or authors
    if not requesters or (status != RequestStatus.REQUESTED and not authors):
        return None
    request = ReportRequest(
        person_id=person_id,
        court_id=court_id,
        offences=[rng.choice(OFFENCES)],
        type_requested=report_type,
        remand_status=rng.choice(RemandStatus.values),
        assessments_requested=[AssessmentAskedFor.UNPAID_WORK] if rng.random() < 0.3 else [],
        purposes=[SentencingPurpose.REHABILITATION, SentencingPurpose.PUNISHMENT],
        hearing_date=requested_on,
        adjourned_to=required_by,
        requested_on=requested_on,
        required_by=required_by,
        status=status,
        requested_by_id=rng.choice(requesters),
    )
    if status != RequestStatus.REQUESTED:
        request.author_id = rng.choice(authors)
        request.allocated_on = requested_on
    if status in (RequestStatus.COMPLETED, RequestStatus.CLOSED):
        request.type_delivered = report_type if rng.random() < 0.9 else ReportType.ORAL
        request.completed_on = (
            min(required_by, today)
            if rng.random() < 0.85
            else min(required_by + dt.timedelta(days=rng.randint(1, 5)), today)
        )
        request.sent_on = request.received_by_court_on = request.completed_on
    return request, report_status


def generate_reports(*, seed: int, today: dt.date) -> ReportsResult:
    """Report requests and reports for the people on the record (none if there are none)."""
    people = list(Person.objects.order_by("pk").values_list("pk", "pdu_id", "rosh_level"))
    courts = Court.objects.filter(active=True)
    if not people or not courts.exists():
        return ReportsResult()
    staffing = _staffing(courts)
    rng = Random(seed)  # noqa: S311 - reproducible fiction, not secrets
    count = round(len(people) * REPORTS_PER_PERSON_A_YEAR)
    made: list[tuple[ReportRequest, str | None]] = []
    forced = list(FORCED)
    for _ in range(max(count, len(FORCED) * 2)):
        requested_on = today - dt.timedelta(days=rng.randint(0, 365 - AHEAD_DAYS))
        found = _request(
            rng, rng.choice(people), staffing, requested_on, today, forced[0] if forced else None
        )
        if found is not None:
            made.append(found)
            if forced:
                forced.pop(0)
    requests = ReportRequest.objects.bulk_create([r for r, _ in made], batch_size=2000)
    moment = now()
    reports = [
        _report(rng, request, status, moment)
        for request, (_, status) in zip(requests, made, strict=True)
        if status
    ]
    Report.objects.bulk_create(reports, batch_size=2000)
    return ReportsResult(requests=len(requests), reports=len(reports))
