"""Every row of the PNI tables (interventions.md § Programme Needs Identifier): each risk signal at
its thresholds, each need domain's bands and overrides, the need bands, the pathway grid, LDC, and
what "information missing" names."""

from decimal import Decimal as D

import pytest

from probation.rules.programmes.pathway import (
    Level,
    Pathway,
    RiskInputs,
    need_level,
    pathway,
    risk_level,
    sex_domain,
    thinking_domain,
)

# A man with every score below medium: the base each risk row changes one score of.
LOW_MAN = RiskInputs(male=True, ogrs3=D(10), ovp=D(5), rsr=D("0.50"))
LOW_WOMAN = RiskInputs(male=False, ogrs3=D(10), ovp=D(5), rsr=D("0.50"))


def _with(base: RiskInputs, **changes: object) -> RiskInputs:
    return RiskInputs(**(base.__dict__ | changes))


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"ogrs3": D(75)}, Level.HIGH),
        ({"ogrs3": D("74.99")}, Level.MEDIUM),
        ({"ogrs3": D(50)}, Level.MEDIUM),
        ({"ogrs3": D("49.99")}, Level.LOW),
        ({"ovp": D(60)}, Level.HIGH),
        ({"ovp": D(59)}, Level.MEDIUM),
        ({"ovp": D(30)}, Level.MEDIUM),
        ({"ovp": D(29)}, Level.LOW),
        ({"osp_dc": "very_high"}, Level.HIGH),
        ({"osp_dc": "high"}, Level.HIGH),
        ({"osp_iic": "high"}, Level.HIGH),
        ({"osp_dc": "medium"}, Level.MEDIUM),
        ({"osp_iic": "medium"}, Level.MEDIUM),
        ({"osp_dc": "low"}, Level.LOW),
        ({"rsr": D("3.00")}, Level.HIGH),  # a man with no OSP score: RSR counts
        ({"rsr": D("2.99")}, Level.MEDIUM),
        ({"rsr": D("1.00")}, Level.MEDIUM),
        ({"rsr": D("0.99")}, Level.LOW),
        ({"sara_partner": Level.HIGH}, Level.HIGH),
        ({"sara_others": Level.HIGH}, Level.HIGH),
        ({"sara_partner": Level.MEDIUM}, Level.MEDIUM),
        ({"sara_others": Level.MEDIUM}, Level.MEDIUM),
        ({"sara_partner": Level.LOW}, Level.LOW),
    ],
)
def test_each_risk_row_for_a_man(changes, expected):
    assert risk_level(_with(LOW_MAN, **changes)).level is expected


def test_rsr_does_not_count_for_a_man_with_an_osp_score():
    finding = risk_level(_with(LOW_MAN, rsr=D(5), osp_dc="low"))
    assert finding.level is Level.LOW


def test_a_man_with_an_osp_score_needs_no_rsr():
    assert risk_level(_with(LOW_MAN, rsr=None, osp_iic="low")).level is Level.LOW


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"rsr": D("3.00")}, Level.HIGH),
        ({"rsr": D("1.00")}, Level.MEDIUM),
        ({"osp_dc": "very_high"}, Level.LOW),  # OSP rules are for men only
        ({"osp_iic": "medium", "rsr": D("3.5")}, Level.HIGH),  # a woman's RSR counts whatever OSP says
    ],
)
def test_risk_rows_for_a_woman(changes, expected):
    assert risk_level(_with(LOW_WOMAN, **changes)).level is expected


def test_the_highest_level_that_applies_wins_and_says_why():
    finding = risk_level(_with(LOW_MAN, ogrs3=D(60), ovp=D(65)))
    assert finding.level is Level.HIGH
    assert finding.reasons == ("OVP 65% is high (high ≥ 60, medium ≥ 30)",)


def test_high_risk_is_certain_even_with_scores_missing():
    assert risk_level(RiskInputs(male=True, ogrs3=D(80))).level is Level.HIGH


@pytest.mark.parametrize(
    ("inputs", "missing"),
    [
        (RiskInputs(male=True), ("OGRS3", "OVP", "RSR")),
        (RiskInputs(male=True, ogrs3=D(55), ovp=D(5)), ("RSR",)),
        (RiskInputs(male=False, ogrs3=D(5), rsr=D(1)), ("OVP",)),
    ],
)
def test_missing_scores_that_could_raise_the_level_are_named(inputs, missing):
    finding = risk_level(inputs)
    assert finding.level is None
    assert finding.missing == missing


@pytest.mark.parametrize(
    ("items", "score"),
    [
        ((0, 0, 0), 0),
        ((1, 0, 0), 0),
        ((1, 1, 0), 1),
        ((1, 1, 1), 1),
        ((2, 1, 1), 2),
        ((2, 0, 2), 2),
        ((2, 2, 2), 2),
        ((0, 2, 0), 2),  # offence-related interests = 2 ⇒ 2
    ],
)
def test_sex_domain_bands(items, score):
    answers = dict(
        zip(
            ("sexual_preoccupation", "offence_related_sexual_interests", "emotional_congruence"),
            items,
            strict=True,
        )
    )
    assert sex_domain(answers, needs_all=True).score == score


def test_sex_domain_needs_all_three_answers_for_a_man_with_an_osp_score_only():
    answers = {"sexual_preoccupation": 1}
    assert sex_domain(answers, needs_all=True).missing == (
        "Offence-related sexual interests",
        "Emotional congruence with children",
    )
    assert sex_domain(answers, needs_all=False).score == 0


