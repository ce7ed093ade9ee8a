"""The probation sentence form pre-filled from the report's proposal (court-reports.md § Content 6)
and the hearing: the officer checks it against what the court passed and changes what differs."""

import re
from typing import Any

from probation.court.models import Hearing
from probation.reports.models import Report, ReportRequest
from probation.sentences.models.choices import REQUIREMENT_TYPE_CHOICES, SentenceType

HO_CODE = re.compile(r"^\d{5}$")  # the conviction form takes a Home Office code, not a CJS one
_REQUIREMENT_TYPES = {value for value, _label in REQUIREMENT_TYPE_CHOICES}
_SLOTS = ("requirement", "requirement_2", "requirement_3")


def report_of(request: ReportRequest | None) -> Report | None:
    if request is None:
        return None
    try:
        return request.report
    except Report.DoesNotExist:
        return None


def _proposal_initial(proposed: dict[str, Any]) -> dict[str, Any]:
    initial: dict[str, Any] = {}
    if proposed.get("sentence_type") in SentenceType.values:
        initial["sentence_type"] = proposed["sentence_type"]
    for name in ("length_months", "custodial_months"):
        if isinstance(proposed.get(name), int):
            initial[name] = proposed[name]
    requirements = [
        r
        for r in proposed.get("requirements") or []
        if isinstance(r, dict) and r.get("type") in _REQUIREMENT_TYPES
    ]
    for slot, requirement in zip(_SLOTS, requirements, strict=False):
        prefix = "requirement" if slot == "requirement" else slot
        initial[f"{prefix}_type"] = requirement["type"]
        if isinstance(requirement.get("amount"), int):
            initial[f"{prefix}_amount"] = requirement["amount"]
        if isinstance(requirement.get("details"), str):
            initial[f"{prefix}_details"] = requirement["details"]
    return initial


def sentence_initial(hearing: Hearing, request: ReportRequest | None) -> dict[str, Any]:
    """Dates from the hearing (conviction: the hearing that asked for the report, if any), the court,
    the first listed offence if its code is a Home Office one, and the proposal's sentence."""
    sitting = hearing.court_list.sitting_date
    initial: dict[str, Any] = {
        "conviction_date": request.hearing_date if request is not None else sitting,
        "court": hearing.court_list.court.name,
        "sentence_date": sitting,
        "start_date": sitting,
        "kind": "standard_determinate",
        "version": hearing.version,
    }
    offences = [o for o in hearing.offences if isinstance(o, dict)]
    if offences and HO_CODE.match(str(offences[0].get("code", ""))):
        initial["main_code"] = offences[0]["code"]
    report = report_of(request)
    if report is not None and isinstance(report.proposed_sentence, dict):
        initial.update(_proposal_initial(report.proposed_sentence))
    return initial
