"""Display formatting for the predictor calculators, so templates hold no logic: the list of
calculators, the error summary (with links that reach the right input) and the result panel."""

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from decimal import Decimal
from enum import Enum
from typing import Any

from django import forms
from django.urls import reverse

from probation.frontend.templatetags.govuk import govuk_date
from probation.risk.forms.calculators import CALCULATORS, Calculator
from probation.risk.forms.calculators.questions import CHOICE_LABELS, QUESTIONS
from probation.rules.predictors import (
    Band,
    OgpResult,
    Ogrs3Result,
    OspDcResult,
    OspIicResult,
    OvpResult,
    RsrResult,
    SnsvResult,
)


@dataclass(frozen=True)
class CalculatorLink:
    name: str
    title: str
    summary: str
    url: str


@dataclass(frozen=True)
class ErrorItem:
    message: str
    href: str  # empty for a problem that belongs to no field on the form


@dataclass(frozen=True)
class Row:
    label: str
    value: str


@dataclass(frozen=True)
class BandTag:
    text: str
    css_class: str


@dataclass(frozen=True)
class Table:
    caption: str
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class ResultPanel:
    title: str
    scores: tuple[Row, ...]
    band: BandTag | None
    notes: tuple[str, ...]
    inputs: tuple[Row, ...]
    tables: tuple[Table, ...]


def calculator_links() -> list[CalculatorLink]:
    return [
        CalculatorLink(c.name, c.title, c.summary, reverse("risk:calculator", args=[c.slug]))
        for c in CALCULATORS.values()
    ]


def error_summary_items(form: forms.Form) -> list[ErrorItem]:
    """GOV.UK error summary entries: problems for no field first, then each field's in form order.

    Each links to the first input of its field: the first radio (crispy-forms-gds numbers radios
    from 1) or the date part that is wrong (the day when the whole date is).
    """
    items = [ErrorItem(str(message), "") for message in form.non_field_errors()]
    for bound in form.visible_fields():
        if isinstance(bound.field.widget, forms.RadioSelect):
            items += [ErrorItem(str(message), f"#id_{bound.html_name}_1") for message in bound.errors]
        elif isinstance(bound.field, forms.MultiValueField):
            part_errors = {
                str(message): index
                for index, part in enumerate(bound.field.fields)
                for message in getattr(part.widget, "errors", [])
            }
            items += [
                ErrorItem(str(message), f"#{bound.auto_id}_{part_errors.get(str(message), 0)}")
                for message in bound.errors
            ]
        else:
            items += [ErrorItem(str(message), f"#{bound.auto_id}") for message in bound.errors]
    return items


# --- Values -------------------------------------------------------------------------------------

BAND_TAGS: dict[Band, BandTag] = {
    Band.LOW: BandTag("Low", "govuk-tag--green"),
    Band.MEDIUM: BandTag("Medium", "govuk-tag--yellow"),
    Band.HIGH: BandTag("High", "govuk-tag--orange"),
    Band.VERY_HIGH: BandTag("Very high", "govuk-tag--red"),
    Band.NOT_APPLICABLE: BandTag("Not applicable", "govuk-tag--grey"),
}
DECIMAL_PLACES = Decimal("0.000001")


def number(value: Decimal) -> str:
    """A term or probability to at most 6 decimal places, without trailing zeros or exponents."""
    rounded = value.quantize(DECIMAL_PLACES)
    return "0" if rounded == 0 else format(rounded.normalize(), "f")


def value_text(value: object) -> str:
    if value is None:
        return "Not known"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, Band):
        return BAND_TAGS[value].text
    if isinstance(value, Enum):
        return CHOICE_LABELS.get(type(value), {}).get(value.value, str(value.value))
    if isinstance(value, dt.date):
        return govuk_date(value)
    if isinstance(value, Decimal):
        return number(value)
    if isinstance(value, tuple):
        return ", ".join(str(item) for item in value) or "None"
    return str(value)


def percent(value: int | Decimal) -> str:
    return f"{value}%"


def _rows(result: object, labels: Sequence[tuple[str, str]]) -> tuple[Row, ...]:
    return tuple(Row(label, value_text(getattr(result, name))) for name, label in labels)


def input_rows(calculator: Calculator, inputs: object) -> tuple[Row, ...]:
    return tuple(
        Row(QUESTIONS[name].label, value_text(getattr(inputs, name))) for name in calculator.input_names
    )


