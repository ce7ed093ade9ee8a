"""Bar charts drawn on the server as SVG (ADR "Server-rendered accessible charts").

One component for every chart in the service: a presenter builds a ``BarChart`` from plain
(label, value, value text) points, and ``frontend/components/bar_chart.html`` draws it. Each chart
has a title and a description (``role="img"`` named by both), writes every bar's value as text so it
never relies on colour or length alone, and sits beside the table that is its text alternative.
No JavaScript. Months read across (vertical bars); categories read down (horizontal bars), which
keeps long labels legible at 320 px.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

Point = tuple[str, float | None, str]  # label, value (None: no bar), the value as text

CHART_HEIGHT = 160  # vertical: the bars' area
BAR_WIDTH = 40
BAR_GAP = 12
CHART_TOP = 24  # room for the value above a full bar
AXIS_LABELS = 24
ROW_HEIGHT = 40  # horizontal: label line, then the bar
ROW_BAR = 14
ROW_LABEL = 14
H_WIDTH = 480
H_VALUE_ROOM = 90


@dataclass(frozen=True)
class Bar:
    x: int
    y: int
    width: int
    height: int
    value: str
    value_x: int
    value_y: int
    label: str
    label_x: int
    label_y: int


@dataclass(frozen=True)
class BarChart:
    id: str
    title: str
    description: str
    orientation: Literal["vertical", "horizontal"]
    bars: list[Bar]
    width: int
    height: int
    baseline: int
    caption: str = ""


def _scale(points: Sequence[Point], maximum: float | None) -> float:
    top = maximum if maximum is not None else max((v for _, v, _ in points if v is not None), default=0)
    return top or 1


def vertical_bar_chart(
    *,
    id: str,
    title: str,
    description: str,
    points: Sequence[Point],
    maximum: float | None = None,
    caption: str = "",
) -> BarChart:
    """One bar per point, left to right (e.g. one per month), its value written above it."""
    top = _scale(points, maximum)
    bars = []
    x = BAR_GAP
    baseline = CHART_TOP + CHART_HEIGHT
    for label, value, text in points:
        height = round(CHART_HEIGHT * (value or 0) / top)
        y = baseline - height
        centre = x + BAR_WIDTH // 2
        bars.append(Bar(x, y, BAR_WIDTH, height, text, centre, y - 6, label, centre, baseline + 16))
        x += BAR_WIDTH + BAR_GAP
    return BarChart(id, title, description, "vertical", bars, x, baseline + AXIS_LABELS, baseline, caption)


def horizontal_bar_chart(
    *,
    id: str,
    title: str,
    description: str,
    points: Sequence[Point],
    maximum: float | None = None,
    caption: str = "",
) -> BarChart:
    """One row per point, top to bottom (e.g. one per category): the label, then the bar and its value."""
    top = _scale(points, maximum)
    room = H_WIDTH - H_VALUE_ROOM
    bars = []
    for index, (label, value, text) in enumerate(points):
        y = index * ROW_HEIGHT
        width = round(room * (value or 0) / top)
        bar_y = y + ROW_LABEL + 4
        bars.append(
            Bar(0, bar_y, width, ROW_BAR, text, width + 6, bar_y + ROW_BAR - 2, label, 0, y + ROW_LABEL)
        )
    height = len(points) * ROW_HEIGHT
    return BarChart(id, title, description, "horizontal", bars, H_WIDTH, height, height, caption)
