"""Recording a conviction and its sentence, adding offences, and ending a sentence (issue 3 item 1).

The event, its offences and its sentence are written in one transaction with the audit and the tier
hook (``case_inputs_changed``), after the case is locked through people's scoped
``person_for_change``: a refusal leaves no trace. Audit details carry dates, types and row ids,
never offence wording or free text.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max

from probation.accounts.models import User
from probation.accounts.policy import Permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.case_changes import case_inputs_changed
from probation.core.date_checks import date_not_future
from probation.core.errors import ServiceError
from probation.core.key_events import KeyEventKind, key_event_occurred
from probation.people.services.person import person_for_change
from probation.people.services.versioning import apply_versioned_update
from probation.rules.calendar.periods import period_end
from probation.rules.errors import RuleErrorCollector, raise_all
from probation.rules.sentences.licences import SentenceKind
from probation.rules.sentences.limits import SentencingRules
from probation.sentences.models import Event, EventOffence, Requirement, Sentence
from probation.sentences.models.choices import RequirementTerminationReason, SentenceType, TerminationReason
from probation.sentences.offences import offence_resolve
from probation.sentences.services.checks import date_not_before, day
from probation.sentences.services.locks import (
    EVENT,
    OFFENCE,
    REQUIREMENT,
    SENTENCE,
    event_for_change,
    sentence_for_change,
)
from probation.sentences.services.requirements import (
    RequirementTerms,
    check_requirement_shape,
    requirement_create_on,
)
from probation.sentences.services.sentence_limits import SentenceDraft, check_lengths, sentencing_rules_for

COURT_MAX_LENGTH = 120
# The key event an ending is (core/key_events.py); any other reason is the order or sentence ending.
ENDING_EVENTS: dict[str, KeyEventKind] = {
    TerminationReason.DECEASED: KeyEventKind.DIED,
    TerminationReason.LICENCE_EXPIRED: KeyEventKind.LICENCE_ENDED,
    TerminationReason.TRANSFERRED: KeyEventKind.TRANSFERRED,
}


@dataclass(frozen=True)
class OffenceInput:
    ho_code: str
    offence_date: dt.date
    counts: int = 1


@dataclass(frozen=True)
class SentenceInput:
    type: str
    sentence_date: dt.date
    start_date: dt.date
    length_months: int | None = None  # order length / SSO supervision period / PSS period
    custodial_months: int | None = None  # SSO custodial term / custodial sentence
    kind: str = SentenceKind.STANDARD_DETERMINATE


@dataclass(frozen=True)
class RequirementInput:
    """A requirement made with the sentence; it starts with the order (more are added on the sentence
    page, with their own dates)."""

    requirement_type: str
    ordered: int | None = None
    details: str = ""


# A community order must include at least one community order requirement (Sentencing Act 2020,
# s.204; before it, Criminal Justice Act 2003 s.177); a suspended sentence order has a supervision
# period only when it imposes community requirements (s.288), and this service records every SSO with
# its supervision period. Whether the rule applies is the dated rule's (limits.ORDER_REQUIREMENT_RULES).
NEEDS_A_REQUIREMENT = {
    SentenceType.COMMUNITY_ORDER: "A community order must have at least one requirement: "
    "select its first requirement",
    SentenceType.SUSPENDED_SENTENCE_ORDER: "A suspended sentence order with a supervision period must "
    "have at least one requirement: select its first requirement",
}
ORDER_TYPES = {SentenceType.COMMUNITY_ORDER, SentenceType.SUSPENDED_SENTENCE_ORDER}


def _check_requirements(
    sentence_type: str | None,
    requirements: Sequence[RequirementInput] | None,
    errors: RuleErrorCollector,
    rules: SentencingRules | None = None,
) -> None:
    """``None``: the form could not read the requirement, and says so itself. ``rules``: the law on the
    date of sentence (None when the date is unknown: the requirement rule has applied throughout)."""
    if requirements is None:
        return
    needed = rules is None or rules.order_requirement.rule.needs_a_requirement
    if not requirements and needed and sentence_type in NEEDS_A_REQUIREMENT:
        errors.add(NEEDS_A_REQUIREMENT[SentenceType(sentence_type)], field="requirement_type")
    if requirements and sentence_type is not None and sentence_type not in ORDER_TYPES:
        errors.add(
            "Only community and suspended sentence orders have requirements: leave the requirement blank",
            field="requirement_type",
        )
        return
    for requirement in requirements:
        try:
            check_requirement_shape(
                requirement.requirement_type, requirement.ordered, requirement.details.strip(), False
            )
        except ServiceError as refused:
            for error in refused.errors:
                errors.add(error.message, field=f"requirement_{error.field}")


@dataclass(frozen=True)
class OffenceDraft:
    """An offence as far as a form could read it: ``None`` is an input the form already refused."""

    ho_code: str | None
    offence_date: dt.date | None
    counts: int = 1


def _draft(offence: OffenceInput) -> OffenceDraft:
    return OffenceDraft(offence.ho_code, offence.offence_date, offence.counts)


def _check_offence(
    offence: OffenceDraft,
    *,
    conviction_date: dt.date | None,
    prefix: str,
    label: str,
    errors: RuleErrorCollector,
) -> None:
    if offence.ho_code is not None:
        with errors.check():
            offence_resolve(offence.ho_code, field=f"{prefix}code", label=label)
    if offence.offence_date is not None:
        with errors.check():
            date_not_future(offence.offence_date, field=f"{prefix}date", label=f"{label} date")
        if conviction_date is not None and offence.offence_date > conviction_date:
            errors.add(
                f"{label} date must be on or before the date of conviction ({day(conviction_date)})",
                field=f"{prefix}date",
            )
    if offence.counts < 1:
        errors.add(f"{label} counts must be at least 1", field=f"{prefix}counts")


def _event_offence(offence: OffenceInput) -> EventOffence:
    found = offence_resolve(offence.ho_code)  # checked already: only its description is wanted
    return EventOffence(
        ho_code=found.ho_code,
        description=found.description,
        offence_date=offence.offence_date,
        counts=offence.counts,
    )


def _check_sentence_dates(
    sentence: SentenceDraft, *, conviction_date: dt.date | None, errors: RuleErrorCollector
) -> None:
    if sentence.sentence_date is not None:
        with errors.check():
            date_not_future(sentence.sentence_date, field="sentence_date", label="Date of sentence")
        if conviction_date is not None:
            with errors.check():
                date_not_before(
                    sentence.sentence_date,
                    conviction_date,
                    field="sentence_date",
                    label="Date of sentence",
                    what="conviction",
                )
        if sentence.start_date is not None:
            with errors.check():
                date_not_before(
                    sentence.start_date,
                    sentence.sentence_date,
                    field="start_date",
                    label="Start date",
                    what="the date of sentence",
                )


def _check_sentence(
    sentence: SentenceDraft,
    *,
    conviction_date: dt.date | None,
    errors: RuleErrorCollector,
    rules: SentencingRules | None,
) -> None:
    """Every rule the sentence breaks (inputs the form refused are not checked again); the limits are
    those in force on the date of sentence (``rules``)."""
    if sentence.type is not None and sentence.type not in SentenceType.values:
        errors.add("Select the type of sentence", field="sentence_type")
    _check_sentence_dates(sentence, conviction_date=conviction_date, errors=errors)
    if sentence.kind is not None:
        if sentence.kind not in {k.value for k in SentenceKind}:
            errors.add("Select the kind of custodial sentence", field="kind")
        elif sentence.type not in {None, SentenceType.CUSTODIAL} and (
            sentence.kind != SentenceKind.STANDARD_DETERMINATE
        ):
            errors.add("The kind of sentence applies to custodial sentences only", field="kind")
    check_lengths(sentence, rules, errors)


def event_create_errors(
    *,
    conviction_date: dt.date | None,
    court: str | None,
    main_offence: OffenceDraft,
    sentence: SentenceDraft,
    additional_offences: Sequence[OffenceDraft] = (),
    requirements: Sequence[RequirementInput] | None = (),
) -> tuple[ServiceError, ...]:
    """Every rule a conviction and its sentence break, found together so the form shows all of them
    at once (issue 10 item 8); ``None`` is an input the form already refused, and is not checked."""
    errors = RuleErrorCollector()
    if court is not None:
        court = court.strip()
        if not court:
            errors.add("Enter the convicting court", field="court")
        elif len(court) > COURT_MAX_LENGTH:
            errors.add(f"Court must be {COURT_MAX_LENGTH} characters or fewer", field="court")
    if conviction_date is not None:
        with errors.check():
            date_not_future(conviction_date, field="conviction_date", label="Date of conviction")
    _check_offence(
        main_offence, conviction_date=conviction_date, prefix="main_", label="Main offence", errors=errors
    )
    for i, offence in enumerate(additional_offences, start=1):
        _check_offence(
            offence,
            conviction_date=conviction_date,
            prefix=f"additional_{i}_",
            label=f"Additional offence {i}",
            errors=errors,
        )
    rules = sentencing_rules_for(sentence.sentence_date, errors)
    _check_sentence(sentence, conviction_date=conviction_date, errors=errors, rules=rules)
    _check_requirements(sentence.type, requirements, errors, rules)
    return errors.errors


def _sentence_fields(sentence: SentenceInput) -> dict[str, object]:
    return {
        "type": sentence.type,
        "kind": sentence.kind,
        "sentence_date": sentence.sentence_date,
        "start_date": sentence.start_date,
        "length_months": sentence.length_months,
        "custodial_months": sentence.custodial_months,
        "expected_end_date": expected_end(sentence),
    }


def expected_end(sentence: SentenceInput) -> dt.date | None:
    """Orders and supervision end with their period (periods.period_end); a determinate custodial
    sentence expires at the end of its term; an indeterminate one has no end."""
    if sentence.type == SentenceType.CUSTODIAL:
        if sentence.kind == SentenceKind.INDETERMINATE or sentence.custodial_months is None:
            return None
        return period_end(sentence.start_date, sentence.custodial_months)
    if sentence.length_months is None:
        return None
    return period_end(sentence.start_date, sentence.length_months)


def event_create(
    *,
    actor: User,
    crn: str,
    conviction_date: dt.date,
    court: str,
    main_offence: OffenceInput,
    sentence: SentenceInput,
    additional_offences: Sequence[OffenceInput] = (),
    requirements: Sequence[RequirementInput] = (),
) -> Event:
    """Record a conviction with its offences and the sentence passed; the event number is the
    person's next, issued under the person lock so two recordings never share one."""
    raise_all(
        event_create_errors(
            conviction_date=conviction_date,
            court=court,
            main_offence=_draft(main_offence),
            additional_offences=[_draft(o) for o in additional_offences],
            sentence=SentenceDraft(
                type=sentence.type,
                sentence_date=sentence.sentence_date,
                start_date=sentence.start_date,
                length_months=sentence.length_months,
                custodial_months=sentence.custodial_months,
                kind=sentence.kind,
            ),
            requirements=requirements,
        )
    )
    court = court.strip()
    offences = [_event_offence(o) for o in (main_offence, *additional_offences)]
    sentence_fields = _sentence_fields(sentence)
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.SENTENCE_MANAGE)
        last = Event.objects.filter(person=person).aggregate(last=Max("number"))["last"] or 0
        event = Event.objects.create(
            person=person, number=last + 1, conviction_date=conviction_date, court=court, created_by=actor
        )
        offences[0].main = True
        for offence in offences:
            offence.event = event
        EventOffence.objects.bulk_create(offences)
        record = Sentence.objects.create(event=event, person=person, **sentence_fields)
        made = [
            requirement_create_on(
                actor=actor,
                person=person,
                sentence=record,
                terms=RequirementTerms(
                    requirement_type=requirement.requirement_type,
                    ordered=requirement.ordered,
                    start_date=record.start_date,
                    details=requirement.details,
                ),
                audit=False,  # recorded in the event's own audit row below
            ).pk
            for requirement in requirements
        ]
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            crn=crn,
            object_type=EVENT,
            object_id=event.pk,
            detail={
                "number": event.number,
                "conviction_date": conviction_date.isoformat(),
                "offences": len(offences),
                "sentence": record.pk,
                "sentence_type": record.type,
                "sentence_date": record.sentence_date.isoformat(),
                "requirements": made,
            },
        )
        case_inputs_changed(person_id=person.pk, reason="sentence recorded", actor=actor)
        key_event_occurred(
            person_id=person.pk,
            kind=KeyEventKind.SENTENCED,
            on=record.sentence_date,
            actor=actor,
            detail={"event": event.pk, "sentence": record.pk},
        )
    return event


