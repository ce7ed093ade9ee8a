"""Parole reviews: request one (the PAROM1's deadline from the review timetable, its sections pre-filled from
the record), save its draft (Save button and autosave alike, optimistic locking: ADR 0032), sign it
(ADR 0033), then record the hearing and the decision with the 21-day reconsideration window
(custody-release.md § Parole Board report). Every change writes one audit row (ids and field names,
never words); the review's start and the decision are key events the victim contact scheme hears of.
"""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from probation.accounts.models import User
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.errors import ConflictError, NotFound, ServiceError
from probation.core.key_events import KeyEventKind, key_event_occurred
from probation.custody.models import CustodyRecord
from probation.parole.models import ParoleReview, ReportStatus, YesNoUnknown
from probation.parole.selectors.prefill import PREFILLED_SECTIONS, parom1_prefill, prefill_text
from probation.parole.selectors.reviews import custody_for_parole, may_manage, may_write, open_review_for
from probation.people.models import Person
from probation.rules.errors import RuleErrorCollector
from probation.rules.parole.report import (
    FINAL_DECISIONS,
    POM_VIEW_LABELS,
    RECOMMENDATION_LABELS,
    Decision,
    HearingType,
    Parom1Content,
    missing_before_signing,
)
from probation.rules.parole.timetable import reconsideration_ends, review_timetable

TEXT_FIELDS = (
    "sentence_details",
    "contact_with_prisoner",
    "rosh_history",
    "victim_impact",
    "interventions",
    "sentence_plan",
    "mappa",
    "current_risk",
    "risk_management_plan",
    "release_plan",
    "recommendation_reasons",
    "pom_difference",
    "next_steps",
    "hearing_needs",
    "sources",
    "annex",
)
CHOICE_FIELDS = {
    "victims_in_scheme": set(YesNoUnknown.values),
    "vps": set(YesNoUnknown.values),
    "recommendation": {str(k) for k in RECOMMENDATION_LABELS},
    "pom_view": {str(k) for k in POM_VIEW_LABELS},
}
EDITABLE_FIELDS = (*TEXT_FIELDS, *CHOICE_FIELDS, "vlo_contacted_on")
CONFLICT_MESSAGE = (
    "This report was changed in another window. Your changes have not been saved. "
    "Copy anything you need, then reload the report to see the latest version."
)


def _audit(actor: User, review: ParoleReview, action: AuditAction, detail: dict[str, Any]) -> None:
    audit_record(
        actor=actor,
        action=action,
        crn=review.person.crn,
        object_type="parole_review",
        object_id=review.pk,
        detail=detail,
    )


def review_request(
    *, actor: User, person: Person, custody_id: int, target_on: dt.date, author: User, today: dt.date
) -> ParoleReview:
    """Record the Parole Board's request for a PAROM1. Submitting the same request twice returns the
    review already recorded (a double click); another open review of the sentence is refused."""
    if not may_manage(actor, person):
        raise NotFound(person.crn)
    errors = RuleErrorCollector()
    custody = custody_for_parole(person=person).filter(pk=custody_id).first()
    if custody is None:
        errors.add("Choose a sentence the Parole Board decides release for.", field="custody")
    if not may_manage(author, person):
        errors.add("The author must be an officer who may manage this case.", field="author")
    timetable = None
    with errors.check():
        timetable = review_timetable(target_on=target_on, requested_on=today)
    errors.raise_any()
    if custody is None or timetable is None:  # refused above
        raise ServiceError("Choose a sentence.", field="custody")
    with transaction.atomic():
        CustodyRecord.objects.select_for_update().filter(pk=custody.pk).first()
        existing = open_review_for(custody)
        if existing is not None:
            if existing.target_on == target_on and existing.author_id == author.pk:
                existing.person = person
                return existing
            raise ServiceError(
                "This sentence already has a parole review waiting for a decision.", field="custody"
            )
        # The record's facts are copied into the sections now, with the request (ADR 0046): the author
        # starts from them; the editor lists the record as it is now beside each section.
        sections = parom1_prefill(person=person, custody=custody, today=today)
        review = ParoleReview.objects.create(
            **{section: prefill_text(sections[section]) for section in PREFILLED_SECTIONS},
            person=person,
            custody=custody,
            target_on=target_on,
            requested_on=today,
            review_starts_on=timetable.review_starts_on,
            report_due_on=timetable.report_due_on,
            author=author,
            requested_by=actor,
        )
        review.person = person
        _audit(
            actor,
            review,
            AuditAction.CREATE,
            {
                "custody": custody.pk,
                "author": author.pk,
                "prefilled": {s: len(sections[s]) for s in PREFILLED_SECTIONS},
            },
        )
        key_event_occurred(
            person_id=person.pk,
            kind=KeyEventKind.PAROLE_REVIEW_STARTED,
            on=today,
            actor=actor,
            detail={"parole_review": review.pk},
        )
    return review


def _refuse_if_not_editable(actor: User, review: ParoleReview) -> None:
    if not may_write(actor, review):
        raise NotFound(review.pk)
    if review.is_signed:
        raise ServiceError("This report has been signed and cannot be changed.")


def _clean(data: Mapping[str, Any]) -> dict[str, Any]:
    clean = {name: value for name, value in data.items() if name in EDITABLE_FIELDS}
    for name, allowed in CHOICE_FIELDS.items():
        if name in clean and clean[name] not in allowed | {""}:
            raise ServiceError("Choose from the list.", field=name)
    return clean


@dataclass(frozen=True)
class DraftSaved:
    review: ParoleReview
    changed: list[str]


