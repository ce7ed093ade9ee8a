"""Hostile values posted to the report editor and its autosave never give a 5xx (issue 9 item 6)."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from probation.reports.forms.writing import ReportForm
from probation.reports.tests.writing_setup import opened_report

pytestmark = pytest.mark.django_db
# The same kinds of value as tests/test_fuzz_no_5xx.py (not imported: the type checker would follow it).
HOSTILE = st.one_of(
    st.sampled_from(["", "99999999999", "-99999999999", "0", "-1", "\x00", "a\x00b", "x" * 5000]),
    st.integers(min_value=-(10**15), max_value=10**15).map(str),
    st.text(max_size=40),
)
FUZZ = settings(max_examples=5, deadline=None, database=None, suppress_health_check=list(HealthCheck))
FIELDS = list(ReportForm(hearing_date=dt.date(2026, 12, 8), age=30).fields)


@pytest.mark.parametrize("name", ["reports:report", "reports:report-autosave"])
def test_hostile_values_give_no_server_error(officer_user, name):
    report = opened_report(officer_user)
    client = Client(raise_request_exception=False)
    client.force_login(officer_user)
    url = reverse(name, args=[report.request.person.crn, report.request_id])

    @FUZZ
    @given(values=st.fixed_dictionaries(dict.fromkeys(FIELDS, HOSTILE)))
    @example(values=dict.fromkeys(FIELDS, "x" * 30000))
    @example(values=dict.fromkeys(FIELDS, "a\x00b") | {"version": "1"})
    def submit(values: dict[str, str]) -> None:
        response = client.post(url, values)
        assert response.status_code < 500, values

    submit()
