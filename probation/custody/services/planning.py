"""Writes of the pre-release plan: the release address, where the person sleeps on release day, the
approved-premises referral need, and the resettlement pathways with their statuses
(custody-release.md § Pre-release planning). Each change audited; a change of the release address is
told to the apps above (hooks) like a change of the release date."""

from dataclasses import dataclass

from django.db import transaction

from probation.accounts.models import User
from probation.audit.models import AuditAction
from probation.custody import hooks
from probation.custody.models import CustodyRecord, Pathway, PathwayStatus, ReleaseNight, ResettlementPathway
from probation.custody.services.key_dates import custody_audit, custody_locked
from probation.people.models import Person
from probation.rules.errors import RuleError, RuleErrorCollector

ACCOMMODATION_NIGHTS = {ReleaseNight.RELEASE_ADDRESS.value}


@dataclass(frozen=True)
class ReleasePlan:
    release_address: str
    release_night: str
    ap_referral_needed: bool


def _check_plan(plan: ReleasePlan) -> None:
    errors = RuleErrorCollector()
    with errors.check():
        if plan.release_night not in ReleaseNight.values:
            raise RuleError("Select where they will sleep on the day of release", field="release_night")
    with errors.check():
        if plan.release_night in ACCOMMODATION_NIGHTS and not plan.release_address.strip():
            raise RuleError(
                "Enter the release address, or choose where else they will sleep", field="release_address"
            )
    with errors.check():
        if plan.release_night == ReleaseNight.APPROVED_PREMISES and not plan.ap_referral_needed:
            raise RuleError(
                "A night in approved premises needs an approved premises referral", field="ap_referral_needed"
            )
    errors.raise_any()


def release_plan_update(
    *, actor: User, person: Person, custody_id: int, expected_version: int, plan: ReleasePlan
) -> CustodyRecord:
    with transaction.atomic():
        record = custody_locked(actor, person, custody_id, expected_version)
        _check_plan(plan)
        address_changed = record.release_address != plan.release_address.strip()
        record.release_address = plan.release_address.strip()
        record.release_night = plan.release_night
        record.ap_referral_needed = plan.ap_referral_needed
        record.version += 1
        record.save()
        custody_audit(
            actor,
            record,
            AuditAction.UPDATE,
            {
                "release_plan": True,
                "release_night": plan.release_night,
                "ap_referral": plan.ap_referral_needed,
            },
        )
        if address_changed:
            hooks.release_changed(
                person_id=record.person_id,
                custody_id=record.pk,
                release_date=record.release_date,
                what="address",
            )
    return record


def pathways_update(
    *, actor: User, person: Person, custody_id: int, expected_version: int, statuses: dict[str, str]
) -> CustodyRecord:
    """Set the status of each resettlement pathway (a pathway not yet recorded is created)."""
    with transaction.atomic():
        record = custody_locked(actor, person, custody_id, expected_version)
        errors = RuleErrorCollector()
        for pathway, status in statuses.items():
            with errors.check():
                if pathway not in Pathway.values or status not in PathwayStatus.values:
                    raise RuleError("Select a status for each pathway", field=pathway)
        errors.raise_any()
        existing = {p.pathway: p for p in record.pathways.all()}
        changed = {}
        for pathway, status in statuses.items():
            row = existing.get(pathway)
            if row is None:
                row = ResettlementPathway(custody=record, pathway=pathway)
            elif row.status == status:
                continue
            row.status, row.updated_by = status, actor
            row.version = (row.version or 0) + (1 if row.pk else 0)
            row.save()
            changed[pathway] = status
        record.version += 1
        record.save(update_fields=["version", "updated_at"])
        custody_audit(actor, record, AuditAction.UPDATE, {"pathways": changed})
    return record
