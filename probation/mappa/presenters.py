"""Display rows for MAPPA pages so templates hold no logic. What a partner may see is decided by
``MappaView`` (policy.py); rows built for a partner carry none of the hidden fields."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

from django.urls import reverse

from probation.mappa.models import MappaAction, MappaMeeting
from probation.mappa.policy import MappaView
from probation.risk.models import Registration
from probation.risk.presenters.tags import Tag
from probation.risk.registers import MAPPA_CATEGORIES, MAPPA_LEVELS

DONE = Tag("Done", "green")
OPEN = Tag("Open", "blue")
OVERDUE = Tag("Overdue", "red")


def _numbered(noun: str, code: str, meanings: dict[str, str]) -> str:
    return f"{noun} {code.removeprefix('M')}: {meanings[code]}" if code in meanings else ""


def level_label(code: str) -> str:
    return _numbered("Level", code, MAPPA_LEVELS)


@dataclass(frozen=True)
class MappaStatus:
    managed: bool
    category: str = ""
    level: str = ""
    registered_on: dt.date | None = None
    next_review_on: dt.date | None = None  # the MAPP registration's review (every 3 months)
    next_meeting_on: dt.date | None = None


def mappa_status(
    registration: Registration | None, meetings: list[MappaMeeting], *, view: MappaView
) -> MappaStatus:
    if registration is None:
        return MappaStatus(managed=False)
    if not view.full:
        return MappaStatus(
            managed=True,
            category=_numbered("Category", registration.category, MAPPA_CATEGORIES),
            level=level_label(registration.level),
        )
    return MappaStatus(
        managed=True,
        category=_numbered("Category", registration.category, MAPPA_CATEGORIES),
        level=level_label(registration.level),
        registered_on=registration.registered_on,
        next_review_on=registration.next_review_on,
        next_meeting_on=meetings[0].next_review_on if meetings else None,
    )


@dataclass(frozen=True)
class ActionRow:
    pk: int
    description: str
    owner: str
    due_on: dt.date
    status: Tag
    overdue: Tag | None
    completed_on: dt.date | None
    completion_notes: str
    complete_url: str


def action_row(action: MappaAction, *, crn: str, today: dt.date, can_manage: bool) -> ActionRow:
    is_open = action.is_open
    return ActionRow(
        pk=action.pk,
        description=action.description,
        owner=f"{action.owner_name}, {action.owner_agency}",
        due_on=action.due_on,
        status=OPEN if is_open else DONE,
        overdue=OVERDUE if is_open and action.due_on < today else None,
        completed_on=action.completed_on,
        completion_notes=action.completion_notes,
        complete_url=reverse("mappa:action-complete", args=[crn, action.pk])
        if is_open and can_manage
        else "",
    )


@dataclass(frozen=True)
class MeetingRow:
    pk: int
    held_on: dt.date
    level: str
    agencies: str
    actions: list[ActionRow]
    full: bool
    chair: str = ""
    minutes: str = ""
    decisions: str = ""
    next_review_on: dt.date | None = None
    change_url: str = ""
    add_action_url: str = ""


def _agencies(meeting: MappaMeeting, *, full: bool) -> str:
    names = [
        f"Other ({meeting.other_agency})" if name == "Other" and full and meeting.other_agency else name
        for name in meeting.agencies
    ]
    return ", ".join(names)


def meeting_rows(
    meetings: Iterable[MappaMeeting], *, view: MappaView, crn: str, today: dt.date, can_manage: bool
) -> list[MeetingRow]:
    rows = []
    for meeting in meetings:
        # The selector already filtered the actions for this view; check again so a row can never
        # carry another agency's action whatever queryset it was given.
        actions = [
            action_row(a, crn=crn, today=today, can_manage=can_manage)
            for a in meeting.actions.all()
            if view.shows_action_of(a.owner_agency)
        ]
        row = MeetingRow(
            pk=meeting.pk,
            held_on=meeting.held_on,
            level=level_label(meeting.level),
            agencies=_agencies(meeting, full=view.full),
            actions=actions,
            full=view.full,
        )
        if not view.full:
            rows.append(row)
            continue
        rows.append(
            replace(
                row,
                chair=meeting.chair,
                minutes=meeting.minutes,
                decisions=meeting.decisions,
                next_review_on=meeting.next_review_on,
                change_url=reverse("mappa:meeting-update", args=[crn, meeting.pk]) if can_manage else "",
                add_action_url=reverse("mappa:action-add", args=[crn, meeting.pk]) if can_manage else "",
            )
        )
    return rows


@dataclass(frozen=True)
class ActionDueRow:
    name: str
    crn: str
    case_url: str
    description: str
    owner: str
    due_on: dt.date
    overdue: Tag | None


def actions_due_rows(actions: Iterable[MappaAction], *, today: dt.date) -> list[ActionDueRow]:
    return [
        ActionDueRow(
            name=a.meeting.person.display_name,
            crn=a.meeting.person.crn,
            case_url=reverse("mappa:case", args=[a.meeting.person.crn]),
            description=a.description,
            owner=f"{a.owner_name}, {a.owner_agency}",
            due_on=a.due_on,
            overdue=OVERDUE if a.due_on < today else None,
        )
        for a in actions
    ]
