"""Failures to comply counted through the database, the summary texts and the sentence-page panel."""

import datetime as dt

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from probation.accounts.models import Role
from probation.accounts.tests.factories import StaffFactory, UserFactory
from probation.contacts.tests.factories import ContactFactory, EnforcementCaseFactory
from probation.core import clock
from probation.core.panels import panels_for
from probation.enforcement.models import Breach
from probation.enforcement.panels.compliance import compliance_panel_build
from probation.enforcement.services.compliance import sentence_compliance
from probation.people.tests.factories import PersonFactory
from probation.sentences.tests.factories import RequirementFactory, SentenceFactory

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 6, 1)


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setattr(clock, "today_uk", lambda: TODAY)
    return TODAY


@pytest.fixture
def sentence(officer_user):
    person = PersonFactory(officer=officer_user.staff)
    return SentenceFactory(event__person=person, event__conviction_date=dt.date(2026, 3, 2))


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=dt.UTC)


def failure(sentence, day, *, type="planned_office_visit", outcome="UAAB", hour=10):
    return ContactFactory(sentence=sentence, type=type, outcome=outcome, starts_at=_at(day, hour))


def test_no_contacts_means_no_failures(sentence):
    result = sentence_compliance(sentence=sentence, today=TODAY)

    assert result.failure_count == 0
    assert result.summary.text == "No failures to comply within 12 months"
    assert not result.summary.red


def test_two_failures_on_one_day_count_once(sentence):
    failure(sentence, dt.date(2026, 4, 14), hour=9)
    failure(sentence, dt.date(2026, 4, 14), type="home_visit", outcome="AFTC", hour=15)

    result = sentence_compliance(sentence=sentence, today=TODAY)

    assert result.failure_count == 1
    assert result.summary.text == "1 failure to comply within 12 months"


def test_distinct_dates_are_counted_on_the_uk_calendar_day(sentence):
    # 23:30 UTC on 14 April is 00:30 on 15 April in London (BST): a different day from the morning.
    failure(sentence, dt.date(2026, 4, 15), hour=9)
    ContactFactory(
        sentence=sentence, outcome="UAAB", starts_at=dt.datetime(2026, 4, 14, 23, 30, tzinfo=dt.UTC)
    )

    assert sentence_compliance(sentence=sentence, today=TODAY).failure_count == 1


def test_acceptable_and_missing_outcomes_and_unenforceable_contacts_are_not_counted(sentence):
    failure(sentence, dt.date(2026, 4, 1), outcome="AAME")  # acceptable absence (medical)
    ContactFactory(sentence=sentence, starts_at=_at(dt.date(2026, 4, 2)))  # no outcome yet
    failure(sentence, dt.date(2026, 4, 3), type="doorstep_contact")  # not NS, carries out nothing
    failure(sentence, dt.date(2026, 4, 5))  # the one that counts

    assert sentence_compliance(sentence=sentence, today=TODAY).failure_count == 1


def test_unacceptable_outcomes_of_requirement_appointments_are_counted(sentence):
    # enforcement.md, "enforceable": sent home for behaviour at an unpaid work project is a failure.
    failure(sentence, dt.date(2026, 4, 4), type="unpaid_work_session", outcome="ATSH")
    linked = failure(sentence, dt.date(2026, 4, 6), type="alcohol_drug_key_worker_session")
    linked.requirement = RequirementFactory(sentence=sentence, type="drug_rehabilitation")
    linked.save()

    assert sentence_compliance(sentence=sentence, today=TODAY).failure_count == 2


def test_another_sentences_failures_are_not_counted(sentence):
    other = SentenceFactory(event__person=sentence.person)
    failure(other, dt.date(2026, 4, 5))

    assert sentence_compliance(sentence=sentence, today=TODAY).failure_count == 0


def test_failures_before_the_end_of_the_last_breach_are_not_counted(sentence):
    for day in (dt.date(2026, 3, 10), dt.date(2026, 3, 20), dt.date(2026, 4, 20), dt.date(2026, 5, 4)):
        failure(sentence, day)
    sentence.last_breach_ended_on = dt.date(2026, 4, 20)
    sentence.save()

    result = sentence_compliance(sentence=sentence, today=TODAY)

    # The reset date is the end of the breach; a failure on that very day still counts.
    assert result.reset_date == dt.date(2026, 4, 20)
    assert result.failure_count == 2


def test_several_failures_without_a_breach_are_shown_in_red(sentence):
    for day in (dt.date(2026, 3, 10), dt.date(2026, 3, 20), dt.date(2026, 4, 20)):
        failure(sentence, day)

    result = sentence_compliance(sentence=sentence, today=TODAY)

    assert result.summary.text == "3 failures to comply within 12 months. No breach in progress yet."
    assert result.summary.red


