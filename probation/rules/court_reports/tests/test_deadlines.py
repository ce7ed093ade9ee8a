"""The date a pre-sentence report is required (court-reports.md § Report types; MCA 1980 s.10(3)).

December 2026: Tuesday 1st; Christmas Day Friday 25th, Boxing Day (observed) Monday 28th; New Year's
Day Friday 1 January 2027. Easter 2026: Good Friday 3 April, Easter Monday 6 April."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from probation.rules.court_reports.deadlines import (
    ReportKind,
    Timeliness,
    latest_adjournment,
    required_by,
    timeliness,
)
from probation.rules.errors import RuleError

D = dt.date
ORAL, SHORT, STANDARD, ADDENDUM = ReportKind


def _required(kind, hearing, adjourned=None, *, custody=False, magistrates=True):
    return required_by(
        kind=kind, hearing_date=hearing, adjourned_to=adjourned, in_custody=custody, magistrates=magistrates
    )


def test_an_oral_report_is_required_the_same_day():
    assert _required(ORAL, D(2026, 12, 1)) == D(2026, 12, 1)
    assert _required(ORAL, D(2026, 12, 1), D(2026, 12, 8)) == D(2026, 12, 1)


@pytest.mark.parametrize(
    ("hearing", "expected"),
    [
        (D(2026, 12, 1), D(2026, 12, 8)),  # Tuesday: five weekdays on, next Tuesday
        (D(2026, 12, 4), D(2026, 12, 11)),  # Friday: the weekend is skipped
        (D(2026, 12, 5), D(2026, 12, 11)),  # Saturday: counts from Monday
        (D(2026, 12, 6), D(2026, 12, 11)),  # Sunday
        (D(2026, 12, 18), D(2026, 12, 29)),  # Christmas Day and Boxing Day (observed) skipped
        (D(2026, 12, 24), D(2027, 1, 5)),  # Christmas, Boxing Day (observed) and New Year's Day
        (D(2026, 4, 2), D(2026, 4, 13)),  # Good Friday and Easter Monday skipped
        (D(2026, 5, 1), D(2026, 5, 11)),  # the early May bank holiday
        (D(2026, 8, 28), D(2026, 9, 7)),  # the summer bank holiday
    ],
)
def test_a_short_format_report_is_required_within_five_working_days(hearing, expected):
    assert _required(SHORT, hearing) == expected


@pytest.mark.parametrize(
    ("hearing", "expected"),
    [
        (D(2026, 12, 1), D(2026, 12, 22)),  # no bank holiday: exactly three weeks
        (D(2026, 12, 11), D(2027, 1, 6)),  # Christmas and New Year push it into January
        (D(2026, 4, 2), D(2026, 4, 27)),  # Easter
    ],
)
def test_a_standard_report_on_bail_is_required_within_fifteen_working_days(hearing, expected):
    assert _required(STANDARD, hearing) == expected


@pytest.mark.parametrize(
    ("hearing", "expected"),
    [
        (D(2026, 12, 1), D(2026, 12, 22)),  # 15 working days is exactly 3 weeks
        (D(2026, 4, 2), D(2026, 4, 23)),  # Easter: capped at three weeks, Thursday 23 April
        # Three weeks is New Year's Day, when no court sits: the working day before it.
        (D(2026, 12, 11), D(2026, 12, 31)),
    ],
)
def test_a_custody_remand_caps_a_standard_report_at_three_weeks(hearing, expected):
    assert _required(STANDARD, hearing, custody=True) == expected


def test_an_earlier_adjourned_hearing_is_the_date_required():
    assert _required(SHORT, D(2026, 12, 1), D(2026, 12, 4)) == D(2026, 12, 4)
    assert _required(STANDARD, D(2026, 12, 1), D(2026, 12, 15)) == D(2026, 12, 15)


def test_a_later_adjourned_hearing_does_not_extend_the_time_the_type_allows():
    assert _required(SHORT, D(2026, 12, 1), D(2026, 12, 15)) == D(2026, 12, 8)
    assert _required(STANDARD, D(2026, 12, 1), D(2026, 12, 29)) == D(2026, 12, 22)


def test_an_addendum_is_required_on_the_date_the_court_sets():
    assert _required(ADDENDUM, D(2026, 12, 1), D(2026, 12, 17)) == D(2026, 12, 17)


def test_an_addendum_without_a_date_is_refused():
    with pytest.raises(RuleError) as refused:
        _required(ADDENDUM, D(2026, 12, 1))
    assert refused.value.message == "Enter the date the court set for the addendum report"
    assert refused.value.field == "adjourned_to"


def test_an_adjournment_before_the_hearing_is_refused():
    with pytest.raises(RuleError) as refused:
        _required(SHORT, D(2026, 12, 1), D(2026, 11, 30))
    assert refused.value.message == "The adjourned hearing date must be on or after the date of the hearing"


def test_magistrates_may_adjourn_a_defendant_on_bail_for_four_weeks_and_no_more():
    assert latest_adjournment(hearing_date=D(2026, 12, 1), in_custody=False) == D(2026, 12, 29)
    assert _required(ADDENDUM, D(2026, 12, 1), D(2026, 12, 29)) == D(2026, 12, 29)
    with pytest.raises(RuleError) as refused:
        _required(ADDENDUM, D(2026, 12, 1), D(2026, 12, 30))
    assert refused.value.message == (
        "A magistrates’ court can adjourn for reports for at most 4 weeks when the defendant is on bail: "
        "enter a date on or before 29 December 2026"
    )
    assert refused.value.field == "adjourned_to"


def test_magistrates_may_adjourn_a_defendant_in_custody_for_three_weeks_and_no_more():
    assert _required(STANDARD, D(2026, 12, 1), D(2026, 12, 22), custody=True) == D(2026, 12, 22)
    with pytest.raises(RuleError) as refused:
        _required(STANDARD, D(2026, 12, 1), D(2026, 12, 23), custody=True)
    assert refused.value.message == (
        "A magistrates’ court can adjourn for reports for at most 3 weeks when the defendant is remanded "
        "in custody: enter a date on or before 22 December 2026"
    )


def test_the_crown_court_is_not_bound_by_the_magistrates_adjournment_limit():
    assert _required(ADDENDUM, D(2026, 12, 1), D(2027, 1, 26), magistrates=False) == D(2027, 1, 26)


def test_the_kind_may_be_given_as_the_stored_value():
    assert _required("short_format", D(2026, 12, 1)) == D(2026, 12, 8)


@pytest.mark.parametrize(
    ("completed", "today", "expected"),
    [
        (D(2026, 12, 8), D(2026, 12, 20), Timeliness.ON_TIME),
        (D(2026, 12, 7), D(2026, 12, 20), Timeliness.ON_TIME),
        (D(2026, 12, 9), D(2026, 12, 20), Timeliness.LATE),
        (None, D(2026, 12, 9), Timeliness.LATE),
        (None, D(2026, 12, 8), Timeliness.DUE_TODAY),
        (None, D(2026, 12, 7), Timeliness.DUE),
    ],
)
def test_timeliness_is_judged_against_the_date_required(completed, today, expected):
    assert timeliness(required=D(2026, 12, 8), completed_on=completed, today=today) is expected


days = st.dates(min_value=D(2000, 1, 1), max_value=D(2090, 12, 31))


@given(kind=st.sampled_from([ORAL, SHORT, STANDARD]), hearing=days, custody=st.booleans())
def test_the_date_required_is_never_before_the_hearing_nor_beyond_the_lawful_adjournment(
    kind, hearing, custody
):
    due = _required(kind, hearing, custody=custody)
    assert hearing <= due <= latest_adjournment(hearing_date=hearing, in_custody=custody)


@given(hearing=days, gap=st.integers(min_value=0, max_value=21), custody=st.booleans())
def test_the_date_required_is_never_after_the_adjourned_hearing(hearing, gap, custody):
    adjourned = hearing + dt.timedelta(days=gap)
    for kind in (SHORT, STANDARD, ADDENDUM):
        assert _required(kind, hearing, adjourned, custody=custody) <= adjourned
