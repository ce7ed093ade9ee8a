"""Fixtures shared by every app's tests. Imports are inside fixtures so the pure-rule tests
(predictors, tiering, enforcement) also run without Django: pytest -p no:django."""

import contextlib

import pytest


def _connect_as(role, django_db_blocker):
    """Reconnect the default database as the owner or app role of ADR 0020 (outside any test)."""
    from django.conf import settings
    from django.db import connection

    with django_db_blocker.unblock():
        connection.close()
    connection.settings_dict.update(settings.DATABASE_ROLES[role])


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings, django_db_blocker):
    """With two PostgreSQL roles (DATABASE_MIGRATION_URL set, ADR 0020), the owner role creates and
    migrates the test database (whatever its name, per xdist worker too) ..."""
    from django.conf import settings

    if settings.DATABASE_ROLES:
        _connect_as("owner", django_db_blocker)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """... then every test connects as the service's role, which may only append to the audit; the
    owner drops the database at the end."""
    from django.conf import settings

    if not settings.DATABASE_ROLES:
        yield
        return
    _connect_as("app", django_db_blocker)
    yield
    _connect_as("owner", django_db_blocker)


@pytest.fixture(scope="module")
def database_owner(django_db_setup, django_db_blocker):
    """For a test module that needs the owner role (a demo data generator's DDL and TRUNCATE, an attack
    on the audit by the owner): its tests connect as the owner. No-op with one role."""
    from django.conf import settings

    if not settings.DATABASE_ROLES:
        yield
        return
    _connect_as("owner", django_db_blocker)
    yield
    _connect_as("app", django_db_blocker)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Under ``pytest -n N --dist loadgroup`` (scripts/test.sh) each test module runs whole on one
    worker, so module-scoped data is built once, and every browser journey runs on the same worker,
    so only one live server and one demo database are built."""
    if not config.pluginmanager.hasplugin("xdist"):
        return
    for item in items:
        group = "browser" if item.get_closest_marker("browser") else item.nodeid.split("::")[0]
        item.add_marker(pytest.mark.xdist_group(group))


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
def court_user(team):
    """A court officer in ``team``'s PDU (the court team records report requests)."""
    from probation.accounts.tests.factories import StaffFactory, UserFactory

    return UserFactory(username="courtteam", role="court_officer", staff=StaffFactory(team=team, grade="CO"))


@pytest.fixture
def admin_user():
    from probation.accounts.tests.factories import UserFactory

    return UserFactory(username="sysadmin", role="system_admin", staff=None)


@pytest.fixture
def case(officer_user):
    """A case managed by ``officer_user``; a test module may define its own ``case``."""
    from probation.people.tests.factories import PersonFactory

    return PersonFactory(officer=officer_user.staff)
