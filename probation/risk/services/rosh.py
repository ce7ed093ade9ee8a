"""Recording RoSH assessments and keeping the risk management plan (reference-data.md § RoSH).

Saving an assessment does three more things in the same transaction, so they can never disagree:
the person keeps exactly one active RoSH registration, matching the overall level (adding it through
the registration service ends the other one); ``Person.rosh_level`` is set with a targeted UPDATE
(no version bump, like allocation); and the audit is written. A refusal writes nothing.
"""

import datetime as dt
from typing import Any

from django.db import transaction

from probation.accounts.models import User
from probation.accounts.policy import Permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.case_changes import case_inputs_changed
from probation.core.clock import today_uk
from probation.core.errors import ServiceError
from probation.core.models import concrete_field
from probation.frontend.forms.messages import enter, select
from probation.people.models import Person, PersonChange
from probation.people.models.person import RoshLevel
from probation.people.services.person import person_for_change
from probation.people.services.versioning import apply_versioned_update, conflict_for
from probation.risk.models import Registration, RiskManagementPlan, RoshAssessment
from probation.risk.models.rosh import (
    COMMUNITY_FIELDS,
    CUSTODY_FIELDS,
    EVIDENCE_FIELDS,
    REGISTER_FOR_LEVEL,
    overall_rosh,
)
from probation.risk.registers import ROSH_CODES
from probation.risk.services.registrations import registration_add
from probation.rules.errors import RuleErrorCollector, raise_all

RMP_ENTITY = "rmp"  # PersonChange.entity: the plan's version history and conflicts (ADR 0005)
RMP_FIELDS = (
    "further_considerations",
    "supervision",
    "monitoring_and_control",
    "interventions_and_treatment",
    "victim_safety_planning",
    "contingency_plan",
    "next_review_on",
)
LEVELS = {level.value for level in RoshLevel}


def _check_ratings(ratings: dict[str, str], errors: RuleErrorCollector) -> None:
    for name in COMMUNITY_FIELDS:
        if ratings.get(name) not in LEVELS:
            label = concrete_field(RoshAssessment, name).verbose_name
            errors.add(select(str(label)), field=name)
    for name in CUSTODY_FIELDS:
        if ratings.get(name, "") not in LEVELS | {""}:
            errors.add("Select a level or leave it blank", field=name)


def rosh_assessment_errors(
    *, assessed_on: dt.date | None, ratings: dict[str, str] | None, evidence: dict[str, str] | None
) -> tuple[ServiceError, ...]:
    """Every rule the assessment's own inputs break, found together; ``None`` is an input the form
    already checked, and is not checked again."""
    errors = RuleErrorCollector()
    if assessed_on is not None and assessed_on > today_uk():
        errors.add("Assessment date must be today or in the past", field="assessed_on")
    if ratings is not None:
        _check_ratings(ratings, errors)
    if evidence is not None:
        for name in ("nature_of_risk", "who_is_at_risk"):
            if not evidence.get(name, "").strip():
                errors.add(enter(str(concrete_field(RoshAssessment, name).verbose_name)), field=name)
    return errors.errors


def _keep_registration_in_step(*, actor: User, person: Person, level: str, assessed_on: dt.date) -> str:
    """Make the one active RoSH registration match ``level``; returns the code added, or ""."""
    code = REGISTER_FOR_LEVEL[RoshLevel(level)]
    current = Registration.objects.active().filter(person=person, register_type__in=ROSH_CODES).first()
    if current is not None and current.register_type == code:
        return ""
    try:
        registration_add(
            actor=actor,
            crn=person.crn,
            register_type=code,
            registered_on=assessed_on,
            notes=f"From the RoSH assessment of {assessed_on:%-d %B %Y}",
        )
    except ServiceError as error:  # e.g. a RoSH registration dated after this assessment
        raise ServiceError(error.message, field="assessed_on") from error
    return code


