import datetime as dt

import pytest

TODAY = dt.date(2026, 11, 2)


@pytest.fixture
def today(monkeypatch):
    """The unit list's today: 2 November 2026."""
    from probation.victims.views import unit

    monkeypatch.setattr(unit, "today_uk", lambda: TODAY)
    return TODAY
