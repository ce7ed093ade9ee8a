"""The record-an-action form shows only the chosen action's questions (GOV.UK conditional reveal;
issue 10 item 8), and the server ignores the answers to the actions not chosen, so it works the
same without JavaScript."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from probation.contacts.tests.factories import ContactFactory, EnforcementCaseFactory
from probation.core import clock
from probation.people.tests.factories import PersonFactory
from probation.sentences.tests.factories import SentenceFactory

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 9, 2)


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setattr(clock, "today_uk", lambda: TODAY)


@pytest.fixture
def case(officer_user):
    sentence = SentenceFactory(event__person=PersonFactory(officer=officer_user.staff))
    contact = ContactFactory(
        sentence=sentence, outcome="UAAB", starts_at=dt.datetime(2026, 9, 1, 10, tzinfo=dt.UTC)
    )
    return EnforcementCaseFactory(contact=contact)


def _url(case):
    return reverse("enforcement:action-record", args=[case.person.crn, case.pk])


def _revealed(html, value):
    """The conditional block the radio for ``value`` controls."""
    radio = re.search(rf'<input[^>]*value="{value}"[^>]*>', html).group(0)
    target = re.search(r'aria-controls="([^"]+)"', radio).group(1)
    return html.split(f'id="{target}"', 1)[1].split("</div>\n", 1)[0]


def test_each_actions_questions_are_revealed_under_its_own_radio(client, officer_user, case):
    client.force_login(officer_user)

    html = client.get(_url(case)).content.decode()

    assert 'data-module="app-reveal-radios"' in html
    assert 'data-module="govuk-radios"' not in html  # it would put aria-expanded on the radios
    assert "govuk-radios__conditional--hidden" in html
    assert 'name="circumstances"' in _revealed(html, "first_warning_letter")
    breach = re.search(r'<input[^>]*value="breach_or_recall_initiated"[^>]*>', html).group(0)
    assert "aria-controls" not in breach  # nothing to reveal, so it controls nothing
    assert 'name="respond_within"' in _revealed(html, "refer_to_offender_manager")
    assert 'name="pending_respond_within"' in _revealed(html, "decision_pending_response")
    assert "(if you selected" not in html
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))


def test_answers_to_actions_not_chosen_are_ignored(client, officer_user, case):
    client.force_login(officer_user)

    response = client.post(
        _url(case),
        {
            "action": "refer_to_offender_manager",
            "respond_within": "3",
            "pending_respond_within": "not a number",  # another action's question, left filled in
            "circumstances": "Typed before changing my mind",
            "version": "1",
        },
    )

    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == "referred_to_offender_manager"
    assert "Typed before changing my mind" not in (case.reason or "")


def test_the_chosen_actions_own_answer_is_checked(client, officer_user, case):
    client.force_login(officer_user)

    response = client.post(
        _url(case), {"action": "decision_pending_response", "pending_respond_within": "99", "version": "1"}
    )

    assert response.status_code == 200
    assert "Working days to respond must be between 1 and 10" in response.content.decode()
    case.refresh_from_db()
    assert case.version == 1


def test_the_error_summary_links_to_the_first_action(client, officer_user, case):
    client.force_login(officer_user)

    html = client.post(_url(case), {"version": "1"}).content.decode()

    link = re.search(r'<a href="#([^"]+)">Select the enforcement action</a>', html).group(1)
    first = re.search(r'<input[^>]*name="action"[^>]*>', html).group(0)
    assert f'id="{link}"' in first
