"""The sign-off pages as their users see them: the author signs (every problem at once in the GOV.UK
error summary), the senior PO countersigns or returns the report with a reason, the author sees the
reason, the report page shows what each user may do, and an oral report is recorded on its short
form."""

import html
import re

import pytest
from django.urls import reverse

from probation.people.tests.factories import AddressFactory, PersonFactory
from probation.reports.models import Report
from probation.reports.services.signoff import SignChoice, report_sign
from probation.reports.tests.factories import ReportRequestFactory
from probation.reports.tests.signoff_fixtures import report_for

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


@pytest.fixture
def person(officer_user):
    return PersonFactory(officer=officer_user.staff)


def _url(name, report):
    return reverse(name, args=[report.request.person.crn, report.request_id])


def test_the_author_signs_and_the_report_locks(client, person, officer_user):
    report = report_for(person, officer_user)
    client.force_login(officer_user)

    response = client.post(
        _url("reports:report-sign", report), {"dangerousness": "no", "version": "1"}, follow=True
    )

    assert response.redirect_chain[-1][0] == _url("reports:report-print", report)
    text = _text(response)
    assert "Report signed and locked" in text
    assert "Locked" in text
    assert "Sign the report" not in text
    report.refresh_from_db()
    assert report.status == "locked"


def test_signing_an_incomplete_report_shows_every_problem_and_changes_nothing(client, person, officer_user):
    report = report_for(person, officer_user, sources=[], proposal="", custody_position="possible")
    client.force_login(officer_user)

    response = client.post(_url("reports:report-sign", report), {"dangerousness": "yes", "version": "1"})

    assert response.status_code == 200
    text = _text(response)
    assert "There is a problem" in text
    for message in (
        "Select at least one source of information",
        "Write the proposal",
        "Write the impact of custody: custody is possible or expected",
        "Select the senior probation officer who reviewed the dangerousness assessment",
    ):
        assert message in text
    report.refresh_from_db()
    assert (report.status, report.version) == ("draft", 1)


def test_the_sign_form_offers_the_senior_pos_of_the_team(client, person, officer_user, spo_user):
    report = report_for(person, officer_user)
    client.force_login(officer_user)

    response = client.get(_url("reports:report-sign", report))

    assert f'<option value="{spo_user.pk}">{spo_user}</option>' in response.content.decode()
    assert "Is this a dangerousness report?" in _text(response)


def test_a_dangerousness_report_goes_to_the_senior_po_who_countersigns_it(
    client, person, officer_user, spo_user
):
    report = report_for(person, officer_user)
    client.force_login(officer_user)
    sent = client.post(
        _url("reports:report-sign", report),
        {"dangerousness": "yes", "reviewing_spo": str(spo_user.pk), "version": "1"},
        follow=True,
    )
    assert f"Report signed and sent to {spo_user} to countersign" in _text(sent)

    client.force_login(spo_user)
    page = client.get(_url("reports:report-print", report))
    assert "Countersign or return the report" in _text(page)
    done = client.post(
        _url("reports:report-countersign", report), {"decision": "countersign", "version": "2"}, follow=True
    )

    assert "Report countersigned and locked" in _text(done)
    report.refresh_from_db()
    assert (report.status, report.countersigned_by) == ("locked", spo_user)


def test_the_senior_po_returns_the_report_with_a_reason_the_author_sees(
    client, person, officer_user, spo_user
):
    report = report_for(person, officer_user)
    report = report_sign(
        actor=officer_user,
        crn=person.crn,
        request_id=report.request_id,
        expected_version=1,
        choice=SignChoice(dangerousness=True, reviewing_spo_id=spo_user.pk),
    )
    client.force_login(spo_user)

    missing = client.post(_url("reports:report-countersign", report), {"decision": "return", "version": "2"})
    assert "Give the reason for returning the report" in _text(missing)
    client.post(
        _url("reports:report-countersign", report),
        {"decision": "return", "reason": "Add the SARA result to the risk section.", "version": "2"},
    )

    client.force_login(officer_user)
    page = _text(client.get(_url("reports:report-print", report)))
    assert "returned the report" in page
    assert "Add the SARA result to the risk section." in page
    assert "Sign the report" in page
    assert Report.objects.get(pk=report.pk).status == "draft"


def test_the_report_page_shows_the_report_in_the_persons_language(client, officer_user):
    person = PersonFactory(officer=officer_user.staff, preferred_language="Welsh")
    report = report_for(person, officer_user)
    report_sign(
        actor=officer_user,
        crn=person.crn,
        request_id=report.request_id,
        expected_version=1,
        choice=SignChoice(dangerousness=False),
    )
    client.force_login(officer_user)

    text = _text(client.get(_url("reports:report-print", report)))

    assert "Adroddiad cyn dedfrydu" in text
    assert "Dadansoddiad o'r drosedd" in text


