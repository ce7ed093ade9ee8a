"""The practitioner's side of a referral (issue 12 item 3): refer, approve an action plan version,
read the provider's feedback, end the referral. Each write is one transaction with one audit row
(ids only), refused with nothing written outside the case's managing PDU."""

import datetime as dt
from dataclasses import dataclass

from django.db import IntegrityError, transaction

from probation.accounts.models import User
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import now, today_uk
from probation.core.errors import NotFound, ServiceError
from probation.people.models import Person
from probation.referrals.models import Provider, Referral, ReferralCategory, ReferralSession
from probation.referrals.selectors.case import may_refer, providers_for, rar_requirements
from probation.rules.errors import RuleErrorCollector
from probation.rules.law.dated import version_in_force_on
from probation.rules.referrals.catalogue import CATALOGUE, check_categories
from probation.rules.referrals.deadlines import check_completion_deadline
from probation.rules.referrals.progress import EndReason, Status, check_transition, ending
from probation.sentences.models import Requirement


@dataclass(frozen=True)
class ReferralInput:
    provider_id: int
    requirement_id: int
    categories: dict[str, tuple[str, list[str]]]  # category key -> (complexity, outcome keys)
    maximum_days: int
    complete_by: dt.date
    risk_information: str
    form_token: str
    further_information: str = ""
    needs: str = ""
    interpreter_language: str = ""
    commitments: str = ""


def _locked(person: Person, referral_id: int, expected_version: int) -> Referral:
    referral = Referral.objects.select_for_update().filter(person=person, pk=referral_id).first()
    if referral is None:
        raise NotFound(referral_id)
    if referral.version != expected_version:
        raise ServiceError("This referral was changed in another window: check it and try again")
    return referral


def _checked(person: Person, data: ReferralInput, today: dt.date) -> tuple[Provider, Requirement, str]:
    """Every problem with the referral at once; the provider, requirement and catalogue version."""
    errors = RuleErrorCollector()
    provider: Provider | None = providers_for(person).filter(pk=data.provider_id).first()
    requirement = rar_requirements(person).filter(pk=data.requirement_id).first()
    if provider is None:
        errors.add("Choose a provider in the case's region", field="provider")
    if requirement is None:
        errors.add("Choose the rehabilitation activity requirement", field="requirement")
    version = version_in_force_on(CATALOGUE, today, what="commissioned services contracts")
    if provider is not None:
        with errors.check():
            check_categories(version.rule.contract_type(provider.contract_type), data.categories)
    if requirement is not None:
        remaining = (requirement.ordered or 0) - requirement.done
        if not 1 <= data.maximum_days <= max(remaining, 0):
            errors.add(
                f"Enter a number of days from 1 to {remaining}, the RAR days left on the order",
                field="maximum_days",
            )
        with errors.check():
            check_completion_deadline(
                data.complete_by, today=today, sentence_ends_on=requirement.sentence.expected_end_date
            )
    if not data.risk_information.strip():
        errors.add("Enter the risk information the provider needs", field="risk_information")
    errors.raise_any()
    assert provider is not None
    assert requirement is not None
    return provider, requirement, version.key


