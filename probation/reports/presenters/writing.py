"""Display for the report editor: its sections with what the record knows beside each, and the report's
state (the proposal in words, its findings, what is missing before signing)."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from crispy_forms_gds.helper import FormHelper

from probation.reports.forms.writing import SECTIONS, ReportForm
from probation.reports.models import Report, ReportSource
from probation.reports.selectors.prefill import PrefillItem
from probation.reports.services.writing import report_missing_before_signing, report_proposal_findings
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


# Which report section each pre-filled field sits in.
PREFILL_FOR_SECTION = {
    "offence": "offence_analysis",
    "pattern": "pattern_of_offending",
    "circumstances": "circumstances",
    "risk": "risk_assessment",
}


@dataclass(frozen=True)
class EditorSection:
    key: str
    title: str
    prefill: list[PrefillItem]
    helper: FormHelper


def editor_sections(form: ReportForm, prefill: Mapping[str, list[PrefillItem]]) -> list[EditorSection]:
    helpers = form.helpers
    return [
        EditorSection(key, title, prefill.get(PREFILL_FOR_SECTION.get(key, ""), []), helpers[key])
        for key, (title, _) in SECTIONS.items()
    ]


def report_state(report: Report | None) -> dict[str, Any]:
    """The report's proposal in words, the proposal rules' findings, what is missing before signing
    and its sources by name (nothing when the report is not started)."""
    if report is None:
        return {"check": None, "missing": [], "proposed_sentence": "", "source_labels": []}
    return {
        "check": report_proposal_findings(report),
        "missing": report_missing_before_signing(report),
        "proposed_sentence": proposed_sentence_text(report.proposed_sentence),
        "source_labels": [ReportSource(s).label for s in report.sources],
    }
