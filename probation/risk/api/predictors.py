"""JSON predictor endpoint (session authentication and CSRF, like the pages): POST the inputs,
get back exactly what `probation.rules.predictors.calculate` returns. Nothing is stored."""

import json

from django.http import JsonResponse
from django.views.decorators.http import require_POST

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission, has_permission
from probation.risk.forms.calculators import CALCULATORS
from probation.risk.views.calculators import calculation_record
from probation.rules.predictors import InputProblem, PredictorInputError, calculate, predictor_key

# The same slugs as the pages ("osp-dc"), also accepted as the CLI writes them ("osp_dc", "OSP-DC").
_BY_KEY = {calculator.key: calculator for calculator in CALCULATORS.values()}


def _not_found() -> JsonResponse:
    return JsonResponse({"error": "not_found"}, status=404)


def _invalid(problems: tuple[InputProblem, ...]) -> JsonResponse:
    return JsonResponse(PredictorInputError(problems).as_dict(), status=400)


@require_POST
def predictor_calculate(request: AuthenticatedHttpRequest, slug: str) -> JsonResponse:
    calculator = _BY_KEY.get(predictor_key(slug))
    # A user without the permission gets the same answer as for an unknown predictor.
    if calculator is None or not has_permission(request.user, Permission.PREDICTOR_CALCULATE):
        return _not_found()
    try:
        payload = json.loads(request.body)
    except (ValueError, RecursionError):
        calculation_record(actor=request.user, slug=calculator.slug, scored=False)
        return _invalid((InputProblem("payload", "The request body is not valid JSON."),))
    try:
        output = calculate(calculator.key, payload)
    except PredictorInputError as error:
        calculation_record(actor=request.user, slug=calculator.slug, scored=False)
        return _invalid(error.problems)
    calculation_record(actor=request.user, slug=calculator.slug, scored=True)
    return JsonResponse(output)
