"""Display of report requests: the date required with its late / due-today tag, the people shown
as "Restricted" when limited access locks the user out, and each request's summary."""

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse

from probation.frontend.templatetags.govuk import govuk_date
from probation.people.policy import ListedPerson, limited_access_message
from probation.reports.models import AssessmentAskedFor, ReportRequest, ReportType, SentencingPurpose
from probation.rules.court_reports.deadlines import Timeliness, timeliness


@dataclass(frozen=True)
class Tag:
    label: str
    css_class: str


_TAGS = {
    Timeliness.LATE: Tag("Late", "govuk-tag govuk-tag--red"),
    Timeliness.DUE_TODAY: Tag("Due today", "govuk-tag govuk-tag--orange"),
}


def deadline_tag(request: ReportRequest, *, today: dt.date) -> Tag | None:
    """ "Late" or "Due today" (words, not colour alone) for a request still open; None otherwise."""
    if request.status in ("withdrawn", "closed"):
        return None
    return _TAGS.get(timeliness(required=request.required_by, completed_on=request.completed_on, today=today))


def request_url(request: ReportRequest, crn: str) -> str:
    return reverse("reports:request-detail", args=[crn, request.pk])


def report_url(request: ReportRequest, crn: str) -> str:
    """Where the author works on the report: the oral record for an oral report, else the editor."""
    name = "reports:report-oral" if request.type_requested == ReportType.ORAL else "reports:report"
    return reverse(name, args=[crn, request.pk])


def author_name(request: ReportRequest) -> str:
    if request.author is None:
        return ""
    return request.author.staff.name if request.author.staff else str(request.author)


@dataclass(frozen=True)
class RequestRow:
    id: int
    crn: str
    name: str
    restricted: bool
    message: str
    court: str
    type_requested: str
    status: str
    author: str
    required_by: dt.date
    age_days: int
    tag: Tag | None
    url: str


def request_row(
    request: ReportRequest, person: ListedPerson | None, *, today: dt.date, for_author: bool = False
) -> RequestRow:
    """One row of a list; ``person`` is the row's person as people_listable_to annotated it (None: the
    case's own page, already opened through the policy). The author's rows (My work) open the report."""
    who = person or request.person
    restricted = bool(person is not None and (person.lao_excluded or person.lao_restricted))
    return RequestRow(
        id=request.pk,
        crn=who.crn,
        name="" if restricted else who.display_name,
        restricted=restricted,
        message=limited_access_message(person) if restricted and person is not None else "",
        court=request.court.name,
        type_requested=request.get_type_requested_display(),
        status=request.get_status_display(),
        author=author_name(request),
        required_by=request.required_by,
        age_days=(today - request.requested_on).days,
        tag=deadline_tag(request, today=today),
        url=""
        if restricted
        else (report_url(request, who.crn) if for_author else request_url(request, who.crn)),
    )


def _labels(values: list[str], choices: type[AssessmentAskedFor] | type[SentencingPurpose]) -> str:
    labels = dict(choices.choices)
    return ", ".join(str(labels.get(value, value)) for value in values) or "None"


def request_summary(request: ReportRequest) -> list[tuple[str, str]]:
    """The request's summary list, every value as text (court-reports.md § Request record)."""
    offences = "; ".join(o.get("wording") or o.get("code", "") for o in request.offences) or "Not recorded"
    rows = [
        ("Court", request.court.name),
        ("Date of the hearing", govuk_date(request.hearing_date)),
        ("Adjourned to", govuk_date(request.adjourned_to) or "Not set"),
        ("Offences", offences),
        ("Type requested", request.get_type_requested_display()),
        ("Type delivered", request.get_type_delivered_display() or "Not yet delivered"),
        ("Remand status", request.get_remand_status_display()),
        ("Assessments asked for", _labels(request.assessments_requested, AssessmentAskedFor)),
        ("Purposes", _labels(request.purposes, SentencingPurpose)),
        ("Requested on", govuk_date(request.requested_on)),
        ("Date required", govuk_date(request.required_by)),
        ("Status", request.get_status_display()),
        ("Author", author_name(request) or "Not allocated"),
        ("Allocated on", govuk_date(request.allocated_on) or "Not allocated"),
        ("Completed on", govuk_date(request.completed_on) or "Not completed"),
        ("Requested by", str(request.requested_by)),
    ]
    if request.withdrawn_on:
        rows += [("Withdrawn on", govuk_date(request.withdrawn_on)), ("Reason", request.withdrawal_reason)]
    if request.notes:
        rows.append(("Notes", request.notes))
    return rows