def referral_create(*, actor: User, person: Person, data: ReferralInput) -> Referral:
    """Send a referral to a provider. A second submit of the same form returns the first referral."""
    if not may_refer(actor, person):
        raise NotFound(person.crn)
    existing = Referral.objects.filter(form_token=data.form_token, practitioner=actor, person=person).first()
    if existing is not None:
        return existing
    today = today_uk()
    provider, requirement, catalogue_key = _checked(person, data, today)
    at = now()
    try:
        with transaction.atomic():
            referral = Referral.objects.create(
                person=person,
                sentence_id=requirement.sentence_id,
                requirement=requirement,
                provider=provider,
                contract_type=provider.contract_type,
                catalogue_key=catalogue_key,
                practitioner=actor,
                form_token=data.form_token,
                sent_at=at,
                sent_on=today,
                maximum_days=data.maximum_days,
                complete_by=data.complete_by,
                risk_information=data.risk_information.strip(),
                further_information=data.further_information.strip(),
                needs=data.needs.strip(),
                interpreter_language=data.interpreter_language.strip(),
                commitments=data.commitments.strip(),
            )
            ReferralCategory.objects.bulk_create(
                ReferralCategory(
                    referral=referral, category=key, complexity=complexity, outcomes=list(outcomes)
                )
                for key, (complexity, outcomes) in data.categories.items()
            )
            audit_record(
                actor=actor,
                action=AuditAction.CREATE,
                crn=person.crn,
                object_type="crs_referral",
                object_id=referral.pk,
                detail={
                    "provider": provider.pk,
                    "requirement": requirement.pk,
                    "categories": sorted(data.categories),
                },
            )
    except IntegrityError:
        # The same form posted twice at once: the other request made it.
        existing = Referral.objects.filter(form_token=data.form_token, person=person).first()
        if existing is None:
            raise
        return existing
    return referral


def action_plan_approve(
    *, actor: User, person: Person, referral_id: int, expected_version: int, number: int
) -> Referral:
    """Approve the action plan version the practitioner read (a newer one must be read first)."""
    if not may_refer(actor, person):
        raise NotFound(person.crn)
    with transaction.atomic():
        referral = _locked(person, referral_id, expected_version)
        check_transition("approve_plan", referral.status)
        plan = referral.action_plans.order_by("-number").first()
        if plan is None or plan.number != number or plan.approved_at is not None:
            raise ServiceError("A newer action plan has been submitted: read it before approving")
        plan.approved_by, plan.approved_at = actor, now()
        plan.save(update_fields=["approved_by", "approved_at"])
        referral.status = Status.IN_PROGRESS
        referral.version += 1
        referral.save(update_fields=["status", "version", "updated_at"])
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            crn=person.crn,
            object_type="crs_action_plan",
            object_id=plan.pk,
            detail={"referral": referral.pk, "approved": plan.number},
        )
    return referral


def session_feedback_seen(*, actor: User, person: Person, referral_id: int) -> int:
    """Mark the provider's flagged feedback on this referral read: it leaves My work."""
    if not may_refer(actor, person):
        raise NotFound(person.crn)
    with transaction.atomic():
        ids = list(
            ReferralSession.objects.select_for_update()
            .filter(
                referral__person=person,
                referral_id=referral_id,
                notify_practitioner=True,
                seen_at__isnull=True,
            )
            .values_list("pk", flat=True)
        )
        if ids:
            ReferralSession.objects.filter(pk__in=ids).update(seen_at=now())
            audit_record(
                actor=actor,
                action=AuditAction.UPDATE,
                crn=person.crn,
                object_type="crs_referral",
                object_id=referral_id,
                detail={"feedback_read": ids},
            )
    return len(ids)


def referral_end(
    *, actor: User, person: Person, referral_id: int, expected_version: int, reason: str, notes: str
) -> Referral:
    """Cancel (before the first session) or end early (after it), with a reason code."""
    if not may_refer(actor, person):
        raise NotFound(person.crn)
    with transaction.atomic():
        referral = _locked(person, referral_id, expected_version)
        held = referral.sessions.filter(attended__in=["yes", "late"]).exists()
        status = ending(referral.status, reason=reason, substantive_session_held=held)
        if reason == EndReason.ANO and not notes.strip():
            raise ServiceError("Say why the referral is ending", field="notes")
        referral.status, referral.end_reason, referral.end_notes = status, reason, notes.strip()
        referral.ended_at, referral.ended_by = now(), actor
        referral.version += 1
        referral.save(
            update_fields=[
                "status",
                "end_reason",
                "end_notes",
                "ended_at",
                "ended_by",
                "version",
                "updated_at",
            ]
        )
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            crn=person.crn,
            object_type="crs_referral",
            object_id=referral.pk,
            detail={"status": status.value, "reason": reason},
        )
    return referral
