"""Requirements of community and suspended sentence orders: adding and ending them (issue 3 item 2).

Measures and limits are the domain's (``domain.requirements.check_ordered_amount``); this module adds
the rules that need the records: only orders have requirements, a requirement lies inside its
order, and an attendance centre requirement is for young adults. Progress (``done``) is written only
by the contacts outcome service.
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from probation.accounts.models import User
from probation.accounts.policy import Permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.case_changes import case_inputs_changed
from probation.core.clock import age_on
from probation.core.date_checks import date_not_future
from probation.core.errors import ServiceError
from probation.people.models import Person
from probation.people.services.person import person_for_change
from probation.people.services.versioning import apply_versioned_update
from probation.rules.errors import RuleErrorCollector, raise_all
from probation.rules.sentences.requirements import REQUIREMENT_RULES, RequirementType, check_ordered_amount
from probation.sentences.models import Requirement, Sentence
from probation.sentences.models.choices import RequirementTerminationReason
from probation.sentences.services.checks import date_not_before, day
from probation.sentences.services.locks import REQUIREMENT, requirement_for_change, sentence_for_change

# Sentencing Act 2020 Sch 9 para 24(1)-(2): an attendance centre requirement may be imposed only on
# an offender aged under 25 when convicted (enforcement.md: "attendance centre (young adults)").
ATTENDANCE_CENTRE_AGE_LIMIT = 25
# The court's wording is the requirement for these: without it there is nothing to enforce.
DETAILS_REQUIRED = {
    RequirementType.EXCLUSION: "Enter the place and period of the exclusion",
    RequirementType.PROHIBITED_ACTIVITY: "Enter the prohibited activity",
    RequirementType.RESIDENCE: "Enter where the person must live",
}
ELECTRONIC_MONITORING_TYPES = {RequirementType.CURFEW, RequirementType.EXCLUSION}


def check_requirement_shape(
    requirement_type: str, ordered: int | None, details: str, electronic_monitoring: bool
) -> RequirementType:
    """The requirement's own inputs; every problem is reported together (issue 10 item 8)."""
    raise_all(requirement_shape_errors(requirement_type, ordered, details, electronic_monitoring))
    return RequirementType(requirement_type)


def requirement_shape_errors(
    requirement_type: str | None, ordered: int | None, details: str | None, electronic_monitoring: bool
) -> tuple[ServiceError, ...]:
    """Every rule the requirement's own inputs break; ``None`` is an input the form already refused."""
    errors = RuleErrorCollector()
    if requirement_type is None:
        return errors.errors
    if requirement_type not in {t.value for t in RequirementType}:
        errors.add("Select the type of requirement", field="type")
        return errors.errors
    kind = RequirementType(requirement_type)
    with errors.check():
        check_ordered_amount(kind, ordered)
    if details is not None and kind in DETAILS_REQUIRED and not details.strip():
        errors.add(DETAILS_REQUIRED[kind], field="details")
    if electronic_monitoring and kind not in ELECTRONIC_MONITORING_TYPES:
        errors.add(
            f"Electronic monitoring applies to curfew and exclusion requirements, not "
            f"{REQUIREMENT_RULES[kind].label.lower()}",
            field="electronic_monitoring",
        )
    return errors.errors


def _check_inside_order(
    sentence: Sentence, person: Person, kind: RequirementType, start_date: dt.date, end_date: dt.date | None
) -> None:
    if not sentence.is_order:
        raise ServiceError(
            f"Requirements can be added to community and suspended sentence orders only, not to a "
            f"{sentence.get_type_display().lower()}",
            field="type",
        )
    if sentence.terminated_on is not None:
        raise ServiceError(f"This order ended on {day(sentence.terminated_on)}: requirements cannot be added")
    date_not_before(
        start_date, sentence.start_date, field="start_date", label="Start date", what="the order's start"
    )
    last = sentence.expected_end_date
    if last is not None and start_date > last:
        raise ServiceError(
            f"Start date must be on or before the order's end ({day(last)})", field="start_date"
        )
    if end_date is not None:
        date_not_before(end_date, start_date, field="end_date", label="End date", what="the start date")
        if last is not None and end_date > last:
            raise ServiceError(
                f"End date must be on or before the order's end ({day(last)})", field="end_date"
            )
    if kind is RequirementType.ATTENDANCE_CENTRE:
        age = age_on(person.date_of_birth, sentence.event.conviction_date)
        if age >= ATTENDANCE_CENTRE_AGE_LIMIT:
            raise ServiceError(
                f"An attendance centre requirement is for people aged under "
                f"{ATTENDANCE_CENTRE_AGE_LIMIT} when convicted; this person was {age}",
                field="type",
            )


