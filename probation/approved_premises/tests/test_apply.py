"""Applying: the pre-fill, drafts saved as typed, eligibility, the notice type and its reason, expiry."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from probation.approved_premises.models import Application, ApplicationStatus, Assessment
from probation.approved_premises.services.applications import applications_expire
from probation.approved_premises.tests.helpers import (
    complete_application,
    licence_case,
    submitted_application,
)
from probation.audit.models import AuditEvent
from probation.core.clock import today_uk

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(officer_user):
    return licence_case(officer_user)


def _post(client, person, application, data, action="save"):
    return client.post(
        reverse("approved_premises:application", args=[person.crn, application.pk]),
        {"version": application.version, "action": action, **data},
    )


def test_starting_an_application_prefills_what_the_record_knows(client, officer_user, person):
    client.force_login(officer_user)

    response = client.post(reverse("approved_premises:application-start", args=[person.crn]))

    application = Application.objects.get()
    assert response["Location"] == reverse("approved_premises:application", args=[person.crn, application.pk])
    assert (application.tier, application.rosh_level) == ("B2", "high")
    assert "Serious violence when intoxicated" in application.rosh_summary
    assert "Wounding with intent (00501)" in application.offences
    assert "Licence (event" in application.licence_details
    assert "licence expires 1 June 2027" in application.licence_details
    page = client.get(response["Location"]).content.decode()
    assert "Tier B2 is eligible" in page
    assert 'data-module="app-report-autosave"' in page


def test_autosave_saves_what_was_typed_and_answers_with_the_version(client, officer_user, person):
    application = complete_application(officer_user, person)
    client.force_login(officer_user)
    url = reverse("approved_premises:application-autosave", args=[person.crn, application.pk])

    answer = client.post(
        url, {"version": application.version, "arson": "No arson history", "stay_days": "x"}
    ).json()

    application.refresh_from_db()
    assert answer["saved"] is True
    assert answer["version"] == application.version
    assert answer["errors"] == ["Length of stay must be a number of days, like 84"]
    assert application.arson == "No arson history"
    row = AuditEvent.objects.filter(object_type="ap_application").order_by("-seq").first()
    assert row.detail["autosave"] is True
    assert "arson" in row.detail["fields"]
    assert "No arson history" not in str(row.detail)


def test_a_stale_autosave_is_refused_and_changes_nothing(client, officer_user, person):
    application = complete_application(officer_user, person)
    client.force_login(officer_user)
    url = reverse("approved_premises:application-autosave", args=[person.crn, application.pk])

    response = client.post(url, {"version": application.version - 1, "arson": "Overwrite"})

    assert response.status_code == 409
    assert response.json()["conflict"] is True
    application.refresh_from_db()
    assert application.arson == ""


def test_submitting_computes_the_notice_type_and_creates_the_assessment(client, officer_user, person):
    application = complete_application(officer_user, person, days_to_arrival=60)
    client.force_login(officer_user)

    response = _post(client, person, application, _form(application), action="submit")

    assert response.status_code == 302
    application.refresh_from_db()
    assert (application.status, application.notice_type, application.stay_days) == (
        "submitted",
        "standard",
        84,
    )
    assessment = Assessment.objects.get(application=application)
    assert assessment.due_at > timezone.now()
    assert (assessment.needs_emergency, assessment.needs_specialism, assessment.needs_lao) == (
        False,
        "",
        False,
    )


def _form(application):
    data = {
        "ap_type": application.ap_type,
        "legal_basis": application.legal_basis,
        "release_type": application.release_type,
        "purposes": application.purposes,
        "move_on_plan": application.move_on_plan,
        "declaration": "on" if application.declaration else "",
        "notice_reason": application.notice_reason,
        "stay_reason": application.stay_reason,
        "stated_rosh": application.stated_rosh,
    }
    if application.arrival_on:
        day = application.arrival_on
        data |= {"arrival_on_0": day.day, "arrival_on_1": day.month, "arrival_on_2": day.year}
    return data


@pytest.mark.parametrize(("days", "notice"), [(3, "emergency"), (20, "short_notice")])
def test_an_emergency_or_short_notice_application_needs_its_reason(
    client, officer_user, person, days, notice
):
    application = complete_application(officer_user, person, days_to_arrival=days)
    client.force_login(officer_user)

    refused = _post(client, person, application, _form(application), action="submit")

    assert "Arrival is within 28 days: select why" in refused.content.decode()
    application.refresh_from_db()
    assert application.status == "draft"
    assert not Assessment.objects.exists()
    _post(
        client, person, application, _form(application) | {"notice_reason": "risk_escalated"}, action="submit"
    )
    application.refresh_from_db()
    assert (application.status, application.notice_type) == ("submitted", notice)
    assert Assessment.objects.get().needs_emergency is True


def test_an_ineligible_tier_needs_an_exceptional_case(client, officer_user):
    person = licence_case(officer_user, tier="C1")
    application = complete_application(officer_user, person)
    client.force_login(officer_user)

    refused = _post(client, person, application, _form(application), action="submit").content.decode()

    assert "Enter the name of the manager who agreed the exceptional case" in refused
    assert "Enter a summary of the exceptional case" in refused
    application.refresh_from_db()
    assert application.status == "draft"
    agreed = today_uk() - dt.timedelta(days=1)
    _post(
        client, person, application,
        _form(application) | {
            "exceptional_manager": "Sam Senior", "exceptional_summary": "Escalating risk",
            "exceptional_date_0": agreed.day, "exceptional_date_1": agreed.month, "exceptional_date_2": agreed.year,
        },
        action="submit",
    )  # fmt: skip
    application.refresh_from_db()
    assert application.status == "submitted"


def test_no_tier_and_a_medium_rosh_is_not_eligible(client, officer_user):
    person = licence_case(officer_user, tier="", rosh="medium")
    application = complete_application(officer_user, person, stated_rosh="medium_complex")
    client.force_login(officer_user)

    refused = _post(client, person, application, _form(application), action="submit").content.decode()

    assert "This person is not eligible for an approved premises" in refused
    assert not Assessment.objects.exists()


def test_a_woman_cannot_apply_for_a_recovery_focused_premises(client, officer_user):
    person = licence_case(officer_user, gender="F")
    application = complete_application(officer_user, person, ap_type="rfap")
    client.force_login(officer_user)
    refused = _post(client, person, application, _form(application), action="submit").content.decode()
    assert "Women may be placed only in a standard, PIPE or ESAP premises" in refused


def test_a_specialist_application_is_routed_to_that_qualification(officer_user, person):
    submitted_application(officer_user, person, ap_type="pipe")
    assert Assessment.objects.get().needs_specialism == "pipe"


def test_an_unsubmitted_application_expires_after_six_months(client, officer_user, person):
    application = complete_application(officer_user, person)
    Application.objects.filter(pk=application.pk).update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    client.force_login(officer_user)

    page = client.get(
        reverse("approved_premises:application", args=[person.crn, application.pk])
    ).content.decode()
    assert "it was not submitted within 6 months" in page
    application.refresh_from_db()
    refused = _post(client, person, application, _form(application), action="submit")
    assert "This application has expired" in refused.content.decode()
    assert not Assessment.objects.exists()
    assert applications_expire(at=timezone.now()) == 1
    application.refresh_from_db()
    assert application.status == ApplicationStatus.EXPIRED


def test_the_daily_command_expires_what_was_left_unsubmitted(officer_user, person):
    from io import StringIO

    from django.core.management import call_command

    application = complete_application(officer_user, person)
    Application.objects.filter(pk=application.pk).update(expires_at=timezone.now() - dt.timedelta(days=1))
    out = StringIO()

    call_command("ap_expire_applications", stdout=out)
    call_command("ap_expire_applications", stdout=out)

    assert out.getvalue().splitlines() == ["1 application expired", "0 applications expired"]
    application.refresh_from_db()
    assert application.status == "expired"
