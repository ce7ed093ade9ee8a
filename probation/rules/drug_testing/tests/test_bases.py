"""Legal bases, the substances each may test and the methods (drug-testing.md § Legal bases)."""

import datetime as dt

import pytest

from probation.rules.drug_testing.bases import (
    METHODS,
    Basis,
    BasisSource,
    Method,
    bases_on,
    check_panel,
    substances_for,
)
from probation.rules.drug_testing.substances import DRUGS, Substance, specified_drugs
from probation.rules.errors import RuleError

S = Substance
DAY = dt.date(2026, 6, 1)


def test_before_2_august_2023_specified_class_a_is_cocaine_and_heroin_plus_class_b():
    assert specified_drugs(dt.date(2023, 8, 1)) == {
        S.COCAINE,
        S.HEROIN,
        S.AMPHETAMINE,
        S.CANNABIS,
        S.KETAMINE,
    }


def test_from_2_august_2023_specified_class_a_is_every_class_a_on_the_panel():
    assert specified_drugs(dt.date(2023, 8, 2)) == {
        S.COCAINE,
        S.HEROIN,
        S.METHADONE,
        S.MDMA,
        S.AMPHETAMINE,
        S.CANNABIS,
        S.KETAMINE,
    }


def test_before_the_class_b_order_only_class_a_is_specified():
    assert specified_drugs(dt.date(2014, 1, 1)) == {S.COCAINE, S.HEROIN}


@pytest.mark.parametrize(
    ("basis", "expected"),
    [
        (Basis.LICENCE, "specified"),
        (Basis.PSS, "specified"),
        (Basis.DRR, "drugs"),
        (Basis.DRUG_TESTING_REQUIREMENT, "drugs"),
        (Basis.APPROVED_PREMISES, "all"),
    ],
)
def test_each_basis_tests_for_its_substances(basis, expected):
    want = {"specified": specified_drugs(DAY), "drugs": DRUGS, "all": frozenset(Substance)}[expected]
    assert substances_for(basis, DAY) == want


def test_alcohol_is_not_a_drug():
    assert S.ALCOHOL not in DRUGS
    assert len(DRUGS) == len(Substance) - 1


@pytest.mark.parametrize("basis", list(Basis))
@pytest.mark.parametrize("method", list(Method))
def test_every_basis_and_method(basis, method):
    allowed = method in METHODS[basis]
    expected = basis is Basis.APPROVED_PREMISES if method is Method.BREATH else True
    assert allowed is expected


def _source(basis, start, end=None, source_id=1):
    return BasisSource(basis, start, end, source_id)


def test_only_sources_in_force_on_the_day_apply_first_and_last_days_included():
    drr = _source(Basis.DRR, dt.date(2026, 1, 1), dt.date(2026, 6, 1), 1)
    licence = _source(Basis.LICENCE, dt.date(2026, 6, 1), None, 2)
    future = _source(Basis.APPROVED_PREMISES, dt.date(2026, 6, 2), None, 3)
    ended = _source(Basis.PSS, dt.date(2025, 1, 1), dt.date(2026, 5, 31), 4)

    assert bases_on([future, drr, licence, ended], DAY) == [licence, drr]
    assert bases_on([drr], dt.date(2026, 6, 2)) == []
    assert bases_on([drr], dt.date(2025, 12, 31)) == []


def test_a_panel_within_the_basis_is_accepted():
    check_panel(basis=Basis.LICENCE, method=Method.INSTANT_ORAL, substances=[S.COCAINE, S.HEROIN], on=DAY)
    check_panel(basis=Basis.APPROVED_PREMISES, method=Method.BREATH, substances=[S.ALCOHOL], on=DAY)
    check_panel(basis=Basis.DRR, method=Method.LAB_URINE, substances=list(DRUGS), on=DAY)


def _messages(**kwargs):
    with pytest.raises(RuleError) as caught:
        check_panel(on=DAY, **kwargs)
    return [(e.field, e.message) for e in caught.value.errors]


def test_a_licence_test_for_benzodiazepines_is_refused():
    assert _messages(basis=Basis.LICENCE, method=Method.INSTANT_URINE, substances=[S.BENZODIAZEPINES]) == [
        ("substances", "This basis does not allow testing for benzodiazepines")
    ]


def test_a_licence_test_for_methadone_before_2023_is_refused_after_allowed():
    with pytest.raises(RuleError):
        check_panel(
            basis=Basis.LICENCE, method=Method.LAB_ORAL, substances=[S.METHADONE], on=dt.date(2023, 8, 1)
        )
    check_panel(basis=Basis.LICENCE, method=Method.LAB_ORAL, substances=[S.METHADONE], on=dt.date(2023, 8, 2))


def test_an_empty_panel_and_a_breath_test_outside_approved_premises_are_refused_together():
    assert _messages(basis=Basis.DRR, method=Method.BREATH, substances=[]) == [
        ("method", "Breath test (alcohol) is not allowed under this basis"),
        ("substances", "Select the substances tested for"),
    ]


def test_alcohol_only_by_breath_and_breath_only_for_alcohol():
    assert _messages(basis=Basis.APPROVED_PREMISES, method=Method.INSTANT_URINE, substances=[S.ALCOHOL]) == [
        ("substances", "Alcohol is tested by breath")
    ]
    assert _messages(basis=Basis.APPROVED_PREMISES, method=Method.BREATH, substances=[S.CANNABIS]) == [
        ("substances", "A breath test is for alcohol only")
    ]
