"""Rule versions by date (enforcement.md § Law by date)."""

import datetime as dt

import pytest

from probation.rules.law.dated import (
    Commencement,
    LawNotRecorded,
    LawSettings,
    RuleVersion,
    in_force_period,
    resolve,
    version_by_key,
    version_in_force_on,
)

D = dt.date
OLD = RuleVersion(Commencement("old", D(2015, 2, 1), "Act 2014"), 28, "28 days")
MIDDLE = RuleVersion(Commencement("middle", D(2020, 12, 1), "Act 2020"), 42, "42 days")
NEW = RuleVersion(Commencement("new", D(2026, 3, 31), "Act 2026", verify="the date"), 56, "56 days")
VERSIONS = (OLD, MIDDLE, NEW)


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (D(2015, 2, 1), OLD),
        (D(2015, 2, 2), OLD),
        (D(2020, 11, 30), OLD),
        (D(2020, 12, 1), MIDDLE),
        (D(2020, 12, 2), MIDDLE),
        (D(2026, 3, 30), MIDDLE),
        (D(2026, 3, 31), NEW),
        (D(2026, 4, 1), NEW),
    ],
)
def test_the_version_in_force_is_the_latest_that_came_into_force_on_or_before_the_day(on, expected):
    assert version_in_force_on(VERSIONS, on, what="test rules") == expected


def test_a_day_before_the_first_version_is_refused_naming_the_first_date():
    with pytest.raises(LawNotRecorded) as refused:
        version_in_force_on(VERSIONS, D(2015, 1, 31), what="test rules", field="on")
    assert (
        refused.value.message
        == "No test rules are recorded before 1 February 2015; 31 January 2015 was given"
    )
    assert refused.value.field == "on"


def test_a_corrected_commencement_date_moves_the_boundary():
    settings = LawSettings(commencements={"new": D(2026, 5, 1)})
    assert version_in_force_on(VERSIONS, D(2026, 4, 30), what="x", settings=settings).rule == 42
    assert version_in_force_on(VERSIONS, D(2026, 5, 1), what="x", settings=settings).rule == 56
    assert version_by_key(VERSIONS, "new", settings=settings).in_force_from == D(2026, 5, 1)


def test_a_correction_cannot_reorder_the_versions():
    with pytest.raises(ValueError, match="out of order"):
        resolve(VERSIONS, LawSettings(commencements={"new": D(2019, 1, 1)}))


def test_a_version_is_named_by_its_period():
    assert in_force_period(VERSIONS, "old") == "the rules in force before 1 December 2020"
    assert in_force_period(VERSIONS, "middle") == "the rules in force from 1 December 2020 to 30 March 2026"
    assert in_force_period(VERSIONS, "new") == "the rules in force from 31 March 2026"


def test_an_unknown_key_is_not_a_version():
    with pytest.raises(KeyError):
        version_by_key(VERSIONS, "missing")
