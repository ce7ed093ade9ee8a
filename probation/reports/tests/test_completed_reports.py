"""Completed reports per author and period: what workload points count (workload.md)."""

import datetime as dt

import pytest

from probation.accounts.tests.factories import UserFactory
from probation.reports.models import ReportType, RequestStatus
from probation.reports.selectors.completed import CompletedReports, completed_reports_by_author
from probation.reports.tests.factories import ReportRequestFactory

pytestmark = pytest.mark.django_db
DEC = dt.date(2026, 12, 1)


def _request(author, status, completed_on, requested=ReportType.SHORT_FORMAT, delivered=""):
    return ReportRequestFactory(
        author=author,
        status=status,
        completed_on=completed_on,
        type_requested=requested,
        type_delivered=delivered,
        requested_on=dt.date(2026, 11, 1),
        required_by=dt.date(2026, 11, 20),
    )


def test_counts_completed_and_closed_reports_in_the_period_by_the_type_delivered():
    alice, bob = UserFactory(), UserFactory()
    _request(alice, RequestStatus.COMPLETED, DEC)
    _request(alice, RequestStatus.CLOSED, DEC + dt.timedelta(days=5), delivered=ReportType.STANDARD)
    _request(
        alice, RequestStatus.CLOSED, DEC, requested=ReportType.STANDARD, delivered=ReportType.SHORT_FORMAT
    )
    _request(bob, RequestStatus.COMPLETED, DEC - dt.timedelta(days=1))  # before the period
    _request(bob, RequestStatus.ALLOCATED, None)
    _request(bob, RequestStatus.WITHDRAWN, DEC)

    counted = completed_reports_by_author(start=DEC, end=dt.date(2026, 12, 31))

    assert counted == [
        CompletedReports(alice.pk, ReportType.SHORT_FORMAT, 2),
        CompletedReports(alice.pk, ReportType.STANDARD, 1),
    ]
    assert completed_reports_by_author(start=DEC, end=dt.date(2026, 12, 31), author_ids=[bob.pk]) == []
