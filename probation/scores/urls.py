from django.urls import path

from probation.scores.views import case

app_name = "scores"

urlpatterns = [
    path("cases/<str:crn>/scores", case.ScoresCaseView.as_view(), name="case"),
    path("cases/<str:crn>/scores/history-inputs", case.CriminalHistoryView.as_view(), name="history-inputs"),
]
