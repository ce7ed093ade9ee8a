"""Change level 0–3: tiering.md § Change level (0–3), evaluated in order."""

import pytest

from probation.rules.tiering import calculate_tier
from probation.rules.tiering.change import change_level_for, ogrs_points
from probation.rules.tiering.tests.test_builders import (
    assessment,
    assessment_scoring,
    community,
    custody,
    day,
    inputs,
    mandated,
    points_by_rule,
    reg,
    req,
    severe_everywhere,
)

# --- 1. No mandate for change ⇒ 0 -----------------------------------------------------------------


def test_no_sentences_means_no_mandate_and_change_level_zero() -> None:
    # given no sentence at all, even with a full, severe needs assessment
    result = calculate_tier(inputs(needs_assessment=severe_everywhere(), ogrs=100))
    # then rule 1 decides before any points are counted
    assert (result.change_level, result.change_points) == (0, None)
    assert result.derived.mandate_for_change is False
    assert result.change_reason == "no current sentence, so no mandate for change: change level 0"
    assert [line for line in result.breakdown if line.axis == "change"] == []


def test_current_custodial_sentence_gives_a_mandate() -> None:
    result = calculate_tier(inputs(sentences=(custody(),)))
    assert result.derived.mandate_for_change is True
    assert result.change_level == 2


def test_terminated_custodial_sentence_gives_no_mandate() -> None:
    result = calculate_tier(inputs(sentences=(custody(terminated=day(-1)),), needs_assessment=assessment()))
    assert result.change_level == 0


def test_future_dated_termination_still_means_not_current() -> None:
    # tiering.md: "termination date (none ⇒ current)" — any termination date means not current
    result = calculate_tier(inputs(sentences=(custody(terminated=day(+30)),)))
    assert result.change_level == 0


def test_community_order_with_only_unpaid_work_scores_zero() -> None:
    result = calculate_tier(inputs(sentences=(community(req("W"), req("W")),), needs_assessment=assessment()))
    assert result.change_level == 0
    assert result.change_reason == (
        "no current sentence is custodial or has a non-restrictive requirement other than unpaid work "
        "or order extended, so no mandate for change: change level 0"
    )


def test_order_extended_requirement_gives_no_mandate() -> None:
    assert calculate_tier(inputs(sentences=(community(req("W1")),))).change_level == 0


def test_community_order_with_only_restrictive_requirements_scores_zero() -> None:
    curfew_and_exclusion = community(req("J", restrictive=True), req("C", restrictive=True))
    assert calculate_tier(inputs(sentences=(curfew_and_exclusion,))).change_level == 0


def test_unpaid_work_plus_restrictive_requirements_scores_zero() -> None:
    sentence = community(req("W"), req("J", restrictive=True), req("W1"))
    assert calculate_tier(inputs(sentences=(sentence,))).change_level == 0


def test_community_order_without_requirements_gives_no_mandate() -> None:
    assert calculate_tier(inputs(sentences=(community(),))).change_level == 0


def test_non_restrictive_requirement_gives_a_mandate() -> None:
    rar = community(req("W"), req("F"), req("J", restrictive=True))
    assert calculate_tier(inputs(sentences=(rar,))).change_level == 2


def test_unpaid_work_is_ignored_even_when_flagged_restrictive_or_not() -> None:
    assert calculate_tier(inputs(sentences=(community(req("W", restrictive=True)),))).change_level == 0
    assert calculate_tier(inputs(sentences=(community(req("W1", restrictive=False)),))).change_level == 0


def test_mandate_from_any_one_current_sentence_is_enough() -> None:
    sentences = (
        community(req("W")),
        community(req("F"), terminated=day(-1)),
        custody(terminated=day(-2)),
        community(req("RM38")),
    )
    assert calculate_tier(inputs(sentences=sentences)).derived.mandate_for_change is True


def test_terminated_non_restrictive_sentence_does_not_give_a_mandate() -> None:
    sentences = (community(req("W")), community(req("F"), terminated=day(-1)))
    assert calculate_tier(inputs(sentences=sentences)).derived.mandate_for_change is False


# --- 2. No needs assessment ⇒ 2 --------------------------------------------------------------------


def test_mandate_without_needs_assessment_is_change_level_two() -> None:
    # given a mandate, very high OGRS and IOM, but no assessment
    result = calculate_tier(mandated(ogrs=99, registrations=(reg("IIOM"),)))
    # then rule 2 decides: 2, with no change points
    assert (result.change_level, result.change_points) == (2, None)
    assert result.change_reason == "mandate for change but no needs assessment: change level 2"


