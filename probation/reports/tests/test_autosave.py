"""The autosave endpoint: a POST of the editor's form answered in JSON — the new version and when,
a conflict from another window refused with its message, the valid fields saved when others are not,
a locked report refused, and the same 404 for anyone but the author."""

import time

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from probation.accounts.middleware import TOUCHED_KEY
from probation.accounts.models import Role
from probation.accounts.tests.factories import StaffFactory, UserFactory
from probation.audit.models import AuditEvent
from probation.reports.models import Report, ReportStatus
from probation.reports.services.writing import CONFLICT_MESSAGE
from probation.reports.tests.writing_setup import opened_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(officer_user):
    return opened_report(officer_user)


def _url(report):
    return reverse("reports:report-autosave", args=[report.request.person.crn, report.request_id])


def _post(client, report, version=None, **data):
    return client.post(_url(report), {"version": str(version or report.version)} | data)


def test_an_autosave_answers_with_the_new_version_and_the_time(client, officer_user, report):
    client.force_login(officer_user)

    response = _post(client, report, rationale="Typed a moment ago.")

    assert response.status_code == 200
    answer = response.json()
    assert answer["saved"] is True
    assert answer["version"] == 2
    assert answer["changed"] is True
    assert len(answer["saved_at"]) == 5  # "10:42"
    assert answer["errors"] == []
    assert 0 < answer["session_seconds_left"] <= 30 * 60
    report.refresh_from_db()
    assert report.rationale == "Typed a moment ago."
    assert AuditEvent.objects.filter(object_type="report", action="update").get().detail == {
        "fields": ["rationale"],
        "version": 2,
        "autosave": True,
    }


def test_an_autosave_leaves_out_the_fields_it_was_not_sent(client, officer_user, report):
    client.force_login(officer_user)
    prefilled = report.offence_analysis

    _post(client, report, rationale="Only this.")

    report.refresh_from_db()
    assert report.offence_analysis == prefilled


def test_an_autosave_from_a_stale_version_is_refused_with_the_message(client, officer_user, report):
    client.force_login(officer_user)
    _post(client, report, rationale="First window.")

    response = _post(client, report, version=1, rationale="Second window.")

    assert response.status_code == 409
    assert response.json() == {"saved": False, "conflict": True, "message": CONFLICT_MESSAGE}
    report.refresh_from_db()
    assert (report.version, report.rationale) == (2, "First window.")


def test_an_autosave_saves_the_valid_fields_and_reports_the_others(client, officer_user, report):
    client.force_login(officer_user)

    response = _post(client, report, rationale="Kept.", proposal="x" * 4001, length_months="twelve")

    answer = response.json()
    assert answer["saved"] is True
    assert answer["errors"] == [
        "Proposed sentence must be 4,000 characters or fewer",
        "Length or operational period (months) must be a whole number of months",
    ]
    report.refresh_from_db()
    assert (report.rationale, report.proposal) == ("Kept.", "")


def test_an_autosave_keeps_the_words_when_the_proposal_is_refused(client, officer_user, report):
    client.force_login(officer_user)

    answer = _post(
        client,
        report,
        rationale="Words survive.",
        sentence_type="community_order",
        length_months="12",
        requirements=["unpaid_work"],
        amount_unpaid_work="500",
    ).json()

    assert answer["proposal_kept"] is True
    assert answer["errors"] == ["Unpaid work must be between 40 and 300 hours; 500 was given."]
    report.refresh_from_db()
    assert (report.rationale, report.proposed_sentence) == ("Words survive.", {})


def test_an_autosave_without_a_version_is_refused(client, officer_user, report):
    client.force_login(officer_user)

    response = client.post(_url(report), {"rationale": "No version."})

    assert response.status_code == 400
    assert response.json()["saved"] is False


def test_an_autosave_of_a_locked_report_is_refused(client, officer_user, report):
    client.force_login(officer_user)
    now = timezone.now()
    Report.objects.filter(pk=report.pk).update(
        status=ReportStatus.LOCKED, signed_by=officer_user, signed_at=now, locked_at=now
    )

    response = _post(client, report, rationale="Too late.")

    assert response.status_code == 409
    assert response.json() == {"saved": False, "message": "This report is locked and cannot be changed."}
    report.refresh_from_db()
    assert report.rationale == ""


def test_a_senior_po_and_another_officer_get_not_found_and_nothing_changes(client, report, team):
    senior = UserFactory(role=Role.SENIOR_PO, staff=StaffFactory(team=team, grade="SPO"))
    colleague = UserFactory(role=Role.PRACTITIONER, staff=StaffFactory(team=team))
    for user in (senior, colleague):
        client.force_login(user)
        assert _post(client, report, rationale="Not mine.").status_code == 404
    report.refresh_from_db()
    assert (report.version, report.rationale) == (1, "")


def test_the_autosave_only_takes_posts(client, officer_user, report):
    client.force_login(officer_user)

    assert client.get(_url(report)).status_code == 405


def test_the_session_time_left_follows_the_idle_timer(client, officer_user, report):
    """The middleware renews a session at most once a minute: an autosave 30 seconds after the last
    renewal answers the time left from that renewal, so the page never outlives the server's session."""
    client.force_login(officer_user)
    session = client.session
    session[TOUCHED_KEY] = int(time.time()) - 30
    session.save()

    left = _post(client, report, rationale="Half a minute later.").json()["session_seconds_left"]

    assert settings.SESSION_COOKIE_AGE - 32 <= left <= settings.SESSION_COOKIE_AGE - 30
