"""The predictor scores page of a case, its "Calculate scores" action and the criminal history form.

The person comes through the case-page shell (ROSH_VIEW, partner scope, limited access; denied
looks exactly like missing). Calculating and editing need ROSH_MANAGE in the case's managing PDU
(``can_change_case`` here, ``person_for_change`` in the services). Every page view is audited.
"""

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission
from probation.core.models import concrete_field
from probation.frontend.forms import GovukForm
from probation.people.policy import can_change_case
from probation.people.shell import CaseFormView, CasePageView
from probation.scores import selectors
from probation.scores.forms.history import CriminalHistoryForm, initial_from
from probation.scores.presenters import display, predictor_sections
from probation.scores.services.history import HISTORY, HISTORY_FIELDS, criminal_history_update
from probation.scores.services.scores import SCORE, scores_calculate, scores_check

SECTION = "scores"


class ScoresCaseView(CasePageView):
    section = SECTION
    template_name = "scores/case.html"

    def page_context(self) -> dict[str, Any]:
        person = self.person
        history = selectors.score_history(person=person)
        self.shown = [s.pk for scores in history.values() for s in scores]
        criminal_history = selectors.criminal_history_get(person=person)
        return {
            "sections": predictor_sections(history, scores_check(person=person)),
            "criminal_history": [
                (
                    str(concrete_field(criminal_history, name).verbose_name),
                    display(getattr(criminal_history, name)),
                )
                for name in HISTORY_FIELDS
            ]
            if criminal_history
            else None,
            "can_manage": can_change_case(self.request.user, person, Permission.ROSH_MANAGE),
        }

    def audit_object(self) -> tuple[str, object]:
        return SCORE, ""

    def audit_detail(self) -> dict[str, Any]:
        return {"shown": self.shown}

    def post(self, request: AuthenticatedHttpRequest, crn: str) -> HttpResponse:
        calculation = scores_calculate(actor=request.user, crn=self.person.crn)
        done = len(calculation.calculated)
        missing = len(calculation.outcomes) - done
        text = f"{done} predictor score{'s' if done != 1 else ''} calculated"
        if missing:
            text += f"; {missing} could not be calculated (see the reasons below)"
        messages.success(request, text)
        return redirect("scores:case", self.person.crn)


class CriminalHistoryView(CaseFormView):
    permission = Permission.ROSH_MANAGE
    form_class = CriminalHistoryForm
    title = "Criminal history for predictor scores"
    section = SECTION
    success_message = "Criminal history saved"

    def get_form(self, data: Any = None) -> GovukForm:
        return CriminalHistoryForm(
            data=data, initial=initial_from(selectors.criminal_history_get(person=self.person))
        )

    page = "criminal history"

    def audit_object(self) -> tuple[str, object]:
        history = selectors.criminal_history_get(person=self.person)
        return HISTORY, history.pk if history else ""

    def save(self, data: dict[str, Any]) -> None:
        criminal_history_update(
            actor=self.request.user,
            crn=self.person.crn,
            expected_version=data.pop("version", None),
            data=data,
        )

    def success_url(self) -> str:
        return reverse("scores:case", args=[self.person.crn])
