"""The safeguarding page: the child flags, checks and referrals newest first, the overdue tag after
10 working days, the view audit, constant query counts, the flag choices and the conflict page."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from probation.audit.models import AuditEvent
from probation.core.clock import today_uk
from probation.frontend.tests.forms import date_fields
from probation.risk.tests.test_registration_factories import RegistrationFactory
from probation.rules.calendar.working_days import add_working_days
from probation.safeguarding.models import ChildrenServicesCheck
from probation.safeguarding.presenters import check_row
from probation.safeguarding.tests.factories import ChildrenServicesCheckFactory, SafeguardingReferralFactory

pytestmark = pytest.mark.django_db
REQUESTED = dt.date(2025, 2, 3)  # Monday; the tenth working day after it is Monday 17 February


def _page(client, user, crn):
    client.force_login(user)
    return client.get(reverse("safeguarding:case", args=[crn])).content.decode()


@pytest.mark.parametrize(
    ("today", "overdue"),
    [(dt.date(2025, 2, 14), False), (dt.date(2025, 2, 17), False), (dt.date(2025, 2, 18), True)],
)
def test_an_unanswered_check_is_overdue_after_10_working_days(today, overdue):
    check = ChildrenServicesCheckFactory.build(pk=1, requested_on=REQUESTED)

    row = check_row(check, crn="X000001", today=today, can_manage=True)

    assert row.response_due_on == dt.date(2025, 2, 17) == add_working_days(REQUESTED, 10)
    assert (row.overdue is not None, row.status.label) == (overdue, "Awaiting response")


def test_an_answered_check_is_never_overdue():
    check = ChildrenServicesCheckFactory.build(
        pk=1, requested_on=REQUESTED, outcome="no_trace", response_on=dt.date(2025, 3, 30)
    )

    row = check_row(check, crn="X000001", today=dt.date(2025, 6, 1), can_manage=True)

    assert (row.overdue, row.response_due_on, row.response_url, row.outcome) == (None, None, "", "No trace")


def test_practitioner_sees_the_child_flags_and_records_newest_first_with_links(client, case, officer_user):
    RegistrationFactory(person=case, register_type="RCPR", registered_on=dt.date(2025, 1, 6))
    RegistrationFactory(person=case, register_type="ALSH")
    ChildrenServicesCheckFactory(person=case, local_authority="Older Council", requested_on=REQUESTED)
    ChildrenServicesCheckFactory(
        person=case, local_authority="Newer Council", requested_on=today_uk(), method="phone"
    )
    SafeguardingReferralFactory(person=case, referred_to="other", referred_to_other="NSPCC")

    page = _page(client, officer_user, case.crn)

    assert "Child protection</strong> from 6 January 2025" in page
    assert "Suicide" not in page.split("Child safeguarding flags")[1].split("Checks with")[0]
    assert page.index("Newer Council") < page.index("Older Council")
    assert page.count("Awaiting response") == 2
    assert page.count(">Overdue<") == 1
    assert "Referral to Other: NSPCC" in page
    assert "Awaiting outcome" in page
    assert "Record a check" in page
    assert "Record a referral" in page
    assert "Record the outcome" in page


def test_a_person_without_child_flags_is_told_so(client, case, officer_user):
    page = _page(client, officer_user, case.crn)

    assert "No active child protection, child concerns or risk to children flags." in page
    assert "No checks with children's services recorded." in page


def test_viewing_is_audited_with_what_the_user_was_shown(client, case, officer_user):
    check = ChildrenServicesCheckFactory(person=case)
    referral = SafeguardingReferralFactory(person=case)

    _page(client, officer_user, case.crn)

    # One audit row per page view (the case-page shell), naming every check and referral shown.
    events = list(AuditEvent.objects.order_by("id").values_list("action", "crn", "object_type", "detail"))
    assert events == [
        (
            "view",
            case.crn,
            "person",
            {
                "section": "safeguarding",
                "safeguarding_check": [check.pk],
                "safeguarding_referral": [referral.pk],
            },
        ),
    ]


def test_the_response_and_outcome_pages_audit_the_view(client, case, officer_user):
    check = ChildrenServicesCheckFactory(person=case)
    referral = SafeguardingReferralFactory(person=case)
    client.force_login(officer_user)

    client.get(reverse("safeguarding:check-response", args=[case.crn, check.pk]))
    client.get(reverse("safeguarding:referral-outcome", args=[case.crn, referral.pk]))

    assert list(AuditEvent.objects.order_by("id").values_list("object_type", "object_id", "detail")) == [
        ("safeguarding_check", str(check.pk), {"section": "safeguarding", "page": "response"}),
        ("safeguarding_referral", str(referral.pk), {"section": "safeguarding", "page": "outcome"}),
    ]


def _count(client, url):
    client.get(url)  # the first request after signing in also saves the session
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_case_page_queries_do_not_grow_with_checks_referrals_and_flags(client, case, officer_user):
    client.force_login(officer_user)
    url = reverse("safeguarding:case", args=[case.crn])
    flag = RegistrationFactory(person=case, register_type="RCPR")
    ChildrenServicesCheckFactory(person=case, registration=flag)
    SafeguardingReferralFactory(person=case, registration=flag)
    one = _count(client, url)
    RegistrationFactory(person=case, register_type="RCCO")
    for _ in range(3):
        ChildrenServicesCheckFactory(person=case, registration=flag)
        SafeguardingReferralFactory(person=case, registration=flag, outcome="nfa", outcome_on=REQUESTED)

    assert _count(client, url) == one


def test_the_add_forms_offer_only_the_active_child_flags(client, case, officer_user):
    active = RegistrationFactory(person=case, register_type="RCCO", registered_on=dt.date(2025, 1, 6))
    RegistrationFactory(
        person=case, register_type="RCPR", deregistered_on=dt.date(2025, 2, 1), deregistration_reason="Ended"
    )
    RegistrationFactory(person=case, register_type="WEAP")
    client.force_login(officer_user)

    page = client.get(reverse("safeguarding:check-add", args=[case.crn])).content.decode()

    assert f'value="{active.pk}"' in page
    assert "Child concerns from 6 January 2025" in page
    assert "Child protection" not in page.split("<form")[1]
    assert "Not linked to a flag" in page


def test_the_add_forms_skip_the_flag_question_without_child_flags(client, case, officer_user):
    client.force_login(officer_user)

    page = client.get(reverse("safeguarding:referral-add", args=[case.crn])).content.decode()

    assert "Child safeguarding flag this relates to" not in page


def test_posting_a_check_linked_to_a_flag_records_it(client, case, officer_user):
    flag = RegistrationFactory(person=case, register_type="RCHD")
    client.force_login(officer_user)

    response = client.post(
        reverse("safeguarding:check-add", args=[case.crn]),
        {
            "local_authority": "Leeds City Council",
            **date_fields("requested_on", dt.date(2025, 2, 3)),
            "method": "portal",
            "reason": "Contact with children",
            "registration": str(flag.pk),
        },
    )

    assert response.status_code == 302
    assert ChildrenServicesCheck.objects.get().registration == flag


def test_an_empty_check_form_shows_every_error_and_writes_nothing(client, case, officer_user):
    client.force_login(officer_user)

    response = client.post(reverse("safeguarding:check-add", args=[case.crn]), {})

    page = response.content.decode()
    assert response.status_code == 200
    for message in (
        "Enter the local authority",
        "Enter the date requested",
        "Select how the check was requested",
        "Enter the reason for the check",
    ):
        assert message in page
    assert ChildrenServicesCheck.objects.count() == 0


def test_a_response_dated_before_the_request_is_shown_against_the_date(client, case, officer_user):
    check = ChildrenServicesCheckFactory(person=case)
    client.force_login(officer_user)

    response = client.post(
        reverse("safeguarding:check-response", args=[case.crn, check.pk]),
        {
            **date_fields("response_on", dt.date(2025, 2, 1)),
            "outcome": "no_trace",
            "version": "1",
        },
    )

    assert response.status_code == 200
    assert (
        "Response date must be on or after the date requested (3 February 2025)" in response.content.decode()
    )


def test_a_stale_response_gets_409_with_what_changed(client, case, officer_user):
    check = ChildrenServicesCheckFactory(person=case)
    ChildrenServicesCheck.objects.filter(pk=check.pk).update(version=2)
    client.force_login(officer_user)

    response = client.post(
        reverse("safeguarding:check-response", args=[case.crn, check.pk]),
        {
            **date_fields("response_on", dt.date(2025, 2, 5)),
            "outcome": "no_trace",
            "version": "1",
        },
    )

    assert response.status_code == 409
    assert b"Your changes were not saved" in response.content
    check.refresh_from_db()
    assert (check.outcome, check.version) == ("awaiting", 2)
