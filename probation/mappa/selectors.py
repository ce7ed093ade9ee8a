"""Reads of MAPPA records. A person passed in has already come through people's scoped selector
(``case_get``/``person_get``); lists across cases are scoped here through ``people_visible_to``.
What a partner sees is applied in the query (``MappaView``), so hidden text is never even loaded."""

from django.db.models import Prefetch, QuerySet

from probation.accounts.models import Staff, User
from probation.core.errors import NotFound
from probation.mappa.models import MappaAction, MappaMeeting
from probation.mappa.policy import MappaView
from probation.people.models import Person
from probation.people.policy import people_visible_to
from probation.risk.models import Registration

MAPPA_REGISTER = "MAPP"
PARTNER_HIDDEN_FIELDS = ("chair", "minutes", "decisions", "other_agency", "next_review_on")


def mappa_registration_get(*, person: Person) -> Registration | None:
    """The person's active MAPP registration: where the case's category and level live."""
    return Registration.objects.active().filter(person=person, register_type=MAPPA_REGISTER).first()


def _actions_for(view: MappaView) -> QuerySet[MappaAction]:
    actions = MappaAction.objects.order_by("due_on", "id")
    if view.full:
        return actions
    if not view.agency:
        return actions.none()
    return actions.filter(owner_agency__iexact=view.agency)


def meeting_list(*, person: Person, view: MappaView) -> QuerySet[MappaMeeting]:
    """The person's meetings, newest first, each with the actions this view may show."""
    meetings = MappaMeeting.objects.filter(person=person).order_by("-held_on", "-id")
    if not view.full:
        meetings = meetings.defer(*PARTNER_HIDDEN_FIELDS)
    return meetings.prefetch_related(Prefetch("actions", queryset=_actions_for(view)))


def meeting_get(*, person: Person, meeting_id: int) -> MappaMeeting:
    """One meeting of this person (full view: only for change pages). Another person's is not found."""
    meeting = MappaMeeting.objects.filter(person=person, pk=meeting_id).first()
    if meeting is None:
        raise NotFound(meeting_id)
    return meeting


def action_get(*, person: Person, action_id: int) -> MappaAction:
    action = (
        MappaAction.objects.select_related("meeting").filter(meeting__person=person, pk=action_id).first()
    )
    if action is None:
        raise NotFound(action_id)
    return action


def actions_due_list(*, user: User, officer: Staff) -> QuerySet[MappaAction]:
    """Open actions on ``officer``'s caseload, for cases the user may open; soonest due first."""
    caseload = people_visible_to(user, Person.objects.filter(officer=officer))
    return (
        MappaAction.objects.open()
        .filter(meeting__person__in=caseload)
        .select_related("meeting__person")
        .order_by("due_on", "meeting__person__surname_key", "id")
    )
