"""Licences and post-sentence supervision after custody, and their conditions (issue 3 item 3).

Whether release leads to a licence or to post-sentence supervision is the domain's
(``supervision_after_release``: 12 months or more is a licence); the nine standard conditions are
written with the licence; additional and bespoke conditions are checked by
``check_licence_condition``. Audit details never carry a condition's text.
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max

from probation.accounts.models import User
from probation.accounts.policy import Permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.case_changes import case_inputs_changed
from probation.core.errors import ServiceError
from probation.people.services.person import person_for_change
from probation.people.services.versioning import apply_versioned_update
from probation.rules.sentences.licences import (
    STANDARD_LICENCE_CONDITIONS,
    AdditionalConditionCategory,
    ConditionKind,
    SupervisionKind,
    check_licence_condition,
    supervision_after_release,
)
from probation.rules.sentences.licences import LicenceCondition as ConditionRule
from probation.sentences.models import Licence, LicenceCondition, Sentence
from probation.sentences.models.choices import SentenceType
from probation.sentences.services.checks import date_not_before, day
from probation.sentences.services.locks import (
    CONDITION,
    LICENCE,
    condition_for_change,
    licence_for_change,
    sentence_for_change,
)


@dataclass(frozen=True)
class LicenceDates:
    """A licence's key dates, as the licence form collects them."""

    release_date: dt.date
    conditional_release_date: dt.date | None = None
    licence_expiry_date: dt.date | None = None
    sentence_expiry_date: dt.date | None = None
    pss_end_date: dt.date | None = None
    top_up_end_date: dt.date | None = None


def _check_sentence_takes_licence(sentence: Sentence) -> None:
    """A current custodial sentence with no licence yet."""
    if sentence.type != SentenceType.CUSTODIAL:
        raise ServiceError(
            f"A licence follows a custodial sentence; this is a {sentence.get_type_display().lower()}"
        )
    if Licence.objects.filter(sentence=sentence).exists():
        raise ServiceError("A licence is already recorded for this sentence")
    if sentence.terminated_on is not None:
        raise ServiceError(f"This sentence ended on {day(sentence.terminated_on)}")


def _check_release_dates(sentence: Sentence, dates: LicenceDates) -> None:
    date_not_before(
        dates.release_date,
        sentence.sentence_date,
        field="release_date",
        label="Release date",
        what="the date of sentence",
    )
    if dates.conditional_release_date is not None:
        date_not_before(
            dates.conditional_release_date,
            sentence.sentence_date,
            field="conditional_release_date",
            label="Conditional release date",
            what="the date of sentence",
        )


def _check_key_dates(supervision: SupervisionKind, dates: LicenceDates) -> None:
    if supervision is SupervisionKind.LICENCE and dates.licence_expiry_date is None:
        raise ServiceError("Enter the licence expiry date (LED)", field="licence_expiry_date")
    if supervision is SupervisionKind.POST_SENTENCE_SUPERVISION and dates.pss_end_date is None:
        raise ServiceError(
            "Enter the post-sentence supervision end date: a sentence under 12 months is followed by "
            "post-sentence supervision",
            field="pss_end_date",
        )
    for field, label, value in (
        ("licence_expiry_date", "Licence expiry date", dates.licence_expiry_date),
        ("sentence_expiry_date", "Sentence expiry date", dates.sentence_expiry_date),
        ("pss_end_date", "Post-sentence supervision end date", dates.pss_end_date),
        ("top_up_end_date", "Top-up supervision end date", dates.top_up_end_date),
    ):
        if value is not None:
            date_not_before(value, dates.release_date, field=field, label=label, what="the release date")


def _licence_write(
    *, sentence: Sentence, supervision: SupervisionKind, dates: LicenceDates, releasing_prison: str
) -> Licence:
    """The licence and its nine standard conditions, each starting on release."""
    licence = Licence.objects.create(
        sentence=sentence,
        supervision=supervision.value,
        release_date=dates.release_date,
        conditional_release_date=dates.conditional_release_date,
        licence_expiry_date=dates.licence_expiry_date,
        sentence_expiry_date=dates.sentence_expiry_date,
        pss_end_date=dates.pss_end_date,
        top_up_end_date=dates.top_up_end_date,
        releasing_prison=releasing_prison.strip(),
    )
    LicenceCondition.objects.bulk_create(
        LicenceCondition(
            licence=licence, kind=ConditionKind.STANDARD, text=text, start_date=dates.release_date, ordinal=i
        )
        for i, text in enumerate(STANDARD_LICENCE_CONDITIONS, start=1)
    )
    return licence


