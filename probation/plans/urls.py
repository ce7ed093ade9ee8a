from django.urls import path

from probation.plans.views import activities
from probation.plans.views import plans as views

app_name = "plans"

PLAN = "cases/<str:crn>/plan"

urlpatterns = [
    path(PLAN, views.PlanView.as_view(), name="plan"),
    path(f"{PLAN}/answer", views.PlanAnswerView.as_view(), name="answer"),
    path(f"{PLAN}/history", views.PlanHistoryView.as_view(), name="history"),
    path(f"{PLAN}/versions/<int:number>", views.PlanVersionView.as_view(), name="version"),
    path(f"{PLAN}/<int:plan_id>/plan.pdf", views.PlanPdfView.as_view(), name="pdf"),
    # Structured interventions and toolkits as RAR activities (issue 12 item 4).
    path(
        "cases/<str:crn>/requirements/<int:requirement_id>/rar-activities",
        activities.RarActivitiesView.as_view(),
        name="rar-activities",
    ),
]
