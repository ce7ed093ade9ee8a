"""Issue 10 item 4: a compliance summary that says "Breach in progress" never shows 0 failures while
listing unacceptable unpaid work absences (enforcement.md, "enforceable" contacts)."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from probation.contacts.tests.factories import ContactFactory
from probation.core import clock
from probation.enforcement.models import Breach
from probation.enforcement.selectors.breach import breach_candidate_failures
from probation.enforcement.selectors.compliance import failure_day_rows_by_sentence
from probation.people.tests.factories import PersonFactory
from probation.sentences.tests.factories import RequirementFactory, SentenceFactory

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 9, 2)


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setattr(clock, "today_uk", lambda: TODAY)


@pytest.fixture
def sentence(officer_user):
    return SentenceFactory(event__person=PersonFactory(officer=officer_user.staff))


def _absences(sentence, requirement, days, **kwargs):
    return [
        ContactFactory(
            sentence=sentence,
            requirement=requirement,
            type="unpaid_work_session",
            outcome="UAAB",
            starts_at=dt.datetime(2026, 6, day, 9, tzinfo=dt.UTC),
            **kwargs,
        )
        for day in days
    ]


def _failures_shown(html: str) -> str:
    match = re.search(r"Failures to comply\s*</dt>\s*<dd[^>]*>\s*(\d+)", html)
    assert match, "no Failures to comply row"
    return match.group(1)


def test_a_breach_relying_on_three_unpaid_work_absences_shows_three_failures(client, officer_user, sentence):
    requirement = RequirementFactory(sentence=sentence, type="unpaid_work")
    absences = _absences(sentence, requirement, (6, 13, 20))
    breach = Breach.objects.create(
        sentence=sentence,
        person=sentence.person,
        initiated_on=dt.date(2026, 6, 25),
        initiated_by=officer_user,
    )
    breach.failures.set(absences)

    client.force_login(officer_user)
    html = client.get(
        reverse("enforcement:compliance", args=[sentence.person.crn, sentence.pk])
    ).content.decode()

    assert "Breach in progress" in html
    assert html.count("Unacceptable absence (UAAB)") == 3
    assert _failures_shown(html) == "3"
    assert re.findall(r"(Yes|No)\s*</td>\s*</tr>", html) == ["Yes", "Yes", "Yes"]


def test_unpaid_work_absences_not_linked_to_the_requirement_still_count(client, officer_user, sentence):
    _absences(sentence, None, (6, 13))

    client.force_login(officer_user)
    html = client.get(
        reverse("enforcement:compliance", args=[sentence.person.crn, sentence.pk])
    ).content.decode()

    assert "2 failures to comply within 12 months. No breach in progress yet." in html
    assert _failures_shown(html) == "2"


def test_a_breach_may_rely_only_on_what_the_count_counts(sentence):
    counted = _absences(sentence, None, (6,))
    ContactFactory(
        sentence=sentence,
        type="doorstep_contact",
        outcome="UAAB",
        starts_at=dt.datetime(2026, 6, 7, 9, tzinfo=dt.UTC),
    )

    assert list(breach_candidate_failures(sentence=sentence)) == counted


def test_several_sentences_are_counted_by_the_same_rule_in_one_query(sentence, django_assert_num_queries):
    other = SentenceFactory(event__person=sentence.person)
    _absences(sentence, None, (6, 13))
    _absences(other, RequirementFactory(sentence=other), (20,))
    ContactFactory(
        sentence=other,
        type="doorstep_contact",
        outcome="UAAB",
        starts_at=dt.datetime(2026, 6, 21, 9, tzinfo=dt.UTC),
    )

    with django_assert_num_queries(1):
        rows = failure_day_rows_by_sentence(
            since={sentence.pk: dt.date(2026, 6, 7), other.pk: dt.date(2026, 1, 1)}
        )

    assert rows == {
        sentence.pk: [(dt.date(2026, 6, 13), "unpaid_work_session", "UAAB", False)],
        other.pk: [(dt.date(2026, 6, 20), "unpaid_work_session", "UAAB", True)],
    }
