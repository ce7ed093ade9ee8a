from django.urls import path

from probation.unpaid_work.views import case, operations, project_edit, projects, sheet

app_name = "unpaid_work"

REQUIREMENT = "cases/<str:crn>/unpaid-work/<int:requirement_id>"

urlpatterns = [
    path("unpaid-work/projects", projects.ProjectListView.as_view(), name="projects"),
    path("unpaid-work/projects/add", projects.ProjectCreateView.as_view(), name="project-create"),
    path("unpaid-work/projects/<int:project_id>", projects.ProjectDetailView.as_view(), name="project"),
    path(
        "unpaid-work/projects/<int:project_id>/sessions/add",
        projects.ProjectDayCreateView.as_view(),
        name="day-create",
    ),
    path(
        "unpaid-work/projects/<int:project_id>/edit",
        project_edit.ProjectEditView.as_view(),
        name="project-edit",
    ),
    path(
        "unpaid-work/projects/<int:project_id>/sessions/<int:day_id>/edit",
        project_edit.ProjectDayEditView.as_view(),
        name="day-edit",
    ),
    path("unpaid-work/sessions", projects.MySessionsView.as_view(), name="sessions"),
    path("unpaid-work/operations", operations.OperationsView.as_view(), name="operations"),
    path("unpaid-work/operations.csv", operations.OperationsCsvView.as_view(), name="operations-csv"),
    path("unpaid-work/sessions/<int:session_id>", sheet.SessionSheetView.as_view(), name="sheet"),
    path(f"{REQUIREMENT}/assessment", case.AssessmentView.as_view(), name="assessment"),
    path(f"{REQUIREMENT}/allocate", case.AllocateView.as_view(), name="allocate"),
    path(f"{REQUIREMENT}/extensions/add", case.ExtensionView.as_view(), name="extension-create"),
    path(f"{REQUIREMENT}/ete/add", case.EteCreditView.as_view(), name="ete-create"),
]
