"""Recalculating a person's tier when one of its inputs changes (tiering.md § When to recalculate).

``tier_recalculate`` is registered with ``probation.core.case_changes`` by ``TiersConfig.ready`` and
runs inside the transaction of the service that changed the input, so the tier, its stored
calculation and ``Person.tier`` change atomically with the registration or assessment that caused
them; if calculating fails, that change is refused too.
"""

from typing import Any

from probation.accounts.models import User
from probation.core.clock import now
from probation.people.models import Person
from probation.rules import tiering
from probation.tiers.models import TierCalculation
from probation.tiers.selectors import tier_inputs_get, tier_latest


def calculation_fields(result: tiering.TierResult) -> dict[str, Any]:
    """The stored columns of a calculation: the result, its breakdown and exactly its inputs."""
    return {
        "tier": result.tier,
        "protect_level": result.protect_level,
        "change_level": result.change_level,
        "unsupervised": result.unsupervised,
        "protect_points": result.protect_points,
        "change_points": result.change_points,
        "protect_reason": result.protect_reason,
        "change_reason": result.change_reason,
        "inputs": tiering.inputs_to_dict(result.inputs),
        "breakdown": tiering.result_to_dict(result)["breakdown"],
    }


def differs_from(previous: TierCalculation | None, result: tiering.TierResult) -> bool:
    """tiering.md: record only when the tier, protect level, change level or unsupervised flag
    differs from the last stored calculation. ``should_record`` reads exactly those four attributes,
    which a stored row has under the same names."""
    return tiering.should_record(previous, result)  # type: ignore[arg-type]


def tier_recalculate(*, person_id: int, reason: str, actor: User | None = None) -> TierCalculation | None:
    """Calculate the person's tier now; store it if it changed; keep ``Person.tier`` in step.

    Returns the new calculation, or None when the tier is unchanged. Must run in a transaction that
    holds the person's row (the calling services lock it through ``person_for_change``).
    """
    person = Person.objects.only("id", "gender", "tier").get(pk=person_id)
    result = tiering.calculate_tier(tier_inputs_get(person=person))
    previous = tier_latest(person_id=person_id)
    calculation = None
    if differs_from(previous, result):
        calculation = TierCalculation.objects.create(
            person_id=person_id,
            calculated_at=now(),
            reason=reason[:100],
            calculated_by=actor,
            **calculation_fields(result),
        )
    if person.tier != result.tier:
        # A targeted UPDATE, like rosh_level: no version bump, so no one's open edit becomes stale.
        Person.objects.filter(pk=person_id).update(tier=result.tier)
    return calculation
