"""Unit performance (issue 15 item 7): first contacts within 40 working days, the opt-in rate and
open tasks by age, per regional unit, in a fixed number of queries."""

import datetime as dt

import pytest
from django.urls import reverse

from probation.victims.tests.factories import SchemeCaseFactory, VictimFactory, vlo_user

pytestmark = pytest.mark.django_db
D = dt.date


def test_each_units_figures(client, today, django_assert_max_num_queries):
    in_time = SchemeCaseFactory(first_contact_due=D(2026, 10, 1), first_contact_on=D(2026, 9, 20))
    person = in_time.person
    SchemeCaseFactory(
        person__pdu=person.pdu, first_contact_due=D(2026, 10, 1), first_contact_on=D(2026, 10, 9)
    )
    SchemeCaseFactory(person__pdu=person.pdu, first_contact_due=D(2026, 10, 1))  # overdue
    SchemeCaseFactory(person__pdu=person.pdu, first_contact_due=D(2026, 12, 1))  # not due yet
    VictimFactory(scheme_case=in_time, participation="opted_in")
    VictimFactory(scheme_case=in_time, participation="opted_out")
    in_time.tasks.create(kind="recalled", event_date=D(2026, 10, 30), told_on=D(2026, 10, 30))
    in_time.tasks.create(kind="recalled", event_date=D(2026, 9, 1), told_on=D(2026, 9, 1))
    client.force_login(vlo_user(person))

    with django_assert_max_num_queries(16):
        response = client.get(reverse("victims:performance"))

    row = response.context["rows"][0]
    assert row.region == person.pdu.region
    assert (row.contacts_due, row.in_time, row.in_time_percent, row.overdue) == (3, 1, 33, 1)
    assert (row.victims, row.opted_in, row.opt_in_percent) == (2, 1, 50)
    assert (row.tasks_week, row.tasks_month, row.tasks_older) == (1, 0, 1)
    assert "33%" in response.content.decode()


def test_only_victim_liaison_staff_see_it(client, officer_user):
    client.force_login(officer_user)
    assert client.get(reverse("victims:performance")).status_code == 404
