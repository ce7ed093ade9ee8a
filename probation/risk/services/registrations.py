"""Adding, reviewing, changing and ending registrations (reference-data.md § Registrations).

Every function takes the acting user and the CRN, locks the case through people's scoped
``person_for_change`` (so limited access, partner scope and the managing PDU all apply), checks the
rules, writes, and audits in the same transaction. A refusal raises before anything is written, or
rolls the transaction back, so a refused change leaves no trace.
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
from probation.core.errors import NotFound, ServiceError
from probation.people.models import Person
from probation.people.services.person import person_for_change
from probation.people.services.versioning import apply_versioned_update
from probation.risk import registers
from probation.risk.models import Registration, RegistrationReview
from probation.risk.models.rosh import REGISTER_FOR_LEVEL
from probation.risk.registers import (
    MAPPA_CATEGORIES,
    MAPPA_LEVELS,
    ROSH_CODES,
    RegisterType,
    next_review_date,
)
from probation.rules.errors import RuleErrorCollector, raise_all

ENTITY = "registration"  # PersonChange.entity: the change history and conflicts (ADR 0005)


LEVEL_FOR_REGISTER = {code: level for level, code in REGISTER_FOR_LEVEL.items()}


def _date(value: dt.date, *, field: str, label: str) -> None:
    if value > today_uk():
        raise ServiceError(f"{label} must be today or in the past", field=field)


def _check_category_and_level(register: RegisterType, *, category: str, level: str) -> None:
    """MAPPA needs both its category and its level (both missing: both messages); no other type has
    either."""
    if not register.has_category_and_level:
        if category or level:
            raise ServiceError(
                f"Only MAPPA registrations have a category and level, not {register.description}",
                field="category" if category else "level",
            )
        return
    errors = RuleErrorCollector()
    if category not in MAPPA_CATEGORIES:
        errors.add(f"Select the {register.description} category", field="category")
    if level not in MAPPA_LEVELS:
        errors.add(f"Select the {register.description} level", field="level")
    errors.raise_any()


def registration_add_errors(
    register: RegisterType, *, registered_on: dt.date | None, category: str, level: str
) -> tuple[ServiceError, ...]:
    """Every rule a new registration's own inputs break, found together so the form shows them at
    once; a missing date (the form's own error) is not checked."""
    errors = RuleErrorCollector()
    if registered_on is not None:
        with errors.check():
            _date(registered_on, field="registered_on", label="Registration date")
    with errors.check():
        _check_category_and_level(register, category=category, level=level)
    return errors.errors


def _registration_for_change(*, person: Person, registration_id: int) -> Registration:
    registration = Registration.objects.select_for_update().filter(person=person, pk=registration_id).first()
    if registration is None:
        raise NotFound(registration_id)
    if not registration.is_active:
        raise ServiceError(
            f"This registration ended on {registration.deregistered_on:%-d %B %Y} and cannot be changed"
        )
    return registration


def _end(
    *,
    actor: User,
    person: Person,
    registration: Registration,
    expected_version: int,
    on: dt.date,
    reason: str,
    replaced_by: str = "",
) -> None:
    # Who ended it is not part of the versioned diff (it is not something a user edits); setting it
    # first lets the one save in apply_versioned_update write it with the date and reason.
    registration.deregistering_officer = actor.staff
    registration.deregistered_by = actor
    apply_versioned_update(
        actor=actor,
        person=person,
        instance=registration,
        entity=ENTITY,
        expected_version=expected_version,
        data={"deregistered_on": on, "deregistration_reason": reason},
    )
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        crn=person.crn,
        object_type=ENTITY,
        object_id=registration.pk,
        detail={
            "type": registration.register_type,
            "deregistered_on": on.isoformat(),
            "version": registration.version,
        }
        | ({"replaced_by": replaced_by} if replaced_by else {}),
    )


def _replace_rosh(*, actor: User, person: Person, new: RegisterType, registered_on: dt.date) -> None:
    """reference-data.md § RoSH: the overall RoSH is "mirrored by exactly one active RoSH
    registration", so a new RoSH level ends the current one on the day the new one starts."""
    current = (
        Registration.objects.select_for_update().active().filter(person=person, register_type__in=ROSH_CODES)
    )
    for old in current:
        if registered_on < old.registered_on:
            raise ServiceError(
                "The registration date must be on or after the start of the current "
                f"{old.register.description} registration ({old.registered_on:%-d %B %Y})",
                field="registered_on",
            )
        _end(
            actor=actor,
            person=person,
            registration=old,
            expected_version=old.version,
            on=registered_on,
            reason=f"Replaced by {new.description} registration",
            replaced_by=new.code,
        )


def registration_add(
    *,
    actor: User,
    crn: str,
    register_type: str,
    registered_on: dt.date,
    category: str = "",
    level: str = "",
    notes: str = "",
) -> Registration:
    """Register a person. A RoSH registration ends any other active RoSH registration."""
    register = registers.register_type(register_type)
    if register is None:
        raise ServiceError("Select the type of registration", field="register_type")
    raise_all(registration_add_errors(register, registered_on=registered_on, category=category, level=level))
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.REGISTRATION_MANAGE)
        assert actor.staff is not None  # person_for_change: only staff may change a case (can_change_case)
        same = (
            Registration.objects.select_for_update()
            .active()
            .filter(person=person, register_type=register.code)
        )
        existing = same.first()
        if existing is not None:
            raise ServiceError(
                f"This person already has an active {register.description} registration "
                f"(from {existing.registered_on:%-d %B %Y}). Review or change it instead.",
                field="register_type",
            )
        if register.is_rosh:
            _replace_rosh(actor=actor, person=person, new=register, registered_on=registered_on)
            _mirror_rosh_level(person=person, level=LEVEL_FOR_REGISTER[register.code])
        registration = Registration.objects.create(
            person=person,
            register_type=register.code,
            registered_on=registered_on,
            registering_officer=actor.staff,
            registered_by=actor,
            category=category,
            level=level,
            notes=notes.strip(),
            next_review_on=next_review_date(register, registered_on),
        )
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            crn=crn,
            object_type=ENTITY,
            object_id=registration.pk,
            detail={"type": register.code, "category": category, "level": level},
        )
        case_inputs_changed(person_id=person.pk, reason=f"{register.description} added", actor=actor)
    return registration