def licence_create(
    *, actor: User, crn: str, sentence_id: int, dates: LicenceDates, releasing_prison: str = ""
) -> Licence:
    """Record release from a custodial sentence with its key dates and the standard conditions."""
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.SENTENCE_MANAGE)
        sentence = sentence_for_change(person=person, sentence_id=sentence_id)
        _check_sentence_takes_licence(sentence)
        _check_release_dates(sentence, dates)
        supervision = supervision_after_release(sentence.custodial_months or 0)
        _check_key_dates(supervision, dates)
        licence = _licence_write(
            sentence=sentence, supervision=supervision, dates=dates, releasing_prison=releasing_prison
        )
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            crn=crn,
            object_type=LICENCE,
            object_id=licence.pk,
            detail={
                "sentence": sentence.pk,
                "supervision": supervision.value,
                "release_date": dates.release_date.isoformat(),
                "standard_conditions": len(STANDARD_LICENCE_CONDITIONS),
            },
        )
        case_inputs_changed(person_id=person.pk, reason="licence recorded", actor=actor)
    return licence


def _licence_end(licence: Licence) -> dt.date | None:
    dates = [d for d in (licence.licence_expiry_date, licence.pss_end_date, licence.top_up_end_date) if d]
    return max(dates) if dates else None


def licence_condition_add(
    *,
    actor: User,
    crn: str,
    licence_id: int,
    kind: str,
    text: str,
    start_date: dt.date,
    end_date: dt.date | None = None,
    category: str = "",
) -> LicenceCondition:
    """Add an additional condition (with its category) or a bespoke one, with its text and dates."""
    text = text.strip()
    if kind == ConditionKind.STANDARD:
        raise ServiceError("The standard conditions are added with the licence", field="kind")
    if kind not in (ConditionKind.ADDITIONAL, ConditionKind.BESPOKE):
        raise ServiceError("Select additional or bespoke condition", field="kind")
    if kind == ConditionKind.ADDITIONAL and category not in {c.value for c in AdditionalConditionCategory}:
        raise ServiceError("Select the category of the additional condition", field="category")
    if kind == ConditionKind.BESPOKE and category:
        raise ServiceError("A bespoke condition has no category: clear the category", field="category")
    check_licence_condition(ConditionRule(ConditionKind(kind), text, start_date, end_date))
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.SENTENCE_MANAGE)
        licence = licence_for_change(person=person, licence_id=licence_id)
        date_not_before(start_date, licence.release_date, field="start", label="Start date", what="release")
        last = _licence_end(licence)
        if last is not None:
            if start_date > last:
                raise ServiceError(
                    f"Start date must be on or before the licence ends ({day(last)})", field="start"
                )
            if end_date is not None and end_date > last:
                raise ServiceError(
                    f"End date must be on or before the licence ends ({day(last)})", field="end"
                )
        ordinal = (licence.conditions.aggregate(last=Max("ordinal"))["last"] or 0) + 1
        condition = LicenceCondition.objects.create(
            licence=licence,
            kind=kind,
            category=category,
            text=text,
            start_date=start_date,
            end_date=end_date,
            ordinal=ordinal,
        )
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            crn=crn,
            object_type=CONDITION,
            object_id=condition.pk,
            detail={
                "licence": licence.pk,
                "kind": kind,
                "category": category,
                "start_date": start_date.isoformat(),
            },
        )
    return condition


def licence_condition_end(
    *, actor: User, crn: str, condition_id: int, expected_version: int, end_date: dt.date
) -> LicenceCondition:
    """End an additional or bespoke condition (a variation of the licence)."""
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.SENTENCE_MANAGE)
        condition = condition_for_change(person=person, condition_id=condition_id)
        if condition.kind == ConditionKind.STANDARD:
            raise ServiceError("Standard conditions last for the whole licence and cannot be ended")
        if condition.version == expected_version and condition.end_date is not None:
            raise ServiceError(f"This condition already ends on {day(condition.end_date)}")
        date_not_before(end_date, condition.start_date, field="end_date", label="End date", what="its start")
        apply_versioned_update(
            actor=actor,
            person=person,
            instance=condition,
            entity=CONDITION,
            expected_version=expected_version,
            data={"end_date": end_date},
        )
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            crn=crn,
            object_type=CONDITION,
            object_id=condition.pk,
            detail={"end_date": end_date.isoformat(), "version": condition.version},
        )
    return condition