@dataclass(frozen=True)
class RequirementTerms:
    """A requirement as the court made it, as the add-a-requirement form collects it."""

    requirement_type: str
    ordered: int | None
    start_date: dt.date
    end_date: dt.date | None = None
    details: str = ""
    electronic_monitoring: bool = False


def requirement_add(*, actor: User, crn: str, sentence_id: int, terms: RequirementTerms) -> Requirement:
    """Add a requirement the court made to an order, with its measure where it has one."""
    check_requirement_shape(
        terms.requirement_type, terms.ordered, terms.details.strip(), terms.electronic_monitoring
    )
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.SENTENCE_MANAGE)
        sentence = sentence_for_change(person=person, sentence_id=sentence_id)
        requirement = requirement_create_on(actor=actor, person=person, sentence=sentence, terms=terms)
        case_inputs_changed(person_id=person.pk, reason="requirement added", actor=actor)
    return requirement


def requirement_create_on(
    *, actor: User, person: Person, sentence: Sentence, terms: RequirementTerms, audit: bool = True
) -> Requirement:
    """Write one requirement on an order the caller has locked, with its audit unless the caller
    audits it in its own record (no tier hook: the caller calls it once for everything it changed)."""
    ordered, start_date, end_date = terms.ordered, terms.start_date, terms.end_date
    details = terms.details.strip()
    electronic_monitoring = terms.electronic_monitoring
    kind = check_requirement_shape(terms.requirement_type, ordered, details, electronic_monitoring)
    crn = person.crn
    _check_inside_order(sentence, person, kind, start_date, end_date)
    requirement = Requirement.objects.create(
        sentence=sentence,
        type=kind.value,
        ordered=ordered,
        start_date=start_date,
        end_date=end_date,
        details=details,
        electronic_monitoring=electronic_monitoring,
    )
    if not audit:
        return requirement
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        crn=crn,
        object_type=REQUIREMENT,
        object_id=requirement.pk,
        detail={
            "sentence": sentence.pk,
            "type": kind.value,
            "ordered": ordered,
            "start_date": start_date.isoformat(),
        },
    )
    return requirement


def requirement_terminate(
    *,
    actor: User,
    crn: str,
    requirement_id: int,
    expected_version: int,
    terminated_on: dt.date,
    reason: str,
) -> Requirement:
    """End one requirement (completed, removed by the court…). A stale form is refused with what changed."""
    if reason not in RequirementTerminationReason.values:
        raise ServiceError("Select the reason the requirement ended", field="reason")
    date_not_future(terminated_on, field="terminated_on", label="Termination date")
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.SENTENCE_MANAGE)
        requirement = requirement_for_change(person=person, requirement_id=requirement_id)
        if requirement.version == expected_version and requirement.terminated_on is not None:
            raise ServiceError(f"This requirement already ended on {day(requirement.terminated_on)}")
        date_not_before(
            terminated_on,
            requirement.start_date,
            field="terminated_on",
            label="Termination date",
            what="the requirement's start",
        )
        apply_versioned_update(
            actor=actor,
            person=person,
            instance=requirement,
            entity=REQUIREMENT,
            expected_version=expected_version,
            data={"terminated_on": terminated_on, "termination_reason": reason},
        )
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            crn=crn,
            object_type=REQUIREMENT,
            object_id=requirement.pk,
            detail={
                "terminated_on": terminated_on.isoformat(),
                "reason": reason,
                "version": requirement.version,
            },
        )
        case_inputs_changed(person_id=person.pk, reason="requirement terminated", actor=actor)
    return requirement
