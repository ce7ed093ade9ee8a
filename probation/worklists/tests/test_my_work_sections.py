"""What used to be three items of the top navigation ("Needs an outcome", "Reviews due", "MAPPA
actions") are sections of My work, each linking to its full list."""

import datetime as dt
import html
import re

import pytest
from django.urls import reverse

from probation.mappa.tests.factories import MappaActionFactory, MappaMeetingFactory
from probation.people.tests.factories import PersonFactory
from probation.risk.tests.test_registration_factories import RegistrationFactory

pytestmark = pytest.mark.django_db
D = dt.date


def _text(response) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", response.content.decode())))


@pytest.fixture
def person(officer_user):
    return PersonFactory(officer=officer_user.staff)


def test_my_work_counts_registration_reviews_due_and_links_to_them(client, officer_user, person, frozen):
    RegistrationFactory(
        person=person, register_type="ALSH", registered_on=D(2025, 1, 1), next_review_on=D(2025, 4, 1)
    )
    RegistrationFactory(
        person=person, register_type="RVHR", registered_on=D(2025, 1, 1), next_review_on=D(2025, 5, 1)
    )
    RegistrationFactory(
        person=person, register_type="WEAP", registered_on=D(2025, 1, 1), next_review_on=D(2025, 12, 1)
    )
    client.force_login(officer_user)

    response = client.get(reverse("worklists:mine"))

    assert "2 registration reviews due, 1 overdue." in _text(response)
    assert f'href="{reverse("risk:registration-reviews-due")}"' in response.content.decode()


def test_my_work_counts_open_mappa_actions_and_links_to_them(client, officer_user, person, frozen):
    meeting = MappaMeetingFactory(person=person)
    MappaActionFactory(meeting=meeting, due_on=D(2025, 4, 1))
    MappaActionFactory(meeting=meeting, due_on=D(2025, 6, 1))
    MappaActionFactory(meeting=meeting, due_on=D(2025, 3, 1), completed_on=D(2025, 3, 1))
    MappaActionFactory(meeting=MappaMeetingFactory(), due_on=D(2025, 4, 1))  # someone else's case
    client.force_login(officer_user)

    response = client.get(reverse("worklists:mine"))

    assert "2 open MAPPA actions, 1 overdue." in _text(response)
    assert f'href="{reverse("mappa:actions-due")}"' in response.content.decode()


def test_my_work_links_to_every_appointment_needing_an_outcome(client, officer_user, frozen):
    client.force_login(officer_user)

    response = client.get(reverse("worklists:mine"))

    assert f'href="{reverse("contacts:outstanding")}"' in response.content.decode()
    assert "No registration reviews due." in _text(response)
    assert "No open MAPPA actions." in _text(response)


def test_a_managers_drill_down_shows_the_counts_without_the_officers_own_links(
    client, spo_user, officer_user, person, frozen
):
    RegistrationFactory(
        person=person, register_type="ALSH", registered_on=D(2025, 1, 1), next_review_on=D(2025, 4, 1)
    )
    client.force_login(spo_user)

    response = client.get(reverse("worklists:officer", args=[officer_user.staff.code]))

    assert "1 registration review due, 1 overdue." in _text(response)
    assert reverse("risk:registration-reviews-due") not in response.content.decode()
