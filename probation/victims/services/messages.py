"""Letters to victims by email or text message (issue 15 item 3; ADR 0049).

When the victim chose email or text, ``victim_letter_send`` queues the letter's text in this app's own
outbox (``VictimMessage``: the offender record's ``NotificationMessage`` must never hold victim data)
and sends it after the commit through the notification backend of ADR 0016
(``probation.contacts.notify``). A backend failure is recorded as a failed message, never raised to the
VLO; a failed message is tried again from the victim's page or by ``send_victim_messages`` (at most
``MAX_ATTEMPTS`` in all). Queued, sent and failed each write one audit row (ids only).

The text is the letter's own (``victims/letters/message.txt``) and obeys the same rules: no prison,
no address of the offender (checked again on the rendered text before anything is queued).
"""

import logging

from django.db import transaction
from django.template.loader import render_to_string

from probation.accounts.models import User
from probation.accounts.policy import Permission, has_permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.contacts.notify import SendResult, notification_backend
from probation.core.clock import now
from probation.core.errors import NotFound, ServiceError
from probation.rules.victims.disclosure import message_text_problems
from probation.victims.models import MessageStatus, VictimLetter, VictimMessage
from probation.victims.selectors.scope import scheme_cases_visible_to

logger = logging.getLogger(__name__)

MESSAGE = "victim_message"
TEMPLATE = "victim_letter"  # the Notify template: NOTIFY_TEMPLATE_VICTIM_LETTER_EMAIL / _SMS
MAX_ATTEMPTS = 3
CHANNELS = ("email", "sms")


def message_channel(victim_method: str, *, email: str, phone: str) -> tuple[str, str] | None:
    """(channel, to) when the victim chose email or text and gave the address; None for a letter."""
    if victim_method == "email" and email:
        return "email", email
    if victim_method == "sms" and phone:
        return "sms", phone
    return None


def message_body(
    content: object, *, prisons: list[str], release_addresses: list[str], release_postcodes: list[str]
) -> str:
    body = render_to_string("victims/letters/message.txt", {"c": content}).strip()
    body = "\n".join(line.strip() for line in body.splitlines() if line.strip())
    if message_text_problems(
        body, prisons=prisons, release_addresses=release_addresses, release_postcodes=release_postcodes
    ):
        # The templates take neither; this can only be a condition or detail that slipped a check.
        raise ServiceError(
            "This letter cannot be sent by email or text: it would give a location", field="kind"
        )
    return body


def victim_message_queue(
    *, actor: User, letter: VictimLetter, channel: str, to: str, body: str, crn: str
) -> VictimMessage:
    """Queue the message in the caller's transaction; it is sent once that commits."""
    message = VictimMessage.objects.create(
        letter=letter, victim=letter.victim, channel=channel, to=to, body=body, status=MessageStatus.QUEUED
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        crn=crn,
        object_type=MESSAGE,
        object_id=message.pk,
        detail={"letter": letter.pk, "channel": channel, "status": MessageStatus.QUEUED},
    )
    transaction.on_commit(lambda: victim_message_send(message_id=message.pk))
    return message


def victim_message_send(*, message_id: int, actor: User | None = None) -> VictimMessage | None:
    """Try to send one queued or failed message; None when there is nothing to send."""
    with transaction.atomic():
        message = (
            VictimMessage.objects.select_for_update()
            .select_related("victim__scheme_case__person")
            .filter(
                pk=message_id,
                status__in=[MessageStatus.QUEUED, MessageStatus.FAILED],
                attempts__lt=MAX_ATTEMPTS,
            )
            .first()
        )
        if message is None:
            return None
        backend = notification_backend()
        try:
            result = backend.send(
                channel=message.channel,
                to=message.to,
                template=TEMPLATE,
                personalisation={"body": message.body},
                body=message.body,
            )
        except Exception:  # the provider is outside our control: record the failure and carry on
            logger.exception("victim message failed", extra={"victim_message_id": message.pk})
            result = SendResult(status="failed")
        message.attempts += 1
        message.backend = backend.name
        message.last_attempt_at = now()
        message.status = MessageStatus.SENT if result.status == "sent" else MessageStatus.FAILED
        message.provider_reference = result.reference
        message.sent_at = message.last_attempt_at if message.status == MessageStatus.SENT else None
        message.save(
            update_fields=[
                "attempts",
                "backend",
                "last_attempt_at",
                "status",
                "provider_reference",
                "sent_at",
            ]
        )
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            crn=message.victim.scheme_case.person.crn,
            object_type=MESSAGE,
            object_id=message.pk,
            detail={"status": message.status, "attempts": message.attempts},
        )
    return message


def victim_message_retry(*, actor: User, message_id: int) -> VictimMessage:
    """The VLO tries a failed message again (the victim's page shows the failure)."""
    found = (
        VictimMessage.objects.filter(pk=message_id, victim__scheme_case__in=scheme_cases_visible_to(actor))
        .values_list("status", "attempts")
        .first()
    )
    if found is None or not has_permission(actor, Permission.VICTIM_RECORDS_MANAGE):
        raise NotFound(message_id)
    status, attempts = found
    if status != MessageStatus.FAILED:
        raise ServiceError("Only a message that failed can be sent again")
    if attempts >= MAX_ATTEMPTS:
        raise ServiceError(
            f"This message failed {MAX_ATTEMPTS} times: check the victim's details, "
            "or send the letter by post"
        )
    sent = victim_message_send(message_id=message_id, actor=actor)
    if sent is None:  # sent from another window meanwhile (the row lock lets one press through)
        raise ServiceError("This message has already been sent again")
    return sent


def message_victim_id(*, actor: User, message_id: int) -> int:
    found = (
        VictimMessage.objects.filter(pk=message_id, victim__scheme_case__in=scheme_cases_visible_to(actor))
        .values_list("victim_id", flat=True)
        .first()
    )
    if found is None:
        raise NotFound(message_id)
    return found


def victim_messages_retry_failed(*, limit: int = 500) -> tuple[int, int]:
    """The scheduled retry (``manage.py send_victim_messages``): every failed or still queued message
    with attempts left. Returns (sent, failed)."""
    ids = list(
        VictimMessage.objects.filter(
            status__in=[MessageStatus.QUEUED, MessageStatus.FAILED], attempts__lt=MAX_ATTEMPTS
        )
        .order_by("queued_at", "id")
        .values_list("id", flat=True)[:limit]
    )
    sent = failed = 0
    for message_id in ids:
        message = victim_message_send(message_id=message_id)
        if message is not None and message.status == MessageStatus.SENT:
            sent += 1
        elif message is not None:
            failed += 1
    return sent, failed
