import datetime as dt

import pytest

from probation.core.clock import LONDON

TODAY = dt.date(2025, 4, 22)  # Tuesday after Easter Monday 2025
NOW = dt.datetime(2025, 4, 22, 12, 0, tzinfo=LONDON)


@pytest.fixture
def frozen(monkeypatch):
    """The pages run on Tuesday 22 April 2025 at noon (UK)."""
    from probation.worklists.views import lists

    monkeypatch.setattr(lists, "today_uk", lambda: TODAY)
    monkeypatch.setattr(lists, "now", lambda: NOW)
    return TODAY


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=LONDON)
