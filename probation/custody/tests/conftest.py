import datetime as dt

import pytest

from probation.custody import hooks

TODAY = dt.date(2026, 12, 3)


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    for module in (
        "probation.custody.views.case",
        "probation.custody.views.lists",
        "probation.custody.services.key_dates",
    ):
        monkeypatch.setattr(f"{module}.today_uk", lambda: TODAY)


@pytest.fixture(autouse=True)
def _no_hooks():
    yield
    hooks.unregister_all()
