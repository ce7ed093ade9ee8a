from django.urls import path

from probation.risk.api import predictors as api
from probation.risk.views import calculators, registrations, rosh

app_name = "risk"

REGISTRATION = "cases/<str:crn>/registrations/<int:registration_id>"

urlpatterns = [
    # Predictor calculators: no person needed.
    path("risk/calculators", calculators.CalculatorListView.as_view(), name="calculator-list"),
    path("risk/calculators/<str:slug>", calculators.CalculatorView.as_view(), name="calculator"),
    path("api/v1/predictors/<str:slug>", api.predictor_calculate, name="api-predictor"),
    # Registrations ("Risk flags") on the case record, and the officer's reviews due.
    path(
        "cases/<str:crn>/registrations",
        registrations.RegistrationListView.as_view(),
        name="registration-list",
    ),
    path(
        "cases/<str:crn>/registrations/new",
        registrations.RegistrationAddView.as_view(),
        name="registration-add",
    ),
    path(
        "cases/<str:crn>/registrations/new/<str:register_type>",
        registrations.RegistrationAddDetailsView.as_view(),
        name="registration-add-details",
    ),
    path(REGISTRATION, registrations.RegistrationDetailView.as_view(), name="registration-detail"),
    path(
        f"{REGISTRATION}/review", registrations.RegistrationReviewView.as_view(), name="registration-review"
    ),
    path(f"{REGISTRATION}/edit", registrations.RegistrationUpdateView.as_view(), name="registration-update"),
    path(
        f"{REGISTRATION}/deregister",
        registrations.RegistrationDeregisterView.as_view(),
        name="registration-deregister",
    ),
    path(
        "risk/reviews-due",
        registrations.RegistrationReviewsDueView.as_view(),
        name="registration-reviews-due",
    ),
    # RoSH and the risk management plan.
    path("cases/<str:crn>/rosh", rosh.RoshSummaryView.as_view(), name="rosh-summary"),
    path("cases/<str:crn>/rosh/new", rosh.RoshAssessView.as_view(), name="rosh-assess"),
    path("cases/<str:crn>/rosh/<int:assessment_id>", rosh.RoshDetailView.as_view(), name="rosh-detail"),
    path("cases/<str:crn>/rosh/plan", rosh.RiskManagementPlanEditView.as_view(), name="rmp-edit"),
]
