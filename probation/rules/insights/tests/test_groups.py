"""Equality groups (equality.md § Groups): census top-level ethnic groups, sex, age band at the start
of the period, religion; anything not given or declined is Not stated."""

import datetime as dt

import pytest

from probation.rules.insights.groups import (
    NOT_STATED,
    Dimension,
    age_band,
    ethnic_group,
    group_labels,
    religion_group,
    sex_group,
)


@pytest.mark.parametrize(
    ("code", "group"),
    [
        ("A1", "A"),
        ("B2", "B"),
        ("M9", "M"),
        ("W1", "W"),
        ("W4", "W"),
        ("O2", "O"),
        ("NS", NOT_STATED),
        ("", NOT_STATED),
    ],
)
def test_ethnicity_counts_in_its_top_level_census_group(code, group):
    assert ethnic_group(code) == group


@pytest.mark.parametrize(
    ("code", "group"), [("M", "M"), ("F", "F"), ("O", "O"), ("N", NOT_STATED), ("", NOT_STATED)]
)
def test_sex_not_known_is_not_stated(code, group):
    assert sex_group(code) == group


@pytest.mark.parametrize(
    ("code", "group"), [("MUS", "MUS"), ("NONE", "NONE"), ("NS", NOT_STATED), ("", NOT_STATED)]
)
def test_religion_declined_is_not_stated(code, group):
    assert religion_group(code) == group


START = dt.date(2026, 1, 1)


@pytest.mark.parametrize(
    ("born", "band"),
    [
        (dt.date(2008, 1, 2), "under_18"),
        (dt.date(2008, 1, 1), "18_24"),  # 18 on the first day of the period
        (dt.date(2001, 1, 2), "18_24"),
        (dt.date(2001, 1, 1), "25_34"),
        (dt.date(1991, 1, 2), "25_34"),
        (dt.date(1991, 1, 1), "35_49"),
        (dt.date(1976, 1, 2), "35_49"),
        (dt.date(1976, 1, 1), "50_plus"),
        (dt.date(1930, 6, 1), "50_plus"),
    ],
)
def test_age_band_is_the_age_at_the_start_of_the_period(born, band):
    assert age_band(born, START) == band


def test_a_leap_day_birthday_turns_a_year_older_on_1_march():
    born = dt.date(2000, 2, 29)

    assert age_band(born, dt.date(2025, 2, 28)) == "18_24"
    assert age_band(born, dt.date(2025, 3, 1)) == "25_34"


@pytest.mark.parametrize("dimension", list(Dimension))
def test_every_dimension_ends_with_not_stated(dimension):
    assert list(group_labels(dimension))[-1] == NOT_STATED
