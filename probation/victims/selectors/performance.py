"""The units' performance (issue 15 item 7): first contacts made within 40 working days, the opt-in
rate and open tasks by age, per regional unit, in three grouped queries whatever the number of cases.
Counts only: no case, offender or victim is named."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, F, Q

from probation.accounts.models import Region
from probation.victims.models import KeyStageTask, SchemeCase, Victim


@dataclass(frozen=True)
class UnitFigures:
    region: Region
    open_cases: int
    contacts_due: int  # cases whose first contact is made or due by today
    in_time: int
    overdue: int
    victims: int
    opted_in: int
    tasks_week: int
    tasks_month: int
    tasks_older: int

    @property
    def in_time_percent(self) -> int | None:
        return round(100 * self.in_time / self.contacts_due) if self.contacts_due else None

    @property
    def in_time_detail(self) -> str:
        return f"{self.in_time} of {self.contacts_due}"

    @property
    def opt_in_detail(self) -> str:
        return f"{self.opted_in} of {self.victims}"

    @property
    def opt_in_percent(self) -> int | None:
        return round(100 * self.opted_in / self.victims) if self.victims else None


def unit_performance(*, today: dt.date) -> list[UnitFigures]:
    week, month = today - dt.timedelta(days=7), today - dt.timedelta(days=28)
    cases = {
        row["region_id"]: row
        for row in SchemeCase.objects.values("region_id").annotate(
            open_cases=Count("id", filter=Q(closed_on__isnull=True)),
            contacts_due=Count(
                "id", filter=Q(first_contact_on__isnull=False) | Q(first_contact_due__lt=today)
            ),
            in_time=Count("id", filter=Q(first_contact_on__lte=F("first_contact_due"))),
            overdue=Count("id", filter=Q(first_contact_on__isnull=True, first_contact_due__lt=today)),
        )
    }
    victims = {
        row["scheme_case__region_id"]: row
        for row in Victim.objects.values("scheme_case__region_id").annotate(
            victims=Count("id"), opted_in=Count("id", filter=Q(participation="opted_in"))
        )
    }
    tasks = {
        row["scheme_case__region_id"]: row
        for row in KeyStageTask.objects.filter(done_on__isnull=True)
        .values("scheme_case__region_id")
        .annotate(
            week=Count("id", filter=Q(told_on__gte=week)),
            month=Count("id", filter=Q(told_on__lt=week, told_on__gte=month)),
            older=Count("id", filter=Q(told_on__lt=month)),
        )
    }
    empty: dict[str, int] = {}
    return [
        UnitFigures(
            region=region,
            open_cases=cases.get(region.pk, empty).get("open_cases", 0),
            contacts_due=cases.get(region.pk, empty).get("contacts_due", 0),
            in_time=cases.get(region.pk, empty).get("in_time", 0),
            overdue=cases.get(region.pk, empty).get("overdue", 0),
            victims=victims.get(region.pk, empty).get("victims", 0),
            opted_in=victims.get(region.pk, empty).get("opted_in", 0),
            tasks_week=tasks.get(region.pk, empty).get("week", 0),
            tasks_month=tasks.get(region.pk, empty).get("month", 0),
            tasks_older=tasks.get(region.pk, empty).get("older", 0),
        )
        for region in Region.objects.order_by("name")
    ]
