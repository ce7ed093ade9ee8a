"""Who may read victim data: victim liaison staff of the case's region (victims.md § Keeping victim
data apart). Everyone else, and any case of another region, gets the same "not found" as an id that
does not exist. The offender manager's side (selectors/offender_side.py) reads no victim row."""

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from probation.accounts.models import Role, Staff, User
from probation.accounts.policy import Permission, has_permission
from probation.core.errors import NotFound
from probation.people.policy import people_visible_to
from probation.victims.models import SchemeCase, Victim
from probation.victims.models.scheme import SchemeCaseQuerySet


def vlo_region_id(user: User) -> int | None:
    """The region whose victim liaison unit the user works in, or None (no access to victim data)."""
    if not has_permission(user, Permission.VICTIM_RECORDS) or user.staff is None:
        return None
    return user.staff.team.pdu.region_id


def scheme_cases_visible_to(user: User) -> SchemeCaseQuerySet:
    region = vlo_region_id(user)
    if region is None:
        return SchemeCase.objects.none()
    return SchemeCase.objects.filter(region_id=region)


def unit_list(user: User) -> QuerySet[SchemeCase]:
    """The unit's open cases, first contact due soonest first, in one query: the offender (shown as
    CRN only where limited access locks this user out), the VLO and the open task count."""
    return (
        scheme_cases_visible_to(user)
        .open()
        .select_related("person", "vlo", "region")
        .annotate(
            open_tasks=Count("tasks", filter=Q(tasks__done_on__isnull=True)),
            person_visible=Exists(people_visible_to(user).filter(pk=OuterRef("person_id"))),
        )
        .order_by("first_contact_on", "first_contact_due", "id")
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
