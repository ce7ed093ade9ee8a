"""Result states, outcomes and decisions (drug-testing.md § Who tests and how, § Recording results,
§ What a result triggers, § Prescribed medication)."""

import datetime as dt

import pytest

from probation.rules.contacts.outcomes import OutcomeCode, counts_as_failure_to_comply
from probation.rules.drug_testing.bases import Basis
from probation.rules.drug_testing.results import (
    OUTCOME_FOR_STATE,
    Decision,
    Reading,
    ResultState,
    SubstanceReading,
    check_lab_dates,
    check_readings,
    decision_required,
    decisions_for,
    enforcement_offered,
    is_failure_to_comply,
    state_of,
)
from probation.rules.drug_testing.substances import Substance
from probation.rules.errors import RuleError

S, R, ST = Substance, Reading, ResultState
NEG, NN, INV = R.NEGATIVE, R.NON_NEGATIVE, R.INVALID


def _r(substance=S.COCAINE, instant=None, screening=None, confirmation=None):
    return SubstanceReading(substance, instant, screening, confirmation)


@pytest.mark.parametrize(
    ("readings", "expected"),
    [
        ([_r(instant=NEG), _r(S.HEROIN, instant=NEG)], ST.NEGATIVE),
        ([_r(instant=NN)], ST.PRESUMPTIVE),
        ([_r(instant=NN, screening=NN)], ST.PRESUMPTIVE),
        ([_r(screening=NN)], ST.PRESUMPTIVE),
        ([_r(instant=NN, confirmation=NN)], ST.CONFIRMED_POSITIVE),
        ([_r(instant=NN, confirmation=NEG)], ST.NEGATIVE),
        ([_r(instant=NN, screening=NN, confirmation=NEG)], ST.NEGATIVE),
        ([_r(instant=NEG, confirmation=NN)], ST.CONFIRMED_POSITIVE),
        ([_r()], ST.AWAITING_LAB),
        ([_r(instant=NEG), _r(S.HEROIN)], ST.AWAITING_LAB),
        ([_r(screening=NEG)], ST.NEGATIVE),
        ([_r(instant=INV)], ST.NOT_TESTED),
        ([_r(instant=INV), _r(S.HEROIN, instant=NEG)], ST.NOT_TESTED),
        ([_r(instant=INV, confirmation=NEG)], ST.NEGATIVE),
        ([_r(instant=NN), _r(S.HEROIN, instant=NN, confirmation=NN)], ST.CONFIRMED_POSITIVE),
        ([_r(instant=NN), _r(S.HEROIN, instant=INV)], ST.PRESUMPTIVE),
    ],
)
def test_state_from_readings(readings, expected):
    assert state_of(readings=readings) is expected


def test_refusal_and_tampering_come_first_whatever_the_readings():
    readings = [_r(instant=NN, confirmation=NN)]
    assert state_of(readings=readings, refused=True, admitted=[S.COCAINE]) is ST.REFUSED
    assert state_of(readings=readings, tampered=True) is ST.TAMPERED


def test_admitted_use_needs_no_confirmation():
    assert state_of(readings=[_r(instant=NN)], admitted=[S.COCAINE]) is ST.ADMITTED
    assert state_of(readings=[_r(instant=NEG)], admitted=[S.CANNABIS]) is ST.ADMITTED


def test_a_verified_prescription_excludes_its_substance_from_not_clean():
    methadone = _r(S.METHADONE, instant=NN, confirmation=NN)
    assert state_of(readings=[methadone], explained=[S.METHADONE]) is ST.NEGATIVE
    assert state_of(readings=[methadone], admitted=[S.METHADONE], explained=[S.METHADONE]) is ST.NEGATIVE
    assert state_of(readings=[methadone, _r(instant=NN)], explained=[S.METHADONE]) is ST.PRESUMPTIVE


def test_a_break_in_the_chain_of_custody_makes_a_confirmed_positive_unusable():
    assert state_of(readings=[_r(confirmation=NN)], chain_broken=True) is ST.UNUSABLE
    assert state_of(readings=[_r(instant=NEG)], chain_broken=True) is ST.NEGATIVE


