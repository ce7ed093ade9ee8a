"""Property tests: invariants of tiering.md that must hold for every combination of inputs."""

import dataclasses
import datetime as dt
import re
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from probation.rules.tiering import (
    Axis,
    Gender,
    NeedsAssessment,
    Registration,
    Requirement,
    Sentence,
    TierInputs,
    calculate_tier,
    inputs_to_dict,
    result_to_dict,
    tier_from_dict,
)
from probation.rules.tiering.tables import (
    ANSWER_SCORES,
    NEED_SECTIONS,
    ROSH_LEVEL_BY_CODE,
    WOMENS_FACTOR_QUESTIONS,
)
from probation.rules.tiering.tests.test_builders import assessment, custody, day, inputs, reg

ROSH_CODES = tuple(ROSH_LEVEL_BY_CODE)
OTHER_CODES = (
    "RMDO",
    "ALSH",
    "RVLN",
    "RCCO",
    "RCPR",
    "RCHD",
    "RPIR",
    "RVAD",
    "STRG",
    "RTAO",
    "IIOM",
    "PRC",
    "HREG",
    "ADVP",
    "AMHL",
    "ARSO",
    "WEAP",
)
BOUNDARY_RSR = [Decimal(v) for v in ("0", "2.99", "3.00", "6.99", "6.995", "7.00", "99.99", "99.995", "100")]

# Whole calculations per example: a per-example deadline would only make slow CI machines flaky.
NO_DEADLINE = settings(deadline=None)

dates = st.integers(min_value=-3000, max_value=0).map(day)
mappa = st.builds(
    lambda on, level, category: reg("MAPP", on=on, level=level, category=category),
    dates,
    st.sampled_from([None, "M0", "M1", "M2", "M3"]),
    st.sampled_from([None, "M1", "M2", "M3", "M4"]),
)
registrations = st.one_of(
    st.builds(lambda code, on: reg(code, on=on), st.sampled_from(ROSH_CODES + OTHER_CODES), dates), mappa
)
requirements = st.builds(Requirement, st.sampled_from(["W", "W1", "F", "RM38", "J", "C"]), st.booleans())
sentences = st.builds(
    Sentence,
    custodial=st.booleans(),
    requirements=st.lists(requirements, max_size=3).map(tuple),
    termination_date=st.none() | dates,
)


def _answer(kind: object) -> st.SearchStrategy[str | None]:
    return st.none() | st.sampled_from(list(ANSWER_SCORES[kind]))  # type: ignore[index]


section_answers = st.fixed_dictionaries(
    {
        section.value: st.fixed_dictionaries({q: _answer(kind) for q, kind in rule.questions})
        for section, rule in NEED_SECTIONS.items()
    }
)
assessments = st.builds(
    NeedsAssessment,
    answers=section_answers,
    **{name: _answer(kind) for name, kind in WOMENS_FACTOR_QUESTIONS.items()},
)
rsr_values = st.none() | st.sampled_from(BOUNDARY_RSR) | st.decimals(min_value=0, max_value=100, places=2)
tier_inputs = st.builds(
    TierInputs,
    gender=st.sampled_from(list(Gender)),
    registrations=st.lists(registrations, max_size=8).map(tuple),
    sentences=st.lists(sentences, max_size=3).map(tuple),
    previous_enforcement_activity=st.booleans(),
    needs_assessment=st.none() | assessments,
    rsr_percentage=rsr_values,
    ogrs_percentage=st.none() | st.integers(min_value=0, max_value=100),
)


@NO_DEADLINE
@given(tier_inputs)
def test_tier_is_always_one_of_the_32_tiers(case: TierInputs) -> None:
    result = calculate_tier(case)
    assert re.fullmatch(r"[A-D][0-3]S?", result.tier)
    assert result.tier == f"{result.protect_level}{result.change_level}{'S' if result.unsupervised else ''}"


@NO_DEADLINE
@given(tier_inputs)
def test_breakdown_lines_sum_to_the_points_of_each_axis(case: TierInputs) -> None:
    result = calculate_tier(case)
    assert sum(line.points for line in result.contributions(Axis.PROTECT)) == result.protect_points >= 0
    change_sum = sum(line.points for line in result.contributions(Axis.CHANGE))
    assert change_sum == (result.change_points or 0)
    assert all(line.reason for line in result.breakdown)


@NO_DEADLINE
@given(tier_inputs)
def test_protect_a_only_from_very_high_rosh_or_mappa_two_or_three(case: TierInputs) -> None:
    result = calculate_tier(case)
    derived = result.derived
    assert (result.protect_level == "A") == (
        derived.rosh_level == "very_high" or derived.mappa_level in {"M2", "M3"}
    )
    if result.protect_level != "A":
        assert result.protect_points <= 51


@NO_DEADLINE
@given(tier_inputs)
def test_change_level_zero_exactly_when_there_is_no_mandate(case: TierInputs) -> None:
    result = calculate_tier(case)
    assert (result.change_level == 0) == (not result.derived.mandate_for_change)
    if result.derived.mandate_for_change and case.needs_assessment is None:
        assert (result.change_level, result.change_points) == (2, None)


@NO_DEADLINE
@given(tier_inputs, registrations)
def test_adding_a_registration_no_newer_than_existing_ones_never_lowers_protect_points(
    case: TierInputs, extra: Registration
) -> None:
    # given an extra registration dated on or before the earliest existing one (so it cannot become
    # "the newest" RoSH or MAPPA registration and displace a more recent assessment)
    earliest = min((r.date for r in case.registrations), default=extra.date)
    extra = dataclasses.replace(extra, date=min(extra.date, earliest))
    # when it is added, then protect points never fall
    before = calculate_tier(case).protect_points
    after = calculate_tier(
        dataclasses.replace(case, registrations=(*case.registrations, extra))
    ).protect_points
    assert after >= before


