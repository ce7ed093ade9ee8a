"""Search and its API are rate limited per user with a clear message; searches and caseload filters
are audited with what was asked; repeated probing raises an alert to administrators (ADR 0021)."""

import logging

import pytest
from django.urls import reverse

from probation.audit.models import AuditEvent
from probation.people.models import Exclusion
from probation.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_limits(settings):
    settings.SEARCH_RATES = ("3/m",)
    settings.ALERT_RATE_LIMITED = "2/h"
    settings.ALERT_DENIED_ONLY = "3/h"


def _search(client, q="smith"):
    return client.get(reverse("people:search"), {"q": q})


def test_search_over_the_limit_gets_a_429_page_with_an_error_summary(client, officer_user, small_limits):
    client.force_login(officer_user)
    for _ in range(3):
        assert _search(client).status_code == 200

    response = _search(client)

    body = response.content.decode()
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "govuk-error-summary" in body
    assert "There is a problem" in body
    assert "You have made too many searches. Try again in 1 minute." in body
    assert AuditEvent.objects.filter(action="search").count() == 3


def test_the_search_page_without_a_query_is_not_counted(client, officer_user, small_limits):
    client.force_login(officer_user)
    for _ in range(5):
        assert client.get(reverse("people:search")).status_code == 200

    assert _search(client).status_code == 200


def test_the_api_shares_the_users_search_budget_and_says_so_in_json(client, officer_user, small_limits):
    client.force_login(officer_user)
    for _ in range(3):
        _search(client)

    response = client.get(reverse("people:api-search"), {"q": "smith"})

    assert response.status_code == 429
    assert response.json()["error"] == "rate_limited"
    assert response.json()["message"].startswith("You have made too many searches.")


def test_the_limit_is_per_user(client, officer_user, spo_user, small_limits):
    client.force_login(officer_user)
    for _ in range(4):
        _search(client)
    client.force_login(spo_user)

    assert _search(client).status_code == 200


def test_repeated_rate_limit_hits_raise_one_alert_without_personal_data_in_the_log(
    client, officer_user, small_limits, caplog
):
    client.force_login(officer_user)
    with caplog.at_level(logging.WARNING, logger="probation.people.search_guard"):
        for _ in range(3 + 4):
            _search(client, q="zebedee quartermaine")

    alert = AuditEvent.objects.get(action="alert")
    assert (alert.username, alert.object_type, alert.detail) == (
        "officer",
        "search",
        {"reason": "rate_limited", "count": 2, "rate": "2/h"},
    )
    [line] = [r.getMessage() for r in caplog.records if r.name == "probation.people.search_guard"]
    assert line == f"Search probing alert: rate_limited, 2 within 2/h, user id {officer_user.pk}"
    assert "zebedee" not in line.lower()
    assert "officer" not in line


def test_searches_that_find_only_denied_cases_raise_an_alert(client, officer_user, settings):
    settings.ALERT_DENIED_ONLY = "3/h"
    hidden = [PersonFactory(has_exclusions=True) for _ in range(3)]
    for person in hidden:
        Exclusion.objects.create(person=person, user=officer_user, added_by=officer_user)
    client.force_login(officer_user)

    for person in hidden[:2]:
        _search(client, q=person.crn)
    assert not AuditEvent.objects.filter(action="alert").exists()
    client.get(reverse("people:api-search"), {"q": hidden[2].crn})

    alert = AuditEvent.objects.get(action="alert")
    assert alert.detail == {"reason": "denied_only_matches", "count": 3, "rate": "3/h"}


def test_searches_finding_visible_people_raise_no_alert(client, officer_user, settings):
    settings.ALERT_DENIED_ONLY = "2/h"
    person = PersonFactory()
    client.force_login(officer_user)

    for _ in range(4):
        _search(client, q=person.crn)

    assert not AuditEvent.objects.filter(action="alert").exists()


def test_search_audit_records_what_was_asked_and_how_many_results_were_restricted(client, officer_user):
    hidden = PersonFactory(has_exclusions=True)
    Exclusion.objects.create(person=hidden, user=officer_user, added_by=officer_user)
    client.force_login(officer_user)

    client.get(reverse("people:search"), {"q": hidden.crn, "dob_0": "", "dob_1": "", "dob_2": ""})
    client.get(reverse("people:api-search"), {"q": "smith"})

    page, api = AuditEvent.objects.filter(action="search").order_by("seq")
    assert page.detail == {"query": hidden.crn, "date_of_birth": None, "results": 1, "restricted_results": 1}
    assert api.detail == {
        "query": "smith",
        "date_of_birth": None,
        "results": 0,
        "restricted_results": 0,
        "api": True,
    }


def test_caseload_filter_and_sort_are_audited_with_what_was_asked(client, officer_user):
    client.force_login(officer_user)

    client.get(reverse("people:caseload"), {"q": "smi", "sort": "-dob"})
    client.get(reverse("people:caseload"), {"sort": "bogus"})

    asked, defaulted = AuditEvent.objects.filter(object_type="caseload").order_by("seq")
    assert asked.detail == {"page": 1, "query": "smi", "sort": "-dob"}
    assert defaulted.detail == {"page": 1, "query": "", "sort": "name"}


def test_administrators_can_filter_the_audit_for_alerts(client, officer_user, admin_user, small_limits):
    client.force_login(officer_user)
    for _ in range(3 + 2):
        _search(client)
    client.force_login(admin_user)

    response = client.get(reverse("audit:search"), {"action": "alert"})

    assert [e.action for e in response.context["page"].object_list] == ["alert"]
    assert '<option value="alert" selected>Alert</option>' in response.content.decode()


def test_production_counts_searches_in_one_cache_every_worker_shares(
    client, officer_user, small_limits, monkeypatch
):
    """With a per-process cache, N gunicorn workers would allow N times the rate (ADR 0021)."""
    import importlib

    from django.core.cache import caches
    from django.db import connection
    from django.test import override_settings

    monkeypatch.setenv("DJANGO_SECRET_KEY", "test-only-not-secret")
    monkeypatch.setenv("AUDIT_HMAC_KEY", "test-only-not-a-real-audit-key-0123456789")
    monkeypatch.setenv("AUDIT_ANCHOR_PATH", "/dev/null")
    production = importlib.import_module("config.settings.production")
    client.force_login(officer_user)

    with override_settings(CACHES=production.CACHES):
        assert production.CACHES["default"]["BACKEND"].endswith("DatabaseCache")
        for _ in range(3):
            assert _search(client).status_code == 200
            caches.close_all()
            del caches["default"]  # the next request is served by another worker's cache object

        assert _search(client).status_code == 429
        with connection.cursor() as cursor:
            assert production.CACHES["default"]["LOCATION"] == "openprobation_cache"
            cursor.execute("SELECT COUNT(*) FROM openprobation_cache")
            assert cursor.fetchone()[0] > 0
