"""Return URLs: a list page sends its own address as ``?next=`` to a form, and the form sends the user
back there after saving. Only a same-site relative path ("/contacts/outstanding?page=2") is followed;
anything else (another site, "//evil.example", a scheme, a backslash trick) falls back to the form's
own default, so the parameter cannot be used to send a user off the service (an open redirect).
"""

from functools import lru_cache
from urllib.parse import urlencode, urlsplit, urlunsplit

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme

NEXT = "next"


def is_safe_return_url(url: str) -> bool:
    """True only for a relative path on this site: it starts with one "/", names no host or scheme."""
    if not url.startswith("/") or url.startswith(("//", "/\\")):
        return False
    if any(char.isspace() or ord(char) < 32 or ord(char) == 127 for char in url):
        return False  # browsers drop tabs and newlines, which can turn "/\t/host" into "//host"
    # With no allowed hosts, only URLs without a host (and without a scheme) pass Django's check, which
    # also refuses control characters and the browser quirks it knows of.
    return url_has_allowed_host_and_scheme(url, allowed_hosts=None)


def safe_return_url(request: HttpRequest, default: str) -> str:
    """The ``next`` the request carries (form field first, then query string) if it is safe, else
    ``default``."""
    candidate = request.POST.get(NEXT) or request.GET.get(NEXT) or ""
    return candidate if is_safe_return_url(candidate) else default


def with_next(url: str, next_url: str) -> str:
    """``url`` with ``?next=`` (or ``&next=``) set to ``next_url``; an unsafe or empty ``next_url``
    leaves ``url`` unchanged."""
    query = next_query(next_url)
    if not query:
        return url
    if "?" not in url and "#" not in url:  # a reversed path: the common case, a row's link
        return f"{url}?{query}"
    parts = urlsplit(url)
    before = f"{parts.query}&" if parts.query else ""
    return urlunsplit(parts._replace(query=before + query))


@lru_cache(maxsize=256)
def next_query(next_url: str) -> str:
    """``next=…`` for ``next_url`` (to append to many URLs without a query string), or "" if it is
    unsafe or empty: what ``with_next`` adds. Cached: a list page gives every row the same one."""
    return urlencode({NEXT: next_url}) if is_safe_return_url(next_url) else ""
