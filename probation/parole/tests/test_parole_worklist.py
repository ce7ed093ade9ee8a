"""My work lists the author's PAROM1s and governors' reports due within two weeks or overdue."""

import datetime as dt

import pytest
from django.urls import reverse

from probation.parole.tests.factories import governor_report, lifer, parole_review
from probation.people.tests import access

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    monkeypatch.setattr("probation.worklists.views.lists.today_uk", lambda: dt.date(2026, 12, 3))


def test_my_work_lists_the_authors_due_and_overdue_reports(client, case, officer_user):
    custody = lifer(case)
    parole_review(case, author=officer_user, custody=custody, report_due_on=dt.date(2026, 12, 1))
    parole_review(
        case,
        author=officer_user,
        custody=custody,
        target_on=dt.date(2028, 6, 1),
        report_due_on=dt.date(2027, 3, 1),
    )
    governor_report(case, author=officer_user, custody=custody, due_on=dt.date(2026, 12, 10))
    client.force_login(officer_user)

    response = client.get(reverse("worklists:mine"))

    rows = response.context["parole"]
    assert [(r.what, r.overdue) for r in rows] == [
        ("PAROM1 for the review of 1 June 2027", True),
        ("Report to the governor: Release on temporary licence (ROTL)", False),
    ]
    assert 'id="parole"' in response.content.decode()


def test_an_excluded_case_is_left_off(client, case, officer_user):
    parole_review(case, author=officer_user, report_due_on=dt.date(2026, 12, 1))
    access.exclude(case, officer_user)
    client.force_login(officer_user)
    assert client.get(reverse("worklists:mine")).context["parole"] == []
