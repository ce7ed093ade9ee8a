"""The report editor page: the author's first visit creates the pre-filled report; sections with
character counts; Save draft without JavaScript; conflicts and refusals shown, nothing overwritten;
read-only for a senior PO and once locked."""

import datetime as dt
import html

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from probation.accounts.models import Role
from probation.accounts.tests.factories import StaffFactory, UserFactory
from probation.audit.models import AuditEvent
from probation.contacts.tests.factories import ContactFactory
from probation.reports.models import Report, ReportStatus
from probation.reports.tests.writing_setup import allocated_request, score
from probation.risk.tests.test_registration_factories import RegistrationFactory
from probation.scores.tests.factories import current_community_sentence

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_(officer_user):
    return allocated_request(officer_user)


def _url(request_):
    return reverse("reports:report", args=[request_.person.crn, request_.pk])


def _text(response):
    return html.unescape(response.content.decode())


def _form(report, **changes):
    data = {
        "version": str(report.version),
        "offence_analysis": report.offence_analysis,
        "pattern_of_offending": report.pattern_of_offending,
        "circumstances": report.circumstances,
        "risk_assessment": report.risk_assessment,
    }
    return data | changes


def test_the_authors_first_visit_creates_the_prefilled_report(client, officer_user, request_):
    score(request_.person, "ogrs3", {"one_year_percent": 34, "two_year_percent": 51, "band": "medium"})
    client.force_login(officer_user)

    response = client.get(_url(request_))

    assert response.status_code == 200
    page = _text(response)
    report = Report.objects.get(request=request_)
    assert "Offence: Theft of a pedal cycle (TH68010) (From the court's request of 1 December 2026)" in page
    assert "OGRS3: 51% within 2 years (34% within 1 year), medium" in page
    assert "From OGRS3 score calculated 12 March 2026" in page
    for heading in (
        "Sources of information",
        "Offence analysis",
        "Pattern of offending and response to supervision",
        "Circumstances and needs",
        "Risk",
        "Proposal",
        "Custody",
    ):
        assert f">{heading}</h2>" in page
    assert 'data-module="govuk-character-count"' in page
    assert 'data-maxlength="20000"' in page
    assert 'data-maxlength="4000"' in page
    assert 'data-module="app-report-autosave"' in page
    assert 'aria-live="polite"' in page
    assert "Save draft" in page
    views = AuditEvent.objects.filter(action="view", crn=request_.person.crn)
    assert list(views.values_list("object_type", "object_id")) == [("report", str(report.pk))]


def test_the_proposal_offers_the_sentences_the_law_allows_on_the_hearing_date(client, officer_user, request_):
    client.force_login(officer_user)

    page = _text(client.get(_url(request_)))

    assert "Sentences the law allows on 8 December 2026" in page
    assert "A term of 12 months or less is presumed to be suspended" in page
    assert "suspended for 6 to 36 months" in page


def test_save_draft_without_javascript_saves_and_says_when(client, officer_user, request_):
    client.force_login(officer_user)
    client.get(_url(request_))
    report = Report.objects.get(request=request_)

    response = client.post(
        _url(request_),
        _form(report, rationale="Addresses his drinking.", sources=["interview", "cps_summary"]),
    )

    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.version, report.rationale, report.sources) == (
        2,
        "Addresses his drinking.",
        ["interview", "cps_summary"],
    )
    page = _text(client.get(_url(request_)))
    assert "Draft saved at " in page
    assert "Addresses his drinking." in page


def test_a_structured_proposal_is_saved_from_the_form(client, officer_user, request_):
    client.force_login(officer_user)
    client.get(_url(request_))
    report = Report.objects.get(request=request_)

    client.post(
        _url(request_),
        _form(
            report,
            sentence_type="community_order",
            length_months="12",
            requirements=["unpaid_work", "rehabilitation_activity"],
            amount_unpaid_work="100",
            amount_rehabilitation_activity="20",
            preconditions=["unpaid_work_suitable"],
        ),
    )

    report.refresh_from_db()
    assert report.proposed_sentence == {
        "sentence_type": "community_order",
        "length_months": 12,
        "custodial_months": None,
        "requirements": [
            {"type": "unpaid_work", "amount": 100},
            {"type": "rehabilitation_activity", "amount": 20},
        ],
    }
    assert report.preconditions == ["unpaid_work_suitable"]
    page = _text(client.get(_url(request_)))
    assert "Community order, 12 months: Unpaid work 100 hours; Rehabilitation activity (RAR) 20 days" in page


def test_a_proposal_the_law_refuses_shows_the_errors_and_changes_nothing(client, officer_user, request_):
    client.force_login(officer_user)
    client.get(_url(request_))
    report = Report.objects.get(request=request_)

    response = client.post(
        _url(request_),
        _form(
            report,
            rationale="Reasons.",
            sentence_type="community_order",
            length_months="12",
            requirements=["unpaid_work", "alcohol_treatment"],
            amount_unpaid_work="20",
        ),
    )

    assert response.status_code == 200
    page = _text(response)
    assert "There is a problem" in page
    assert "Unpaid work must be between 40 and 300 hours; 20 was given." in page
    assert (
        "An alcohol treatment requirement can be proposed only when the person is willing to comply" in page
    )
    report.refresh_from_db()
    assert (report.version, report.rationale) == (1, "")


