"""Reads of the stored aggregates (never of case records): one area's figures for one measure over
the months of the latest run, and the equality figures of the latest period."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Subquery

from probation.insights.models import AggregationRun, AreaFigure, EqualityFigure
from probation.insights.selectors.areas import Area

MONTHS = 13


def _month_back(day: dt.date, back: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - back
    return dt.date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Figures:
    as_of: dt.date | None
    months: list[dt.date]  # oldest first
    values: dict[tuple[dt.date, str], int] = field(default_factory=dict)

    def value(self, month: dt.date, category: str) -> int:
        return self.values.get((month, category), 0)

    def month(self, month: dt.date) -> dict[str, int]:
        return {category: value for (m, category), value in self.values.items() if m == month}

    def categories(self) -> set[str]:
        return {category for _, category in self.values}


def latest_run() -> AggregationRun | None:
    return AggregationRun.objects.order_by("-finished_at", "-id").first()


def area_figures(*, area: Area, measure: str, run: AggregationRun | None) -> Figures:
    if run is None:
        return Figures(None, [])
    months = [_month_back(run.as_of, back) for back in range(MONTHS - 1, -1, -1)]
    rows = AreaFigure.objects.filter(
        level=area.level, area_code=area.code, measure=measure, month__gte=months[0], month__lte=months[-1]
    ).values_list("month", "category", "value")
    return Figures(run.as_of, months, {(month, category): value for month, category, value in rows})


@dataclass(frozen=True)
class EqualityCounts:
    period: tuple[dt.date, dt.date] | None
    # dimension -> {group: (with outcome, people)}
    counts: dict[str, dict[str, tuple[int, int]]]


def equality_counts(*, area: Area, outcome: str, run: AggregationRun | None) -> EqualityCounts:
    """The area's counts for one outcome in the latest period (one query)."""
    if run is None:
        return EqualityCounts(None, {})
    mine = EqualityFigure.objects.filter(level=area.level, area_code=area.code, outcome=outcome)
    latest = mine.order_by("-period_end").values("period_end")[:1]
    rows = mine.filter(period_end=Subquery(latest)).values_list(
        "period_start", "period_end", "dimension", "group", "with_outcome", "people"
    )
    counts: dict[str, dict[str, tuple[int, int]]] = {}
    period = None
    for start, end, dimension, group, with_outcome, people in rows:
        period = (start, end)
        counts.setdefault(dimension, {})[group] = (with_outcome, people)
    return EqualityCounts(period, counts)