def rosh_assessment_create(
    *,
    actor: User,
    crn: str,
    assessed_on: dt.date,
    ratings: dict[str, str],
    evidence: dict[str, str],
) -> RoshAssessment:
    """Record a RoSH assessment and bring the person's RoSH level and registration into step."""
    raise_all(rosh_assessment_errors(assessed_on=assessed_on, ratings=ratings, evidence=evidence))
    evidence = {name: evidence.get(name, "").strip() for name in EVIDENCE_FIELDS}
    overall = overall_rosh([ratings[name] for name in COMMUNITY_FIELDS])
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.ROSH_MANAGE)
        assert actor.staff is not None  # person_for_change: only staff may change a case (can_change_case)
        latest = RoshAssessment.objects.filter(person=person).order_by("-assessed_on", "-id").first()
        if latest is not None and assessed_on < latest.assessed_on:
            raise ServiceError(
                f"Assessment date must be on or after the latest assessment ({latest.assessed_on:%-d %B %Y})",
                field="assessed_on",
            )
        assessment = RoshAssessment.objects.create(
            person=person,
            assessed_on=assessed_on,
            assessor=actor.staff,
            assessed_by=actor,
            overall_level=overall,
            **{name: ratings.get(name, "") for name in COMMUNITY_FIELDS + CUSTODY_FIELDS},
            **evidence,
        )
        added = _keep_registration_in_step(actor=actor, person=person, level=overall, assessed_on=assessed_on)
        Person.objects.filter(pk=person.pk).update(rosh_level=overall)
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            crn=crn,
            object_type="rosh_assessment",
            object_id=assessment.pk,
            detail={"overall": overall, "previous": person.rosh_level, "registration": added},
        )
        case_inputs_changed(person_id=person.pk, reason="RoSH assessment recorded", actor=actor)
    return assessment


def risk_management_plan_errors(*, next_review_on: dt.date | None) -> tuple[ServiceError, ...]:
    errors = RuleErrorCollector()
    if next_review_on is not None and next_review_on <= today_uk():
        errors.add("Next review date must be in the future", field="next_review_on")
    return errors.errors


def _check_plan(data: dict[str, Any]) -> None:
    raise_all(risk_management_plan_errors(next_review_on=data["next_review_on"]))


def risk_management_plan_save(
    *, actor: User, crn: str, expected_version: int, data: dict[str, Any]
) -> tuple[RiskManagementPlan, list[str]]:
    """Write the plan (version 1 if new). Refused with what changed if someone saved a newer version
    since ``expected_version`` (0 = the user saw no plan). Returns the plan and the changed fields."""
    data = {name: data[name].strip() if isinstance(data[name], str) else data[name] for name in RMP_FIELDS}
    _check_plan(data)
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.ROSH_MANAGE)
        latest = RoshAssessment.objects.filter(person=person).order_by("-assessed_on", "-id").first()
        plan = RiskManagementPlan.objects.select_for_update().filter(person=person).first()
        if plan is None:
            if expected_version != 0:
                raise ServiceError("The risk management plan could not be found. Start again.")
            plan = RiskManagementPlan.objects.create(
                person=person, rosh_assessment=latest, created_by=actor, version=1, **data
            )
            changed = list(RMP_FIELDS)
            PersonChange.objects.create(
                person=person,
                entity=RMP_ENTITY,
                entity_id=plan.pk,
                version=1,
                changed_by=actor,
                changes={name: [None, _json(data[name])] for name in RMP_FIELDS},
            )
            action = AuditAction.CREATE
        else:
            if expected_version == 0:  # two people wrote the first version at once
                raise conflict_for(instance=plan, entity=RMP_ENTITY, expected_version=0)
            plan.rosh_assessment = latest  # saved only if the user changed something
            changed = apply_versioned_update(
                actor=actor,
                person=person,
                instance=plan,
                entity=RMP_ENTITY,
                expected_version=expected_version,
                data=data,
            )
            action = AuditAction.UPDATE
        if changed:
            audit_record(
                actor=actor,
                action=action,
                crn=crn,
                object_type=RMP_ENTITY,
                object_id=plan.pk,
                detail={"fields": changed, "version": plan.version},
            )
    return plan, changed


def _json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value
