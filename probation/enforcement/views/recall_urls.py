from django.urls import path

from probation.enforcement.views import recall

RECALL = "cases/<str:crn>/recalls/<int:recall_id>"

urlpatterns = [
    path(
        "cases/<str:crn>/sentences/<int:sentence_id>/recalls/new",
        recall.RecallStartView.as_view(),
        name="recall-start",
    ),
    path(RECALL, recall.RecallDetailView.as_view(), name="recall-detail"),
    path(f"{RECALL}/recommendation", recall.RecallRecommendView.as_view(), name="recall-recommend"),
    path(f"{RECALL}/decision", recall.RecallDecideView.as_view(), name="recall-decide"),
    path(f"{RECALL}/custody", recall.RecallCustodyView.as_view(), name="recall-custody"),
    path(f"{RECALL}/re-release", recall.RecallReReleasedView.as_view(), name="recall-re-release"),
    path(f"{RECALL}/licence-ended", recall.RecallLicenceEndedView.as_view(), name="recall-licence-ended"),
    path(f"{RECALL}/no-recall-letter.pdf", recall.NoRecallLetterView.as_view(), name="recall-letter"),
]
