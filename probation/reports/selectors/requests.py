"""Reads of report requests, scoped to the user.

Who works with a request (deny by default):
- court officers (COURT_LIST_MANAGE) record, allocate, withdraw and correct requests at the courts of
  their own region (as probation.court.policy scopes court work; this app sits below court in the
  layers, so it reads the court by model reference and applies the same region scope here);
- senior POs (CASE_ALLOCATE with TEAM_CASELOAD_VIEW) allocate the requests of the courts their own PDU
  serves, and see those courts' list;
- the author sees the request allocated to them.
Everyone also needs the case itself (probation.people.policy) to open a case's request pages.
"""

import datetime as dt

from django.apps import apps
from django.db.models import Model, Q, QuerySet

from probation.accounts.models import Staff, User
from probation.accounts.models.staff import CASE_HOLDING_GRADES
from probation.accounts.policy import Permission, has_permission
from probation.core.errors import NotFound
from probation.core.prepared import PreparedQuery
from probation.people.models import Person
from probation.people.policy import ListedPerson
from probation.people.selectors import listed_people_by_id
from probation.reports.models import ReportRequest, RequestStatus

OPEN_STATUSES = (RequestStatus.REQUESTED, RequestStatus.ALLOCATED)


def court_model() -> type[Model]:
    return apps.get_model("court", "Court")


def hearing_model() -> type[Model]:
    return apps.get_model("court", "Hearing")


def is_court_team(user: User) -> bool:
    return user.staff is not None and has_permission(user, Permission.COURT_LIST_MANAGE)


def is_court_manager(user: User) -> bool:
    """A senior PO: allocates the reports of their PDU's courts."""
    return (
        user.staff is not None
        and has_permission(user, Permission.CASE_ALLOCATE)
        and has_permission(user, Permission.TEAM_CASELOAD_VIEW)
    )


def courts_for_requests(user: User) -> QuerySet:
    """Courts whose requests this user records (court team: the region's courts)."""
    courts = court_model()._default_manager.select_related("pdu")
    if not is_court_team(user):
        return courts.none()
    assert user.staff is not None
    return courts.filter(pdu__region_id=user.staff.team.pdu.region_id, active=True)


def courts_for_allocation(user: User) -> QuerySet:
    """Courts whose requests this user may allocate: the court team's region, a senior PO's PDU."""
    if is_court_team(user):
        return courts_for_requests(user)
    if is_court_manager(user):
        assert user.staff is not None
        return court_model()._default_manager.select_related("pdu").filter(pdu_id=user.staff.team.pdu_id)
    return court_model()._default_manager.none()


def _managed_q(user: User) -> Q:
    if is_court_team(user):
        assert user.staff is not None
        return Q(court__pdu__region_id=user.staff.team.pdu.region_id)
    if is_court_manager(user):
        assert user.staff is not None
        return Q(court__pdu_id=user.staff.team.pdu_id)
    return Q(pk__in=[])


def can_manage_request(user: User, request: ReportRequest) -> bool:
    """Allocate, withdraw, correct the type delivered."""
    return ReportRequest.objects.filter(_managed_q(user), pk=request.pk).exists()


def can_record_request(user: User) -> bool:
    return is_court_team(user)


def _with_relations(queryset: QuerySet[ReportRequest]) -> QuerySet[ReportRequest]:
    return queryset.select_related("court__pdu", "author__staff", "requested_by__staff", "person")


def request_list_for_person(*, user: User, person: Person) -> QuerySet[ReportRequest]:
    """Every request on a case the user has opened through the case shell, newest hearing first."""
    return _with_relations(ReportRequest.objects.filter(person=person)).order_by("-hearing_date", "-id")


def request_get(*, user: User, person: Person, request_id: int) -> ReportRequest:
    """One request of the case (the case is already loaded through the policy)."""
    found = request_list_for_person(user=user, person=person).filter(pk=request_id).first()
    if found is None:
        raise NotFound(request_id)
    return found


def request_get_for_change(*, user: User, person: Person, request_id: int) -> ReportRequest:
    """A request the user may manage; anything else is NotFound, as for one that does not exist."""
    found = request_list_for_person(user=user, person=person).filter(_managed_q(user), pk=request_id).first()
    if found is None:
        raise NotFound(request_id)
    return found


def court_team_request_list(*, user: User) -> QuerySet[ReportRequest]:
    """Open requests at the courts of the user's own PDU (court team or senior PO), unallocated
    first, then by date required; the person is annotated for limited access by the view."""
    if not (is_court_team(user) or is_court_manager(user)):
        return ReportRequest.objects.none()
    assert user.staff is not None
    return (
        ReportRequest.objects.filter(court__pdu_id=user.staff.team.pdu_id, status__in=OPEN_STATUSES)
        .select_related("court", "author__staff", "person")
        # Unallocated first: "requested" sorts after "allocated", so the order is reversed.
        .order_by("-status", "required_by", "id")
    )


def _author_requests(staff_id: int) -> QuerySet[ReportRequest]:
    return (
        ReportRequest.objects.filter(author__staff_id=staff_id, status=RequestStatus.ALLOCATED)
        .select_related("person", "court", "author__staff")
        .order_by("required_by", "id")
    )


# My work reads it on every visit: SQL built once a process (core/prepared.py).
_author_request_list: PreparedQuery[ReportRequest] = PreparedQuery(_author_requests, staff_id=0)


def author_request_list(*, officer: Staff) -> list[ReportRequest]:
    """The open requests allocated to ``officer`` (My work), soonest date required first."""
    return _author_request_list(staff_id=officer.pk)


def with_listed_people(
    *, user: User, requests: list[ReportRequest]
) -> list[tuple[ReportRequest, ListedPerson]]:
    """Each request with its person as ``user`` may list them (limited access shows as restricted),
    in one query; a person outside the user's scope (partners) drops the row."""
    people = listed_people_by_id(user=user, ids={r.person_id for r in requests})
    return [(r, people[r.person_id]) for r in requests if r.person_id in people]


def author_work(*, user: User, officer: Staff) -> list[tuple[ReportRequest, ListedPerson]]:
    """The officer's open reports (My work): two queries, however many."""
    return with_listed_people(user=user, requests=list(author_request_list(officer=officer)))


def author_candidates(*, court_pdu_id: int) -> QuerySet[User]:
    """Officers who may write a report for a court: active case-holding staff of the court's PDU."""
    return (
        User.objects.filter(
            is_active=True,
            staff__active=True,
            staff__team__pdu_id=court_pdu_id,
            staff__grade__in=CASE_HOLDING_GRADES,
        )
        .select_related("staff__team")
        .order_by("staff__team__name", "staff__surname", "staff__forename", "id")
    )


def hearing_for_request(*, user: User, person: Person, hearing_id: int) -> object:
    """A confirmed hearing of this person at one of the user's courts, with its court and list."""
    found = (
        hearing_model()
        ._default_manager.select_related("court_list__court")
        .filter(pk=hearing_id, person=person, court_list__court__in=courts_for_requests(user))
        .first()
    )
    if found is None:
        raise NotFound(hearing_id)
    return found


def open_request_exists(*, person: Person, hearing_date: dt.date, court_id: int) -> bool:
    return ReportRequest.objects.filter(
        person=person, hearing_date=hearing_date, court_id=court_id, status__in=OPEN_STATUSES
    ).exists()
