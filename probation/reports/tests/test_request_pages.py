"""The report request pages as a court officer, a senior PO and an author use them: recording from
the case and from the court duty page's hearing, GOV.UK errors that change nothing, allocation and
withdrawal, the court team's list and the author's My work section (constant query counts)."""

import datetime as dt
import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from probation.court.tests.factories import CourtListFactory, HearingFactory
from probation.people.tests.access import exclude
from probation.people.tests.factories import PersonFactory
from probation.reports.models import ReportRequest, RequestStatus
from probation.reports.tests.factories import ReportRequestFactory

pytestmark = pytest.mark.django_db
D = dt.date


def _text(response) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())))


def _date(name, day):
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


def _post(court, **overrides):
    data = {
        "court": str(court.pk),
        **_date("hearing_date", D(2026, 12, 1)),
        "offences": "Theft from a shop\nCriminal damage",
        "type_requested": "standard",
        "remand_status": "custody",
        "assessments": ["unpaid_work", "dangerousness"],
        "purposes": ["public_protection"],
    }
    return data | overrides


def test_a_court_officer_records_a_request_from_the_case(client, court_officer, court, person):
    client.force_login(court_officer)
    url = reverse("reports:request-create", args=[person.crn])
    assert "Record a report request" in _text(client.get(url))

    response = client.post(url, _post(court))

    request = ReportRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:request-detail", args=[person.crn, request.pk])
    assert request.required_by == D(2026, 12, 22)  # 15 working days, within 3 weeks in custody
    assert request.offences == [
        {"code": "", "wording": "Theft from a shop"},
        {"code": "", "wording": "Criminal damage"},
    ]
    page = _text(client.get(response["Location"]))
    assert "Standard delivery report requested by Leeds Magistrates’ Court" in page
    assert "Required by 22 December 2026" in page
    assert "Unpaid work suitability, Dangerousness" in page


def test_an_unlawful_adjournment_shows_a_govuk_error_and_records_nothing(
    client, court_officer, court, person
):
    client.force_login(court_officer)
    url = reverse("reports:request-create", args=[person.crn])

    response = client.post(url, _post(court, **_date("adjourned_to", D(2026, 12, 23))))

    assert response.status_code == 200
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "at most 3 weeks when the defendant is remanded in custody" in html.unescape(page)
    assert ReportRequest.objects.count() == 0


def test_every_missing_answer_is_shown_at_once(client, court_officer, court, person):
    client.force_login(court_officer)
    response = client.post(reverse("reports:request-create", args=[person.crn]), {})
    page = _text(response)
    for message in (
        "Select the court",
        "Enter the offences",
        "Select the type of report requested",
        "Select the remand status",
    ):
        assert message in page, message
    assert ReportRequest.objects.count() == 0


def test_the_duty_page_links_each_matched_hearing_to_a_request_that_keeps_the_hearing(
    client, court_officer, court, person
):
    hearing = HearingFactory(
        court_list=CourtListFactory(court=court, sitting_date=D(2026, 12, 3)),
        person=person,
        match_state="confirmed",
    )
    HearingFactory(court_list=hearing.court_list)  # unmatched: no link
    client.force_login(court_officer)
    duty = client.get(reverse("court:duty", args=[court.code, "2026-12-03"])).content.decode()
    link = reverse("reports:request-create", args=[person.crn]) + f"?hearing={hearing.pk}"
    assert duty.count("Request a report") == 1
    assert f'href="{link}"' in duty

    page = _text(client.get(link))
    assert "Theft of a bicycle" in page
    assert "3 December 2026" in page
    response = client.post(link, {"type_requested": "short_format", "remand_status": "conditional_bail"})

    assert response.status_code == 302
    request = ReportRequest.objects.get()
    assert (request.hearing, request.hearing_date, request.required_by) == (
        hearing,
        D(2026, 12, 3),
        D(2026, 12, 10),
    )


def test_a_hearing_of_someone_else_is_not_found(client, court_officer, court, person):
    other = HearingFactory(
        court_list=CourtListFactory(court=court), person=PersonFactory(), match_state="confirmed"
    )
    client.force_login(court_officer)
    url = reverse("reports:request-create", args=[person.crn]) + f"?hearing={other.pk}"
    assert client.get(url).status_code == 404
    assert client.post(url, {"type_requested": "oral", "remand_status": "custody"}).status_code == 404
    assert ReportRequest.objects.count() == 0


def test_a_senior_po_allocates_and_the_request_reaches_the_authors_my_work(client, spo_user, court, author):
    request = ReportRequestFactory(court=court, person__rosh_level="low", required_by=D(2026, 12, 3))
    client.force_login(spo_user)
    url = reverse("reports:request-allocate", args=[request.person.crn, request.pk])
    assert author.staff.name in _text(client.get(url))

    response = client.post(url, {"author": author.pk, "version": 1})
    assert response.status_code == 302

    client.force_login(author)
    page = _text(client.get(reverse("worklists:mine")))
    assert "Pre-sentence reports (1)" in page
    assert "Short format for Leeds Magistrates’ Court 3 December 2026 Due today" in page
    assert (
        reverse("reports:report", args=[request.person.crn, request.pk])
        in client.get(reverse("worklists:mine")).content.decode()
    )


def test_a_stale_allocation_shows_the_conflict_and_changes_nothing(client, court_officer, court, author):
    request = ReportRequestFactory(court=court, version=3)
    client.force_login(court_officer)
    response = client.post(
        reverse("reports:request-allocate", args=[request.person.crn, request.pk]),
        {"author": author.pk, "version": 2},
    )
    assert response.status_code == 409
    request.refresh_from_db()
    assert (request.author, request.version) == (None, 3)


