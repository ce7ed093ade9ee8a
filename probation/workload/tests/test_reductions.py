"""Reductions (reason, hours, start and end) and contracted hours: added and ended by the officer's
senior PO on audited forms, kept as history, and read into available points by date."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from probation.audit.models import AuditEvent
from probation.workload.models import ContractedHours, Reduction
from probation.workload.tests.helpers import ON, reduce

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen(monkeypatch):
    from probation.workload.views import pages

    monkeypatch.setattr(pages, "today_uk", lambda: ON)


def _add(client, code, **data):
    form = {
        "reason": "newly_qualified",
        "details": "",
        "hours": "7.4",
        "starts_on_0": "1",
        "starts_on_1": "9",
        "starts_on_2": "2026",
        "ends_on_0": "31",
        "ends_on_1": "5",
        "ends_on_2": "2027",
    } | data
    return client.post(reverse("workload:reduction-create", args=[code]), form)


def test_a_senior_po_adds_a_reduction_and_capacity_follows(client, spo_user, officer_user):
    client.force_login(spo_user)
    code = officer_user.staff.code

    response = _add(client, code)

    assert response.status_code == 302
    reduction = Reduction.objects.get()
    assert (reduction.reason, reduction.hours, reduction.starts_on, reduction.ends_on) == (
        "newly_qualified",
        Decimal("7.4"),
        dt.date(2026, 9, 1),
        dt.date(2027, 5, 31),
    )
    event = AuditEvent.objects.get(object_type="workload_reduction")
    assert event.action == "create"
    assert event.detail["staff"] == code
    page = client.get(reverse("workload:officer", args=[code]))
    assert page.context["row"].points == "0 of 1,740"
    html = page.content.decode()
    assert "Newly qualified probation officer" in html
    assert "31 May 2027" in html


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"reason": ""}, "Select a reason for the reduction"),
        ({"reason": "other"}, "Give details of the reason for the reduction"),
        ({"hours": "0"}, "Hours a week must be more than 0"),
        ({"hours": "38"}, "Hours a week must be 37 or fewer"),
        ({"hours": "lots"}, "Hours a week must be a number, like 7.4"),
        ({"ends_on_2": "2025"}, "End date must be the same as or after the start date"),
        ({"starts_on_0": ""}, "Enter the day of the month"),
    ],
)
def test_bad_input_shows_a_clear_error_and_changes_nothing(client, spo_user, officer_user, data, message):
    client.force_login(spo_user)

    response = _add(client, officer_user.staff.code, **data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert "govuk-error-summary" in response.content.decode()
    assert not Reduction.objects.exists()
    assert not AuditEvent.objects.filter(object_type="workload_reduction").exists()


def test_ending_a_reduction_keeps_it_in_the_history(client, spo_user, officer_user):
    reduction = reduce(officer_user.staff, "37", by=spo_user, reason="sickness")
    client.force_login(spo_user)
    url = reverse("workload:reduction-end", args=[officer_user.staff.code, reduction.pk])

    response = client.post(url, {"ends_on_0": "30", "ends_on_1": "11", "ends_on_2": "2026"})

    assert response.status_code == 302
    reduction.refresh_from_db()
    assert (reduction.ends_on, reduction.ended_by) == (dt.date(2026, 11, 30), spo_user)
    assert AuditEvent.objects.filter(object_type="workload_reduction", action="update").count() == 1
    page = client.get(reverse("workload:officer", args=[officer_user.staff.code]))
    assert page.context["row"].points == "0 of 2,176"  # ended before ON
    assert "Long-term sickness" in page.content.decode()
    assert url not in page.content.decode()  # an ended reduction offers no "End" link


def test_a_reduction_cannot_end_before_it_starts(client, spo_user, officer_user):
    reduction = reduce(officer_user.staff, "5", by=spo_user, starts_on=dt.date(2026, 6, 1))
    client.force_login(spo_user)
    url = reverse("workload:reduction-end", args=[officer_user.staff.code, reduction.pk])

    response = client.post(url, {"ends_on_0": "1", "ends_on_1": "5", "ends_on_2": "2026"})

    assert "End date must be the same as or after the start date" in response.content.decode()
    reduction.refresh_from_db()
    assert reduction.ends_on is None


def test_contracted_hours_change_available_points(client, spo_user, officer_user):
    client.force_login(spo_user)
    code = officer_user.staff.code

    response = client.post(reverse("workload:hours", args=[code]), {"hours": "30"})

    assert response.status_code == 302
    assert ContractedHours.objects.get(staff=officer_user.staff).hours == Decimal(30)
    assert AuditEvent.objects.filter(object_type="contracted_hours").count() == 1
    assert client.get(reverse("workload:officer", args=[code])).context["row"].points == "0 of 1,764"


def test_an_officer_sees_their_own_workload_but_cannot_change_it(client, spo_user, officer_user):
    reduce(officer_user.staff, "3", by=spo_user)
    client.force_login(officer_user)

    response = client.get(reverse("workload:mine"), follow=True)

    assert response.context["officer"] == officer_user.staff
    assert not response.context["can_manage"]
    assert "Add a reduction" not in response.content.decode()
    assert _add(client, officer_user.staff.code).status_code == 404
    assert not Reduction.objects.filter(hours=Decimal("7.4")).exists()


@pytest.mark.parametrize("value", ["", "\x00", "x" * 5000, "99999999999", "-1", "1e400", "NaN", "Infinity"])
def test_hostile_values_are_form_errors_not_server_errors(client, spo_user, officer_user, value):
    client.force_login(spo_user)
    code = officer_user.staff.code

    reduction = _add(client, code, hours=value, starts_on_2=value, details=value)
    hours = client.post(reverse("workload:hours", args=[code]), {"hours": value})

    assert reduction.status_code in (200, 400)
    assert hours.status_code in (200, 400)
    assert not Reduction.objects.exists()
    assert not ContractedHours.objects.exists()
