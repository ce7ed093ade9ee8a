"""Display of the structured proposal (the sentence, its length and requirements with quantities)."""

from collections.abc import Mapping

from probation.rules.court_reports.proposal import SENTENCE_LABELS, ProposedSentenceType
from probation.rules.sentences.requirements import REQUIREMENT_RULES, RequirementType


def proposed_sentence_text(proposed: Mapping[str, object]) -> str:
    """e.g. "Community order, 12 months: Unpaid work 120 hours; Rehabilitation activity (RAR) 20 days"."""
    kind = str(proposed.get("sentence_type") or "")
    if kind not in ProposedSentenceType.__members__.values():
        return ""
    parts = [SENTENCE_LABELS[ProposedSentenceType(kind)]]
    if proposed.get("custodial_months"):
        parts.append(f"custodial term {proposed['custodial_months']} months")
    if proposed.get("length_months"):
        word = "suspended for" if kind == ProposedSentenceType.SUSPENDED_SENTENCE_ORDER else ""
        parts.append(f"{word} {proposed['length_months']} months".strip())
    requirements = []
    for item in proposed.get("requirements") or []:  # type: ignore[attr-defined]
        rule = REQUIREMENT_RULES[RequirementType(item["type"])]
        amount = (
            f" {item['amount']} {rule.measure}" if item.get("amount") is not None and rule.measure else ""
        )
        requirements.append(f"{rule.label}{amount}")
    text = ", ".join(parts)
    return f"{text}: {'; '.join(requirements)}" if requirements else text
