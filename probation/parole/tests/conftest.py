import datetime as dt

import pytest

from probation.custody import hooks

TODAY = dt.date(2026, 12, 3)


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    for module in (
        "probation.parole.views.reviews",
        "probation.parole.views.governor",
        "probation.custody.services.key_dates",
    ):
        monkeypatch.setattr(f"{module}.today_uk", lambda: TODAY)


@pytest.fixture(autouse=True)
def _no_custody_hooks():
    saved = (list(hooks._release_listeners), list(hooks._vlo_told))
    hooks.unregister_all()
    yield
    hooks.unregister_all()
    hooks._release_listeners.extend(saved[0])
    hooks._vlo_told.extend(saved[1])