# --- 3. points = needs + OGRS + IOM ----------------------------------------------------------------


def test_empty_assessment_with_mandate_scores_points_not_the_no_assessment_default() -> None:
    result = calculate_tier(mandated(needs_assessment=assessment()))
    assert (result.change_level, result.change_points) == (1, 0)


@pytest.mark.parametrize(
    ("ogrs", "points"),
    [(0, 0), (1, 0), (9, 0), (10, 1), (19, 1), (20, 2), (55, 5), (89, 8), (90, 9), (99, 9), (100, 10)],
)
def test_ogrs_points_are_the_percentage_integer_divided_by_ten(ogrs: int, points: int) -> None:
    result = calculate_tier(mandated(ogrs=ogrs, needs_assessment=assessment()))
    assert points_by_rule(result)["ogrs"] == points
    assert ogrs_points(ogrs) == points


def test_missing_ogrs_scores_zero() -> None:
    result = calculate_tier(mandated(ogrs=None, needs_assessment=assessment()))
    assert points_by_rule(result)["ogrs"] == 0
    assert result.derived.ogrs_percentage == 0


def test_iom_scores_two_and_no_iom_scores_zero() -> None:
    with_iom = calculate_tier(mandated(registrations=(reg("IIOM"),), needs_assessment=assessment()))
    without = calculate_tier(mandated(needs_assessment=assessment()))
    assert (points_by_rule(with_iom)["iom"], points_by_rule(without)["iom"]) == (2, 0)


def test_maximum_needs_points_are_twenty() -> None:
    result = calculate_tier(mandated(needs_assessment=severe_everywhere()))
    needs = sum(line.points for line in result.breakdown if line.rule.startswith("need_"))
    assert needs == 20
    assert (result.change_points, result.change_level) == (20, 3)


@pytest.mark.parametrize(("points", "level"), [(0, 1), (9, 1), (10, 2), (19, 2), (20, 3), (32, 3)])
def test_change_band_boundaries(points: int, level: int) -> None:
    assert change_level_for(points) == level


def test_nine_points_is_change_one_and_ten_is_change_two() -> None:
    # given OGRS 99 (9 points) and then OGRS 100 (10 points), nothing else
    nine = calculate_tier(mandated(ogrs=99, needs_assessment=assessment()))
    ten = calculate_tier(mandated(ogrs=100, needs_assessment=assessment()))
    assert (nine.change_points, nine.change_level) == (9, 1)
    assert (ten.change_points, ten.change_level) == (10, 2)


def test_nineteen_points_is_change_two_and_twenty_is_change_three() -> None:
    # given severe Thinking & behaviour (4) + severe Attitudes (4) + OGRS 90 (9) + IOM (2) = 19
    needs = assessment_scoring(thinking_behaviour=7, attitudes=7)
    nineteen = calculate_tier(mandated(ogrs=90, registrations=(reg("IIOM"),), needs_assessment=needs))
    # and the same plus a standard Accommodation need (1) = 20
    more = assessment_scoring(thinking_behaviour=7, attitudes=7, accommodation=2)
    twenty = calculate_tier(mandated(ogrs=90, registrations=(reg("IIOM"),), needs_assessment=more))
    assert (nineteen.change_points, nineteen.change_level) == (19, 2)
    assert (twenty.change_points, twenty.change_level) == (20, 3)


def test_change_lines_are_each_need_then_ogrs_then_iom_and_sum_to_change_points() -> None:
    result = calculate_tier(
        mandated(ogrs=47, registrations=(reg("IIOM"),), needs_assessment=assessment_scoring(drug_misuse=8))
    )
    change = [line for line in result.breakdown if line.axis == "change"]
    assert [line.rule for line in change] == [
        "need_accommodation",
        "need_education_training_employability",
        "need_relationships",
        "need_lifestyle_associates",
        "need_drug_misuse",
        "need_alcohol_misuse",
        "need_thinking_behaviour",
        "need_attitudes",
        "ogrs",
        "iom",
    ]
    assert sum(line.points for line in change) == result.change_points == 2 + 4 + 2
    assert result.change_reason == "8 change points is in the 0–9 band, so change level 1"


def test_ogrs_reason_shows_the_division() -> None:
    result = calculate_tier(mandated(ogrs=47, needs_assessment=assessment()))
    line = next(line for line in result.breakdown if line.rule == "ogrs")
    assert line.reason == "OGRS 47% ÷ 10, rounded down, = 4"
