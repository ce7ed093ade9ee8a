"""Time inputs on the booking, recording and rescheduling forms are GOV.UK text inputs (issue 10
item 9: they had no ``govuk-input`` class, so they were 15 px tall with 13 px text)."""

import re

import pytest
from django.urls import reverse

from probation.contacts.tests.conftest import at
from probation.contacts.tests.factories import ContactFactory

pytestmark = pytest.mark.django_db


def _time_inputs(page):
    return {
        name: tag
        for tag in re.findall(r"<input[^>]*>", page)
        for name in re.findall(r'name="((?:start|end)_time)"', tag)
    }


def _assert_govuk_time_inputs(page):
    inputs = _time_inputs(page)
    assert set(inputs) == {"start_time", "end_time"}
    for tag in inputs.values():
        assert 'type="text"' in tag
        classes = re.search(r'class="([^"]*)"', tag).group(1).split()
        assert "govuk-input" in classes
        assert "govuk-input--width-5" in classes


@pytest.mark.parametrize("name", ["contacts:book", "contacts:record"])
def test_booking_and_recording_forms_have_govuk_time_inputs(client, officer_user, case, sentence, name):
    client.force_login(officer_user)

    page = client.get(reverse(name, args=[case.crn])).content.decode()

    _assert_govuk_time_inputs(page)


def test_the_rescheduling_form_has_govuk_time_inputs(client, officer_user, case, sentence):
    appointment = ContactFactory(
        person=case, sentence=sentence, officer=officer_user.staff, starts_at=at(3, 14, 30)
    )
    client.force_login(officer_user)

    page = client.get(reverse("contacts:reschedule", args=[case.crn, appointment.pk])).content.decode()

    _assert_govuk_time_inputs(page)


def test_a_time_field_in_error_is_marked_as_an_input_in_error(client, officer_user, case, sentence):
    client.force_login(officer_user)

    page = client.post(reverse("contacts:book", args=[case.crn]), {"start_time": "25:99"}).content.decode()

    tag = _time_inputs(page)["start_time"]
    assert "govuk-input--error" in tag
    assert "Start time must be a real time, like 14:30" in page
