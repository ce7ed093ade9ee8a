"""Display rows for the compliance panel on the sentence page and the compliance page, and the labels
the action pages share, so templates hold no logic. Colour never carries meaning alone: every tag has
its words."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.urls import reverse

from probation.contacts.models import Contact, EnforcementCase
from probation.contacts.models.enforcement import OPEN_STATUSES
from probation.core.clock import LONDON
from probation.enforcement.services.compliance import SentenceCompliance, WarningStatus
from probation.people.models import Person
from probation.risk.presenters.tags import Tag
from probation.rules.contacts.outcomes import CONTACT_TYPES, OUTCOMES
from probation.rules.enforcement.actions import is_overdue
from probation.rules.enforcement.compliance import ComplianceStatus, ContactRecord
from probation.rules.enforcement.transitions import EnforcementStatus, label
from probation.sentences.models import Sentence

SUMMARY_COLOURS = {
    ComplianceStatus.NO_FAILURES: "green",
    ComplianceStatus.ONE_FAILURE: "yellow",
    ComplianceStatus.FAILURES_NO_BREACH: "red",
    ComplianceStatus.BREACH_IN_PROGRESS: "purple",
}
OVERDUE = Tag("Overdue", "red")


def status_label(status: str) -> str:
    return label(EnforcementStatus(status)).capitalize()


def contact_type_label(code: str) -> str:
    kind = CONTACT_TYPES.get(code)  # type: ignore[call-overload]
    return kind.description if kind else code


def outcome_label(code: str) -> str:
    result = OUTCOMES.get(code)  # type: ignore[call-overload]
    return f"{result.description} ({code})" if result else code


def contact_day(contact: Contact) -> dt.date:
    return contact.starts_at.astimezone(LONDON).date()


def summary_tag(compliance: SentenceCompliance) -> Tag:
    return Tag(compliance.summary.text, SUMMARY_COLOURS[compliance.summary.status])


@dataclass(frozen=True)
class OpenCaseRow:
    pk: int
    failure_date: dt.date
    contact_type: str
    status: str
    respond_by: dt.date
    overdue: Tag | None
    action_url: str


def open_case_row(case: EnforcementCase, *, crn: str, today: dt.date, can_act: bool) -> OpenCaseRow:
    return OpenCaseRow(
        pk=case.pk,
        failure_date=case.failure_date,
        contact_type=contact_type_label(case.contact.type),
        status=status_label(case.status),
        respond_by=case.respond_by,
        overdue=OVERDUE if is_overdue(case.respond_by, today=today) else None,
        action_url=reverse("enforcement:action-record", args=[crn, case.pk]) if can_act else "",
    )


@dataclass(frozen=True)
class CompliancePanel:
    tag: Tag
    red: bool
    failure_count: int
    reset_date: dt.date
    warnings: tuple[WarningStatus, ...]
    in_force: WarningStatus | None
    open_cases: list[OpenCaseRow]
    compliance_url: str


def compliance_panel(
    *,
    person: Person,
    sentence: Sentence,
    compliance: SentenceCompliance,
    cases: Iterable[EnforcementCase],
    today: dt.date,
    can_act: bool,
) -> CompliancePanel:
    return CompliancePanel(
        tag=summary_tag(compliance),
        red=compliance.summary.red,
        failure_count=compliance.failure_count,
        reset_date=compliance.reset_date,
        warnings=compliance.warnings,
        in_force=compliance.in_force,
        open_cases=[
            open_case_row(c, crn=person.crn, today=today, can_act=can_act)
            for c in cases
            if c.status in OPEN_STATUSES
        ],
        compliance_url=reverse("enforcement:compliance", args=[person.crn, sentence.pk]),
    )


@dataclass(frozen=True)
class FailureRow:
    day: dt.date
    contact_type: str
    outcome: str
    counts: bool


def failure_rows(contacts: Iterable[Contact], *, reset_date: dt.date) -> list[FailureRow]:
    """Every unacceptable outcome on the sentence; ``counts`` marks those the FTC count includes
    (NS contacts on or after the reset date)."""
    return [
        FailureRow(
            day=(day := contact_day(c)),
            contact_type=contact_type_label(c.type),
            outcome=outcome_label(c.outcome),
            counts=day >= reset_date and c.is_failure_to_comply,
        )
        for c in contacts
    ]


def failure_records(contacts: Iterable[Contact]) -> list[ContactRecord]:
    return [ContactRecord(contact_day(c), c.type, c.outcome) for c in contacts]  # type: ignore[arg-type]
