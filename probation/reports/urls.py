from django.urls import path

from probation.reports.views import writing

app_name = "reports"

urlpatterns = [
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
]
