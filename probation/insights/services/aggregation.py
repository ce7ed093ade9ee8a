"""The nightly aggregation (issue 17 items 3 and 4): every area figure and equality figure rebuilt
from the case records by grouped queries, then written in one transaction, so pages never see half
a night's figures. Rows come back already counted per team (or PDU) and category; they are added up
here to PDU, region and country (a few thousand sums, never a loop over people)."""

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q

from probation.accounts.models import PDU, Team
from probation.core.clock import now
from probation.insights import measures
from probation.insights.models import COUNTRY_CODE, AggregationRun, AreaFigure, AreaLevel, EqualityFigure
from probation.insights.services import area_queries, equality_queries
from probation.insights.services.area_queries import Row

MONTHS = 13  # this month and the 12 before it
BATCH = 5000
AreaKey = tuple[str, str]


def month_start(day: dt.date, back: int = 0) -> dt.date:
    index = day.year * 12 + day.month - 1 - back
    return dt.date(index // 12, index % 12 + 1, 1)


def month_end(first: dt.date) -> dt.date:
    return month_start(first, -1) - dt.timedelta(days=1)


def equality_period(as_of: dt.date) -> tuple[dt.date, dt.date]:
    """The 12 whole months before the run date's month."""
    return month_start(as_of, 12), month_start(as_of) - dt.timedelta(days=1)


@dataclass(frozen=True)
class Areas:
    team_code: dict[int, str]
    pdu_code: dict[int, str]
    region_of_pdu: dict[int, str]

    @classmethod
    def load(cls) -> "Areas":
        pdus = list(PDU.objects.values_list("id", "code", "region__code"))
        return cls(
            team_code=dict(Team.objects.values_list("id", "code")),
            pdu_code={pk: code for pk, code, _ in pdus},
            region_of_pdu={pk: region for pk, _, region in pdus},
        )

    def keys(self, team: int | None, pdu: int) -> Iterator[AreaKey]:
        if team is not None:
            yield AreaLevel.TEAM.value, self.team_code[team]
        yield from self.pdu_keys(pdu)

    def pdu_keys(self, pdu: int) -> Iterator[AreaKey]:
        yield AreaLevel.PDU.value, self.pdu_code[pdu]
        yield AreaLevel.REGION.value, self.region_of_pdu[pdu]
        yield AreaLevel.COUNTRY.value, COUNTRY_CODE


def _area_counts(areas: Areas, as_of: dt.date) -> Counter[tuple[str, str, str, dt.date, str]]:
    counts: Counter[tuple[str, str, str, dt.date, str]] = Counter()

    def add(measure: str, rows: Iterable[Row]) -> None:
        for team, pdu, month, category, value in rows:
            for level, code in areas.keys(team, pdu):
                counts[(level, code, measure, month, category)] += value

    current = month_start(as_of)
    month_ends = {
        month_start(as_of, back): min(month_end(month_start(as_of, back)), as_of) for back in range(MONTHS)
    }
    add(measures.HISTORY_MEASURES[0], area_queries.caseload_by_sentence(month_ends))
    for measure, snapshot in area_queries.SNAPSHOTS.items():
        add(measure, snapshot(current, as_of))
    for measure, flow in area_queries.FLOWS.items():
        add(measure, flow(month_start(as_of, MONTHS - 1), as_of))
    return counts


def _equality_counts(areas: Areas, start: dt.date, end: dt.date) -> Counter[tuple[str, ...]]:
    counts: Counter[tuple[str, ...]] = Counter()
    for pdu, outcome, dimension, group, people, with_outcome in equality_queries.equality_rows(start, end):
        for level, code in areas.pdu_keys(pdu):
            counts[(level, code, outcome, dimension, group, "people")] += people
            counts[(level, code, outcome, dimension, group, "with_outcome")] += with_outcome
    return counts


def _equality_figures(counts: Counter[tuple[str, ...]], start: dt.date, end: dt.date) -> list[EqualityFigure]:
    return [
        EqualityFigure(
            level=level,
            area_code=code,
            period_start=start,
            period_end=end,
            outcome=outcome,
            dimension=dimension,
            group=group,
            people=people,
            with_outcome=counts[(level, code, outcome, dimension, group, "with_outcome")],
        )
        for (level, code, outcome, dimension, group, kind), people in counts.items()
        if kind == "people"
    ]


def aggregate(*, as_of: dt.date) -> AggregationRun:
    """Rebuild the figures as of ``as_of``: the flow measures and the sentence caseload for the last
    13 months, the snapshot measures for this month (earlier months' snapshots are kept), and the
    equality figures for the 12 whole months before this one."""
    started = now()
    areas = Areas.load()
    counts = _area_counts(areas, as_of)
    start, end = equality_period(as_of)
    equality = _equality_figures(_equality_counts(areas, start, end), start, end)
    first = month_start(as_of, MONTHS - 1)
    rebuilt = Q(measure__in=[*measures.FLOW_MEASURES, *measures.HISTORY_MEASURES], month__gte=first) | Q(
        measure__in=measures.SNAPSHOT_MEASURES, month=month_start(as_of)
    )
    figures = (
        AreaFigure(level=level, area_code=code, measure=measure, month=month, category=category, value=value)
        for (level, code, measure, month, category), value in counts.items()
    )
    with transaction.atomic():
        AreaFigure.objects.filter(rebuilt).delete()
        AreaFigure.objects.bulk_create(figures, batch_size=BATCH)
        EqualityFigure.objects.filter(period_end=end).delete()
        EqualityFigure.objects.bulk_create(equality, batch_size=BATCH)
        return AggregationRun.objects.create(
            started_at=started,
            finished_at=now(),
            as_of=as_of,
            area_rows=len(counts),
            equality_rows=len(equality),
        )
