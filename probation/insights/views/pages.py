"""Local information pages (issue 17 items 3 and 4): an area's topics, each topic's charts and
tables, its CSV download, and the equality monitoring tables. They read only the nightly aggregates.

Deny by default: INSIGHTS_AREA_VIEW within the user's own area (probation.insights.selectors.areas);
INSIGHTS_EQUALITY_VIEW for the equality pages. Anything else is the page a missing area gets. Every
page view and download is audited (area codes only; there is no personal data to name)."""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views import View

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission, has_permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.csv_export import csv_write
from probation.core.errors import NotFound
from probation.insights.equality import NOT_YET_AVAILABLE, OUTCOMES
from probation.insights.models import AreaLevel
from probation.insights.presenters import equality as equality_presenters
from probation.insights.presenters import topics as presenters
from probation.insights.selectors import figures as selectors
from probation.insights.selectors.areas import Area, area_children, area_get, home_area


def _audit(request: AuthenticatedHttpRequest, action: AuditAction, area: Area, page: str) -> None:
    audit_record(
        actor=request.user,
        action=action,
        object_type="insights",
        object_id=f"{area.level}:{area.code}:{page}",
    )


def _may_see_equality(request: AuthenticatedHttpRequest, area: Area) -> bool:
    return has_permission(request.user, Permission.INSIGHTS_EQUALITY_VIEW) and area.level != AreaLevel.TEAM


class InsightsIndexView(View):
    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        home = home_area(request.user)
        if home is None:
            raise NotFound("insights")
        return redirect("insights:area", home.level, home.code)


class AreaView(View):
    def get(self, request: AuthenticatedHttpRequest, level: str, code: str) -> HttpResponse:
        area = area_get(user=request.user, level=level, code=code)
        _audit(request, AuditAction.VIEW, area, "area")
        context = {
            "area": area,
            "run": selectors.latest_run(),
            "topics": presenters.TOPICS.values(),
            "children": area_children(area),
            "equality": OUTCOMES if _may_see_equality(request, area) else {},
            "home": home_area(request.user),
        }
        return render(request, "insights/area.html", context)


def _topic(slug: str) -> presenters.Topic:
    topic = presenters.TOPICS.get(slug)
    if topic is None:
        raise Http404
    return topic


class TopicView(View):
    def get(self, request: AuthenticatedHttpRequest, level: str, code: str, topic: str) -> HttpResponse:
        area = area_get(user=request.user, level=level, code=code)
        chosen = _topic(topic)
        run = selectors.latest_run()
        figures = selectors.area_figures(area=area, measure=chosen.measure, run=run)
        _audit(request, AuditAction.VIEW, area, chosen.slug)
        page = presenters.topic_page(chosen, area, figures)
        return render(request, "insights/topic.html", {"page": page, "area": area, "run": run})


class TopicCsvView(View):
    def get(self, request: AuthenticatedHttpRequest, level: str, code: str, topic: str) -> HttpResponse:
        area = area_get(user=request.user, level=level, code=code)
        chosen = _topic(topic)
        figures = selectors.area_figures(area=area, measure=chosen.measure, run=selectors.latest_run())
        _audit(request, AuditAction.EXPORT, area, chosen.slug)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{chosen.slug}-{area.level}-{area.code}.csv"'
        csv_write(response, presenters.csv_rows(chosen, area, figures))
        return response


class EqualityView(View):
    def get(self, request: AuthenticatedHttpRequest, level: str, code: str, outcome: str) -> HttpResponse:
        area = area_get(user=request.user, level=level, code=code, equality=True)
        if outcome not in OUTCOMES:
            raise Http404
        counts = selectors.equality_counts(area=area, outcome=outcome, run=selectors.latest_run())
        _audit(request, AuditAction.VIEW, area, f"equality:{outcome}")
        context = {
            "area": area,
            "outcome": outcome,
            "outcome_label": OUTCOMES[outcome][0],
            "denominator": OUTCOMES[outcome][1],
            "outcomes": OUTCOMES,
            "not_yet": NOT_YET_AVAILABLE,
            "period": counts.period,
            "tables": equality_presenters.outcome_tables(counts),
        }
        return render(request, "insights/equality.html", context)
