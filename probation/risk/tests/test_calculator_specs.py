"""The calculator specs, form and presenter without HTTP: every predictor input is asked exactly
once, fields take their kind from the predictor, and every result field is shown."""

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from probation.risk.forms.calculators import CALCULATORS, CalculatorForm
from probation.risk.forms.calculators.questions import QUESTIONS
from probation.risk.presenters.calculators import (
    BAND_TAGS,
    FEATURES,
    Row,
    input_rows,
    number,
    result_panel,
    unshown_result_fields,
    value_text,
)
from probation.risk.tests.test_calculator_cases import VALID, form_data
from probation.rules.predictors import (
    PREDICTORS,
    Band,
    OgpResult,
    Ogrs3Result,
    OspDcResult,
    OspIicResult,
    OvpResult,
    RsrResult,
    SnsvResult,
    SnsvVariant,
)

RESULT_TYPES = [Ogrs3Result, OgpResult, OvpResult, OspDcResult, OspIicResult, SnsvResult, RsrResult]


def test_there_is_one_calculator_for_each_of_the_seven_predictors():
    assert list(CALCULATORS) == ["ogrs3", "ogp", "ovp", "osp-dc", "osp-iic", "snsv", "rsr"]
    assert sorted(c.key for c in CALCULATORS.values()) == sorted(PREDICTORS)


@pytest.mark.parametrize("slug", list(CALCULATORS))
def test_every_predictor_input_is_asked_exactly_once(slug):
    calculator = CALCULATORS[slug]
    names = [field.name for field in dataclasses.fields(calculator.inputs_type)]

    assert sorted(calculator.input_names) == sorted(names)
    assert all(QUESTIONS[name].label for name in names)


@pytest.mark.parametrize("result_type", RESULT_TYPES)
def test_every_result_field_is_shown_as_a_score_band_or_feature(result_type):
    assert unshown_result_fields(result_type) == set()
    shown = [name for name, _ in FEATURES[result_type]]
    assert len(shown) == len(set(shown))


def test_every_band_has_a_coloured_tag():
    assert {band: tag.css_class for band, tag in BAND_TAGS.items()} == {
        Band.LOW: "govuk-tag--green",
        Band.MEDIUM: "govuk-tag--yellow",
        Band.HIGH: "govuk-tag--orange",
        Band.VERY_HIGH: "govuk-tag--red",
        Band.NOT_APPLICABLE: "govuk-tag--grey",
    }


def test_form_fields_take_their_kind_and_requiredness_from_the_predictor():
    form = CalculatorForm(CALCULATORS["osp-dc"])

    assert form.fields["gender"].required is True
    assert [value for value, _ in form.fields["gender"].choices] == ["male", "female"]
    assert form.fields["in_custody"].required is False
    assert form.fields["in_custody"].choices == [("yes", "Yes"), ("no", "No"), ("", "Not known")]
    assert form.fields["total_sanctions"].widget.attrs == {"inputmode": "numeric", "spellcheck": "false"}
    assert form.fields["total_sanctions"].required is False


def test_assessment_date_starts_as_today():
    form = CalculatorForm(CALCULATORS["snsv"])

    assert isinstance(form.fields["assessment_date"].initial, dt.date)


def test_form_builds_the_predictor_inputs_from_the_answers():
    _calculate, inputs = VALID["rsr"]
    form = CalculatorForm(CALCULATORS["rsr"], data=form_data(inputs))

    assert form.is_valid(), form.errors
    assert form.predictor_inputs() == inputs


def test_a_not_known_assessment_answer_gives_the_static_snsv_variant():
    calculate, inputs = VALID["snsv"]
    data = form_data(inputs) | {"impulsivity": ""}
    form = CalculatorForm(CALCULATORS["snsv"], data=data)

    assert form.is_valid(), form.errors
    assert form.predictor_inputs().impulsivity is None
    assert calculate(form.predictor_inputs()).variant is SnsvVariant.STATIC


def test_counts_above_999_are_refused_as_typing_mistakes():
    data = form_data(VALID["ovp"][1]) | {"total_sanctions": "1200"}
    form = CalculatorForm(CALCULATORS["ovp"], data=data)

    assert not form.is_valid()
    assert form.errors["total_sanctions"] == ["Total sanctions must be 999 or less"]


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("0.46306"), "0.46306"),
        (Decimal("-2.0648670001"), "-2.064867"),
        (Decimal("-0.0000001"), "0"),
        (Decimal("10"), "10"),
        (Decimal("0.5142035123"), "0.514204"),
    ],
)
def test_numbers_are_shown_to_at_most_six_decimal_places(value, text):
    assert number(value) == text


def test_values_are_shown_as_staff_read_them():
    assert value_text(None) == "Not known"
    assert value_text(True) == "Yes"
    assert value_text(dt.date(2024, 6, 1)) == "1 June 2024"
    assert value_text(Band.VERY_HIGH) == "Very high"
    assert value_text(("in custody", "band already low")) == "in custody, band already low"
    assert value_text(()) == "None"


def test_inputs_used_are_listed_in_the_order_they_are_asked():
    rows = input_rows(CALCULATORS["ogp"], VALID["ogp"][1])

    assert rows[:3] == (
        Row("OGRS3 2-year score", "51"),
        Row("Do they have no fixed abode, or live in transient accommodation?", "Yes"),
        Row("Are they unemployed?", "No"),
    )
    assert rows[4] == Row("Current drug misuse", "Some problems")


def test_osp_dc_result_explains_the_risk_reduction():
    calculate, inputs = VALID["osp-dc"]
    panel = result_panel(CALCULATORS["osp-dc"], inputs, calculate(inputs))

    features = {row.label: row.value for row in panel.tables[0].rows}
    assert features["Band on points"] == "High"
    assert features["Risk reduction applied"] == "Yes"
    assert panel.band == BAND_TAGS[Band.MEDIUM]


def test_rsr_result_shows_its_components_and_the_static_variant():
    calculate, inputs = VALID["rsr"]
    result = calculate(inputs)
    panel = result_panel(CALCULATORS["rsr"], inputs, result)

    assert panel.notes == (
        "RSR used the static variant (criminal history only): 18 assessment answers were not known.",
    )
    assert [table.caption for table in panel.tables] == [
        "Components",
        "SNSV: how it was calculated",
        "SNSV terms (static variant)",
        "OSP/DC: how it was calculated",
        "OSP/IIC: how it was calculated",
    ]
    components = {row.label: row.value for row in panel.tables[0].rows}
    assert components["SNSV (%)"] == str(result.snsv_percent)
