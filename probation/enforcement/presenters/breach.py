"""Display rows for the breach pages, the breach rows of the sentence panel and the breach pack, so
templates hold no logic. Notes of sensitive contacts are replaced here for users without
CONTACT_VIEW_SENSITIVE."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.urls import reverse

from probation.contacts.models import Contact
from probation.core.clock import LONDON
from probation.enforcement.models import Breach
from probation.risk.presenters.tags import Tag
from probation.rules.contacts.outcomes import OUTCOMES, OutcomeCode, contact_type
from probation.rules.enforcement.transitions import BreachStatus
from probation.rules.sentences.requirements import REQUIREMENT_RULES, RequirementType
from probation.sentences.models import Requirement

SENSITIVE_WITHHELD = "Sensitive: notes withheld"

BREACH_STATUS_LABELS: dict[str, str] = {
    BreachStatus.INITIATED: "Initiated",
    BreachStatus.PACK_SENT_TO_COURT: "Pack sent to court",
    BreachStatus.PROVEN_ORDER_CONTINUES: "Proven – order continues",
    BreachStatus.PROVEN_ORDER_AMENDED: "Proven – order amended",
    BreachStatus.PROVEN_REVOKED_AND_RESENTENCED: "Proven – order revoked and re-sentenced",
    BreachStatus.PROVEN_COMMITTED_TO_CUSTODY: "Proven – committed to custody",
    BreachStatus.PROVEN_FINED: "Proven – fined",
    BreachStatus.NOT_PROVEN: "Not proven",
    BreachStatus.WITHDRAWN: "Withdrawn",
}
_OPEN_COLOUR, _DONE_COLOUR = "orange", "grey"


def breach_tag(status: str) -> Tag:
    status = BreachStatus(status)
    open_ = status in (BreachStatus.INITIATED, BreachStatus.PACK_SENT_TO_COURT)
    return Tag(BREACH_STATUS_LABELS[status], _OPEN_COLOUR if open_ else _DONE_COLOUR)


def uk_date(value: dt.datetime) -> dt.date:
    return value.astimezone(LONDON).date()


def failure_label(contact: Contact) -> str:
    """ "Tuesday 14 April 2026, planned office visit: Unacceptable absence (UAAB)"."""
    when = uk_date(contact.starts_at)
    outcome = (
        OUTCOMES[OutcomeCode(contact.outcome)].description if contact.outcome in OUTCOMES else contact.outcome
    )
    kind = contact_type(contact.type).description.lower()
    return f"{when:%A %-d %B %Y}, {kind}: {outcome} ({contact.outcome})"


@dataclass(frozen=True)
class FailureRow:
    pk: int
    date: dt.date
    type: str
    outcome: str
    officer: str
    notes: str
    enforcement: str


def failure_rows(contacts: Iterable[Contact], *, show_sensitive: bool) -> list[FailureRow]:
    rows = []
    for c in contacts:
        case = getattr(c, "enforcement", None)
        rows.append(
            FailureRow(
                pk=c.pk,
                date=uk_date(c.starts_at),
                type=contact_type(c.type).description,
                outcome=f"{OUTCOMES[OutcomeCode(c.outcome)].description} ({c.outcome})"
                if c.outcome in OUTCOMES
                else "",
                officer=str(c.officer),
                notes=SENSITIVE_WITHHELD if c.sensitive and not show_sensitive else c.notes,
                enforcement=case.get_status_display() if case is not None else "",
            )
        )
    return rows


@dataclass(frozen=True)
class RequirementRow:
    type: str
    progress: str
    details: str
    status: str


def requirement_rows(requirements: Iterable[Requirement]) -> list[RequirementRow]:
    rows = []
    for r in requirements:
        rule = REQUIREMENT_RULES[RequirementType(r.type)]
        unit = rule.measure.value if rule.measure else ""
        if rule.tracks_progress and r.ordered:
            progress = f"{r.done} of {r.ordered} {unit}"
        elif r.ordered:
            progress = f"{r.ordered} {unit} ordered"
        else:
            progress = "–"
        ended = f"Ended {r.terminated_on:%-d %B %Y}" if r.terminated_on else "Active"
        rows.append(RequirementRow(r.get_type_display(), progress, r.details, ended))
    return rows


@dataclass(frozen=True)
class BreachRow:
    pk: int
    tag: Tag
    initiated_on: dt.date
    hearing_date: dt.date | None
    ended_on: dt.date | None
    detail_url: str
    pack_url: str


def breach_row(breach: Breach, *, crn: str) -> BreachRow:
    args = [crn, breach.sentence_id, breach.pk]
    return BreachRow(
        pk=breach.pk,
        tag=breach_tag(breach.status),
        initiated_on=breach.initiated_on,
        hearing_date=breach.hearing_date,
        ended_on=breach.ended_on,
        detail_url=reverse("enforcement:breach-detail", args=args),
        pack_url=reverse("enforcement:breach-pack", args=args),
    )
