"""Display rows for the recall pages, the recall rows of the sentence panel and the no-recall letter,
so templates hold no logic."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.urls import reverse

from probation.enforcement.models import Recall
from probation.risk.presenters.tags import Tag
from probation.rules.enforcement.recall import (
    EXCLUSION_LABELS,
    AlternativeTried,
    FixedTermExclusion,
    RecallCase,
    RecallRules,
    RecallType,
    allowed_recall_types,
    fixed_term_recall_days,
    recall_rule_explanation,
    recall_rules_period,
    relevant_exclusions,
)
from probation.rules.enforcement.transitions import RecallStatus
from probation.rules.law.dated import RuleVersion, day
from probation.sentences.law import law_settings

RECALL_STATUS_LABELS: dict[str, str] = {
    RecallStatus.CONSIDERING: "Considering a recall",
    RecallStatus.AWAITING_DECISION: "Awaiting decision",
    RecallStatus.RECALL_DECIDED: "Recall decided",
    RecallStatus.NO_RECALL_DECIDED: "No recall",
    RecallStatus.RETURNED_TO_CUSTODY: "Returned to custody",
    RecallStatus.RE_RELEASED: "Re-released",
    RecallStatus.LICENCE_ENDED_IN_CUSTODY: "Licence ended in custody",
}
RECALL_TYPE_LABELS: dict[str, str] = {
    RecallType.STANDARD: "Standard recall",
    RecallType.FIXED_TERM: "Fixed-term recall",
}
RECALL_TYPE_HINTS = {
    RecallType.STANDARD: "In custody until the licence ends unless re-released by the Parole Board or the "
    "Secretary of State",
    RecallType.FIXED_TERM: "Automatic re-release at the end of the fixed term",
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
_DONE_COLOUR = "grey"


def recall_tag(status: str) -> Tag:
    status = RecallStatus(status)
    colour = {RecallStatus.NO_RECALL_DECIDED: "green", RecallStatus.RE_RELEASED: _DONE_COLOUR}
    return Tag(RECALL_STATUS_LABELS[status], colour.get(status, "red"))


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
        recall_type=decided_type_label(recall) if recall.recall_type else "",
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


def fixed_term_hint(days: int) -> str:
    return f"Automatic re-release {days} days after the return to custody"


def decided_type_label(recall: Recall) -> str:
    """ "28-day fixed-term recall" / "Standard recall": the type with the fixed term it was decided with."""
    if recall.recall_type == RecallType.FIXED_TERM and recall.fixed_term_days:
        return f"{recall.fixed_term_days}-day fixed-term recall"
    return RECALL_TYPE_LABELS.get(recall.recall_type, "")


def decided_under(recall: Recall) -> str:
    """ "Decided under the rules in force before 31 March 2026: 28-day fixed-term recall": the rule a
    decided recall keeps (enforcement.md § Law by date)."""
    if not recall.rule_version:
        return ""
    try:
        period = recall_rules_period(recall.rule_version, settings=law_settings())
    except KeyError:  # a key no longer in the rules: show it as recorded
        period = recall.rule_version
    decided = decided_type_label(recall) if recall.decision == "recall" else "no recall"
    return f"Decided under {period}: {decided[:1].lower() + decided[1:]}"


@dataclass(frozen=True)
class RecallLawView:
    """Which recall rule applies to a decision made on ``on``, and why these types for this case."""

    heading: str
    citation: str
    summary: str
    explanation: str
    exclusions_heading: str
    exclusions: list[str]
    allowed: list[RecallType]
    hints: dict[RecallType, str]


def recall_law_view(case: RecallCase, rules: RuleVersion[RecallRules], *, on: dt.date) -> RecallLawView:
    allowed = sorted(allowed_recall_types(case, rules))
    days = fixed_term_recall_days(case.sentence_months, adult=case.adult, rules=rules)
    period = recall_rules_period(rules.key, settings=law_settings())
    return RecallLawView(
        heading=f"A recall decided on {day(on)} follows {period}.",
        citation=rules.citation,
        summary=rules.summary,
        explanation=recall_rule_explanation(case, rules),
        exclusions_heading="Exclusions from automatic release"
        if rules.rule.standard_only
        else "Exclusions from a fixed-term recall",
        exclusions=exclusion_labels(relevant_exclusions(case, rules)),
        allowed=allowed,
        hints={
            RecallType.STANDARD: RECALL_TYPE_HINTS[RecallType.STANDARD],
            RecallType.FIXED_TERM: fixed_term_hint(days),
        },
    )
