"""Probation tiering: protect level (A–D) × change level (0–3), per /work/shared/domain/tiering.md.

A pure calculation with no Django dependency::

    from probation.rules.tiering import TierInputs, calculate_tier
    result = calculate_tier(TierInputs(gender="male", registrations=(), sentences=(),
                                       previous_enforcement_activity=False))
    result.tier  # "D0"

`tier_from_dict` does the same from a JSON-like payload and returns a JSON-ready dict.
Bad inputs raise `TieringInputError`, whose `problems` name every bad field.
"""

from probation.rules.tiering.calculator import calculate_tier, format_tier, should_record
from probation.rules.tiering.enforcement import (
    EnforcementKind,
    EnforcementProcess,
    has_previous_enforcement_activity,
)
from probation.rules.tiering.errors import InputProblem, TieringInputError
from probation.rules.tiering.inputs import (
    Gender,
    NeedsAssessment,
    NeedSection,
    Registration,
    Requirement,
    Sentence,
    TierInputs,
)
from probation.rules.tiering.result import Axis, Contribution, DerivedFacts, NeedScore, TierResult
from probation.rules.tiering.serialization import (
    inputs_from_dict,
    inputs_to_dict,
    result_to_dict,
    tier_from_dict,
)
from probation.rules.tiering.tables import RoshLevel, Severity

__all__ = [
    "Axis",
    "Contribution",
    "DerivedFacts",
    "EnforcementKind",
    "EnforcementProcess",
    "Gender",
    "InputProblem",
    "NeedScore",
    "NeedSection",
    "NeedsAssessment",
    "Registration",
    "Requirement",
    "RoshLevel",
    "Sentence",
    "Severity",
    "TierInputs",
    "TierResult",
    "TieringInputError",
    "calculate_tier",
    "format_tier",
    "has_previous_enforcement_activity",
    "inputs_from_dict",
    "inputs_to_dict",
    "result_to_dict",
    "should_record",
    "tier_from_dict",
]
