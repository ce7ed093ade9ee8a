"""Pre-sentence reports count toward their author's workload while they are being written
(workload.md § Other work: standard 138 points, short format 65)."""

import datetime as dt

import pytest

from probation.accounts.tests.factories import StaffFactory, UserFactory
from probation.reports.tests.factories import ReportRequestFactory
from probation.rules.workload.points import ReportType
from probation.workload.report_sources import report_counts

pytestmark = pytest.mark.django_db
ON = dt.date(2026, 12, 3)


def _request(author, kind, *, allocated=dt.date(2026, 12, 1), completed=None, status="allocated"):
    return ReportRequestFactory(
        author=author,
        type_requested=kind,
        status=status,
        allocated_on=allocated,
        completed_on=completed,
        requested_on=dt.date(2026, 11, 30),
        required_by=dt.date(2026, 12, 20),
    )


def test_reports_being_written_count_for_their_author_by_type():
    author = UserFactory(staff=StaffFactory(grade="PO"))
    other = UserFactory(staff=StaffFactory(grade="PO"))
    _request(author, "standard")
    _request(author, "short_format")
    _request(author, "short_format")
    _request(author, "oral")  # no points of its own
    _request(author, "standard", status="withdrawn")
    _request(author, "standard", completed=dt.date(2026, 12, 2), status="completed")  # finished before
    _request(author, "standard", allocated=dt.date(2026, 12, 4))  # not yet allocated on the day
    _request(other, "standard")

    counts = report_counts([author.staff_id], ON)

    assert counts == {author.staff_id: {ReportType.STANDARD_PSR: 1, ReportType.FAST_PSR: 2}}
