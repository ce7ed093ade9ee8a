"""Court performance: delivered by the date required, type mix and proposals followed, per court and
PDU month by month, with an accessible chart, the table beside it and a CSV download (formula-safe),
in a constant number of queries."""

import csv
import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from probation.accounts.tests.factories import PDUFactory, UserFactory
from probation.court.tests.factories import CourtFactory
from probation.reports.models import ReportRequest
from probation.reports.selectors.performance import month_starts, proposal_pairs
from probation.reports.tests.factories import ReportFactory, ReportRequestFactory

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def other_court(court):
    return CourtFactory(
        code="B13BR00", name="Bradford Magistrates’ Court", pdu=PDUFactory(region=court.pdu.region)
    )


def _done(
    court, *, asked, required, completed, requested="short_format", delivered="short_format", proposal=""
):
    request = ReportRequestFactory(
        court=court,
        requested_on=asked,
        hearing_date=asked,
        required_by=required,
        completed_on=completed,
        type_requested=requested,
        type_delivered=delivered if completed else "",
        status="completed" if completed else "requested",
        author=UserFactory() if completed else None,
    )
    if completed:
        ReportFactory(
            request=request,
            report_type=requested,
            proposed_sentence={"sentence_type": proposal} if proposal else {},
        )
    return request


@pytest.fixture
def history(court, other_court):
    _done(
        court,
        asked=D(2026, 11, 3),
        required=D(2026, 11, 10),
        completed=D(2026, 11, 9),
        proposal="community_order",
    )
    _done(
        court,
        asked=D(2026, 11, 2),
        required=D(2026, 11, 20),
        completed=D(2026, 11, 24),
        requested="standard",
        delivered="short_format",
    )
    _done(court, asked=D(2026, 11, 18), required=D(2026, 11, 25), completed=None)  # late, not delivered
    _done(court, asked=D(2026, 12, 2), required=D(2026, 12, 10), completed=None)  # not yet due
    ReportRequestFactory(court=court, status="withdrawn", required_by=D(2026, 12, 1))  # not counted
    _done(
        other_court,
        asked=D(2026, 10, 5),
        required=D(2026, 10, 5),
        completed=D(2026, 10, 5),
        requested="oral",
        delivered="oral",
    )
    _done(court, asked=D(2025, 10, 1), required=D(2025, 10, 8), completed=D(2025, 10, 8))  # over a year ago


def test_the_last_twelve_months_end_with_this_month():
    assert month_starts(D(2026, 12, 3)) == [D(2026, m, 1) for m in range(1, 13)]
    assert month_starts(D(2026, 3, 31))[:2] == [D(2025, 4, 1), D(2025, 5, 1)]


def test_the_court_team_sees_each_month_each_pdu_and_each_court(
    client, court_officer, court, other_court, history
):
    client.force_login(court_officer)
    response = client.get(reverse("reports:performance"))

    months = {row.label: row for row in response.context["month_rows"]}
    assert len(months) == 12
    november, october = months["November 2026"], months["October 2026"]
    assert (november.due, november.on_time, november.on_time_percent) == (3, 1, "33%")
    assert november.requested == "Short format 2, Standard delivery 1"
    assert november.delivered == "Short format 2"
    assert (october.due, october.on_time_percent, october.delivered) == (1, "100%", "Oral 1")
    assert months["December 2026"].on_time_percent == "No reports"
    assert {r.label: r.on_time_percent for r in response.context["court_rows"]} == {
        court.name: "33%",
        other_court.name: "100%",
    }
    assert {r.label: r.on_time_percent for r in response.context["pdu_rows"]} == {
        court.pdu.name: "33%",
        other_court.pdu.name: "100%",
    }
    # No sentence is linked to a request yet (the resulting work adds it): nothing to compare.
    assert november.followed == "No sentences to compare"


def test_the_chart_labels_every_bar_with_its_value_and_the_table_is_beside_it(client, court_officer, history):
    client.force_login(court_officer)
    page = client.get(reverse("reports:performance")).content.decode()

    assert 'role="img" aria-labelledby="chart-title chart-desc"' in page
    assert ">33%</text>" in page
    assert ">100%</text>" in page
    assert "Reports delivered by the date required, by month" in page


def test_a_senior_po_sees_only_their_pdus_courts(client, spo_user, court, other_court, history):
    client.force_login(spo_user)
    response = client.get(reverse("reports:performance"))
    assert [r.label for r in response.context["court_rows"]] == [court.name]
    assert response.context["month_rows"][9].on_time_percent == "No reports"  # October: the other court's
    denied = client.get(reverse("reports:performance") + f"?scope=court-{other_court.code}")
    assert denied.status_code == 404


def test_a_scope_narrows_the_figures_to_one_court_or_pdu(client, court_officer, court, other_court, history):
    client.force_login(court_officer)
    url = reverse("reports:performance")
    by_court = client.get(url + f"?scope=court-{other_court.code}").context
    assert [r.label for r in by_court["court_rows"]] == [other_court.name]
    assert by_court["month_rows"][10].on_time_percent == "No reports"  # November: the other court had none
    by_pdu = client.get(url + f"?scope=pdu-{court.pdu.code}").context
    assert [r.label for r in by_pdu["pdu_rows"]] == [court.pdu.name]
    assert client.get(url + "?scope=court-NOSUCH").status_code == 404


