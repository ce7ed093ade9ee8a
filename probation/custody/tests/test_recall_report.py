"""The recall report, Part A (issue 14 item 6): only after a recall decision; both victim questions
mandatory; the PDF has the circumstances, the conditions breached, the risk, the recall type with the rule
it was decided under, the victim answers; audited as an export."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from probation.audit.models import AuditEvent
from probation.core import clock
from probation.custody.models import CustodyLicence, LicenceStatus, RecallReport
from probation.custody.tests.conftest import TODAY
from probation.custody.tests.factories import decided_recall, released_licence
from probation.enforcement.tests.test_recall_services import _start
from probation.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clock(monkeypatch):
    monkeypatch.setattr(clock, "today_uk", lambda: TODAY)


@pytest.fixture
def person(officer_user):
    return PersonFactory(officer=officer_user.staff, date_of_birth=dt.date(1990, 5, 1))


@pytest.fixture
def record(person, officer_user):
    return released_licence(person, officer_user)


def _pdf_text(response) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def _text(response) -> str:
    return " ".join(response.content.decode().split())


def test_a_decided_recall_makes_the_licence_recalled_and_the_part_a_is_written(
    client, officer_user, spo_user, person, record
):
    recall = decided_recall(person, officer_user, spo_user, record)
    assert CustodyLicence.objects.get().status == LicenceStatus.RECALLED
    url = reverse("custody:recall-report", args=[person.crn, recall.pk])
    client.force_login(spo_user)

    refused = client.post(url, {"victims_in_scheme": "yes", "version": 0})
    assert "Enter the date the victim liaison officer was told of the recall" in _text(refused)
    assert not RecallReport.objects.exists()

    told = {"victims_in_scheme": "yes", "vlo_told_on_1": 12, "vlo_told_on_2": 2026, "version": 0}
    before = _text(client.post(url, told | {"vlo_told_on_0": 2}))
    assert "must be on or after the recall was considered (3 December 2026)" in before
    response = client.post(url, told | {"vlo_told_on_0": 3})
    assert response.status_code == 302
    page = _text(client.get(url))
    assert "Download the recall report (Part A) as a PDF" in page

    pdf = client.get(reverse("custody:recall-report-pdf", args=[person.crn, recall.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    text = _pdf_text(pdf)
    assert "Missed three appointments and left the approved address" in text
    assert "Be of good behaviour, not behave in a way which undermines" in text  # the condition breached
    assert "56-day fixed-term recall" in text
    assert "the rules in force from 31 March 2026" in text
    assert "Victims in the victim contact scheme Yes" in text
    assert "Date the victim liaison officer was told of the recall 3 December 2026" in text
    export = AuditEvent.objects.filter(action="export", object_type="recall_report").get()
    assert export.detail == {"document": "recall_part_a", "recall": recall.pk}


def test_the_victim_question_is_mandatory(client, officer_user, spo_user, person, record):
    recall = decided_recall(person, officer_user, spo_user, record)
    client.force_login(officer_user)
    page = _text(client.post(reverse("custody:recall-report", args=[person.crn, recall.pk]), {"version": 0}))
    assert "Select whether there are victims in the victim contact scheme" in page


def test_the_same_first_save_sent_twice_writes_one_report(client, officer_user, spo_user, person, record):
    recall = decided_recall(person, officer_user, spo_user, record)
    client.force_login(officer_user)
    url = reverse("custody:recall-report", args=[person.crn, recall.pk])
    data = {"victims_in_scheme": "no", "version": 0}
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302
    assert RecallReport.objects.count() == 1
    assert AuditEvent.objects.filter(object_type="recall_report", action="create").count() == 1


def test_no_part_a_before_a_decision(client, officer_user, person, record):
    recall = _start(officer_user, person, record.sentence.licence)
    client.force_login(officer_user)
    assert client.get(reverse("custody:recall-report", args=[person.crn, recall.pk])).status_code == 404
    assert client.get(reverse("custody:recall-report-pdf", args=[person.crn, recall.pk])).status_code == 404


def test_the_licence_page_lists_the_recall_with_its_part_a_link(
    client, officer_user, spo_user, person, record
):
    recall = decided_recall(person, officer_user, spo_user, record)
    client.force_login(officer_user)
    page = client.get(reverse("custody:licence", args=[person.crn, record.pk])).content.decode()
    assert reverse("custody:recall-report", args=[person.crn, recall.pk]) in page
    assert "Recalled" in page
