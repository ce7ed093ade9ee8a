"""Who may read victim data: victim liaison staff of the case's region (victims.md § Keeping victim
data apart). Everyone else, and any case of another region, gets the same "not found" as an id that
does not exist. The offender manager's side (selectors/offender_side.py) reads no victim row."""

import datetime as dt

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from probation.accounts.models import Role, Staff, User
from probation.accounts.policy import Permission, has_permission
from probation.core.errors import NotFound
from probation.people.policy import people_visible_to
from probation.victims.models import KeyStageTask, SchemeCase, Victim
from probation.victims.models.scheme import SchemeCaseQuerySet


def vlo_region_id(user: User) -> int | None:
    """The region whose victim liaison unit the user works in, or None (no access to victim data).
    Read in one query and kept on the request's user: every selector and check asks."""
    if not has_permission(user, Permission.VICTIM_RECORDS) or user.staff_id is None:
        return None
    cached = user.__dict__.get("_victims_region_id")
    if cached is None:
        cached = Staff.objects.filter(pk=user.staff_id).values_list("team__pdu__region_id", flat=True).first()
        user.__dict__["_victims_region_id"] = cached
    return cached


def scheme_cases_visible_to(user: User) -> SchemeCaseQuerySet:
    region = vlo_region_id(user)
    if region is None:
        return SchemeCase.objects.none()
    return SchemeCase.objects.filter(region_id=region)


def unit_list(user: User) -> QuerySet[SchemeCase]:
    """The unit's open cases, not yet contacted first (soonest due first), then the rest: the offender
    (shown as CRN only where limited access locks this user out), the VLO and the open task count.
    The count is a correlated subquery rather than a join and GROUP BY, so the database works it out
    only for the page of rows shown."""
    open_tasks = (
        KeyStageTask.objects.filter(scheme_case=OuterRef("pk"), done_on__isnull=True)
        .order_by()
        .values("scheme_case")
        .annotate(n=Count("id"))
        .values("n")
    )
    return (
        scheme_cases_visible_to(user)
        .open()
        .select_related("person", "vlo")
        .only(
            "id",
            "scheme",
            "sentence_date",
            "first_contact_due",
            "first_contact_on",
            "person__id",
            "person__crn",
            "person__first_name",
            "person__middle_names",
            "person__surname",
            "vlo__id",
            "vlo__forename",
            "vlo__surname",
        )
        .annotate(
            open_tasks=Coalesce(Subquery(open_tasks), 0),
            person_visible=Exists(people_visible_to(user).filter(pk=OuterRef("person_id"))),
        )
        .order_by(F("first_contact_on").asc(nulls_first=True), "first_contact_due", "id")
    )


def unit_totals(user: User, today: dt.date) -> dict[str, int]:
    """How many open cases the unit has, and how many are overdue their first contact (one query)."""
    return (
        scheme_cases_visible_to(user)
        .open()
        .aggregate(
            total=Count("id"),
            overdue=Count("id", filter=Q(first_contact_on__isnull=True, first_contact_due__lt=today)),
        )
    )


def closed_list(user: User) -> QuerySet[SchemeCase]:
    """The unit's closed cases, most recently closed first (the history says why)."""
    return (
        scheme_cases_visible_to(user)
        .filter(closed_on__isnull=False)
        .select_related("person", "vlo")
        .annotate(person_visible=Exists(people_visible_to(user).filter(pk=OuterRef("person_id"))))
        .order_by("-closed_on", "-id")
    )


def unit_vlos(user: User) -> QuerySet[Staff]:
    """The victim liaison officers of the user's unit (their region), for allocation; none for
    anyone outside victim liaison."""
    region = vlo_region_id(user)
    if region is None:
        return Staff.objects.none()
    return Staff.objects.filter(team__pdu__region_id=region, user__role=Role.VLO, user__is_active=True)


def vlo_caseloads(user: User) -> list[tuple[Staff, int]]:
    """Each VLO of the unit with their open cases, by name: whom to allocate to (two queries)."""
    counts = dict(
        scheme_cases_visible_to(user)
        .open()
        .filter(vlo__isnull=False)
        .values("vlo_id")
        .annotate(n=Count("id"))
        .values_list("vlo_id", "n")
    )
    vlos = unit_vlos(user).order_by("surname", "forename", "id")
    return [(staff, counts.get(staff.pk, 0)) for staff in vlos]


def scheme_case_get(*, user: User, case_id: int) -> SchemeCase:
    found = (
        scheme_cases_visible_to(user)
        .select_related("person", "vlo", "vlo__team", "region", "event")
        .annotate(person_visible=Exists(people_visible_to(user).filter(pk=OuterRef("person_id"))))
        .filter(pk=case_id)
        .first()
    )
    if found is None:
        raise NotFound(case_id)
    return found


def victim_get(*, user: User, victim_id: int) -> Victim:
    found = (
        Victim.objects.filter(scheme_case__in=scheme_cases_visible_to(user))
        .select_related("scheme_case", "scheme_case__person", "represents")
        .filter(pk=victim_id)
        .first()
    )
    if found is None:
        raise NotFound(victim_id)
    return found
