"""The nightly sweep: which reviews it raises (exact dates), that a second run changes nothing, and
that items resolve once their condition clears."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from probation.contacts.tests.factories import ContactFactory, EnforcementCaseFactory
from probation.people.tests.factories import PersonFactory
from probation.sentences.tests.factories import RequirementFactory, SentenceFactory
from probation.worklists.models import WorkItem
from probation.worklists.services.sweep import worklist_sweep
from probation.worklists.tests.conftest import NOW, at

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def sentence(officer_user):
    return SentenceFactory(
        event__person=PersonFactory(officer=officer_user.staff),
        event__conviction_date=D(2025, 1, 6),
        expected_end_date=D(2026, 1, 5),
    )


def _open():
    return set(
        WorkItem.objects.filter(resolved_at__isnull=True).values_list(
            "kind", "source_type", "source_id", "due_on"
        )
    )


def _sweep(day):
    return worklist_sweep(today=day, now=NOW)


def test_outcome_overdue_after_two_working_days_excluding_bank_holidays(sentence):
    late = ContactFactory(sentence=sentence, starts_at=at(D(2025, 4, 15)))
    ContactFactory(sentence=sentence, starts_at=at(D(2025, 4, 16)))  # due 22 April: not yet
    _sweep(D(2025, 4, 22))
    assert _open() == {("outcome_overdue", "contact", late.pk, D(2025, 4, 15))}


def test_evidence_decision_raised_the_day_after_the_deadline(sentence):
    due = ContactFactory(
        sentence=sentence, starts_at=at(D(2025, 4, 14)), outcome="AFTA", evidence_due_on=D(2025, 4, 21)
    )
    ContactFactory(
        sentence=sentence, starts_at=at(D(2025, 4, 15)), outcome="AFTA", evidence_due_on=D(2025, 4, 22)
    )
    _sweep(D(2025, 4, 22))
    assert _open() == {("evidence_decision", "contact", due.pk, D(2025, 4, 21))}


def test_enforcement_overdue_the_day_after_respond_by(sentence):
    case = EnforcementCaseFactory(contact__sentence=sentence, contact__starts_at=at(D(2025, 4, 3)))
    _sweep(D(2025, 4, 17))
    assert _open() == set()
    _sweep(D(2025, 4, 18))
    assert _open() == {("enforcement_overdue", "enforcement_case", case.pk, D(2025, 4, 17))}


def test_unpaid_work_at_risk_then_past_deadline(sentence):
    requirement = RequirementFactory(sentence=sentence, ordered=100, done=20, start_date=D(2025, 1, 6))
    _sweep(D(2025, 4, 22))
    assert _open() == {("unpaid_work_at_risk", "requirement", requirement.pk, D(2026, 1, 5))}
    item = WorkItem.objects.get()
    assert item.detail == {"ordered": 100, "done": 20, "projected": 48}
    _sweep(D(2026, 1, 6))
    assert _open() == {("unpaid_work_deadline_passed", "requirement", requirement.pk, D(2026, 1, 5))} | {
        ("sentence_past_end", "sentence", sentence.pk, D(2026, 1, 5))
    }
    item.refresh_from_db()
    assert item.resolved_at == NOW


def test_sentence_past_end_still_current(sentence):
    _sweep(D(2026, 1, 5))
    assert _open() == set()
    _sweep(D(2026, 1, 6))
    assert _open() == {("sentence_past_end", "sentence", sentence.pk, D(2026, 1, 5))}


def test_running_twice_raises_nothing_new(sentence, officer_user):
    ContactFactory(sentence=sentence, starts_at=at(D(2025, 4, 15)))
    ContactFactory(
        sentence=sentence, starts_at=at(D(2025, 4, 14)), outcome="AFTA", evidence_due_on=D(2025, 4, 21)
    )
    EnforcementCaseFactory(contact__sentence=sentence, contact__starts_at=at(D(2025, 4, 3)))
    RequirementFactory(sentence=sentence, ordered=100, done=20, start_date=D(2025, 1, 6))
    first = _sweep(D(2025, 4, 22))
    items = list(WorkItem.objects.order_by("id").values())
    second = _sweep(D(2025, 4, 22))
    assert sum(first.raised.values()) == 4
    assert sum(second.raised.values()) == sum(second.resolved.values()) == 0
    assert list(WorkItem.objects.order_by("id").values()) == items
    assert {i["officer_id"] for i in items} == {officer_user.staff.pk}


def test_items_resolve_when_the_condition_clears(sentence):
    outstanding = ContactFactory(sentence=sentence, starts_at=at(D(2025, 4, 15)))
    awaiting = ContactFactory(
        sentence=sentence, starts_at=at(D(2025, 4, 14)), outcome="AFTA", evidence_due_on=D(2025, 4, 21)
    )
    case = EnforcementCaseFactory(contact__sentence=sentence, contact__starts_at=at(D(2025, 4, 3)))
    _sweep(D(2025, 4, 22))
    outstanding.outcome, outstanding.outcome_recorded_at = "ATTC", NOW
    outstanding.save()
    awaiting.outcome = "AACL"
    awaiting.save()
    case.status = "first_warning_sent"
    case.save()
    result = _sweep(D(2025, 4, 22))
    assert _open() == set()
    assert (
        result.resolved["outcome_overdue"],
        result.resolved["evidence_decision"],
        result.resolved["enforcement_overdue"],
    ) == (1, 1, 1)
    assert WorkItem.objects.filter(resolved_at=NOW).count() == 3
    # A new failure on the same contact later raises a new item beside the resolved one.
    case.status = "awaiting_action"
    case.save()
    _sweep(D(2025, 4, 22))
    assert WorkItem.objects.filter(kind="enforcement_overdue").count() == 2


def test_open_items_follow_a_reallocation(sentence, spo_user):
    ContactFactory(sentence=sentence, starts_at=at(D(2025, 4, 15)))
    _sweep(D(2025, 4, 22))
    person = sentence.person
    person.officer = spo_user.staff
    person.save()
    assert _sweep(D(2025, 4, 22)).reassigned == 1
    assert WorkItem.objects.get().officer == spo_user.staff


def test_command_prints_counts_per_kind_and_time(sentence, capsys):
    ContactFactory(sentence=sentence, starts_at=at(D(2025, 4, 15)))
    call_command("nightly_sweep", "--today", "2025-04-22")
    out = capsys.readouterr().out
    assert "Record the appointment outcome: 1 raised, 0 resolved" in out
    assert "Swept as of 22 April 2025 in" in out


def test_command_refuses_a_bad_date():
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("nightly_sweep", "--today", "22/04/2025")
