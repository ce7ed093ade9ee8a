"""Set-up shared by the report editor's tests: an author, their allocated request and the record the
pre-fill reads (plain functions; each test module declares its own fixtures from them)."""

import datetime as dt
from typing import Any

from probation.accounts.models import User
from probation.accounts.tests.factories import UserFactory
from probation.assessments.tests.factories import CompletedAssessmentFactory
from probation.court.tests.factories import CourtFactory
from probation.people.models import Person
from probation.people.tests.factories import PersonFactory
from probation.reports.models import Report, ReportRequest, RequestStatus
from probation.reports.services.writing import report_open
from probation.reports.tests.factories import ReportRequestFactory
from probation.scores.models import PredictorScore

OFFENCES = [{"code": "TH68010", "wording": "Theft of a pedal cycle"}]


def allocated_request(author: User, *, person: Person | None = None, **fields: Any) -> ReportRequest:
    """A short-format request allocated to ``author`` for a person whose case their team holds."""
    person = person or PersonFactory.create(officer=author.staff, date_of_birth=dt.date(1990, 5, 1))
    values: dict[str, Any] = {"status": RequestStatus.ALLOCATED, "offences": OFFENCES} | fields
    return ReportRequestFactory.create(
        person=person,
        court=CourtFactory.create(pdu=person.pdu),
        author=author,
        allocated_on=dt.date(2026, 12, 1),
        **values,
    )


def opened_report(author: User, **fields: Any) -> Report:
    return report_open(actor=author, request=allocated_request(author, **fields))


def score(person: Person, predictor: str, result: dict[str, object], day: int = 12) -> PredictorScore:
    return PredictorScore.objects.create(
        person=person,
        predictor=predictor,
        inputs={},
        features={},
        result=result,
        calculated_at=dt.datetime(2026, 3, day, 12, tzinfo=dt.UTC),
        calculated_by=UserFactory.create(),
    )


def completed_needs(person: Person) -> None:
    """Accommodation severe (7+), relationships standard, the rest unanswered."""
    CompletedAssessmentFactory(
        person=person,
        answers={
            "accommodation": {
                "no_fixed_abode_or_transient": "yes",
                "suitability": "significant",
                "permanence": "significant",
                "location": "significant",
            },
            "relationships": {"close_family": "some", "experience_of_childhood": "some"},
        },
        started_at=dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC),
    )
