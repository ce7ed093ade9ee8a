"""Display of court performance: the table rows, the bar chart's bars (each with its value as text,
so the chart never relies on colour or bar length alone) and the CSV rows."""

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from probation.frontend.charts import BarChart, vertical_bar_chart
from probation.reports.models import ReportType
from probation.reports.selectors.performance import Figures, Performance


def month_label(month: dt.date) -> str:
    return f"{month:%B %Y}"


def _short_month(month: dt.date) -> str:
    return f"{month:%b %y}"


def percent_text(value: int | None) -> str:
    return "No reports" if value is None else f"{value}%"


def mix_text(counts: Counter[str]) -> str:
    parts = [f"{label} {counts[value]}" for value, label in ReportType.choices if counts[value]]
    return ", ".join(parts) or "None"


@dataclass(frozen=True)
class FigureRow:
    label: str
    due: int
    on_time: int
    on_time_percent: str
    requested: str
    delivered: str
    followed: str


def figure_row(label: str, figures: Figures) -> FigureRow:
    followed, compared = figures.followed
    return FigureRow(
        label=label,
        due=figures.due,
        on_time=figures.on_time,
        on_time_percent=percent_text(figures.on_time_percent),
        requested=mix_text(figures.requested),
        delivered=mix_text(figures.delivered),
        followed=(
            f"{followed} of {compared} ({figures.followed_percent}%)"
            if compared
            else "No sentences to compare"
        ),
    )


def chart(months: Iterable[tuple[dt.date, Figures]]) -> BarChart:
    """One bar per month, its height the share delivered on time, its value written above it ("No
    reports" months have no bar, and say so with a dash)."""
    points = [
        (
            _short_month(month),
            figures.on_time_percent,
            "–" if figures.on_time_percent is None else f"{figures.on_time_percent}%",
        )
        for month, figures in months
    ]
    return vertical_bar_chart(
        id="chart",
        title="Reports delivered by the date required, by month",
        description=(
            "Bar chart: each bar is one month and is labelled with its percentage; "
            "the table beside it gives the same figures."
        ),
        points=points,
        maximum=100,
        caption="A dash means no report was due that month.",
    )


def scope_choices(courts: list[Any]) -> list[tuple[str, str]]:
    """The scopes the page can show: all the user's courts, each PDU, each court."""
    pdus = {court.pdu.code: court.pdu.name for court in courts}
    return [
        ("", "All your courts"),
        *[(f"pdu-{code}", f"PDU: {name}") for code, name in sorted(pdus.items(), key=lambda p: p[1])],
        *[(f"court-{court.code}", f"Court: {court.name}") for court in courts],
    ]


def scope_court_ids(courts: list[Any], scope: str) -> set[int] | None:
    """The court ids of a scope value; None for one the user has not got (the page answers 404)."""
    if not scope:
        return {court.pk for court in courts}
    kind, _, code = scope.partition("-")
    if kind == "pdu":
        ids = {court.pk for court in courts if court.pdu.code == code}
    elif kind == "court":
        ids = {court.pk for court in courts if court.code == code}
    else:
        ids = set()
    return ids or None


CSV_HEADER = [
    "Month",
    "PDU",
    "Court",
    "Reports due",
    "Delivered by the date required",
    "Delivered by the date required (%)",
    *[f"Requested: {label}" for _, label in ReportType.choices],
    *[f"Delivered: {label}" for _, label in ReportType.choices],
    "Sentences compared with the proposal",
    "Sentence followed the proposal",
    "Sentence followed the proposal (%)",
]


def csv_rows(performance: Performance, court_ids: set[int]) -> list[list[object]]:
    """One row per month and court, oldest month first (names are neutralised by csv_write)."""
    rows: list[list[object]] = [list(CSV_HEADER)]
    for month in performance.months:
        for court in performance.courts:
            if court.pk not in court_ids:
                continue
            figures = performance.for_courts({court.pk}, month)
            followed, compared = figures.followed
            rows.append(
                [
                    month.strftime("%Y-%m"),
                    court.pdu.name,
                    court.name,
                    figures.due,
                    figures.on_time,
                    "" if figures.on_time_percent is None else figures.on_time_percent,
                    *[figures.requested[value] for value in ReportType.values],
                    *[figures.delivered[value] for value in ReportType.values],
                    compared,
                    followed,
                    "" if figures.followed_percent is None else figures.followed_percent,
                ]
            )
    return rows
