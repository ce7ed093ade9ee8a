"""Protect level A–D: every points rule and band boundary of tiering.md § Protect level."""

from decimal import Decimal

import pytest

from probation.rules.tiering import Gender, calculate_tier
from probation.rules.tiering.protect import protect_level_for, rsr_points
from probation.rules.tiering.tests.test_builders import assessment, day, inputs, points_by_rule, reg

# --- RSR: 20 if 7.00 ≤ RSR ≤ 99.99; 10 if 3.00 ≤ RSR ≤ 6.99; else 0 -------------------------------


@pytest.mark.parametrize(
    ("rsr", "points"),
    [
        ("0", 0),
        ("2.99", 0),
        ("2.999", 0),
        ("3.00", 10),
        ("3", 10),
        ("5.5", 10),
        ("6.99", 10),
        ("6.991", 0),  # the published gap 6.99 < RSR < 7.00 scores 0
        ("6.995", 0),
        ("6.999", 0),
        ("7.00", 20),
        ("7", 20),
        ("50.00", 20),
        ("99.99", 20),
        ("99.991", 0),  # RSR > 99.99 scores 0
        ("100", 0),
    ],
)
def test_rsr_points_follow_the_published_bands_including_the_gaps(rsr: str, points: int) -> None:
    # given an RSR score and nothing else; when the tier is calculated
    result = calculate_tier(inputs(rsr=rsr))
    # then the RSR line scores exactly the published points
    assert points_by_rule(result)["rsr"] == points
    assert rsr_points(Decimal(rsr)) == points


def test_missing_rsr_scores_zero() -> None:
    result = calculate_tier(inputs(rsr=None))
    assert points_by_rule(result)["rsr"] == 0
    assert result.derived.rsr_percentage == Decimal(0)


def test_integer_rsr_is_accepted_as_a_percentage() -> None:
    assert points_by_rule(calculate_tier(inputs(rsr=7)))["rsr"] == 20


def test_rsr_alone_at_ten_points_is_protect_c() -> None:
    result = calculate_tier(inputs(rsr="3.00"))
    assert (result.protect_points, result.protect_level) == (10, "C")


def test_rsr_alone_at_twenty_points_is_protect_b() -> None:
    result = calculate_tier(inputs(rsr="7.00"))
    assert (result.protect_points, result.protect_level) == (20, "B")


# --- RoSH: very high 150; high 20; medium 10; low or none 0 --------------------------------------


@pytest.mark.parametrize(
    ("code", "points", "level"),
    [("RVHR", 150, "A"), ("RHRH", 20, "B"), ("RMRH", 10, "C"), ("RLRH", 0, "D")],
)
def test_rosh_registration_scores_its_points(code: str, points: int, level: str) -> None:
    result = calculate_tier(inputs(registrations=(reg(code),)))
    assert points_by_rule(result)["rosh"] == points
    assert (result.protect_points, result.protect_level) == (points, level)


def test_no_rosh_registration_scores_zero() -> None:
    result = calculate_tier(inputs())
    assert points_by_rule(result)["rosh"] == 0
    assert result.derived.rosh_level is None


# --- Only the higher of RSR and RoSH counts ------------------------------------------------------


@pytest.mark.parametrize(
    ("rsr", "rosh_code", "total"),
    [
        ("7.00", "RVHR", 150),  # 20 + 150 − 20
        ("7.00", "RHRH", 20),  # 20 + 20 − 20
        ("7.00", "RMRH", 20),  # 20 + 10 − 10
        ("7.00", "RLRH", 20),  # 20 + 0 − 0
        ("3.00", "RVHR", 150),  # 10 + 150 − 10
        ("3.00", "RHRH", 20),  # 10 + 20 − 10
        ("3.00", "RMRH", 10),  # 10 + 10 − 10
        ("0", "RHRH", 20),  # 0 + 20 − 0
    ],
)
def test_total_subtracts_the_smaller_of_rsr_and_rosh_points(rsr: str, rosh_code: str, total: int) -> None:
    # given both an RSR score and a RoSH registration
    result = calculate_tier(inputs(rsr=rsr, registrations=(reg(rosh_code),)))
    # then only the higher of the two counts
    lines = points_by_rule(result)
    assert lines["rsr_rosh_overlap"] == -min(lines["rsr"], lines["rosh"])
    assert result.protect_points == total


def test_overlap_reason_names_the_discounted_component() -> None:
    result = calculate_tier(inputs(rsr="3.00", registrations=(reg("RHRH"),)))
    overlap = next(line for line in result.breakdown if line.rule == "rsr_rosh_overlap")
    assert overlap.reason == "only the higher of RSR (10) and RoSH (20) counts, so RSR is discounted"


