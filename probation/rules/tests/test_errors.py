"""The rule-error collector: several refusals raised together (issue 10 item 8)."""

import pytest

from probation.rules.errors import RuleError, RuleErrorCollector, RuleErrors


def test_the_collector_raises_every_refusal_together():
    errors = RuleErrorCollector()
    with errors.check():
        raise RuleError("Enter the date", field="date")
    with errors.check():
        raise RuleError("Select the level", field="level")

    with pytest.raises(RuleErrors) as raised:
        errors.raise_any()

    assert [(e.field, e.message) for e in raised.value.errors] == [
        ("date", "Enter the date"),
        ("level", "Select the level"),
    ]
    assert isinstance(raised.value, RuleError)  # code catching one refusal catches several


def test_one_refusal_is_raised_as_itself_and_none_raises_nothing():
    errors = RuleErrorCollector()
    errors.raise_any()
    errors.add("Enter the date", field="date")

    with pytest.raises(RuleError) as raised:
        errors.raise_any()

    assert type(raised.value) is RuleError
    assert raised.value.errors == (raised.value,)


def test_a_field_keeps_its_first_refusal():
    errors = RuleErrorCollector()
    errors.add("Enter the date", field="date")
    errors.add("Date must be in the past", field="date")
    with errors.check():
        raise RuleErrors([RuleError("Date is wrong", field="date"), RuleError("Whole form")])

    assert [e.message for e in errors.errors] == ["Enter the date", "Whole form"]
    assert errors.failed("date")
    assert not errors.failed("level")
