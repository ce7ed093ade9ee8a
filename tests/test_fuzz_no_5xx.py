"""Property-based fuzzing (issue 9 item 6): every form page a permitted officer can open, and the JSON
API endpoints, answer hostile values (huge years, NULs, very long strings, unicode, negative numbers,
empty) with anything but a 5xx. Bounded so the whole file runs in well under a minute in CI."""

import json
import re
from collections.abc import Iterator

import pytest
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from probation.people.tests.factories import PersonFactory
from probation.rules.predictors import PREDICTORS
from probation.rules.predictors.tests.test_api import PAYLOADS

pytestmark = pytest.mark.django_db

HOSTILE = st.one_of(
    st.sampled_from(
        [
            "",
            "99999999999",
            "-99999999999",
            "0",
            "-1",
            "\x00",
            "a\x00b",
            "x" * 5000,
            "9999-12-31",
            "0001-01-01",
        ]
    ),
    st.integers(min_value=-(10**15), max_value=10**15).map(str),
    st.text(max_size=40),
)
JSON_HOSTILE = st.one_of(
    HOSTILE,
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False),
    st.booleans(),
    st.none(),
    st.lists(st.integers(), max_size=3),
)
FUZZ = settings(max_examples=3, deadline=None, database=None, suppress_health_check=list(HealthCheck))
# Pages that end the session or only redirect: posting to them says nothing about bad input.
SKIPPED = {"accounts:logout"}
FORM = re.compile(r"<form\b[^>]*>.*?</form>", re.S | re.I)
FIELD = re.compile(r"<(?:input|select|textarea)\b[^>]*\bname=\"([^\"]+)\"", re.I)


def _named_urls(resolver: URLResolver, namespace: str = "") -> Iterator[tuple[str, set[str]]]:
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _named_urls(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", set(entry.pattern.converters)


def _form_pages(client: Client, crn: str) -> list[tuple[str, str, list[str]]]:
    """(url, method, field names) of each form on each page that takes no argument or only a CRN."""
    pages = []
    for name, arguments in sorted(_named_urls(get_resolver())):
        if name in SKIPPED or name.startswith("admin:") or arguments - {"crn"}:
            continue
        try:
            url = reverse(name, kwargs={"crn": crn} if arguments else {})
        except NoReverseMatch:  # a regular-expression route with unnamed groups
            continue
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        for form in FORM.findall(response.content.decode()):
            method = "post" if re.search(r"method=\"post\"", form, re.I) else "get"
            fields = sorted({field for field in FIELD.findall(form) if field != "csrfmiddlewaretoken"})
            if fields:
                pages.append((url, method, fields))
    return pages


@pytest.fixture
def officer_client(officer_user) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(officer_user)
    return client


def test_no_form_page_gives_a_server_error(officer_client: Client, officer_user) -> None:
    person = PersonFactory(officer=officer_user.staff)
    pages = _form_pages(officer_client, person.crn)
    assert len(pages) > 20, "the walk should find the case and calculator forms"
    for url, method, fields in pages:
        _fuzz_form(officer_client, url, method, fields)


def _fuzz_form(client: Client, url: str, method: str, fields: list[str]) -> None:
    # The probe's findings first, whatever Hypothesis draws: a huge year in each date input and an
    # over-long value in every other field.
    probe = {field: "99999999999" if field[-2:] in ("_0", "_1", "_2") else "x" * 300 for field in fields}

    @FUZZ
    @given(values=st.fixed_dictionaries(dict.fromkeys(fields, HOSTILE)))
    @example(values=probe)
    def submit(values: dict[str, str]) -> None:
        response = getattr(client, method)(url, values)
        assert response.status_code < 500, (method, url, values)

    submit()


@given(q=HOSTILE)
@FUZZ
def test_the_people_search_api_gives_no_server_error(officer_client: Client, q: str) -> None:
    response = officer_client.get(reverse("people:api-search"), {"q": q})
    assert response.status_code < 500


@pytest.mark.parametrize("name", list(PREDICTORS))
def test_the_predictor_api_gives_no_server_error(officer_client: Client, name: str) -> None:
    url = reverse("risk:api-predictor", args=[name])

    @settings(FUZZ, max_examples=8)
    @given(changes=st.dictionaries(st.sampled_from([*PAYLOADS[name], "x\x00"]), JSON_HOSTILE, max_size=3))
    def post(changes: dict[str, object]) -> None:
        body = json.dumps({**PAYLOADS[name], **changes})
        response = officer_client.post(url, body, content_type="application/json")
        assert response.status_code < 500, changes

    post()
