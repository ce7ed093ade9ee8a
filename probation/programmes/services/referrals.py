"""Referral → assessment → suitable / not suitable → waiting list → (groups) → completion with the
post-programme review (interventions.md § Delivery rules). Transitions are declared once in
``probation.rules.programmes.delivery``; each writes a status row and one audit row. Every change
names the version it read (optimistic locking)."""

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction

from probation.accounts.models import User
from probation.accounts.policy import Permission, has_permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import today_uk
from probation.core.errors import NotFound, ServiceError
from probation.people.models import Person
from probation.people.services.person import person_for_change
from probation.programmes.models import Attendance, ProgrammeNeeds, Referral, ReferralStep
from probation.programmes.selectors.pathway import NEEDS_FIELDS, pathway_for
from probation.rules.errors import RuleError
from probation.rules.programmes.catalogue import CatalogueSettings, check_in_force, programme
from probation.rules.programmes.delivery import (
    Status,
    check_completion,
    check_suitability,
    check_transition,
    sessions_attended,
)
from probation.rules.sentences.requirements import RequirementType
from probation.sentences.models import Requirement

REFERRAL = "programme_referral"  # audit object type
CHANGED = "Someone changed this referral after you opened it: check it and try again"


def catalogue_settings() -> CatalogueSettings | None:
    dates = getattr(settings, "PROGRAMME_DATES", None)
    return CatalogueSettings(dates) if dates else None


def _raise(error: RuleError) -> None:
    raise ServiceError(error.message, field=error.field) from None


def transition(*, actor: User, referral: Referral, to: Status) -> None:
    try:
        check_transition(referral.status, to)
    except RuleError as error:
        _raise(error)
    ReferralStep.objects.create(referral=referral, from_status=referral.status, to_status=to, actor=actor)
    referral.status = to


def programme_needs_save(
    *, actor: User, crn: str, expected_version: int | None, data: dict[str, Any]
) -> ProgrammeNeeds:
    """The PNI answers the needs assessment does not ask. The case's practitioner (refer) or a treatment
    manager of its PDU."""
    with transaction.atomic():
        person = _person(actor, crn, (Permission.PROGRAMME_REFER, Permission.PROGRAMME_MANAGE))
        needs = ProgrammeNeeds.objects.select_for_update().filter(person=person).first()
        fields = [*NEEDS_FIELDS, "sara_partner", "sara_others", "ldc_score"]
        if needs is None:
            if expected_version is not None:
                raise ServiceError(CHANGED)
            needs = ProgrammeNeeds(person=person, updated_by=actor)
        elif needs.version != expected_version:
            raise ServiceError(CHANGED)
        else:
            needs.version += 1
        for name in fields:
            setattr(needs, name, data.get(name))
        needs.sara_partner, needs.sara_others = needs.sara_partner or "", needs.sara_others or ""
        needs.updated_by = actor
        needs.save()
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            crn=crn,
            object_type="programme_needs",
            object_id=needs.pk,
            detail={"version": needs.version},
        )
    return needs


def _person(actor: User, crn: str, permissions: tuple[Permission, ...]) -> Person:
    """The person locked for change under the first of ``permissions`` the actor holds."""
    held = next((p for p in permissions if has_permission(actor, p)), permissions[0])
    return person_for_change(actor=actor, crn=crn, permission=held)