@pytest.mark.parametrize(
    ("attitudes", "hostile", "score"),
    [(0, 0, 0), (1, 0, 1), (0, 1, 1), (1, 1, 1), (0, 2, 1), (1, 2, 2), (2, 0, 2), (2, 2, 2)],
)
def test_thinking_domain_bands_and_the_attitudes_override(attitudes, hostile, score):
    assert (
        thinking_domain({"pro_criminal_attitudes": attitudes, "hostile_orientation": hostile}).score == score
    )


def test_attitudes_at_two_decide_thinking_without_hostile_orientation():
    assert thinking_domain({"pro_criminal_attitudes": 2}).score == 2
    assert thinking_domain({"pro_criminal_attitudes": 1}).missing == ("Hostile orientation",)


REL = ("close_family", "previous_close_relationships", "easily_influenced", "aggressive_controlling")
SELF = ("impulsivity", "temper_control", "problem_solving", "coping")


def _answers(sex=(0, 0, 0), thinking=(0, 0), rel=(0, 0, 0, 0), self_=(0, 0, 0, 0)):
    keys = ("sexual_preoccupation", "offence_related_sexual_interests", "emotional_congruence")
    return (
        dict(zip(keys, sex, strict=True))
        | dict(zip(("pro_criminal_attitudes", "hostile_orientation"), thinking, strict=True))
        | dict(zip(REL, rel, strict=True))
        | dict(zip(SELF, self_, strict=True))
    )


@pytest.mark.parametrize(
    ("items", "score"),
    [
        ((0, 0, 0, 0), 0),
        ((1, 0, 0, 0), 0),
        ((1, 1, 0, 0), 1),
        ((2, 2, 0, 0), 1),
        ((2, 2, 1, 0), 2),
        ((2, 2, 2, 2), 2),
    ],
)
def test_relationships_and_self_management_bands(items, score):
    rel = need_level(_answers(rel=items), needs_all_sex_items=False)
    self_ = need_level(_answers(self_=items), needs_all_sex_items=False)
    assert rel.domains[2].score == score
    assert self_.domains[3].score == score


@pytest.mark.parametrize(
    ("answers", "total", "level"),
    [
        (_answers(), 0, Level.LOW),
        (_answers(thinking=(1, 1), rel=(2, 0, 0, 0)), 2, Level.LOW),
        (_answers(thinking=(1, 1), rel=(2, 0, 0, 0), self_=(2, 0, 0, 0)), 3, Level.MEDIUM),
        (_answers(thinking=(2, 0), rel=(2, 2, 1, 0), self_=(2, 0, 0, 0)), 5, Level.MEDIUM),
        (_answers(thinking=(2, 0), rel=(2, 2, 1, 0), self_=(2, 2, 1, 0)), 6, Level.HIGH),
        (_answers(sex=(2, 2, 2), thinking=(2, 2), rel=(2, 2, 2, 2), self_=(2, 2, 2, 2)), 8, Level.HIGH),
    ],
)
def test_need_bands(answers, total, level):
    finding = need_level(answers, needs_all_sex_items=False)
    assert (finding.score, finding.level) == (total, level)


def test_missing_need_answers_are_named():
    answers = _answers()
    del answers["coping"], answers["hostile_orientation"]
    finding = need_level(answers, needs_all_sex_items=False)
    assert finding.level is None
    assert finding.missing == ("Hostile orientation", "Difficulties coping")


HIGH_NEED = _answers(thinking=(2, 0), rel=(2, 2, 1, 0), self_=(2, 2, 1, 0))
MEDIUM_NEED = _answers(thinking=(1, 1), rel=(2, 0, 0, 0), self_=(2, 0, 0, 0))
LOW_NEED = _answers()
HIGH_RISK = _with(LOW_MAN, ogrs3=D(80))
MEDIUM_RISK = _with(LOW_MAN, ogrs3=D(60))


@pytest.mark.parametrize(
    ("risk", "need", "expected"),
    [
        (HIGH_RISK, HIGH_NEED, Pathway.HIGH_INTENSITY),
        (HIGH_RISK, MEDIUM_NEED, Pathway.MODERATE),
        (MEDIUM_RISK, HIGH_NEED, Pathway.MODERATE),
        (MEDIUM_RISK, MEDIUM_NEED, Pathway.MODERATE),
        (LOW_MAN, HIGH_NEED, Pathway.ALTERNATIVE),
        (LOW_MAN, MEDIUM_NEED, Pathway.ALTERNATIVE),
        (LOW_MAN, LOW_NEED, Pathway.ALTERNATIVE),
        (HIGH_RISK, LOW_NEED, Pathway.ALTERNATIVE),
        (MEDIUM_RISK, LOW_NEED, Pathway.ALTERNATIVE),
    ],
)
def test_pathway_grid(risk, need, expected):
    result = pathway(risk, need, ldc_score=None)
    assert result.pathway is expected
    assert result.reasons


def test_moderate_says_which_levels_led_there():
    assert pathway(MEDIUM_RISK, HIGH_NEED, ldc_score=None).reasons == (
        "Medium risk and high need: moderate intensity",
    )


def test_a_known_low_need_gives_the_alternative_pathway_whatever_scores_are_missing():
    assert pathway(RiskInputs(male=True), LOW_NEED, ldc_score=None).pathway is Pathway.ALTERNATIVE


def test_information_missing_names_scores_and_answers():
    answers = dict(HIGH_NEED)
    del answers["coping"]
    result = pathway(RiskInputs(male=False, ogrs3=D(60)), answers, ldc_score=None)
    assert result.pathway is None
    assert result.label == "Information missing"
    assert result.missing == ("OVP", "RSR", "Difficulties coping")


@pytest.mark.parametrize(("score", "flag"), [(None, None), (0, False), (2, False), (3, True), (7, True)])
def test_ldc_flag_from_screening_score(score, flag):
    assert pathway(HIGH_RISK, HIGH_NEED, ldc_score=score).ldc is flag
