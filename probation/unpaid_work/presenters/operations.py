"""The operations table, chart and CSV rows (issue 13 item 7). The chart is an SVG bar chart of hours
delivered a week, described by its title and the table that follows it (the accessible alternative)."""

from dataclasses import dataclass

from probation.unpaid_work.selectors.operations import Week

CHART_WIDTH, CHART_HEIGHT, BAR_GAP = 640, 200, 8
CSV_HEADER = [
    "Week beginning",
    "Sessions run",
    "Places",
    "People expected",
    "People attended",
    "Hours delivered",
    "Utilisation %",
    "Attendance %",
]


@dataclass(frozen=True)
class Bar:
    x: int
    y: int
    width: int
    height: int
    label: str
    value: str


def hours(minutes: int) -> str:
    return f"{minutes / 60:.1f}"


def chart_bars(weeks: list[Week]) -> list[Bar]:
    if not weeks:
        return []
    top = max((w.minutes for w in weeks), default=0) or 1
    width = (CHART_WIDTH - BAR_GAP * (len(weeks) + 1)) // len(weeks)
    bars = []
    for n, week in enumerate(weeks):
        height = round((CHART_HEIGHT - 20) * week.minutes / top)
        bars.append(
            Bar(
                x=BAR_GAP + n * (width + BAR_GAP),
                y=CHART_HEIGHT - height,
                width=width,
                height=height,
                label=f"{week.monday:%-d %b}",
                value=hours(week.minutes),
            )
        )
    return bars


def percent(value: int | None) -> str:
    return "" if value is None else str(value)


def csv_rows(weeks: list[Week]) -> list[list[object]]:
    header: list[object] = list(CSV_HEADER)
    return [header] + [
        [
            week.monday.isoformat(),
            week.sessions,
            week.places,
            week.expected,
            week.attended,
            hours(week.minutes),
            percent(week.utilisation),
            percent(week.attendance),
        ]
        for week in weeks
    ]
