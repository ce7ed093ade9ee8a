"""The officer's diary as an iCalendar feed, for calendar apps that subscribe without a session.

The URL carries a per-officer random secret (256 bits). Only its SHA-256 is stored, so the link is
shown once when it is made; the officer can replace it or turn it off (services/feeds.py), and the
old link stops working at once. The request log redacts it (core/logging.py). Calendar apps are outside our
boundary (ADR 0016), so an event carries only the CRN, the contact type, the time and the location:
never a name, and for limited-access cases not even the type or location.
"""

import datetime as dt
import hashlib
import secrets
from typing import cast

from icalendar import Calendar, Event

from probation.accounts.models import Staff
from probation.contacts.models import Contact
from probation.people.policy import ListedPerson
from probation.rules.contacts.outcomes import contact_type

# A calendar needs recent history and what is coming; older appointments are in the diary page.
FEED_DAYS_BACK = 28
FEED_DAYS_AHEAD = 91


def feed_token_new() -> str:
    return secrets.token_urlsafe(32)


def feed_token_hash(token: str) -> str:
    """A plain hash is enough: the token is random and long, so there is nothing to brute-force."""
    return hashlib.sha256(token.encode()).hexdigest()


def feed_calendar(staff: Staff, contacts: list[Contact], *, generated_at: dt.datetime) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//OpenProbation//Officer diary//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Probation appointments")
    for contact in contacts:
        person = cast(ListedPerson, contact.person)  # marked by contacts.selectors.diary_list
        restricted = person.lao_excluded or person.lao_restricted
        event = Event()
        event.add("uid", f"contact-{contact.pk}@openprobation")
        event.add("dtstamp", generated_at)
        event.add("dtstart", contact.starts_at)
        event.add("dtend", contact.ends_at or contact.starts_at + dt.timedelta(hours=1))
        if restricted:
            event.add("summary", f"Appointment – {person.crn}")
        else:
            event.add("summary", f"{contact_type(contact.type).description} – {person.crn}")
            if contact.location:
                event.add("location", contact.location)
        calendar.add_component(event)
    return calendar.to_ical()
