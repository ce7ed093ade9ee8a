"""Appointment reminders: sent on commit through the configured backend, only first name, date, time,
place, officer and how to rearrange (never offence, sentence, requirement or risk data), at most once
per appointment and template, and the next-day command is safe to run twice."""

import datetime as dt
from unittest import mock

import pytest
from django.core.management import call_command

from probation.contacts.models import NotificationMessage
from probation.contacts.notify import DAY_BEFORE, GovukNotifyBackend, reminder_send
from probation.contacts.services.appointments import ContactDetails, appointment_book
from probation.contacts.tests.conftest import at
from probation.core.errors import ServiceError
from probation.risk.tests.test_registration_factories import RegistrationFactory
from probation.sentences.tests.factories import EventOffenceFactory, RequirementFactory

pytestmark = pytest.mark.django_db


def _book(user, case, start, reminder="sms", **kwargs):
    details = ContactDetails(
        type_code=kwargs.pop("type_code", "drug_test"),
        starts_at=start,
        ends_at=start + dt.timedelta(hours=1),
        location="Leeds Probation Office",
        **kwargs,
    )
    return appointment_book(
        actor=user, crn=case.crn, details=details, reminder=reminder, bank_holiday_confirmed=True
    )


def test_reminder_is_sent_on_commit_with_only_the_allowed_details(
    officer_user, case, sentence, django_capture_on_commit_callbacks
):
    offence = EventOffenceFactory(
        event=sentence.event, description="Possession of a controlled drug of class A", ho_code="09203"
    )
    requirement = RequirementFactory(sentence=sentence, type="drug_rehabilitation", ordered=None)
    RegistrationFactory(person=case, register_type="AV2S")

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        contact = _book(
            officer_user,
            case,
            at(3, 14, 30),
            sentence_id=sentence.pk,
            requirement_id=requirement.pk,
            notes="Test for opiates",
        )
        assert not NotificationMessage.objects.exists()  # nothing before commit

    assert len(callbacks) == 1
    message = NotificationMessage.objects.get()
    assert (message.contact, message.channel, message.status, message.backend) == (
        contact,
        "sms",
        "sent",
        "recording",
    )
    assert message.body.startswith("Hello Gary. You have a probation appointment on ")
    assert "2:30pm" in message.body
    assert "Leeds Probation Office" in message.body
    assert officer_user.staff.name in message.body
    assert "rearrange" in message.body
    body = message.body.lower()
    for secret in (
        offence.description,
        offence.ho_code,
        "drug",
        "rehabilitation",
        "opiates",
        "community order",
        "risk",
        "staff",
        case.surname,
    ):
        assert secret.lower() not in body


def test_no_reminder_is_sent_when_the_booking_is_refused(
    officer_user, case, django_capture_on_commit_callbacks
):
    _book(officer_user, case, at(3, 10), reminder="")
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ServiceError):
        _book(officer_user, case, at(3, 10), reminder="sms")

    assert not NotificationMessage.objects.exists()


def test_a_reminder_is_sent_once_per_appointment_and_template(officer_user, case):
    contact = _book(officer_user, case, at(3), reminder="email")

    first = reminder_send(contact_id=contact.pk, template=DAY_BEFORE)
    second = reminder_send(contact_id=contact.pk, template=DAY_BEFORE)

    assert first is not None
    assert first.channel == "email"
    assert second is None
    assert NotificationMessage.objects.count() == 1


def test_next_day_command_sends_tomorrows_reminders_once(officer_user, case, colleague):
    tomorrow = _book(officer_user, case, at(1, 9))
    _book(officer_user, case, at(2, 9))
    _book(officer_user, case, at(1, 15), reminder="")

    call_command("send_appointment_reminders")
    call_command("send_appointment_reminders")

    assert list(NotificationMessage.objects.values_list("contact_id", "template")) == [
        (tomorrow.pk, DAY_BEFORE)
    ]


def test_govuk_notify_backend_uses_the_official_client_and_environment(
    monkeypatch, officer_user, case, settings
):
    settings.NOTIFICATION_BACKEND = "probation.contacts.notify.GovukNotifyBackend"
    monkeypatch.setenv("NOTIFY_API_KEY", "test-key")
    monkeypatch.setenv("NOTIFY_TEMPLATE_APPOINTMENT_REMINDER_SMS", "tmpl-1")
    contact = _book(officer_user, case, at(1, 9))
    with mock.patch("notifications_python_client.notifications.NotificationsAPIClient") as client:
        client.return_value.send_sms_notification.return_value = {"id": "notify-123"}
        message = reminder_send(contact_id=contact.pk, template=DAY_BEFORE)

    client.assert_called_once_with("test-key")
    kwargs = client.return_value.send_sms_notification.call_args.kwargs
    assert (kwargs["phone_number"], kwargs["template_id"]) == ("07700900123", "tmpl-1")
    assert set(kwargs["personalisation"]) == {
        "first_name",
        "date",
        "time",
        "location",
        "officer",
        "rearrange",
    }
    assert (message.backend, message.status, message.provider_reference) == (
        "govuk_notify",
        "sent",
        "notify-123",
    )
    assert GovukNotifyBackend.name == "govuk_notify"


def test_a_provider_failure_is_recorded_not_raised(monkeypatch, officer_user, case, settings):
    settings.NOTIFICATION_BACKEND = "probation.contacts.notify.GovukNotifyBackend"
    monkeypatch.setenv("NOTIFY_API_KEY", "test-key")
    contact = _book(officer_user, case, at(1, 9))  # no template id in the environment: the send fails

    with mock.patch("notifications_python_client.notifications.NotificationsAPIClient"):
        message = reminder_send(contact_id=contact.pk, template=DAY_BEFORE)

    assert (message.status, message.sent_at) == ("failed", None)
