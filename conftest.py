"""Fixtures shared by every app's tests. Imports are inside fixtures so the pure-rule tests
(predictors, tiering, enforcement) also run without Django: pytest -p no:django."""

import contextlib

import pytest


@pytest.fixture(autouse=True, scope="session")
def _views_imported(request):
    """Import every view module (through the URLconf) before any test runs, so a test that patches
    ``probation.core.clock.today_uk`` cannot leak its fake date into a module that binds the function
    at import time during that test's first request."""
    if request.config.pluginmanager.hasplugin("django"):
        try:
            from django.urls import get_resolver
        except ImportError:
            return
        # Without Django settings (pytest -p no:django runs) there is nothing to import.
        with contextlib.suppress(Exception):
            get_resolver().url_patterns  # noqa: B018 - the import is the point


@pytest.fixture(autouse=True)
def _fresh_rate_limits(request):
    """Search rate limits count in the cache (ADR 0021); every test starts with none counted."""
    if request.config.pluginmanager.hasplugin("django"):
        with contextlib.suppress(Exception):
            from django.core.cache import cache

            cache.clear()


@pytest.fixture
def team():
    from probation.accounts.tests.factories import TeamFactory

    return TeamFactory()


@pytest.fixture
def officer_user(team):
    """A PO holding cases in ``team``."""
    from probation.accounts.tests.factories import StaffFactory, UserFactory

    return UserFactory(username="officer", role="practitioner", staff=StaffFactory(team=team, grade="PO"))


@pytest.fixture
def spo_user(team):
    from probation.accounts.tests.factories import StaffFactory, UserFactory

    return UserFactory(username="manager", role="senior_po", staff=StaffFactory(team=team, grade="SPO"))


@pytest.fixture
def admin_user():
    from probation.accounts.tests.factories import UserFactory

    return UserFactory(username="sysadmin", role="system_admin", staff=None)
