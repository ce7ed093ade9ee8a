"""Display rows for breach and recall pages, the sentence panel and the two documents, so templates
hold no logic. Notes of sensitive contacts are replaced here for users without CONTACT_VIEW_SENSITIVE."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.urls import reverse

from probation.contacts.models import Contact
from probation.core.clock import LONDON
from probation.enforcement.models import Breach, Recall
from probation.risk.presenters.tags import Tag
from probation.sentences.domain.licences import (
    EXCLUSION_LABELS,
    AlternativeTried,
    FixedTermExclusion,
    RecallType,
)
from probation.sentences.domain.outcomes import OUTCOMES, contact_type
from probation.sentences.domain.requirements import REQUIREMENT_RULES, RequirementType
from probation.sentences.domain.transitions import BreachStatus, RecallStatus
from probation.sentences.models import Requirement

SENSITIVE_WITHHELD = "Sensitive: notes withheld"

BREACH_STATUS_LABELS = {
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
RECALL_STATUS_LABELS = {
    RecallStatus.CONSIDERING: "Considering a recall",
    RecallStatus.AWAITING_DECISION: "Awaiting decision",
    RecallStatus.RECALL_DECIDED: "Recall decided",
    RecallStatus.NO_RECALL_DECIDED: "No recall",
    RecallStatus.RETURNED_TO_CUSTODY: "Returned to custody",
    RecallStatus.RE_RELEASED: "Re-released",
    RecallStatus.LICENCE_ENDED_IN_CUSTODY: "Licence ended in custody",
}
RECALL_TYPE_LABELS = {
    RecallType.STANDARD: "Standard recall",
    RecallType.FIXED_TERM: "Fixed-term recall",
}
RECALL_TYPE_HINTS = {
    RecallType.STANDARD: "In custody until the licence ends unless re-released by the Parole Board or the "
    "Secretary of State",
    RecallType.FIXED_TERM: "Automatic re-release after 14 days (sentence under 12 months) or 28 days "
    "(12 months or more)",
}
ALTERNATIVE_LABELS = {
    AlternativeTried.WARNING: "Warning",
    AlternativeTried.INCREASED_REPORTING: "Increased reporting",
    AlternativeTried.ADDITIONAL_CONDITIONS: "Additional licence conditions",
    AlternativeTried.IOM_OR_MAPPA_REFERRAL: "Referral to IOM or MAPPA",
    AlternativeTried.PARTNER_AGENCIES: "Partner agencies",
    AlternativeTried.APPROVED_PREMISES: "Approved premises",
    AlternativeTried.DRUG_TESTING: "Drug testing",
}
_OPEN_COLOUR, _DONE_COLOUR = "orange", "grey"


def breach_tag(status: str) -> Tag:
    status = BreachStatus(status)
    open_ = status in (BreachStatus.INITIATED, BreachStatus.PACK_SENT_TO_COURT)
    return Tag(BREACH_STATUS_LABELS[status], _OPEN_COLOUR if open_ else _DONE_COLOUR)


def recall_tag(status: str) -> Tag:
    status = RecallStatus(status)
    colour = {RecallStatus.NO_RECALL_DECIDED: "green", RecallStatus.RE_RELEASED: _DONE_COLOUR}
    return Tag(RECALL_STATUS_LABELS[status], colour.get(status, "red"))


def uk_date(value: dt.datetime) -> dt.date:
    return value.astimezone(LONDON).date()


def failure_label(contact: Contact) -> str:
    """ "Tuesday 14 April 2026, planned office visit: Unacceptable absence (UAAB)"."""
    when = uk_date(contact.starts_at)
    outcome = OUTCOMES[contact.outcome].description if contact.outcome in OUTCOMES else contact.outcome
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
                outcome=f"{OUTCOMES[c.outcome].description} ({c.outcome})" if c.outcome in OUTCOMES else "",
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


@dataclass(frozen=True)
class RecallRow:
    pk: int
    tag: Tag
    started_on: dt.date
    emergency: bool
    recall_type: str
    decided_on: dt.date | None
    detail_url: str
    letter_url: str


def recall_row(recall: Recall, *, crn: str) -> RecallRow:
    no_recall = recall.status == RecallStatus.NO_RECALL_DECIDED
    return RecallRow(
        pk=recall.pk,
        tag=recall_tag(recall.status),
        started_on=recall.started_on,
        emergency=recall.emergency,
        recall_type=RECALL_TYPE_LABELS.get(recall.recall_type, "") if recall.recall_type else "",
        decided_on=recall.decided_on,
        detail_url=reverse("enforcement:recall-detail", args=[crn, recall.pk]),
        letter_url=reverse("enforcement:recall-letter", args=[crn, recall.pk]) if no_recall else "",
    )


def yes_no(value: bool) -> str:
    return "Yes" if value else "No"


def recommendation_rows(recall: Recall) -> list[tuple[str, str]]:
    """The officer's recommendation, read-only, for the detail and decision pages."""
    conditions = "; ".join(c.text for c in recall.breached_conditions.all())
    alternatives = ", ".join(ALTERNATIVE_LABELS.get(a, a) for a in recall.alternatives_tried) or "None"
    recommended = recall.get_recommendation_display()
    if recall.recommended_type:
        recommended += f" ({RECALL_TYPE_LABELS[RecallType(recall.recommended_type)].lower()})"
    return [
        ("What happened", recall.circumstances),
        ("Emergency recall", yes_no(recall.emergency)),
        ("Licence conditions breached", conditions),
        ("Alternatives tried", alternatives),
        ("About the alternatives", recall.alternatives_notes or "–"),
        ("Charged with a new offence", yes_no(recall.charged_with_new_offence)),
        ("Referred to the Parole Board", yes_no(recall.referred_to_parole_board)),
        ("Victims in the victim contact scheme", yes_no(recall.victims_in_contact_scheme)),
        ("RoSH when recommended", (recall.rosh_at_recommendation or "Not assessed").capitalize()),
        ("MAPPA when recommended", recall.mappa_at_recommendation),
        ("Officer's recommendation", recommended),
        ("Reasons", recall.recommendation_reason),
    ]


def exclusion_labels(exclusions: Iterable[FixedTermExclusion]) -> list[str]:
    return [EXCLUSION_LABELS[e][:1].upper() + EXCLUSION_LABELS[e][1:] for e in exclusions]


def recall_type_choices(allowed: Iterable[RecallType]) -> list[tuple[str, str]]:
    """Only the allowed types, standard first."""
    return [(t.value, RECALL_TYPE_LABELS[t]) for t in RecallType if t in set(allowed)]
