"""Reads of people, always scoped to what the user may see (probation.people.policy)."""

from django.db.models import Case, Count, F, OrderBy, Prefetch, Q, QuerySet, Value, When

from probation.accounts.models import Staff, Team, User
from probation.accounts.models.staff import CASE_HOLDING_GRADES
from probation.core.errors import NotFound
from probation.core.models import concrete_field
from probation.core.prepared import PreparedQuery
from probation.people.models import (
    Address,
    Allocation,
    Exclusion,
    PartnerShare,
    Person,
    PersonChange,
    Restriction,
)
from probation.people.models.allocation import SupportingOfficer
from probation.people.policy import (
    ListedPerson,
    people_listable_to,
    people_visible_to,
    scope_is_role_and_id_only,
)
from probation.people.search_keys import normalise, normalise_pnc

# Each sort is (field, descending). The id breaks ties so pages are stable.
CASELOAD_SORTS: dict[str, tuple[tuple[str, bool], ...]] = {
    "name": (("surname_key", False), ("first_name", False), ("id", False)),
    "-name": (("surname_key", True), ("first_name", True), ("id", True)),
    "crn": (("crn", False),),
    "-crn": (("crn", True),),
    "dob": (("date_of_birth", False), ("id", False)),
    "-dob": (("date_of_birth", True), ("id", True)),
}
DENIED = Q(lao_excluded=True) | Q(lao_restricted=True)


def _person_queryset(user: User, crn: str, details: bool) -> QuerySet[Person]:
    people = people_visible_to(user).select_related("pdu__region", "team", "officer")
    if details:
        people = people.prefetch_related(
            "aliases",
            Prefetch("addresses", queryset=Address.objects.filter(status="main"), to_attr="main_addresses"),
        )
    people = people.filter(crn=crn)
    return (people if people.ordered else people.order_by("pk"))[:1]  # what .first() runs


# Every case page reads its person through the policy: that SQL is built once a process per role
# (core/prepared.py). The policy's query depends on the user only through their role and id; a
# partner's also on today's date (shares expire), so partners' are built each time.
_PERSON_QUERIES: dict[tuple[str, bool], PreparedQuery[Person]] = {}


def _person_query(role: str, details: bool) -> PreparedQuery[Person]:
    key = (role, details)
    if key not in _PERSON_QUERIES:
        _PERSON_QUERIES[key] = PreparedQuery(
            lambda user_id, crn: _person_queryset(User(pk=user_id, role=role, is_active=True), crn, details),
            user_id=0,
            crn="",
        )
    return _PERSON_QUERIES[key]


# The fields a list row of a person shows (the name, or "Restricted" with the CRN and the message).
LISTED_PERSON_FIELDS = (
    "id",
    "crn",
    "first_name",
    "surname",
    "preferred_name",
    "has_exclusions",
    "is_restricted",
    "exclusion_message",
    "restriction_message",
)
_LISTED_QUERIES: dict[str, PreparedQuery[ListedPerson]] = {}


def listed_people_by_id(*, user: User, ids: set[int] | list[int]) -> dict[int, ListedPerson]:
    """The people a list shows, in one query, as ``user`` may list them (``people_listable_to``:
    limited-access rows show only as restricted); a person outside the user's scope is left out.
    Only LISTED_PERSON_FIELDS are read. The SQL is built once a process per role and number of
    people (core/prepared.py), as for ``person_get``; partners' each time."""
    if not ids:
        return {}
    wanted = sorted(ids)
    if not scope_is_role_and_id_only(user):
        people = list(
            people_listable_to(user, Person.objects.filter(pk__in=wanted)).only(*LISTED_PERSON_FIELDS)
        )
    else:
        role = user.role
        if role not in _LISTED_QUERIES:
            _LISTED_QUERIES[role] = PreparedQuery(
                lambda user_id, ids: people_listable_to(
                    User(pk=user_id, role=role, is_active=True), Person.objects.filter(pk__in=ids)
                ).only(*LISTED_PERSON_FIELDS),
                user_id=0,
                ids=[0],
            )
        people = _LISTED_QUERIES[role](user_id=user.pk, ids=wanted)
    return {p.pk: p for p in people}


def person_get(*, user: User, crn: str, details: bool = True) -> Person:
    """One person the user may see. Missing and forbidden are the same NotFound. ``details`` reads the
    aliases and main addresses too (``main_addresses``), for the pages that show them (two queries)."""
    if scope_is_role_and_id_only(user):
        found = _person_query(user.role, details)(user_id=user.pk, crn=crn.upper())
    else:
        found = list(_person_queryset(user, crn.upper(), details))
    if not found:
        raise NotFound(crn)
    return found[0]


def person_addresses(*, person: Person) -> QuerySet[Address]:
    return person.addresses.order_by("status", "-start_date", "-id")


def address_get(*, person: Person, address_id: int) -> Address:
    """One address of this person; another person's address is not found."""
    address = person.addresses.filter(pk=address_id).first()
    if address is None:
        raise NotFound(address_id)
    return address


def partner_share_list(*, person: Person) -> QuerySet[PartnerShare]:
    return person.partner_shares.select_related("user", "granted_by").order_by("-granted_at")


def partner_user_get(*, username: str) -> User | None:
    """The active user a case may be shared with (the service checks they are a partner)."""
    return User.objects.filter(username=username, is_active=True).first()