def test_a_section_over_its_limit_is_refused_with_a_clear_message(client, officer_user, request_):
    client.force_login(officer_user)
    client.get(_url(request_))
    report = Report.objects.get(request=request_)

    response = client.post(_url(request_), _form(report, proposal="x" * 4001, rationale="y" * 20_001))

    page = _text(response)
    assert "Proposed sentence must be 4,000 characters or fewer" in page
    assert "Rationale must be 20,000 characters or fewer" in page
    report.refresh_from_db()
    assert report.version == 1


def test_other_sources_without_words_are_refused(client, officer_user, request_):
    client.force_login(officer_user)
    client.get(_url(request_))
    report = Report.objects.get(request=request_)

    page = _text(client.post(_url(request_), _form(report, sources=["other"])))

    assert "Enter the other sources of information" in page
    report.refresh_from_db()
    assert report.version == 1


def test_a_save_from_another_window_is_refused_with_the_message(client, officer_user, request_):
    client.force_login(officer_user)
    client.get(_url(request_))
    report = Report.objects.get(request=request_)
    client.post(_url(request_), _form(report, rationale="First window."))

    response = client.post(_url(request_), _form(report, rationale="Second window."))

    assert response.status_code == 409
    assert "This report was changed in another window" in _text(response)
    report.refresh_from_db()
    assert report.rationale == "First window."


def test_a_senior_po_of_the_authors_team_reads_the_report_but_cannot_save(
    client, officer_user, request_, team
):
    senior = UserFactory(role=Role.SENIOR_PO, staff=StaffFactory(team=team, grade="SPO"))
    client.force_login(senior)
    assert "The author has not started this report yet." in _text(client.get(_url(request_)))
    assert Report.objects.count() == 0

    client.force_login(officer_user)
    client.get(_url(request_))
    report = Report.objects.get(request=request_)
    client.force_login(senior)
    page = _text(client.get(_url(request_)))

    assert "Offence: Theft of a pedal cycle" in page
    assert "Save draft" not in page
    assert client.post(_url(request_), _form(report, rationale="Not mine.")).status_code == 404
    report.refresh_from_db()
    assert report.version == 1


def test_a_locked_report_is_read_only(client, officer_user, request_):
    client.force_login(officer_user)
    client.get(_url(request_))
    report = Report.objects.get(request=request_)
    now = timezone.now()
    Report.objects.filter(pk=report.pk).update(
        status=ReportStatus.LOCKED, signed_by=officer_user, signed_at=now, locked_at=now
    )

    page = _text(client.get(_url(request_)))
    response = client.post(_url(request_), _form(report, rationale="Too late."))

    assert "This report is locked and cannot be changed." in page
    assert "Save draft" not in page
    assert "This report is locked and cannot be changed." in _text(response)
    report.refresh_from_db()
    assert report.rationale == ""


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_editor_page_runs_the_same_number_of_queries_however_long_the_record(
    client, officer_user, request_
):
    client.force_login(officer_user)
    person = request_.person
    current_community_sentence(person)
    score(person, "rsr", {"percent": 2.1, "band": "low"})
    client.get(_url(request_))
    first = _queries(client, _url(request_))

    for year in (2021, 2022, 2023):
        sentence = current_community_sentence(person, sentence_date=dt.date(year, 2, 1))
        ContactFactory(sentence=sentence, outcome="UAAB")
        RegistrationFactory(person=person, register_type=("ALSH", "WEAP", "RCCO")[year - 2021])
        score(person, "rsr", {"percent": 3.1, "band": "low"}, day=year - 2010)

    assert _queries(client, _url(request_)) == first
    assert first <= 40


def test_every_error_shows_at_once_words_over_the_limit_and_the_proposal_the_law_refuses(
    client, officer_user, request_
):
    client.force_login(officer_user)
    client.get(_url(request_))
    report = Report.objects.get(request=request_)

    page = _text(
        client.post(
            _url(request_),
            _form(
                report,
                rationale="y" * 20_001,
                sentence_type="suspended_sentence_order",
                length_months="48",
                custodial_months="6",
                requirements=["drug_rehabilitation", "attendance_centre"],
            ),
        )
    )

    assert "Rationale must be 20,000 characters or fewer" in page
    assert "The operational period must be between 6 and 36 months on the hearing date; 48 was given." in page
    assert "A drug rehabilitation requirement can be proposed only when probation recommends it" in page
    assert "An attendance centre requirement is only for people under 25; the person is 36." in page
    report.refresh_from_db()
    assert report.version == 1


def test_a_withdrawn_request_shows_why_and_takes_no_writing(client, officer_user, request_):
    client.force_login(officer_user)
    type(request_).objects.filter(pk=request_.pk).update(status="withdrawn")

    page = _text(client.get(_url(request_)))

    assert "The court withdrew this report request: the report cannot be changed." in page
    assert "Save draft" not in page
    assert Report.objects.count() == 0
