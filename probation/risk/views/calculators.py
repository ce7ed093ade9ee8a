"""Standalone predictor calculators (issue 4): a page per predictor, used at court before a case
record exists. No person is involved and nothing is stored; each calculation is audited without
its inputs, which may identify someone (ADR 0007)."""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.views import View

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.models import User
from probation.accounts.policy import Permission, has_permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.risk.forms.calculators import CALCULATORS, Calculator, CalculatorForm
from probation.risk.presenters.calculators import (
    ResultPanel,
    calculator_links,
    error_summary_items,
    result_panel,
)
from probation.rules.predictors import PredictorInputError


def calculation_record(*, actor: User, slug: str, scored: bool) -> None:
    """Audit one calculation: who, which predictor and whether it scored — never the inputs."""
    audit_record(
        actor=actor,
        action=AuditAction.VIEW,
        object_type="predictor_calculation",
        object_id=slug,
        detail={"predictor": slug, "outcome": "scored" if scored else "invalid"},
    )


def _require_permission(request: AuthenticatedHttpRequest) -> None:
    # Denied looks exactly like missing (STYLE.md): a 404, not a 403.
    if not has_permission(request.user, Permission.PREDICTOR_CALCULATE):
        raise Http404


class CalculatorListView(View):
    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        _require_permission(request)
        return render(request, "risk/calculators/list.html", {"calculators": calculator_links()})


class CalculatorView(View):
    """GET shows the empty form; POST scores the answers and shows the result beside the form."""

    template_name = "risk/calculators/calculator.html"
    request: AuthenticatedHttpRequest  # LoginRequiredMiddleware: never anonymous

    def dispatch(self, request: HttpRequest, *args: Any, slug: str = "", **kwargs: Any) -> HttpResponseBase:
        _require_permission(self.request)
        calculator = CALCULATORS.get(slug)
        if calculator is None:
            raise Http404
        self.calculator: Calculator = calculator
        return super().dispatch(request, *args, **kwargs)

    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        return self.show(CalculatorForm(self.calculator))

    def post(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        form = CalculatorForm(self.calculator, data=request.POST)
        panel = None
        if form.is_valid():
            inputs = form.predictor_inputs()
            try:
                result = self.calculator.calculate(inputs)
            except PredictorInputError as error:
                form.add_predictor_problems(error.problems)
            else:
                panel = result_panel(self.calculator, inputs, result)
        calculation_record(actor=request.user, slug=self.calculator.slug, scored=panel is not None)
        return self.show(form, panel)

    def show(self, form: CalculatorForm, panel: ResultPanel | None = None) -> HttpResponse:
        context = {
            "calculator": self.calculator,
            "form": form,
            "errors": error_summary_items(form),
            "result": panel,
        }
        return render(self.request, self.template_name, context)
