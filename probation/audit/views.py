from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission, has_permission
from probation.audit.models import AuditAction
from probation.audit.selectors import audit_event_list

PAGE_SIZE = 50


def audit_search(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not has_permission(request.user, Permission.AUDIT_VIEW):
        raise Http404
    username = request.GET.get("username", "")[:150]
    crn = request.GET.get("crn", "")[:7]
    action = request.GET.get("action", "")
    action = action if action in AuditAction.values else ""
    events = audit_event_list(user=request.user, username=username, crn=crn, action=action)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "audit/search.html",
        {"page": page, "username": username, "crn": crn, "action": action, "actions": AuditAction.choices},
    )
