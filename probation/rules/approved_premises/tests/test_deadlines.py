"""The assessment deadline across weekends, bank holidays, clock changes and the 13:00 boundary
(approved-premises.md § 3. Assessment)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from probation.rules.approved_premises.deadlines import (
    assessment_due,
    effective_start,
    placement_request_due,
)
from probation.rules.approved_premises.notice import NoticeType
from probation.rules.errors import RuleError

LONDON = ZoneInfo("Europe/London")
E, S, N = NoticeType.EMERGENCY, NoticeType.SHORT_NOTICE, NoticeType.STANDARD


def at(y, mo, d, h, mi=0):
    return dt.datetime(y, mo, d, h, mi, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("created", "start"),
    [
        (at(2026, 12, 3, 10, 30), at(2026, 12, 3, 10, 30)),  # Thursday morning: as created
        (at(2026, 12, 3, 12, 59), at(2026, 12, 3, 12, 59)),  # a minute before the cut-off
        (at(2026, 12, 3, 13, 0), at(2026, 12, 4, 9)),  # 13:00 exactly: next working day
        (at(2026, 12, 3, 7, 0), at(2026, 12, 3, 7, 0)),  # early morning on a working day counts as is
        (at(2026, 12, 4, 13, 1), at(2026, 12, 7, 9)),  # Friday afternoon: Monday 09:00
        (at(2026, 12, 5, 10), at(2026, 12, 7, 9)),  # Saturday: Monday 09:00
        (at(2026, 12, 6, 23, 59), at(2026, 12, 7, 9)),  # Sunday night
        (at(2026, 12, 24, 14), at(2026, 12, 29, 9)),  # Christmas Eve p.m.: Christmas, Boxing Day (Sat) and
        # the substitute Boxing Day (Mon 28th) skipped
        (at(2026, 12, 25, 10), at(2026, 12, 29, 9)),  # Christmas Day itself
        (at(2027, 3, 26, 10), at(2027, 3, 30, 9)),  # Good Friday 2027: Easter Monday skipped too
        (at(2026, 8, 31, 11), at(2026, 9, 1, 9)),  # August bank holiday Monday
    ],
)
def test_effective_start(created, start):
    assert effective_start(created) == start


@pytest.mark.parametrize(
    ("created", "notice", "due"),
    [
        # Standard: 10 working days at the same time of day.
        (at(2026, 12, 3, 10, 30), N, at(2026, 12, 17, 10, 30)),
        (at(2026, 12, 3, 13, 0), N, at(2026, 12, 18, 9)),
        # Short notice: 5 working days.
        (at(2026, 12, 3, 10, 30), S, at(2026, 12, 10, 10, 30)),
        (at(2026, 12, 5, 10), S, at(2026, 12, 14, 9)),  # Saturday → Monday 09:00 → 5 working days
        # Across Christmas 2026 (25th Fri, Boxing Day Sat → substitute Mon 28th) and New Year's Day.
        (at(2026, 12, 21, 10), S, at(2026, 12, 30, 10)),  # 22, 23, 24, 29, 30
        (at(2026, 12, 21, 10), N, at(2027, 1, 7, 10)),  # + 31, 4, 5, 6, 7 (1 Jan skipped)
        # Easter 2027: Good Friday 26 March, Easter Monday 29 March.
        (at(2027, 3, 24, 9), S, at(2027, 4, 2, 9)),  # 25, 30, 31, 1, 2
        # Clocks go forward Sunday 28 March 2027 and back Sunday 31 October 2027: the time of day
        # is kept in London time.
        (at(2027, 3, 25, 11), N, at(2027, 4, 12, 11)),
        (at(2027, 10, 29, 12), S, at(2027, 11, 5, 12)),
        # Emergency: two hours from the effective start.
        (at(2026, 12, 3, 10, 30), E, at(2026, 12, 3, 12, 30)),
        (at(2026, 12, 3, 12, 59), E, at(2026, 12, 3, 14, 59)),
        (at(2026, 12, 3, 13, 0), E, at(2026, 12, 4, 11)),
        (at(2026, 12, 5, 3), E, at(2026, 12, 7, 11)),  # weekend night
        (at(2027, 3, 27, 23), E, at(2027, 3, 30, 11)),  # clocks forward, Easter Monday
        (at(2027, 10, 30, 12), E, at(2027, 11, 1, 11)),  # the weekend the clocks go back
    ],
)
def test_assessment_due(created, notice, due):
    result = assessment_due(created_at=created, notice=notice)
    assert result == due
    assert result.utcoffset() == due.utcoffset()


def test_a_deadline_from_utc_is_counted_in_london_time():
    # 12:30 UTC on 1 July is 13:30 in London (BST): after the cut-off.
    created = dt.datetime(2026, 7, 1, 12, 30, tzinfo=dt.UTC)
    assert assessment_due(created_at=created, notice=N) == at(2026, 7, 16, 9)


def test_a_placement_request_has_five_working_days():
    assert placement_request_due(submitted_at=at(2026, 12, 4, 14)) == at(2026, 12, 14, 9)


def test_a_naive_time_is_refused():
    with pytest.raises(RuleError):
        assessment_due(created_at=dt.datetime(2026, 12, 3, 10), notice=N)
