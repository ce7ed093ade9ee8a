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
        "probation.custody.views.licence",
    ):
        monkeypatch.setattr(f"{module}.today_uk", lambda: TODAY)
    # Booking the first appointment on release day: "now" is the morning of TODAY.
    monkeypatch.setattr(
        "probation.contacts.services.appointments.now",
        lambda: dt.datetime(TODAY.year, TODAY.month, TODAY.day, 8, 0, tzinfo=dt.UTC),
    )


@pytest.fixture(autouse=True)
def _no_hooks():
    """Custody's own tests run with no app above it listening (the joins are tested by those apps);
    the registrations made at start-up are put back afterwards for the rest of the run."""
    saved = (list(hooks._release_listeners), list(hooks._vlo_told))
    hooks.unregister_all()
    yield
    hooks.unregister_all()
    hooks._release_listeners.extend(saved[0])
    hooks._vlo_told.extend(saved[1])