# --- What each result shows ---------------------------------------------------------------------
# Every field of each result is either a headline (score, band) or listed here; a test checks it.

HOW_CALCULATED = "How the score was calculated"
PROBABILITIES = (
    ("one_year_probability", "1-year probability"),
    ("two_year_probability", "2-year probability"),
)
FEATURES: dict[type, tuple[tuple[str, str], ...]] = {
    Ogrs3Result: (
        ("age_at_start_of_follow_up", "Age at start of follow-up"),
        ("age_at_current_conviction", "Age at current conviction"),
        ("offence_category", "OGRS3 offence category"),
        ("age_gender_term", "A: age and gender"),
        ("conviction_status_term", "C: conviction status"),
        ("copas_rate", "Copas rate"),
        ("copas_term", "R: Copas rate term"),
        ("offence_term", "O: offence category"),
        ("linear_score", "S: linear score (A + C + R + O)"),
        *PROBABILITIES,
    ),
    OgpResult: (
        ("ogrs3_points", "OGRS3 points"),
        ("accommodation_points", "Accommodation points"),
        ("employment_points", "Employment points"),
        ("lifestyle_points", "Lifestyle points"),
        ("drug_misuse_sum", "Drug misuse answers (0 to 4)"),
        ("drug_misuse_points", "Drug misuse points"),
        ("thinking_behaviour_sum", "Thinking and behaviour answers (0 to 6)"),
        ("thinking_behaviour_points", "Thinking and behaviour points"),
        ("attitudes_points", "Attitudes points"),
        ("total_points", "Total points"),
        *PROBABILITIES,
    ),
    OvpResult: (
        ("age_at_start_of_follow_up", "Age at start of follow-up"),
        ("non_violent_sanctions", "Non-violent sanctions"),
        ("any_sanctions_points", "Any sanctions points"),
        ("violent_sanctions_points", "Violent sanctions points"),
        ("non_violent_sanctions_points", "Non-violent sanctions points"),
        ("age_points", "Age points"),
        ("gender_points", "Gender points"),
        ("static_points", "Static points"),
        ("impact_on_others_points", "Impact on others points"),
        ("accommodation_points", "Accommodation points"),
        ("employment_points", "Employment points"),
        ("alcohol_points", "Alcohol points"),
        ("psychiatric_treatment_points", "Psychiatric treatment points"),
        ("temper_control_points", "Temper control points"),
        ("attitudes_points", "Attitudes points"),
        ("dynamic_points", "Dynamic points"),
        ("total_points", "Total points"),
        *PROBABILITIES,
    ),
    OspDcResult: (
        ("contact_adult_points", "Contact adult sanctions points"),
        ("contact_child_points", "Contact child sanctions points"),
        ("non_contact_points", "Non-contact sanctions points"),
        ("age_at_start_of_follow_up", "Age at start of follow-up"),
        ("age_points", "Age points"),
        ("age_at_last_sexual_sanction", "Age at last sexual sanction"),
        ("last_sexual_sanction_age_points", "Age at last sexual sanction points"),
        ("total_sanctions_points", "Total sanctions points"),
        ("stranger_points", "Stranger points"),
        ("band_before_reduction", "Band on points"),
        ("risk_reduction_applied", "Risk reduction applied"),
        ("risk_reduction_blockers", "Why the risk reduction does not apply"),
        ("probability", "Probability"),
    ),
    OspIicResult: (("rule", "Rule that applied"), ("rsr_percent", "Contribution to RSR (%)")),
    SnsvResult: (
        ("age_at_start_of_follow_up", "Age at start of follow-up"),
        ("age_at_current_conviction", "Age at current conviction"),
        ("criminal_career_years", "Years from first sanction to current conviction (g)"),
        ("months_since_start_of_follow_up", "Months since start of follow-up (m)"),
        ("offence_category", "SNSV offence category"),
        ("linear_score", "Sum of the terms"),
        ("probability", "Probability"),
    ),
    RsrResult: (
        ("snsv_percent", "SNSV (%)"),
        ("osp_dc_percent", "OSP/DC (%)"),
        ("osp_iic_percent", "OSP/IIC (%)"),
        ("female_sexual_history_percent", "Female with a sexual offence history (%)"),
        ("unrounded_percent", "Sum before rounding (%)"),
    ),
}
HEADLINES: dict[type, frozenset[str]] = {
    Ogrs3Result: frozenset({"one_year_percent", "two_year_percent", "band"}),
    OgpResult: frozenset({"one_year_percent", "two_year_percent", "band"}),
    OvpResult: frozenset({"one_year_percent", "two_year_percent", "band"}),
    OspDcResult: frozenset({"applicable", "points", "band", "percent"}),
    OspIicResult: frozenset({"applicable", "band", "percent"}),
    SnsvResult: frozenset({"variant", "percent", "missing_dynamic_inputs", "terms"}),
    RsrResult: frozenset({"percent", "band", "variant", "snsv", "osp_dc", "osp_iic"}),
}