@pytest.mark.parametrize(
    ("state", "code", "fails", "offered", "decide"),
    [
        (ST.NEGATIVE, OutcomeCode.TCLN, False, False, False),
        (ST.NOT_TESTED, OutcomeCode.TNTD, False, False, False),
        (ST.AWAITING_LAB, OutcomeCode.TUKN, False, False, False),
        (ST.PRESUMPTIVE, OutcomeCode.TUKN, False, False, False),
        (ST.UNUSABLE, OutcomeCode.TUKN, False, False, False),
        (ST.ADMITTED, OutcomeCode.TADM, False, True, True),
        (ST.CONFIRMED_POSITIVE, OutcomeCode.TDRT, False, True, True),
        (ST.REFUSED, OutcomeCode.TRFS, True, True, False),
        (ST.TAMPERED, OutcomeCode.TRFS, True, True, False),
    ],
)
def test_every_state_outcome_and_what_it_offers(state, code, fails, offered, decide):
    assert OUTCOME_FOR_STATE[state] is code
    assert is_failure_to_comply(state) is fails
    assert enforcement_offered(state) is offered
    assert decision_required(state) is decide


def test_the_one_rule_never_counts_a_presumptive_result_and_always_counts_a_refusal():
    for state in (ST.PRESUMPTIVE, ST.AWAITING_LAB, ST.UNUSABLE, ST.NEGATIVE, ST.NOT_TESTED):
        assert not counts_as_failure_to_comply(
            "drug_test", OUTCOME_FOR_STATE[state], carries_out_requirement=True
        )
    for state in (ST.REFUSED, ST.TAMPERED):
        assert counts_as_failure_to_comply(
            "drug_test", OUTCOME_FOR_STATE[state], carries_out_requirement=False
        )


@pytest.mark.parametrize("state", list(ResultState))
@pytest.mark.parametrize("basis", list(Basis))
def test_decisions_for_every_state_and_basis(state, basis):
    decisions = decisions_for(state, basis)
    if not decision_required(state):
        assert decisions == ()
        return
    assert decisions[:4] == (
        Decision.DISCUSS,
        Decision.TREATMENT,
        Decision.MORE_TESTING,
        Decision.ENFORCEMENT,
    )
    assert (Decision.RECALL_CONSIDERATION in decisions) is (basis in (Basis.LICENCE, Basis.APPROVED_PREMISES))


def test_a_result_for_a_substance_not_tested_is_refused():
    with pytest.raises(RuleError) as caught:
        check_readings(tested=[S.COCAINE], readings=[_r(instant=NEG), _r(S.CANNABIS, instant=NN)])
    assert [(e.field, e.message) for e in caught.value.errors] == [
        (
            "result_cannabis",
            "Cannabis was not tested for: remove its result or add it to the substances tested",
        )
    ]


TAKEN, TODAY = dt.date(2026, 11, 2), dt.date(2026, 11, 10)


def _dates(**kwargs):
    with pytest.raises(RuleError) as caught:
        check_lab_dates(taken_on=kwargs.pop("taken_on", TAKEN), today=TODAY, **kwargs)
    return [(e.field, e.message) for e in caught.value.errors]


def test_lab_dates_in_order_up_to_today_are_accepted():
    check_lab_dates(taken_on=TAKEN, today=TODAY, dispatched_on=TAKEN, received_on=TAKEN, result_on=TODAY)
    check_lab_dates(taken_on=TODAY, today=TODAY)


def test_a_sample_taken_in_the_future_is_refused():
    assert _dates(taken_on=TODAY + dt.timedelta(days=1)) == [
        ("taken_on", "The date the sample was taken must be today or in the past")
    ]


def test_a_laboratory_result_before_collection_is_refused():
    assert _dates(result_on=TAKEN - dt.timedelta(days=1)) == [
        ("result_on", "The laboratory result date cannot be before the date the sample was taken")
    ]


def test_each_lab_date_after_the_one_before_and_none_in_the_future():
    assert _dates(
        dispatched_on=dt.date(2026, 11, 5), received_on=dt.date(2026, 11, 4), result_on=dt.date(2026, 11, 11)
    ) == [
        ("received_on", "The laboratory receipt date cannot be before the dispatch date"),
        ("result_on", "The laboratory result date must be today or in the past"),
    ]
