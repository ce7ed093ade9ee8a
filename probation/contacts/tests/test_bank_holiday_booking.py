"""Booking an appointment on a bank holiday warns, and books only once the user confirms (issue 10
item 9: it was accepted without a word)."""

import datetime as dt

import pytest
from django.urls import reverse

from probation.contacts.models import Contact
from probation.contacts.services.appointments import ContactDetails, appointment_book
from probation.contacts.times import london_datetime
from probation.core.clock import today_uk
from probation.core.errors import ServiceError
from probation.rules.calendar.working_days import is_bank_holiday, is_working_day

pytestmark = pytest.mark.django_db


def _next(predicate):
    day = today_uk() + dt.timedelta(days=2)
    while not predicate(day):
        day += dt.timedelta(days=1)
    return day


def _data(officer_user, day, **extra):
    return {
        "type": "planned_office_visit",
        "date_0": day.day,
        "date_1": day.month,
        "date_2": day.year,
        "start_time": "10:00",
        "end_time": "11:00",
        "officer": officer_user.staff.pk,
        "location": "Leeds Probation Office",
        "reminder": "",
    } | extra


def test_booking_on_a_bank_holiday_warns_and_books_nothing(client, officer_user, case):
    holiday = _next(is_bank_holiday)
    client.force_login(officer_user)

    response = client.post(reverse("contacts:book", args=[case.crn]), _data(officer_user, holiday))

    body = response.content.decode()
    assert response.status_code == 200
    assert "is a bank holiday (" in body
    assert "govuk-warning-text" in body
    assert 'name="confirm_bank_holiday"' in body
    assert Contact.objects.count() == 0


def test_booking_on_a_bank_holiday_goes_ahead_once_confirmed(client, officer_user, case):
    holiday = _next(is_bank_holiday)
    client.force_login(officer_user)

    response = client.post(
        reverse("contacts:book", args=[case.crn]), _data(officer_user, holiday, confirm_bank_holiday="on")
    )

    assert response.status_code == 302
    assert Contact.objects.get().starts_at == london_datetime(holiday, dt.time(10, 0))


def test_an_ordinary_working_day_needs_no_confirmation(client, officer_user, case):
    day = _next(is_working_day)
    client.force_login(officer_user)

    page = client.get(reverse("contacts:book", args=[case.crn])).content.decode()
    response = client.post(reverse("contacts:book", args=[case.crn]), _data(officer_user, day))

    assert 'name="confirm_bank_holiday"' not in page
    assert response.status_code == 302


def test_the_service_refuses_an_unconfirmed_bank_holiday_booking(officer_user, case):
    holiday = _next(is_bank_holiday)
    details = ContactDetails(
        type_code="planned_office_visit",
        starts_at=london_datetime(holiday, dt.time(10, 0)),
        ends_at=london_datetime(holiday, dt.time(11, 0)),
        location="Leeds Probation Office",
    )

    with pytest.raises(ServiceError) as refused:
        appointment_book(actor=officer_user, crn=case.crn, details=details)

    assert refused.value.field == "confirm_bank_holiday"
    assert Contact.objects.count() == 0
