"""Display rows for the enforcement action page (a case with its history of steps) and the warning
letter, so templates hold no logic."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from probation.accounts.models import OfficeLocation
from probation.contacts.models import EnforcementCase
from probation.contacts.models.enforcement import OPEN_STATUSES
from probation.enforcement.presenters.compliance import (
    OVERDUE,
    contact_type_label,
    outcome_label,
    status_label,
)
from probation.people.models import Person
from probation.risk.presenters.tags import Tag
from probation.rules.enforcement.actions import (
    ACTION_LABELS,
    EnforcementAction,
    is_overdue,
    warning_letter_statements,
)
from probation.rules.enforcement.breach import OrderKind
from probation.rules.enforcement.transitions import EnforcementStatus

LETTER_TITLES = {
    OrderKind.COMMUNITY_ORDER: "Warning letter: failure to comply with your community order",
    OrderKind.SUSPENDED_SENTENCE_ORDER: "Warning letter: failure to comply with your suspended sentence "
    "order",
    OrderKind.LICENCE: "Licence compliance letter",
}


def action_label(action: str) -> str:
    return ACTION_LABELS[EnforcementAction(action)] if action else "Opened"


def breach_mandatory_text(given_on: dt.date | None) -> str:
    """Why the only decision offered is breach (enforcement.md; Sentencing Act 2020 Sch 10 para 6)."""
    if given_on is None:
        return ""
    return (
        f"A warning was given on {given_on:%-d %B %Y} within the last 12 months, so the law requires breach "
        "proceedings (Sentencing Act 2020, Sch 10 para 6)."
    )


@dataclass(frozen=True)
class StepRow:
    at: dt.datetime
    who: str
    action: str
    change: str
    note: str


@dataclass(frozen=True)
class CaseHistoryRow:
    pk: int
    failure_date: dt.date
    contact_type: str
    outcome: str
    status: str
    open: bool
    respond_by: dt.date
    overdue: Tag | None
    decided_on: dt.date | None
    decided_by: str
    reason: str
    steps: list[StepRow]
    action_url: str
    letter_url: str


def case_history_row(case: EnforcementCase, *, crn: str, today: dt.date, can_act: bool) -> CaseHistoryRow:
    is_open = case.status in OPEN_STATUSES
    warning = case.status in (EnforcementStatus.FIRST_WARNING_SENT, EnforcementStatus.SECOND_WARNING_SENT)
    steps = [
        StepRow(
            at=step.at,
            who=str(step.actor) if step.actor_id else "System",
            action=action_label(step.action),
            change=f"{status_label(step.from_status) if step.from_status else 'New'} to "
            f"{status_label(step.to_status).lower()}",
            note=step.note,
        )
        for step in case.steps.all()
    ]
    return CaseHistoryRow(
        pk=case.pk,
        failure_date=case.failure_date,
        contact_type=contact_type_label(case.contact.type),
        outcome=outcome_label(case.contact.outcome),
        status=status_label(case.status),
        open=is_open,
        respond_by=case.respond_by,
        overdue=OVERDUE if is_open and is_overdue(case.respond_by, today=today) else None,
        decided_on=case.decided_on,
        decided_by=str(case.decided_by) if case.decided_by_id else "",
        reason=case.reason,
        steps=steps,
        action_url=reverse("enforcement:action-record", args=[crn, case.pk])
        if can_act and (is_open or warning)
        else "",
        letter_url=reverse("enforcement:warning-letter", args=[crn, case.pk]) if can_act and warning else "",
    )


def office_lines(office: OfficeLocation | None) -> list[str]:
    """The office's name and postal address, one line each, for a letter's sender block."""
    if office is None:
        return []
    return [line for line in (office.name, *office.address.split(", "), office.postcode) if line]


def warning_letter_context(
    *,
    person: Person,
    case: EnforcementCase,
    kind: OrderKind,
    address: list[str],
    office: OfficeLocation | None = None,
) -> dict[str, Any]:
    """Only this person's name and main address, this failure, and the officer who gave the warning:
    signed with their name and grade, from their office's address and telephone number."""
    given_on = case.decided_on or case.failure_date
    officer = case.decided_by.staff if case.decided_by is not None else None
    return {
        "title": LETTER_TITLES[kind],
        "name": person.full_name,
        "crn": person.crn,
        "address": address,
        "letter_date": given_on,
        "failure_date": case.failure_date,
        "contact_type": contact_type_label(case.contact.type),
        "statements": warning_letter_statements(
            case.reason or "No circumstances recorded.",
            given_on=given_on,
            licence=kind is OrderKind.LICENCE,
        ),
        "officer": str(officer) if officer else str(case.decided_by or ""),
        "role": officer.get_grade_display() if officer else "",
        "team": officer.team.name if officer else "",
        "office": office_lines(office),
        "office_phone": office.phone if office else "",
        "licence": kind is OrderKind.LICENCE,
        "second": case.status == EnforcementStatus.SECOND_WARNING_SENT,
    }
