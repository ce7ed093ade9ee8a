from django.urls import path

from probation.insights.views import pages, workload

app_name = "insights"

urlpatterns = [
    path("insights", pages.InsightsIndexView.as_view(), name="index"),
    path("insights/<str:level>/<str:code>", pages.AreaView.as_view(), name="area"),
    path("insights/team/<str:code>/workload", workload.TeamWorkloadView.as_view(), name="team-workload"),
    path(
        "insights/<str:level>/<str:code>/equality/<slug:outcome>",
        pages.EqualityView.as_view(),
        name="equality",
    ),
    path("insights/<str:level>/<str:code>/<slug:topic>", pages.TopicView.as_view(), name="topic"),
    path("insights/<str:level>/<str:code>/<slug:topic>/csv", pages.TopicCsvView.as_view(), name="topic-csv"),
]
