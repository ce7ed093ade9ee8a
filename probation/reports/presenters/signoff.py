"""Display of a report's sign-off: its status tag, the summary rows, the trail of steps (a return's
reason is shown to the author) and the links the user may follow."""

from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from probation.accounts.models import User
from probation.reports.models import Report, ReportStatus, ReportType
from probation.reports.selectors.signoff import countersigners
from probation.rules.court_reports.signoff import locating_details

# The report's own words the author wrote (what the locating-details check reads).
TEXT_FIELDS = (
    "sources_other",
    "offence_analysis",
    "pattern_of_offending",
    "circumstances",
    "risk_assessment",
    "proposal",
    "rationale",
    "alternatives_rejected",
    "impact_of_custody",
    "court_response",
)

STATUS_TAGS = {
    ReportStatus.DRAFT: ("Draft", "govuk-tag govuk-tag--grey"),
    ReportStatus.SIGNED: ("Awaiting countersignature", "govuk-tag govuk-tag--yellow"),
    ReportStatus.LOCKED: ("Locked", "govuk-tag govuk-tag--green"),
}
STEP_LABELS = {
    "sign": "Signed by the author",
    "countersign": "Countersigned",
    "return": "Returned to the author",
    "oral": "Oral report recorded",
}


@dataclass(frozen=True)
class StepRow:
    what: str
    by: str
    at: Any
    reason: str


def report_links(*, user: User, report: Report) -> dict[str, str]:
    request = report.request
    args = [request.person.crn, request.pk]
    author = request.author_id == user.pk
    oral = report.report_type == ReportType.ORAL
    return {
        "page_url": reverse("reports:report-print", args=args),
        "pdf_url": reverse("reports:report-pdf", args=args),
        "sign_url": reverse("reports:report-sign", args=args)
        if author and not oral and report.status == ReportStatus.DRAFT
        else "",
        "countersign_url": reverse("reports:report-countersign", args=args)
        if report.reviewing_spo_id == user.pk and report.status == ReportStatus.SIGNED
        else "",
        "oral_url": reverse("reports:report-oral", args=args)
        if author and oral and report.status == ReportStatus.DRAFT
        else "",
        "policy_url": reverse("reports:report-countersignature-policy", args=args)
        if not oral
        and report.status == ReportStatus.DRAFT
        and request.author is not None
        and countersigners(author=request.author).filter(pk=user.pk).exists()
        else "",
    }


def report_locating_details(report: Report) -> list[str]:
    """Postcodes and phone numbers in the report's text other than the defendant's own (their main
    address is prefetched by the case shell's person_get)."""
    person = report.request.person
    own = [person.telephone, person.mobile, *(a.postcode for a in getattr(person, "main_addresses", []))]
    return locating_details((getattr(report, name) for name in TEXT_FIELDS), defendants_own=own)


def report_page_context(*, user: User, report: Report) -> dict[str, Any]:
    label, classes = STATUS_TAGS[ReportStatus(report.status)]
    author = report.request.author_id == user.pk
    steps = [
        StepRow(
            what=STEP_LABELS.get(step.action, step.action),
            by=str(step.actor),
            at=step.at,
            # The reason is for the author and the senior PO who wrote it.
            reason=step.reason if author or step.actor_id == user.pk else "",
        )
        for step in report.steps.select_related("actor__staff")
    ]
    return {
        "report": report,
        "status_label": label,
        "status_classes": classes,
        "steps": steps,
        "returned": steps[-1] if steps and steps[-1].reason and report.status == ReportStatus.DRAFT else None,
        "report_type": report.get_report_type_display(),
        "reviewer": str(report.reviewing_spo) if report.reviewing_spo else "",
        "countersignature": "Required" if report.countersignature_required else "Not required",
    } | report_links(user=user, report=report)
