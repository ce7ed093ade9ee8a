from django.urls import path

from probation.risk.views import rosh as views

urlpatterns = [
    path("cases/<str:crn>/rosh", views.RoshSummaryView.as_view(), name="rosh-summary"),
    path("cases/<str:crn>/rosh/new", views.RoshAssessView.as_view(), name="rosh-assess"),
    path("cases/<str:crn>/rosh/<int:assessment_id>", views.RoshDetailView.as_view(), name="rosh-detail"),
    path("cases/<str:crn>/rosh/plan", views.RiskManagementPlanEditView.as_view(), name="rmp-edit"),
]
