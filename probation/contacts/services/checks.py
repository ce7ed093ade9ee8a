"""The checks every contact write makes: its times, the officer, links to the person's sentence,
requirement and licence condition, and clashes.

Sources: enforcement.md "Contacts and appointments" (a contact's type, time, officer, location and linked
sentence/requirement/condition) and issue 3 item 5 (clash detection for the officer and the person).
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q

from probation.accounts.models import Staff
from probation.contacts.models import Contact
from probation.contacts.times import clock, long_date
from probation.core.errors import ServiceError
from probation.people.models import Person
from probation.rules.contacts.outcomes import OutcomeCode
from probation.sentences.models import LicenceCondition, Requirement, Sentence

CONTACT = "contact"  # audit object type
RESCHEDULED = (OutcomeCode.RSOF.value, OutcomeCode.RSSR.value)


def check_times(starts_at: dt.datetime, ends_at: dt.datetime | None) -> None:
    if ends_at is not None and ends_at <= starts_at:
        raise ServiceError("End time must be after the start time", field="end_time")


def officer_for_contact(*, person: Person, officer_id: int | None) -> Staff:
    """The officer: any active member of staff in the case's managing PDU (its teams)."""
    if officer_id is None:
        if person.officer_id is None:
            raise ServiceError("Select the officer", field="officer")
        officer_id = person.officer_id
    officer = Staff.objects.select_related("team").filter(pk=officer_id, active=True).first()
    if officer is None or officer.team.pdu_id != person.pdu_id:
        raise ServiceError("Select an officer from this case's probation delivery unit", field="officer")
    return officer


@dataclass(frozen=True)
class Links:
    sentence: Sentence | None
    requirement: Requirement | None
    licence_condition: LicenceCondition | None


def _sentence_ends_on(sentence: Sentence) -> dt.date | None:
    """The last day a contact can belong to the sentence: its termination date once terminated;
    otherwise the latest of its expected end and, after custody, the licence or PSS end."""
    if sentence.terminated_on is not None:
        return sentence.terminated_on
    licence = getattr(sentence, "licence", None) if hasattr(sentence, "licence") else None
    ends = [sentence.expected_end_date]
    if licence is not None:
        ends += [licence.licence_expiry_date, licence.pss_end_date, licence.top_up_end_date]
    known = [d for d in ends if d is not None]
    return max(known) if known else None


def contact_links(
    *,
    person: Person,
    day: dt.date,
    sentence_id: int | None,
    requirement_id: int | None,
    licence_condition_id: int | None,
) -> Links:
    """The linked records, refused unless they are this person's: a requirement of the linked
    sentence, a condition of its licence, and the contact's date within the sentence."""
    sentence = requirement = condition = None
    if (requirement_id or licence_condition_id) and sentence_id is None:
        raise ServiceError("Select the sentence the requirement or condition belongs to", field="sentence")
    if sentence_id is not None:
        sentence = Sentence.objects.select_related("licence").filter(person=person, pk=sentence_id).first()
        if sentence is None:
            raise ServiceError("Select one of this person's sentences", field="sentence")
        ends_on = _sentence_ends_on(sentence)
        if day < sentence.start_date or (ends_on is not None and day > ends_on):
            period = f"from {sentence.start_date:%-d %B %Y}" + (f" to {ends_on:%-d %B %Y}" if ends_on else "")
            raise ServiceError(f"The date must be within the sentence ({period})", field="date")
    if requirement_id is not None:
        requirement = Requirement.objects.filter(sentence=sentence, pk=requirement_id).first()
        if requirement is None:
            raise ServiceError("Select a requirement of the linked sentence", field="requirement")
    if licence_condition_id is not None:
        condition = LicenceCondition.objects.filter(
            licence__sentence=sentence, pk=licence_condition_id
        ).first()
        if condition is None:
            raise ServiceError("Select a licence condition of the linked sentence", field="licence_condition")
    return Links(sentence, requirement, condition)


def _overlapping(starts_at: dt.datetime, ends_at: dt.datetime | None) -> Q:
    """Non-cancelled, not rescheduled appointments whose time overlaps [starts_at, ends_at). An
    appointment without an end time occupies its start instant."""
    ends_at = ends_at or starts_at + dt.timedelta(minutes=1)
    return (
        Q(is_appointment=True, cancelled_at__isnull=True, starts_at__lt=ends_at)
        & ~Q(outcome__in=RESCHEDULED)
        & (Q(ends_at__gt=starts_at) | Q(ends_at__isnull=True, starts_at__gte=starts_at))
    )


def _when(contact: Contact) -> str:
    until = f" to {clock(contact.ends_at)}" if contact.ends_at else ""
    return f"from {clock(contact.starts_at)}{until} on {long_date(contact.starts_at)}"


def check_clashes(
    *,
    person: Person,
    officer: Staff,
    starts_at: dt.datetime,
    ends_at: dt.datetime | None,
    ignore_id: int | None = None,
    on_project: bool = False,
) -> None:
    """Refuse an appointment that overlaps one the officer or the person already has (issue 3
    item 5). The officer's clash does not say who the other appointment is with. Unpaid-work sessions
    at a project (``on_project``, issue 13) are the project's, not the officer's: they neither clash
    with the officer's appointments nor meet clashes from them; they still clash with the person's."""
    overlapping = Contact.objects.filter(_overlapping(starts_at, ends_at)).exclude(pk=ignore_id)
    if not on_project:
        theirs = overlapping.filter(officer=officer, on_project=False).order_by("starts_at", "id").first()
        if theirs is not None:
            raise ServiceError(
                f"{officer.name} already has an appointment {_when(theirs)}", field="start_time"
            )
    mine = overlapping.filter(person=person).select_related("officer").order_by("starts_at", "id").first()
    if mine is not None:
        with_whom = f"at {mine.location or 'a project'}" if mine.on_project else f"with {mine.officer.name}"
        raise ServiceError(
            f"This person already has {mine.get_type_display().lower()} {with_whom} {_when(mine)}",
            field="start_time",
        )