@NO_DEADLINE
@given(tier_inputs, st.sampled_from(OTHER_CODES), dates)
def test_adding_a_non_rosh_non_mappa_registration_never_lowers_protect_points(
    case: TierInputs, code: str, on: dt.date
) -> None:
    before = calculate_tier(case).protect_points
    after = calculate_tier(dataclasses.replace(case, registrations=(*case.registrations, reg(code, on=on))))
    assert after.protect_points >= before


def test_adding_a_newer_lower_rosh_registration_can_lower_protect_points() -> None:
    # the newest RoSH wins (tiering.md), so "adding never lowers" does not hold for RoSH in general
    before = calculate_tier(inputs(registrations=(reg("RHRH", on=day(-1)),)))
    after = calculate_tier(inputs(registrations=(reg("RHRH", on=day(-1)), reg("RLRH", on=day(0)))))
    assert (before.protect_points, after.protect_points) == (20, 0)


@NO_DEADLINE
@given(tier_inputs)
def test_a_newest_very_high_rosh_registration_always_gives_protect_a(case: TierInputs) -> None:
    result = calculate_tier(
        dataclasses.replace(case, registrations=(*case.registrations, reg("RVHR", on=day(1))))
    )
    assert result.protect_level == "A"


@NO_DEADLINE
@given(tier_inputs)
def test_previous_enforcement_activity_never_lowers_protect_points(case: TierInputs) -> None:
    without = calculate_tier(dataclasses.replace(case, previous_enforcement_activity=False)).protect_points
    with_activity = calculate_tier(
        dataclasses.replace(case, previous_enforcement_activity=True)
    ).protect_points
    assert with_activity - without == (2 if case.gender == Gender.FEMALE else 0)


@NO_DEADLINE
@given(tier_inputs, st.data())
def test_raising_any_answer_never_lowers_change_points_or_level(
    case: TierInputs, data: st.DataObject
) -> None:
    # given a mandate and an assessment, pick one question and raise its answer to a higher score
    needs = data.draw(assessments)
    case = dataclasses.replace(case, sentences=(custody(),), needs_assessment=needs)
    section, rule = data.draw(st.sampled_from(list(NEED_SECTIONS.items())))
    question, kind = data.draw(st.sampled_from(rule.questions))
    current = needs.answers[section.value][question]
    current_score = ANSWER_SCORES[kind][current] if current is not None else 0
    higher = [value for value, score in ANSWER_SCORES[kind].items() if score > current_score]
    if not higher:
        return
    raised_answers = {**needs.answers, section.value: {**needs.answers[section.value], question: higher[0]}}
    raised = dataclasses.replace(case, needs_assessment=dataclasses.replace(needs, answers=raised_answers))
    # when both are calculated, then the change points and level never fall
    before, after = calculate_tier(case), calculate_tier(raised)
    assert after.change_points >= before.change_points  # type: ignore[operator]
    assert after.change_level >= before.change_level


@NO_DEADLINE
@given(tier_inputs, st.integers(min_value=0, max_value=100), st.integers(min_value=0, max_value=100))
def test_change_level_is_monotonic_in_ogrs(case: TierInputs, low: int, high: int) -> None:
    low, high = sorted((low, high))
    case = dataclasses.replace(
        case, sentences=(custody(),), needs_assessment=case.needs_assessment or assessment()
    )
    at_low = calculate_tier(dataclasses.replace(case, ogrs_percentage=low))
    at_high = calculate_tier(dataclasses.replace(case, ogrs_percentage=high))
    assert at_high.change_points - at_low.change_points == high // 10 - low // 10  # type: ignore[operator]
    assert at_high.change_level >= at_low.change_level


@NO_DEADLINE
@given(tier_inputs, st.randoms(use_true_random=False))
def test_input_order_never_changes_the_result(case: TierInputs, random: object) -> None:
    shuffled_registrations, shuffled_sentences = list(case.registrations), list(case.sentences)
    random.shuffle(shuffled_registrations)  # type: ignore[attr-defined]
    random.shuffle(shuffled_sentences)  # type: ignore[attr-defined]
    shuffled = dataclasses.replace(
        case, registrations=tuple(shuffled_registrations), sentences=tuple(shuffled_sentences)
    )
    original, reordered = calculate_tier(case), calculate_tier(shuffled)
    assert (original.tier, original.protect_points, original.change_points, original.derived) == (
        reordered.tier,
        reordered.protect_points,
        reordered.change_points,
        reordered.derived,
    )


@NO_DEADLINE
@given(tier_inputs)
def test_non_female_cases_never_score_womens_factors(case: TierInputs) -> None:
    result = calculate_tier(case)
    womens = [line for line in result.breakdown if line.rule.startswith("womens")]
    if case.gender != Gender.FEMALE:
        assert [(line.rule, line.points) for line in womens] == [("womens_factors", 0)]
    else:
        assert 0 <= sum(line.points for line in womens) <= 6


@settings(max_examples=50, deadline=None)
@given(tier_inputs)
def test_dict_round_trip_gives_the_same_result(case: TierInputs) -> None:
    assert tier_from_dict(inputs_to_dict(case)) == result_to_dict(calculate_tier(case))


@NO_DEADLINE
@given(tier_inputs)
def test_calculation_is_deterministic_and_echoes_its_inputs(case: TierInputs) -> None:
    first, second = calculate_tier(case), calculate_tier(case)
    assert first == second
    assert first.inputs is case
