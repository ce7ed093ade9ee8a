"""Scores calculated from the case record (issue 4 item 1): inputs assembled from the record give
the published worked examples exactly; each missing input is named and stores no score while the
other predictors still calculate; every calculation is kept as history and audited."""

import datetime as dt

import pytest

from probation.assessments.tests.factories import CompletedAssessmentFactory
from probation.audit.models import AuditEvent
from probation.core.errors import ConflictError
from probation.people.tests.factories import PersonFactory
from probation.scores.models import CriminalHistory, PredictorScore
from probation.scores.selectors import latest_score, score_history
from probation.scores.services.history import COUNT_FIELDS, criminal_history_update
from probation.scores.services.scores import scores_calculate
from probation.scores.tests.factories import CriminalHistoryFactory, current_community_sentence
from probation.sentences.tests.factories import CustodialSentenceFactory, EventOffenceFactory, LicenceFactory

pytestmark = pytest.mark.django_db

# The OGP worked example's answers (risk/tests/test_predictors_ogp.py) as the needs assessment
# records them: awareness "some problems" is "sometimes", drug use "yes" scores as significant…
OGP_EXAMPLE_ANSWERS = {
    "accommodation": {"no_fixed_abode_or_transient": "yes"},
    "education_training_employability": {"unemployed": "no"},
    "lifestyle_associates": {"regular_activities_encourage_offending": "some"},
    "drug_misuse": {"current_drug_use": "no", "motivation_to_tackle": "some"},
    "thinking_behaviour": {
        "problem_solving": "some",
        "awareness_of_consequences": "some",
        "understands_others_views": "significant",
    },
    "attitudes": {"pro_criminal_attitudes": "significant"},
}


@pytest.fixture
def worked_example(officer_user):
    """predictors.md OGRS3 worked example: a man born 1 January 1990, convicted of soliciting
    (02700) on 1 January 2020, sentenced on 1 February 2020, 5 sanctions since he was 16."""
    person = PersonFactory(officer=officer_user.staff, date_of_birth=dt.date(1990, 1, 1), gender="M")
    current_community_sentence(person)
    CriminalHistoryFactory(person=person, previous_sanctions=4, first_sanction_date=dt.date(2006, 6, 1))
    return person


def _outcome(calculation, slug):
    return next(o for o in calculation.outcomes if o.predictor == slug)


def _messages(calculation, slug):
    return [p.message for p in _outcome(calculation, slug).problems]


def test_ogrs3_from_the_record_matches_the_worked_example(worked_example, officer_user):
    calculation = scores_calculate(actor=officer_user, crn=worked_example.crn)

    score = _outcome(calculation, "ogrs3").score
    assert score.result == {"one_year_percent": 34, "two_year_percent": 51, "band": "medium"}
    assert score.inputs == {
        "gender": "male",
        "date_of_birth": "1990-01-01",
        "date_of_current_conviction": "2020-01-01",
        "start_of_follow_up": "2020-02-01",
        "total_sanctions": 5,
        "age_at_first_sanction": 16,
        "current_offence_code": "02700",
    }
    assert score.features["offence_category"] == "Soliciting or prostitution"
    assert score.features["age_gender_term"] == -1.326


def test_ogp_uses_the_record_ogrs3_and_the_latest_completed_assessment(worked_example, officer_user):
    CompletedAssessmentFactory(
        person=worked_example, answers={"accommodation": {"no_fixed_abode_or_transient": "no"}}
    )
    CompletedAssessmentFactory(
        person=worked_example,
        answers=OGP_EXAMPLE_ANSWERS
        | {"drug_misuse": {"current_drug_use": "yes", "motivation_to_tackle": "some"}},
        completed_at=dt.datetime(2026, 2, 1, 9, 0, tzinfo=dt.UTC),
    )

    score = _outcome(scores_calculate(actor=officer_user, crn=worked_example.crn), "ogp").score

    # 31 + 5 + 0 + 3 + round(3.75 × (2 + 1)) = 11 + 3 + 5 = 58 points
    assert score.features["drug_misuse_points"] == 11
    assert score.features["total_points"] == 58
    assert score.inputs["awareness_of_consequences"] == "sometimes"
    assert score.inputs["motivation_to_tackle_drug_misuse"] == "partial"
    assert score.result["band"] == "medium"