def test_overlap_reason_when_rsr_and_rosh_score_the_same() -> None:
    result = calculate_tier(inputs(rsr="7.00", registrations=(reg("RHRH"),)))
    overlap = next(line for line in result.breakdown if line.rule == "rsr_rosh_overlap")
    assert overlap.reason == "RSR and RoSH both score 20; only one of them counts"


# --- MAPPA: level M2 or M3: 150; M1: 5; none 0 ---------------------------------------------------


@pytest.mark.parametrize(("level", "points", "band"), [("M3", 150, "A"), ("M2", 150, "A"), ("M1", 5, "D")])
def test_mappa_level_scores_its_points(level: str, points: int, band: str) -> None:
    result = calculate_tier(inputs(registrations=(reg("MAPP", level=level, category="M2"),)))
    assert points_by_rule(result)["mappa"] == points
    assert (result.protect_points, result.protect_level) == (points, band)


def test_mappa_level_m0_scores_zero() -> None:
    result = calculate_tier(inputs(registrations=(reg("MAPP", level="M0"),)))
    assert points_by_rule(result)["mappa"] == 0
    assert result.derived.mappa_level is None


def test_mappa_points_add_to_rosh_points() -> None:
    # MAPPA is not part of the RSR/RoSH overlap: very high RoSH and MAPPA M3 both count
    result = calculate_tier(inputs(rsr="7.00", registrations=(reg("RVHR"), reg("MAPP", level="M3"))))
    assert result.protect_points == 20 + 150 - 20 + 150


# --- Complexity: 2 × distinct factors (max 20) ---------------------------------------------------

COMPLEXITY_CODES = ("RMDO", "ALSH", "RVLN", "RCCO", "RCPR", "RCHD", "RPIR", "RVAD", "STRG", "RTAO")


@pytest.mark.parametrize("code", COMPLEXITY_CODES)
def test_each_complexity_factor_scores_two(code: str) -> None:
    result = calculate_tier(inputs(registrations=(reg(code),)))
    assert points_by_rule(result)["complexity"] == 2
    assert result.derived.complexity_factors == (code,)


def test_all_ten_complexity_factors_score_the_maximum_twenty() -> None:
    result = calculate_tier(inputs(registrations=tuple(reg(code) for code in COMPLEXITY_CODES)))
    assert points_by_rule(result)["complexity"] == 20
    assert (result.protect_points, result.protect_level) == (20, "B")


def test_repeated_complexity_factor_counts_once() -> None:
    result = calculate_tier(inputs(registrations=(reg("ALSH"), reg("ALSH", on=day(-400)))))
    assert points_by_rule(result)["complexity"] == 2


@pytest.mark.parametrize("code", ["ADVP", "AMHL", "IIOM", "PRC", "ARSO", "REG30", "WEAP", "HREG"])
def test_registrations_that_are_not_complexity_factors_score_nothing(code: str) -> None:
    result = calculate_tier(inputs(registrations=(reg(code),)))
    assert result.protect_points == 0


def test_complexity_reason_lists_the_factors() -> None:
    result = calculate_tier(inputs(registrations=(reg("STRG"), reg("RMDO"))))
    line = next(line for line in result.breakdown if line.rule == "complexity")
    assert line.reason == "2 complexity factor(s) × 2: RMDO mentally disordered, STRG street gangs"


# --- Women's factors (female only, max 6) --------------------------------------------------------


def womens_points(**kwargs: object) -> int:
    result = calculate_tier(inputs(gender=Gender.FEMALE, **kwargs))  # type: ignore[arg-type]
    lines = points_by_rule(result)
    return lines["womens_parenting"] + lines["womens_self_control"] + lines["womens_enforcement"]


def test_womens_factors_do_not_apply_to_men() -> None:
    # given a man with every women's factor present
    full = assessment(parenting="yes", impulsivity="significant", temper="significant")
    result = calculate_tier(inputs(needs_assessment=full, previous_enforcement_activity=True))
    # then a single zero line explains that they do not apply
    assert points_by_rule(result)["womens_factors"] == 0
    assert result.protect_points == 0


@pytest.mark.parametrize("gender", [Gender.MALE, Gender.OTHER, Gender.NOT_KNOWN])
def test_womens_factors_apply_only_to_female_gender(gender: Gender) -> None:
    result = calculate_tier(inputs(gender=gender, previous_enforcement_activity=True))
    assert result.protect_points == 0


def test_female_with_no_assessment_and_no_enforcement_scores_zero() -> None:
    assert womens_points() == 0


def test_female_with_no_assessment_still_scores_previous_enforcement() -> None:
    assert womens_points(previous_enforcement_activity=True) == 2


