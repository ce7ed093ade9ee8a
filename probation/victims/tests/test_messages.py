"""Letters by email or text message (issue 15 item 3; ADR 0049): a victim who chose email or text is
sent the letter's text through the notification backend, from the victims app's own outbox (never the
offender record's notification table); queued, sent, failed and tried again, each audited; the text
never holds the prison or the release address; an opted-out victim is refused and nothing is queued."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from probation.audit.models import AuditEvent
from probation.contacts.models import NotificationMessage
from probation.contacts.notify import SendResult
from probation.custody.tests.factories import custody_record
from probation.people.tests.factories import AddressFactory
from probation.victims.models import VictimContact, VictimLetter, VictimMessage
from probation.victims.services import messages as messages_service
from probation.victims.services.letters import victim_letter_send
from probation.victims.services.representations import representation_decide
from probation.victims.tests.factories import (
    RepresentationFactory,
    SchemeCaseFactory,
    VictimFactory,
    vlo_user,
)

pytestmark = pytest.mark.django_db
PRISON = "HMP Wakefield"


class FailingBackend:
    name = "failing"
    calls = 0

    def send(self, **kwargs):
        FailingBackend.calls += 1
        raise ConnectionError("provider down")


class RecordingBackend:
    name = "recording"
    sent: list[dict] = []

    def send(self, **kwargs):
        RecordingBackend.sent.append(kwargs)
        return SendResult(status="sent", reference="notify-123")


@pytest.fixture(autouse=True)
def backend(settings):
    RecordingBackend.sent = []
    FailingBackend.calls = 0
    settings.NOTIFICATION_BACKEND = f"{__name__}.RecordingBackend"
    return settings


@pytest.fixture
def victim(case):
    AddressFactory(
        person=case, address_number="4", street_name="Mill Lane", town_city="Hunslet", postcode="LS10 1AB"
    )
    custody_record(case, prison=PRISON)
    return VictimFactory(
        scheme_case=SchemeCaseFactory(person=case),
        participation="opted_in",
        preferred_method="email",
        email="victim@example.org",
        phone="07700 900123",
    )


def _send(client, victim, kind="recall", **data):
    client.force_login(vlo_user(victim.scheme_case.person))
    with_commit = {"kind": kind, **data}
    return client.post(reverse("victims:letter-create", args=[victim.pk]), with_commit)


def test_a_victim_who_chose_email_is_sent_the_letter_by_email(
    client, victim, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _send(client, victim)

    assert response.status_code == 302
    message = VictimMessage.objects.get()
    assert (message.channel, message.to, message.status, message.attempts, message.provider_reference) == (
        "email",
        "victim@example.org",
        "sent",
        1,
        "notify-123",
    )
    assert [(s["channel"], s["to"], s["template"]) for s in RecordingBackend.sent] == [
        ("email", "victim@example.org", "victim_letter")
    ]
    assert "has been recalled to prison" in message.body
    contact = VictimContact.objects.get()
    assert (contact.method, contact.summary) == ("email", "Letter sent by email: Recall to prison")
    assert list(
        AuditEvent.objects.filter(object_type="victim_message")
        .order_by("pk")
        .values_list("action", "detail__status")
    ) == [("create", "queued"), ("update", "sent")]
    # The offender record's notification table never holds victim data.
    assert not NotificationMessage.objects.exists()


def test_a_victim_who_chose_text_is_sent_a_text(client, victim, django_capture_on_commit_callbacks):
    victim.preferred_method = "sms"
    victim.save()

    with django_capture_on_commit_callbacks(execute=True):
        _send(client, victim, kind="scheme_offer")

    message = VictimMessage.objects.get()
    assert (message.channel, message.to, message.status) == ("sms", "07700 900123", "sent")


def test_a_victim_who_chose_letters_gets_a_pdf_and_nothing_is_queued(client, victim):
    victim.preferred_method = "letter"
    victim.save()

    _send(client, victim)

    assert VictimLetter.objects.count() == 1
    assert not VictimMessage.objects.exists()
    assert VictimContact.objects.get().method == "letter"


def test_email_chosen_without_an_address_falls_back_to_a_letter(client, victim):
    victim.email = ""
    victim.save()

    _send(client, victim)

    assert not VictimMessage.objects.exists()
    assert VictimContact.objects.get().method == "letter"


def test_an_opted_out_victim_is_refused_and_nothing_is_queued_or_sent(
    client, victim, django_capture_on_commit_callbacks
):
    victim.participation = "opted_out"
    victim.save()

    with django_capture_on_commit_callbacks(execute=True):
        response = _send(client, victim)

    assert "This victim has opted out of the scheme" in response.content.decode()
    assert not VictimMessage.objects.exists()
    assert not VictimLetter.objects.exists()
    assert RecordingBackend.sent == []


def test_the_text_never_holds_the_prison_or_the_release_address(
    client, victim, officer_user, django_capture_on_commit_callbacks
):
    request = RepresentationFactory(victim=victim, request="No contact with the victim or her family")
    representation_decide(
        actor=officer_user,
        crn=victim.scheme_case.person.crn,
        representation_id=request.pk,
        decision="included",
        reason="Necessary and proportionate",
        expected_version=request.version,
    )

    with django_capture_on_commit_callbacks(execute=True):
        _send(client, victim, kind="licence_conditions")

    body = VictimMessage.objects.get().body.lower()
    assert "no contact with the victim or her family" in body
    for never in (PRISON, "wakefield", "mill lane", "hunslet", "ls10 1ab", "ls10"):
        assert never.lower() not in body, never


def test_the_vlos_words_naming_the_prison_are_refused_and_nothing_is_queued(client, victim):
    response = _send(client, victim, details=f"He is held at {PRISON}.")

    assert "A letter to a victim must never give the prison: remove it" in response.content.decode()
    assert not VictimMessage.objects.exists()


def test_a_failed_message_is_recorded_and_sent_again_from_the_victims_page(
    client, victim, backend, django_capture_on_commit_callbacks
):
    backend.NOTIFICATION_BACKEND = f"{__name__}.FailingBackend"
    with django_capture_on_commit_callbacks(execute=True):
        _send(client, victim)
    message = VictimMessage.objects.get()
    assert (message.status, message.attempts, message.sent_at) == ("failed", 1, None)
    page = client.get(reverse("victims:victim", args=[victim.pk])).content.decode()
    assert "Failed" in page
    assert "Send again" in page

    backend.NOTIFICATION_BACKEND = f"{__name__}.RecordingBackend"
    response = client.post(reverse("victims:message-retry", args=[message.pk]))

    assert response.status_code == 302
    message.refresh_from_db()
    assert (message.status, message.attempts) == ("sent", 2)
    assert list(
        AuditEvent.objects.filter(object_type="victim_message")
        .order_by("pk")
        .values_list("detail__status", flat=True)
    ) == ["queued", "failed", "sent"]


def test_a_sent_message_cannot_be_sent_again(client, victim, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _send(client, victim)
    message = VictimMessage.objects.get()

    client.post(reverse("victims:message-retry", args=[message.pk]))

    message.refresh_from_db()
    assert message.attempts == 1
    assert len(RecordingBackend.sent) == 1


def test_the_scheduled_retry_stops_after_three_attempts(victim, backend, django_capture_on_commit_callbacks):
    backend.NOTIFICATION_BACKEND = f"{__name__}.FailingBackend"
    actor = vlo_user(victim.scheme_case.person)
    with django_capture_on_commit_callbacks(execute=True):
        victim_letter_send(actor=actor, victim_id=victim.pk, kind="recall")

    call_command("send_victim_messages")
    call_command("send_victim_messages")
    call_command("send_victim_messages")

    message = VictimMessage.objects.get()
    assert (message.status, message.attempts, FailingBackend.calls) == ("failed", 3, 3)
    with pytest.raises(messages_service.ServiceError, match="failed 3 times"):
        messages_service.victim_message_retry(actor=actor, message_id=message.pk)


def test_another_regions_vlo_cannot_retry_a_message(
    client, victim, backend, django_capture_on_commit_callbacks
):
    backend.NOTIFICATION_BACKEND = f"{__name__}.FailingBackend"
    with django_capture_on_commit_callbacks(execute=True):
        _send(client, victim)
    message = VictimMessage.objects.get()
    backend.NOTIFICATION_BACKEND = f"{__name__}.RecordingBackend"
    client.force_login(vlo_user(SchemeCaseFactory().person))

    response = client.post(reverse("victims:message-retry", args=[message.pk]))

    assert response.status_code == 404
    message.refresh_from_db()
    assert (message.status, message.attempts) == ("failed", 1)
