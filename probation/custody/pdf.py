"""The recall report ("Part A") as a PDF (WeasyPrint, as the court report and the sentence plan, ADR 0033).

Disclosure: the Part A goes to the Public Protection Casework Section and its reasons are given to the
person, so ``part_a_context`` reads only the recall record (what happened, the conditions breached, the
RoSH level and MAPPA level recorded when it was recommended, the decision and the rule it was decided
under) and the two answers about victims: *whether* victims are in the scheme and the *date* the VLO was
told. Nothing is read from the victims app, MAPPA meetings, sensitive contacts or registrations' notes.
"""

import datetime as dt
from typing import Any

from django.template.loader import render_to_string
from weasyprint import HTML

from probation.custody.models import RecallReport
from probation.enforcement.models import Recall
from probation.enforcement.presenters.recall import ALTERNATIVE_LABELS, decided_type_label, decided_under
from probation.people.models import Person
from probation.rules.enforcement.recall import RECALL_RULES
from probation.rules.law.dated import LawSettings, day, version_by_key


def _rule_reason(recall: Recall, settings: LawSettings) -> tuple[str, str]:
    if not recall.rule_version:
        return "", ""
    try:
        version = version_by_key(RECALL_RULES, recall.rule_version, settings=settings)
    except KeyError:
        return "", ""
    return version.summary, version.citation


def part_a_context(
    *, person: Person, recall: Recall, report: RecallReport, today: dt.date, settings: LawSettings
) -> dict[str, Any]:
    summary, citation = _rule_reason(recall, settings)
    decider = recall.decided_by
    return {
        "name": person.full_name,
        "crn": person.crn,
        "pnc": person.pnc_number or "",
        "date_of_birth": day(person.date_of_birth) if person.date_of_birth else "",
        "sentence": f"{recall.sentence.get_type_display()} of {day(recall.sentence.sentence_date)}",
        "licence_from": day(recall.licence.release_date),
        "licence_expiry": day(recall.licence.licence_expiry_date)
        if recall.licence.licence_expiry_date
        else "",
        "circumstances": recall.circumstances,
        "emergency": recall.emergency,
        "conditions": [c.text for c in recall.breached_conditions.all()],
        "alternatives": [ALTERNATIVE_LABELS.get(a, a) for a in recall.alternatives_tried],
        "alternatives_notes": recall.alternatives_notes,
        "charged": recall.charged_with_new_offence,
        "rosh": (recall.rosh_at_recommendation or "Not assessed").capitalize(),
        "mappa": recall.mappa_at_recommendation or "Not managed under MAPPA",
        "recommendation_reason": recall.recommendation_reason,
        "recall_type": decided_type_label(recall),
        "decided_under": decided_under(recall),
        "rule_summary": summary,
        "rule_citation": citation,
        "rationale": recall.rationale,
        "decided_by": str(decider.staff if decider and decider.staff else decider or ""),
        "decided_on": day(recall.decided_on) if recall.decided_on else "",
        "victims_in_scheme": report.get_victims_in_scheme_display(),
        "vlo_told_on": day(report.vlo_told_on) if report.vlo_told_on else "Not applicable",
        "today": day(today),
    }


def render_part_a(context: dict[str, Any]) -> bytes:
    html = render_to_string("custody/recall/part_a_pdf.html", context)
    return bytes(HTML(string=html, base_url=None).write_pdf())
