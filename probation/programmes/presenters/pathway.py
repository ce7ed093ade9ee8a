"""The pathway for display: one summary row per step of the reasoning."""

from typing import NamedTuple

from probation.programmes.selectors.pathway import PathwayView


class Row(NamedTuple):
    key: str
    value: str


def _or_missing(level: object) -> str:
    return str(level).capitalize() if level else "Information missing"


def pathway_rows(view: PathwayView) -> list[Row]:
    result = view.result
    rows = [Row("Pathway", result.label)]
    rows.append(
        Row(
            "Risk",
            f"{_or_missing(result.risk.level)}: {'; '.join(result.risk.reasons) or 'no medium score'}",
        )
    )
    domains = "; ".join(
        f"{d.name} {d.score if d.score is not None else 'missing'} ({d.reason})" for d in result.need.domains
    )
    need = _or_missing(result.need.level)
    if result.need.score is not None:
        need = f"{need} (total {result.need.score})"
    rows.append(Row("Need", f"{need}: {domains}"))
    if result.reasons:
        rows.append(Row("Why", "; ".join(result.reasons)))
    if result.missing:
        rows.append(Row("Missing", ", ".join(result.missing)))
    rows.append(Row("Learning disabilities or challenges", result.ldc_reason))
    source = "No completed needs assessment"
    if view.assessment is not None and view.assessment.completed_at:
        source = f"Needs assessment completed {view.assessment.completed_at:%-d %B %Y}"
    rows.append(Row("Answers from", source))
    return rows
