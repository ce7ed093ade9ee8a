"""Results of the demo hearings already heard (court-reports.md § Court liaison), recorded through the
court app's resulting services as a court officer would: most confirmed defendants are resulted (a
probation sentence from a proposal-like order, a report requested, an adjournment, a fine…), some are
still in progress with an officer assigned, some are new. A report requested at a hearing becomes a
request awaiting allocation, linked to the hearing."""

import datetime as dt
from random import Random

from probation.accounts.models import User
from probation.core.errors import NotFound, ServiceError
from probation.court.models import CourtList, Hearing, MatchState, Outcome
from probation.court.services.resulting import SentenceResult, hearing_result_sentence, hearing_result_update
from probation.reports.models import RemandStatus, ReportRequest, ReportType, RequestStatus
from probation.rules.calendar.working_days import add_working_days
from probation.sentences.services.events import OffenceInput, RequirementInput, SentenceInput

OUTCOMES = (
    (Outcome.PROBATION_SENTENCE, 0.25),
    (Outcome.REPORT_REQUESTED, 0.15),
    (Outcome.ADJOURNED, 0.12),
    (Outcome.NON_PROBATION_SENTENCE, 0.08),
    (Outcome.FINE, 0.08),
    (Outcome.COMMITTED_TO_CROWN, 0.04),
    (Outcome.CROWN_PLUS_PSR, 0.02),
    (Outcome.WARRANT, 0.03),
    (Outcome.TRIAL, 0.04),
    (Outcome.DISMISSED, 0.03),
    (Outcome.NO_OUTCOME, 0.02),
    (Outcome.OTHER, 0.02),
    ("in_progress", 0.07),
    ("new", 0.05),
)
# A Home Office offence code the conviction form accepts (theft from a shop) for the demo sentences.
DEMO_HO_CODE = "04600"


def _sentence(rng: Random, sitting: dt.date) -> SentenceResult:
    convicted = sitting - dt.timedelta(days=rng.choice((0, 14, 21)))
    order = rng.random() < 0.75
    return SentenceResult(
        conviction_date=convicted,
        court="Demo court",
        main_offence=OffenceInput(DEMO_HO_CODE, convicted - dt.timedelta(days=rng.randint(20, 90))),
        sentence=SentenceInput(
            type="community_order" if order else "suspended_sentence_order",
            sentence_date=sitting,
            start_date=sitting,
            length_months=rng.choice((12, 18)) if order else 24,
            custodial_months=None if order else 6,
        ),
        requirements=[RequirementInput("unpaid_work", rng.choice((60, 100, 120, 150)))],
    )


def _report_request(officer: User, hearing: Hearing) -> ReportRequest:
    assert hearing.person_id is not None  # only confirmed hearings are resulted
    sitting = hearing.court_list.sitting_date
    report_type = ReportType.SHORT_FORMAT
    return ReportRequest.objects.create(
        person_id=hearing.person_id,
        court=hearing.court_list.court,
        hearing=hearing,
        offences=hearing.offences,
        type_requested=report_type,
        remand_status=RemandStatus.UNCONDITIONAL_BAIL,
        hearing_date=sitting,
        adjourned_to=add_working_days(sitting, 5),
        requested_on=sitting,
        required_by=add_working_days(sitting, 5),
        status=RequestStatus.REQUESTED,
        requested_by=officer,
    )


def _result_one(officer: User, hearing: Hearing, rng: Random) -> str:
    choice = rng.choices([o for o, _ in OUTCOMES], weights=[w for _, w in OUTCOMES])[0]
    if choice == "new":
        return choice
    if choice == Outcome.PROBATION_SENTENCE:
        try:
            hearing_result_sentence(
                actor=officer,
                hearing_id=hearing.pk,
                expected_version=hearing.version,
                result=_sentence(rng, hearing.court_list.sitting_date),
            )
            return choice
        except (ServiceError, NotFound):  # supervised in another PDU, or not visible: another outcome
            choice = Outcome.OTHER
    hearing_result_update(
        actor=officer,
        hearing_id=hearing.pk,
        expected_version=hearing.version,
        assigned_to_id=officer.pk,
        outcome="" if choice == "in_progress" else choice,
        notes="",
    )
    if choice == Outcome.REPORT_REQUESTED:
        _report_request(officer, hearing)
    return choice


def result_hearings(*, officer: User, court_list: CourtList, rng: Random) -> int:
    """Result the confirmed hearings of a list already heard; returns how many were resulted."""
    resulted = 0
    hearings = Hearing.objects.filter(court_list=court_list, match_state=MatchState.CONFIRMED).select_related(
        "court_list__court"
    )
    for hearing in hearings.order_by("listing_number"):
        if _result_one(officer, hearing, rng) not in ("new", "in_progress"):
            resulted += 1
    return resulted
