"""The calculator pages: every predictor renders, scores valid answers exactly as its pure
`calculate_*` function does, and shows every refused input in the GOV.UK error summary, linked to
its field. Nothing is stored beyond one audit entry per calculation, which holds no inputs."""

import dataclasses
import re

import pytest
from django.apps import apps
from django.urls import reverse

from probation.audit.models import AuditAction, AuditChainHead, AuditEvent
from probation.risk.forms.calculators import CALCULATORS, input_kinds
from probation.risk.presenters.calculators import BAND_TAGS, Row
from probation.risk.tests.test_calculator_cases import INVALID, VALID, form_data
from probation.rules.predictors import PREDICTORS, InputProblem, Ogrs3Inputs, Predictor, PredictorInputError

pytestmark = pytest.mark.django_db
SLUGS = list(CALCULATORS)
SUMMARY = re.compile(r'<div class="govuk-error-summary".*?</ul>', re.S)
SUMMARY_LINK = re.compile(r'<li><a href="#([^"]+)">([^<]*)</a></li>')


def _url(slug):
    return reverse("risk:calculator", args=[slug])


def _row_counts():
    """Rows in every table except the audit's and the sessions' (updated on every request)."""
    skip = {AuditEvent, AuditChainHead, apps.get_model("sessions", "Session")}
    return {model.__name__: model.objects.count() for model in apps.get_models() if model not in skip}


def _summary_links(response):
    summary = SUMMARY.search(response.content.decode())
    assert summary is not None, "no error summary on the page"
    return SUMMARY_LINK.findall(summary.group(0))


def _first_input_id(slug, name):
    """The id the error summary should link to: the first radio, the day of a date, or the input."""
    kind = input_kinds(CALCULATORS[slug])[name]
    if kind.is_date:
        return f"id_{name}_0"
    return f"id_{name}_1" if kind.type is bool or kind.is_enum else f"id_{name}"


def _expected_scores(slug, result):
    if slug in ("ogrs3", "ogp", "ovp"):
        what = {"ogrs3": "proven", "ogp": "general", "ovp": "violent"}[slug]
        return (
            Row(f"1-year {what} reoffending", f"{result.one_year_percent}%"),
            Row(f"2-year {what} reoffending", f"{result.two_year_percent}%"),
        )
    name = CALCULATORS[slug].name
    rows = (Row(f"{name} score", f"{result.percent}%"),)
    return (*rows, Row("Points", str(result.points))) if slug == "osp-dc" else rows


@pytest.fixture
def signed_in(client, officer_user):
    client.force_login(officer_user)
    return client


@pytest.mark.parametrize("slug", SLUGS)
def test_calculator_page_shows_every_input_of_its_predictor(signed_in, slug):
    response = signed_in.get(_url(slug))

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<h1 class="govuk-heading-l">{CALCULATORS[slug].name} calculator</h1>' in html
    inputs = dataclasses.fields(PREDICTORS[CALCULATORS[slug].key].inputs_type)
    for field in inputs:
        assert f'name="{field.name}' in html, field.name
    assert ">Calculate</button>" in html


def test_list_page_links_to_all_seven_calculators(signed_in):
    response = signed_in.get(reverse("risk:calculator-list"))

    assert response.status_code == 200
    html = response.content.decode()
    for slug, calculator in CALCULATORS.items():
        assert f'href="{_url(slug)}"' in html
        assert calculator.summary in html
    assert len(CALCULATORS) == 7


@pytest.mark.parametrize("slug", SLUGS)
def test_valid_answers_show_the_score_and_band_the_predictor_returns(signed_in, slug):
    calculate, inputs = VALID[slug]
    expected = calculate(inputs)

    response = signed_in.post(_url(slug), form_data(inputs))

    assert response.status_code == 200
    panel = response.context["result"]
    assert panel.scores == _expected_scores(slug, expected)
    band = getattr(expected, "band", None)
    assert panel.band == (BAND_TAGS[band] if band else None)
    html = response.content.decode()
    for row in panel.scores:
        assert row.value in html
    if band:
        tag = BAND_TAGS[band]
        assert f'<strong class="govuk-tag {tag.css_class}">{tag.text}</strong>' in html
    assert "There is a problem" not in html


def test_ogrs3_result_lists_the_inputs_used_and_the_terms(signed_in):
    calculate, inputs = VALID["ogrs3"]
    result = calculate(inputs)

    panel = signed_in.post(_url("ogrs3"), form_data(inputs)).context["result"]

    assert panel.inputs[:3] == (
        Row("Gender", "Male"),
        Row("Date of birth", "1 January 1990"),
        Row("Date of current conviction", "1 January 2020"),
    )
    terms = {row.label: row.value for row in panel.tables[0].rows}
    assert terms["OGRS3 offence category"] == result.offence_category
    assert terms["C: conviction status"] == "0.46306"
    assert terms["S: linear score (A + C + R + O)"] == f"{result.linear_score:.6f}"


