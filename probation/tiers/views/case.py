"""The tier page of a case: the current tier, why, the inputs used and the history.

Like other case pages: the person comes through people's ``load_case`` (TIER_VIEW, partner scope,
limited access; denied looks exactly like missing) and every view is audited (section "tier").
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import View

from probation.accounts.policy import Permission
from probation.people.services.person import case_view_record
from probation.people.views.case import case_context, load_case
from probation.tiers import presenters, selectors

SECTION = "tier"  # the case sub-navigation key


class TierCaseView(View):
    def get(self, request: HttpRequest, crn: str) -> HttpResponse:
        person = load_case(request, crn, Permission.TIER_VIEW)
        case_view_record(actor=request.user, person=person, section=SECTION)
        history = selectors.tier_history(person=person)
        context = case_context(request, person, SECTION) | {
            "current": presenters.tier_summary(history[0]) if history else None,
            "not_yet_recorded": presenters.missing_scores(history[0] if history else None),
            "history": presenters.history_rows(history),
        }
        return render(request, "tiers/case.html", context)
