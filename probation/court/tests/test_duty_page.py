"""The court duty page: each defendant's probation status, current orders with their compliance and
responsible officer, risk flags, RoSH and previous reports, the preparation of each hearing (edited
with optimistic locking), limited access, and a fixed number of queries however many defendants."""

import datetime as dt
import html

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from probation.accounts.tests.factories import StaffFactory
from probation.audit.models import AuditEvent
from probation.contacts.tests.factories import ContactFactory
from probation.court.models import Hearing
from probation.court.tests.factories import CourtListFactory, HearingFactory
from probation.people.models import Person
from probation.people.tests.access import restrict_to_someone_else
from probation.people.tests.factories import PersonFactory
from probation.reports.tests.factories import ReportRequestFactory
from probation.risk.tests.test_registration_factories import RegistrationFactory
from probation.sentences.tests.factories import SentenceFactory

pytestmark = pytest.mark.django_db
DAY = dt.date(2026, 12, 4)


@pytest.fixture
def court_list(court):
    return CourtListFactory(court=court, sitting_date=DAY)


def _url(court, day=DAY):
    return reverse("court:duty", args=[court.code, day.isoformat()])


def _defendant_on_order(court_list, number, *, failures=1):
    officer = StaffFactory(forename="Priya", surname="Shah")
    person = PersonFactory(officer=officer, rosh_level="high")
    sentence = SentenceFactory(event__person=person, sentence_date=dt.date(2026, 3, 2))
    for day in range(failures):
        ContactFactory(
            sentence=sentence, outcome="UAAB", starts_at=dt.datetime(2026, 4, 14 + day, 10, tzinfo=dt.UTC)
        )
    RegistrationFactory(person=person, register_type="ALSH")
    Person.objects.filter(pk=person.pk).update(rosh_level="high")
    return HearingFactory(
        court_list=court_list, listing_number=number, match_state="confirmed", person=person
    )


def test_a_current_case_shows_its_order_compliance_officer_flags_rosh_and_reports(
    client, court_officer, court_list
):
    hearing = _defendant_on_order(court_list, 1, failures=2)
    client.force_login(court_officer)

    page = client.get(_url(court_list.court)).content.decode()

    assert "Current" in page
    assert hearing.person.crn in page
    assert "Priya Shah" in page
    assert "Community order of 2 March 2026" in page
    assert "2 failures to comply within 12 months. No breach in progress yet." in page
    assert "Suicide/self-harm" in page or "self-harm" in page.lower()
    assert "High" in page
    assert "No previous reports" in page
    assert "TH68010: Theft of a bicycle" in page
    assert "Not started" in page


def test_a_defendant_with_earlier_reports_shows_each_completed_one_newest_first(
    client, court_officer, court_list
):
    hearing = _defendant_on_order(court_list, 1)
    person = hearing.person
    ReportRequestFactory(
        person=person,
        court=court_list.court,
        status="closed",
        author=court_officer,
        type_requested="standard",
        type_delivered="short_format",
        completed_on=dt.date(2026, 3, 3),
    )
    ReportRequestFactory(
        person=person,
        court=court_list.court,
        status="completed",
        author=court_officer,
        completed_on=dt.date(2026, 9, 1),
    )
    ReportRequestFactory(person=person, court=court_list.court, status="withdrawn")
    ReportRequestFactory(person=person, court=court_list.court, status="allocated", author=court_officer)
    client.force_login(court_officer)

    page = html.unescape(client.get(_url(court_list.court)).content.decode())

    court = court_list.court.name
    assert (
        f"<li>Short format, completed 1 September 2026 ({court})</li>"
        f"<li>Short format, completed 3 March 2026 ({court})</li></ul>"
    ) in page
    assert "No previous reports" not in page


def test_an_unconfirmed_defendant_is_shown_as_not_yet_matched(client, court_officer, court_list):
    HearingFactory(court_list=court_list, surname="Jones", forenames="Amy")
    client.force_login(court_officer)

    page = client.get(_url(court_list.court)).content.decode()

    assert "JONES, Amy" in page
    assert "Not yet matched" in page
    assert "Responsible officer" not in page


