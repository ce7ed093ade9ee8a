"""Display of applications: status tags, the notice type and deadline, the summary an assessor reads."""

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse

from probation.approved_premises.forms.applications import NEEDS_LABELS
from probation.approved_premises.models import (
    Application,
    ApplicationStatus,
    ApType,
    Assessment,
    LegalBasis,
    NoticeReason,
    NoticeType,
    PremisesCharacteristic,
    Purpose,
    ReleaseType,
    RoomCharacteristic,
    StatedRosh,
)
from probation.core.clock import LONDON
from probation.rules.approved_premises.eligibility import eligibility
from probation.rules.approved_premises.notice import notice_type
from probation.rules.approved_premises.stays import default_stay_days

STATUS_COLOURS = {
    ApplicationStatus.DRAFT: "grey",
    ApplicationStatus.EXPIRED: "grey",
    ApplicationStatus.SUBMITTED: "blue",
    ApplicationStatus.INFO_REQUESTED: "yellow",
    ApplicationStatus.ACCEPTED: "green",
    ApplicationStatus.REJECTED: "red",
    ApplicationStatus.WITHDRAWN: "grey",
}
CHARACTERISTIC_LABELS = dict(PremisesCharacteristic.choices) | dict(RoomCharacteristic.choices)


def when(moment: dt.datetime | None) -> str:
    if moment is None:
        return ""
    local = moment.astimezone(LONDON)
    return f"{local.day} {local:%B %Y} at {local:%H:%M}"


def _label(choices: type, value: str) -> str:
    return dict(choices.choices).get(value, "") if value else ""  # type: ignore[attr-defined]


@dataclass(frozen=True)
class ApplicationRow:
    pk: int
    url: str
    started: str
    status: str
    colour: str
    ap_type: str
    arrival: dt.date | None
    notice: str
    due: str


def status_of(application: Application, *, at: dt.datetime) -> ApplicationStatus:
    if application.status == ApplicationStatus.DRAFT and application.expires_at <= at:
        return ApplicationStatus.EXPIRED
    return ApplicationStatus(application.status)


def application_row(application: Application, *, crn: str, at: dt.datetime) -> ApplicationRow:
    status = status_of(application, at=at)
    assessment: Assessment | None = getattr(application, "assessment", None)
    return ApplicationRow(
        pk=application.pk,
        url=reverse("approved_premises:application", args=[crn, application.pk]),
        started=when(application.created_at),
        status=status.label,
        colour=STATUS_COLOURS[status],
        ap_type=_label(ApType, application.ap_type),
        arrival=application.arrival_on,
        notice=_label(NoticeType, application.notice_type),
        due=when(assessment.due_at) if assessment and not assessment.decision else "",
    )


def provisional_notice(application: Application, *, today: dt.date) -> str:
    """What the notice type would be if submitted today."""
    if application.arrival_on is None:
        return "Enter the expected arrival date to see the notice type"
    notice = notice_type(submitted_on=today, arrival_on=application.arrival_on)
    days = (application.arrival_on - today).days
    plural = "s" if days != 1 else ""
    return f"{NoticeType(notice.value).label}: arrival in {days} day{plural} if submitted today"


def eligibility_text(application: Application, *, is_woman: bool) -> str:
    return eligibility(tier=application.tier, is_woman=is_woman, stated_rosh=application.stated_rosh).reason


def application_summary(application: Application) -> list[tuple[str, str]]:
    """What the assessor reads: the answers, in the order of the form."""
    stay = application.stay_days or default_stay_days(application.ap_type)
    rows = [
        ("Tier", application.tier or "No tier"),
        ("RoSH stated", _label(StatedRosh, application.stated_rosh) or "Not needed (tier recorded)"),
        ("Type of approved premises", _label(ApType, application.ap_type)),
        ("Legal basis", _label(LegalBasis, application.legal_basis)),
        ("Release type", _label(ReleaseType, application.release_type)),
        ("Purpose", ", ".join(_label(Purpose, p) for p in application.purposes)),
        ("Expected arrival", f"{application.arrival_on:%-d %B %Y}" if application.arrival_on else ""),
        (
            "Length of stay",
            f"{stay} days" + (f" ({application.stay_reason})" if application.stay_reason else ""),
        ),
        ("Notice type", _label(NoticeType, application.notice_type) or "Not submitted"),
        ("Reason for the notice", _label(NoticeReason, application.notice_reason) or "Not needed"),
        (
            "Exceptional case",
            f"Agreed by {application.exceptional_manager} on {application.exceptional_date:%-d %B %Y}: "
            f"{application.exceptional_summary}"
            if application.exceptional_date
            else "None recorded",
        ),
        (
            "Required characteristics",
            ", ".join(CHARACTERISTIC_LABELS.get(c, c) for c in application.required_characteristics)
            or "None",
        ),
        ("Preferred postcode district", application.preferred_district or "None"),
        ("RoSH summary", application.rosh_summary or "None"),
        ("Risk management plan", application.risk_management_plan or "None"),
        ("Offences", application.offences or "None"),
        ("Licence or bail details", application.licence_details or "None"),
    ]
    rows += [(label, getattr(application, key) or "Not answered") for key, label in NEEDS_LABELS.items()]
    return rows