def offence_add(
    *, actor: User, crn: str, event_id: int, ho_code: str, offence_date: dt.date, counts: int = 1
) -> EventOffence:
    """Add an additional offence to a conviction (the main offence is set when it is recorded)."""
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.SENTENCE_MANAGE)
        event = event_for_change(person=person, event_id=event_id)
        errors = RuleErrorCollector()
        _check_offence(
            OffenceDraft(ho_code, offence_date, counts),
            conviction_date=event.conviction_date,
            prefix="",
            label="Offence",
            errors=errors,
        )
        errors.raise_any()
        offence = _event_offence(OffenceInput(ho_code, offence_date, counts))
        offence.event = event
        offence.save()
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            crn=crn,
            object_type=OFFENCE,
            object_id=offence.pk,
            detail={"event": event.pk, "offence_date": offence_date.isoformat()},
        )
        case_inputs_changed(person_id=person.pk, reason="offence added", actor=actor)
    return offence


def sentence_terminate(
    *, actor: User, crn: str, sentence_id: int, expected_version: int, terminated_on: dt.date, reason: str
) -> Sentence:
    """End a sentence with its date and reason; its active requirements end with it ("order ended")."""
    if reason not in TerminationReason.values:
        raise ServiceError("Select the reason the sentence ended", field="reason")
    date_not_future(terminated_on, field="terminated_on", label="Termination date")
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.SENTENCE_MANAGE)
        sentence = sentence_for_change(person=person, sentence_id=sentence_id)
        if sentence.version == expected_version and sentence.terminated_on is not None:
            raise ServiceError(f"This sentence already ended on {day(sentence.terminated_on)}")
        date_not_before(
            terminated_on,
            sentence.sentence_date,
            field="terminated_on",
            label="Termination date",
            what="the date of sentence",
        )
        apply_versioned_update(
            actor=actor,
            person=person,
            instance=sentence,
            entity=SENTENCE,
            expected_version=expected_version,
            data={"terminated_on": terminated_on, "termination_reason": reason},
        )
        ended = []
        for requirement in Requirement.objects.select_for_update().filter(
            sentence=sentence, terminated_on=None
        ):
            apply_versioned_update(
                actor=actor,
                person=person,
                instance=requirement,
                entity=REQUIREMENT,
                expected_version=requirement.version,
                data={
                    "terminated_on": terminated_on,
                    "termination_reason": RequirementTerminationReason.ORDER_ENDED,
                },
            )
            ended.append(requirement.pk)
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            crn=crn,
            object_type=SENTENCE,
            object_id=sentence.pk,
            detail={
                "terminated_on": terminated_on.isoformat(),
                "reason": reason,
                "requirements_ended": ended,
                "version": sentence.version,
            },
        )
        case_inputs_changed(person_id=person.pk, reason="sentence terminated", actor=actor)
        key_event_occurred(
            person_id=person.pk,
            kind=ENDING_EVENTS.get(reason, KeyEventKind.ORDER_ENDED),
            on=terminated_on,
            actor=actor,
            detail={"sentence": sentence.pk, "reason": reason},
        )
    return sentence