def review_save_draft(
    *,
    actor: User,
    review: ParoleReview,
    expected_version: int,
    data: Mapping[str, Any],
    autosave: bool = False,
) -> DraftSaved:
    clean = _clean(data)
    with transaction.atomic():
        current = ParoleReview.objects.select_for_update().filter(pk=review.pk).first()
        if current is None:
            raise NotFound(review.pk)
        current.person = review.person
        _refuse_if_not_editable(actor, current)
        if current.version != expected_version:
            raise ConflictError(CONFLICT_MESSAGE, changes=[])
        changed = [name for name, value in clean.items() if getattr(current, name) != value]
        if changed:
            for name in changed:
                setattr(current, name, clean[name])
            current.version += 1
            current.last_saved_by = actor
            current.save()
            _audit(
                actor,
                current,
                AuditAction.UPDATE,
                {"fields": changed, "version": current.version, "autosave": autosave},
            )
    return DraftSaved(review=current, changed=changed)


def review_missing_before_signing(review: ParoleReview, *, today: dt.date) -> list[tuple[str, str]]:
    return missing_before_signing(
        Parom1Content(
            vlo_contacted_on=review.vlo_contacted_on,
            recommendation=review.recommendation,
            recommendation_reasons=review.recommendation_reasons,
            pom_view=review.pom_view,
            pom_difference=review.pom_difference,
            next_steps=review.next_steps,
            risk_management_plan=review.risk_management_plan,
        ),
        requested_on=review.requested_on,
        today=today,
    )


def review_sign(*, actor: User, review: ParoleReview, expected_version: int, today: dt.date) -> ParoleReview:
    """The author signs: the report is then final. Refused with every gap at once."""
    with transaction.atomic():
        current = ParoleReview.objects.select_for_update().filter(pk=review.pk).first()
        if current is None:
            raise NotFound(review.pk)
        current.person = review.person
        _refuse_if_not_editable(actor, current)
        if current.version != expected_version:
            raise ConflictError(CONFLICT_MESSAGE, changes=[])
        missing = review_missing_before_signing(current, today=today)
        if missing:
            errors = RuleErrorCollector()
            for field, message in missing:
                errors.add(message, field=field)
            errors.raise_any()
        current.status = ReportStatus.SIGNED
        current.signed_by = actor
        current.signed_at = timezone.now()
        current.version += 1
        current.save()
        _audit(actor, current, AuditAction.UPDATE, {"signed": True, "version": current.version})
    return current


def _check_hearing(
    review: ParoleReview,
    hearing_on: dt.date,
    hearing_type: str,
    decision: str,
    decided_on: dt.date | None,
    today: dt.date,
) -> None:
    errors = RuleErrorCollector()
    if hearing_type not in set(HearingType):
        errors.add("Choose the type of hearing.", field="hearing_type")
    if hearing_on < review.requested_on:
        errors.add("The hearing cannot be before the review was requested.", field="hearing_on")
    if decision and decision not in set(Decision):
        errors.add("Choose a decision from the list.", field="decision")
    if decision and decided_on is None:
        errors.add("Enter the date of the decision.", field="decided_on")
    if decided_on is not None:
        _check_decision_date(errors, hearing_on, decision, decided_on, today)
    if decision and not review.is_signed:
        errors.add("The PAROM1 must be signed before a decision is recorded.", field="decision")
    errors.raise_any()


def _check_decision_date(
    errors: RuleErrorCollector, hearing_on: dt.date, decision: str, decided_on: dt.date, today: dt.date
) -> None:
    if not decision:
        errors.add("Choose the decision.", field="decision")
    if decided_on < hearing_on:
        errors.add("The decision cannot be before the hearing.", field="decided_on")
    if decided_on > today:
        errors.add("The decision date cannot be in the future.", field="decided_on")


def review_record_hearing(
    *,
    actor: User,
    review: ParoleReview,
    expected_version: int,
    hearing_on: dt.date,
    hearing_type: str,
    decision: str,
    decided_on: dt.date | None,
    today: dt.date,
) -> ParoleReview:
    """Record the hearing and, once known, the Board's decision; a final decision opens the 21-day
    reconsideration window and is a key event (the VLO passes it on to the victim)."""
    if not may_manage(actor, review.person):
        raise NotFound(review.pk)
    _check_hearing(review, hearing_on, hearing_type, decision, decided_on, today)
    with transaction.atomic():
        current = ParoleReview.objects.select_for_update().filter(pk=review.pk).first()
        if current is None:
            raise NotFound(review.pk)
        current.person = review.person
        if current.version != expected_version:
            raise ConflictError(
                "This review was changed in another window. Reload it to see the latest.", changes=[]
            )
        decision_changed = bool(decision) and (current.decision, current.decided_on) != (decision, decided_on)
        current.hearing_on = hearing_on
        current.hearing_type = hearing_type
        current.decision = decision
        current.decided_on = decided_on
        final = decision in {str(d) for d in FINAL_DECISIONS}
        current.reconsideration_ends_on = reconsideration_ends(decided_on) if final and decided_on else None
        current.version += 1
        current.save()
        _audit(
            actor,
            current,
            AuditAction.UPDATE,
            {"hearing": hearing_type, "decision": decision, "version": current.version},
        )
        if decision_changed and final and decided_on is not None:
            key_event_occurred(
                person_id=current.person_id,
                kind=KeyEventKind.PAROLE_DECISION,
                on=decided_on,
                actor=actor,
                detail={"parole_review": current.pk, "decision": decision},
            )
    return current