def referral_create(
    *, actor: User, crn: str, requirement_id: int, programme_code: str, notes: str = ""
) -> Referral:
    """Refer the case to a programme in force today, for one of its active programme requirements.
    A second open referral of the same requirement to the same programme is refused (double submit)."""
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.PROGRAMME_REFER)
        requirement = Requirement.objects.filter(
            pk=requirement_id,
            sentence__person=person,
            type=RequirementType.ACCREDITED_PROGRAMME,
            terminated_on__isnull=True,
        ).first()
        if requirement is None:
            raise ServiceError(
                "Select the accredited programme requirement this referral carries out", field="requirement"
            )
        try:
            check_in_force(programme_code, today_uk(), catalogue_settings())
        except RuleError as error:
            _raise(error)
        if (
            Referral.objects.filter(requirement=requirement, programme=programme_code)
            .exclude(status__in=[Status.NOT_SUITABLE, Status.WITHDRAWN, Status.COMPLETE])
            .exists()
        ):
            raise ServiceError("This requirement is already referred to this programme", field="programme")
        found = pathway_for(person=person).result
        referral = Referral(
            person=person,
            requirement=requirement,
            programme=programme_code,
            pdu_id=person.pdu_id,
            pathway=found.pathway.value if found.pathway else "",
            pathway_reasons=list(found.reasons) or [f"Information missing: {', '.join(found.missing)}"],
            notes=notes.strip(),
            referred_by=actor,
            referred_on=today_uk(),
        )
        try:
            with transaction.atomic():
                referral.save()
        except IntegrityError:
            raise ServiceError(
                "This requirement is already referred to this programme", field="programme"
            ) from None
        ReferralStep.objects.create(referral=referral, from_status="", to_status=referral.status, actor=actor)
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            crn=crn,
            object_type=REFERRAL,
            object_id=referral.pk,
            detail={"programme": programme_code, "requirement": requirement.pk, "pathway": referral.pathway},
        )
    return referral


def _referral_for_change(
    *, actor: User, crn: str, referral_id: int, expected_version: int
) -> tuple[Person, Referral]:
    person = person_for_change(actor=actor, crn=crn, permission=Permission.PROGRAMME_MANAGE)
    referral = Referral.objects.select_for_update().filter(pk=referral_id, person=person).first()
    if referral is None:
        raise NotFound(referral_id)
    if referral.version != expected_version:
        raise ServiceError(CHANGED)
    return person, referral


def referral_assess(
    *, actor: User, crn: str, referral_id: int, expected_version: int, suitable: bool, reasons: str
) -> Referral:
    """Suitable (consent, motivation, responsivity, time left) puts the person on the waiting list of
    the programme in the PDU; not suitable needs the reasons. A treatment manager of the case's PDU."""
    with transaction.atomic():
        _, referral = _referral_for_change(
            actor=actor, crn=crn, referral_id=referral_id, expected_version=expected_version
        )
        try:
            check_suitability(suitable=suitable, reasons=reasons)
        except RuleError as error:
            _raise(error)
        transition(
            actor=actor, referral=referral, to=Status.AWAITING_ALLOCATION if suitable else Status.NOT_SUITABLE
        )
        referral.suitable, referral.suitability_reasons = suitable, reasons.strip()
        referral.assessed_by, referral.assessed_on = actor, today_uk()
        referral.suitable_from = today_uk() if suitable else None
        referral.version += 1
        referral.save()
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            crn=crn,
            object_type=REFERRAL,
            object_id=referral.pk,
            detail={"status": referral.status, "version": referral.version},
        )
    return referral


def referral_complete(
    *, actor: User, crn: str, referral_id: int, expected_version: int, review_on: dt.date | None, notes: str
) -> Referral:
    """Programme complete: every required session attended (catch-ups count) and the post-programme
    review held. The sentence plan is then due a review (interventions.md)."""
    with transaction.atomic():
        _, referral = _referral_for_change(
            actor=actor, crn=crn, referral_id=referral_id, expected_version=expected_version
        )
        outcomes = Attendance.objects.filter(participant__referral=referral).values_list(
            "contact__outcome", flat=True
        )
        required = programme(referral.programme).sessions_required
        try:
            check_completion(
                attended=sessions_attended(outcomes), required=required, review_on=review_on, today=today_uk()
            )
        except RuleError as error:
            raise ServiceError(error.message, field=error.field) from None
        transition(actor=actor, referral=referral, to=Status.COMPLETE)
        referral.review_on, referral.review_notes, referral.completed_on = (
            review_on,
            notes.strip(),
            today_uk(),
        )
        referral.version += 1
        referral.save()
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            crn=crn,
            object_type=REFERRAL,
            object_id=referral.pk,
            detail={"status": referral.status, "version": referral.version},
        )
    return referral
