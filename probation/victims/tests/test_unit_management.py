"""The victim liaison unit's manager (issue 15): sees the unit's cases, allocates and reallocates them
between the unit's VLOs, sees the unit's performance; closing a case with a reason, reopening it, and
its history (a VLO or the manager). A manager or VLO of another region changes nothing."""

import datetime as dt

import pytest
from django.db import transaction
from django.urls import reverse

from probation.audit.models import AuditEvent
from probation.core.clock import today_uk
from probation.core.key_events import KeyEventKind, key_event_occurred
from probation.victims.models import KeyStageTask, SchemeCase, SchemeCaseChange
from probation.victims.tests.factories import SchemeCaseFactory, vlo_manager_user, vlo_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def scheme(case):
    return SchemeCaseFactory(person=case)


@pytest.fixture
def manager(case):
    return vlo_manager_user(case)


def _allocate(client, scheme, vlo, version=None):
    return client.post(
        reverse("victims:scheme-case-allocate", args=[scheme.pk]),
        {"vlo": vlo.staff.pk, "version": scheme.version if version is None else version},
    )


def test_the_manager_sees_the_units_cases_and_performance(client, scheme, manager, today):
    client.force_login(manager)

    unit = client.get(reverse("victims:unit"))
    performance = client.get(reverse("victims:performance"))

    assert unit.status_code == 200
    assert scheme.person.crn in unit.content.decode()
    assert "Add a case by hand" not in unit.content.decode()  # recording stays with the VLOs
    assert performance.status_code == 200
    assert client.get(reverse("victims:scheme-case", args=[scheme.pk])).status_code == 200


def test_the_manager_allocates_and_reallocates_a_case(client, scheme, manager, case):
    first, second = vlo_user(case, username="vlo-first"), vlo_user(case, username="vlo-second")
    client.force_login(manager)
    form = client.get(reverse("victims:scheme-case-allocate", args=[scheme.pk])).content.decode()
    assert first.staff.name in form
    assert second.staff.name in form

    assert _allocate(client, scheme, first).status_code == 302
    scheme.refresh_from_db()
    assert _allocate(client, scheme, second).status_code == 302

    scheme.refresh_from_db()
    assert scheme.vlo == second.staff
    assert list(SchemeCaseChange.objects.order_by("id").values_list("action", "vlo")) == [
        ("allocated", first.staff.pk),
        ("allocated", second.staff.pk),
    ]
    assert AuditEvent.objects.filter(action="allocate", object_id=str(scheme.pk)).count() == 2
    page = client.get(reverse("victims:scheme-case", args=[scheme.pk])).content.decode()
    assert f"Allocated to {second.staff.name}" in page


def test_a_case_cannot_go_to_a_vlo_of_another_region(client, scheme, manager):
    elsewhere = vlo_user(SchemeCaseFactory().person)
    client.force_login(manager)

    response = _allocate(client, scheme, elsewhere)

    assert "Select a victim liaison officer of the unit" in response.content.decode()
    scheme.refresh_from_db()
    assert scheme.vlo is None


def test_allocating_from_a_stale_page_changes_nothing(client, scheme, manager, case):
    vlo = vlo_user(case)
    client.force_login(manager)

    response = _allocate(client, scheme, vlo, version=scheme.version + 5)

    assert response.status_code == 409
    assert "Someone else changed this record" in response.content.decode()
    scheme.refresh_from_db()
    assert scheme.vlo is None


def test_a_vlo_cannot_allocate_and_a_manager_of_another_region_sees_nothing(client, scheme, case):
    vlo = vlo_user(case)
    other_manager = vlo_manager_user(SchemeCaseFactory().person)
    for user in (vlo, other_manager):
        client.force_login(user)
        assert _allocate(client, scheme, vlo).status_code == 404
        assert client.get(reverse("victims:scheme-case-allocate", args=[scheme.pk])).status_code == 404
    client.force_login(other_manager)
    assert client.get(reverse("victims:scheme-case", args=[scheme.pk])).status_code == 404
    assert scheme.person.crn not in client.get(reverse("victims:unit")).content.decode()
    scheme.refresh_from_db()
    assert scheme.vlo is None


