"""The tier page of a case: the current tier, why, the inputs used and the history.

Like other case pages: the person comes through the case-page shell (TIER_VIEW, partner scope,
limited access; denied looks exactly like missing) and every view is audited (section "tier").
"""

from typing import Any

from probation.people.shell import CasePageView
from probation.tiers import presenters, selectors

SECTION = "tier"  # the case sub-navigation key


class TierCaseView(CasePageView):
    section = SECTION
    template_name = "tiers/case.html"

    def page_context(self) -> dict[str, Any]:
        history = selectors.tier_history(person=self.person)
        return {
            "current": presenters.tier_summary(history[0]) if history else None,
            "not_yet_recorded": presenters.missing_scores(history[0] if history else None),
            "history": presenters.history_rows(history),
        }
