from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from probation.audit.context import current_page
from probation.audit.services import AuditWriteError


class AuditContextMiddleware:
    """Records the page each audited action came from, and fails the request if the audit cannot
    be written (the action must not happen unrecorded)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = current_page.set(request.path[:200])
        try:
            return self.get_response(request)
        finally:
            current_page.reset(token)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, AuditWriteError):
            response = TemplateResponse(request, "frontend/errors/audit_unavailable.html", status=503)
            return response.render()
        return None
