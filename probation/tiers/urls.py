from django.urls import path

from probation.tiers.views.case import TierCaseView

app_name = "tiers"

urlpatterns = [
    path("cases/<str:crn>/tier", TierCaseView.as_view(), name="case"),
]