def _two_year(what: str) -> Callable[[Any], tuple[Row, ...]]:
    return lambda r: (
        Row(f"1-year {what}", percent(r.one_year_percent)),
        Row(f"2-year {what}", percent(r.two_year_percent)),
    )


SCORES: dict[type, Callable[[Any], tuple[Row, ...]]] = {
    Ogrs3Result: _two_year("proven reoffending"),
    OgpResult: _two_year("general reoffending"),
    OvpResult: _two_year("violent reoffending"),
    OspDcResult: lambda r: (Row("OSP/DC score", percent(r.percent)), Row("Points", str(r.points))),
    OspIicResult: lambda r: (Row("OSP/IIC score", percent(r.percent)),),
    SnsvResult: lambda r: (Row("SNSV score", percent(r.percent)),),
    RsrResult: lambda r: (Row("RSR score", percent(r.percent)),),
}


NOT_APPLICABLE_NOTE = "OSP does not apply to females or to anyone with no sexual offence history."


def _notes(result: object) -> tuple[str, ...]:
    if isinstance(result, OspDcResult | OspIicResult) and not result.applicable:
        return (NOT_APPLICABLE_NOTE,)
    if isinstance(result, SnsvResult):
        return (_variant_note("SNSV", result),)
    if isinstance(result, RsrResult):
        return (_variant_note("RSR", result.snsv),)
    return ()


def _variant_note(name: str, snsv: SnsvResult) -> str:
    """predictors.md § SNSV: the dynamic variant only when every dynamic input is present (and RSR
    is static or dynamic as its SNSV is)."""
    if not snsv.missing_dynamic_inputs:
        return f"{name} used the dynamic variant: every assessment answer was given."
    missing = len(snsv.missing_dynamic_inputs)
    return (
        f"{name} used the static variant (criminal history only): {missing} assessment "
        f"{'answer was' if missing == 1 else 'answers were'} not known."
    )


def _applicable(result: object) -> bool:
    return not isinstance(result, OspDcResult | OspIicResult) or result.applicable


def _tables(result: object) -> tuple[Table, ...]:
    if not _applicable(result):
        return ()
    caption = "Components" if isinstance(result, RsrResult) else HOW_CALCULATED
    tables = [Table(caption, _rows(result, FEATURES[type(result)]))]
    if isinstance(result, SnsvResult):
        tables.append(_terms_table(result))
    if isinstance(result, RsrResult):
        tables += [
            Table("SNSV: how it was calculated", _rows(result.snsv, FEATURES[SnsvResult])),
            _terms_table(result.snsv),
        ]
        for name, component in (("OSP/DC", result.osp_dc), ("OSP/IIC", result.osp_iic)):
            if component.applicable:
                tables.append(
                    Table(f"{name}: how it was calculated", _rows(component, FEATURES[type(component)]))
                )
    return tuple(tables)


def _terms_table(snsv: SnsvResult) -> Table:
    rows = tuple(Row(term.name[:1].upper() + term.name[1:], number(term.value)) for term in snsv.terms)
    return Table(f"SNSV terms ({snsv.variant.value} variant)", rows)


def result_panel(calculator: Calculator, inputs: object, result: object) -> ResultPanel:
    """What the result panel shows: scores, band, notes, the inputs used and how it was worked out."""
    band = getattr(result, "band", None)
    return ResultPanel(
        title=f"{calculator.name} result",
        scores=SCORES[type(result)](result),
        band=BAND_TAGS[band] if band is not None else None,
        notes=_notes(result),
        inputs=input_rows(calculator, inputs),
        tables=_tables(result),
    )


def unshown_result_fields(result_type: type) -> set[str]:
    """Result fields neither headlined nor in the table (should be empty: checked by a test)."""
    shown = HEADLINES[result_type] | {name for name, _ in FEATURES[result_type]}
    return {field.name for field in fields(result_type)} - shown
