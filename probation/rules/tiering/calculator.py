"""The tier calculation: validated inputs in, tier plus breakdown out (tiering.md)."""

from decimal import Decimal

from probation.rules.tiering.change import (
    change_breakdown,
    change_level_for,
    change_reason,
    has_mandate_for_change,
    no_mandate_reason,
)
from probation.rules.tiering.inputs import Gender, TierInputs
from probation.rules.tiering.needs import score_needs
from probation.rules.tiering.protect import protect_breakdown, protect_level_for, protect_reason
from probation.rules.tiering.registrations import derive_registration_facts
from probation.rules.tiering.result import Contribution, DerivedFacts, TierResult
from probation.rules.tiering.tables import NO_ASSESSMENT_CHANGE_LEVEL, NO_MANDATE_CHANGE_LEVEL
from probation.rules.tiering.validation import validate_inputs

UNSUPERVISED_SUFFIX = "S"


def format_tier(protect_level: str, change_level: int, unsupervised: bool) -> str:
    """tiering.md intro: protect letter + change digit, with an "S" suffix when unsupervised."""
    return f"{protect_level}{change_level}{UNSUPERVISED_SUFFIX if unsupervised else ''}"


def calculate_tier(inputs: TierInputs) -> TierResult:
    """Calculate the tier exactly as tiering.md specifies.

    Raises `TieringInputError` (listing every bad field) if any input is missing or invalid.
    """
    validate_inputs(inputs)
    rsr = Decimal(inputs.rsr_percentage) if inputs.rsr_percentage is not None else Decimal(0)  # missing ⇒ 0
    ogrs = inputs.ogrs_percentage if inputs.ogrs_percentage is not None else 0  # missing ⇒ 0
    female = inputs.gender == Gender.FEMALE
    facts = derive_registration_facts(inputs.registrations)
    assessment = inputs.needs_assessment
    needs = score_needs(assessment) if assessment is not None else ()

    protect_lines = protect_breakdown(rsr, facts, female, assessment, inputs.previous_enforcement_activity)
    protect_points = sum(line.points for line in protect_lines)
    protect_level = protect_level_for(protect_points)

    # § Change level: the three rules are evaluated in order; the first that applies decides.
    mandate = has_mandate_for_change(inputs.sentences)
    change_lines: list[Contribution] = []
    change_points: int | None = None
    if not mandate:
        change_level = NO_MANDATE_CHANGE_LEVEL
        reason = no_mandate_reason(inputs.sentences)
    elif assessment is None:
        change_level = NO_ASSESSMENT_CHANGE_LEVEL
        reason = "mandate for change but no needs assessment: change level 2"
    else:
        change_lines = change_breakdown(needs, ogrs, facts.iom)
        change_points = sum(line.points for line in change_lines)
        change_level = change_level_for(change_points)
        reason = change_reason(change_points, change_level)

    derived = DerivedFacts(
        rsr_percentage=rsr,
        ogrs_percentage=ogrs,
        rosh_level=facts.rosh_level,
        mappa_level=facts.mappa_level,
        complexity_factors=facts.complexity_factors,
        iom=facts.iom,
        unsupervised=facts.unsupervised,
        female=female,
        mandate_for_change=mandate,
        has_needs_assessment=assessment is not None,
        need_scores=needs,
    )
    return TierResult(
        tier=format_tier(protect_level, change_level, facts.unsupervised),
        protect_level=protect_level,
        change_level=change_level,
        unsupervised=facts.unsupervised,
        protect_points=protect_points,
        change_points=change_points,
        protect_reason=protect_reason(protect_points, protect_level),
        change_reason=reason,
        breakdown=(*protect_lines, *change_lines),
        derived=derived,
        inputs=inputs,
    )


def should_record(previous: TierResult | None, current: TierResult) -> bool:
    """tiering.md § When to recalculate: record a new calculation only when it differs from the last
    in tier, protect level, change level or unsupervised flag (points alone changing do not count)."""
    if previous is None:
        return True
    key = ("tier", "protect_level", "change_level", "unsupervised")
    return any(getattr(previous, name) != getattr(current, name) for name in key)
