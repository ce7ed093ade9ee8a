"""The warning/breach rule: a warning in force for 12 months makes breach mandatory (enforcement.md,
"Failures to comply"), and when a breach is over ("Breach")."""

import datetime as dt

import pytest

from probation.rules.enforcement.breach import (
    OrderKind,
    WarningGiven,
    breach_is_mandatory,
    is_breach_concluded,
    warning_expires_on,
    warning_in_force,
)
from probation.rules.enforcement.transitions import BreachStatus

K = OrderKind
D = dt.date
WARNED = WarningGiven(D(2024, 3, 15))
CO, SSO, LICENCE = K.COMMUNITY_ORDER, K.SUSPENDED_SENTENCE_ORDER, K.LICENCE
WITHIN_YEAR = D(2025, 3, 14)  # the last day WARNED is in force


# --- warning in force: the 12-month boundary ---------------------------------------------------------


def test_a_warning_covers_the_12_months_beginning_with_the_day_it_was_given():
    assert warning_expires_on(D(2024, 3, 15)) == D(2025, 3, 14)


def test_a_warning_given_12_months_less_a_day_before_is_in_force():
    assert warning_in_force([WARNED], considered_on=D(2025, 3, 14)) == WARNED


def test_a_warning_given_exactly_12_months_before_is_no_longer_in_force():
    assert warning_in_force([WARNED], considered_on=D(2025, 3, 15)) is None


def test_a_warning_given_12_months_and_a_day_before_is_not_in_force():
    assert warning_in_force([WARNED], considered_on=D(2025, 3, 16)) is None


def test_a_warning_given_the_same_day_is_in_force():
    assert warning_in_force([WARNED], considered_on=D(2024, 3, 15)) == WARNED


def test_a_warning_given_after_the_date_considered_does_not_count():
    assert warning_in_force([WARNED], considered_on=D(2024, 3, 14)) is None


def test_a_withdrawn_warning_does_not_count():
    assert (
        warning_in_force([WarningGiven(D(2025, 1, 6), withdrawn=True)], considered_on=D(2025, 2, 3)) is None
    )


def test_a_warning_given_on_29_february_covers_up_to_28_february_next_year():
    leap = WarningGiven(D(2024, 2, 29))

    assert warning_in_force([leap], considered_on=D(2025, 2, 28)) == leap
    assert warning_in_force([leap], considered_on=D(2025, 3, 1)) is None


def test_the_latest_warning_in_force_is_returned():
    later = WarningGiven(D(2024, 9, 1))

    assert warning_in_force([later, WARNED], considered_on=D(2025, 1, 6)) == later


# --- breach is mandatory after a warning -------------------------------------------------------------


@pytest.mark.parametrize("kind", [CO, SSO])
def test_breach_is_mandatory_on_orders_with_a_warning_in_force(kind):
    assert breach_is_mandatory(kind, [WARNED], considered_on=D(2025, 3, 14)) is True


@pytest.mark.parametrize("kind", [CO, SSO])
def test_breach_is_not_mandatory_once_the_warning_is_12_months_old(kind):
    assert breach_is_mandatory(kind, [WARNED], considered_on=D(2025, 3, 15)) is False


def test_breach_is_not_mandatory_without_any_warning():
    assert breach_is_mandatory(CO, [], considered_on=D(2025, 3, 14)) is False


def test_the_community_order_rule_does_not_apply_to_licences():
    assert breach_is_mandatory(LICENCE, [WARNED], considered_on=D(2025, 3, 14)) is False


# --- a concluded breach ------------------------------------------------------------------------------


def test_court_outcomes_and_withdrawal_conclude_the_breach():
    concluded = {status for status in BreachStatus if is_breach_concluded(status)}

    assert concluded == set(BreachStatus) - {BreachStatus.INITIATED, BreachStatus.PACK_SENT_TO_COURT}