def registration_review(
    *,
    actor: User,
    crn: str,
    registration_id: int,
    expected_version: int,
    reviewed_on: dt.date,
    notes: str = "",
) -> RegistrationReview:
    """Record a review; the next review is due one review period after it."""
    _date(reviewed_on, field="reviewed_on", label="Review date")
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.REGISTRATION_MANAGE)
        assert actor.staff is not None  # person_for_change: only staff may change a case (can_change_case)
        registration = _registration_for_change(person=person, registration_id=registration_id)
        if reviewed_on < registration.registered_on:
            raise ServiceError(
                "Review date must be on or after the registration date "
                f"({registration.registered_on:%-d %B %Y})",
                field="reviewed_on",
            )
        last = registration.reviews.order_by("-reviewed_on").first()
        if last is not None and reviewed_on < last.reviewed_on:
            raise ServiceError(
                f"Review date must be on or after the last review ({last.reviewed_on:%-d %B %Y})",
                field="reviewed_on",
            )
        next_on = next_review_date(registration.register, reviewed_on)
        apply_versioned_update(
            actor=actor,
            person=person,
            instance=registration,
            entity=ENTITY,
            expected_version=expected_version,
            data={"next_review_on": next_on},
        )
        review = RegistrationReview.objects.create(
            registration=registration,
            reviewed_on=reviewed_on,
            reviewing_officer=actor.staff,
            reviewed_by=actor,
            notes=notes.strip(),
            next_review_on=next_on,
        )
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            crn=crn,
            object_type=ENTITY,
            object_id=registration.pk,
            detail={
                "review": review.pk,
                "reviewed_on": reviewed_on.isoformat(),
                "next_review_on": next_on.isoformat() if next_on else None,
                "version": registration.version,
            },
        )
    return review


def registration_update(
    *,
    actor: User,
    crn: str,
    registration_id: int,
    expected_version: int,
    category: str = "",
    level: str = "",
    notes: str = "",
) -> list[str]:
    """Change the MAPPA category and level, and the notes. Refused (nothing written) if someone
    saved a newer version; returns the fields that changed."""
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.REGISTRATION_MANAGE)
        registration = _registration_for_change(person=person, registration_id=registration_id)
        data: dict[str, Any] = {"notes": notes.strip()}
        if registration.register.has_category_and_level or category or level:
            data |= {"category": category, "level": level}
        changed = apply_versioned_update(
            actor=actor,
            person=person,
            instance=registration,
            entity=ENTITY,
            expected_version=expected_version,
            data=data,
            validate=lambda r: _check_category_and_level(r.register, category=r.category, level=r.level),
        )
        if changed:
            audit_record(
                actor=actor,
                action=AuditAction.UPDATE,
                crn=crn,
                object_type=ENTITY,
                object_id=registration.pk,
                detail={"fields": changed, "version": registration.version},
            )
        case_inputs_changed(person_id=person.pk, reason="registration changed", actor=actor)
    return changed


def registration_deregister(
    *,
    actor: User,
    crn: str,
    registration_id: int,
    expected_version: int,
    deregistered_on: dt.date,
    reason: str,
) -> Registration:
    """End a registration, with the date and the reason (reference-data.md: deregistration)."""
    raise_all(registration_deregister_errors(deregistered_on=deregistered_on, reason=reason))
    reason = reason.strip()
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.REGISTRATION_MANAGE)
        registration = _registration_for_change(person=person, registration_id=registration_id)
        if deregistered_on < registration.registered_on:
            raise ServiceError(
                "Deregistration date must be on or after the registration date "
                f"({registration.registered_on:%-d %B %Y})",
                field="deregistered_on",
            )
        _end(
            actor=actor,
            person=person,
            registration=registration,
            expected_version=expected_version,
            on=deregistered_on,
            reason=reason,
        )
        if registration.register.is_rosh:
            _mirror_rosh_level(person=person, level="")
        case_inputs_changed(person_id=person.pk, reason="registration ended", actor=actor)
    return registration


def registration_deregister_errors(
    *, deregistered_on: dt.date | None, reason: str | None
) -> tuple[ServiceError, ...]:
    """The reason and the date, checked together (``None``: the form's own error, not checked)."""
    errors = RuleErrorCollector()
    if reason is not None and not reason.strip():
        errors.add("Enter the reason for deregistering", field="reason")
    if deregistered_on is not None:
        with errors.check():
            _date(deregistered_on, field="deregistered_on", label="Deregistration date")
    return errors.errors


def _mirror_rosh_level(*, person: Person, level: str) -> None:
    """Person.rosh_level follows the active RoSH registration, however it was changed (caseloads
    and the allocation guard read it; ADR 0009)."""
    Person.objects.filter(pk=person.pk).update(rosh_level=level)
