"""Creating forms are idempotent on double-submit (issue 9 item 7): the form carries a one-time key;
a second POST with it redirects to where the first went and creates nothing."""

import re

import pytest
from django.urls import reverse

from probation.contacts.models import Contact
from probation.core.clock import today_uk
from probation.people.models import Alias, FormSubmission

pytestmark = pytest.mark.django_db


def _key(client, url):
    page = client.get(url).content.decode()
    return re.search(r'name="submission_key" value="([0-9a-f-]{36})"', page)[1]


def _post_twice(client, url, data):
    data = {**data, "submission_key": _key(client, url)}
    first = client.post(url, data)
    second = client.post(url, data)
    assert first.status_code == 302, first.content.decode()[-2000:]
    assert second.status_code == 302
    assert second["Location"] == first["Location"]
    return first


@pytest.mark.parametrize("name", ["contacts:record", "contacts:book"])
def test_a_contact_or_booking_posted_twice_with_its_key_is_created_once(client, officer_user, case, name):
    client.force_login(officer_user)
    day = today_uk()
    data = {
        "contacts:record": {"type": "case_note", "start_time": "00:01", "notes": "Called"},
        "contacts:book": {
            "type": "home_visit",
            "start_time": "10:00",
            "end_time": "11:00",
            "confirm_bank_holiday": "on",  # a year from today may be a bank holiday
        },
    }[name] | {
        "date_0": day.day,
        "date_1": day.month,
        "date_2": day.year + (name == "contacts:book"),
        "officer": officer_user.staff.pk,
    }

    _post_twice(client, reverse(name, args=[case.crn]), data)

    assert Contact.objects.filter(person=case).count() == 1
    assert FormSubmission.objects.filter(actor=officer_user).count() == 1


def test_each_showing_of_the_form_has_a_new_key(client, officer_user, case):
    client.force_login(officer_user)
    url = reverse("contacts:record", args=[case.crn])
    assert _key(client, url) != _key(client, url)


def test_an_alias_posted_twice_with_its_key_is_added_once(client, officer_user, case):
    client.force_login(officer_user)
    url = reverse("people:alias-create", args=[case.crn])
    data = {"first_name": "Bobby", "surname": "Dazzler", "submission_key": _key(client, url)}
    assert client.post(url, data).status_code == 302
    assert client.post(url, data | {"first_name": "Robert"}).status_code == 302

    assert list(Alias.objects.filter(person=case).values_list("first_name", flat=True)) == ["Bobby"]


def test_a_refused_post_keeps_the_key_usable(client, officer_user, case):
    client.force_login(officer_user)
    url = reverse("people:alias-create", args=[case.crn])
    key = _key(client, url)

    refused = client.post(url, {"first_name": "", "surname": "", "submission_key": key})
    assert refused.status_code == 200
    assert key in refused.content.decode()
    assert (
        client.post(url, {"first_name": "Bobby", "surname": "Dazzler", "submission_key": key}).status_code
        == 302
    )
    assert Alias.objects.filter(person=case).count() == 1
