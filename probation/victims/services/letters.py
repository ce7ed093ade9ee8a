"""Letters to victims from templates (issue 15 item 3; victims.md § What an opted-in victim is told).

An opted-out victim is refused with the reason and nothing is sent; key-stage letters go only to an
opted-in victim at the level they chose (rules.victims.letters). A letter never holds the prison's
location or the release address: the templates take neither, and the VLO's own words are refused
if they name a prison or any address of the offender. A letter sent is logged in the victim's
contact log. A victim who chose email or text is sent the letter's text that way
(services/messages.py, the victims app's own outbox); anyone else gets a PDF the unit posts.
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from probation.accounts.models import User
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core import clock
from probation.core.errors import NotFound, ServiceError
from probation.custody.models import CustodyRecord
from probation.people.models import Address
from probation.rules.victims.disclosure import letter_text_problems
from probation.rules.victims.letters import LETTER_LABELS, LetterKind, letter_refusal
from probation.victims.models import (
    Representation,
    RepresentationStatus,
    Victim,
    VictimContact,
    VictimLetter,
)
from probation.victims.selectors.scope import scheme_cases_visible_to
from probation.victims.services.messages import message_body, message_channel, victim_message_queue
from probation.victims.services.victims import _victim_for_change

LETTER = "victim_letter"
DETAILS_MAX = 3000
SENT_BY = {"letter": "", "email": " by email", "sms": " by text message"}


def _address_lines(address: Address) -> str:
    parts = [
        address.building_name,
        f"{address.address_number} {address.street_name}".strip(),
        address.district,
        address.town_city,
    ]
    return "\n".join(p for p in parts if p)


def victim_letter_send(
    *, actor: User, victim_id: int, kind: str, details: str = "", release_month: dt.date | None = None
) -> VictimLetter:
    if kind not in LetterKind._value2member_map_:
        raise ServiceError("Select the letter", field="kind")
    details = details.strip()
    if len(details) > DETAILS_MAX:
        raise ServiceError(f"Details must be {DETAILS_MAX:,} characters or fewer", field="details")
    if kind == LetterKind.RELEASE_MONTH and release_month is None:
        raise ServiceError("Enter the month of release", field="release_month")
    with transaction.atomic():
        victim = _victim_for_change(actor, victim_id)
        refused = letter_refusal(
            LetterKind(kind), participation=victim.participation, information_level=victim.information_level
        )
        if refused:
            raise ServiceError(refused, field="kind")
        addresses = list(Address.objects.filter(person_id=victim.scheme_case.person_id))
        problems = letter_text_problems(
            details,
            release_addresses=[_address_lines(a) for a in addresses],
            release_postcodes=[a.postcode for a in addresses],
        )
        if problems:
            raise ServiceError(
                f"A letter to a victim must never give {' or '.join(problems)}: remove it", field="details"
            )
        today = clock.today_uk()
        channel = message_channel(victim.preferred_method, email=victim.email, phone=victim.phone)
        letter = VictimLetter.objects.create(
            victim=victim,
            kind=kind,
            details=details,
            release_month=release_month.replace(day=1) if release_month else None,
            sent_on=today,
            sent_by=actor,
        )
        if channel is not None:
            body = message_body(
                _content(_letter_with_case(letter.pk) or letter),
                prisons=list(
                    CustodyRecord.objects.filter(person_id=victim.scheme_case.person_id)
                    .exclude(prison="")
                    .values_list("prison", flat=True)
                ),
                release_addresses=[_address_lines(a) for a in addresses],
                release_postcodes=[a.postcode for a in addresses],
            )
            victim_message_queue(
                actor=actor,
                letter=letter,
                channel=channel[0],
                to=channel[1],
                body=body,
                crn=victim.scheme_case.person.crn,
            )
        method = channel[0] if channel else "letter"
        VictimContact.objects.create(
            victim=victim,
            contact_date=today,
            method=method,
            summary=f"Letter sent{SENT_BY[method]}: {LETTER_LABELS[LetterKind(kind)]}",
            recorded_by=actor,
            first_contact=victim.scheme_case.first_contact_on is None,
        )
        if victim.scheme_case.first_contact_on is None:
            victim.scheme_case.first_contact_on = today
            victim.scheme_case.save(update_fields=["first_contact_on", "updated_at"])
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            crn=victim.scheme_case.person.crn,
            object_type=LETTER,
            object_id=letter.pk,
            detail={"victim": victim.pk, "kind": kind},
        )
    return letter


@dataclass(frozen=True)
class LetterContent:
    letter: VictimLetter
    victim: Victim
    title: str
    offender_name: str
    vlo: str
    unit: str
    conditions: list[Representation]
    licence_ends: dt.date | None


def _letter_with_case(letter_id: int, user: User | None = None) -> VictimLetter | None:
    found = VictimLetter.objects.filter(pk=letter_id)
    if user is not None:
        found = found.filter(victim__scheme_case__in=scheme_cases_visible_to(user))
    return found.select_related(
        "victim__scheme_case__person",
        "victim__scheme_case__vlo",
        "victim__scheme_case__region",
        "victim__scheme_case__event__sentence",
        "sent_by__staff",
    ).first()


def _content(letter: VictimLetter) -> LetterContent:
    case = letter.victim.scheme_case
    sentence = getattr(case.event, "sentence", None) if case.event else None
    conditions = list(
        case.representations.filter(status=RepresentationStatus.INCLUDED).order_by("decided_on", "id")
    )
    return LetterContent(
        letter=letter,
        victim=letter.victim,
        title=LETTER_LABELS[LetterKind(letter.kind)],
        offender_name=case.person.full_name,
        vlo=str(letter.sent_by),
        unit=f"Victim liaison unit, {case.region.name}",
        conditions=conditions,
        licence_ends=sentence.expected_end_date if sentence else None,
    )


def letter_content(*, user: User, letter_id: int) -> LetterContent:
    """What the template may show, and nothing else: no prison, no address of the offender."""
    letter = _letter_with_case(letter_id, user)
    if letter is None:
        raise NotFound(letter_id)
    return _content(letter)
