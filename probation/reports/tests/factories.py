"""Factories for report requests and reports."""

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from probation.accounts.tests.factories import UserFactory
from probation.court.tests.factories import CourtFactory
from probation.people.tests.factories import PersonFactory
from probation.reports.models import (
    RemandStatus,
    Report,
    ReportRequest,
    ReportType,
    RequestStatus,
)


class ReportRequestFactory(DjangoModelFactory):
    class Meta:
        model = ReportRequest

    person = factory.SubFactory(PersonFactory)
    court = factory.SubFactory(CourtFactory)
    offences = factory.LazyFunction(lambda: [{"code": "TH68010", "wording": "Theft of a bicycle"}])
    type_requested = ReportType.SHORT_FORMAT
    remand_status = RemandStatus.UNCONDITIONAL_BAIL
    hearing_date = dt.date(2026, 12, 1)
    adjourned_to = dt.date(2026, 12, 8)
    requested_on = dt.date(2026, 12, 1)
    required_by = dt.date(2026, 12, 8)
    status = RequestStatus.REQUESTED
    requested_by = factory.SubFactory(UserFactory, role="court_officer")


class ReportFactory(DjangoModelFactory):
    class Meta:
        model = Report

    request = factory.SubFactory(
        ReportRequestFactory, status=RequestStatus.ALLOCATED, author=factory.SubFactory(UserFactory)
    )
    report_type = factory.LazyAttribute(lambda o: o.request.type_requested)