def test_closing_a_case_takes_it_off_the_open_list_and_stops_key_events(client, scheme, case):
    vlo = vlo_user(case)
    client.force_login(vlo)

    response = client.post(
        reverse("victims:scheme-case-close", args=[scheme.pk]),
        {"reason": "opted_out", "details": "", "version": scheme.version},
    )

    assert response.status_code == 302
    scheme.refresh_from_db()
    assert (scheme.closed_on, scheme.closed_reason) == (today_uk(), "opted_out")
    assert case.crn not in client.get(reverse("victims:unit")).content.decode()
    closed = client.get(reverse("victims:closed")).content.decode()
    assert case.crn in closed
    assert "Every victim opted out for good" in closed
    with transaction.atomic():
        key_event_occurred(person_id=case.pk, kind=KeyEventKind.RECALLED, on=dt.date(2026, 11, 1))
    assert not KeyStageTask.objects.exists()


def test_closing_for_another_reason_needs_the_details(client, scheme, case):
    client.force_login(vlo_user(case))

    response = client.post(
        reverse("victims:scheme-case-close", args=[scheme.pk]),
        {"reason": "other", "details": "", "version": scheme.version},
    )

    assert "Enter why the case is closing" in response.content.decode()
    scheme.refresh_from_db()
    assert scheme.closed_on is None


def test_a_closed_case_is_reopened_with_why_and_the_history_shows_both(client, scheme, manager, case):
    client.force_login(manager)
    client.post(
        reverse("victims:scheme-case-close", args=[scheme.pk]),
        {"reason": "offender_died", "details": "", "version": scheme.version},
    )
    scheme.refresh_from_db()

    missing = client.post(
        reverse("victims:scheme-case-reopen", args=[scheme.pk]), {"details": "", "version": scheme.version}
    )
    assert "Enter why the case is reopening" in missing.content.decode()
    client.post(
        reverse("victims:scheme-case-reopen", args=[scheme.pk]),
        {"details": "Death recorded in error", "version": scheme.version},
    )

    scheme.refresh_from_db()
    assert scheme.closed_on is None
    assert case.crn in client.get(reverse("victims:unit")).content.decode()
    page = client.get(reverse("victims:scheme-case", args=[scheme.pk])).content.decode()
    assert "The offender died" in page
    assert "Death recorded in error" in page
    assert list(SchemeCaseChange.objects.order_by("id").values_list("action", flat=True)) == [
        "closed",
        "reopened",
    ]


def test_reopening_a_hand_added_case_when_another_is_open_is_refused(case):
    vlo = vlo_user(case)
    from probation.victims.services.unit import scheme_case_close, scheme_case_reopen

    hand = SchemeCaseFactory(person=case, event=None, basis="added_by_hand", reason="High risk")
    scheme_case_close(actor=vlo, case_id=hand.pk, reason="added_in_error", details="", expected_version=1)
    SchemeCaseFactory(person=case, event=None, basis="added_by_hand", reason="Added again")

    with pytest.raises(Exception, match="Another case for this person added by hand is open"):
        scheme_case_reopen(actor=vlo, case_id=hand.pk, details="Wrong one closed", expected_version=2)

    assert SchemeCase.objects.get(pk=hand.pk).closed_on is not None


def test_another_regions_vlo_cannot_close_a_case(client, scheme):
    client.force_login(vlo_user(SchemeCaseFactory().person))

    response = client.post(
        reverse("victims:scheme-case-close", args=[scheme.pk]),
        {"reason": "opted_out", "details": "", "version": scheme.version},
    )

    assert response.status_code == 404
    scheme.refresh_from_db()
    assert scheme.closed_on is None


def test_the_closed_list_and_the_unit_list_read_in_a_constant_number_of_queries(
    client, case, django_assert_max_num_queries
):
    from probation.people.tests.factories import PersonFactory

    vlo = vlo_user(case)
    SchemeCaseFactory(person=case, closed_on="2026-10-01", closed_reason="opted_out")
    SchemeCaseFactory(person=PersonFactory(pdu=case.pdu))  # one row each (an empty page reads nothing)
    client.force_login(vlo)
    counted = {}
    for name in ("victims:closed", "victims:unit"):
        with django_assert_max_num_queries(50) as one:
            client.get(reverse(name))
        counted[name] = len(one.captured_queries)
    for _ in range(4):
        person = PersonFactory(pdu=case.pdu)
        SchemeCaseFactory(
            person=person, closed_on="2026-10-01", closed_reason="sentence_ended", vlo=vlo.staff
        )
        SchemeCaseFactory(person=PersonFactory(pdu=case.pdu), vlo=vlo.staff).tasks.create(
            kind="recalled", event_date="2026-10-01", told_on="2026-10-01"
        )

    for name, count in counted.items():
        with django_assert_max_num_queries(count):
            response = client.get(reverse(name))
        assert len(response.context["rows"]) == 5
