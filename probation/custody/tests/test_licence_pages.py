"""The licence page and its forms as a user sees them (issue 14 item 5): the hard stop and its warning,
the standard conditions in force, every error at once, a stale form refused, the release refused while a
justification is missing, and a constant number of queries however many conditions."""

import datetime as dt

import pytest
from django.urls import reverse

from probation.custody.models import CustodyLicence, DraftCondition, LicenceStatus
from probation.custody.services import licence as services
from probation.custody.tests.conftest import TODAY
from probation.custody.tests.factories import custody_record
from probation.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(officer_user):
    return PersonFactory(officer=officer_user.staff, date_of_birth=dt.date(1990, 5, 1))


@pytest.fixture
def record(person):
    return custody_record(person, sentence_date=dt.date(2025, 6, 2), months=36)


def _url(name, record, *extra):
    return reverse(f"custody:{name}", args=[record.person.crn, record.pk, *extra])


def _text(response) -> str:
    return " ".join(response.content.decode().split())


def _release_in(record, days):
    record.release_date = TODAY + dt.timedelta(days=days)
    record.save()


def test_the_licence_page_warns_as_the_hard_stop_approaches(client, officer_user, record):
    _release_in(record, 6)  # Wednesday 9 December 2026: hard stop Monday 7th, warning from today
    client.force_login(officer_user)

    page = _text(client.get(_url("licence", record)))

    assert "The hard stop is 7 December 2026" in page
    assert "Not started" in page
    assert "Start drafting the licence" in page
    assert "apply for a passport" in page  # the v4 standard conditions in force on that date


def test_no_warning_well_before_the_hard_stop_and_a_passed_one_says_so(client, officer_user, record):
    client.force_login(officer_user)
    _release_in(record, 60)
    assert "hard stop is" not in _text(client.get(_url("licence", record)))
    _release_in(record, 2)
    assert "has passed: the prison issues the standard conditions" in _text(
        client.get(_url("licence", record))
    )


def test_drafting_through_the_pages(client, officer_user, person, record):
    client.force_login(officer_user)
    response = client.post(_url("licence-start", record), {})
    assert response.status_code == 302
    licence = CustodyLicence.objects.get()

    response = client.post(
        _url("condition-add", record),
        {
            "category": "freedom_of_movement",
            "text": "Not to enter the zone on the map",
            "version": licence.version,
        },
    )
    assert response.status_code == 302
    page = _text(client.get(_url("licence", record)))
    assert "Not to enter the zone on the map" in page
    assert "Justification needed" in page

    licence.refresh_from_db()
    refused = client.post(
        _url("licence-release", record),
        {
            "released_on_0": TODAY.day,
            "released_on_1": TODAY.month,
            "released_on_2": TODAY.year,
            "appointment_time": "14:00",
            "version": licence.version,
        },
    )
    assert refused.status_code == 200
    assert "needs its necessary and proportionate justification" in _text(refused)
    assert CustodyLicence.objects.get().status == LicenceStatus.IN_PROGRESS


def test_the_condition_form_shows_every_error_at_once(client, officer_user, person, record):
    services.licence_start(actor=officer_user, person=person, custody_id=record.pk)
    client.force_login(officer_user)
    page = _text(client.post(_url("condition-add", record), {"category": "", "text": "", "version": 1}))
    assert "Select the category of the condition" in page
    assert "Enter the wording of the condition" in page
    assert not DraftCondition.objects.exists()


def test_a_stale_condition_form_is_refused_with_the_conflict_message(client, officer_user, person, record):
    services.licence_start(actor=officer_user, person=person, custody_id=record.pk)
    client.force_login(officer_user)
    data = {"category": "curfew", "text": "Curfew", "justification": "Night offending", "version": 1}
    assert client.post(_url("condition-add", record), data).status_code == 302
    response = client.post(_url("condition-add", record), data)
    assert response.status_code == 409
    assert "changed in another window" in _text(response)
    assert DraftCondition.objects.count() == 1


def test_the_licence_page_costs_the_same_queries_for_one_or_many_conditions(
    client, officer_user, person, record, django_assert_max_num_queries
):
    licence = services.licence_start(actor=officer_user, person=person, custody_id=record.pk)
    DraftCondition.objects.create(licence=licence, category="curfew", text="Curfew", justification="x")
    client.force_login(officer_user)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        assert client.get(_url("licence", record)).status_code == 200
    for i in range(5):
        DraftCondition.objects.create(
            licence=licence, category="conduct", text=f"Condition {i}", justification="y"
        )
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert client.get(_url("licence", record)).status_code == 200


def test_the_overview_links_to_the_licence(client, officer_user, record):
    client.force_login(officer_user)
    page = client.get(reverse("custody:overview", args=[record.person.crn])).content.decode()
    assert _url("licence", record) in page
