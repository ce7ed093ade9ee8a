"""The local information topics: what each page shows from one measure's figures — a chart of the
categories (with its table) and a chart over time (with its table) — and the CSV rows."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from probation.frontend.charts import BarChart, Point, horizontal_bar_chart, vertical_bar_chart
from probation.insights import measures
from probation.insights.models import Measure
from probation.insights.selectors.areas import Area
from probation.insights.selectors.figures import Figures

Headline = Callable[[dict[str, int]], tuple[float | None, str]]
BESIDE = "the table beside it gives the same figures."
COMPLETED_WELL = ("completed", "early_good_progress", "licence_expired")


def percent(part: int, whole: int) -> tuple[float | None, str]:
    if not whole:
        return None, "–"
    value = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return float(value), f"{value}%"


def _total(values: dict[str, int]) -> tuple[float | None, str]:
    total = sum(values.values())
    return total, f"{total:,}"


def _one(category: str) -> Headline:
    def headline(values: dict[str, int]) -> tuple[float | None, str]:
        return values.get(category, 0), f"{values.get(category, 0):,}"

    return headline


def _tier_ab(values: dict[str, int]) -> tuple[float | None, str]:
    tiered = sum(v for k, v in values.items() if k != measures.UNTIERED)
    return percent(sum(v for k, v in values.items() if k[:1] in "AB"), tiered)


def _failures_per_100(values: dict[str, int]) -> tuple[float | None, str]:
    appointments = values.get(measures.APPOINTMENTS, 0)
    if not appointments:
        return None, "–"
    rate = (Decimal(values.get(measures.FAILURES, 0)) * 100 / appointments).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )
    return float(rate), f"{rate}"


def _completed_well(values: dict[str, int]) -> tuple[float | None, str]:
    good = sum(v for k, v in values.items() if k.split(":")[-1] in COMPLETED_WELL)
    return percent(good, sum(values.values()))


def _tier_order(category: str) -> tuple[int, str]:
    if category == measures.UNTIERED:
        return 2, category
    return (1 if category.endswith("S") else 0), f"{category[0]}{9 - int(category[1])}"


@dataclass(frozen=True)
class Topic:
    slug: str
    measure: Measure
    title: str
    intro: str
    labels: dict[str, str]  # known categories in order; others (tiers, offence groups) by name
    flow: bool  # counts what happened each month (else the caseload at the month's end)
    headline_title: str
    headline: Headline
    share_of: str = ""  # the categories chart shows each as a share of this category
    percent: bool = False  # the headline is a percentage (its chart runs to 100)
    sort: Callable[[str], tuple[int, str]] | None = None

    def label(self, category: str) -> str:
        if category and category == self.share_of:
            return self.headline_title
        if self.measure == Measure.CASELOAD_TIER:
            return "Untiered" if category == measures.UNTIERED else f"Tier {category}"
        return self.labels.get(category, category)

    def ordered(self, categories: set[str]) -> list[str]:
        known = [c for c in self.labels if c in categories and c != self.share_of]
        rest = sorted(categories - set(self.labels) - {self.share_of}, key=self.sort or (lambda c: (0, c)))
        return known + rest


_CASELOAD = (
    "People under each type of sentence at the end of each month (this month: on the day the figures "
    "were made). Someone under two types counts once in each."
)
_TIERS = (
    "People under a sentence by their tier on the day the figures were made. Earlier months show the "
    "figures made in that month."
)
_NEEDS = (
    "Of the people under a sentence with a completed needs assessment, the share whose latest "
    "assessment shows each need (standard or severe, by the tiering rules)."
)
_COMPLIANCE = (
    "Failures to comply per 100 appointments with an outcome, by the month of the appointment. A "
    "failure to comply is an enforceable contact with an unacceptable outcome."
)
_ENDINGS = (
    "Orders and licences that ended each month, by why: completed successfully, terminated early for "
    "good progress, revoked and so on."
)
TOPICS = {
    t.slug: t
    for t in (
        Topic("caseload", Measure.CASELOAD_SENTENCE, "Caseload by sentence type", _CASELOAD,
              measures.SENTENCE_TYPES, False, "People under each type of sentence, added up", _total),
        Topic("tiers", Measure.CASELOAD_TIER, "Caseload by tier", _TIERS, {}, False,
              "Share of tiered cases in protect level A or B", _tier_ab, sort=_tier_order, percent=True),
        Topic("offending", Measure.OFFENCE_GROUP, "Offending by offence group",
              "The main offence of each sentence in force, by its Home Office offence group.",
              {}, False, "Sentences in force", _total),
        Topic("needs", Measure.NEEDS, "Needs", _NEEDS, measures.NEEDS, False,
              "People with a completed needs assessment", _one(measures.ASSESSED),
              share_of=measures.ASSESSED),
        Topic("compliance", Measure.COMPLIANCE, "Compliance", _COMPLIANCE, measures.COMPLIANCE, True,
              "Failures to comply per 100 appointments", _failures_per_100),
        Topic("enforcement", Measure.ENFORCEMENT, "Enforcement",
              "Enforcement decisions on failures to comply, by the month decided.",
              measures.ENFORCEMENT, True, "Enforcement decisions", _total),
        Topic("breach", Measure.BREACH, "Breach and outcomes",
              "Breaches initiated, by month, and the outcomes of breaches that ended.",
              measures.BREACH_OUTCOMES, True, "Breaches initiated", _one(measures.INITIATED)),
        Topic("recalls", Measure.RECALL, "Recalls by reason",
              "Decisions to recall, by the month decided and the reason.",
              measures.RECALL_REASONS, True, "Recalls", _total),
        Topic("endings", Measure.ENDED, "Orders and licences ended", _ENDINGS, measures.ENDED, True,
              "Share ended successfully (completed, early for good progress or expired)", _completed_well,
              percent=True),
    )
}  # fmt: skip


@dataclass(frozen=True)
class Row:
    label: str
    value: str
    share: str = ""


@dataclass(frozen=True)
class TopicPage:
    topic: Topic
    area: Area
    categories_chart: BarChart | None
    categories_rows: list[Row]
    categories_caption: str
    months_chart: BarChart
    months_rows: list[Row]


def month_label(month: dt.date) -> str:
    return f"{month:%B %Y}"


def _categories(topic: Topic, figures: Figures) -> tuple[list[Row], list[Point], str]:
    latest = figures.months[-1]
    if topic.flow:
        totals: dict[str, int] = {}
        for month in figures.months[1:]:
            for category, value in figures.month(month).items():
                totals[category] = totals.get(category, 0) + value
        caption = f"{month_label(figures.months[1])} to {month_label(latest)}"
    else:
        totals, caption = figures.month(latest), month_label(latest)
    whole = totals.get(topic.share_of, 0)
    rows, points = [], []
    for category in topic.ordered(set(totals)):
        value = totals[category]
        label = topic.label(category)
        if topic.share_of:
            share, text = percent(value, whole)
            rows.append(Row(label, f"{value:,}", text))
            points.append((label, share, text))
        else:
            rows.append(Row(label, f"{value:,}"))
            points.append((label, value, f"{value:,}"))
    return rows, points, caption


def topic_page(topic: Topic, area: Area, figures: Figures) -> TopicPage:
    rows, points, caption = _categories(topic, figures) if figures.months else ([], [], "")
    chart = None
    if points and topic.measure != Measure.COMPLIANCE:
        chart = horizontal_bar_chart(
            id="categories",
            title=f"{topic.title}, {caption}: {area.name}",
            description=f"Bar chart: one bar for each category, labelled with its figure; {BESIDE}",
            points=points,
            maximum=100 if topic.share_of else None,
        )
    month_rows, month_points = [], []
    for month in figures.months:
        counted = figures.month(month)
        # No row for a month: nothing happened, or (for today's-picture topics) no figures were made then.
        value, text = topic.headline(counted) if counted else (None, "–")
        month_rows.append(Row(month_label(month), text))
        month_points.append((f"{month:%b %y}", value, text))
    months_chart = vertical_bar_chart(
        id="months",
        title=f"{topic.headline_title}, by month: {area.name}",
        description=f"Bar chart: one bar for each month, labelled with its figure; {BESIDE}",
        points=month_points,
        maximum=100 if topic.percent else None,
        caption="A dash means there was nothing to count that month, or no figures were made then.",
    )
    return TopicPage(topic, area, chart, rows, caption, months_chart, month_rows)


CSV_HEADER = ["Area", "Area type", "Area code", "Figure", "Month", "Category", "Count"]


def csv_rows(topic: Topic, area: Area, figures: Figures) -> list[list[object]]:
    """One row per month and category, oldest month first (area names are neutralised by csv_write)."""
    rows: list[list[object]] = [list(CSV_HEADER)]
    present = figures.categories()
    categories = [c for c in [topic.share_of] if c in present] + topic.ordered(present)
    for month in figures.months:
        for category in categories:
            label = topic.label(category)
            rows.append(
                [
                    area.name,
                    area.level,
                    area.code,
                    topic.title,
                    f"{month:%Y-%m}",
                    label,
                    figures.value(month, category),
                ]
            )
    return rows
