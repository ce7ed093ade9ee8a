"""Guarding people search (ADR 0021): per-user rate limits (the page and its API share one
budget), an audit of what was asked, and alerts to administrators when a user looks to be probing
for people they may not see.

Counters live in Django's cache through django-ratelimit, one fixed window per rate. An alert is an
audit row (action "alert", which the audit search page filters for) and a WARNING log line naming
only the user id and the reason, so no personal data reaches the logs.
"""

import logging
import math
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django_ratelimit.core import get_usage

from probation.accounts.http import AuthenticatedHttpRequest
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.people.search import SearchResult

logger = logging.getLogger(__name__)

# Defaults; each can be overridden in settings. Generous for an officer at work, slow for a script.
SEARCH_RATES = ("30/m", "300/h")
# An alert is raised when a user reaches either count within the window.
ALERT_RATE_LIMITED = "10/h"  # searches refused by the rate limit
ALERT_DENIED_ONLY = "10/h"  # searches whose every result is a case the user may not see


@dataclass(frozen=True)
class SearchRefused:
    retry_after: int  # seconds until the user's window ends

    @property
    def message(self) -> str:
        minutes = math.ceil(self.retry_after / 60)
        return f"You have made too many searches. Try again in {minutes} minute{'s' if minutes > 1 else ''}."


def search_rate_limit(request: AuthenticatedHttpRequest) -> SearchRefused | None:
    """Count this search against the user's budget. Returns how long to wait if it is over; each
    refusal counts towards a probing alert."""
    refused: SearchRefused | None = None
    for rate in getattr(settings, "SEARCH_RATES", SEARCH_RATES):
        usage = get_usage(request, group="people.search", key="user", rate=rate, increment=True)
        if usage is not None and usage["should_limit"]:
            wait = max(usage["time_left"], 1)
            refused = SearchRefused(retry_after=max(wait, refused.retry_after if refused else 0))
    if refused is not None:
        _count_towards_alert(
            request, reason="rate_limited", rate=getattr(settings, "ALERT_RATE_LIMITED", ALERT_RATE_LIMITED)
        )
    return refused


def search_audit_record(
    request: AuthenticatedHttpRequest,
    results: list[SearchResult],
    *,
    query: str,
    date_of_birth: date | None = None,
    api: bool = False,
) -> None:
    """Audit what was asked and how many results the user may not open. A search that found only
    such cases (by CRN or PNC number) counts towards a probing alert: someone is walking
    identifiers."""
    denied = sum(1 for r in results if r.person.lao_excluded or r.person.lao_restricted)
    detail: dict[str, Any] = {
        "query": query,
        "date_of_birth": date_of_birth.isoformat() if date_of_birth else None,
        "results": len(results),
        "restricted_results": denied,
    }
    if api:
        detail["api"] = True
    audit_record(actor=request.user, action=AuditAction.SEARCH, object_type="person", detail=detail)
    if results and denied == len(results):
        _count_towards_alert(
            request,
            reason="denied_only_matches",
            rate=getattr(settings, "ALERT_DENIED_ONLY", ALERT_DENIED_ONLY),
        )


def _count_towards_alert(request: AuthenticatedHttpRequest, *, reason: str, rate: str) -> None:
    usage = get_usage(request, group=f"people.search.alert.{reason}", key="user", rate=rate, increment=True)
    # Exactly at the threshold, so one alert per user, reason and window.
    if usage is not None and usage["count"] == usage["limit"]:
        probing_alert_raise(request, reason=reason, count=usage["count"], rate=rate)


def probing_alert_raise(request: AuthenticatedHttpRequest, *, reason: str, count: int, rate: str) -> None:
    audit_record(
        actor=request.user,
        action=AuditAction.ALERT,
        object_type="search",
        object_id=reason,
        detail={"reason": reason, "count": count, "rate": rate},
    )
    logger.warning("Search probing alert: %s, %d within %s, user id %s", reason, count, rate, request.user.pk)
