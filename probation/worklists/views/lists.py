"""The officer's "My work" page, the team manager's view and the drill-down to one officer.

Deny by default: WORKLIST_OWN (and a staff record) for /work, WORKLIST_TEAM for the team pages;
anyone else, and any officer outside the manager's team, gets the same 404 as a missing page. Each
view is a view of many people's records, so each writes one audit entry (CRNs shown, never names).
"""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views import View

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.models import Staff, User
from probation.accounts.policy import Permission, has_permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import now, today_uk
from probation.worklists import selectors
from probation.worklists.drug_tests import drug_test_decision_rows
from probation.worklists.parole import parole_rows
from probation.worklists.plans import plan_rows
from probation.worklists.presenters import team_rows, worklist_sections
from probation.worklists.referrals import referral_rows
from probation.worklists.reports import report_rows


def _staff_with(user: User, permission: Permission) -> Staff:
    if not has_permission(user, permission) or user.staff is None:
        raise Http404
    return user.staff


def _worklist_page(request: AuthenticatedHttpRequest, officer: Staff, *, own: bool) -> HttpResponse:
    worklist = selectors.worklist_for_officer(user=request.user, officer=officer, today=today_uk(), now=now())
    # On their own list an officer records outcomes straight from a row and comes back here.
    sections = worklist_sections(worklist, return_to=request.get_full_path() if own else "")
    reports = report_rows(user=request.user, officer=officer, today=worklist.today)
    plans = plan_rows(user=request.user, officer=officer, today=worklist.today)
    parole = parole_rows(user=request.user, officer=officer, today=worklist.today)
    referrals = referral_rows(user=request.user, officer=officer)
    drug_tests = drug_test_decision_rows(user=request.user, officer=officer)
    audit_record(
        actor=request.user,
        action=AuditAction.VIEW,
        object_type="worklist",
        object_id=officer.code,
        detail={
            "sections": {s.key: s.count for s in sections},
            "crns": sorted(
                {row.crn for s in sections for row in s.rows if row.crn}
                | {r.crn for r in reports}
                | {p.crn for p in plans}
                | {p.crn for p in parole}
                | {r.crn for r in referrals}
                | {d.crn for d in drug_tests}
            ),
            "report_requests": [r.id for r in reports],
        },
    )
    title = "My work" if own else f"{officer.name}’s work"
    return render(
        request,
        "worklists/officer.html",
        {
            "title": title,
            "own": own,
            "officer": officer,
            "sections": sections,
            "reviews_overdue": worklist.reviews_overdue,
            "reviews_due": worklist.reviews_due,
            "mappa_actions": worklist.mappa_actions,
            "mappa_overdue": worklist.mappa_overdue,
            # The lists behind these sections are the signed-in officer's own pages.
            "show_mappa": has_permission(request.user, Permission.MAPPA_VIEW),
            "section_limit": selectors.SECTION_LIMIT,
            "reports": reports,
            "reports_late": sum(1 for r in reports if r.tag and r.tag.label == "Late"),
            "plans": plans,
            "plans_overdue": sum(1 for p in plans if p.overdue),
            "parole": parole,
            "parole_overdue": sum(1 for p in parole if p.overdue),
            "referrals": referrals,
            "drug_tests": drug_tests,
        },
    )


class MyWorkView(View):
    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        return _worklist_page(request, _staff_with(request.user, Permission.WORKLIST_OWN), own=True)


class TeamWorkView(View):
    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        team = _staff_with(request.user, Permission.WORKLIST_TEAM).team
        summary = selectors.team_summary(team=team, today=today_uk(), now=now())
        headings, rows, totals = team_rows(summary)
        audit_record(
            actor=request.user,
            action=AuditAction.VIEW,
            object_type="worklist",
            object_id=team.code,
            detail={
                "sections": {
                    key: total
                    for (key, _), (total, _) in zip(selectors.section_titles(), totals, strict=True)
                },
                "officers": [row.code for row in rows],
            },
        )
        return render(
            request,
            "worklists/team.html",
            {"team": team, "headings": headings, "rows": rows, "totals": totals},
        )


class OfficerWorkView(View):
    """A team manager's drill-down to one officer of their own team."""

    def get(self, request: AuthenticatedHttpRequest, staff_code: str) -> HttpResponse:
        team = _staff_with(request.user, Permission.WORKLIST_TEAM).team
        officer = selectors.team_officer_get(team=team, code=staff_code)
        if officer is None:
            raise Http404
        return _worklist_page(request, officer, own=False)
