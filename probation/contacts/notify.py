"""Appointment reminders to the person by text message or email, through a pluggable backend.

``settings.NOTIFICATION_BACKEND`` names the backend (ADR 0016): ``RecordingBackend`` in development
and tests (nothing leaves the machine) and ``GovukNotifyBackend`` in production (GOV.UK Notify's
official client, configured only from the environment). Either way every message is stored as a
``NotificationMessage`` row, at most one per appointment and template (a unique constraint), so a
reminder job run twice sends nothing twice.

A message says only the first name, date, time, place, officer and how to rearrange (issue 3 item
5): never offence, sentence, requirement or risk data, because a phone or inbox is outside our
boundary. ``reminder_personalisation`` is the one place that chooses what goes in.
"""

import logging
import os
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.module_loading import import_string

from probation.contacts.models import Contact, NotificationMessage
from probation.contacts.times import clock, long_date
from probation.core.clock import now

logger = logging.getLogger(__name__)

BOOKED = "appointment_booked"  # sent when the appointment is booked
DAY_BEFORE = "appointment_reminder"  # sent the day before by send_appointment_reminders
TEMPLATES = (BOOKED, DAY_BEFORE)
DEFAULT_BACKEND = "probation.contacts.notify.RecordingBackend"
REARRANGE = "If you cannot come, contact your probation officer before the appointment to rearrange it."


@dataclass(frozen=True)
class SendResult:
    status: str  # "sent" or "failed"
    reference: str = ""


class NotificationBackend(Protocol):
    name: str

    def send(
        self, *, channel: str, to: str, template: str, personalisation: dict[str, str], body: str
    ) -> SendResult: ...


class RecordingBackend:
    """Records the message (the NotificationMessage row is the record); sends nothing anywhere."""

    name = "recording"

    def send(
        self, *, channel: str, to: str, template: str, personalisation: dict[str, str], body: str
    ) -> SendResult:
        return SendResult(status="sent", reference="")


class GovukNotifyBackend:
    """GOV.UK Notify. Environment: NOTIFY_API_KEY and one template id per template and channel,
    NOTIFY_TEMPLATE_APPOINTMENT_BOOKED_SMS, ..._EMAIL, NOTIFY_TEMPLATE_APPOINTMENT_REMINDER_SMS, ..._EMAIL.
    The Notify templates use the personalisation fields, so the wording is managed in Notify."""

    name = "govuk_notify"

    def __init__(self) -> None:
        from notifications_python_client.notifications import NotificationsAPIClient

        self.client = NotificationsAPIClient(os.environ["NOTIFY_API_KEY"])

    def send(
        self, *, channel: str, to: str, template: str, personalisation: dict[str, str], body: str
    ) -> SendResult:
        template_id = os.environ[f"NOTIFY_TEMPLATE_{template.upper()}_{channel.upper()}"]
        if channel == "sms":
            response = self.client.send_sms_notification(
                phone_number=to, template_id=template_id, personalisation=personalisation
            )
        else:
            response = self.client.send_email_notification(
                email_address=to, template_id=template_id, personalisation=personalisation
            )
        return SendResult(status="sent", reference=str(response.get("id", ""))[:64])


def notification_backend() -> NotificationBackend:
    return import_string(getattr(settings, "NOTIFICATION_BACKEND", DEFAULT_BACKEND))()


def reminder_personalisation(contact: Contact) -> dict[str, str]:
    """Everything a reminder may say. Deliberately not the contact type (a "drug test" or
    "unpaid work session" would reveal the order) and nothing from the sentence or risk records."""
    return {
        "first_name": contact.person.preferred_name or contact.person.first_name,
        "date": long_date(contact.starts_at),
        "time": clock(contact.starts_at),
        "location": contact.location or "your probation office",
        "officer": contact.officer.name,
        "rearrange": REARRANGE,
    }


def reminder_body(template: str, fields: dict[str, str]) -> str:
    opening = (
        "You have a probation appointment"
        if template == BOOKED
        else "Reminder: you have a probation appointment"
    )
    return (
        f"Hello {fields['first_name']}. {opening} on {fields['date']} at {fields['time']} at "
        f"{fields['location']} with {fields['officer']}. {fields['rearrange']}"
    )


def _address(contact: Contact) -> str:
    return contact.person.mobile if contact.reminder == "sms" else contact.person.email


def reminder_send(*, contact_id: int, template: str) -> NotificationMessage | None:
    """Send one reminder for the appointment if it still wants one; None if it does not or was
    already sent. A backend failure is recorded as a failed message, never raised to the user."""
    contact = (
        Contact.objects.select_related("person", "officer")
        .filter(pk=contact_id, is_appointment=True, cancelled_at__isnull=True, outcome="")
        .exclude(reminder="")
        .first()
    )
    if contact is None or not _address(contact):
        return None
    fields = reminder_personalisation(contact)
    backend = notification_backend()
    try:
        with transaction.atomic():
            message = NotificationMessage.objects.create(
                person=contact.person,
                contact=contact,
                channel=contact.reminder,
                template=template,
                body=reminder_body(template, fields),
                backend=backend.name,
            )
    except IntegrityError:
        return None  # already sent (notification_once_per_contact_template)
    try:
        result = backend.send(
            channel=contact.reminder,
            to=_address(contact),
            template=template,
            personalisation=fields,
            body=message.body,
        )
    except Exception:  # the provider is outside our control; record the failure and carry on
        logger.exception("notification failed", extra={"notification_id": message.pk})
        result = SendResult(status="failed")
    message.status, message.provider_reference = result.status, result.reference
    message.sent_at = now() if result.status == "sent" else None
    message.save(update_fields=["status", "provider_reference", "sent_at"])
    return message


def reminder_send_on_commit(contact: Contact, template: str = BOOKED) -> None:
    """Queue the reminder for after the booking commits, so a rolled-back booking sends nothing."""
    if contact.reminder:
        transaction.on_commit(lambda: reminder_send(contact_id=contact.pk, template=template))
