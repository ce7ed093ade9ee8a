"""Display rows for custody records: the key dates (proposed, the prison's, in use), the breakdown, the
handover and responsibility, the pre-release plan and what is missing. No queries."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from probation.custody.models import CustodyRecord, DatesStatus, Pathway, PathwayStatus
from probation.custody.services.key_dates import handover_case, stored_key_dates
from probation.frontend.templatetags.govuk import govuk_date
from probation.rules.custody.handover import (
    RESPONSIBILITY_LABELS,
    HandoverType,
    com_reminder_due,
    handover_for,
    responsibility_on,
)
from probation.rules.custody.key_dates import RELEASE_SENTENCE_TYPE_LABELS, ReleaseSentenceType
from probation.rules.custody.law import OFFENCE_FLAG_LABELS, OffenceFlag

DATE_LABELS = (
    ("crd", "Conditional release date (CRD)"),
    ("ped", "Parole eligibility date (PED)"),
    ("hdced", "Home detention curfew eligibility (HDCED)"),
    ("led", "Licence expiry date (LED)"),
    ("sed", "Sentence expiry date (SED)"),
    ("ted", "Tariff expiry date (TED)"),
    ("tused", "Top-up supervision end"),
)
STATUS_COLOURS = {
    DatesStatus.PROPOSED: "yellow",
    DatesStatus.CONFIRMED: "green",
    DatesStatus.PRISON_DATES: "blue",
}


@dataclass(frozen=True)
class DateRow:
    label: str
    proposed: str
    prison: str


def date_rows(record: CustodyRecord) -> list[DateRow]:
    """One row per date that applies (proposed or the prison's)."""
    rows = []
    for name, label in DATE_LABELS:
        proposed = getattr(record, name)
        prison = getattr(record, f"prison_{name}", None)
        if proposed is None and prison is None:
            continue
        rows.append(
            DateRow(label, govuk_date(proposed) if proposed else "None", govuk_date(prison) if prison else "")
        )
    return rows


def inputs_rows(record: CustodyRecord) -> list[tuple[str, str]]:
    term = f"{record.term_months} months" + (f" {record.term_days} days" if record.term_days else "")
    flags = [OFFENCE_FLAG_LABELS[OffenceFlag(f)] for f in record.offence_flags]
    rows = [
        ("Sentence type", RELEASE_SENTENCE_TYPE_LABELS[ReleaseSentenceType(record.release_type)]),
        ("Date of sentence", govuk_date(record.sentence.sentence_date)),
        ("Minimum term (tariff)" if record.release_type in ("life", "ipp") else "Custodial term", term),
        ("Remand and tagged bail credit", f"{record.remand_days + record.tagged_bail_days} days"),
        ("Offences", "; ".join(flags) or "None of the listed kinds"),
        ("Prison", record.prison or "Not recorded"),
    ]
    if record.extension_months:
        rows.insert(3, ("Extension period", f"{record.extension_months} months"))
    return rows


def dates_status(record: CustodyRecord) -> dict[str, str]:
    text = record.get_dates_status_display()
    if record.dates_status != DatesStatus.PROPOSED and record.confirmed_by:
        text += f" by {record.confirmed_by} on {govuk_date(record.confirmed_at)}"
    return {"label": text, "colour": STATUS_COLOURS[DatesStatus(record.dates_status)]}


def handover_rows(record: CustodyRecord, *, com: str, today: dt.date) -> dict[str, Any]:
    case = handover_case(record, stored_key_dates(record), record.sentence.start_date)
    handover = handover_for(case)
    state = responsibility_on(case, handover, today)
    rows = [
        ("Responsibility today", RESPONSIBILITY_LABELS[state]),
        ("Handover to the COM", govuk_date(handover.date) if handover.date else "No handover date"),
        ("Why", handover.rule),
        ("Prison offender manager (POM)", record.pom_name or "Not recorded"),
        ("Community offender manager (COM)", com or "No COM allocated"),
    ]
    if handover.type is not HandoverType.NONE:
        rows.insert(
            2, ("Handover type", f"{handover.type.value.capitalize()}: {', '.join(handover.tasks).lower()}")
        )
    return {
        "rows": rows,
        "reminder": com_reminder_due(handover, com_allocated=bool(com), today=today),
        "state": state.value,
    }


def missing(record: Any, *, vlo_told: set[int] | None) -> list[str]:
    """What a release still needs (custody-release.md § Pre-release planning)."""
    items = []
    if not record.release_address:
        items.append("No release address")
    if not record.has_licence:
        items.append("No licence")
    if not record.has_first_appointment:
        items.append("No first appointment")
    if vlo_told is not None and record.person_id not in vlo_told:
        items.append("VLO not told")
    return items


def plan_rows(record: CustodyRecord) -> list[tuple[str, str]]:
    return [
        ("Release address", record.release_address or "Not recorded"),
        ("Where they sleep on the day of release", record.get_release_night_display()),
        ("Approved premises referral", "Needed" if record.ap_referral_needed else "Not needed"),
    ]


def pathway_rows(record: CustodyRecord) -> list[tuple[str, str]]:
    statuses = {p.pathway: p.get_status_display() for p in record.pathways.all()}
    return [(label, statuses.get(value, PathwayStatus.NOT_STARTED.label)) for value, label in Pathway.choices]


def list_row(record: Any, *, vlo_told: set[int] | None = None, with_missing: bool = False) -> dict[str, Any]:
    person = record.person
    if record.limited:
        return {"restricted": True, "crn": person.crn}
    row = {
        "restricted": False,
        "crn": person.crn,
        "name": f"{person.first_name} {person.surname}",
        "url": reverse("custody:overview", args=[person.crn]),
        "release_date": record.release_date,
        "prison": record.prison,
    }
    if with_missing:
        row["missing"] = missing(record, vlo_told=vlo_told)
        row["vlo_unknown"] = vlo_told is None
    return row


def visit_rows(visits: list[Any]) -> list[tuple[str, str, str, str]]:
    """Prison and home visits: when, what, with whom, outcome."""
    return [
        (
            govuk_date(v.starts_at),
            v.get_type_display(),
            v.officer.name,
            v.get_outcome_display() if v.outcome else "No outcome yet",
        )
        for v in visits
    ]
