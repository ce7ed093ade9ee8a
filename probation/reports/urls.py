from django.urls import path

from probation.reports.views import signoff

app_name = "reports"

REPORT = "cases/<str:crn>/reports/<int:request_id>/report"

urlpatterns = [
    # Sign-off and production (issue 11 item 5).
    path(f"{REPORT}/view", signoff.ReportPrintView.as_view(), name="report-print"),
    path(f"{REPORT}/sign", signoff.ReportSignView.as_view(), name="report-sign"),
    path(f"{REPORT}/countersign", signoff.ReportCountersignView.as_view(), name="report-countersign"),
    path(f"{REPORT}/report.pdf", signoff.ReportPdfView.as_view(), name="report-pdf"),
    path(f"{REPORT}/oral", signoff.OralReportView.as_view(), name="report-oral"),
    path(
        f"{REPORT}/countersignature",
        signoff.CountersignaturePolicyView.as_view(),
        name="report-countersignature-policy",
    ),
]
