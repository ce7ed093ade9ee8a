from django.urls import path

from probation.enforcement.views import actions

urlpatterns = [
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
]
