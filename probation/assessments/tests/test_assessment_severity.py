"""The questions are exactly tiering's; the severity shown is tiering's; the selector hands tiering
the latest completed assessment."""

import datetime as dt

import pytest

from probation.assessments.presenters import section_rows
from probation.assessments.questions import PREDICTOR_QUESTIONS, SECTIONS_BY_KEY, sections_for
from probation.assessments.selectors import latest_completed_needs
from probation.assessments.tests.factories import AssessmentFactory, CompletedAssessmentFactory
from probation.people.tests.factories import PersonFactory
from probation.rules.tiering import NeedsAssessment, NeedSection, Severity
from probation.rules.tiering.needs import score_section
from probation.rules.tiering.tables import ANSWER_SCORES, NEED_SECTIONS, WOMENS_FACTOR_QUESTIONS

SAMPLES = {
    # score 2 + 2 + 2 + 1 = 7: severe (threshold 7)
    "accommodation": {
        "no_fixed_abode_or_transient": "yes",
        "suitability": "significant",
        "permanence": "significant",
        "location": "some",
    },
    "education_training_employability": {"unemployed": "yes", "employment_history": "some"},  # 3: standard
    "relationships": {"close_family": "some"},  # 1: no need
    "drug_misuse": {"current_drug_use": "unknown", "ever_injected": "unknown"},  # not assessed
}


def test_need_sections_ask_exactly_the_questions_tiering_reads_then_the_predictor_answers():
    for need, rule in NEED_SECTIONS.items():
        section = SECTIONS_BY_KEY[str(need)]
        extra = PREDICTOR_QUESTIONS.get(str(need), ())
        assert [(q.name, q.kind) for q in section.questions] == [*rule.questions, *extra]
        assert not {name for name, _ in extra} & {name for name, _ in rule.questions}
        for question in section.questions:
            assert [value for value, _ in question.choices] == list(ANSWER_SCORES[question.kind])
    womens = SECTIONS_BY_KEY["womens_factors"]
    assert {q.name: q.kind for q in womens.questions} == WOMENS_FACTOR_QUESTIONS


def test_womens_factors_are_asked_only_of_female_persons():
    assert "womens_factors" not in [s.key for s in sections_for("M")]
    assert [s.key for s in sections_for("F")][-1] == "womens_factors"
    assert len(sections_for("F")) == 11


@pytest.mark.django_db
def test_severity_shown_is_the_tiering_modules_severity():
    assessment = AssessmentFactory(answers=SAMPLES)

    rows = {r.key: r for r in section_rows(assessment, crn="X000001", gender="M")}

    labels = {key: rows[key].severity.label for key in SAMPLES}
    assert labels == {
        "accommodation": "Severe need",
        "education_training_employability": "Standard need",
        "relationships": "No need",
        "drug_misuse": "Section not assessed",
    }
    expected = {
        Severity.SEVERE: "Severe need",
        Severity.STANDARD: "Standard need",
        Severity.NO_NEED: "No need",
        None: "Section not assessed",
    }
    for need in NeedSection:
        assert (
            rows[str(need)].severity.label
            == expected[score_section(need, SAMPLES.get(str(need), {})).severity]
        )
    assert rows["financial_management"].severity.label == "Not scored"
    assert (rows["accommodation"].status, rows["relationships"].status, rows["attitudes"].status) == (
        "Completed",
        "In progress",
        "Not started",
    )


@pytest.mark.django_db
def test_latest_completed_needs_is_the_newest_completed_assessment():
    person = PersonFactory(gender="F")
    assert latest_completed_needs(person) is None
    CompletedAssessmentFactory(person=person, answers={"attitudes": {"pro_criminal_attitudes": "none"}})
    CompletedAssessmentFactory(
        person=person,
        answers={
            "attitudes": {"pro_criminal_attitudes": "significant"},
            "emotional_wellbeing": {"currently_in_psychiatric_treatment": "yes"},
            "womens_factors": {"parenting_responsibilities": "yes", "temper_control": "some"},
        },
        completed_at=dt.datetime(2026, 6, 1, tzinfo=dt.UTC),
    )
    AssessmentFactory(person=person, answers={"attitudes": {"pro_criminal_attitudes": "some"}})  # draft

    needs = latest_completed_needs(person)

    assert needs == NeedsAssessment(
        answers={
            str(n): ({"pro_criminal_attitudes": "significant"} if n == "attitudes" else {})
            for n in NeedSection
        },
        parenting_responsibilities="yes",
        impulsivity=None,
        temper_control="some",
    )


