"""Reads for the workload pages: a team's officers with their workloads, an officer's own, and the
reductions history. Scope: a senior PO sees the officers of their own team; anyone else only their
own workload. An officer outside that scope is "not found", as one that does not exist."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from probation.accounts.models import Staff, Team, User
from probation.accounts.models.staff import CASE_HOLDING_GRADES
from probation.accounts.policy import Permission, has_permission
from probation.core.errors import NotFound
from probation.people.models import Person
from probation.people.policy import people_listable_to
from probation.rules.workload.caseload import Workload
from probation.workload.models import Reduction
from probation.workload.selectors.caseload import officer_workloads

UNTIERED_LIMIT = 100


@dataclass
class TeamWorkload:
    team: Team
    on: dt.date
    officers: list[Staff]
    workloads: dict[int, Workload]
    untiered: list[Any]  # ListedPerson, with officer
    untiered_total: int


def team_officers(team: Team) -> QuerySet[Staff]:
    return (
        Staff.objects.filter(team=team, active=True, grade__in=CASE_HOLDING_GRADES)
        .select_related("team")
        .order_by("surname", "forename", "id")
    )


def untiered_cases(
    *, user: User, officer_ids: list[int], limit: int = UNTIERED_LIMIT
) -> tuple[list[Any], int]:
    """Cases on these caseloads with no tier yet (workload.md: not counted, listed as needing a tier),
    as this user may list them (restricted cases show only the CRN). Two queries."""
    found = people_listable_to(user, Person.objects.filter(officer_id__in=officer_ids, tier=""))
    rows = list(found.select_related("officer").order_by("officer__surname", "surname", "id")[:limit])
    total = len(rows) if len(rows) < limit else found.count()
    return rows, total


def team_workload(*, user: User, team: Team, on: dt.date) -> TeamWorkload:
    officers = list(team_officers(team))
    ids = [officer.pk for officer in officers]
    untiered, total = untiered_cases(user=user, officer_ids=ids)
    return TeamWorkload(team, on, officers, officer_workloads(officers, on), untiered, total)


def officer_get(*, user: User, code: str) -> Staff:
    """An officer whose workload ``user`` may see: themselves (WORKLOAD_OWN), or an officer of their
    own team (WORKLOAD_TEAM); anyone else is NotFound."""
    own = user.staff
    if own is None:
        raise NotFound(code)
    if own.code == code and has_permission(user, Permission.WORKLOAD_OWN):
        return Staff.objects.select_related("team").get(pk=own.pk)
    if not has_permission(user, Permission.WORKLOAD_TEAM):
        raise NotFound(code)
    officer = team_officers(own.team).filter(code=code).first()
    if officer is None:
        raise NotFound(code)
    return officer


def reduction_history(*, officer: Staff) -> QuerySet[Reduction]:
    return Reduction.objects.filter(staff=officer).select_related("created_by", "ended_by")