def test_a_breach_in_progress_wins_over_the_count(sentence, officer_user):
    for day in (dt.date(2026, 3, 10), dt.date(2026, 3, 20)):
        failure(sentence, day)
    Breach.objects.create(
        sentence=sentence, person=sentence.person, initiated_on=dt.date(2026, 4, 1), initiated_by=officer_user
    )

    result = sentence_compliance(sentence=sentence, today=TODAY)

    assert result.summary.text == "Breach in progress"
    assert not result.summary.red


def test_a_warning_is_in_force_for_12_months_from_the_day_given(sentence):
    EnforcementCaseFactory(
        contact=failure(sentence, dt.date(2025, 5, 20)),
        status="first_warning_sent",
        decided_on=dt.date(2025, 6, 1),
    )

    result = sentence_compliance(sentence=sentence, today=TODAY)

    assert result.in_force is None  # 1 June 2025 to 31 May 2026; today is 1 June 2026
    assert [(w.given_on, w.expires_on, w.in_force) for w in result.warnings] == [
        (dt.date(2025, 6, 1), dt.date(2026, 5, 31), False)
    ]
    assert sentence_compliance(sentence=sentence, today=dt.date(2026, 5, 31)).in_force.given_on == dt.date(
        2025, 6, 1
    )


def test_a_withdrawn_warning_is_not_listed(sentence):
    EnforcementCaseFactory(
        contact=failure(sentence, dt.date(2026, 4, 1)),
        status="warning_withdrawn",
        decided_on=dt.date(2026, 4, 2),
    )

    assert sentence_compliance(sentence=sentence, today=TODAY).warnings == ()


# --- The panel on the sentence page ---------------------------------------------------------------


def _request(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_panel_shows_summary_warnings_and_open_cases_with_overdue(sentence, officer_user):
    warned = failure(sentence, dt.date(2026, 4, 1))
    EnforcementCaseFactory(contact=warned, status="first_warning_sent", decided_on=dt.date(2026, 4, 8))
    late = EnforcementCaseFactory(contact=failure(sentence, dt.date(2026, 5, 1)))  # respond by 18 May
    due = EnforcementCaseFactory(contact=failure(sentence, dt.date(2026, 5, 29)))

    panel = compliance_panel_build(request=_request(officer_user), person=sentence.person, sentence=sentence)
    shown = panel.context["compliance_panel"]

    assert panel.template == "enforcement/actions/panel_compliance.html"
    assert shown.tag.label == "3 failures to comply within 12 months. No breach in progress yet."
    assert shown.tag.colour == "red"
    assert [(w.given_on, w.in_force, w.expires_on) for w in shown.warnings] == [
        (dt.date(2026, 4, 8), True, dt.date(2027, 4, 7))
    ]
    assert [(row.pk, row.overdue is not None) for row in shown.open_cases] == [
        (late.pk, True),
        (due.pk, False),
    ]
    assert shown.open_cases[0].action_url.endswith(f"/enforcement/{late.pk}/action")
    assert shown.compliance_url == f"/cases/{sentence.person.crn}/sentences/{sentence.pk}/compliance"


def test_panel_renders_the_overdue_tag_in_words(sentence, officer_user):
    EnforcementCaseFactory(contact=failure(sentence, dt.date(2026, 5, 1)))
    panel = compliance_panel_build(request=_request(officer_user), person=sentence.person, sentence=sentence)

    html = render_to_string(panel.template, panel.context)

    assert "govuk-tag--red" in html
    assert ">Overdue</strong>" in html
    # Ten working days from Friday 1 May 2026 skip the early May bank holiday (Monday 4 May).
    assert "respond by 18 May 2026" in html
    assert "View compliance and enforcement history" in html


def test_panel_is_registered_for_the_sentence_slot(sentence, officer_user):
    panels = panels_for("sentence", request=_request(officer_user), person=sentence.person, sentence=sentence)

    assert "enforcement/actions/panel_compliance.html" in [p.template for p in panels]


def test_panel_is_not_built_for_a_user_without_sentence_view(sentence, admin_user):
    assert (
        compliance_panel_build(request=_request(admin_user), person=sentence.person, sentence=sentence)
        is None
    )


def test_panel_offers_no_action_links_to_a_vlo(sentence):
    vlo = UserFactory(role=Role.VLO, staff=StaffFactory(team=sentence.person.team))
    EnforcementCaseFactory(contact=failure(sentence, dt.date(2026, 5, 29)))

    shown = compliance_panel_build(request=_request(vlo), person=sentence.person, sentence=sentence).context[
        "compliance_panel"
    ]

    assert [row.action_url for row in shown.open_cases] == [""]


def test_panel_runs_three_queries_however_many_failures(sentence, officer_user, django_assert_num_queries):
    for day in range(1, 25):
        EnforcementCaseFactory(contact=failure(sentence, dt.date(2026, 4, day)))
    request = _request(officer_user)

    with django_assert_num_queries(3):
        compliance_panel_build(request=request, person=sentence.person, sentence=sentence)
