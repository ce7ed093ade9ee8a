import datetime as dt

import pytest

from probation.rules.unpaid_work.schedule import Frequency, ScheduleError, session_dates

D = dt.date
MONDAY, SATURDAY = 0, 5


def dates(**kwargs):
    values = {
        "weekday": SATURDAY,
        "frequency": Frequency.WEEKLY,
        "start": D(2026, 12, 1),  # a Tuesday
        "end": None,
        "project_end": None,
        "session_minutes": 420,
        "minutes_required": 1260,
    }
    return session_dates(**(values | kwargs))


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, [D(2026, 12, 5), D(2026, 12, 12), D(2026, 12, 19)]),
        ({"minutes_required": 1261}, [D(2026, 12, 5), D(2026, 12, 12), D(2026, 12, 19), D(2026, 12, 26)]),
        ({"frequency": Frequency.FORTNIGHTLY}, [D(2026, 12, 5), D(2026, 12, 19), D(2027, 1, 2)]),
        ({"frequency": Frequency.ONCE}, [D(2026, 12, 5)]),
        ({"end": D(2026, 12, 12)}, [D(2026, 12, 5), D(2026, 12, 12)]),
        ({"project_end": D(2026, 12, 11)}, [D(2026, 12, 5)]),
        ({"minutes_required": 0}, []),
        ({"start": D(2026, 12, 5)}, [D(2026, 12, 5), D(2026, 12, 12), D(2026, 12, 19)]),
        ({"weekday": MONDAY, "end": D(2026, 12, 6)}, []),
    ],
)
def test_sessions_cover_the_minutes_required_on_days_the_project_runs(kwargs, expected):
    assert dates(**kwargs) == expected


def test_scheduling_stops_at_five_years():
    found = dates(minutes_required=10**7)
    assert found[-1] <= D(2026, 12, 1) + dt.timedelta(days=5 * 366)
    assert len(found) == 261


@pytest.mark.parametrize(
    ("kwargs", "field"), [({"session_minutes": 0}, "session"), ({"end": D(2026, 11, 30)}, "end_date")]
)
def test_bad_inputs_are_refused(kwargs, field):
    with pytest.raises(ScheduleError) as refused:
        dates(**kwargs)
    assert refused.value.field == field
