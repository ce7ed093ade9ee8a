"""Display rows for the predictor scores page so templates hold no logic."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from probation.rules.offences.descriptions import offence_description
from probation.rules.predictors.common import label
from probation.scores.models import PredictorScore, PredictorSlug
from probation.scores.services.scores import Problem

# The band is always written in the tag, so colour never carries the meaning alone.
BAND_TAGS: dict[str, tuple[str, str]] = {
    "low": ("Low", "govuk-tag govuk-tag--green"),
    "medium": ("Medium", "govuk-tag govuk-tag--yellow"),
    "high": ("High", "govuk-tag govuk-tag--orange"),
    "very_high": ("Very high", "govuk-tag govuk-tag--red"),
    "not_applicable": ("Not applicable", "govuk-tag govuk-tag--grey"),
}
DESCRIPTIONS: dict[str, str] = {
    "ogrs3": "Proven reoffending within 1 and 2 years, from criminal history (OGRS version 3)",
    "ogp": "General reoffending, adding needs-assessment answers to OGRS3",
    "ovp": "Violent reoffending within 1 and 2 years",
    "osp_dc": "Sexual reoffending involving direct contact",
    "osp_iic": "Indecent images and indirect-contact sexual reoffending",
    "snsv": "Serious non-sexual violence (the violent component of RSR)",
    "rsr": "Risk of serious recidivism: SNSV + OSP/DC + OSP/IIC",
}


@dataclass(frozen=True)
class Row:
    key: str
    value: str


@dataclass(frozen=True)
class ScoreView:
    calculated_at: dt.datetime
    calculated_by: str
    headline: str
    band_label: str
    band_class: str
    inputs: list[Row]
    features: list[Row]


@dataclass(frozen=True)
class PredictorSection:
    slug: str
    title: str
    description: str
    current: ScoreView | None
    history: list[ScoreView]
    problems: tuple[Problem, ...]


def display(value: Any) -> str:
    if value is None:
        return "Not given"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dt.date):
        return f"{value:%-d %B %Y}"
    if isinstance(value, str):
        try:
            return f"{dt.date.fromisoformat(value):%-d %B %Y}"
        except ValueError:
            return value.replace("_", " ").capitalize() if value.islower() else value
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, list):
        return ", ".join(display(item) for item in value) or "None"
    return str(value)


def input_display(name: str, value: Any) -> str:
    """An input as shown; the offence code with its official description (issue 10 item 7)."""
    if name == "current_offence_code" and isinstance(value, str) and value:
        description = offence_description(value)
        return f"{value}: {description}" if description else f"{value} (no official description)"
    return display(value)


def headline(predictor: str, result: dict[str, Any]) -> str:
    if result.get("applicable") is False:
        return "Not applicable"
    if "two_year_percent" in result:
        return f"{result['two_year_percent']}% within 2 years ({result['one_year_percent']}% within 1 year)"
    variant = f" ({result['variant']})" if "variant" in result else ""
    if predictor == "osp_dc":
        return f"{result['points']} points, {result['percent']:.2f}%"
    if predictor == "osp_iic":
        return f"{result['percent']:.3f}%"
    return f"{result['percent']:.2f}%{variant}"


def feature_rows(features: dict[str, Any]) -> list[Row]:
    """Feature values as rows; SNSV's terms one per row; RSR's component results are shown on
    their own predictors, so nested results are left out."""
    rows = []
    for name, value in features.items():
        if isinstance(value, dict):
            continue
        if name == "terms":
            rows += [Row(f"Term: {term['name']}", display(term["value"])) for term in value]
            continue
        if name == "missing_dynamic_inputs":
            value = [label(item) for item in value]
        rows.append(Row(label(name), display(value)))
    return rows


def score_view(score: PredictorScore) -> ScoreView:
    band_label, band_class = BAND_TAGS.get(score.result.get("band", ""), ("", ""))
    return ScoreView(
        calculated_at=score.calculated_at,
        calculated_by=str(score.calculated_by),
        headline=headline(score.predictor, score.result),
        band_label=band_label,
        band_class=band_class,
        inputs=[Row(label(name), input_display(name, value)) for name, value in score.inputs.items()],
        features=feature_rows(score.features),
    )


def predictor_sections(
    history: dict[str, list[PredictorScore]], problems: dict[str, tuple[Problem, ...]]
) -> list[PredictorSection]:
    sections = []
    for slug, title in PredictorSlug.choices:
        views = [score_view(score) for score in history.get(slug, [])]
        sections.append(
            PredictorSection(
                slug=slug,
                title=str(title),
                description=DESCRIPTIONS[slug],
                current=views[0] if views else None,
                history=views,
                problems=problems.get(slug, ()),
            )
        )
    return sections
