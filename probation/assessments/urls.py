from django.urls import path

from probation.assessments.views import assessments as views

app_name = "assessments"

urlpatterns = [
    path("cases/<str:crn>/assessments", views.AssessmentListView.as_view(), name="list"),
    path("cases/<str:crn>/assessments/start", views.AssessmentStartView.as_view(), name="start"),
    path(
        "cases/<str:crn>/assessments/<int:assessment_id>", views.AssessmentDetailView.as_view(), name="detail"
    ),
    path(
        "cases/<str:crn>/assessments/<int:assessment_id>/sections/<str:section>",
        views.AssessmentSectionView.as_view(),
        name="section",
    ),
    path(
        "cases/<str:crn>/assessments/<int:assessment_id>/complete",
        views.AssessmentCompleteView.as_view(),
        name="complete",
    ),
]