def test_ogp_worked_example_from_the_assessment(worked_example, officer_user):
    CompletedAssessmentFactory(
        person=worked_example,
        answers=OGP_EXAMPLE_ANSWERS
        | {"drug_misuse": {"current_drug_use": "no", "motivation_to_tackle": "some"}},
    )

    score = _outcome(scores_calculate(actor=officer_user, crn=worked_example.crn), "ogp").score

    assert score.features["ogrs3_points"] == 31
    assert score.features["drug_misuse_points"] == 4  # round(3.75 × (0 + 1))
    assert score.features["thinking_behaviour_points"] == 3
    assert score.features["total_points"] == 51
    # logistic(0.0616 × 51 − 3.6832) = 36.78 %; logistic(0.0616 × 51 − 3.0795) = 51.55 %
    assert score.result == {"one_year_percent": 37, "two_year_percent": 52, "band": "medium"}


def test_violent_and_sexual_history_feeds_snsv_osp_and_rsr(worked_example, officer_user):
    history = worked_example.criminal_history
    history.previous_violent_sanctions = 1
    history.contact_adult_sanctions = 1
    history.last_sexual_sanction_date = dt.date(2010, 5, 1)
    history.most_recent_sexual_offence_date = dt.date(2010, 1, 1)
    history.current_offence_against_stranger = False
    history.save()

    calculation = scores_calculate(actor=officer_user, crn=worked_example.crn)

    snsv = _outcome(calculation, "snsv").score
    assert snsv.inputs["violent_sanctions"] == 1
    assert snsv.result["variant"] == "static"
    osp_dc = _outcome(calculation, "osp_dc").score
    assert osp_dc.inputs["in_custody"] is False
    assert osp_dc.features["contact_adult_points"] == 5
    rsr = _outcome(calculation, "rsr").score
    assert rsr.result["percent"] == round(
        snsv.result["percent"]
        + osp_dc.result["percent"]
        + _outcome(calculation, "osp_iic").score.result["rsr_percent"],
        2,
    )


def test_no_criminal_history_names_the_missing_inputs_and_stores_no_score(officer_user):
    person = PersonFactory(officer=officer_user.staff)
    current_community_sentence(person)

    calculation = scores_calculate(actor=officer_user, crn=person.crn)

    assert _messages(calculation, "ogrs3") == [
        "Total sanctions is required. Record the criminal history (previous sanctions: enter 0 if there are none).",
        "Age at first sanction is required. Record the criminal history (previous sanctions: enter 0 if there are none).",
    ]
    assert (
        _messages(calculation, "ogp")[0]
        == "OGRS3 two year percent is required. OGRS3 could not be calculated."
    )
    assert not PredictorScore.objects.filter(
        person=person, predictor__in=["ogrs3", "ogp", "snsv", "rsr"]
    ).exists()


def test_no_current_sentence_names_the_conviction_offence_and_follow_up(officer_user):
    person = PersonFactory(officer=officer_user.staff)
    CriminalHistoryFactory(person=person)

    messages = _messages(scores_calculate(actor=officer_user, crn=person.crn), "ogrs3")

    assert "Date of current conviction is required. There is no current sentence on the record." in messages
    assert "Start of follow-up is required. There is no current sentence on the record." in messages
    assert "Current offence code is required. There is no current sentence on the record." in messages


def test_gender_other_than_male_or_female_is_named(worked_example, officer_user):
    worked_example.gender = "N"
    worked_example.save()

    messages = _messages(scores_calculate(actor=officer_user, crn=worked_example.crn), "ogrs3")

    assert messages == [
        "Gender is required. The predictors have male and female coefficients only; the record says Not known."
    ]


def test_previous_sanctions_without_a_first_sanction_date_are_named(worked_example, officer_user):
    worked_example.criminal_history.first_sanction_date = None
    worked_example.criminal_history.save()

    messages = _messages(scores_calculate(actor=officer_user, crn=worked_example.crn), "ogrs3")

    assert messages == [
        "Age at first sanction is required. Previous sanctions are recorded: record the date of the first sanction."
    ]


