"""Every URL that takes a CRN or an object id is in some app's access matrix, so no page can skip the
anonymous / wrong role / other PDU / excluded / restricted / permitted checks.

Each ``probation/<app>/tests/test_*access*.py`` module declares the URL names its matrix covers as
``MATRIX_URLS`` (see ``probation.people.tests.access``). A new page that takes a ``crn``, a ``pk``,
an ``*_id`` or an ``int`` fails here until a matrix covers it."""

import importlib
import pkgutil

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import IntConverter

import probation

# Namespaces whose URLs need no case access matrix, and why.
EXEMPT_NAMESPACES = {
    "admin": "the Django admin site: its own staff login, and no case data is registered in it",
}


def _patterns(resolvers, namespace="", prefix=""):
    """(URL name, route, converters) for every pattern, resolvers included."""
    for entry in resolvers:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}:{entry.namespace}" if namespace and entry.namespace else entry.namespace
            yield from _patterns(entry.url_patterns, inner or namespace, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            yield name, prefix + str(entry.pattern), getattr(entry.pattern, "converters", {})


def _takes_a_case_or_object(converters) -> bool:
    return any(
        key in ("crn", "pk", "id") or key.endswith("_id") or isinstance(converter, IntConverter)
        for key, converter in converters.items()
    )


def _matrices() -> dict[str, list[str]]:
    """{module: MATRIX_URLS} for every access test module in the package."""
    found = {}
    for module in pkgutil.walk_packages(probation.__path__, "probation."):
        last = module.name.rsplit(".", 1)[-1]
        if ".tests." in module.name and last.startswith("test_") and "access" in last:
            urls = getattr(importlib.import_module(module.name), "MATRIX_URLS", None)
            if urls is not None:
                found[module.name] = list(urls)
    return found


def test_every_url_taking_a_crn_or_an_object_id_is_in_an_access_matrix():
    covered = {name for urls in _matrices().values() for name in urls}
    needing = {
        (name or route)
        for name, route, converters in _patterns(get_resolver().url_patterns)
        if _takes_a_case_or_object(converters) and (name or "").split(":")[0] not in EXEMPT_NAMESPACES
    }

    uncovered = sorted(needing - covered)

    assert not uncovered, f"URLs taking a CRN or an object id in no MATRIX_URLS: {uncovered}"


def test_every_url_a_matrix_names_exists():
    names = {name for name, _, _ in _patterns(get_resolver().url_patterns)}

    stale = {module: sorted(set(urls) - names) for module, urls in _matrices().items()}

    stale = {module: urls for module, urls in stale.items() if urls}
    assert not stale, f"MATRIX_URLS naming no URL: {stale}"


@pytest.mark.parametrize("app", ["people", "sentences", "contacts", "risk", "enforcement"])
def test_the_big_apps_each_declare_a_matrix(app):
    assert any(module.startswith(f"probation.{app}.") for module in _matrices())
