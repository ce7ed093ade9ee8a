"""Parole reviews for tests: a prisoner serving an indeterminate sentence with a review requested."""

import datetime as dt
from typing import Any

from probation.accounts.models import User
from probation.custody.models import CustodyRecord
from probation.custody.tests.factories import custody_record
from probation.parole.models import GovernorReport, ParoleReview
from probation.people.models import Person
from probation.rules.parole.timetable import GovernorReportKind, governor_report_due, review_timetable

TODAY = dt.date(2026, 12, 3)


def lifer(person: Person, **fields: Any) -> CustodyRecord:
    return custody_record(
        person,
        sentence_date=dt.date(2015, 3, 2),
        months=120,
        release_type="life",
        age_at_sentence=25,
        **fields,
    )


def parole_review(
    person: Person, *, author: User, custody: CustodyRecord | None = None, **fields: Any
) -> ParoleReview:
    custody = custody or lifer(person)
    target = fields.pop("target_on", dt.date(2027, 6, 1))
    requested = fields.pop("requested_on", dt.date(2026, 12, 1))
    timetable = review_timetable(target_on=target, requested_on=requested)
    return ParoleReview.objects.create(
        person=person,
        custody=custody,
        target_on=target,
        requested_on=requested,
        review_starts_on=timetable.review_starts_on,
        report_due_on=fields.pop("report_due_on", timetable.report_due_on),
        author=author,
        requested_by=author,
        **fields,
    )


def governor_report(
    person: Person, *, author: User, custody: CustodyRecord | None = None, kind: str = "rotl", **fields: Any
) -> GovernorReport:
    custody = custody or lifer(person)
    requested = fields.pop("requested_on", TODAY)
    return GovernorReport.objects.create(
        person=person,
        custody=custody,
        kind=kind,
        requested_on=requested,
        due_on=fields.pop("due_on", governor_report_due(GovernorReportKind(kind), requested)),
        author=author,
        **fields,
    )
