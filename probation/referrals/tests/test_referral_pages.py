"""What practitioners and provider staff see and do on the referral pages."""

import datetime as dt

import pytest
from django.urls import reverse

from probation.contacts.tests.factories import ContactFactory
from probation.core.clock import today_uk
from probation.referrals.models import Referral
from probation.referrals.tests.factories import rar_requirement, referral

pytestmark = pytest.mark.django_db
TODAY = today_uk()


def _date(prefix, day):
    return {f"{prefix}_0": day.day, f"{prefix}_1": day.month, f"{prefix}_2": day.year}


def test_a_practitioner_chooses_a_provider_then_sends_the_referral(
    client, officer_user, person, provider, requirement
):
    client.force_login(officer_user)
    url = reverse("referrals:case-create", args=[person.crn])
    assert "Housing Partners" in client.get(url).content.decode()
    page = client.get(url, {"provider": provider.pk}).content.decode()
    assert "Secures suitable supported housing" in page
    token = client.get(url, {"provider": provider.pk}).context["form"].initial["form_token"]
    data = {
        "provider": provider.pk,
        "requirement": requirement.pk,
        "categories": ["accommodation"],
        "accommodation-complexity": "high",
        "accommodation-outcomes": ["accommodation_1", "accommodation_2"],
        "maximum_days": 6,
        **_date("complete_by", TODAY + dt.timedelta(days=60)),
        "risk_information": "Meet in the office",
        "form_token": token,
    }

    first = client.post(url, data)
    second = client.post(url, data)

    referral_ = Referral.objects.get()
    assert (
        first["Location"]
        == second["Location"]
        == reverse("referrals:case-referral", args=[person.crn, referral_.pk])
    )


def test_bad_referral_input_shows_every_error_and_saves_nothing(
    client, officer_user, person, provider, requirement
):
    client.force_login(officer_user)
    url = reverse("referrals:case-create", args=[person.crn])
    response = client.post(
        url,
        {"provider": provider.pk, "categories": ["accommodation"], "maximum_days": "lots", "form_token": "t"},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    for message in (
        "Choose the rehabilitation activity requirement",
        "Enter a whole number of days",
        "Enter the risk information the provider needs",
    ):
        assert message in page
    assert Referral.objects.count() == 0


def test_the_provider_page_shows_what_the_referral_shares_and_nothing_of_the_case(
    client, in_progress, provider_staff
):
    person = in_progress.person
    ContactFactory(person=person, notes="Victim lives on Elm Street", sensitive=True)
    client.force_login(provider_staff)

    page = client.get(reverse("referrals:provider-referral", args=[in_progress.pk])).content.decode()

    assert "Meet in the office" in page or "meet in the office" in page
    assert person.crn in page
    assert "Elm Street" not in page
    assert "Sensitive" not in page


@pytest.mark.parametrize("rows", [1, 8])
def test_the_provider_list_runs_the_same_queries_for_1_or_many(
    client, provider, provider_staff, officer_user, django_assert_max_num_queries, rows
):
    for _ in range(rows):
        referral(rar_requirement(officer_user.staff), provider, by=officer_user)
    client.force_login(provider_staff)
    # session, user, provider staff, referrals, the audit (head, row, its savepoint and, on PostgreSQL,
    # its advisory lock), the session save, with their savepoints
    with django_assert_max_num_queries(12):
        response = client.get(reverse("referrals:provider-list"))
    assert len(response.context["rows"]) == rows


def test_the_provider_records_a_plan_the_practitioner_approves_on_the_page(
    client, requirement, provider, provider_staff, officer_user
):
    made = referral(requirement, provider, by=officer_user, status="assessed")
    client.force_login(provider_staff)
    response = client.post(
        reverse("referrals:provider-action-plan", args=[made.pk]),
        {"activities": "Weekly sessions", "sessions_planned": 6, "version": made.version},
    )
    assert response.status_code == 302
    again = client.post(
        reverse("referrals:provider-action-plan", args=[made.pk]),
        {"activities": "Weekly sessions", "sessions_planned": 6, "version": made.version},
    )
    assert "changed in another window or already saved" in again.content.decode()

    client.force_login(officer_user)
    url = reverse("referrals:case-referral", args=[made.person.crn, made.pk])
    assert "waiting for your approval" in client.get(url).content.decode()
    assert "Action plan to approve" in client.get(reverse("worklists:mine")).content.decode()
    client.post(url, {"action": "approve", "number": 1, "version": made.version + 1})

    assert Referral.objects.get(pk=made.pk).status == "in_progress"


def test_flagged_feedback_reaches_my_work_until_read(client, in_progress, provider_staff, officer_user):
    client.force_login(provider_staff)
    client.post(
        reverse("referrals:provider-session", args=[in_progress.pk]),
        {
            **_date("happened_on", TODAY),
            "delivery": "planned_office_visit",
            "attended": "late",
            "concerns": "Talked about losing the flat",
            "notify_practitioner": "on",
            "version": in_progress.version,
        },
    )
    client.force_login(officer_user)
    my_work = client.get(reverse("worklists:mine")).content.decode()
    assert "1 session to read" in my_work

    client.post(
        reverse("referrals:case-referral", args=[in_progress.person.crn, in_progress.pk]), {"action": "read"}
    )

    assert "1 session to read" not in client.get(reverse("worklists:mine")).content.decode()
