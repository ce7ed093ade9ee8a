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
from probation.people.services.person import person_for_change
from probation.people.services.versioning import apply_versioned_update
from probation.rules.calendar.periods import period_end
from probation.rules.sentences.licences import SentenceKind
from probation.sentences.models import Event, EventOffence, Requirement, Sentence
from probation.sentences.models.choices import RequirementTerminationReason, SentenceType, TerminationReason
from probation.sentences.offences import offence_resolve
from probation.sentences.services.checks import date_not_before, day, months_between
from probation.sentences.services.locks import (
    EVENT,
    OFFENCE,
    REQUIREMENT,
    SENTENCE,
    event_for_change,
    sentence_for_change,
)

# Sentencing Act 2020: a community order lasts at most 3 years (s.209); a suspended sentence order
# suspends a custodial term of at most 2 years with a supervision period of at most 2 years
# (ss.264, 288); post-sentence supervision runs to 12 months after release (Criminal Justice Act
# 1991 s.256AA as amended by the Offender Rehabilitation Act 2014). A custodial term is capped at
# 100 years here only to catch typing errors.
COMMUNITY_ORDER_MAX_MONTHS = 36
SSO_MAX_MONTHS = 24
PSS_MAX_MONTHS = 12
CUSTODIAL_MAX_MONTHS = 1200
COURT_MAX_LENGTH = 120


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


def _check_offence(
    offence: OffenceInput, *, conviction_date: dt.date, prefix: str, label: str
) -> EventOffence:
    found = offence_resolve(offence.ho_code, field=f"{prefix}code", label=label)
    date_not_future(offence.offence_date, field=f"{prefix}date", label=f"{label} date")
    if offence.offence_date > conviction_date:
        raise ServiceError(
            f"{label} date must be on or before the date of conviction ({day(conviction_date)})",
            field=f"{prefix}date",
        )
    if offence.counts < 1:
        raise ServiceError(f"{label} counts must be at least 1", field=f"{prefix}counts")
    return EventOffence(
        ho_code=found.ho_code,
        description=found.description,
        offence_date=offence.offence_date,
        counts=offence.counts,
    )


def _check_sentence(sentence: SentenceInput, *, conviction_date: dt.date) -> dict[str, object]:
    """The sentence's fields with its expected end, or the first rule it breaks."""
    if sentence.type not in SentenceType.values:
        raise ServiceError("Select the type of sentence", field="sentence_type")
    date_not_future(sentence.sentence_date, field="sentence_date", label="Date of sentence")
    date_not_before(
        sentence.sentence_date,
        conviction_date,
        field="sentence_date",
        label="Date of sentence",
        what="conviction",
    )
    date_not_before(
        sentence.start_date,
        sentence.sentence_date,
        field="start_date",
        label="Start date",
        what="the date of sentence",
    )
    if sentence.kind not in {k.value for k in SentenceKind}:
        raise ServiceError("Select the kind of custodial sentence", field="kind")
    custodial = sentence.type == SentenceType.CUSTODIAL
    if not custodial and sentence.kind != SentenceKind.STANDARD_DETERMINATE:
        raise ServiceError("The kind of sentence applies to custodial sentences only", field="kind")
    length, term = sentence.length_months, sentence.custodial_months
    if sentence.type == SentenceType.COMMUNITY_ORDER:
        months_between(
            length, 1, COMMUNITY_ORDER_MAX_MONTHS, field="length_months", label="Length of the order"
        )
        if term is not None:
            raise ServiceError("A community order has no custodial term", field="custodial_months")
    elif sentence.type == SentenceType.SUSPENDED_SENTENCE_ORDER:
        months_between(term, 1, SSO_MAX_MONTHS, field="custodial_months", label="Custodial term")
        months_between(length, 1, SSO_MAX_MONTHS, field="length_months", label="Supervision period")
    elif sentence.type == SentenceType.POST_SENTENCE_SUPERVISION:
        months_between(length, 1, PSS_MAX_MONTHS, field="length_months", label="Supervision period")
        if term is not None:
            raise ServiceError(
                "Post-sentence supervision has no custodial term here", field="custodial_months"
            )
    else:
        months_between(term, 1, CUSTODIAL_MAX_MONTHS, field="custodial_months", label="Custodial term")
        if length is not None:
            raise ServiceError(
                "Leave the length blank for a custodial sentence: licence dates are recorded on release",
                field="length_months",
            )
    return {
        "type": sentence.type,
        "kind": sentence.kind,
        "sentence_date": sentence.sentence_date,
        "start_date": sentence.start_date,
        "length_months": length,
        "custodial_months": term,
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
) -> Event:
    """Record a conviction with its offences and the sentence passed; the event number is the
    person's next, issued under the person lock so two recordings never share one."""
    court = court.strip()
    if not court:
        raise ServiceError("Enter the convicting court", field="court")
    if len(court) > COURT_MAX_LENGTH:
        raise ServiceError(f"Court must be {COURT_MAX_LENGTH} characters or fewer", field="court")
    date_not_future(conviction_date, field="conviction_date", label="Date of conviction")
    offences = [
        _check_offence(main_offence, conviction_date=conviction_date, prefix="main_", label="Main offence")
    ]
    offences += [
        _check_offence(
            o, conviction_date=conviction_date, prefix=f"additional_{i}_", label=f"Additional offence {i}"
        )
        for i, o in enumerate(additional_offences, start=1)
    ]
    sentence_fields = _check_sentence(sentence, conviction_date=conviction_date)
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
            },
        )
        case_inputs_changed(person_id=person.pk, reason="sentence recorded", actor=actor)
    return event


def offence_add(
    *, actor: User, crn: str, event_id: int, ho_code: str, offence_date: dt.date, counts: int = 1
) -> EventOffence:
    """Add an additional offence to a conviction (the main offence is set when it is recorded)."""
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.SENTENCE_MANAGE)
        event = event_for_change(person=person, event_id=event_id)
        offence = _check_offence(
            OffenceInput(ho_code, offence_date, counts),
            conviction_date=event.conviction_date,
            prefix="",
            label="Offence",
        )
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
    return sentence
