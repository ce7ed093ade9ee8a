"""Display of the national view: table rows, the charts (probation.frontend.charts, each beside the
table that is its text alternative) and the CSV rows (written through probation.core.csv_export)."""

from collections.abc import Iterable

from probation.approved_premises.selectors.national import (
    AGE_BANDS,
    STAY_BANDS,
    National,
    Week,
    by_region_total,
)
from probation.frontend.charts import BarChart, horizontal_bar_chart, vertical_bar_chart


def percent(value: float | None) -> str:
    return "–" if value is None else f"{value:g}%"


def week_label(week: Week) -> str:
    return f"{week.starts:%-d %b}"


def week_rows(weeks: list[Week]) -> list[dict[str, object]]:
    return [
        {
            "label": f"Week from {week.starts:%-d %B %Y}",
            "bed_nights": week.bed_nights,
            "booked": week.booked,
            "free": week.free,
            "occupancy": percent(week.occupancy),
            "short_nights": week.short_nights,
        }
        for week in weeks
    ]


def occupancy_chart(national: National) -> BarChart:
    return vertical_bar_chart(
        id="occupancy-chart",
        title="Occupancy of the national estate, week by week",
        description=(
            "Bar chart: each bar is one week of the next 12, labelled with the share of bed-nights "
            "booked; the table below gives the same figures."
        ),
        points=[(week_label(w), w.occupancy, percent(w.occupancy)) for w in national.total],
        maximum=100,
        caption="Over 100% means more bookings than beds on some nights (a shortfall).",
    )


def region_rows(national: National) -> list[dict[str, object]]:
    return [
        {
            "region": region,
            "bed_nights": total.bed_nights,
            "booked": total.booked,
            "free": total.free,
            "free_per_night": round(total.free / (7 * len(national.total)), 1),
            "occupancy": percent(total.occupancy),
            "short_nights": total.short_nights,
        }
        for region, total in sorted(by_region_total(national).items())
    ]


def vacancies_chart(rows: list[dict[str, object]]) -> BarChart:
    return horizontal_bar_chart(
        id="vacancies-chart",
        title="Beds free on an average night in the next 12 weeks, by region",
        description=(
            "Bar chart: each bar is one region, labelled with its average number of beds free a night; "
            "the table beside it gives the same figures."
        ),
        points=[
            (str(r["region"]), max(float(str(r["free_per_night"])), 0), str(r["free_per_night"]))
            for r in rows
        ],
    )


def premises_rows(national: National) -> list[dict[str, object]]:
    rows = []
    for estate in national.premises:
        total = Week(national.today)
        for week in estate.weeks:
            total.bed_nights += week.bed_nights
            total.booked += week.booked
            total.short_nights += week.short_nights
        rows.append(
            {
                "name": estate.premises.name,
                "pk": estate.premises.pk,
                "region": estate.premises.region.name,
                "beds": estate.beds,
                "free_tonight": estate.free_tonight,
                "fewest_free": estate.fewest_free,
                "occupancy": percent(total.occupancy),
                "short_nights": total.short_nights,
            }
        )
    return rows


def _band_chart(id: str, title: str, what: str, counts: dict[str, int], bands: Iterable[str]) -> BarChart:
    return horizontal_bar_chart(
        id=id,
        title=title,
        description=f"Bar chart: each bar is one {what}, labelled with its count; the table beside it "
        "gives the same figures.",
        points=[(band, counts.get(band, 0), str(counts.get(band, 0))) for band in bands],
    )


def waiting_rows(national: National) -> list[dict[str, object]]:
    return [
        {
            "band": label,
            "assessments": national.assessments_by_age.get(label, 0),
            "placements": national.placements_by_age.get(label, 0),
        }
        for _, label in AGE_BANDS
    ]


def waiting_chart(national: National) -> BarChart:
    counts = {
        label: national.assessments_by_age.get(label, 0) + national.placements_by_age.get(label, 0)
        for _, label in AGE_BANDS
    }
    return _band_chart(
        "waiting-chart",
        "Applications waiting (for assessment or a bed), by age",
        "age band",
        counts,
        [label for _, label in AGE_BANDS],
    )


def stays_chart(national: National) -> BarChart:
    return _band_chart(
        "stays-chart", "Stays against their expected length", "kind of stay", dict(national.stays), STAY_BANDS
    )


def csv_rows(national: National) -> list[list[object]]:
    """One row per premises and week, then the waiting and stay figures."""
    rows: list[list[object]] = [
        [
            "Region",
            "Premises code",
            "Premises",
            "Week starting",
            "Bed-nights",
            "Booked",
            "Free",
            "Occupancy (%)",
            "Nights short",
        ]
    ]
    for estate in national.premises:
        for week in estate.weeks:
            rows.append(
                [
                    estate.premises.region.name,
                    estate.premises.code,
                    estate.premises.name,
                    week.starts.isoformat(),
                    week.bed_nights,
                    week.booked,
                    week.free,
                    "" if week.occupancy is None else week.occupancy,
                    week.short_nights,
                ]
            )
    rows.append([])
    rows.append(["Waiting", "Awaiting assessment", "Awaiting a bed"])
    rows.extend([r["band"], r["assessments"], r["placements"]] for r in waiting_rows(national))
    rows.append([])
    rows.append(["Stays", "Count"])
    rows.extend([band, national.stays.get(band, 0)] for band in STAY_BANDS)
    return rows
