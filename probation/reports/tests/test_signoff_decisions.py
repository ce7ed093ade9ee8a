"""A senior PO's Decisions page lists the reports waiting for their countersignature, each linking to
the countersign page and the PDF; another senior PO sees none of them; the page's query count stays
the same as reports are added."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from probation.accounts.models import Role
from probation.accounts.tests.factories import StaffFactory, UserFactory
from probation.people.tests.factories import PersonFactory
from probation.reports.services.signoff import SignChoice, report_sign
from probation.reports.tests.signoff_fixtures import report_for

pytestmark = pytest.mark.django_db


def _signed(officer_user, spo_user):
    person = PersonFactory(officer=officer_user.staff)
    report = report_for(person, officer_user)
    return report_sign(
        actor=officer_user,
        crn=person.crn,
        request_id=report.request_id,
        expected_version=1,
        choice=SignChoice(dangerousness=True, reviewing_spo_id=spo_user.pk),
    )


def _reports(response):
    return next(s for s in response.context["sections"] if s.key == "reports")


def test_the_named_senior_po_sees_the_report_to_countersign(client, officer_user, spo_user):
    report = _signed(officer_user, spo_user)
    client.force_login(spo_user)

    response = client.get(reverse("worklists:decisions"))

    [row] = _reports(response).rows
    args = [report.request.person.crn, report.request_id]
    assert row.action_url == reverse("reports:report-countersign", args=args)
    assert row.extra_url == reverse("reports:report-pdf", args=args)
    assert "Reports to countersign (1)" in response.content.decode()


def test_another_senior_po_of_the_team_sees_none(client, officer_user, spo_user, team):
    _signed(officer_user, spo_user)
    other = UserFactory(role=Role.SENIOR_PO, staff=StaffFactory(team=team, grade="SPO"))
    client.force_login(other)

    assert _reports(client.get(reverse("worklists:decisions"))).count == 0


def test_the_decisions_page_reads_a_constant_number_of_queries_as_reports_grow(
    client, officer_user, spo_user, django_assert_num_queries
):
    _signed(officer_user, spo_user)
    client.force_login(spo_user)
    url = reverse("worklists:decisions")
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(3):
        _signed(officer_user, spo_user)

    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(url)

    assert _reports(response).count == 4
