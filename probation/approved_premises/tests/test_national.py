"""The national view: occupancy and vacancies per premises and region for 12 weeks, applications
waiting by age, stays against their expected length; charts beside tables; a formula-safe, audited CSV;
the CRU's only; a constant number of queries however large the estate."""

import csv
import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from probation.accounts.models import Role
from probation.accounts.tests.factories import RegionFactory, UserFactory
from probation.approved_premises.selectors.national import national_view
from probation.approved_premises.tests.factories import booking, out_of_service, premises_with_beds
from probation.audit.models import AuditEvent
from probation.core.clock import today_uk
from probation.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db
TODAY = today_uk()


def _d(days):
    return TODAY + dt.timedelta(days=days)


@pytest.fixture
def cru():
    return UserFactory(role=Role.AP_CRU, staff=None)


@pytest.fixture
def estate():
    north = RegionFactory(name="North East")
    ashby = premises_with_beds(2, name="Ashby House", region=north, code="AP0001")
    premises_with_beds(1, name="=HYPERLINK(1)", region=RegionFactory(name="Wales"), code="AP0002")
    booking(PersonFactory(), ashby, _d(0), _d(7), status="arrived")  # 7 of 14 bed-nights in week 1
    booking(PersonFactory(), ashby, _d(-90), _d(-1), status="arrived")  # past its expected departure
    out_of_service(ashby.beds.first(), _d(7), _d(13))
    return ashby


def test_occupancy_counts_bed_nights_booked_and_out_of_service_per_premises_and_region(cru, estate):
    national = national_view(user=cru, today=TODAY)

    ashby = next(e for e in national.premises if e.premises == estate)
    first, second = ashby.weeks[0], ashby.weeks[1]
    assert (first.bed_nights, first.booked, first.occupancy) == (14, 7, 50.0)
    assert (second.bed_nights, second.booked) == (7, 0)
    assert ashby.free_tonight == 1
    assert national.regions["Wales"][0].bed_nights == 7
    assert national.total[0].bed_nights == 21
    assert national.stays["Resident, past the expected departure"] == 1
    assert national.stays["Resident, within the expected stay"] == 1


def test_the_page_shows_charts_beside_tables_and_is_audited(
    client, cru, estate, django_assert_max_num_queries
):
    client.force_login(cru)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("approved_premises:national"))
    page = response.content.decode()
    assert response.status_code == 200
    for chart in ("occupancy-chart", "vacancies-chart", "waiting-chart", "stays-chart"):
        assert f'id="{chart}' in page
    assert 'role="img"' in page
    assert "Ashby House" in page
    assert AuditEvent.objects.filter(object_type="ap_national_view", action="view").count() == 1


def test_the_query_count_does_not_grow_with_the_estate(client, cru, estate):
    client.force_login(cru)
    client.get(reverse("approved_premises:national"))  # the session's first request reads more
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("approved_premises:national"))
    for _ in range(3):
        premises_with_beds(2, region=RegionFactory())
    with CaptureQueriesContext(connection) as large:
        client.get(reverse("approved_premises:national"))
    assert len(large) == len(small)


def test_the_csv_is_formula_safe_and_audited(client, cru, estate):
    client.force_login(cru)
    response = client.get(reverse("approved_premises:national-csv"))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:4] == ["Region", "Premises code", "Premises", "Week starting"]
    assert ["North East", "AP0001", "Ashby House", TODAY.isoformat(), "14", "7", "7", "50.0", "0"] in rows
    assert any(r[2] == "'=HYPERLINK(1)" for r in rows if len(r) > 2)
    assert AuditEvent.objects.filter(object_type="ap_national_view", action="export").count() == 1


def test_only_the_cru_sees_the_national_view(client, estate):
    for role in (Role.AP_ASSESSOR, Role.AP_STAFF, Role.PRACTITIONER, Role.HEAD_OF_PDU):
        client.force_login(UserFactory(role=role))
        for name in ("approved_premises:national", "approved_premises:national-csv"):
            assert client.get(reverse(name)).status_code == 404, (role, name)
