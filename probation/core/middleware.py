from collections.abc import Callable

from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse, QueryDict

from probation.core.case_refusals import request_refusal_record
from probation.core.errors import NotFound, PermissionDenied


class NoStoreMiddleware:
    """Pages for signed-in users hold personal data: never let a browser or proxy cache them."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.user.is_authenticated and not request.path.startswith("/static/"):
            response["Cache-Control"] = "no-store, private"
        return response


class NotFoundMiddleware:
    """The one place a refusal becomes a 404: a selector's or service's ``NotFound`` (missing *or*
    not visible to this user) and ``PermissionDenied`` (no role for this action on a visible case)
    give the same page as a URL that does not exist, so a denied user cannot tell which it was.

    Every such refusal of a signed-in user is audited first (``core/case_refusals.py``): the CRN and
    ids the URL asked for, whether the case exists or not, so a probe leaves a trace."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> None:
        if isinstance(exception, NotFound | PermissionDenied):
            if request.user.is_authenticated:
                request_refusal_record(request)
            raise Http404 from None


class BadInputMiddleware:
    """Refuse input no page can use before any view or query sees it (issue 9): a NUL byte in the
    path is a page that cannot exist (404); one in a query or form value is a bad request (400).
    PostgreSQL rejects NUL in text, so without this a lookup by such a CRN or search term was a 500."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path:
            raise Http404
        if _has_nul(request.GET) or (request.method == "POST" and _has_nul(request.POST)):
            raise SuspiciousOperation("A NUL character in the query or form")
        return self.get_response(request)


def _has_nul(data: QueryDict) -> bool:
    return any("\x00" in key or any("\x00" in value for value in values) for key, values in data.lists())
