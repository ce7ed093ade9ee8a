"""Applications for a place (approved-premises.md § 1–2): started with what the record knows, saved
as a draft as the practitioner types (ADR 0032's autosave, through ``application_save_draft``),
submitted when complete and eligible, and expired when left unsubmitted for 6 months.

Submitting creates the assessment with its deadline (probation.rules.approved_premises.deadlines)
and the qualifications an assessor needs to see it. Every write is one transaction with an audit
row naming the fields changed, never their words; a change names the version the user saw.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from probation.accounts.models import User
from probation.accounts.policy import Permission
from probation.approved_premises.models import (
    NEEDS_FIELDS,
    Application,
    ApplicationStatus,
    Assessment,
    PremisesCharacteristic,
    Purpose,
    RoomCharacteristic,
)
from probation.approved_premises.policy import routing
from probation.approved_premises.selectors.prefill import application_prefill
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import LONDON, now
from probation.core.errors import ConflictError, FieldChange, NotFound, ServiceError
from probation.core.models import concrete_field
from probation.people.models import Person
from probation.people.policy import can_change_case
from probation.rules.approved_premises.deadlines import assessment_due
from probation.rules.approved_premises.eligibility import Route, eligibility
from probation.rules.approved_premises.notice import needs_reason, notice_type
from probation.rules.approved_premises.stays import default_stay_days, type_allowed
from probation.rules.calendar.periods import add_months
from probation.rules.errors import RuleErrorCollector

EXPIRY_MONTHS = 6
CONFLICT = (
    "This application was changed in another window while you were working on it. Your changes have "
    "not been saved. Reload the page to see the latest version."
)
# Fields the practitioner may save in a draft (the pre-filled ones included: they can be corrected).
DRAFT_FIELDS = (
    "rosh_summary",
    "risk_management_plan",
    "offences",
    "licence_details",
    "ap_type",
    "legal_basis",
    "release_type",
    "purposes",
    "stated_rosh",
    "exceptional_manager",
    "exceptional_date",
    "exceptional_summary",
    "arrival_on",
    "stay_days",
    "stay_reason",
    "notice_reason",
    "required_characteristics",
    "preferred_district",
    *NEEDS_FIELDS,
    "declaration",
)
CHARACTERISTICS = set(PremisesCharacteristic.values) | set(RoomCharacteristic.values)


def _may_apply(actor: User, person: Person) -> bool:
    return can_change_case(actor, person, Permission.AP_APPLY)


def application_start(*, actor: User, person: Person) -> Application:
    if not _may_apply(actor, person):
        raise NotFound(person.crn)
    known = application_prefill(person)
    started = now()
    with transaction.atomic():
        application = Application.objects.create(
            person=person,
            created_by=actor,
            expires_at=dt.datetime.combine(
                add_months(started.astimezone(LONDON).date(), EXPIRY_MONTHS),
                started.astimezone(LONDON).timetz().replace(tzinfo=None),
                tzinfo=LONDON,
            ),
            tier=known.tier,
            rosh_level=known.rosh_level,
            rosh_summary=known.rosh_summary,
            risk_management_plan=known.risk_management_plan,
            offences=known.offences,
            licence_details=known.licence_details,
        )
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            crn=person.crn,
            object_type="ap_application",
            object_id=application.pk,
            detail={"prefilled": [k for k, v in known.__dict__.items() if v]},
        )
    return application


def _locked(*, actor: User, application_id: int, expected_version: int) -> Application:
    found = (
        Application.objects.select_for_update(of=("self",))
        .select_related("person")
        .filter(pk=application_id)
        .first()
    )
    if found is None or not _may_apply(actor, found.person):
        raise NotFound(application_id)
    if found.version != expected_version:
        raise ConflictError(
            CONFLICT,
            changes=[FieldChange(label="Application", theirs="changed", by="", at=found.updated_at)],
        )
    return found


def is_expired(application: Application, *, at: dt.datetime) -> bool:
    return application.status == ApplicationStatus.EXPIRED or (
        application.status == ApplicationStatus.DRAFT and application.expires_at <= at
    )


def _check_draft(application: Application) -> None:
    if is_expired(application, at=now()):
        raise ServiceError(
            "This application has expired: it was not submitted within 6 months. Start a new one."
        )
    if application.status != ApplicationStatus.DRAFT:
        raise ServiceError("This application has been submitted: it can no longer be changed.")


@dataclass(frozen=True)
class DraftSaved:
    application: Application
    changed: list[str]


def _clean_lists(data: dict[str, Any]) -> dict[str, Any]:
    cleaned = dict(data)
    if "purposes" in cleaned:
        cleaned["purposes"] = [p for p in cleaned["purposes"] if p in Purpose.values]
    if "required_characteristics" in cleaned:
        cleaned["required_characteristics"] = [
            c for c in cleaned["required_characteristics"] if c in CHARACTERISTICS
        ]
    if "preferred_district" in cleaned:
        cleaned["preferred_district"] = (cleaned["preferred_district"] or "").strip().upper()
    return cleaned


def application_save_draft(
    *, actor: User, application_id: int, expected_version: int, data: dict[str, Any], autosave: bool = False
) -> DraftSaved:
    """Save the fields given (those of ``DRAFT_FIELDS``); a save that changes nothing writes nothing."""
    with transaction.atomic():
        application = _locked(actor=actor, application_id=application_id, expected_version=expected_version)
        _check_draft(application)
        values = _clean_lists({k: v for k, v in data.items() if k in DRAFT_FIELDS})
        changed = [
            k for k, v in values.items() if getattr(application, k) != (v if v is not None else _empty(k))
        ]
        if not changed:
            return DraftSaved(application, [])
        for key in changed:
            value = values[key]
            setattr(application, key, value if value is not None else _empty(key))
        application.version += 1
        application.save()
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            crn=application.person.crn,
            object_type="ap_application",
            object_id=application.pk,
            detail={"fields": sorted(changed), "version": application.version, "autosave": autosave},
        )
    return DraftSaved(application, changed)


def _empty(field: str) -> Any:
    model_field = concrete_field(Application, field)
    return None if model_field.null else model_field.get_default()


def _eligibility_errors(application: Application, errors: RuleErrorCollector) -> None:
    woman = application.person.gender == "F"
    route = eligibility(tier=application.tier, is_woman=woman, stated_rosh=application.stated_rosh).route
    if not application.tier and not application.stated_rosh:
        errors.add("There is no tier: select the RoSH level", field="stated_rosh")
    elif route == Route.NOT_ELIGIBLE:
        errors.add(
            "This person is not eligible for an approved premises: no tier, and the RoSH stated is not high "
            "or very high",
            field="stated_rosh",
        )
    elif route == Route.EXCEPTIONAL:
        if not application.exceptional_manager.strip():
            errors.add(
                "Enter the name of the manager who agreed the exceptional case", field="exceptional_manager"
            )
        if application.exceptional_date is None:
            errors.add("Enter the date the exceptional case was agreed", field="exceptional_date")
        if not application.exceptional_summary.strip():
            errors.add("Enter a summary of the exceptional case", field="exceptional_summary")
    if not type_allowed(application.ap_type, is_woman=woman):
        errors.add("Women may be placed only in a standard, PIPE or ESAP premises", field="ap_type")


def _arrival_errors(application: Application, errors: RuleErrorCollector, *, today: dt.date) -> None:
    if application.arrival_on is None:
        errors.add("Enter the expected arrival date", field="arrival_on")
    elif application.arrival_on < today:
        errors.add("The expected arrival date must be today or in the future", field="arrival_on")
    elif (
        needs_reason(notice_type(submitted_on=today, arrival_on=application.arrival_on))
        and not application.notice_reason
    ):
        errors.add(
            "Arrival is within 28 days: select why this is an emergency or short-notice application",
            field="notice_reason",
        )
    default = default_stay_days(application.ap_type)
    if (
        application.stay_days is not None
        and application.stay_days != default
        and not application.stay_reason.strip()
    ):
        errors.add(f"Give the reason for a stay other than the usual {default} days", field="stay_reason")


REQUIRED_ANSWERS = (
    ("legal_basis", "Select the legal basis"),
    ("release_type", "Select the release type"),
    ("purposes", "Select at least one purpose of the placement"),
    ("move_on_plan", "Enter the move-on plan"),
    ("declaration", "Confirm the declaration"),
)


def _submission_errors(application: Application, *, today: dt.date) -> RuleErrorCollector:
    """Every reason the application cannot be submitted yet, each on its field."""
    errors = RuleErrorCollector()
    _eligibility_errors(application, errors)
    _arrival_errors(application, errors, today=today)
    for field, message in REQUIRED_ANSWERS:
        value = getattr(application, field)
        if not (value.strip() if isinstance(value, str) else value):
            errors.add(message, field=field)
    return errors


def application_submit(*, actor: User, application_id: int, expected_version: int) -> Application:
    with transaction.atomic():
        application = _locked(actor=actor, application_id=application_id, expected_version=expected_version)
        _check_draft(application)
        at = now()
        today = at.astimezone(LONDON).date()
        _submission_errors(application, today=today).raise_any()
        assert application.arrival_on is not None  # checked above
        notice = notice_type(submitted_on=today, arrival_on=application.arrival_on)
        application.notice_type = notice.value
        if not needs_reason(notice):
            application.notice_reason = ""
        if application.stay_days is None:
            application.stay_days = default_stay_days(application.ap_type)
        application.status = ApplicationStatus.SUBMITTED
        application.submitted_at = at
        application.version += 1
        application.save()
        person = application.person
        assessment = Assessment.objects.create(
            application=application,
            due_at=assessment_due(created_at=at, notice=notice),
            **routing(
                notice_type=notice.value,
                ap_type=application.ap_type,
                limited_access=person.has_exclusions or person.is_restricted,
            ),
        )
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            crn=person.crn,
            object_type="ap_application",
            object_id=application.pk,
            detail={"submitted": True, "notice_type": notice.value, "assessment": assessment.pk},
        )
    return application


def applications_expire(*, at: dt.datetime) -> int:
    """Mark drafts not submitted within 6 months as expired (run daily); returns how many."""
    with transaction.atomic():
        ids = list(
            Application.objects.select_for_update()
            .filter(status=ApplicationStatus.DRAFT, expires_at__lte=at)
            .values_list("pk", flat=True)
        )
        if ids:
            Application.objects.filter(pk__in=ids).update(status=ApplicationStatus.EXPIRED)
            audit_record(
                actor=None,
                action=AuditAction.UPDATE,
                object_type="ap_application",
                object_id="expired",
                detail={"expired": ids},
                username="system",
            )
    return len(ids)
