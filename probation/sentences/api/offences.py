"""The offence type-ahead's search (issue 10 item 7): GET ``/offences/search?q=words or code`` answers
the offences that can be recorded, best first, as JSON. Reference data only (no case, no id), for
whoever may record sentences; others get the same 404 as a missing page."""

from django.http import Http404, JsonResponse
from django.views.decorators.http import require_GET

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission, has_permission
from probation.sentences.offences import offence_search

QUERY_MAX = 200  # longer is not a search: the type-ahead sends what the user is typing


@require_GET
def offence_search_api(request: AuthenticatedHttpRequest) -> JsonResponse:
    if not has_permission(request.user, Permission.SENTENCE_MANAGE):
        raise Http404
    query = request.GET.get("q", "")[:QUERY_MAX]
    return JsonResponse(
        {
            "query": query,
            "results": [
                {"code": o.ho_code, "description": o.description, "label": o.label}
                for o in offence_search(query)
            ],
        }
    )
