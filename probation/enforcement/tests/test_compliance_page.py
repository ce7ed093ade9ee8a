"""The compliance page of a sentence and the record-an-action page: what they show, the errors they
give, and a fixed number of queries whatever the number of failures."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from probation.audit.models import AuditEvent
from probation.contacts.models import EnforcementCase
from probation.contacts.tests.factories import ContactFactory, EnforcementCaseFactory
from probation.core import clock
from probation.enforcement.services.actions import ActionChoice, enforcement_action_record
from probation.people.tests.factories import PersonFactory
from probation.sentences.tests.factories import SentenceFactory

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 9, 2)


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setattr(clock, "today_uk", lambda: TODAY)


@pytest.fixture
def sentence(officer_user):
    return SentenceFactory(event__person=PersonFactory(officer=officer_user.staff))


def _case(sentence, day, **kwargs):
    contact = ContactFactory(
        sentence=sentence,
        outcome="UAAB",
        starts_at=dt.datetime(day.year, day.month, day.day, 10, tzinfo=dt.UTC),
    )
    return EnforcementCaseFactory(contact=contact, **kwargs)


def _warn(user, case):
    return enforcement_action_record(
        actor=user,
        crn=case.person.crn,
        case_id=case.pk,
        expected_version=case.version,
        choice=ActionChoice(
            "first_warning_letter", circumstances="Missed the office visit", note="Phoned first"
        ),
    )


def _compliance(client, user, sentence):
    client.force_login(user)
    return client.get(reverse("enforcement:compliance", args=[sentence.person.crn, sentence.pk]))


def test_compliance_page_lists_failures_cases_with_history_and_warnings(client, officer_user, sentence):
    warned = _warn(officer_user, _case(sentence, dt.date(2026, 4, 14)))
    ContactFactory(
        sentence=sentence,
        type="doorstep_contact",
        outcome="UAAB",
        starts_at=dt.datetime(2026, 5, 1, 10, tzinfo=dt.UTC),
    )
    _case(sentence, dt.date(2026, 8, 3))  # respond by 17 August: overdue on 2 September

    response = _compliance(client, officer_user, sentence)
    html = response.content.decode()

    assert response.status_code == 200
    assert "2 failures to comply within 12 months. No breach in progress yet." in html
    assert "govuk-tag--red" in html
    assert "Doorstep contact" in html
    assert "Unacceptable absence (UAAB)" in html
    assert "First warning letter sent" in html
    assert "Phoned first" in html
    assert str(officer_user) in html
    assert "in force</strong> until 1 September 2027" in html
    assert ">Overdue</strong>" in html
    assert reverse("enforcement:warning-letter", args=[sentence.person.crn, warned.pk]) in html
    audit = AuditEvent.objects.get(action="view", object_type="sentence_compliance")
    assert (audit.object_id, audit.detail) == (
        str(sentence.pk),
        {
            "section": "sentences",
            "page": "compliance",
            "enforcement_cases": sorted(EnforcementCase.objects.values_list("pk", flat=True), reverse=True),
        },
    )


def test_compliance_page_runs_a_fixed_number_of_queries(
    client, officer_user, sentence, django_assert_max_num_queries
):
    for day in (1, 2, 3):
        _warn(officer_user, _case(sentence, dt.date(2026, 4, day)))
    client.force_login(officer_user)
    url = reverse("enforcement:compliance", args=[sentence.person.crn, sentence.pk])
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for day in range(4, 30):
        _warn(officer_user, _case(sentence, dt.date(2026, 5, day)))

    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200
    assert len(few.captured_queries) <= 25


def test_action_page_explains_mandatory_breach(client, officer_user, sentence, monkeypatch):
    monkeypatch.setattr(clock, "today_uk", lambda: dt.date(2026, 4, 20))
    _warn(officer_user, _case(sentence, dt.date(2026, 4, 14)))
    monkeypatch.setattr(clock, "today_uk", lambda: TODAY)
    second = _case(sentence, dt.date(2026, 9, 1))
    client.force_login(officer_user)

    html = client.get(
        reverse("enforcement:action-record", args=[sentence.person.crn, second.pk])
    ).content.decode()

    assert (
        "A warning was given on 20 April 2026 within the last 12 months, so the law requires breach "
        "proceedings (Sentencing Act 2020, Sch 10 para 6)."
    ) in html
    assert [
        v for v in ("first_warning_letter", "no_further_action", "withdraw_warning") if f'value="{v}"' in html
    ] == []


def test_posting_a_disallowed_action_shows_an_error_and_changes_nothing(client, officer_user, sentence):
    case = _case(sentence, dt.date(2026, 9, 1))
    client.force_login(officer_user)

    response = client.post(
        reverse("enforcement:action-record", args=[sentence.person.crn, case.pk]),
        {"action": "no_further_action", "reason": "Fine", "version": "1"},
    )

    assert response.status_code == 200
    assert "Select one of the actions allowed for this failure" in response.content.decode()
    case.refresh_from_db()
    assert (case.status, case.version) == ("awaiting_action", 1)


def test_posting_a_warning_without_circumstances_shows_the_error(client, officer_user, sentence):
    case = _case(sentence, dt.date(2026, 9, 1))
    client.force_login(officer_user)

    response = client.post(
        reverse("enforcement:action-record", args=[sentence.person.crn, case.pk]),
        {"action": "first_warning_letter", "version": "1"},
    )

    assert response.status_code == 200
    assert "Describe the circumstances of the failure to comply." in response.content.decode()


def test_posting_a_stale_version_shows_what_changed(client, officer_user, sentence):
    case = _case(sentence, dt.date(2026, 9, 1))
    enforcement_action_record(
        actor=officer_user,
        crn=sentence.person.crn,
        case_id=case.pk,
        expected_version=1,
        choice=ActionChoice("refer_to_offender_manager"),
    )
    client.force_login(officer_user)

    response = client.post(
        reverse("enforcement:action-record", args=[sentence.person.crn, case.pk]),
        {"action": "decision_pending_response", "version": "1"},
    )

    assert response.status_code == 409
    assert "Your action was not saved" in response.content.decode()
    case.refresh_from_db()
    assert case.status == "referred_to_offender_manager"


def test_a_decided_case_offers_no_actions(client, officer_user, sentence):
    case = _case(sentence, dt.date(2026, 9, 1))
    enforcement_action_record(
        actor=officer_user,
        crn=sentence.person.crn,
        case_id=case.pk,
        expected_version=1,
        choice=ActionChoice("breach_or_recall_initiated"),
    )
    client.force_login(officer_user)

    html = client.get(
        reverse("enforcement:action-record", args=[sentence.person.crn, case.pk])
    ).content.decode()

    assert "no further action can be recorded on it" in html
    assert 'name="action"' not in html
