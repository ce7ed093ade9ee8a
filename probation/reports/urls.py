from django.urls import path

from probation.reports.views import performance, requests, signoff, writing

app_name = "reports"

REQUEST = "cases/<str:crn>/reports/requests/<int:request_id>"
REPORT = "cases/<str:crn>/reports/<int:request_id>/report"

urlpatterns = [
    # Report requests (issue 11 item 3) and court performance (item 7).
    path("cases/<str:crn>/reports/", requests.ReportRequestCaseListView.as_view(), name="request-case-list"),
    path(
        "cases/<str:crn>/reports/request", requests.ReportRequestCreateView.as_view(), name="request-create"
    ),
    path(REQUEST, requests.ReportRequestDetailView.as_view(), name="request-detail"),
    path(f"{REQUEST}/allocate", requests.ReportRequestAllocateView.as_view(), name="request-allocate"),
    path(f"{REQUEST}/withdraw", requests.ReportRequestWithdrawView.as_view(), name="request-withdraw"),
    path(
        f"{REQUEST}/type-delivered",
        requests.ReportRequestTypeDeliveredView.as_view(),
        name="request-type-delivered",
    ),
    path("reports/requests", requests.CourtTeamRequestListView.as_view(), name="request-list"),
    path("reports/performance", performance.CourtPerformanceView.as_view(), name="performance"),
    path("reports/performance.csv", performance.CourtPerformanceCsvView.as_view(), name="performance-csv"),
    # Writing the report (issue 11 item 4).
    path(
        "cases/<str:crn>/reports/<int:request_id>/report",
        writing.ReportEditorView.as_view(),
        name="report",
    ),
    path(
        "cases/<str:crn>/reports/<int:request_id>/report/autosave",
        writing.ReportAutosaveView.as_view(),
        name="report-autosave",
    ),
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