def test_a_restricted_case_shows_only_its_crn_and_no_record_details(client, court_officer, court_list):
    hearing = _defendant_on_order(court_list, 1)
    restrict_to_someone_else(hearing.person)
    client.force_login(court_officer)

    page = client.get(_url(court_list.court)).content.decode()

    assert hearing.person.crn in page
    assert "Restricted" in page
    assert "Priya Shah" not in page
    assert "Community order" not in page
    assert reverse("people:case-overview", args=[hearing.person.crn]) not in page


def test_the_view_is_audited_with_the_crns_shown(client, court_officer, court_list):
    hearing = _defendant_on_order(court_list, 1)
    client.force_login(court_officer)

    client.get(_url(court_list.court))

    entry = AuditEvent.objects.latest("seq")
    assert (entry.action, entry.object_type, entry.object_id) == (
        "view",
        "court_duty",
        f"B13LY00 {DAY.isoformat()}",
    )
    assert entry.detail["crns"] == [hearing.person.crn]


def test_the_page_runs_the_same_queries_for_one_defendant_or_twenty(client, court_officer, court_list):
    _defendant_on_order(court_list, 1)
    client.force_login(court_officer)
    url = _url(court_list.court)
    client.get(url)  # the session's first request does its own sign-in bookkeeping
    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    for number in range(2, 21):
        if number % 4:
            _defendant_on_order(court_list, number, failures=number % 3)
        else:
            HearingFactory(court_list=court_list, listing_number=number)  # not yet matched

    with CaptureQueriesContext(connection) as twenty:
        response = client.get(url)

    assert len(response.context["cards"]) == 20
    assert len(twenty.captured_queries) == len(one.captured_queries)
    assert len(one.captured_queries) <= 25


def test_an_officer_reading_the_page_is_not_offered_the_preparation(client, court_list):
    from probation.accounts.tests.factories import TeamFactory, UserFactory

    hearing = _defendant_on_order(court_list, 1)
    reader = UserFactory(role="practitioner", staff=StaffFactory(team=TeamFactory(pdu=court_list.court.pdu)))
    client.force_login(reader)

    page = client.get(_url(court_list.court)).content.decode()

    assert hearing.person.crn in page
    assert "Change preparation" not in page


def test_a_bad_day_in_the_address_is_not_found(client, court_officer, court):
    client.force_login(court_officer)

    assert client.get(reverse("court:duty", args=[court.code, "2026-13-01"])).status_code == 404


def _prepare(client, user, hearing, status, notes, version):
    client.force_login(user)
    url = reverse("court:hearing-preparation", args=[hearing.pk])
    return client.post(url, {"status": status, "notes": notes, "version": version})


def test_setting_the_preparation_saves_it_audits_it_and_shows_it_on_the_page(
    client, court_officer, court_list
):
    hearing = _defendant_on_order(court_list, 1)

    response = _prepare(
        client, court_officer, hearing, "in_progress", "Asked Priya for an update", hearing.version
    )

    assert response.status_code == 302
    hearing.refresh_from_db()
    assert (hearing.preparation_status, hearing.preparation_notes) == (
        "in_progress",
        "Asked Priya for an update",
    )
    entry = AuditEvent.objects.latest("seq")
    assert (entry.action, entry.object_type, entry.crn) == (
        "update",
        "hearing_preparation",
        hearing.person.crn,
    )
    page = client.get(response["Location"]).content.decode()
    assert "Preparation saved" in page
    assert "In progress" in page
    assert "Asked Priya for an update" in page


def test_a_preparation_saved_on_an_old_version_is_refused_and_shows_what_changed(
    client, court_officer, court_list
):
    hearing = HearingFactory(court_list=court_list)
    _prepare(client, court_officer, hearing, "complete", "Done", hearing.version)

    response = _prepare(client, court_officer, hearing, "not_required", "Mine", hearing.version)

    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else changed this hearing while you were editing" in page
    assert "Complete" in page
    assert Hearing.objects.get().preparation_notes == "Done"


def test_the_preparation_needs_a_status(client, court_officer, court_list):
    hearing = HearingFactory(court_list=court_list)

    response = _prepare(client, court_officer, hearing, "", "", hearing.version)

    assert "Select the preparation status" in response.content.decode()
    assert Hearing.objects.get().version == hearing.version
