"""Read-only JSON API (session authentication), through the same policy and audit as the pages."""

from django.http import Http404, JsonResponse
from django.views.decorators.http import require_GET

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission, has_permission
from probation.core.case_refusals import request_refusal_record
from probation.core.errors import NotFound
from probation.people import selectors
from probation.people.presenters import person_row
from probation.people.search import person_search
from probation.people.search_guard import search_audit_record, search_rate_limit
from probation.people.services.person import case_view_record


def _not_found(request: AuthenticatedHttpRequest) -> JsonResponse:
    """A CRN that is missing or refused: audited as a refusal, answered alike."""
    request_refusal_record(request)
    return JsonResponse({"error": "not_found"}, status=404)


@require_GET
def person_detail(request: AuthenticatedHttpRequest, crn: str) -> JsonResponse:
    if not has_permission(request.user, Permission.CASE_VIEW):
        return _not_found(request)
    try:
        person = selectors.person_get(user=request.user, crn=crn)
    except NotFound:
        return _not_found(request)
    case_view_record(actor=request.user, person=person, section="api")
    main_addresses = getattr(person, "main_addresses", [])  # prefetched by person_get
    main = main_addresses[0] if main_addresses else None
    return JsonResponse(
        {
            "crn": person.crn,
            "first_name": person.first_name,
            "middle_names": person.middle_names,
            "surname": person.surname,
            "date_of_birth": person.date_of_birth.isoformat(),
            "gender": person.gender,
            "pnc_number": person.pnc_number,
            "aliases": [
                {
                    "first_name": a.first_name,
                    "surname": a.surname,
                    "date_of_birth": a.date_of_birth.isoformat() if a.date_of_birth else None,
                }
                for a in person.aliases.all()
            ],
            "main_address": {"lines": main.lines, "type": main.address_type} if main else None,
            "officer": person.officer.name if person.officer is not None else None,
            "team": person.team.code if person.team is not None else None,
        }
    )


@require_GET
def person_search_api(request: AuthenticatedHttpRequest) -> JsonResponse:
    if not has_permission(request.user, Permission.CASE_SEARCH):
        raise Http404
    refused = search_rate_limit(request)
    if refused is not None:
        response = JsonResponse(
            {"error": "rate_limited", "message": refused.message, "retry_after": refused.retry_after},
            status=429,
        )
        response["Retry-After"] = str(refused.retry_after)
        return response
    text = request.GET.get("q", "")[:100]
    results = person_search(user=request.user, text=text)
    search_audit_record(request, results, query=text, api=True)
    rows = [person_row(r.person, alias=r.matched_alias) for r in results]
    return JsonResponse(
        {
            "results": [
                {"crn": row.crn, "restricted": True}
                if row.restricted
                else {
                    "crn": row.crn,
                    "restricted": False,
                    "name": row.name,
                    "date_of_birth": row.date_of_birth.isoformat() if row.date_of_birth else None,
                    "matched_alias": row.alias or None,
                }
                for row in rows
            ]
        }
    )