def limited_access_case_get(*, crn: str) -> Person:
    """Any case by CRN, for the administrators who manage its exclusion and restriction lists (not
    its contents): deliberately not scoped, as they must reach cases they cannot see."""
    person = Person.objects.filter(crn=crn).first()
    if person is None:
        raise NotFound(crn)
    return person


def limited_access_lists(*, person: Person) -> tuple[QuerySet[Exclusion], QuerySet[Restriction]]:
    return (
        Exclusion.objects.filter(person=person).select_related("user", "added_by"),
        Restriction.objects.filter(person=person).select_related("user", "added_by"),
    )


def team_member_get(*, team: Team | None, code: str) -> Staff:
    """A member of the manager's own team; anyone else is not found."""
    officer = Staff.objects.select_related("team").filter(code=code, team=team).first()
    if officer is None:
        raise NotFound(code)
    return officer


def person_allocation_history(*, person: Person) -> QuerySet[Allocation]:
    return person.allocations.select_related("officer", "team__pdu", "allocated_by__staff").order_by(
        "-started_at", "-id"
    )


def person_supporting_officers(*, person: Person) -> QuerySet[SupportingOfficer]:
    return person.supporting_officers.select_related("staff", "team", "added_by__staff").order_by(
        "-started_at", "-id"
    )


def person_change_history(*, person: Person, limit: int = 50) -> QuerySet[PersonChange]:
    return person.changes.select_related("changed_by__staff").order_by("-changed_at", "-id")[:limit]


def caseload_list(
    *, user: User, officer: Staff, query: str = "", sort: str = "name"
) -> QuerySet[ListedPerson]:
    """An officer's caseload as the user may see it: restricted cases appear as CRN only.

    Rows the user is denied must not act as an oracle: the filter matches them only on the exact
    CRN or PNC number (never a name prefix), and they never take part in the sort: they come after
    every visible row, in CRN order, whatever the sort (ADR 0021)."""
    queryset = people_listable_to(user, Person.objects.filter(officer=officer))
    if query.strip():
        queryset = queryset.filter(_caseload_filter(query.strip()))
    main_address = Address.objects.filter(status="main").only(
        "person_id", "town_city", "postcode", "address_type"
    )
    return (
        queryset.select_related("team", "officer")
        .prefetch_related(Prefetch("addresses", queryset=main_address, to_attr="main_addresses"))
        .order_by(*_caseload_order(sort))
    )


def _caseload_filter(term: str) -> Q:
    exact = Q(crn=term.upper().replace(" ", ""))
    pnc = normalise_pnc(term)
    if pnc is not None:
        exact |= Q(pnc_key=pnc)
    surname = normalise(term)
    if not surname:
        return exact
    return exact | (Q(surname_key__startswith=surname) & ~DENIED)


def _caseload_order(sort: str) -> list[OrderBy]:
    """Visible rows in the asked order, then denied rows by CRN: a denied row's own values are
    replaced by NULL so they cannot move it."""
    denied = Case(When(DENIED, then=Value(1)), default=Value(0))
    order = [denied.asc()]
    for field, descending in CASELOAD_SORTS.get(sort, CASELOAD_SORTS["name"]):
        masked = Case(
            When(DENIED, then=Value(None)), default=F(field), output_field=concrete_field(Person, field)
        )
        order.append(masked.desc(nulls_last=True) if descending else masked.asc(nulls_last=True))
    return [*order, F("crn").asc()]


def team_get(*, user: User, code: str) -> Team:
    team = Team.objects.select_related("pdu__region").filter(code=code).first()
    if team is None or user.staff is None or team.pk != user.staff.team_id:
        raise NotFound(code)
    return team


def team_members_with_caseloads(*, team: Team) -> list[tuple[Staff, int]]:
    members = (
        Staff.objects.filter(team=team, active=True)
        .annotate(case_count=Count("caseload"))
        .order_by("surname", "forename")
    )
    return [(member, member.case_count) for member in members]


def allocation_candidates(*, user: User) -> QuerySet[Staff]:
    """Officers in the allocating user's PDU who may hold cases, team first, each with
    ``case_count`` (their current caseload, counted in the same query)."""
    if user.staff is None:
        return Staff.objects.none()
    return (
        Staff.objects.filter(team__pdu_id=user.staff.team.pdu_id, active=True, grade__in=CASE_HOLDING_GRADES)
        .select_related("team")
        .annotate(case_count=Count("caseload"))
        .order_by("team__name", "surname", "forename")
    )


def transfer_teams() -> QuerySet[Team]:
    """Every team a case may be transferred to, nationally, by region, PDU and name."""
    return Team.objects.select_related("pdu__region").order_by("pdu__region__name", "pdu__name", "name", "id")


def transfer_team_get(*, code: str) -> Team:
    team = transfer_teams().filter(code=code).first()
    if team is None:
        raise NotFound(code)
    return team


def transfer_candidates(*, team: Team) -> QuerySet[Staff]:
    """The officers of ``team`` who may hold cases, each with ``case_count``: one query, however many."""
    return (
        Staff.objects.filter(team=team, active=True, grade__in=CASE_HOLDING_GRADES)
        .select_related("team")
        .annotate(case_count=Count("caseload"))
        .order_by("surname", "forename", "id")
    )
