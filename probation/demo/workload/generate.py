"""Workload demo data: a few of the demo senior PO's officers get the reductions workload.md names
(a newly qualified PO at 20 %, trade-union facility time, a phased return) and one works part time,
so the team workload page shows capacity bars that differ for reasons other than caseload.

Everything goes through the workload services, audited as the senior PO. Running it again adds nothing
(an officer who already has a reduction is left alone)."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from probation.accounts.models import User
from probation.accounts.models.staff import CASE_HOLDING_GRADES
from probation.workload.models import ContractedHours, Reduction
from probation.workload.services.reductions import contracted_hours_set, reduction_create

DEMO_MANAGER = "spo"
# (reason, hours a week, months it has run, months still to run or None, details)
PLAN: tuple[tuple[str, str, int, int | None, str], ...] = (
    ("newly_qualified", "7.4", 3, 6, ""),
    ("trade_union", "3.7", 12, None, "Branch secretary, one half-day a week"),
    ("phased_return", "14.8", 1, 1, ""),
)
PART_TIME_HOURS = Decimal("22.5")


class NoDemoManager(Exception):
    pass


@dataclass
class Result:
    reductions: int = 0
    part_time: int = 0


def _months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, 28))


def generate(*, today: dt.date, log: Callable[[str], object] = print) -> Result:
    manager = User.objects.select_related("staff__team").filter(username=DEMO_MANAGER).first()
    if manager is None or manager.staff is None:
        raise NoDemoManager("No demo senior PO: run generate_data --demo-users first")
    officers = list(
        manager.staff.team.staff.filter(active=True, grade__in=CASE_HOLDING_GRADES)
        .exclude(pk=manager.staff.pk)
        .order_by("code")
    )
    result = Result()
    reduced = set(Reduction.objects.filter(staff__in=officers).values_list("staff_id", flat=True))
    for officer, (reason, hours, ran, to_run, details) in zip(officers, PLAN, strict=False):
        if officer.pk in reduced:
            continue
        reduction_create(
            actor=manager,
            officer_code=officer.code,
            reason=reason,
            hours=Decimal(hours),
            starts_on=_months(today, -ran),
            ends_on=_months(today, to_run) if to_run is not None else None,
            details=details,
        )
        result.reductions += 1
    part_timer = officers[len(PLAN)] if len(officers) > len(PLAN) else None
    if part_timer is not None and not ContractedHours.objects.filter(staff=part_timer).exists():
        contracted_hours_set(actor=manager, officer_code=part_timer.code, hours=PART_TIME_HOURS)
        result.part_time += 1
    team = manager.staff.team.name
    log(f"{result.reductions} reductions and {result.part_time} part-time contract in {team}")
    return result
