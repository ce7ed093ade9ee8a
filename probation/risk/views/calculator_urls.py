from django.urls import path

from probation.risk.api import predictors as api
from probation.risk.views import calculators

urlpatterns = [
    path("risk/calculators", calculators.CalculatorListView.as_view(), name="calculator-list"),
    path("risk/calculators/<str:slug>", calculators.CalculatorView.as_view(), name="calculator"),
    path("api/v1/predictors/<str:slug>", api.predictor_calculate, name="api-predictor"),
]
