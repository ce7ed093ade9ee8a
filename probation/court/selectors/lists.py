"""Reads of courts, lists and hearings, scoped to the courts the user may see (probation.court.policy).
A list or hearing at another court is "not found", as a missing one is."""

import datetime as dt

from django.db.models import Count, Prefetch, Q, QuerySet

from probation.accounts.models import User
from probation.core.errors import NotFound
from probation.court.models import Court, CourtList, Hearing, HearingCandidate, MatchState
from probation.court.policy import courts_manageable_by, courts_visible_to

RECENT_DAYS = 7


def court_list_index(*, user: User, today: dt.date) -> QuerySet[CourtList]:
    """Lists of the user's courts from a week ago on, with how many defendants still need matching."""
    return (
        CourtList.objects.filter(
            court__in=courts_visible_to(user), sitting_date__gte=today - dt.timedelta(days=RECENT_DAYS)
        )
        .select_related("court")
        .annotate(
            hearing_count=Count("hearings"),
            unconfirmed_count=Count("hearings", filter=Q(hearings__match_state=MatchState.UNCONFIRMED)),
        )
        .order_by("sitting_date", "court__name", "session")
    )


def court_get(*, user: User, code: str) -> Court:
    court = courts_visible_to(user).filter(code=code).first()
    if court is None:
        raise NotFound(code)
    return court


def court_list_get(*, user: User, list_id: int) -> CourtList:
    court_list = (
        CourtList.objects.filter(pk=list_id, court__in=courts_manageable_by(user))
        .select_related("court")
        .first()
    )
    if court_list is None:
        raise NotFound(list_id)
    return court_list


def _open_candidates() -> Prefetch:
    return Prefetch(
        "candidates", queryset=HearingCandidate.objects.filter(rejected=False).order_by("-score", "id")
    )


def hearing_list(*, court_list: CourtList) -> QuerySet[Hearing]:
    """The hearings of a list (already scoped) with their open candidates: two queries."""
    return court_list.hearings.prefetch_related(_open_candidates()).order_by("listing_number")


def hearing_get_for_match(*, user: User, hearing_id: int) -> Hearing:
    hearing = (
        Hearing.objects.filter(pk=hearing_id, court_list__court__in=courts_manageable_by(user))
        .select_related("court_list__court")
        .prefetch_related(_open_candidates())
        .first()
    )
    if hearing is None:
        raise NotFound(hearing_id)
    return hearing


def hearing_get_for_preparation(*, user: User, hearing_id: int) -> Hearing:
    hearing = (
        Hearing.objects.filter(pk=hearing_id, court_list__court__in=courts_manageable_by(user))
        .select_related("court_list__court", "person")
        .first()
    )
    if hearing is None:
        raise NotFound(hearing_id)
    return hearing


def duty_hearing_list(*, court: Court, day: dt.date) -> QuerySet[Hearing]:
    """Every hearing at the court that day, morning first, then by time and listing number."""
    return (
        Hearing.objects.filter(court_list__court=court, court_list__sitting_date=day)
        .select_related("court_list", "result_assigned_to__staff")
        .order_by("court_list__session", "hearing_time", "listing_number")
    )
