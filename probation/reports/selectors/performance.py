"""Court performance (issue 11 item 7): per court and per PDU, month by month over the last 12
months — reports delivered by the date required, the mix of types requested and delivered, and how
often the sentence followed the proposal.

Every figure is counted in SQL, grouped by month and court (four queries, however many requests);
PDU and whole-scope figures are sums of the courts'. Scope: the court team sees their region's courts,
a senior PO their own PDU's (probation.reports.selectors.requests.courts_for_allocation).

The sentence passed: resulting records, on the hearing, the request it closed and the event it
created; the sentence type of that event is compared with the report's proposal.
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db.models import CharField, Count, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import TruncMonth

from probation.accounts.models import User
from probation.reports.models import ReportRequest, ReportType, RequestStatus
from probation.reports.selectors.requests import courts_for_allocation
from probation.rules.court_reports.performance import percentage, proposals_followed

MONTHS = 12
# A test may point this at another text column; otherwise the resulted hearing gives the sentence.
SENTENCED_TYPE_LOOKUP: str | None = None


def month_starts(today: dt.date, months: int = MONTHS) -> list[dt.date]:
    """The first day of each of the last ``months`` months, oldest first, this month last."""
    year, month = today.year, today.month
    starts = []
    for _ in range(months):
        starts.append(dt.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return starts[::-1]


@dataclass
class Figures:
    due: int = 0  # reports whose date required has passed, or that were delivered
    on_time: int = 0  # delivered on or before the date required
    requested: Counter[str] = field(default_factory=Counter)
    delivered: Counter[str] = field(default_factory=Counter)
    pairs: Counter[tuple[str | None, str | None]] = field(default_factory=Counter)

    def add(self, other: "Figures") -> None:
        self.due += other.due
        self.on_time += other.on_time
        self.requested.update(other.requested)
        self.delivered.update(other.delivered)
        self.pairs.update(other.pairs)

    @property
    def on_time_percent(self) -> int | None:
        return percentage(self.on_time, self.due)

    @property
    def followed(self) -> tuple[int, int]:
        return proposals_followed((p, s, n) for (p, s), n in self.pairs.items())

    @property
    def followed_percent(self) -> int | None:
        return percentage(*self.followed)


@dataclass
class Performance:
    months: list[dt.date]
    courts: list[Any]  # court.Court rows with their PDU
    cells: dict[tuple[dt.date, int], Figures]  # (month, court id) -> figures

    def for_courts(self, court_ids: set[int], month: dt.date | None = None) -> Figures:
        total = Figures()
        for (cell_month, court_id), figures in self.cells.items():
            if court_id in court_ids and (month is None or cell_month == month):
                total.add(figures)
        return total

    def by_month(self, court_ids: set[int]) -> list[tuple[dt.date, Figures]]:
        return [(month, self.for_courts(court_ids, month)) for month in self.months]

    def by_court(self) -> list[tuple[Any, Figures]]:
        return [(court, self.for_courts({court.pk})) for court in self.courts]

    def by_pdu(self) -> list[tuple[Any, Figures]]:
        pdus: dict[int, tuple[Any, set[int]]] = {}
        for court in self.courts:
            pdus.setdefault(court.pdu_id, (court.pdu, set()))[1].add(court.pk)
        return [(pdu, self.for_courts(ids)) for pdu, ids in sorted(pdus.values(), key=lambda p: p[0].name)]


def performance_courts(*, user: User) -> QuerySet:
    return courts_for_allocation(user).order_by("pdu__name", "name", "id")


def _cell(cells: dict[tuple[dt.date, int], Figures], month: Any, court_id: int) -> Figures:
    month = month.date() if isinstance(month, dt.datetime) else month
    return cells.setdefault((month, court_id), Figures())


def _sentenced_type() -> Any:
    """The type of the sentence passed at the hearing that closed the request (resulting records the
    request it closed and the event it created on the hearing; court sits above this app, so the
    hearing is read by model name)."""
    if SENTENCED_TYPE_LOOKUP:
        return F(SENTENCED_TYPE_LOOKUP)
    hearings = apps.get_model("court", "Hearing").objects.filter(
        closed_request=OuterRef("pk"), result_event__isnull=False
    )
    return Subquery(
        hearings.order_by("-pk").values("result_event__sentence__type")[:1], output_field=CharField()
    )


def proposal_pairs(requests: QuerySet[ReportRequest]) -> QuerySet:
    """(month, court, proposed type, sentenced type, how many) for the requests' completed reports:
    the proposal is the report's ``proposed_sentence["sentence_type"]``."""
    return (
        requests.filter(completed_on__isnull=False, report__isnull=False)
        .annotate(
            month=TruncMonth("completed_on"),
            proposed=KeyTextTransform("sentence_type", "report__proposed_sentence"),
            sentenced=_sentenced_type(),
        )
        .values("month", "court_id", "proposed", "sentenced")
        .annotate(n=Count("pk"))
        .order_by()
    )


def court_performance(*, user: User, court_ids: set[int] | None, today: dt.date) -> Performance:
    """The figures of the user's courts (``court_ids``: only those of them) over the last 12 months."""
    courts = list(performance_courts(user=user))
    if court_ids is not None:
        courts = [c for c in courts if c.pk in court_ids]
    months = month_starts(today)
    base = ReportRequest.objects.filter(court__in=[c.pk for c in courts]).exclude(
        status=RequestStatus.WITHDRAWN
    )
    cells: dict[tuple[dt.date, int], Figures] = {}
    timeliness = (
        base.filter(required_by__gte=months[0], required_by__lte=today)
        .filter(Q(completed_on__isnull=False) | Q(required_by__lt=today))
        .annotate(month=TruncMonth("required_by"))
        .values("month", "court_id")
        .annotate(due=Count("pk"), on_time=Count("pk", filter=Q(completed_on__lte=F("required_by"))))
        .order_by()
    )
    for row in timeliness:
        cell = _cell(cells, row["month"], row["court_id"])
        cell.due, cell.on_time = row["due"], row["on_time"]
    requested = (
        base.filter(requested_on__gte=months[0], requested_on__lte=today)
        .annotate(month=TruncMonth("requested_on"))
        .values("month", "court_id", "type_requested")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in requested:
        _cell(cells, row["month"], row["court_id"]).requested[row["type_requested"]] += row["n"]
    completed = base.filter(completed_on__gte=months[0], completed_on__lte=today)
    delivered = (
        completed.exclude(type_delivered="")
        .annotate(month=TruncMonth("completed_on"))
        .values("month", "court_id", "type_delivered")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in delivered:
        _cell(cells, row["month"], row["court_id"]).delivered[row["type_delivered"]] += row["n"]
    for row in proposal_pairs(completed):
        _cell(cells, row["month"], row["court_id"]).pairs[(row["proposed"], row["sentenced"])] += row["n"]
    return Performance(months=months, courts=courts, cells=cells)


REPORT_TYPES = list(ReportType)
