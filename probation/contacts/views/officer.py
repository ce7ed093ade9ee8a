"""The signed-in officer's own pages: the diary by week, its iCalendar feed, and the appointments
that need an outcome. Limited-access cases show only as "Restricted" with the CRN (people policy)."""

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views import View

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.models import Staff
from probation.accounts.policy import Permission, has_permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.contacts import feeds, selectors
from probation.contacts.presenters import officer_row
from probation.contacts.services.feeds import diary_feed_link_create, diary_feed_link_revoke
from probation.contacts.times import clock, london_datetime
from probation.core.clock import now, today_uk
from probation.frontend.forms.dates import MAX_YEAR, MIN_YEAR


def _own_staff(request: AuthenticatedHttpRequest) -> Staff:
    if not has_permission(request.user, Permission.DIARY_OWN) or request.user.staff is None:
        raise Http404
    return request.user.staff


def _monday(value: str) -> dt.date:
    """The Monday of the week asked for; a week that is not a date, or is outside the years a date
    field accepts (whose next and previous weeks would overflow `date`), shows this week."""
    try:
        day = dt.date.fromisoformat(value) if value else today_uk()
    except ValueError:
        day = today_uk()
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        day = today_uk()
    return day - dt.timedelta(days=day.weekday())


class DiaryView(View):
    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        staff = _own_staff(request)
        monday = _monday(request.GET.get("week", ""))
        start, end = (
            london_datetime(monday, dt.time()),
            london_datetime(monday + dt.timedelta(days=7), dt.time()),
        )
        contacts = selectors.diary_list(user=request.user, staff=staff, start=start, end=end)
        audit_record(
            actor=request.user,
            action=AuditAction.VIEW,
            object_type="diary",
            object_id=staff.code,
            detail={"week": monday.isoformat(), "shown": [c.pk for c in contacts]},
        )
        days = []
        for offset in range(7):
            day = monday + dt.timedelta(days=offset)
            entries = [
                (clock(c.starts_at), officer_row(c))
                for c in contacts
                if c.starts_at.astimezone(start.tzinfo).date() == day
            ]
            days.append({"date": day, "entries": entries})
        context: dict[str, Any] = {
            "staff": staff,
            "monday": monday,
            "sunday": monday + dt.timedelta(days=6),
            "days": days,
            "previous": f"?week={(monday - dt.timedelta(days=7)).isoformat()}",
            "next": f"?week={(monday + dt.timedelta(days=7)).isoformat()}",
            "feed_link": selectors.feed_link_get(staff=staff),
        }
        return render(request, "contacts/diary.html", context)


class DiaryFeedLinkView(View):
    """Make a new calendar link (shown once, on this response only) or turn the link off."""

    def post(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        staff = _own_staff(request)
        if request.POST.get("action") == "turn-off":
            diary_feed_link_revoke(actor=request.user, staff=staff)
            return redirect("contacts:diary")
        token = diary_feed_link_create(actor=request.user, staff=staff)
        feed_url = request.build_absolute_uri(reverse("contacts:diary-feed", args=[token]))
        response = render(request, "contacts/diary_feed_link.html", {"feed_url": feed_url})
        response["Cache-Control"] = "private, no-store"
        return response


@method_decorator(login_not_required, name="dispatch")
class DiaryFeedView(View):
    """No session: the link's secret is the credential. Anything else is the same 404."""

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        user = selectors.feed_user_get(token_hash=feeds.feed_token_hash(token))
        if (
            user is None
            or user.staff is None
            or not user.staff.active
            or not has_permission(user, Permission.DIARY_OWN)
        ):
            raise Http404
        staff = user.staff
        at = now()
        contacts = selectors.diary_list(
            user=user,
            staff=staff,
            start=at - dt.timedelta(days=feeds.FEED_DAYS_BACK),
            end=at + dt.timedelta(days=feeds.FEED_DAYS_AHEAD),
        )
        audit_record(
            actor=None,
            username=f"diary-feed:{user.username}",
            action=AuditAction.VIEW,
            object_type="diary_feed",
            object_id=staff.code,
            detail={"shown": len(contacts)},
        )
        body = feeds.feed_calendar(staff, contacts, generated_at=at)
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Cache-Control"] = "private, no-store"
        return response


class OutstandingView(View):
    """Past appointments without an outcome (oldest first) and failed-to-attends awaiting evidence."""

    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        staff = _own_staff(request)
        today = today_uk()
        outstanding = Paginator(selectors.outstanding_for_officer(staff, now()), settings.PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        awaiting = list(selectors.awaiting_evidence_for_officer(staff, today)[:100])
        shown = selectors.with_access(user=request.user, contacts=[*outstanding.object_list, *awaiting])
        audit_record(
            actor=request.user,
            action=AuditAction.VIEW,
            object_type="contact",
            object_id=staff.code,
            detail={"list": "outstanding", "page": outstanding.number, "shown": [c.pk for c in shown]},
        )
        here = request.get_full_path()
        context = {
            "page": outstanding,
            "rows": [officer_row(c, return_to=here) for c in outstanding.object_list],
            "awaiting": [officer_row(c, today=today, action="decide", return_to=here) for c in awaiting],
        }
        return render(request, "contacts/outstanding.html", context)