@pytest.mark.parametrize(("answer", "points"), [("yes", 2), ("no", 0), ("unknown", 0), (None, 0)])
def test_parenting_responsibilities_yes_is_one_unit(answer: str | None, points: int) -> None:
    assert womens_points(needs_assessment=assessment(parenting=answer)) == points


@pytest.mark.parametrize(
    ("impulsivity", "temper", "points"),
    [
        ("none", "none", 0),
        (None, None, 0),
        ("unknown", "unknown", 0),
        ("some", "none", 2),
        ("significant", None, 2),
        ("none", "some", 2),
        (None, "significant", 2),
        ("some", "some", 2),  # once, even if both
        ("significant", "significant", 2),
    ],
)
def test_impulsivity_or_temper_control_problem_is_one_unit_once(
    impulsivity: str | None, temper: str | None, points: int
) -> None:
    assert womens_points(needs_assessment=assessment(impulsivity=impulsivity, temper=temper)) == points


def test_womens_factors_maximum_is_six() -> None:
    full = assessment(parenting="yes", impulsivity="significant", temper="significant")
    assert womens_points(needs_assessment=full, previous_enforcement_activity=True) == 6


# --- Bands: ≥ 150 A; 20–149 B; 10–19 C; 0–9 D ----------------------------------------------------


@pytest.mark.parametrize(
    ("points", "level"),
    [(0, "D"), (9, "D"), (10, "C"), (19, "C"), (20, "B"), (149, "B"), (150, "A"), (400, "A")],
)
def test_protect_band_boundaries(points: int, level: str) -> None:
    assert protect_level_for(points) == level


def test_nine_points_is_d_and_ten_is_c_end_to_end() -> None:
    nine = calculate_tier(inputs(registrations=(reg("MAPP", level="M1"), reg("RMDO"), reg("ALSH"))))
    ten = calculate_tier(inputs(registrations=tuple(reg(code) for code in COMPLEXITY_CODES[:5])))
    assert (nine.protect_points, nine.protect_level) == (9, "D")
    assert (ten.protect_points, ten.protect_level) == (10, "C")


def test_nineteen_points_is_c_and_twenty_is_b_end_to_end() -> None:
    # given medium RoSH (10) + MAPPA M1 (5) + 2 complexity factors (4) = 19
    nineteen = calculate_tier(
        inputs(registrations=(reg("RMRH"), reg("MAPP", level="M1"), reg("RMDO"), reg("ALSH")))
    )
    # and medium RoSH (10) + 5 complexity factors (10) = 20
    twenty = calculate_tier(
        inputs(registrations=(reg("RMRH"), *(reg(code) for code in COMPLEXITY_CODES[:5])))
    )
    assert (nineteen.protect_points, nineteen.protect_level) == (19, "C")
    assert (twenty.protect_points, twenty.protect_level) == (20, "B")


def test_worked_example_everything_but_rosh_and_mappa_maxed_is_still_b() -> None:
    # given (tiering.md § Consequences) RSR 20 + MAPPA M1 5 + complexity 20 + women's factors 6
    full = assessment(parenting="yes", impulsivity="some", temper="some")
    case = inputs(
        gender=Gender.FEMALE,
        rsr="99.99",
        registrations=(reg("RHRH"), reg("MAPP", level="M1"), *(reg(code) for code in COMPLEXITY_CODES)),
        needs_assessment=full,
        previous_enforcement_activity=True,
    )
    # when the tier is calculated
    result = calculate_tier(case)
    # then 20 + 5 + 20 + 6 = 51 (high RoSH's 20 overlaps RSR's 20) is still protect B
    assert (result.protect_points, result.protect_level) == (51, "B")


@pytest.mark.parametrize(
    "registration", [reg("RVHR"), reg("MAPP", level="M2"), reg("MAPP", level="M3")], ids=["RVHR", "M2", "M3"]
)
def test_protect_a_arises_from_very_high_rosh_or_mappa_two_or_three(registration: object) -> None:
    result = calculate_tier(inputs(registrations=(registration,)))  # type: ignore[arg-type]
    assert (result.protect_points, result.protect_level) == (150, "A")


def test_protect_lines_sum_to_protect_points() -> None:
    case = inputs(
        gender=Gender.FEMALE, rsr="5", registrations=(reg("RHRH"), reg("RCHD"), reg("MAPP", level="M1"))
    )
    result = calculate_tier(case)
    assert [line.rule for line in result.breakdown] == [
        "rsr",
        "rosh",
        "rsr_rosh_overlap",
        "mappa",
        "complexity",
        "womens_parenting",
        "womens_self_control",
        "womens_enforcement",
    ]
    assert sum(points_by_rule(result).values()) == result.protect_points == 10 + 20 - 10 + 5 + 2
