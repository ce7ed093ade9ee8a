"""Key events in an offender's sentence that other services must hear about (victims.md § What the COM
must tell the VLO).

The victim contact scheme (probation.victims) sits *above* the apps where these events happen
(sentences, enforcement, people; and custody, which records release dates, licence conditions and
parole reviews), so those apps may never import it. Instead a service that records such an event
makes one explicit call, ``key_event_occurred(...)``, inside its own transaction, and the apps that
listen register a function here when Django starts (``VictimsConfig.ready``). As with
``core/case_changes.py`` this is deliberately not a Django signal: every call site is a line grep
finds, listeners run synchronously in the caller's transaction, and a call outside a transaction is
refused.

For the custody app: call ``key_event_occurred(person_id=..., kind=KeyEventKind.RELEASE_DATE_SET,
on=<the release date>, actor=...)`` when a release date is set or changed, LICENCE_CONDITIONS_SET when
the licence conditions are set (and LICENCE_VARIED for a variation), PAROLE_REVIEW_STARTED and
PAROLE_DECISION for parole, and the others as they happen. ``detail`` carries ids and codes only,
never a location (the prison, the release address): listeners pass it on to the victim's officer.
"""

import datetime as dt
from enum import StrEnum
from typing import Any, Protocol

from django.db import transaction


class KeyEventKind(StrEnum):
    SENTENCED = "sentenced"
    TRANSFERRED = "transferred"  # COM allocated or changed, or the case moved area
    PAROLE_REVIEW_STARTED = "parole_review_started"
    PAROLE_DECISION = "parole_decision"
    RELEASE_DATE_SET = "release_date_set"  # set or changed
    LICENCE_CONDITIONS_SET = "licence_conditions_set"
    LICENCE_VARIED = "licence_varied"
    HDC_ROTL_OPEN_CONDITIONS = "hdc_rotl_open_conditions"
    RECALLED = "recalled"
    UNLAWFULLY_AT_LARGE = "unlawfully_at_large"
    DIED = "died"
    DEPORTED = "deported"
    LICENCE_ENDED = "licence_ended"
    ORDER_ENDED = "order_ended"


class KeyEventListener(Protocol):
    def __call__(
        self, *, person_id: int, kind: KeyEventKind, on: dt.date, actor: Any = None, detail: dict[str, Any]
    ) -> object: ...


_listeners: list[KeyEventListener] = []


def register_key_event_listener(fn: KeyEventListener) -> KeyEventListener:
    """Add ``fn`` (once, however often ``ready()`` runs). Returns ``fn``, so it can be a decorator."""
    if fn not in _listeners:
        _listeners.append(fn)
    return fn


def unregister_key_event_listener(fn: KeyEventListener) -> None:
    if fn in _listeners:
        _listeners.remove(fn)


def key_event_occurred(
    *,
    person_id: int,
    kind: KeyEventKind,
    on: dt.date,
    actor: Any = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Tell every listener, now, in the caller's transaction (a failure rolls the event back)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("key_event_occurred must be called inside the transaction that recorded the event")
    for fn in tuple(_listeners):
        fn(person_id=person_id, kind=kind, on=on, actor=actor, detail=dict(detail or {}))
