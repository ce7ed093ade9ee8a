from django.urls import path

from probation.worklists.decisions import views as decisions
from probation.worklists.views import lists

app_name = "worklists"

urlpatterns = [
    path("work", lists.MyWorkView.as_view(), name="mine"),
    path("work/team", lists.TeamWorkView.as_view(), name="team"),
    path("work/decisions", decisions.DecisionsView.as_view(), name="decisions"),
    path("work/unallocated", decisions.UnallocatedView.as_view(), name="unallocated"),
    path("work/team/<str:staff_code>", lists.OfficerWorkView.as_view(), name="officer"),
]