def test_an_oral_report_is_recorded_on_its_short_form(client, person, officer_user):
    request = ReportRequestFactory(
        person=person, author=officer_user, status="allocated", type_requested="oral"
    )
    url = reverse("reports:report-oral", args=[person.crn, request.pk])
    client.force_login(officer_user)

    empty = client.post(url, {})
    assert "Record the court's response to the proposal" in _text(empty)
    assert "Select at least one source of information" in _text(empty)

    done = client.post(
        url,
        {
            "sources": ["interview", "previous_convictions"],
            "offence_analysis": "Theft to fund drug use.",
            "risk_assessment": "Low RoSH.",
            "proposal": "Community order, DRR.",
            "court_response": "Sentenced as proposed.",
        },
        follow=True,
    )

    text = _text(done)
    assert "Oral report recorded" in text
    assert "Adroddiad" not in text
    assert "Oral pre-sentence report: record" in text
    assert "Sentenced as proposed." in text
    request.refresh_from_db()
    assert (request.status, request.type_delivered) == ("completed", "oral")


def test_the_sign_page_warns_of_a_postcode_or_phone_number_that_is_not_the_defendants(
    client, person, officer_user
):
    report = report_for(
        person,
        officer_user,
        offence_analysis="He went to the victim's flat at 17 Orchard Way, LS6 2QT and rang her on 07700 900456.",
    )
    client.force_login(officer_user)

    text = _text(client.get(_url("reports:report-sign", report)))

    assert "not the defendant's: LS6 2QT, 07700 900456." in text
    assert "Check none of them locates a victim or a witness" in text


def test_the_sign_page_does_not_warn_of_the_defendants_own_postcode(client, person, officer_user):
    AddressFactory(person=person, postcode="LS2 7AB")
    report = report_for(person, officer_user, circumstances="He lives at 4 Mill Lane, LS2 7AB.")
    client.force_login(officer_user)

    assert "locates a victim" not in _text(client.get(_url("reports:report-sign", report)))


def test_the_team_manager_sets_that_the_report_needs_a_countersignature(
    client, person, officer_user, spo_user
):
    report = report_for(person, officer_user)
    client.force_login(spo_user)
    assert "Change whether it needs a countersignature" in _text(
        client.get(_url("reports:report-print", report))
    )

    done = client.post(
        _url("reports:report-countersignature-policy", report),
        {"required": "yes", "version": "1"},
        follow=True,
    )

    text = _text(done)
    assert "Countersignature setting saved" in text
    assert "Countersignature Required" in text
    client.force_login(officer_user)
    assert "Change whether it needs a countersignature" not in _text(
        client.get(_url("reports:report-print", report))
    )


def test_a_step_page_for_a_report_past_that_step_opens_the_report_instead(
    client, person, officer_user, spo_user
):
    report = report_for(person, officer_user)
    report_sign(
        actor=officer_user,
        crn=person.crn,
        request_id=report.request_id,
        expected_version=1,
        choice=SignChoice(dangerousness=False),
    )
    page = _url("reports:report-print", report)

    client.force_login(officer_user)
    assert client.get(_url("reports:report-sign", report))["Location"] == page
    client.force_login(spo_user)
    assert client.get(_url("reports:report-countersign", report)).status_code == 404  # not named


def test_a_recorded_oral_report_opens_its_record(client, person, officer_user):
    request = ReportRequestFactory(
        person=person, author=officer_user, status="allocated", type_requested="oral"
    )
    url = reverse("reports:report-oral", args=[person.crn, request.pk])
    client.force_login(officer_user)
    assert 'href="/cases/' in client.get(url).content.decode()
    client.post(
        url,
        {
            "sources": ["interview"],
            "offence_analysis": "a",
            "risk_assessment": "b",
            "proposal": "c",
            "court_response": "d",
        },
    )

    assert client.get(url)["Location"] == reverse("reports:report-print", args=[person.crn, request.pk])


def test_the_report_page_reads_the_same_number_of_queries_however_long_its_history(
    client, person, officer_user, spo_user, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from probation.reports.services.signoff import report_return

    report = report_for(person, officer_user)
    url = _url("reports:report-print", report)
    args = {"crn": person.crn, "request_id": report.request_id}
    choice = SignChoice(dangerousness=True, reviewing_spo_id=spo_user.pk)
    report_sign(actor=officer_user, **args, expected_version=1, choice=choice)
    client.force_login(officer_user)
    client.get(url)
    with CaptureQueriesContext(connection) as one_step:
        client.get(url)
    report_return(actor=spo_user, **args, expected_version=2, reason="More.")
    report_sign(actor=officer_user, **args, expected_version=3, choice=choice)

    with django_assert_num_queries(len(one_step.captured_queries)):
        response = client.get(url)

    assert "Returned to the author" in _text(response)
