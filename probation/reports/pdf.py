"""The pre-sentence report for court as a PDF (court-reports.md § Content, § Never in a report, § Welsh
language), rendered with WeasyPrint as the enforcement letters are (ADR 0014).

Disclosure safety: every PSR is disclosed to the defence and the prosecution (Sentencing Act 2020
s.32), so the PDF is built from the report's own fields and the defendant's identity only —
``report_pdf_context`` takes the report, the person's identifying details and the author's office,
and never reads the rest of the record (contacts, victims, MAPPA, notes). What the author wrote is
the author's responsibility; the sign page warns when it looks like it names a contact's address or
phone (``reports.presenters.signoff``).

Headings are kept as data in English and Welsh (``HEADINGS``); a report whose language is Welsh
(the person chose Welsh) is headed in Welsh. Until the report is locked every page says DRAFT.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from weasyprint import HTML

from probation.accounts.models import OfficeLocation
from probation.core.clock import age_on, today_uk
from probation.people.models import Person
from probation.reports.models import CustodyPosition, Report, ReportLanguage, ReportSource, ReportType

# Section → (English, Welsh). The Welsh follows the terms HMPPS, HMI Probation, the CPS and the
# Sentencing Council use in Welsh (see docs: "Adroddiad cyn dedfrydu", "diffynnydd", "goruchwyliaeth",
# "Uwch Swyddog Prawf"); the ones marked "check" are the author's best rendering, for a Welsh-speaking
# officer to confirm.
HEADINGS: dict[str, tuple[str, str]] = {
    "title": ("Pre-sentence report", "Adroddiad cyn dedfrydu"),
    "oral_title": ("Oral pre-sentence report: record", "Adroddiad llafar cyn dedfrydu: cofnod"),
    "marking": ("Official – Sensitive", "Swyddogol – Sensitif"),
    "draft": ("DRAFT", "DRAFFT"),
    "draft_notice": (
        "Draft: not signed off. Not for the court.",
        "Drafft: heb ei gymeradwyo. Nid ar gyfer y llys.",
    ),
    "defendant": ("Defendant details", "Manylion y diffynnydd"),
    "name": ("Name", "Enw"),
    "date_of_birth": ("Date of birth", "Dyddiad geni"),
    "age": ("Age", "Oedran"),
    "crn": ("CRN", "CRN"),
    "pnc": ("PNC number", "Rhif PNC"),
    "address": ("Address", "Cyfeiriad"),
    "court": ("Court", "Llys"),
    "hearing_date": ("Hearing date", "Dyddiad y gwrandawiad"),
    "offences": ("Offences", "Troseddau"),
    "offence_date": ("Date of offence", "Dyddiad y drosedd"),
    "sources": ("Sources of information", "Ffynonellau gwybodaeth"),
    "offence_analysis": ("Offence analysis", "Dadansoddiad o'r drosedd"),
    "pattern_of_offending": (
        "Pattern of offending and response to supervision",
        "Patrwm troseddu ac ymateb i oruchwyliaeth",
    ),
    "no_previous": (
        "No previous offences or supervision.",
        "Dim troseddau blaenorol na goruchwyliaeth flaenorol.",
    ),
    "circumstances": ("Circumstances and needs", "Amgylchiadau ac anghenion"),
    "risk_assessment": ("Risk of serious harm and reoffending", "Risg o niwed difrifol ac aildroseddu"),
    "risk_summary": ("Risk summary", "Crynodeb o'r risg"),
    "proposal": ("Proposal", "Cynnig"),
    "rationale": ("Rationale", "Rhesymeg"),
    "alternatives_rejected": (
        "Alternatives considered and rejected",
        "Dewisiadau eraill a ystyriwyd ac a wrthodwyd",
    ),
    "custody_position": ("Custody", "Carchar"),  # check
    "impact_of_custody": ("Impact of custody", "Effaith dedfryd o garchar"),
    "court_response": ("The court's response", "Ymateb y llys"),
    "signature": ("Signature", "Llofnod"),
    "author": ("Author", "Awdur"),
    "office": ("Office", "Swyddfa"),
    "phone": ("Telephone", "Rhif ffôn"),
    "date": ("Date", "Dyddiad"),
    "dangerousness": ("Dangerousness report", "Adroddiad ar beryglusrwydd"),  # check
    "reviewing_spo": (
        "Reviewing senior probation officer",
        "Uwch Swyddog Prawf a adolygodd yr adroddiad",
    ),
    "countersigned_by": ("Countersigned by", "Wedi'i gydlofnodi gan"),
    "yes": ("Yes", "Ydy"),
    "no": ("No", "Nac ydy"),
    "page": ("Page", "Tudalen"),
    "of": ("of", "o"),
}
# The words a Welsh report prints for the report's choices (the English are the choices' labels).
SOURCES_CY = {
    ReportSource.INTERVIEW: "Cyfweliad",
    ReportSource.SERVICE_RECORDS: "Cofnodion y gwasanaeth prawf",
    ReportSource.CPS_SUMMARY: "Crynodeb Gwasanaeth Erlyn y Goron (CPS)",
    ReportSource.PREVIOUS_OASYS: "Asesiad OASys blaenorol",
    ReportSource.PREVIOUS_CONVICTIONS: "Euogfarnau blaenorol",
    ReportSource.VICTIM_STATEMENT: "Datganiad personol y dioddefwr",
    ReportSource.SAFEGUARDING_CHECKS: "Gwiriadau diogelu",
    ReportSource.POLICE_CALL_OUTS: "Galwadau i'r heddlu / cam-drin domestig",
    ReportSource.SENTENCING_GUIDELINES: "Canllawiau dedfrydu",
    ReportSource.EQUALITY_FORM: "Ffurflen gwybodaeth cydraddoldeb",
}
CUSTODY_CY = {
    CustodyPosition.POSSIBLE: "Mae dedfryd o garchar yn bosibl neu'n ddisgwyliedig",
    CustodyPosition.BELOW_THRESHOLD: "Islaw'r trothwy ar gyfer dedfryd o garchar",
    CustodyPosition.NOT_CONSIDERED: "Dywedodd y llys nad yw'n ystyried dedfryd o garchar",
}
GRADES_CY = {
    "PO": "Swyddog Prawf",
    "PSO": "Swyddog Gwasanaethau Prawf",
    "SPO": "Uwch Swyddog Prawf",
    "PQIP": "Swyddog Prawf dan hyfforddiant (PQiP)",
}

# The report's sections in order: (heading key, report field). Nothing else of the record is shown.
WRITTEN_SECTIONS = (
    ("offence_analysis", "offence_analysis"),
    ("pattern_of_offending", "pattern_of_offending"),
    ("circumstances", "circumstances"),
    ("risk_assessment", "risk_assessment"),
)
PROPOSAL_SECTIONS = (
    ("rationale", "rationale"),
    ("alternatives_rejected", "alternatives_rejected"),
)


def headings(language: str) -> dict[str, str]:
    index = 1 if language == ReportLanguage.WELSH else 0
    return {key: pair[index] for key, pair in HEADINGS.items()}


@dataclass(frozen=True)
class Defendant:
    """The defendant's identity as the PDF prints it: nothing else of the person's record."""

    name: str
    date_of_birth: dt.date
    age: int
    crn: str
    pnc: str
    address: list[str]


def defendant_of(person: Person, *, address: list[str], on: dt.date) -> Defendant:
    return Defendant(
        name=person.full_name,
        date_of_birth=person.date_of_birth,
        age=age_on(person.date_of_birth, on),
        crn=person.crn,
        pnc=person.pnc_number,
        address=address,
    )


def _offences(offences: list[dict[str, Any]]) -> list[dict[str, str]]:
    return [
        {
            "wording": str(item.get("wording") or item.get("description") or ""),
            "code": str(item.get("code") or ""),
            "date": str(item.get("date") or item.get("offence_date") or ""),
        }
        for item in offences
    ]


def _sources(report: Report) -> list[str]:
    welsh = report.language == ReportLanguage.WELSH
    labels: dict[str, str] = {str(value): str(label) for value, label in ReportSource.choices}
    if welsh:
        labels.update({str(value): label for value, label in SOURCES_CY.items()})
    named = [str(labels.get(value, value)) for value in report.sources if value != ReportSource.OTHER]
    if ReportSource.OTHER in report.sources and report.sources_other:
        named.append(report.sources_other)
    return named


def _grade(report: Report) -> str:
    staff = report.signed_by.staff if report.signed_by else None
    if staff is None:
        return ""
    if report.language == ReportLanguage.WELSH:
        return GRADES_CY.get(staff.grade, staff.get_grade_display())
    return staff.get_grade_display()


def _signature(report: Report, office: OfficeLocation | None) -> dict[str, Any]:
    signer = report.signed_by
    return {
        "author": str(signer) if signer else str(report.request.author or ""),
        "grade": _grade(report),
        "office": office.name if office else "",
        "phone": office.phone if office else "",
        "date": (report.signed_at.date() if report.signed_at else None),
        "reviewing_spo": str(report.reviewing_spo) if report.dangerousness and report.reviewing_spo else "",
        "countersigned_by": str(report.countersigned_by) if report.countersigned_by else "",
    }


def _custody_label(custody: CustodyPosition | None, language: str) -> str:
    if custody is None:
        return ""
    return CUSTODY_CY[custody] if language == ReportLanguage.WELSH else str(custody.label)


def report_pdf_context(
    *, report: Report, defendant: Defendant, court: str, office: OfficeLocation | None
) -> dict[str, Any]:
    """Only the report's own fields, the defendant's identity, the court and the author's office."""
    written = report.report_type != ReportType.ORAL
    h = headings(report.language)
    custody = CustodyPosition(report.custody_position) if report.custody_position else None
    return {
        "h": h,
        "lang": "cy" if report.language == ReportLanguage.WELSH else "en-GB",
        "draft": not report.is_locked,
        "written": written,
        "defendant": defendant,
        "court": court,
        "hearing_date": report.request.adjourned_to or report.request.hearing_date,
        "offences": _offences(report.request.offences),
        "sources": _sources(report),
        "sections": [
            (key, h[key], getattr(report, field)) for key, field in (WRITTEN_SECTIONS if written else ())
        ],
        "oral_risk": "" if written else report.risk_assessment,
        "no_previous": written and report.no_previous,
        "report": report,
        "proposal": report.proposal,
        "proposal_sections": [(h[key], getattr(report, field)) for key, field in PROPOSAL_SECTIONS]
        if written
        else [],
        "custody_position": _custody_label(custody, report.language),
        "impact_of_custody": report.impact_of_custody if custody is CustodyPosition.POSSIBLE else "",
        "court_response": "" if written else report.court_response,
        "signature": _signature(report, office),
        "today": today_uk(),
    }


def render_report_pdf(context: dict[str, Any]) -> bytes:
    html = render_to_string("reports/signoff/report_pdf.html", context)
    return HTML(string=html, base_url=None).write_pdf()
