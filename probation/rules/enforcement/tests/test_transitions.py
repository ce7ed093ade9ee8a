"""Workflow transitions for enforcement actions, breach and recall (enforcement.md, "Enforcement actions",
"Breach" and "Licences and recall")."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from probation.rules.enforcement.transitions import (
    INITIAL_STATUS,
    TRANSITIONS,
    BreachStatus,
    EnforcementStatus,
    RecallStatus,
    allowed_next,
    check_transition,
    is_final,
    label,
)
from probation.rules.errors import SentenceRuleError

E, B, R = EnforcementStatus, BreachStatus, RecallStatus
ALL_STATUSES = [*EnforcementStatus, *BreachStatus, *RecallStatus]


def test_every_status_of_every_workflow_is_declared_once():
    for workflow in (EnforcementStatus, BreachStatus, RecallStatus):
        assert set(TRANSITIONS[workflow]) == set(workflow)


def test_every_declared_next_status_belongs_to_the_same_workflow():
    for workflow, table in TRANSITIONS.items():
        for onward in table.values():
            assert all(type(status) is workflow for status in onward)


def test_every_status_is_reachable_from_the_initial_status():
    for workflow, start in INITIAL_STATUS.items():
        reached, frontier = {start}, [start]
        while frontier:
            for status in allowed_next(frontier.pop()):
                if status not in reached:
                    reached.add(status)
                    frontier.append(status)
        assert reached == set(workflow)


# --- enforcement action ------------------------------------------------------------------------------


def test_a_new_failure_can_be_referred_put_pending_or_decided():
    assert allowed_next(E.AWAITING_ACTION) == {
        E.REFERRED_TO_OFFENDER_MANAGER,
        E.PENDING_RESPONSE,
        E.FIRST_WARNING_SENT,
        E.SECOND_WARNING_SENT,
        E.BREACH_OR_RECALL_INITIATED,
        E.NO_FURTHER_ACTION,
    }


def test_a_sent_warning_can_only_be_withdrawn():
    assert allowed_next(E.FIRST_WARNING_SENT) == {E.WARNING_WITHDRAWN}
    assert allowed_next(E.SECOND_WARNING_SENT) == {E.WARNING_WITHDRAWN}


def test_interim_steps_lead_to_each_other_or_to_a_decision():
    assert E.PENDING_RESPONSE in allowed_next(E.REFERRED_TO_OFFENDER_MANAGER)
    assert E.REFERRED_TO_OFFENDER_MANAGER in allowed_next(E.PENDING_RESPONSE)
    assert E.BREACH_OR_RECALL_INITIATED in allowed_next(E.PENDING_RESPONSE)


@pytest.mark.parametrize("status", [E.BREACH_OR_RECALL_INITIATED, E.NO_FURTHER_ACTION, E.WARNING_WITHDRAWN])
def test_decided_enforcement_statuses_are_final(status):
    assert is_final(status)


# --- breach ------------------------------------------------------------------------------------------


def test_an_initiated_breach_goes_to_court_with_a_pack_or_is_withdrawn():
    assert allowed_next(B.INITIATED) == {B.PACK_SENT_TO_COURT, B.WITHDRAWN}


def test_the_court_decides_proven_with_a_disposal_not_proven_or_the_breach_is_withdrawn():
    assert allowed_next(B.PACK_SENT_TO_COURT) == {
        B.PROVEN_ORDER_CONTINUES,
        B.PROVEN_ORDER_AMENDED,
        B.PROVEN_REVOKED_AND_RESENTENCED,
        B.PROVEN_COMMITTED_TO_CUSTODY,
        B.PROVEN_FINED,
        B.NOT_PROVEN,
        B.WITHDRAWN,
    }


def test_a_court_outcome_cannot_be_recorded_before_the_pack_is_sent():
    with pytest.raises(SentenceRuleError) as refused:
        check_transition(B.INITIATED, B.NOT_PROVEN)

    assert refused.value.message == (
        "Cannot move a breach from 'initiated' to 'not proven' "
        "(allowed next: 'pack sent to court', 'withdrawn')."
    )
    assert refused.value.field == "status"


def test_a_concluded_breach_cannot_be_reopened():
    with pytest.raises(SentenceRuleError) as refused:
        check_transition(B.PROVEN_FINED, B.INITIATED)

    assert refused.value.message == (
        "Cannot move a breach from 'proven fined' to 'initiated' ('proven fined' is final)."
    )


# --- recall ------------------------------------------------------------------------------------------


def test_a_recall_is_considered_then_decided_by_a_senior_po():
    check_transition(R.CONSIDERING, R.AWAITING_DECISION)
    assert allowed_next(R.AWAITING_DECISION) == {R.RECALL_DECIDED, R.NO_RECALL_DECIDED}


def test_an_officer_cannot_skip_the_senior_po_decision():
    with pytest.raises(SentenceRuleError):
        check_transition(R.CONSIDERING, R.RECALL_DECIDED)


def test_after_recall_the_person_is_returned_then_re_released_or_held_to_licence_end():
    assert allowed_next(R.RECALL_DECIDED) == {R.RETURNED_TO_CUSTODY}
    assert allowed_next(R.RETURNED_TO_CUSTODY) == {R.RE_RELEASED, R.LICENCE_ENDED_IN_CUSTODY}


def test_no_recall_is_final():
    assert is_final(R.NO_RECALL_DECIDED)


# --- errors ------------------------------------------------------------------------------------------


def test_moving_to_a_status_of_another_workflow_is_refused():
    with pytest.raises(SentenceRuleError) as refused:
        check_transition(B.INITIATED, R.CONSIDERING)

    assert refused.value.message == "'considering' is not a status of a breach."


def test_a_plain_string_equal_to_a_status_value_is_not_accepted_as_that_status():
    # StrEnum members compare equal to strings: "withdrawn" == BreachStatus.WITHDRAWN
    with pytest.raises(SentenceRuleError) as refused:
        check_transition(B.INITIATED, "withdrawn")

    assert refused.value.message == "'withdrawn' is not a status of a breach."


def test_labels_are_readable():
    assert label(E.BREACH_OR_RECALL_INITIATED) == "breach or recall initiated"


@given(current=st.sampled_from(ALL_STATUSES), new=st.sampled_from(ALL_STATUSES))
def test_check_transition_accepts_exactly_the_declared_moves(current, new):
    declared = type(new) is type(current) and new in TRANSITIONS[type(current)][current]
    try:
        check_transition(current, new)
        accepted = True
    except SentenceRuleError:
        accepted = False

    assert accepted is declared