@pytest.mark.django_db
def test_latest_completed_needs_is_accepted_by_the_tier_calculation():
    from probation.rules.tiering import TierInputs, calculate_tier

    person = PersonFactory()
    CompletedAssessmentFactory(person=person, answers=SAMPLES)

    result = calculate_tier(
        TierInputs(
            gender="male",
            registrations=(),
            sentences=(),
            previous_enforcement_activity=False,
            needs_assessment=latest_completed_needs(person),
        )
    )

    assert result.tier == "D0"


def test_predictor_answers_are_asked_of_everyone_on_the_problem_scale():
    problem = [("none", "No problems"), ("some", "Some problems"), ("significant", "Significant problems")]
    for gender in ("M", "F"):
        sections = {s.key: s for s in sections_for(gender)}
        for key, names in (
            ("thinking_behaviour", ("impulsivity", "temper_control")),
            ("relationships", ("relationship_with_partner",)),
        ):
            for name in names:
                question = sections[key].question(name)
                assert question.choices == [*problem, ("unknown", "Unknown")]
                assert question.hint


@pytest.mark.django_db
def test_predictor_answers_do_not_change_need_severity():
    """tiering.md § Need severity lists neither item: significant problems add nothing."""
    base = {"close_family": "some", "experience_of_childhood": "some"}  # 2: standard
    thinking = {"recognises_problems": "some"}  # 1: no need
    assessment = AssessmentFactory(
        answers={
            "relationships": base | {"relationship_with_partner": "significant"},
            "thinking_behaviour": thinking | {"impulsivity": "significant", "temper_control": "significant"},
        }
    )

    rows = {r.key: r for r in section_rows(assessment, crn="X000001", gender="M")}

    assert (rows["relationships"].severity.label, rows["relationships"].score) == ("Standard need", 2)
    assert (rows["thinking_behaviour"].severity.label, rows["thinking_behaviour"].score) == ("No need", 1)
    only_predictor = AssessmentFactory(answers={"relationships": {"relationship_with_partner": "some"}})
    row = next(r for r in section_rows(only_predictor, crn="X000001", gender="M") if r.key == "relationships")
    assert row.severity.label == "Section not assessed"


@pytest.mark.django_db
def test_the_assessment_view_shows_the_predictor_answers():
    assessment = AssessmentFactory(
        answers={
            "thinking_behaviour": {"impulsivity": "some"},
            "relationships": {"relationship_with_partner": "none"},
        }
    )

    rows = {
        r.key: {a.question: a.answer for a in r.answers}
        for r in section_rows(assessment, crn="X000001", gender="M")
    }

    assert rows["thinking_behaviour"]["Impulsivity"] == "Some problems"
    assert rows["thinking_behaviour"]["Temper control"] == "Not answered"
    assert rows["relationships"]["Current relationship with partner"] == "No problems"


@pytest.mark.django_db
def test_tiering_is_not_handed_the_predictor_answers():
    from probation.rules.tiering import TierInputs, calculate_tier

    person = PersonFactory()
    CompletedAssessmentFactory(
        person=person,
        answers={
            "relationships": {"close_family": "some", "relationship_with_partner": "significant"},
            "thinking_behaviour": {"impulsivity": "some", "temper_control": "significant"},
        },
    )

    needs = latest_completed_needs(person)

    assert needs.answers["relationships"] == {"close_family": "some"}
    assert needs.answers["thinking_behaviour"] == {}
    assert (needs.impulsivity, needs.temper_control) == (None, None)  # women's factors only
    result = calculate_tier(
        TierInputs(
            gender="male",
            registrations=(),
            sentences=(),
            previous_enforcement_activity=False,
            needs_assessment=needs,
        )
    )
    assert result.tier == "D0"
