"""Facts derived from registrations (tiering.md § Inputs, "Derived from registrations")."""

import pytest

from probation.rules.tiering import RoshLevel, calculate_tier
from probation.rules.tiering.registrations import derive_registration_facts
from probation.rules.tiering.tests.test_builders import assessment, day, inputs, mandated, points_by_rule, reg

# --- RoSH: the newest of RVHR / RHRH / RMRH / RLRH -----------------------------------------------


def test_newest_rosh_registration_wins_even_when_lower() -> None:
    # given an old very high RoSH and a newer low RoSH (the risk was reassessed down)
    registrations = (reg("RVHR", on=day(-30)), reg("RLRH", on=day(0)))
    # when the tier is calculated
    result = calculate_tier(inputs(registrations=registrations))
    # then the newer, low RoSH is used
    assert result.derived.rosh_level == RoshLevel.LOW
    assert (result.protect_points, result.protect_level) == (0, "D")


def test_newest_rosh_registration_wins_when_higher() -> None:
    registrations = (reg("RVHR", on=day(1)), reg("RMRH", on=day(0)))
    assert calculate_tier(inputs(registrations=registrations)).derived.rosh_level == RoshLevel.VERY_HIGH


def test_newest_rosh_wins_regardless_of_input_order() -> None:
    older_high, newer_medium = reg("RHRH", on=day(-1)), reg("RMRH", on=day(0))
    first = calculate_tier(inputs(registrations=(older_high, newer_medium)))
    second = calculate_tier(inputs(registrations=(newer_medium, older_high)))
    assert first.derived.rosh_level == second.derived.rosh_level == RoshLevel.MEDIUM


@pytest.mark.parametrize(
    ("codes", "expected"),
    [
        (("RLRH", "RVHR"), RoshLevel.VERY_HIGH),
        (("RHRH", "RMRH"), RoshLevel.HIGH),
        (("RLRH", "RMRH"), RoshLevel.MEDIUM),
    ],
)
def test_same_day_rosh_registrations_resolve_to_the_most_severe(
    codes: tuple[str, ...], expected: RoshLevel
) -> None:
    # tiering.md does not cover ties on the newest date; the most severe wins, whatever the order
    forwards = calculate_tier(inputs(registrations=tuple(reg(c) for c in codes)))
    backwards = calculate_tier(inputs(registrations=tuple(reg(c) for c in reversed(codes))))
    assert forwards.derived.rosh_level == backwards.derived.rosh_level == expected


def test_an_older_rosh_tie_does_not_beat_a_newer_registration() -> None:
    registrations = (reg("RVHR", on=day(-1)), reg("RHRH", on=day(-1)), reg("RLRH", on=day(0)))
    assert calculate_tier(inputs(registrations=registrations)).derived.rosh_level == RoshLevel.LOW


# --- MAPPA: newest MAPP registration whose level is M1, M2 or M3 ---------------------------------


def test_newest_mappa_registration_wins() -> None:
    registrations = (reg("MAPP", on=day(-10), level="M3"), reg("MAPP", on=day(0), level="M1"))
    result = calculate_tier(inputs(registrations=registrations))
    assert result.derived.mappa_level == "M1"
    assert points_by_rule(result)["mappa"] == 5


def test_newer_m0_mappa_registration_is_ignored_in_favour_of_an_older_counted_level() -> None:
    # given an older M2 and a newer M0; "newest MAPP registration whose level is M1–M3" filters first
    registrations = (reg("MAPP", on=day(-10), level="M2"), reg("MAPP", on=day(0), level="M0"))
    # then the M2 still counts
    result = calculate_tier(inputs(registrations=registrations))
    assert result.derived.mappa_level == "M2"
    assert points_by_rule(result)["mappa"] == 150


def test_newer_mappa_registration_without_level_is_ignored() -> None:
    registrations = (reg("MAPP", on=day(-10), level="M1"), reg("MAPP", on=day(0), level=None, category="M2"))
    assert calculate_tier(inputs(registrations=registrations)).derived.mappa_level == "M1"


def test_mappa_category_alone_does_not_count() -> None:
    result = calculate_tier(inputs(registrations=(reg("MAPP", category="M3"),)))
    assert points_by_rule(result)["mappa"] == 0


def test_same_day_mappa_registrations_resolve_to_the_highest_level() -> None:
    forwards = (reg("MAPP", level="M1"), reg("MAPP", level="M3"), reg("MAPP", level="M2"))
    assert calculate_tier(inputs(registrations=forwards)).derived.mappa_level == "M3"
    assert calculate_tier(inputs(registrations=forwards[::-1])).derived.mappa_level == "M3"


def test_level_on_a_non_mappa_registration_is_not_a_mappa_level() -> None:
    result = calculate_tier(inputs(registrations=(reg("REG17", level="M3"),)))
    assert result.derived.mappa_level is None


# --- HREG, IOM, unsupervised -----------------------------------------------------------------------


def test_historic_registration_is_ignored() -> None:
    result = calculate_tier(inputs(registrations=(reg("HREG", level="M3"),)))
    assert result.tier == "D0"
    assert result.protect_points == 0


def test_iiom_registration_sets_iom_and_scores_two_change_points() -> None:
    result = calculate_tier(mandated(registrations=(reg("IIOM"),), needs_assessment=assessment()))
    assert result.derived.iom is True
    assert points_by_rule(result)["iom"] == 2


def test_prc_registration_adds_the_unsupervised_suffix() -> None:
    # given an unsupervised (probation reset) case with high RoSH and no mandate
    result = calculate_tier(inputs(registrations=(reg("PRC"), reg("RHRH"))))
    # then the tier carries the S suffix
    assert result.unsupervised is True
    assert result.tier == "B0S"


def test_worked_example_b2s() -> None:
    # given (tiering.md intro) a high RoSH unsupervised case with a mandate but no needs assessment
    result = calculate_tier(mandated(registrations=(reg("RHRH"), reg("PRC"))))
    assert result.tier == "B2S"
    assert (result.protect_level, result.change_level, result.unsupervised) == ("B", 2, True)


def test_without_prc_there_is_no_suffix() -> None:
    result = calculate_tier(mandated(registrations=(reg("RHRH"),)))
    assert (result.tier, result.unsupervised) == ("B2", False)


def test_derive_registration_facts_reads_every_kind_at_once() -> None:
    facts = derive_registration_facts(
        (
            reg("RHRH"),
            reg("MAPP", level="M2", category="M1"),
            reg("STRG"),
            reg("RCHD"),
            reg("STRG", on=day(-5)),
            reg("IIOM"),
            reg("PRC"),
            reg("HREG"),
            reg("ADVP"),
        )
    )
    assert facts.rosh_level == RoshLevel.HIGH
    assert facts.mappa_level == "M2"
    assert facts.complexity_factors == ("RCHD", "STRG")
    assert (facts.iom, facts.unsupervised) == (True, True)


def test_no_registrations_derive_nothing() -> None:
    facts = derive_registration_facts(())
    assert (facts.rosh_level, facts.mappa_level, facts.complexity_factors) == (None, None, ())
    assert (facts.iom, facts.unsupervised) == (False, False)
