from django.urls import path

from probation.workload.views import pages

app_name = "workload"

urlpatterns = [
    path("workload", pages.MyWorkloadView.as_view(), name="mine"),
    path("workload/team", pages.TeamWorkloadView.as_view(), name="team"),
    path("workload/officers/<str:code>", pages.OfficerWorkloadView.as_view(), name="officer"),
    path(
        "workload/officers/<str:code>/reductions/add",
        pages.ReductionCreateView.as_view(),
        name="reduction-create",
    ),
    path(
        "workload/officers/<str:code>/reductions/<int:reduction_id>/end",
        pages.ReductionEndView.as_view(),
        name="reduction-end",
    ),
    path("workload/officers/<str:code>/hours", pages.ContractedHoursView.as_view(), name="hours"),
]