def test_a_pso_on_a_high_rosh_case_is_refused_beside_the_field(client, court_officer, court, pso):
    request = ReportRequestFactory(court=court, person__rosh_level="very_high")
    client.force_login(court_officer)
    response = client.post(
        reverse("reports:request-allocate", args=[request.person.crn, request.pk]),
        {"author": pso.pk, "version": 1},
    )
    assert "Reports on cases with high or very high RoSH must be written by a probation officer" in _text(
        response
    )
    request.refresh_from_db()
    assert request.status == RequestStatus.REQUESTED


def test_withdrawing_needs_a_reason(client, court_officer, court):
    request = ReportRequestFactory(court=court)
    client.force_login(court_officer)
    url = reverse("reports:request-withdraw", args=[request.person.crn, request.pk])
    assert "Enter why the request is withdrawn" in _text(client.post(url, {"reason": "", "version": 1}))
    request.refresh_from_db()
    assert request.status == RequestStatus.REQUESTED

    client.post(url, {"reason": "Dealt with by a fine", "version": 1})
    request.refresh_from_db()
    assert (request.status, request.withdrawal_reason) == (RequestStatus.WITHDRAWN, "Dealt with by a fine")


def test_the_court_officer_corrects_the_type_delivered(client, court_officer, court, author):
    request = ReportRequestFactory(
        court=court, status="completed", author=author, type_delivered="short_format"
    )
    client.force_login(court_officer)
    client.post(
        reverse("reports:request-type-delivered", args=[request.person.crn, request.pk]),
        {"type_delivered": "oral", "version": 1},
    )
    request.refresh_from_db()
    assert (request.type_requested, request.type_delivered) == ("short_format", "oral")


def _team_rows(court, author, n):
    for i in range(n):
        ReportRequestFactory(court=court, requested_on=D(2026, 11, 20), required_by=D(2026, 12, 1 + i))
        ReportRequestFactory(
            court=court,
            status="allocated",
            author=author,
            requested_on=D(2026, 11, 20),
            required_by=D(2026, 11, 30),
        )


def test_the_court_teams_list_shows_unallocated_first_with_ages(client, court_officer, court, author):
    _team_rows(court, author, 1)
    excluded = ReportRequestFactory(court=court, required_by=D(2026, 12, 20))  # asked 1 December
    exclude(excluded.person, court_officer)
    ReportRequestFactory(court=court, status="withdrawn")  # not open: not listed
    client.force_login(court_officer)

    rows = client.get(reverse("reports:request-list")).context["rows"]

    assert [(r.status, r.restricted, r.age_days) for r in rows] == [
        ("Awaiting allocation", False, 13),
        ("Awaiting allocation", True, 2),
        ("Allocated", False, 13),
    ]
    assert rows[0].tag.label == "Late"
    assert rows[1].name == ""
    assert rows[1].url == ""


def test_the_court_teams_list_reads_a_constant_number_of_queries(
    client, court_officer, court, author, django_assert_num_queries
):
    _team_rows(court, author, 1)
    client.force_login(court_officer)
    url = reverse("reports:request-list")
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    _team_rows(court, author, 4)
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert len(response.context["rows"]) == 10


def test_my_work_reports_section_reads_a_constant_number_of_queries(
    client, court, author, django_assert_num_queries
):
    ReportRequestFactory(court=court, status="allocated", author=author)
    client.force_login(author)
    url = reverse("worklists:mine")
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(4):
        ReportRequestFactory(court=court, status="allocated", author=author, required_by=D(2026, 12, 2))
    ReportRequestFactory(court=court, status="completed", author=author)  # done: not listed
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert len(response.context["reports"]) == 5
    assert response.context["reports_late"] == 4
    assert "Pre-sentence reports (5, 4 late)" in _text(response)


def test_the_cases_request_list_reads_a_constant_number_of_queries(
    client, court_officer, court, person, author, django_assert_num_queries
):
    ReportRequestFactory(court=court, person=person)
    client.force_login(court_officer)
    url = reverse("reports:request-case-list", args=[person.crn])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for day in (2, 3):
        ReportRequestFactory(
            court=court, person=person, status="allocated", author=author, hearing_date=D(2026, 11, day)
        )
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert len(response.context["rows"]) == 3
    assert "Record a report request" in _text(response)


def test_the_request_page_reads_the_same_queries_however_many_requests_the_person_has(
    client, court_officer, court, person, author, django_assert_num_queries
):
    shown = ReportRequestFactory(court=court, person=person, status="allocated", author=author)
    client.force_login(court_officer)
    url = reverse("reports:request-detail", args=[person.crn, shown.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for day in (2, 3, 4):
        ReportRequestFactory(
            court=court, person=person, status="completed", author=author, hearing_date=D(2026, 11, day)
        )
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200


def test_the_author_starts_writing_from_the_request_and_others_do_not_see_the_link(
    client, court_officer, court, author
):
    request = ReportRequestFactory(
        court=court, status="allocated", author=author, allocated_on=D(2026, 12, 1)
    )
    detail = reverse("reports:request-detail", args=[request.person.crn, request.pk])
    editor = reverse("reports:report", args=[request.person.crn, request.pk])

    client.force_login(author)
    page = client.get(detail).content.decode()
    assert "Start writing the report" in page
    assert editor in page

    client.force_login(court_officer)
    assert editor not in client.get(detail).content.decode()
