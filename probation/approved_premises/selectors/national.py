"""The national view (issue 16 item 7): occupancy and vacancies per premises and region for the next
12 weeks, applications waiting by age, and stays against their expected length.

Figures only, no names: counted from five queries whatever the estate's size (capacity for every
premises over 84 nights is the matching search's three, probation.approved_premises.selectors.estate),
the people counted through the case policy like every other read."""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Q

from probation.accounts.models import User
from probation.accounts.policy import Permission, has_permission
from probation.approved_premises.models import (
    Assessment,
    BookingStatus,
    PlacementRequest,
    PlacementStatus,
    Premises,
    SpaceBooking,
)
from probation.approved_premises.selectors.estate import capacity_for
from probation.core.clock import LONDON, now
from probation.core.errors import NotFound
from probation.people.policy import people_visible_to

WEEKS = 12
# Ages of work waiting, in days since it arrived (upper bounds, the last open-ended).
AGE_BANDS = ((7, "Under 1 week"), (14, "1 to 2 weeks"), (28, "2 to 4 weeks"), (None, "4 weeks or more"))
# Stays against their expected length.
STAY_BANDS = (
    "Resident, within the expected stay",
    "Resident, past the expected departure",
    "Left early (last 12 months)",
    "Left on time (last 12 months)",
    "Left late (last 12 months)",
)


@dataclass
class Week:
    starts: dt.date
    bed_nights: int = 0  # beds × nights, less beds out of service
    booked: int = 0
    short_nights: int = 0  # nights with more bookings than beds (a shortfall)

    @property
    def free(self) -> int:
        return self.bed_nights - self.booked

    @property
    def occupancy(self) -> float | None:
        return round(100 * self.booked / self.bed_nights, 1) if self.bed_nights else None


@dataclass
class Estate:
    premises: Premises
    beds: int
    weeks: list[Week]
    free_tonight: int
    fewest_free: int


@dataclass
class National:
    today: dt.date
    premises: list[Estate]
    regions: dict[str, list[Week]] = field(default_factory=dict)
    total: list[Week] = field(default_factory=list)
    assessments_by_age: Counter[str] = field(default_factory=Counter)
    placements_by_age: Counter[str] = field(default_factory=Counter)
    stays: Counter[str] = field(default_factory=Counter)


def _weeks(today: dt.date) -> list[Week]:
    return [Week(today + dt.timedelta(weeks=i)) for i in range(WEEKS)]


def _add(into: list[Week], source: list[Week]) -> None:
    for mine, theirs in zip(into, source, strict=True):
        mine.bed_nights += theirs.bed_nights
        mine.booked += theirs.booked
        mine.short_nights += theirs.short_nights


def age_band(days: int) -> str:
    return next(label for upper, label in AGE_BANDS if upper is None or days < upper)


def national_view(*, user: User, today: dt.date) -> National:
    if not has_permission(user, Permission.AP_NATIONAL_VIEW):
        raise NotFound("national")
    estate = list(Premises.objects.select_related("region").order_by("region__name", "name"))
    capacity = capacity_for(estate, arrival=today, departure=today + dt.timedelta(weeks=WEEKS), today=today)
    national = National(today=today, premises=[], total=_weeks(today))
    for premises in estate:
        weeks = _weeks(today)
        nights = capacity[premises.pk].nights
        for index, night in enumerate(nights):
            week = weeks[index // 7]
            week.bed_nights += night.beds - night.out_of_service
            week.booked += night.booked
            week.short_nights += night.available < 0
        national.premises.append(
            Estate(
                premises,
                beds=nights[0].beds if nights else 0,
                weeks=weeks,
                free_tonight=nights[0].available if nights else 0,
                fewest_free=min((n.available for n in nights), default=0),
            )
        )
        _add(national.regions.setdefault(premises.region.name, _weeks(today)), weeks)
        _add(national.total, weeks)
    visible = people_visible_to(user)
    at = now()
    for arrived in Assessment.objects.filter(decision="", application__person__in=visible).values_list(
        "created_at", flat=True
    ):
        national.assessments_by_age[age_band((at - arrived).days)] += 1
    for arrived in PlacementRequest.objects.filter(
        status=PlacementStatus.AWAITING_MATCH, person__in=visible
    ).values_list("created_at", flat=True):
        national.placements_by_age[age_band((at - arrived).days)] += 1
    national.stays = _stays(user=user, today=today)
    return national


def _stays(*, user: User, today: dt.date) -> Counter[str]:
    """Residents within or past their expected departure; stays ended in the last year that ended
    before, on or after the expected departure date."""
    year_ago = today - dt.timedelta(days=365)
    counts: Counter[str] = Counter(dict.fromkeys(STAY_BANDS, 0))
    rows = SpaceBooking.objects.filter(person__in=people_visible_to(user)).filter(
        Q(status=BookingStatus.ARRIVED)
        | Q(status=BookingStatus.DEPARTED, departed_at__date__gte=year_ago, departure_reason__gt="")
    )
    for status, expected, departed_at in rows.values_list("status", "departure_on", "departed_at"):
        if status == BookingStatus.ARRIVED:
            counts[STAY_BANDS[1] if today > expected else STAY_BANDS[0]] += 1
            continue
        left = departed_at.astimezone(LONDON).date() if departed_at else expected
        counts[
            STAY_BANDS[2] if left < expected else STAY_BANDS[3] if left == expected else STAY_BANDS[4]
        ] += 1
    return counts


def by_region_total(national: National) -> dict[str, Week]:
    """Each region's 12 weeks added up (for the region table and chart)."""
    return {region: _sum(weeks, national.today) for region, weeks in national.regions.items()}


def _sum(weeks: list[Week], today: dt.date) -> Week:
    total = Week(today)
    for week in weeks:
        total.bed_nights += week.bed_nights
        total.booked += week.booked
        total.short_nights += week.short_nights
    return total
