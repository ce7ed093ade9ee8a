"""The equality monitoring tables (equality.md): per outcome, one table per dimension with each
group's count, rate and relative rate against everyone else, with the small-number suppression."""

from dataclasses import dataclass

from probation.insights.selectors.figures import EqualityCounts
from probation.rules.insights.groups import DIMENSION_LABELS, Dimension, group_labels
from probation.rules.insights.relative_rate import COMPARISON_LABELS, Comparison, group_figure

FEWER_THAN_10 = "fewer than 10"
TAG_COLOURS = {Comparison.HIGHER: "red", Comparison.LOWER: "blue", Comparison.NO_CLEAR_DIFFERENCE: "grey"}


@dataclass(frozen=True)
class GroupRow:
    group: str
    people: str
    with_outcome: str
    rate: str
    relative: str
    comparison: str
    colour: str


@dataclass(frozen=True)
class DimensionTable:
    dimension: str
    title: str
    rows: list[GroupRow]
    total_people: int
    total_with_outcome: int


def _row(label: str, with_outcome: int, people: int, total_a: int, total_n: int) -> GroupRow:
    figure = group_figure(
        with_outcome=with_outcome, people=people, total_with_outcome=total_a, total_people=total_n
    )
    if figure.group_suppressed or figure.relative is None:
        return GroupRow(label, FEWER_THAN_10, FEWER_THAN_10, FEWER_THAN_10, FEWER_THAN_10, "", "")
    rounded = figure.relative.rounded()
    comparison = figure.relative.comparison
    if rounded is None:
        relative, text = f"Not computed: {figure.relative.not_computed_reason.lower()}", ""
    else:
        ratio, lower, upper = rounded
        relative, text = f"{ratio} ({lower} to {upper})", COMPARISON_LABELS[comparison]
    return GroupRow(
        group=label,
        people=f"{people:,}",
        with_outcome=FEWER_THAN_10 if figure.with_outcome is None else f"{figure.with_outcome:,}",
        rate=f"{figure.rate_percent}%",
        relative=relative,
        comparison=text,
        colour=TAG_COLOURS.get(comparison, ""),
    )


def outcome_tables(counts: EqualityCounts) -> list[DimensionTable]:
    tables = []
    for dimension in Dimension:
        groups = counts.counts.get(dimension.value, {})
        total_a = sum(a for a, _ in groups.values())
        total_n = sum(n for _, n in groups.values())
        rows = [
            _row(label, *groups[key], total_a, total_n)
            for key, label in group_labels(dimension).items()
            if key in groups
        ]
        tables.append(DimensionTable(dimension.value, DIMENSION_LABELS[dimension], rows, total_n, total_a))
    return tables