def test_snsv_result_shows_every_term_and_the_variant(signed_in):
    calculate, inputs = VALID["snsv"]
    result = calculate(inputs)

    panel = signed_in.post(_url("snsv"), form_data(inputs)).context["result"]

    assert panel.notes == ("SNSV used the dynamic variant: every assessment answer was given.",)
    terms_table = panel.tables[1]
    assert terms_table.caption == "SNSV terms (dynamic variant)"
    assert len(terms_table.rows) == len(result.terms)


def test_osp_dc_for_a_female_shows_not_applicable(signed_in):
    response = signed_in.post(_url("osp-dc"), {"gender": "female", "sexual_offence_history": "no"})

    panel = response.context["result"]
    assert panel.band == BAND_TAGS["not_applicable"]
    assert panel.tables == ()
    assert "OSP does not apply to females" in response.content.decode()


@pytest.mark.parametrize("slug", SLUGS)
def test_refused_answers_are_listed_in_the_error_summary_and_nothing_is_stored(signed_in, slug):
    calculate, inputs = VALID[slug]
    invalid = dataclasses.replace(inputs, **INVALID[slug])
    with pytest.raises(PredictorInputError) as refused:
        calculate(invalid)
    before = _row_counts()

    response = signed_in.post(_url(slug), form_data(invalid))

    assert response.status_code == 200
    assert response.context["result"] is None
    links = _summary_links(response)
    for problem in refused.value.problems:
        target = _first_input_id(slug, problem.field)
        assert (target, problem.message) in links
        assert f'id="{target}"' in response.content.decode()
    assert _row_counts() == before


def test_empty_ogrs3_form_names_every_missing_answer_with_links_to_the_inputs(signed_in):
    response = signed_in.post(_url("ogrs3"), {})

    assert _summary_links(response) == [
        ("id_gender_1", "Select a gender"),
        ("id_date_of_birth_0", "Enter the date of birth"),
        ("id_date_of_current_conviction_0", "Enter the date of current conviction"),
        ("id_start_of_follow_up_0", "Enter the start of follow-up"),
        ("id_current_offence_code", "Enter the current offence code"),
        ("id_total_sanctions", "Enter the total number of sanctions"),
        ("id_age_at_first_sanction", "Enter the age at first sanction"),
    ]
    assert "<title>Error: OGRS3 calculator" in response.content.decode()


def test_impossible_dates_and_words_for_numbers_are_shape_errors(signed_in):
    data = form_data(VALID["ogrs3"][1]) | {
        "date_of_birth_0": "31",
        "date_of_birth_1": "2",
        "total_sanctions": "three",
        "start_of_follow_up_1": "",
    }

    links = _summary_links(signed_in.post(_url("ogrs3"), data))

    assert links == [
        ("id_date_of_birth_0", "Date of birth must be a real date"),
        ("id_start_of_follow_up_1", "Enter the month"),
        ("id_total_sanctions", "Total sanctions must be a whole number, like 3"),
    ]


def test_offence_code_with_spaces_is_scored_as_typed_without_them(signed_in):
    data = form_data(VALID["ogrs3"][1]) | {"current_offence_code": " 027 00 "}

    response = signed_in.post(_url("ogrs3"), data)

    assert response.context["result"].scores[1].value == "51%"


def test_problem_for_an_input_not_on_the_form_goes_to_the_top_of_the_summary(signed_in, monkeypatch):
    def refuse(inputs):
        raise PredictorInputError(
            [InputProblem("total_sanctions", "Too many."), InputProblem("predictor", "Not available.")]
        )

    monkeypatch.setitem(PREDICTORS, "ogrs3", Predictor(Ogrs3Inputs, refuse))

    response = signed_in.post(_url("ogrs3"), form_data(VALID["ogrs3"][1]))

    errors = response.context["errors"]
    assert [(e.message, e.href) for e in errors] == [
        ("Not available.", ""),
        ("Too many.", "#id_total_sanctions"),
    ]
    assert "<li>Not available.</li>" in response.content.decode()


def test_each_calculation_is_audited_without_its_inputs(signed_in, officer_user):
    _calculate, inputs = VALID["osp-dc"]

    signed_in.post(_url("osp-dc"), form_data(inputs))
    signed_in.post(_url("osp-dc"), {})

    events = list(AuditEvent.objects.filter(object_type="predictor_calculation").order_by("seq"))
    assert [(e.action, e.object_id, e.user_id, e.detail) for e in events] == [
        (AuditAction.VIEW, "osp-dc", officer_user.pk, {"predictor": "osp-dc", "outcome": "scored"}),
        (AuditAction.VIEW, "osp-dc", officer_user.pk, {"predictor": "osp-dc", "outcome": "invalid"}),
    ]
    assert events[0].page == _url("osp-dc")


def test_viewing_a_calculator_is_not_audited_as_a_calculation(signed_in):
    signed_in.get(_url("rsr"))

    assert not AuditEvent.objects.filter(object_type="predictor_calculation").exists()


def test_unknown_calculator_is_not_found(signed_in):
    assert signed_in.get(_url("ogrs4")).status_code == 404
    assert signed_in.post(_url("osp_dc"), {}).status_code == 404
