"""Display rows for contact pages so templates hold no logic. Times are Europe/London."""

import datetime as dt
from dataclasses import dataclass
from typing import cast

from probation.contacts.models import Contact
from probation.contacts.services.checks import RESCHEDULED
from probation.contacts.times import clock, local
from probation.frontend.return_url import with_next
from probation.frontend.reversing import fast_reverse
from probation.people.policy import ListedPerson, limited_access_message
from probation.risk.presenters.tags import Tag
from probation.rules.contacts.outcomes import OUTCOMES, OutcomeCode, contact_type
from probation.sentences.models import LicenceCondition, Requirement, Sentence

SENSITIVE_HIDDEN = "Sensitive – you do not have permission to read these notes"
NEEDS_OUTCOME = Tag("Needs an outcome", "red")
BOOKED = Tag("Booked", "blue")
CANCELLED = Tag("Cancelled", "grey")
OVERDUE = Tag("Overdue", "red")


def sentence_label(sentence: Sentence) -> str:
    return f"{sentence.get_type_display()} of {sentence.sentence_date.day} {sentence.sentence_date:%B %Y}"


def requirement_label(requirement: Requirement) -> str:
    return f"{requirement.get_type_display()} (sentence of {requirement.sentence.sentence_date:%-d %B %Y})"


def condition_label(condition: LicenceCondition) -> str:
    text = condition.text if len(condition.text) <= 80 else condition.text[:77] + "…"
    return f"{condition.get_kind_display()}: {text}"


def outcome_tag(contact: Contact, *, now: dt.datetime) -> Tag | None:
    if contact.cancelled_at is not None:
        return CANCELLED
    if contact.outcome:
        row = OUTCOMES[OutcomeCode(contact.outcome)]
        colour = "grey" if contact.outcome in RESCHEDULED else ("green" if row.acceptable else "red")
        return Tag(f"{row.description} ({row.code})", colour)
    if contact.is_appointment:
        return NEEDS_OUTCOME if contact.starts_at < now else BOOKED
    return None


def when(contact: Contact) -> str:
    start = local(contact.starts_at)
    until = f" to {clock(contact.ends_at)}" if contact.ends_at else ""
    return f"{start.day} {start:%B %Y}, {clock(contact.starts_at)}{until}"


@dataclass(frozen=True)
class ContactRow:
    pk: int
    type: str
    when: str
    officer: str
    location: str
    links: list[str]
    outcome: Tag | None
    notes: str
    notes_hidden: bool
    sensitive: bool
    cancel_reason: str
    outcome_url: str
    reschedule_url: str
    cancel_url: str
    decide_url: str
    evidence_due_on: dt.date | None


def contact_row(
    contact: Contact,
    *,
    crn: str,
    now: dt.datetime,
    can_read_sensitive: bool,
    can_manage: bool,
    return_to: str = "",
) -> ContactRow:
    """``return_to`` (the log page as filtered) is where the change forms send the user back."""
    links = []
    if contact.sentence is not None:
        links.append(sentence_label(contact.sentence))
    if contact.requirement is not None:
        links.append(contact.requirement.get_type_display() + " requirement")
    if contact.licence_condition is not None:
        links.append(condition_label(contact.licence_condition))
    hidden = contact.sensitive and not can_read_sensitive
    open_appointment = contact.is_appointment and not contact.outcome and contact.cancelled_at is None
    started = contact.starts_at <= now

    def url(name: str, show: bool) -> str:
        if not (show and can_manage):
            return ""
        return with_next(fast_reverse(f"contacts:{name}", crn, contact.pk), return_to)

    return ContactRow(
        pk=contact.pk,
        type=contact.get_type_display(),
        when=when(contact),
        officer=contact.officer.name,
        location=contact.location,
        links=links,
        outcome=outcome_tag(contact, now=now),
        notes=SENSITIVE_HIDDEN if hidden else contact.notes,
        notes_hidden=hidden,
        sensitive=contact.sensitive,
        cancel_reason=contact.cancel_reason,
        outcome_url=url("outcome", open_appointment and started),
        reschedule_url=url("reschedule", open_appointment),
        cancel_url=url("cancel", open_appointment),
        decide_url=url("decide", contact.outcome == OutcomeCode.AFTA),
        evidence_due_on=contact.evidence_due_on,
    )


@dataclass(frozen=True)
class OfficerRow:
    """A row on the officer's own lists: name and details unless the case is restricted to them."""

    crn: str
    restricted: bool
    message: str
    name: str
    type: str
    when: str
    location: str
    url: str
    outcome_url: str
    evidence_due_on: dt.date | None
    overdue: Tag | None


def officer_row(
    contact: Contact, *, today: dt.date | None = None, action: str = "outcome", return_to: str = ""
) -> OfficerRow:
    """``return_to`` is the list's own address: the action link carries it as ``?next=``."""
    person = cast(ListedPerson, contact.person)  # marked by contacts.selectors.with_access
    overdue = OVERDUE if today and contact.evidence_due_on and contact.evidence_due_on < today else None
    if person.lao_excluded or person.lao_restricted:
        return OfficerRow(
            person.crn,
            True,
            limited_access_message(person),
            "Restricted",
            "",
            when(contact),
            "",
            "",
            "",
            contact.evidence_due_on,
            overdue,
        )
    return OfficerRow(
        crn=person.crn,
        restricted=False,
        message="",
        name=person.display_name,
        type=contact_type(contact.type).description,
        when=when(contact),
        location=contact.location,
        url=fast_reverse("contacts:list", person.crn),
        outcome_url=with_next(fast_reverse(f"contacts:{action}", person.crn, contact.pk), return_to),
        evidence_due_on=contact.evidence_due_on,
        overdue=overdue,
    )
