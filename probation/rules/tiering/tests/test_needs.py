"""Need severity from assessment answers (tiering.md § Need severity) and needs points (§ Change 3)."""

import pytest

from probation.rules.tiering import NeedSection, Severity, calculate_tier
from probation.rules.tiering.needs import answer_score, score_needs, score_section
from probation.rules.tiering.tables import NEED_SECTIONS, QuestionKind
from probation.rules.tiering.tests.test_builders import answers_scoring, assessment, mandated, points_by_rule

# (section, weighting, standard threshold, severe threshold), straight from tiering.md.
PUBLISHED = [
    (NeedSection.ACCOMMODATION, 1, 2, 7),
    (NeedSection.EDUCATION_TRAINING_EMPLOYABILITY, 1, 3, 7),
    (NeedSection.RELATIONSHIPS, 1, 2, 5),
    (NeedSection.LIFESTYLE_ASSOCIATES, 1, 2, 5),
    (NeedSection.DRUG_MISUSE, 1, 2, 8),
    (NeedSection.ALCOHOL_MISUSE, 1, 4, 7),
    (NeedSection.THINKING_BEHAVIOUR, 2, 4, 7),
    (NeedSection.ATTITUDES, 2, 2, 7),
]

# --- Answer scores -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "answer", "score"),
    [
        (QuestionKind.YES_NO, "yes", 2),
        (QuestionKind.YES_NO, "no", 0),
        (QuestionKind.YES_NO, "unknown", 0),
        (QuestionKind.PROBLEM, "none", 0),
        (QuestionKind.PROBLEM, "some", 1),
        (QuestionKind.PROBLEM, "significant", 2),
        (QuestionKind.EVER_INJECTED, "never", 0),
        (QuestionKind.EVER_INJECTED, "previously", 1),
        (QuestionKind.EVER_INJECTED, "currently", 2),
        (QuestionKind.PROBLEM, None, 0),
    ],
)
def test_answer_scores(kind: QuestionKind, answer: str | None, score: int) -> None:
    assert answer_score(answer, kind) == score


def test_section_score_is_the_sum_of_its_answers() -> None:
    # given a drug misuse section: current use Yes 2 + ever injected Previously 1 + Some 1 + None 0
    answers = {
        "current_drug_use": "yes",
        "ever_injected": "previously",
        "motivation_to_tackle": "some",
        "drugs_major_activity": "none",
    }
    need = score_section(NeedSection.DRUG_MISUSE, answers)
    assert (need.score, need.severity, need.points) == (4, Severity.STANDARD, 1)


def test_question_names_per_section_match_the_specification() -> None:
    assert {section: [q for q, _ in rule.questions] for section, rule in NEED_SECTIONS.items()} == {
        NeedSection.ACCOMMODATION: ["no_fixed_abode_or_transient", "suitability", "permanence", "location"],
        NeedSection.EDUCATION_TRAINING_EMPLOYABILITY: [
            "unemployed",
            "employment_history",
            "work_related_skills",
            "attitude_to_employment",
        ],
        NeedSection.RELATIONSHIPS: [
            "close_family",
            "experience_of_childhood",
            "previous_close_relationships",
        ],
        NeedSection.LIFESTYLE_ASSOCIATES: [
            "regular_activities_encourage_offending",
            "easily_influenced",
            "recklessness",
        ],
        NeedSection.DRUG_MISUSE: [
            "current_drug_use",
            "ever_injected",
            "motivation_to_tackle",
            "drugs_major_activity",
        ],
        NeedSection.ALCOHOL_MISUSE: [
            "current_use",
            "binge_drinking",
            "frequency_and_level",
            "motivation_to_tackle",
        ],
        NeedSection.THINKING_BEHAVIOUR: [
            "recognises_problems",
            "problem_solving",
            "awareness_of_consequences",
            "understands_others_views",
        ],
        NeedSection.ATTITUDES: [
            "pro_criminal_attitudes",
            "attitude_to_supervision",
            "attitude_to_community",
            "motivation_to_address_offending",
        ],
    }


def test_yes_no_and_injected_questions_are_the_ones_the_specification_marks() -> None:
    special = {
        (section, q): kind
        for section, rule in NEED_SECTIONS.items()
        for q, kind in rule.questions
        if kind != QuestionKind.PROBLEM
    }
    assert special == {
        (NeedSection.ACCOMMODATION, "no_fixed_abode_or_transient"): QuestionKind.YES_NO,
        (NeedSection.EDUCATION_TRAINING_EMPLOYABILITY, "unemployed"): QuestionKind.YES_NO,
        (NeedSection.DRUG_MISUSE, "current_drug_use"): QuestionKind.YES_NO,
        (NeedSection.DRUG_MISUSE, "ever_injected"): QuestionKind.EVER_INJECTED,
    }


