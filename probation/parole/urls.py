from django.urls import path

from probation.parole.views import governor, reviews

app_name = "parole"

CASE = "cases/<str:crn>/parole"
REVIEW = f"{CASE}/reviews/<int:review_id>"

urlpatterns = [
    path(f"{CASE}/", reviews.ParoleCaseView.as_view(), name="case"),
    path(f"{CASE}/request", reviews.ReviewRequestView.as_view(), name="review-request"),
    path(f"{REVIEW}/", reviews.ReviewEditorView.as_view(), name="review"),
    path(f"{REVIEW}/autosave", reviews.ReviewAutosaveView.as_view(), name="review-autosave"),
    path(f"{REVIEW}/sign", reviews.ReviewSignView.as_view(), name="review-sign"),
    path(f"{REVIEW}/parom1.pdf", reviews.ReviewPdfView.as_view(), name="review-pdf"),
    path(f"{REVIEW}/hearing", reviews.HearingView.as_view(), name="review-hearing"),
    path(f"{CASE}/governor/request", governor.GovernorRequestView.as_view(), name="governor-request"),
    path(f"{CASE}/governor/<int:report_id>", governor.GovernorReportView.as_view(), name="governor-report"),
]