def test_the_csv_has_a_row_per_month_and_court_and_cannot_run_formulas(client, court_officer, court, history):
    court.name = '=HYPERLINK("http://evil")'
    court.save()
    client.force_login(court_officer)
    response = client.get(reverse("reports:performance-csv"))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:6] == [
        "Month",
        "PDU",
        "Court",
        "Reports due",
        "Delivered by the date required",
        "Delivered by the date required (%)",
    ]
    assert len(rows) == 1 + 12 * 2
    november = [r for r in rows if r[0] == "2026-11" and r[2].startswith("'=")]
    assert november[0][3:6] == ["3", "1", "33"]


def test_the_proposal_of_each_completed_report_is_read_for_the_comparison(court, history):
    pairs = list(proposal_pairs(ReportRequest.objects.filter(court=court, completed_on__gte=D(2026, 11, 1))))
    assert sorted((row["proposed"] or "", row["sentenced"], row["n"]) for row in pairs) == [
        ("", None, 1),
        ("community_order", None, 1),
    ]


def test_the_performance_page_and_csv_read_a_constant_number_of_queries(
    client, court_officer, court, other_court, history, django_assert_num_queries
):
    client.force_login(court_officer)
    for name in ("reports:performance", "reports:performance-csv"):
        url = reverse(name)
        client.get(url)
        with CaptureQueriesContext(connection) as few:
            client.get(url)
        for _ in range(3):
            _done(
                court,
                asked=D(2026, 6, 1),
                required=D(2026, 6, 8),
                completed=D(2026, 6, 8),
                proposal="custodial",
            )
            _done(CourtFactory(pdu=court.pdu), asked=D(2026, 7, 1), required=D(2026, 7, 8), completed=None)
        with django_assert_num_queries(len(few.captured_queries)):
            assert client.get(url).status_code == 200


def test_viewing_and_downloading_are_audited(client, court_officer, history):
    from probation.audit.models import AuditEvent

    client.force_login(court_officer)
    client.get(reverse("reports:performance"))
    client.get(reverse("reports:performance-csv") + "?scope=")
    assert list(
        AuditEvent.objects.filter(object_type="court_performance")
        .order_by("seq")
        .values_list("action", "object_id")
    ) == [("view", "all"), ("export", "all")]


def test_once_a_sentence_is_linked_the_page_counts_the_proposals_it_followed(
    client, court_officer, court, monkeypatch
):
    # The resulting work will point SENTENCED_TYPE_LOOKUP at the sentence passed; any text column of
    # the request shows the counting works end to end (here the report's own type stands in for it).
    monkeypatch.setattr(
        "probation.reports.selectors.performance.SENTENCED_TYPE_LOOKUP", "report__report_type"
    )
    _done(
        court,
        asked=D(2026, 11, 2),
        required=D(2026, 11, 9),
        completed=D(2026, 11, 9),
        proposal="short_format",
    )
    _done(
        court,
        asked=D(2026, 11, 2),
        required=D(2026, 11, 9),
        completed=D(2026, 11, 9),
        proposal="short_format",
    )
    _done(
        court, asked=D(2026, 11, 2), required=D(2026, 11, 9), completed=D(2026, 11, 9), proposal="custodial"
    )
    _done(court, asked=D(2026, 11, 2), required=D(2026, 11, 9), completed=D(2026, 11, 9))  # no proposal
    client.force_login(court_officer)

    rows = {row.label: row for row in client.get(reverse("reports:performance")).context["month_rows"]}

    assert rows["November 2026"].followed == "2 of 3 (67%)"


def test_the_sentence_passed_at_resulting_is_compared_with_the_proposal(client, court_officer, court):
    from django.utils import timezone

    from probation.court.tests.factories import CourtListFactory, HearingFactory
    from probation.sentences.tests.factories import SentenceFactory

    followed = _done(
        court,
        asked=D(2026, 11, 2),
        required=D(2026, 11, 9),
        completed=D(2026, 11, 9),
        proposal="community_order",
    )
    not_followed = _done(
        court,
        asked=D(2026, 11, 2),
        required=D(2026, 11, 9),
        completed=D(2026, 11, 9),
        proposal="community_order",
    )
    _done(
        court, asked=D(2026, 11, 2), required=D(2026, 11, 9), completed=D(2026, 11, 9), proposal="custodial"
    )
    court_list = CourtListFactory(court=court, sitting_date=D(2026, 11, 9))
    for request, sentence_type in ((followed, "community_order"), (not_followed, "suspended_sentence_order")):
        sentence = SentenceFactory(event__person=request.person, type=sentence_type)
        HearingFactory(
            court_list=court_list,
            closed_request=request,
            outcome="probation_sentence",
            result_status="resulted",
            resulted_at=timezone.now(),
            result_event=sentence.event,
        )
    client.force_login(court_officer)

    rows = {row.label: row for row in client.get(reverse("reports:performance")).context["month_rows"]}

    # The custodial proposal has no resulted sentence yet: only the two resulted requests count.
    assert rows["November 2026"].followed == "1 of 2 (50%)"
