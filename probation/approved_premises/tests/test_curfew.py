"""The night's sign-in register: on time, late, missed; a late or missed sign-in reaches the
responsible officer as a contact to assess, linked to the licence's residence condition."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from probation.approved_premises.models import SignIn
from probation.approved_premises.tests.factories import ap_staff_at, booking, premises_with_beds
from probation.contacts.models import Contact
from probation.core.clock import today_uk
from probation.people.tests.factories import PersonFactory
from probation.sentences.tests.factories import LicenceConditionFactory

pytestmark = pytest.mark.django_db
LAST_NIGHT = today_uk() - dt.timedelta(days=2)  # a night whose curfew has certainly started


@pytest.fixture
def premises():
    return premises_with_beds(3, name="Ashby House")


@pytest.fixture
def resident(premises, officer_user):
    person = PersonFactory(officer=officer_user.staff, surname="Resident")
    condition = LicenceConditionFactory(
        licence__sentence__event__person=person,
        licence__sentence__person=person,
        category="approved_premises_residence",
    )
    made = booking(
        person,
        premises,
        LAST_NIGHT - dt.timedelta(days=5),
        LAST_NIGHT + dt.timedelta(days=60),
        status="arrived",
    )
    made.condition = condition
    return made


def _post(client, premises, resident, **data):
    url = reverse("approved_premises:premises-tonight", args=[premises.pk])
    return client.post(url, {"night": LAST_NIGHT.isoformat(), "booking": resident.pk, **data})


def test_the_register_lists_residents_for_the_night(client, premises, resident):
    client.force_login(ap_staff_at(premises))
    response = client.get(
        reverse("approved_premises:premises-tonight", args=[premises.pk]) + f"?night={LAST_NIGHT}"
    )
    assert [r.booking.pk for r in response.context["rows"]] == [resident.pk]


def test_an_on_time_sign_in_tells_nobody(client, premises, resident):
    client.force_login(ap_staff_at(premises))
    response = _post(client, premises, resident, action="sign_in", time="22:40")
    assert response.status_code == 302
    sign_in = SignIn.objects.get()
    assert (sign_in.late, sign_in.contact) == (False, None)
    assert not Contact.objects.exists()


def test_a_missed_sign_in_reaches_the_officer_as_a_contact_to_assess(
    client, premises, resident, officer_user
):
    client.force_login(ap_staff_at(premises))

    response = _post(client, premises, resident, action="missed")

    assert response.status_code == 302
    contact = Contact.objects.get()
    assert (contact.type, contact.officer, contact.licence_condition) == (
        "approved_premises_sign_in",
        officer_user.staff,
        resident.condition,
    )
    assert "Missed curfew sign-in at Ashby House" in contact.notes
    assert "consider whether a recall is needed" in contact.notes
    assert list(Contact.objects.outstanding(now=timezone.now())) == [contact]  # needs the officer's outcome
    assert Contact.objects.with_carries_out_requirement().get().carries_out_requirement is True
    client.force_login(officer_user)
    work = client.get(reverse("worklists:mine"))
    assert resident.person.crn in work.content.decode()


def test_a_late_return_reaches_the_officer_too(client, premises, resident):
    client.force_login(ap_staff_at(premises))
    _post(client, premises, resident, action="sign_in", time="00:45")
    sign_in = SignIn.objects.get()
    assert sign_in.late is True
    assert "Late return to Ashby House: signed in at 00:45" in sign_in.contact.notes


def test_a_night_is_recorded_once(client, premises, resident):
    client.force_login(ap_staff_at(premises))
    _post(client, premises, resident, action="sign_in", time="22:40")
    second = _post(client, premises, resident, action="missed")
    assert second.status_code == 400
    assert "already been recorded" in second.content.decode()
    assert SignIn.objects.count() == 1
    assert not Contact.objects.exists()


def test_a_bad_time_is_refused_and_nothing_recorded(client, premises, resident):
    client.force_login(ap_staff_at(premises))
    response = _post(client, premises, resident, action="sign_in", time="25:99")
    assert "Enter the time signed in, like 22:45" in response.content.decode()
    assert not SignIn.objects.exists()
