"""The database refuses report records that break the rules every page relies on."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from probation.reports.models import ReportStatus, RequestStatus
from probation.reports.tests.factories import ReportFactory, ReportRequestFactory

pytestmark = pytest.mark.django_db


def test_an_allocated_request_must_name_its_author():
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportRequestFactory(status=RequestStatus.ALLOCATED, author=None)


def test_a_request_cannot_be_required_before_it_was_made():
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportRequestFactory(requested_on=dt.date(2026, 12, 2), required_by=dt.date(2026, 12, 1))


def test_a_signed_dangerousness_report_names_its_reviewing_senior_po():
    report = ReportFactory(dangerousness=True)
    report.status = ReportStatus.SIGNED
    report.signed_by = report.request.author
    report.signed_at = timezone.now()
    with pytest.raises(IntegrityError), transaction.atomic():
        report.save()


def test_a_report_belongs_to_its_request():
    report = ReportFactory()
    assert report.request.report == report
    assert report.report_type == report.request.type_requested