# --- Thresholds and weightings, both sides of every boundary ----------------------------------------


@pytest.mark.parametrize(("section", "weighting", "standard", "severe"), PUBLISHED)
def test_section_rules_match_the_published_table(
    section: NeedSection, weighting: int, standard: int, severe: int
) -> None:
    rule = NEED_SECTIONS[section]
    assert (rule.weighting, rule.standard_threshold, rule.severe_threshold) == (weighting, standard, severe)


def _boundary_cases() -> list[tuple[NeedSection, int, Severity, int]]:
    cases = []
    for section, weighting, standard, severe in PUBLISHED:
        cases += [
            (section, standard - 1, Severity.NO_NEED, 0),
            (section, standard, Severity.STANDARD, weighting),
            (section, severe - 1, Severity.STANDARD, weighting),
            (section, severe, Severity.SEVERE, 2 * weighting),
        ]
    return cases


@pytest.mark.parametrize(("section", "score", "severity", "points"), _boundary_cases())
def test_severity_and_points_on_both_sides_of_each_threshold(
    section: NeedSection, score: int, severity: Severity, points: int
) -> None:
    # given a section answered to exactly `score`
    needs = assessment({section.value: answers_scoring(section, score)})
    # when the tier is calculated with a mandate
    result = calculate_tier(mandated(needs_assessment=needs))
    # then the section has the published severity and weighting × severity points
    need = next(n for n in result.derived.need_scores if n.section == section)
    assert (need.score, need.severity) == (score, severity)
    assert points_by_rule(result)[f"need_{section.value}"] == points
    assert result.change_points == points


def test_maximum_scores_reach_severe_in_every_section() -> None:
    for section, rule in NEED_SECTIONS.items():
        top = {
            q: {"yes_no": "yes", "problem": "significant", "ever_injected": "currently"}[k]
            for q, k in rule.questions
        }
        assert score_section(section, top).severity == Severity.SEVERE


def test_zero_weighted_sections_are_not_inputs() -> None:
    # Financial management and Emotional wellbeing are weighted 0, so they take no answers at all
    assert {s.value for s in NEED_SECTIONS} == {
        "accommodation",
        "education_training_employability",
        "relationships",
        "lifestyle_associates",
        "drug_misuse",
        "alcohol_misuse",
        "thinking_behaviour",
        "attitudes",
    }


# --- Ignored sections ------------------------------------------------------------------------------


def test_section_with_every_answer_missing_is_ignored() -> None:
    need = score_section(NeedSection.ATTITUDES, {"pro_criminal_attitudes": None})
    assert (need.score, need.severity, need.points) == (0, None, 0)


def test_section_with_every_answer_unknown_is_ignored() -> None:
    answers = {q: "unknown" for q, _ in NEED_SECTIONS[NeedSection.ACCOMMODATION].questions}
    assert score_section(NeedSection.ACCOMMODATION, answers).severity is None


def test_absent_section_is_ignored() -> None:
    needs = score_needs(assessment({"attitudes": answers_scoring(NeedSection.ATTITUDES, 2)}))
    assert [n.severity for n in needs] == [None] * 7 + [Severity.STANDARD]


def test_one_real_answer_makes_a_section_assessed_with_no_need() -> None:
    need = score_section(
        NeedSection.ACCOMMODATION, {"no_fixed_abode_or_transient": "no", "suitability": "unknown"}
    )
    assert (need.score, need.severity, need.points) == (0, Severity.NO_NEED, 0)


def test_ignored_section_reason_says_so() -> None:
    result = calculate_tier(mandated(needs_assessment=assessment()))
    line = next(line for line in result.breakdown if line.rule == "need_accommodation")
    assert line.reason == "Accommodation: not assessed (every answer missing or unknown), so ignored"


def test_scored_section_reason_shows_score_thresholds_and_weighting() -> None:
    needs = assessment({"thinking_behaviour": answers_scoring(NeedSection.THINKING_BEHAVIOUR, 7)})
    result = calculate_tier(mandated(needs_assessment=needs))
    line = next(line for line in result.breakdown if line.rule == "need_thinking_behaviour")
    assert (
        line.reason
        == "Thinking & behaviour: score 7 (standard ≥ 4, severe ≥ 7) is severe need; weighting 2 × 2 = 4"
    )
    assert line.points == 4


def test_womens_factor_answers_do_not_score_as_needs() -> None:
    needs = assessment(parenting="yes", impulsivity="significant", temper="significant")
    result = calculate_tier(mandated(needs_assessment=needs))
    assert result.change_points == 0
