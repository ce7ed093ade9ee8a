"""Display formatting for the work lists, so templates hold no logic.

A row for a case the user may not open (limited access: excluded, or restricted and not on the list)
carries only the CRN and "Restricted" (probation.people.policy).
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from probation.core.clock import LONDON
from probation.frontend.return_url import next_query
from probation.frontend.reversing import fast_reverse
from probation.people.policy import ListedPerson, limited_access_message
from probation.rules.enforcement.actions import is_overdue
from probation.rules.worklists.deadlines import UnpaidWorkOutlook, UnpaidWorkStatus, outcome_due_on
from probation.worklists.case_reviews.presenters import reason_text
from probation.worklists.selectors import OfficerCounts, Worklist, section_person_id, section_titles


@dataclass(frozen=True)
class Tag:
    label: str
    css_class: str


OVERDUE = Tag("Overdue", "govuk-tag govuk-tag--red")
DUE_TODAY = Tag("Due today", "govuk-tag govuk-tag--orange")
PAST_END = Tag("Past end date", "govuk-tag govuk-tag--red")


@dataclass(frozen=True)
class WorkRow:
    crn: str
    restricted: bool
    message: str = ""
    name: str = ""
    url: str = ""
    link_text: str = ""
    what: str = ""
    on: dt.date | None = None
    tag: Tag | None = None
    overdue: bool = False


@dataclass(frozen=True)
class SectionView:
    key: str
    title: str
    date_heading: str
    count: int
    overdue: int
    rows: list[WorkRow]

    @property
    def shown(self) -> int:
        return len(self.rows)


def _contacts_url(crn: str) -> str:
    return fast_reverse("contacts:list", crn)


def _sentences_url(crn: str) -> str:
    return fast_reverse("sentences:list", crn)


def _sentence_url(crn: str, sentence_id: int) -> str:
    return f"{_sentences_url(crn)}/{sentence_id}"


def _date_tag(day: dt.date, today: dt.date) -> Tag | None:
    if is_overdue(day, today=today):
        return OVERDUE
    return DUE_TODAY if day == today else None


def _label(value: str) -> str:
    return value.replace("_", " ").capitalize()


Detail = tuple[str, dt.date | None, Tag | None, str, int | None]


def _detail(section: str, item: Any, today: dt.date) -> Detail:
    """(what, date, tag, link kind, sentence id) for one item of a section."""
    if section == "outcomes":
        at = timezone.localtime(item.starts_at, LONDON)
        tag = OVERDUE if outcome_due_on(at.date()) < today else None
        return f"{item.get_type_display()} at {at:%H:%M}", at.date(), tag, "contacts", None
    if section == "evidence":
        failed_on = timezone.localtime(item.starts_at, LONDON).date()
        what = f"Failed to attend {item.get_type_display().lower()} on {failed_on.day} {failed_on:%B %Y}"
        return what, item.evidence_due_on, _date_tag(item.evidence_due_on, today), "contacts", None
    if section == "enforcement":
        what = f"{item.get_status_display()} (failure on {item.failure_date.day} {item.failure_date:%B %Y})"
        return what, item.respond_by, _date_tag(item.respond_by, today), "sentence", item.sentence_id
    if section == "breaches":
        return item.get_status_display(), item.initiated_on, None, "sentence", item.sentence_id
    if section == "recalls":
        what = item.get_status_display() + (" (emergency recall)" if item.emergency else "")
        return what, item.started_on, None, "sentence", item.sentence_id
    if section == "unpaid_work":
        requirement, outlook = item
        what, tag = _unpaid_work_text(requirement, outlook), _unpaid_work_tag(outlook)
        return what, outlook.deadline, tag, "sentence", requirement.sentence_id
    if section == "ending":
        if item.ends_on < today:
            what, tag = f"{item.get_type_display()}: terminate or extend", PAST_END
        else:
            what, tag = item.get_type_display(), None
        return what, item.ends_on, tag, "sentence", item.pk
    if section in ("case_reviews", "raised"):
        return _review_detail(section, item, today)
    raise ValueError(section)


def _review_detail(section: str, item: Any, today: dt.date) -> Detail:
    """A periodic case review (issue 17 item 5) or a review the nightly sweep raised."""
    if section == "case_reviews":
        return reason_text(item), item.due_on, _date_tag(item.due_on, today), "case_review", None
    link = "contacts" if item.source_type == "contact" else "sentences"
    return item.get_kind_display(), item.due_on, _date_tag(item.due_on, today), link, None


def _unpaid_work_text(requirement: Any, outlook: UnpaidWorkOutlook) -> str:
    done = f"{requirement.done} of {requirement.ordered} hours credited"
    if outlook.status is UnpaidWorkStatus.DEADLINE_PASSED:
        return f"{done}: deadline passed with {outlook.remaining} hours remaining"
    return f"{done}: about {outlook.projected} more expected by the deadline at the current rate"


def _unpaid_work_tag(outlook: UnpaidWorkOutlook) -> Tag:
    if outlook.status is UnpaidWorkStatus.DEADLINE_PASSED:
        return Tag("Deadline passed", "govuk-tag govuk-tag--red")
    return Tag("At risk", "govuk-tag govuk-tag--orange")


# Sections whose rows open the contact's own form on the user's own list (issue 10: one click to record).
_CONTACT_FORMS = {
    "outcomes": ("contacts:outcome", "Record outcome"),
    "evidence": ("contacts:decide", "Decide"),
}


def _row(
    person: ListedPerson | None, section: str, item: Any, today: dt.date, return_query: str = ""
) -> WorkRow:
    """``return_query`` is ``next=…`` for the page to come back to (``next_query``), or ""."""
    if person is None:  # outside the user's scope altogether: nothing but the fact of a row
        return WorkRow(crn="", restricted=True)
    if person.lao_excluded or person.lao_restricted:
        return WorkRow(crn=person.crn, restricted=True, message=limited_access_message(person))
    what, on, tag, link, sentence_id = _detail(section, item, today)
    if return_query and section in _CONTACT_FORMS:
        name, link_text = _CONTACT_FORMS[section]
        url = f"{fast_reverse(name, person.crn, item.pk)}?{return_query}"
    elif link == "contacts":
        url, link_text = _contacts_url(person.crn), "Contacts"
    elif link == "case_review":
        url, link_text = fast_reverse("worklists:case-review-record", person.crn, item.pk), "Review the case"
    elif sentence_id is not None:
        url, link_text = _sentence_url(person.crn, sentence_id), "Sentence"
    else:
        url, link_text = _sentences_url(person.crn), "Sentences"
    return WorkRow(
        crn=person.crn,
        restricted=False,
        name=person.display_name,
        url=url,
        link_text=link_text,
        what=what,
        on=on,
        tag=tag,
        overdue=tag is not None and tag.css_class.endswith("--red"),
    )


def worklist_sections(worklist: Worklist, *, return_to: str = "") -> list[SectionView]:
    """``return_to`` (the user's own list) makes outcome rows open the outcome form and come back."""
    views = []
    return_query = next_query(return_to)
    for section in worklist.sections:
        rows = [
            _row(
                worklist.people.get(section_person_id(section, item)),
                section.key,
                item,
                worklist.today,
                return_query,
            )
            for item in section.items
        ]
        views.append(
            SectionView(
                section.key, section.title, section.date_heading, section.count, section.overdue, rows
            )
        )
    return views


@dataclass(frozen=True)
class TeamRow:
    name: str
    code: str
    url: str
    cells: list[tuple[int, int]]  # (total, overdue) per section, in section_titles() order


def team_rows(summary: list[OfficerCounts]) -> tuple[list[str], list[TeamRow], list[tuple[int, int]]]:
    """Column titles, a row per officer and the team's totals."""
    keys = [key for key, _ in section_titles()]
    rows = [
        TeamRow(
            name=entry.officer.name,
            code=entry.officer.code,
            url=fast_reverse("worklists:officer", entry.officer.code),
            cells=[entry.counts[key] for key in keys],
        )
        for entry in summary
    ]
    totals = [
        (sum(row.cells[i][0] for row in rows), sum(row.cells[i][1] for row in rows)) for i in range(len(keys))
    ]
    return [title for _, title in section_titles()], rows, totals
