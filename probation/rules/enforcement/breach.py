"""Breach: when the officer must start breach proceedings, and when a breach is over.

Source: enforcement.md, "Failures to comply (FTC) and the warning/breach rule" and "Breach". The law
(Sentencing Act 2020, Schedule 10 para 6, and the same rule for suspended sentence orders): when the
officer considers a requirement was breached without reasonable excuse, if a warning was given within the
previous 12 months the officer must start breach proceedings; otherwise the officer gives one warning or
starts breach. The breach workflow's allowed moves are in probation.rules.enforcement.transitions.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from probation.rules.calendar.periods import is_within_months, period_end
from probation.rules.enforcement.transitions import BreachStatus, is_final

WARNING_PERIOD_MONTHS = 12


class OrderKind(StrEnum):
    COMMUNITY_ORDER = "community_order"
    SUSPENDED_SENTENCE_ORDER = "suspended_sentence_order"
    LICENCE = "licence"  # a licence or post-sentence supervision after custody


@dataclass(frozen=True)
class WarningGiven:
    """A warning recorded on the order. A withdrawn warning no longer counts."""

    given_on: dt.date
    withdrawn: bool = False


def warning_expires_on(given_on: dt.date) -> dt.date:
    """The last day of the 12 months a warning covers, beginning with the day it was given.

    Source: enforcement.md, "Failures to comply"; Sentencing Act 2020 Sch 10 ("the period of 12 months
    beginning with the date on which the warning was given"). Given 15 March 2024: covers to 14 March 2025.
    """
    return period_end(given_on, WARNING_PERIOD_MONTHS)


def warning_in_force(warnings: Iterable[WarningGiven], *, considered_on: dt.date) -> WarningGiven | None:
    """The latest warning, not withdrawn, given within the 12 months up to ``considered_on``, if any.

    ``considered_on`` is the date the officer considers the failure: the rule in enforcement.md applies
    "when the responsible officer considers a requirement was breached". A warning given exactly 12 months
    earlier is outside the period; one given 12 months less a day earlier is inside.
    """
    live = [
        warning
        for warning in warnings
        if not warning.withdrawn and is_within_months(warning.given_on, considered_on, WARNING_PERIOD_MONTHS)
    ]
    return max(live, key=lambda warning: warning.given_on, default=None)


def breach_is_mandatory(
    order_kind: OrderKind, warnings: Iterable[WarningGiven], *, considered_on: dt.date
) -> bool:
    """True if the officer must start breach proceedings: a community or suspended sentence order with a
    warning in force. Source: enforcement.md, "Failures to comply". Licences are not under this rule.
    """
    if order_kind is OrderKind.LICENCE:
        return False
    return warning_in_force(warnings, considered_on=considered_on) is not None


def is_breach_concluded(status: BreachStatus) -> bool:
    """True for a court outcome or withdrawal: the breach end date is set and the FTC window resets."""
    return is_final(status)
