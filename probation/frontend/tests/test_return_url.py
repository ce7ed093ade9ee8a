"""Return URLs are followed only when they are same-site relative paths (no open redirect)."""

import pytest
from django.test import RequestFactory

from probation.frontend.return_url import is_safe_return_url, safe_return_url, with_next

ATTACKS = [
    "//evil.example",
    "//evil.example/contacts/outstanding",
    "https://evil.example",
    "http://evil.example/work",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "evil.example",
    "work",
    "https:///evil.example",
    "/work\n//evil.example",
    "/\t/evil.example",
    "",
]


@pytest.mark.parametrize("url", ATTACKS)
def test_another_site_or_a_non_path_is_refused(url):
    request = RequestFactory().get("/cases/X123456/contacts/1/outcome", {"next": url})

    assert is_safe_return_url(url) is False
    assert safe_return_url(request, "/cases/X123456/contacts") == "/cases/X123456/contacts"


@pytest.mark.parametrize("url", ["/contacts/outstanding", "/contacts/outstanding?page=2", "/work#outcomes"])
def test_a_same_site_path_is_followed(url):
    request = RequestFactory().get("/cases/X123456/contacts/1/outcome", {"next": url})

    assert safe_return_url(request, "/default") == url


def test_a_posted_next_wins_over_the_query_string():
    request = RequestFactory().post("/form?next=/work", {"next": "/contacts/outstanding"})

    assert safe_return_url(request, "/default") == "/contacts/outstanding"


def test_with_next_adds_the_return_path_to_the_query_string():
    assert with_next("/cases/X1/contacts/2/outcome", "/contacts/outstanding?page=2") == (
        "/cases/X1/contacts/2/outcome?next=%2Fcontacts%2Foutstanding%3Fpage%3D2"
    )
    assert with_next("/form?a=1", "/work") == "/form?a=1&next=%2Fwork"


@pytest.mark.parametrize("url", ATTACKS)
def test_with_next_leaves_out_an_unsafe_return_path(url):
    assert with_next("/form", url) == "/form"


@pytest.mark.parametrize(
    "url", ["/cases/A123456/contacts/7/outcome", "/a?page=2", "/a#top", "/a?x=1#top", "/"]
)
@pytest.mark.parametrize(
    "next_url", ["/contacts/outstanding?page=2&sort=-date", "/work", "", "//evil.example"]
)
def test_with_next_is_the_url_with_next_added(url, next_url):
    """The quick path for a plain path gives what splitting and joining the URL gives."""
    from urllib.parse import urlencode, urlsplit, urlunsplit

    parts = urlsplit(url)
    query = (f"{parts.query}&" if parts.query else "") + urlencode({"next": next_url})
    expected = urlunsplit(parts._replace(query=query)) if is_safe_return_url(next_url) else url

    assert with_next(url, next_url) == expected
