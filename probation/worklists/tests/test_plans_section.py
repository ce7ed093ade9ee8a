"""My work's "Sentence plans due" section: overdue first plans and reviews due on the officer's
caseload, with why, each opening the plan; a case the officer is locked out of shows only as
restricted with its CRN."""

import datetime as dt

import pytest
from django.urls import reverse

from probation.people.tests import access
from probation.people.tests.factories import PersonFactory
from probation.plans.tests.factories import PlanFactory
from probation.sentences.tests.factories import SentenceFactory
from probation.worklists.tests.conftest import TODAY

pytestmark = pytest.mark.django_db


def _plans(client, user):
    client.force_login(user)
    response = client.get(reverse("worklists:mine"))
    return response, response.context["plans"]


def test_an_overdue_first_plan_and_a_review_due_are_listed_soonest_first(client, officer_user, frozen):
    first = PersonFactory(officer=officer_user.staff, first_name="Amy", surname="Lowe")
    SentenceFactory(event__person=first, event__conviction_date=TODAY - dt.timedelta(days=40))
    review = PersonFactory(officer=officer_user.staff)
    PlanFactory(person=review, agreed_on=dt.date(2024, 10, 30), versions_count=1)  # due 30 April 2025
    later = PersonFactory(officer=officer_user.staff)
    PlanFactory(person=later, agreed_on=dt.date(2025, 3, 1), versions_count=1)  # due in September
    PersonFactory(officer=officer_user.staff)  # not under supervision

    response, rows = _plans(client, officer_user)

    assert [(r.crn, r.heading, r.overdue) for r in rows] == [
        (first.crn, "First plan", True),
        (review.crn, "Review", False),
    ]
    assert rows[0].name == "Amy Lowe"
    assert rows[0].reason.startswith("First plan due 15 working days after sentence on")
    page = response.content.decode()
    assert "Sentence plans due" in page
    assert reverse("plans:plan", args=[first.crn]) in page


def test_a_case_the_officer_is_excluded_from_shows_only_its_crn(client, officer_user, frozen):
    person = PersonFactory(officer=officer_user.staff, surname="Hidden")
    SentenceFactory(event__person=person, event__conviction_date=TODAY - dt.timedelta(days=40))
    access.exclude(person, officer_user)

    response, rows = _plans(client, officer_user)

    assert [(r.crn, r.restricted, r.name, r.reason) for r in rows] == [(person.crn, True, "", "")]
    assert "Hidden" not in response.content.decode()
