import datetime as dt

import pytest

from probation.core import date_checks
from probation.core.date_checks import date_not_future
from probation.core.errors import ServiceError

TODAY = dt.date(2026, 4, 20)


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    monkeypatch.setattr(date_checks, "today_uk", lambda: TODAY)


def test_today_is_not_in_the_future():
    date_not_future(TODAY, field="sent_on", label="Date sent")


def test_tomorrow_is_refused_naming_the_field():
    with pytest.raises(ServiceError) as refused:
        date_not_future(TODAY + dt.timedelta(days=1), field="sent_on", label="Date sent")
    assert refused.value.message == "Date sent must be today or in the past"
    assert refused.value.field == "sent_on"
