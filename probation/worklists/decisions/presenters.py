"""Display rows for the decisions page and the unallocated cases list; each row links straight to the
form where the decision is taken. Rows for cases the user may not open show only the CRN."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from probation.core.clock import LONDON
from probation.frontend.reversing import fast_reverse
from probation.people.models import AllocationReason
from probation.people.policy import ListedPerson, limited_access_message
from probation.risk.registers import register_type
from probation.worklists.case_reviews.presenters import reason_text
from probation.worklists.decisions.selectors import Decisions, Unallocated
from probation.worklists.presenters import OVERDUE, Tag

EMERGENCY = Tag("Emergency", "govuk-tag govuk-tag--red")
TRANSFER_IN = Tag("Transfer in", "govuk-tag govuk-tag--blue")
RELEASE = Tag("Release", "govuk-tag govuk-tag--purple")
NEW_CASE = Tag("New case", "govuk-tag govuk-tag--green")
_TRANSFERS = (AllocationReason.TRANSFER_TEAM, AllocationReason.TRANSFER_REGION)


@dataclass(frozen=True)
class DecisionRow:
    crn: str
    restricted: bool
    message: str = ""
    name: str = ""
    case_url: str = ""
    what: str = ""
    on: dt.date | None = None
    tag: Tag | None = None
    action_url: str = ""
    action_text: str = ""
    extra_url: str = ""
    extra_text: str = ""
    team: str = ""
    waiting_days: int | None = None


@dataclass(frozen=True)
class DecisionSection:
    key: str
    title: str
    date_heading: str
    count: int
    rows: list[DecisionRow]

    @property
    def shown(self) -> int:
        return len(self.rows)


def _recall(crn: str, item: Any) -> dict[str, Any]:
    kind = f" ({item.get_recommended_type_display().lower()})" if item.recommended_type else ""
    what = f"Officer recommends: {item.get_recommendation_display() or 'no recommendation'}{kind}"
    return {
        "what": what,
        "on": item.recommended_on,
        "tag": EMERGENCY if item.emergency else None,
        "action_url": fast_reverse("enforcement:recall-decide", crn, item.pk),
        "action_text": "Decide on the recall",
    }


def _breach(crn: str, item: Any) -> dict[str, Any]:
    args = [crn, item.sentence_id, item.pk]
    return {
        "what": "Breach pack for court: read, countersign and record it sent",
        "on": item.initiated_on,
        "action_url": fast_reverse("enforcement:breach-pack-sent", *args),
        "action_text": "Countersign and send the pack",
        "extra_url": fast_reverse("enforcement:breach-pack", *args),
        "extra_text": "Read the breach pack (PDF)",
    }


def _registration(crn: str, item: Any) -> dict[str, Any]:
    known = register_type(item.register_type)
    return {
        "what": f"{known.description if known else item.register_type} ({item.register_type})",
        "on": item.next_review_on,
        "tag": OVERDUE,
        "action_url": fast_reverse("risk:registration-review", crn, item.pk),
        "action_text": "Review the registration",
    }


def _rosh(crn: str, item: Any) -> dict[str, Any]:
    return {
        "what": "RoSH and risk management plan review",
        "on": item.next_review_on,
        "tag": OVERDUE,
        "action_url": fast_reverse("risk:rosh-assess", crn),
        "action_text": "Review RoSH",
    }


def _report(crn: str, item: Any) -> dict[str, Any]:
    args = [crn, item.request_id]
    return {
        "what": f"{item.get_report_type_display()} pre-sentence report: read, then countersign or return it",
        "on": timezone.localtime(item.signed_at, LONDON).date(),
        "action_url": fast_reverse("reports:report-countersign", *args),
        "action_text": "Countersign or return",
        "extra_url": fast_reverse("reports:report-pdf", *args),
        "extra_text": "Read the report (PDF)",
    }


def _case_review(crn: str, item: Any) -> dict[str, Any]:
    return {
        "what": f"{reason_text(item)} (due {item.due_on.day} {item.due_on:%B %Y})",
        "on": item.reviewed_on,
        "action_url": fast_reverse("worklists:case-review-oversight", crn, item.pk),
        "action_text": "Add your oversight",
    }


def _case_review_overdue(crn: str, item: Any) -> dict[str, Any]:
    return {
        "what": reason_text(item),
        "on": item.due_on,
        "tag": OVERDUE,
        "action_url": fast_reverse("worklists:case-reviews", crn),
        "action_text": "See the case reviews",
    }


_DETAIL = {
    "recalls": _recall,
    "breaches": _breach,
    "registrations": _registration,
    "rosh": _rosh,
    "reports": _report,
    "case_reviews": _case_review,
    "case_reviews_overdue": _case_review_overdue,
}


def _denied(person: ListedPerson | None) -> DecisionRow | None:
    if person is None:  # outside the user's scope altogether: nothing but the fact of a row
        return DecisionRow(crn="", restricted=True)
    if person.lao_excluded or person.lao_restricted:
        return DecisionRow(crn=person.crn, restricted=True, message=limited_access_message(person))
    return None


def _case(person: ListedPerson) -> dict[str, Any]:
    return {
        "crn": person.crn,
        "restricted": False,
        "name": person.display_name,
        "case_url": fast_reverse("people:case-overview", person.crn),
    }


def decision_sections(decisions: Decisions) -> list[DecisionSection]:
    views = []
    for section in decisions.sections:
        rows = []
        for item in section.items:
            person = decisions.people.get(item.person_id)
            denied = _denied(person)
            if denied is not None or person is None:
                rows.append(denied or DecisionRow(crn="", restricted=True))
                continue
            rows.append(DecisionRow(**_case(person), **_DETAIL[section.key](person.crn, item)))
        views.append(DecisionSection(section.key, section.title, section.date_heading, section.count, rows))
    return views


def _why(person: Any) -> tuple[str, Tag]:
    if person.open_reason in _TRANSFERS:
        return f"Transferred in from {person.from_team_name or 'another team'}", TRANSFER_IN
    if person.release_date is not None:
        return f"Release from custody on {person.release_date.day} {person.release_date:%B %Y}", RELEASE
    if person.open_reason:
        return AllocationReason(person.open_reason).label, NEW_CASE
    return "New case", NEW_CASE


def unallocated_section(unallocated: Unallocated, *, today: dt.date) -> DecisionSection:
    rows = []
    for person in unallocated.rows:
        denied = _denied(person)
        if denied is not None:
            rows.append(denied)
            continue
        what, tag = _why(person)
        since = timezone.localtime(person.waiting_since, LONDON).date()
        rows.append(
            DecisionRow(
                **_case(person),
                what=what,
                on=since,
                tag=tag,
                team=person.team.name if person.team is not None else "No team yet",
                waiting_days=(today - since).days,
                action_url=fast_reverse("people:allocate", person.crn),
                action_text="Allocate",
            )
        )
    return DecisionSection("unallocated", "Cases to allocate", "Waiting since", unallocated.total, rows)
