"""Display rows for a referral: names from the catalogue, status tags, deadlines with lateness. Runs no
queries (the views read through the selectors)."""

import datetime as dt
from dataclasses import dataclass

from probation.referrals.models import Referral
from probation.rules.law.dated import version_by_key
from probation.rules.referrals.catalogue import CATALOGUE, COMPLEXITY_LABELS, Complexity
from probation.rules.referrals.deadlines import action_plan_due, assessment_due, is_overdue
from probation.rules.referrals.progress import (
    ABSENCE_LABELS,
    ACHIEVEMENT_LABELS,
    ATTENDED_LABELS,
    END_REASON_LABELS,
    OPEN,
    STATUS_LABELS,
    Status,
)

TAG_COLOURS = {
    Status.SENT: "blue",
    Status.ASSESSED: "light-blue",
    Status.PLAN_SUBMITTED: "yellow",
    Status.IN_PROGRESS: "green",
    Status.COMPLETED: "grey",
    Status.CANCELLED: "red",
    Status.ENDED_EARLY: "orange",
}
DELIVERY_LABELS = {
    "planned_office_visit": "In person",
    "planned_telephone_contact": "Phone",
    "planned_video_contact": "Video",
}


@dataclass(frozen=True)
class CategoryRow:
    name: str
    complexity: str
    outcomes: list[tuple[str, str, str]]  # key, text, achievement label ("" before the report)


@dataclass(frozen=True)
class Deadline:
    label: str
    due_on: dt.date
    done_on: dt.date | None
    late: bool


def status_label(referral: Referral) -> tuple[str, str]:
    status = Status(referral.status)
    return STATUS_LABELS[status], TAG_COLOURS[status]


def contract_name(referral: Referral) -> str:
    catalogue = version_by_key(CATALOGUE, referral.catalogue_key).rule
    return catalogue.contract_type(referral.contract_type).name


def category_rows(referral: Referral) -> list[CategoryRow]:
    catalogue = version_by_key(CATALOGUE, referral.catalogue_key).rule
    rows = []
    for chosen in referral.categories.all():
        category = catalogue.category(chosen.category)
        level = Complexity(chosen.complexity)
        rows.append(
            CategoryRow(
                category.name,
                f"{COMPLEXITY_LABELS[level]}: {category.complexity[level]}",
                [
                    (
                        key,
                        category.outcomes[key],
                        ACHIEVEMENT_LABELS.get(referral.report_answers.get(key, ""), ""),
                    )
                    for key in chosen.outcomes
                ],
            )
        )
    return rows


def deadlines(referral: Referral, *, today: dt.date) -> list[Deadline]:
    open_ = Status(referral.status) in OPEN
    due = assessment_due(referral.sent_on)
    rows = [
        Deadline(
            "Initial assessment",
            due,
            referral.assessed_on,
            is_overdue(due, done_on=referral.assessed_on, today=today)
            if (open_ or referral.assessed_on)
            else False,
        )
    ]
    if referral.assessed_on is not None:
        plans = list(referral.action_plans.all())
        first = min((p.submitted_on for p in plans), default=None)
        plan_due = action_plan_due(referral.assessed_on)
        late = is_overdue(plan_due, done_on=first, today=today) if (open_ or first) else False
        rows.append(Deadline("Action plan", plan_due, first, late))
    return rows


def session_rows(referral: Referral) -> list[dict[str, object]]:
    return [
        {
            "number": s.number,
            "happened_on": s.happened_on,
            "delivery": DELIVERY_LABELS.get(s.delivery, s.delivery),
            "attended": ATTENDED_LABELS.get(s.attended, s.attended),  # type: ignore[call-overload]
            "absence": ABSENCE_LABELS.get(s.absence, ""),  # type: ignore[call-overload]
            "summary": s.summary,
            "behaviour": s.behaviour,
            "concerns": s.concerns,
            "notify": s.notify_practitioner,
            "unread": s.notify_practitioner and s.seen_at is None,
            "uses_day": s.uses_day,
        }
        for s in sorted(referral.sessions.all(), key=lambda s: s.number)
    ]


def end_reason_label(referral: Referral) -> str:
    return END_REASON_LABELS.get(referral.end_reason, "")  # type: ignore[call-overload]


def outcome_choices(referral: Referral) -> list[tuple[str, str]]:
    return [(key, text) for row in category_rows(referral) for key, text, _ in row.outcomes]


def person_name(referral: Referral) -> str:
    person = referral.person
    return f"{person.preferred_name or person.first_name} {person.surname}"
