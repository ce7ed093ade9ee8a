"""The operations view: per week, sessions run, expected and attended, hours delivered, utilisation
and attendance, as a table with an accessible chart and as CSV, in one query for the figures."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from probation.unpaid_work.services.sheets import SheetRow, session_sheet_save
from probation.unpaid_work.tests.conftest import last_saturday, upw_requirement
from probation.unpaid_work.tests.factories import place, session_on

pytestmark = pytest.mark.django_db


def _run(session, supervisor, officer):
    attended = place(session, upw_requirement(officer), by=supervisor)
    absent = place(session, upw_requirement(officer), by=supervisor)
    session_sheet_save(
        actor=supervisor,
        session_id=session.pk,
        expected_version=1,
        rows=[
            SheetRow(attended.pk, "ATTC", dt.time(9), dt.time(16), penalty=30),
            SheetRow(absent.pk, "UAAB"),
        ],
    )


def test_the_week_shows_sessions_people_hours_utilisation_and_attendance(
    client, session, supervisor, officer_user, upw_staff
):
    _run(session, supervisor, officer_user.staff)
    client.force_login(upw_staff)

    page = client.get(reverse("unpaid_work:operations")).content.decode()
    csv = client.get(reverse("unpaid_work:operations-csv")).content.decode()

    monday = session.date - dt.timedelta(days=session.date.weekday())
    assert f"{monday.isoformat()},1,10,2,1,6.5,20,50" in csv.splitlines()
    assert csv.splitlines()[0].startswith("Week beginning,Sessions run,Places")
    assert 'role="img"' in page
    assert "Hours delivered each week" in page
    assert f"Week beginning {monday:%-d %b}: 6.5 hours." in page


def test_operations_figures_take_a_constant_number_of_queries(
    client, day, supervisor, officer_user, upw_staff
):
    client.force_login(upw_staff)
    _run(session_on(day, last_saturday()), supervisor, officer_user.staff)
    client.get(reverse("unpaid_work:operations"))  # the session and user, read once per client
    counts = []
    for weeks_back in (1, 2):
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("unpaid_work:operations"))
        counts.append(len(queries))
        _run(
            session_on(day, last_saturday() - dt.timedelta(weeks=weeks_back)), supervisor, officer_user.staff
        )
    assert counts[0] == counts[1]


@pytest.mark.parametrize("name", ["unpaid_work:operations", "unpaid_work:operations-csv"])
def test_operations_are_for_upw_staff_only(client, officer_user, supervisor, name):
    for user in (officer_user, supervisor):
        client.force_login(user)
        assert client.get(reverse(name)).status_code == 404
