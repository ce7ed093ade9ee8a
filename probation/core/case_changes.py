"""Telling the apps that derive facts from a case that one of its inputs changed (ADR 0012).

A tier is calculated from registrations, assessments, scores, sentences and enforcement, but those
apps sit *below* ``tiers`` and may never import it. So the services that change an input make one
explicit call, ``case_inputs_changed(person_id=..., reason=...)``, inside their own transaction, and
``tiers`` registers its recalculation here when Django starts (``TiersConfig.ready``).

This is deliberately not a Django signal: the call sites are explicit lines in services (grep finds
every one), the registry is this one list, each function runs synchronously in the caller's
transaction (so the tier changes atomically with its input, and a failure rolls the input back),
and calling it outside a transaction is refused rather than silently half-applied.
"""

from typing import Any, Protocol

from django.db import transaction


class Recalculation(Protocol):
    def __call__(self, *, person_id: int, reason: str, actor: Any = None) -> object: ...


_recalculations: list[Recalculation] = []


def register_recalculation(fn: Recalculation) -> Recalculation:
    """Add ``fn`` to the functions run for every changed case. Registering the same function twice
    (e.g. ``ready()`` run again in tests) keeps one entry. Returns ``fn``, so it can be a decorator."""
    if fn not in _recalculations:
        _recalculations.append(fn)
    return fn


def unregister_recalculation(fn: Recalculation) -> None:
    """Remove ``fn`` (for tests that register a function of their own)."""
    if fn in _recalculations:
        _recalculations.remove(fn)


def registered_recalculations() -> tuple[Recalculation, ...]:
    return tuple(_recalculations)


def case_inputs_changed(*, person_id: int, reason: str, actor: Any = None) -> None:
    """Run every registered recalculation for this person now, in the caller's transaction.

    ``reason`` says what changed (e.g. "registration added") and is stored with the result;
    ``actor`` is the user who made the change (None for system work). Any exception propagates, so
    the caller's transaction rolls back and the input change is refused with it.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("case_inputs_changed must be called inside the transaction that changed the case")
    for fn in tuple(_recalculations):
        fn(person_id=person_id, reason=reason, actor=actor)
