from django.urls import path

from probation.enforcement.views import actions, breach, recall

app_name = "enforcement"

BREACH = "cases/<str:crn>/sentences/<int:sentence_id>/breaches"
RECALL = "cases/<str:crn>/recalls/<int:recall_id>"

urlpatterns = [
    # Compliance and enforcement actions.
    path(
        "cases/<str:crn>/sentences/<int:sentence_id>/compliance",
        actions.SentenceComplianceView.as_view(),
        name="compliance",
    ),
    path(
        "cases/<str:crn>/enforcement/<int:case_id>/action",
        actions.EnforcementActionRecordView.as_view(),
        name="action-record",
    ),
    path(
        "cases/<str:crn>/enforcement/<int:case_id>/letter.pdf",
        actions.WarningLetterView.as_view(),
        name="warning-letter",
    ),
    # Breach.
    path(f"{BREACH}/new", breach.BreachInitiateView.as_view(), name="breach-initiate"),
    path(f"{BREACH}/<int:breach_id>", breach.BreachDetailView.as_view(), name="breach-detail"),
    path(f"{BREACH}/<int:breach_id>/pack-sent", breach.BreachPackSentView.as_view(), name="breach-pack-sent"),
    path(f"{BREACH}/<int:breach_id>/outcome", breach.BreachOutcomeView.as_view(), name="breach-outcome"),
    path(f"{BREACH}/<int:breach_id>/pack.pdf", breach.BreachPackView.as_view(), name="breach-pack"),
    # Recall.
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
