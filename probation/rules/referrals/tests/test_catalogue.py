"""The commissioned-services catalogue (interventions.md § Commissioned Rehabilitative Services)."""

import datetime as dt

import pytest

from probation.rules.errors import RuleError, RuleErrors
from probation.rules.law.dated import LawNotRecorded
from probation.rules.referrals.catalogue import Complexity, catalogue_on, check_categories

TODAY = dt.date(2026, 12, 3)


def test_the_contract_types_and_their_nsi_codes():
    catalogue = catalogue_on(TODAY)
    assert [(c.code, c.nsi) for c in catalogue.contract_types] == [
        ("ACC", "CRS01"),
        ("ETE", "CRS02"),
        ("MTR", "CRS03"),
        ("DNR", "CRS04"),
        ("PWB", "CRS05"),
        ("WOS", "CRS06"),
        ("FBD", "CRS08"),
    ]


def test_personal_wellbeing_has_its_four_categories():
    names = [c.name for c in catalogue_on(TODAY).contract_type("PWB").categories]
    assert names == [
        "Emotional wellbeing",
        "Family and significant others",
        "Lifestyle and associates",
        "Social inclusion",
    ]


def test_every_category_has_three_described_levels_and_an_outcome():
    for contract in catalogue_on(TODAY).contract_types:
        for category in contract.categories:
            assert set(category.complexity) == set(Complexity)
            assert all(category.complexity.values())
            assert category.outcomes


def test_before_the_contracts_there_is_no_catalogue():
    with pytest.raises(LawNotRecorded):
        catalogue_on(dt.date(2021, 6, 25))
    assert catalogue_on(dt.date(2021, 6, 26)).contract_types


def test_unknown_codes_are_refused():
    with pytest.raises(RuleError):
        catalogue_on(TODAY).contract_type("XXX")
    with pytest.raises(RuleError):
        catalogue_on(TODAY).category("nothing")
    with pytest.raises(RuleError):
        catalogue_on(TODAY).category("accommodation").outcome("nothing")


def test_categories_are_checked_all_at_once():
    contract = catalogue_on(TODAY).contract_type("PWB")
    check_categories(contract, {"family": ("low", ["family_1"])})
    with pytest.raises(RuleError, match="at least one service category"):
        check_categories(contract, {})
    with pytest.raises(RuleErrors) as error:
        check_categories(
            contract,
            {
                "accommodation": ("low", ["accommodation_1"]),
                "family": ("", []),
                "lifestyle": ("high", ["family_1"]),
            },
        )
    assert [e.field for e in error.value.errors] == [
        "categories",
        "family-complexity",
        "family-outcomes",
        "lifestyle-outcomes",
    ]
