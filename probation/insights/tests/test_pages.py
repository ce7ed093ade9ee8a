"""What the local information pages show: each topic's two charts with the tables beside them, a
formula-safe CSV, the equality tables with suppression and the statement of what they show; all
read from the aggregates in a fixed number of queries."""

import csv
import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from probation.accounts.models import PDU
from probation.insights.models import AggregationRun, AreaFigure, EqualityFigure
from probation.insights.services.aggregation import aggregate
from probation.insights.tests.areas import build_areas
from probation.insights.tests.world import AS_OF, assessed, attend, case

pytestmark = pytest.mark.django_db
DECEMBER = dt.date(2026, 12, 1)


@pytest.fixture
def areas():
    found = build_areas()
    homeless = {"accommodation": {"no_fixed_abode_or_transient": "yes"}}
    for _ in range(3):
        assessed(case(found.world.team).person, homeless)
    assessed(case(found.world.team).person, {})
    order = case(found.world.team)
    for outcome in ("ATTC", "ATTC", "ATTC", "UAAB"):
        attend(order, outcome)
    aggregate(as_of=AS_OF)
    return found


def test_the_needs_page_charts_each_need_as_a_share_with_the_table_beside_it(client, areas):
    client.force_login(areas.head)

    response = client.get(reverse("insights:topic", args=["pdu", "PNE1", "needs"]))

    page = response.content.decode()
    assert 'role="img" aria-labelledby="categories-title categories-desc"' in page
    assert "Needs, December 2026: Tyneside</title>" in page
    assert ">75.0%</text>" in page  # 3 of the 4 assessed have an accommodation need
    rows = {row.label: (row.value, row.share) for row in response.context["page"].categories_rows}
    assert rows["Accommodation"] == ("3", "75.0%")
    assert [row.value for row in response.context["page"].months_rows][-1] == "4"


def test_the_compliance_page_shows_failures_per_100_appointments_by_month(client, areas):
    client.force_login(areas.lead)

    response = client.get(reverse("insights:topic", args=["region", "RNE", "compliance"]))

    rows = {row.label: row.value for row in response.context["page"].months_rows}
    assert rows["May 2026"] == "25.0"
    assert rows["June 2026"] == "–"
    assert response.context["page"].categories_chart is None


def test_the_csv_has_a_row_per_month_and_category_and_is_formula_safe(client, areas):
    PDU.objects.filter(code="PNE1").update(name="=HYPERLINK(1)")
    client.force_login(areas.head)

    response = client.get(reverse("insights:topic-csv", args=["pdu", "PNE1", "needs"]))

    assert response["Content-Disposition"] == 'attachment; filename="needs-pdu-PNE1.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Area", "Area type", "Area code", "Figure", "Month", "Category", "Count"]
    assert ["'=HYPERLINK(1)", "pdu", "PNE1", "Needs", "2026-12", "Accommodation", "3"] in rows
    assert [
        "'=HYPERLINK(1)",
        "pdu",
        "PNE1",
        "Needs",
        "2026-12",
        "People with a completed needs assessment",
        "4",
    ] in rows
    assert len(rows) == 1 + 13 * 2


def test_before_the_first_run_the_pages_say_there_are_no_figures_yet(client):
    areas = build_areas()
    client.force_login(areas.head)

    page = client.get(reverse("insights:topic", args=["pdu", "PNE1", "needs"])).content.decode()

    assert "No figures yet: they are made overnight." in page


def test_a_topic_page_reads_the_aggregates_in_a_fixed_number_of_queries(client, areas):
    client.force_login(areas.head)
    url = reverse("insights:topic", args=["pdu", "PNE1", "caseload"])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    AreaFigure.objects.bulk_create(
        AreaFigure(
            level="pdu",
            area_code="PNE1",
            measure="caseload_sentence",
            month=DECEMBER,
            category=f"x{i}",
            value=i,
        )
        for i in range(200)
    )

    with CaptureQueriesContext(connection) as many:
        client.get(url)

    assert len(many) == len(few)
    assert not any("people_person" in q["sql"] for q in many.captured_queries)


def _equality(group, with_outcome, people, dimension="ethnicity"):
    EqualityFigure.objects.create(
        level="pdu",
        area_code="PNE1",
        period_start=dt.date(2025, 12, 1),
        period_end=dt.date(2026, 11, 30),
        outcome="breach",
        dimension=dimension,
        group=group,
        people=people,
        with_outcome=with_outcome,
    )


def test_the_equality_page_compares_each_group_with_everyone_else_and_suppresses_small_ones(client, areas):
    EqualityFigure.objects.all().delete()
    _equality("B", 15, 60)  # 15 of 60 against 45 of 540: 3.00 (1.78 to 5.05)
    _equality("W", 40, 500)
    _equality("A", 2, 9)  # fewer than 10 people
    _equality("not_stated", 3, 31)  # fewer than 10 with the outcome
    client.force_login(areas.head)

    response = client.get(reverse("insights:equality", args=["pdu", "PNE1", "breach"]))

    page = response.content.decode()
    ethnicity = response.context["tables"][0]
    rows = {row.group: row for row in ethnicity.rows}
    assert rows["Black, Black British, Caribbean or African"].relative == "3.00 (1.78 to 5.05)"
    assert rows["Black, Black British, Caribbean or African"].comparison == "Higher than the rest"
    assert rows["Asian or Asian British"].people == "fewer than 10"
    assert rows["Asian or Asian British"].relative == "fewer than 10"
    assert rows["Not stated"].with_outcome == "fewer than 10"
    assert rows["Not stated"].people == "31"
    assert "They show differences, not their causes" in page
    assert "from 1 December 2025 to 30 November 2026" in page
    assert "Referred to an accredited programme: not yet available" in page


def test_the_team_workload_page_shows_capacity_and_names_no_case(client, areas):
    client.force_login(areas.head)

    response = client.get(reverse("insights:team-workload", args=["TNE1"]))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Capacity by officer" in page
    assert "/cases/" not in page
    assert AggregationRun.objects.count() == 1