def test_general_offence_code_gives_the_calculator_message(officer_user):
    person = PersonFactory(officer=officer_user.staff, date_of_birth=dt.date(1990, 1, 1))
    current_community_sentence(person, ho_code="11100")
    CriminalHistoryFactory(person=person)

    messages = _messages(scores_calculate(actor=officer_user, crn=person.crn), "ogrs3")

    assert len(messages) == 1
    assert messages[0].startswith("Current offence code 11100 is a general offence category")


def test_custodial_sentence_without_a_licence_names_the_release_date(officer_user):
    person = PersonFactory(officer=officer_user.staff, date_of_birth=dt.date(1990, 1, 1))
    sentence = CustodialSentenceFactory(event__person=person, event__conviction_date=dt.date(2024, 1, 1))
    EventOffenceFactory(event=sentence.event, ho_code="02700", main=True, offence_date=dt.date(2023, 12, 1))
    CriminalHistoryFactory(person=person)

    messages = _messages(scores_calculate(actor=officer_user, crn=person.crn), "ogrs3")

    assert messages == [
        "Start of follow-up is required. Record the licence and its release date for the custodial sentence."
    ]
    LicenceFactory(sentence=sentence, release_date=dt.date(2025, 1, 1))
    score = _outcome(scores_calculate(actor=officer_user, crn=person.crn), "ogrs3").score
    assert score.inputs["start_of_follow_up"] == "2025-01-01"


def test_missing_assessment_answers_are_named_and_others_still_calculate(worked_example, officer_user):
    calculation = scores_calculate(actor=officer_user, crn=worked_example.crn)

    assert "No fixed abode or transient is required. There is no completed needs assessment." in _messages(
        calculation, "ogp"
    )
    assert (
        "Does not recognise impact of offending is required. Answer it in the criminal history."
        in _messages(calculation, "ovp")
    )
    assert {"ogrs3", "osp_dc", "osp_iic", "snsv", "rsr"} <= set(calculation.calculated)
    assert _outcome(calculation, "ogp").score is None


def test_every_calculation_is_kept_as_history(worked_example, officer_user):
    scores_calculate(actor=officer_user, crn=worked_example.crn)
    history = worked_example.criminal_history
    history.previous_sanctions = 9
    history.save()

    scores_calculate(actor=officer_user, crn=worked_example.crn)

    ogrs3 = score_history(person=worked_example)["ogrs3"]
    assert [s.inputs["total_sanctions"] for s in ogrs3] == [10, 5]
    assert latest_score(person_id=worked_example.pk, predictor="ogrs3") == ogrs3[0]


def test_calculation_is_audited_with_field_names_only(worked_example, officer_user):
    scores_calculate(actor=officer_user, crn=worked_example.crn)

    event = AuditEvent.objects.get(object_type="predictor_score")
    assert event.action == "create"
    assert event.crn == worked_example.crn
    assert "ogrs3" in event.detail["calculated"]
    assert event.detail["not_calculated"]["ogp"] == [
        "no_fixed_abode_or_transient",
        "unemployed",
        "regular_activities_encourage_offending",
        "current_drug_misuse",
        "motivation_to_tackle_drug_misuse",
        "problem_solving",
        "awareness_of_consequences",
        "understands_other_peoples_views",
        "pro_criminal_attitudes",
    ]
    assert "1990" not in str(event.detail)  # field names only, never values


def test_history_saved_elsewhere_meanwhile_is_a_conflict(officer_user):
    person = PersonFactory(officer=officer_user.staff)
    CriminalHistoryFactory(person=person, previous_sanctions=2, first_sanction_date=dt.date(2010, 1, 1))

    with pytest.raises(ConflictError):
        criminal_history_update(
            actor=officer_user,
            crn=person.crn,
            expected_version=None,
            data=dict.fromkeys(COUNT_FIELDS, 0) | {"previous_sanctions": 3},
        )
    assert CriminalHistory.objects.get(person=person).previous_sanctions == 2
