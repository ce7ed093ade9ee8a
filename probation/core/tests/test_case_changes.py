"""The explicit registry lower apps' services call when a case input changes (ADR 0012)."""

import pytest
from django.db import transaction

from probation.core import case_changes
from probation.core.case_changes import (
    case_inputs_changed,
    register_recalculation,
    registered_recalculations,
    unregister_recalculation,
)


@pytest.fixture
def calls():
    seen = []

    def record(*, person_id, reason, actor=None):
        seen.append((person_id, reason, actor))

    register_recalculation(record)
    yield seen
    unregister_recalculation(record)


def test_the_tier_recalculation_is_registered_when_django_starts():
    # By name: core must not import tiers, not even in its tests (lint-imports).
    names = [f"{fn.__module__}.{fn.__qualname__}" for fn in registered_recalculations()]

    assert "probation.tiers.services.recalculation.tier_recalculate" in names


@pytest.mark.django_db
def test_every_registered_function_runs_with_the_person_and_reason(calls, monkeypatch):
    monkeypatch.setattr(case_changes, "_recalculations", case_changes._recalculations[-1:])
    with transaction.atomic():
        case_inputs_changed(person_id=7, reason="registration added", actor="someone")

    assert calls == [(7, "registration added", "someone")]


def test_registering_twice_keeps_one_entry(calls):
    before = len(registered_recalculations())
    register_recalculation(registered_recalculations()[-1])

    assert len(registered_recalculations()) == before


def test_calling_outside_a_transaction_is_refused(calls):
    # No django_db mark: no test transaction wraps this, as none wraps a service that forgot atomic().
    with pytest.raises(RuntimeError, match="inside the transaction"):
        case_inputs_changed(person_id=7, reason="registration added")

    assert calls == []


@pytest.mark.django_db
def test_a_failure_propagates_so_the_callers_transaction_rolls_back(monkeypatch):
    def broken(*, person_id, reason, actor=None):
        raise ValueError("cannot calculate")

    monkeypatch.setattr(case_changes, "_recalculations", [broken])

    with pytest.raises(ValueError, match="cannot calculate"), transaction.atomic():
        case_inputs_changed(person_id=7, reason="registration added")
