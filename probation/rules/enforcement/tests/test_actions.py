"""Enforcement actions and respond-by dates (enforcement.md, "Failures to comply" and "Enforcement
actions"). The warning/breach rule itself is tested in test_breach.py."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from probation.rules.calendar.working_days import is_working_day, working_days_between
from probation.rules.enforcement.actions import (
    INTERIM_ACTIONS,
    EnforcementAction,
    allowed_enforcement_actions,
    check_enforcement_action,
    enforcement_respond_by,
    is_overdue,
    warning_letter_statements,
)
from probation.rules.enforcement.breach import (
    OrderKind,
    WarningGiven,
    warning_expires_on,
)
from probation.rules.enforcement.transitions import EnforcementStatus
from probation.rules.errors import SentenceRuleError

A, S, K = EnforcementAction, EnforcementStatus, OrderKind
D = dt.date
WARNED = WarningGiven(D(2024, 3, 15))
CO, SSO, LICENCE = K.COMMUNITY_ORDER, K.SUSPENDED_SENTENCE_ORDER, K.LICENCE
WITHIN_YEAR = D(2025, 3, 14)  # the last day WARNED is in force


# --- allowed actions ---------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", [CO, SSO])
def test_without_a_warning_an_order_allows_one_warning_or_breach(kind):
    allowed = allowed_enforcement_actions(kind, warnings=[], considered_on=D(2025, 3, 14))

    assert allowed == {A.FIRST_WARNING_LETTER, A.BREACH_OR_RECALL_INITIATED} | INTERIM_ACTIONS


@pytest.mark.parametrize("kind", [CO, SSO])
def test_with_a_warning_in_force_breach_is_the_only_decision_on_an_order(kind):
    allowed = allowed_enforcement_actions(kind, warnings=[WARNED], considered_on=D(2025, 3, 14))

    assert allowed - INTERIM_ACTIONS == {A.BREACH_OR_RECALL_INITIATED}


def test_interim_actions_are_referral_and_pending_response():
    assert {A.REFER_TO_OFFENDER_MANAGER, A.DECISION_PENDING_RESPONSE} == INTERIM_ACTIONS


def test_a_first_licence_failure_allows_warning_recall_or_no_further_action():
    allowed = allowed_enforcement_actions(LICENCE, warnings=[], considered_on=D(2025, 3, 14))

    assert (
        allowed
        == {
            A.FIRST_WARNING_LETTER,
            A.BREACH_OR_RECALL_INITIATED,
            A.NO_FURTHER_ACTION,
        }
        | INTERIM_ACTIONS
    )


def test_after_a_licence_warning_a_licence_compliance_letter_is_also_allowed():
    allowed = allowed_enforcement_actions(LICENCE, warnings=[WARNED], considered_on=D(2025, 3, 14))

    assert A.SECOND_WARNING_LETTER in allowed


def test_withdrawing_a_warning_is_never_an_action_for_a_new_failure():
    for kind in OrderKind:
        assert A.WITHDRAW_WARNING not in allowed_enforcement_actions(
            kind, warnings=[], considered_on=D(2025, 1, 6)
        )


# --- check_enforcement_action ------------------------------------------------------------------------


def check(action, kind=CO, *, status=S.AWAITING_ACTION, warnings=(), on=WITHIN_YEAR, reason=""):
    return check_enforcement_action(
        action, order_kind=kind, current_status=status, warnings=warnings, considered_on=on, reason=reason
    )


def test_a_first_warning_with_no_warning_in_the_last_12_months_is_recorded():
    assert check(A.FIRST_WARNING_LETTER) is S.FIRST_WARNING_SENT


def test_a_first_warning_is_allowed_again_once_the_earlier_warning_is_exactly_12_months_old():
    assert check(A.FIRST_WARNING_LETTER, warnings=[WARNED], on=D(2025, 3, 15)) is S.FIRST_WARNING_SENT


def test_a_second_warning_within_12_months_on_a_community_order_is_refused_naming_the_first():
    with pytest.raises(SentenceRuleError) as refused:
        check(A.FIRST_WARNING_LETTER, warnings=[WARNED], on=D(2025, 3, 14))

    assert refused.value.message == (
        "A warning was given on 15 March 2024, within the previous 12 months (it applies until 14 March "
        "2025): breach proceedings must be started, so 'First warning letter sent' is not allowed on a "
        "community order."
    )
    assert refused.value.field == "action"


def test_breach_after_a_warning_is_recorded():
    assert check(A.BREACH_OR_RECALL_INITIATED, warnings=[WARNED]) is S.BREACH_OR_RECALL_INITIATED


def test_breach_without_a_warning_is_also_allowed():
    assert check(A.BREACH_OR_RECALL_INITIATED) is S.BREACH_OR_RECALL_INITIATED


def test_no_further_action_on_a_community_order_is_refused():
    with pytest.raises(SentenceRuleError) as refused:
        check(A.NO_FURTHER_ACTION, reason="Already in breach")

    assert refused.value.message == (
        "'No further action' is not allowed on a community order: the officer must give one warning or "
        "start breach proceedings."
    )


def test_no_further_action_on_a_suspended_sentence_with_a_warning_says_breach_is_required():
    with pytest.raises(SentenceRuleError) as refused:
        check(A.NO_FURTHER_ACTION, SSO, warnings=[WARNED], reason="x")

    assert refused.value.message.endswith(
        "breach proceedings must be started, so 'No further action' is not allowed on a suspended "
        "sentence order."
    )


def test_a_second_warning_letter_is_for_licences_only():
    with pytest.raises(SentenceRuleError) as refused:
        check(A.SECOND_WARNING_LETTER, SSO)

    assert refused.value.message == (
        "'Second warning letter sent (licence compliance letter)' is for licences only; a suspended "
        "sentence order allows one warning within 12 months."
    )


def test_a_licence_compliance_letter_needs_an_earlier_warning():
    with pytest.raises(SentenceRuleError) as refused:
        check(A.SECOND_WARNING_LETTER, LICENCE)

    assert refused.value.message == (
        "'Second warning letter sent (licence compliance letter)' needs an earlier warning that has not "
        "been withdrawn."
    )


def test_a_licence_compliance_letter_after_a_warning_is_recorded():
    assert check(A.SECOND_WARNING_LETTER, LICENCE, warnings=[WARNED]) is S.SECOND_WARNING_SENT


def test_no_further_action_on_a_licence_needs_a_reason():
    with pytest.raises(SentenceRuleError) as refused:
        check(A.NO_FURTHER_ACTION, LICENCE, reason="   ")

    assert refused.value.message == "Give a reason for taking no further action."
    assert refused.value.field == "reason"


def test_no_further_action_on_a_licence_with_a_reason_is_recorded():
    assert check(A.NO_FURTHER_ACTION, LICENCE, reason="Recalled on other matters") is S.NO_FURTHER_ACTION


def test_referral_to_the_offender_manager_is_allowed_even_when_breach_is_mandatory():
    assert check(A.REFER_TO_OFFENDER_MANAGER, warnings=[WARNED]) is S.REFERRED_TO_OFFENDER_MANAGER


def test_after_a_referral_the_rule_still_refuses_a_first_warning():
    with pytest.raises(SentenceRuleError):
        check(A.FIRST_WARNING_LETTER, status=S.REFERRED_TO_OFFENDER_MANAGER, warnings=[WARNED])


def test_pending_the_persons_response_then_breach():
    status = check(A.DECISION_PENDING_RESPONSE, warnings=[WARNED])

    assert (
        check(A.BREACH_OR_RECALL_INITIATED, status=status, warnings=[WARNED]) is S.BREACH_OR_RECALL_INITIATED
    )


def test_a_sent_warning_can_be_withdrawn_even_while_it_is_in_force():
    assert check(A.WITHDRAW_WARNING, status=S.FIRST_WARNING_SENT, warnings=[WARNED]) is S.WARNING_WITHDRAWN


def test_withdrawing_a_warning_that_was_never_sent_is_refused():
    with pytest.raises(SentenceRuleError) as refused:
        check(A.WITHDRAW_WARNING)

    assert refused.value.message.startswith(
        "Cannot move an enforcement action from 'awaiting action' to 'warning withdrawn'"
    )
    assert refused.value.field == "status"


def test_no_action_follows_a_decided_breach():
    with pytest.raises(SentenceRuleError) as refused:
        check(A.FIRST_WARNING_LETTER, status=S.BREACH_OR_RECALL_INITIATED)

    assert refused.value.message == (
        "Cannot move an enforcement action from 'breach or recall initiated' to 'first warning sent' "
        "('breach or recall initiated' is final)."
    )


# --- respond-by dates --------------------------------------------------------------------------------


def test_respond_by_is_ten_working_days_after_a_friday_failure():
    assert enforcement_respond_by(D(2025, 1, 3)) == D(2025, 1, 17)


def test_respond_by_over_christmas_skips_the_bank_holidays():
    assert enforcement_respond_by(D(2024, 12, 16)) == D(2025, 1, 2)


def test_respond_by_for_a_failure_on_easter_monday_skips_the_may_bank_holiday():
    assert enforcement_respond_by(D(2025, 4, 21)) == D(2025, 5, 6)


def test_respond_by_for_a_saturday_failure_counts_from_monday():
    assert enforcement_respond_by(D(2025, 1, 4)) == D(2025, 1, 17)


def test_an_action_is_in_time_on_its_respond_by_date_and_overdue_the_day_after():
    assert is_overdue(D(2025, 1, 17), today=D(2025, 1, 17)) is False
    assert is_overdue(D(2025, 1, 17), today=D(2025, 1, 18)) is True


@given(failure=st.dates(min_value=D(2000, 1, 1), max_value=D(2040, 12, 31)))
def test_respond_by_is_always_a_working_day_exactly_ten_working_days_on(failure):
    respond_by = enforcement_respond_by(failure)

    assert is_working_day(respond_by)
    assert working_days_between(failure, respond_by) == 10


# --- warning letters ---------------------------------------------------------------------------------


def test_a_warning_states_the_circumstances_that_it_is_unacceptable_and_the_12_month_consequence():
    statements = warning_letter_statements(" Missed the office visit on 3 March. ", given_on=D(2024, 3, 15))

    assert statements == (
        "Missed the office visit on 3 March.",
        "This failure to comply is unacceptable.",
        "If you fail to comply again on or before 14 March 2025, you will be liable to be brought back "
        "before the court.",
    )


def test_a_warning_without_circumstances_is_refused():
    with pytest.raises(SentenceRuleError) as refused:
        warning_letter_statements("", given_on=D(2024, 3, 15))

    assert refused.value.field == "circumstances"


# --- properties --------------------------------------------------------------------------------------

days = st.dates(min_value=D(2020, 1, 1), max_value=D(2030, 12, 31))


@given(warnings=st.lists(st.builds(WarningGiven, days, st.booleans()), max_size=5), on=days)
def test_on_an_order_a_first_warning_is_allowed_exactly_when_no_live_warning_covers_the_date(warnings, on):
    allowed = allowed_enforcement_actions(CO, warnings=warnings, considered_on=on)
    covered = any(not w.withdrawn and w.given_on <= on <= warning_expires_on(w.given_on) for w in warnings)

    assert (A.FIRST_WARNING_LETTER in allowed) is not covered
    assert A.BREACH_OR_RECALL_INITIATED in allowed
    assert allowed >= INTERIM_ACTIONS


def test_licence_compliance_letter_warns_of_recall_not_court():
    statements = warning_letter_statements("Missed the office visit.", given_on=D(2024, 3, 15), licence=True)
    assert (
        statements[2]
        == "If you fail to comply again on or before 14 March 2025, you may be recalled to custody."
    )
