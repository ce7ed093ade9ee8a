from django.urls import path

from probation.court.views import duty, lists, resulting

app_name = "court"

urlpatterns = [
    path("courts", lists.CourtIndexView.as_view(), name="index"),
    path("courts/import", lists.CourtListImportView.as_view(), name="list-import"),
    path("courts/lists/<int:list_id>", lists.CourtListDetailView.as_view(), name="list-detail"),
    path("courts/hearings/<int:hearing_id>/match", lists.HearingMatchView.as_view(), name="hearing-match"),
    path(
        "courts/hearings/<int:hearing_id>/preparation",
        duty.HearingPreparationView.as_view(),
        name="hearing-preparation",
    ),
    path(
        "courts/hearings/<int:hearing_id>/result",
        resulting.HearingResultView.as_view(),
        name="hearing-result",
    ),
    path(
        "courts/hearings/<int:hearing_id>/result/sentence",
        resulting.HearingResultSentenceView.as_view(),
        name="hearing-result-sentence",
    ),
    path("courts/<str:court_code>/<str:day>", duty.CourtDutyView.as_view(), name="duty"),
]
