"""The senior PO's decisions page and the unallocated cases list.

Deny by default: WORKLIST_TEAM (and a staff record) for the decisions page, CASE_ALLOCATE (and a staff
record) for the unallocated list; anyone else gets the same 404 as a missing page. Each page is a view
of many people's records, so each writes one audit entry (CRNs shown, never names)."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views import View

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.models import Staff, User
from probation.accounts.policy import Permission, has_permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import now, today_uk
from probation.reports.selectors.requests import is_court_manager
from probation.worklists.decisions import selectors
from probation.worklists.decisions.presenters import (
    DecisionSection,
    decision_sections,
    unallocated_section,
)


def _staff_with(user: User, permission: Permission) -> Staff:
    if not has_permission(user, permission) or user.staff is None:
        raise Http404
    return user.staff


def _audit(user: User, object_id: str, sections: list[DecisionSection]) -> None:
    audit_record(
        actor=user,
        action=AuditAction.VIEW,
        object_type="decisions",
        object_id=object_id,
        detail={
            "sections": {s.key: s.count for s in sections},
            "crns": sorted({row.crn for s in sections for row in s.rows if row.crn}),
        },
    )


class DecisionsView(View):
    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        team = _staff_with(request.user, Permission.WORKLIST_TEAM).team
        today = today_uk()
        decisions = selectors.team_decisions(user=request.user, team=team, today=today, now=now())
        sections = decision_sections(decisions)
        unallocated = unallocated_section(decisions.unallocated, today=today)
        _audit(request.user, team.code, [*sections, unallocated])
        return render(
            request,
            "worklists/decisions.html",
            {
                "team": team,
                "sections": sections,
                "unallocated": unallocated,
                "total": sum(s.count for s in sections) + unallocated.count,
                # The court team's report requests (to allocate authors) and court performance.
                "court_reports": is_court_manager(request.user),
            },
        )


class UnallocatedView(View):
    """Every case of the user's PDU waiting for an officer; ``?team=mine`` narrows it to the user's team
    (with the PDU's cases that have no team yet)."""

    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        staff = _staff_with(request.user, Permission.CASE_ALLOCATE)
        team, pdu = staff.team, staff.team.pdu
        mine = request.GET.get("team") == "mine"
        today = today_uk()
        found = selectors.unallocated_list(
            user=request.user, team=team if mine else None, pdu=pdu, today=today
        )
        section = unallocated_section(found, today=today)
        _audit(request.user, team.code if mine else pdu.code, [section])
        return render(
            request,
            "worklists/unallocated.html",
            {
                "team": team,
                "pdu": pdu,
                "mine": mine,
                "section": section,
                "limit": selectors.UNALLOCATED_LIMIT,
            },
        )
