"""Deriving the "previous enforcement activity" input from breach/recall facts (tiering.md § Inputs).

The calculation takes a plain boolean; this helper is the one agreed way of working it out, so every
caller (single recalculation, bulk recalculation, API) draws the window the same way.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

ENFORCEMENT_WINDOW_DAYS = 365


class EnforcementKind(StrEnum):
    BREACH = "breach"
    RECALL = "recall"


@dataclass(frozen=True)
class EnforcementProcess:
    """A breach or recall process: when it was referred and its outcome (None while undecided)."""

    kind: EnforcementKind
    referral_date: dt.date
    outcome: str | None


def has_previous_enforcement_activity(processes: Iterable[EnforcementProcess], on: dt.date) -> bool:
    """tiering.md § Inputs: true if any breach or recall process *with an outcome* was referred in
    the last 365 days.

    The window is inclusive at both ends: referred on or after `on` − 365 days and not after `on`
    (tiering.md does not say whether the day exactly 365 days ago counts; including it errs towards
    the extra protect points). Processes without an outcome never count.
    """
    earliest = on - dt.timedelta(days=ENFORCEMENT_WINDOW_DAYS)
    return any(p.outcome is not None and earliest <= p.referral_date <= on for p in processes)
