"""Recording and feeding calculations: tier formatting, when to record, previous enforcement activity."""

import pytest

from probation.rules.tiering import (
    Axis,
    EnforcementKind,
    EnforcementProcess,
    calculate_tier,
    format_tier,
    has_previous_enforcement_activity,
    should_record,
)
from probation.rules.tiering.tests.test_builders import assessment, day, inputs, mandated, reg

# --- Tier format (tiering.md intro) -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("protect", "change", "unsupervised", "tier"),
    [("B", 2, False, "B2"), ("B", 2, True, "B2S"), ("A", 0, False, "A0"), ("D", 3, True, "D3S")],
)
def test_tier_is_protect_letter_change_digit_and_s_when_unsupervised(
    protect: str, change: int, unsupervised: bool, tier: str
) -> None:
    assert format_tier(protect, change, unsupervised) == tier


def test_there_are_32_possible_tiers() -> None:
    tiers = {format_tier(p, c, s) for p in "ABCD" for c in range(4) for s in (False, True)}
    assert len(tiers) == 32


def test_contributions_filter_the_breakdown_by_axis() -> None:
    result = calculate_tier(mandated(needs_assessment=assessment()))
    assert [line.rule for line in result.contributions(Axis.PROTECT)][:2] == ["rsr", "rosh"]
    assert [line.rule for line in result.contributions(Axis.CHANGE)][-2:] == ["ogrs", "iom"]


def test_result_keeps_the_exact_inputs_used() -> None:
    case = mandated(registrations=(reg("RHRH"),), ogrs=40)
    assert calculate_tier(case).inputs is case


# --- Record only when different (tiering.md § When to recalculate) -----------------------------------


def test_first_calculation_is_always_recorded() -> None:
    assert should_record(None, calculate_tier(inputs())) is True


def test_identical_calculation_is_not_recorded() -> None:
    assert should_record(calculate_tier(inputs()), calculate_tier(inputs())) is False


def test_points_changing_within_the_same_levels_is_not_recorded() -> None:
    # given B from high RoSH (20), then B with an extra complexity factor (22)
    before = calculate_tier(inputs(registrations=(reg("RHRH"),)))
    after = calculate_tier(inputs(registrations=(reg("RHRH"), reg("ALSH"))))
    assert (before.protect_points, after.protect_points) == (20, 22)
    assert should_record(before, after) is False


def test_protect_level_change_is_recorded() -> None:
    before = calculate_tier(inputs(registrations=(reg("RMRH"),)))
    after = calculate_tier(inputs(registrations=(reg("RHRH"),)))
    assert should_record(before, after) is True


def test_change_level_change_is_recorded() -> None:
    assert should_record(calculate_tier(inputs()), calculate_tier(mandated())) is True


def test_unsupervised_flag_change_is_recorded() -> None:
    before = calculate_tier(inputs())
    after = calculate_tier(inputs(registrations=(reg("PRC"),)))
    assert (before.tier, after.tier) == ("D0", "D0S")
    assert should_record(before, after) is True


# --- Previous enforcement activity helper (tiering.md § Inputs) -------------------------------------


def process(
    offset: int, outcome: str | None = "proven", kind: EnforcementKind = EnforcementKind.BREACH
) -> EnforcementProcess:
    return EnforcementProcess(kind=kind, referral_date=day(offset), outcome=outcome)


@pytest.mark.parametrize(
    ("offset", "expected"),
    [(0, True), (-1, True), (-364, True), (-365, True), (-366, False), (-1000, False), (1, False)],
)
def test_breach_with_outcome_counts_when_referred_in_the_last_365_days(offset: int, expected: bool) -> None:
    assert has_previous_enforcement_activity([process(offset)], on=day()) is expected


def test_recall_counts_like_a_breach() -> None:
    assert has_previous_enforcement_activity([process(-10, kind=EnforcementKind.RECALL)], on=day()) is True


def test_process_without_an_outcome_does_not_count() -> None:
    assert has_previous_enforcement_activity([process(-10, outcome=None)], on=day()) is False


def test_no_processes_means_no_previous_enforcement_activity() -> None:
    assert has_previous_enforcement_activity([], on=day()) is False


def test_any_one_qualifying_process_is_enough() -> None:
    processes = [process(-400), process(-5, outcome=None), process(-200, kind=EnforcementKind.RECALL)]
    assert has_previous_enforcement_activity(processes, on=day()) is True
