from django.urls import path

from probation.victims.views import case, management, unit, victims

app_name = "victims"

urlpatterns = [
    path("victims/unit", unit.UnitListView.as_view(), name="unit"),
    path("victims/performance", unit.UnitPerformanceView.as_view(), name="performance"),
    path("victims/cases/add", unit.SchemeCaseAddView.as_view(), name="case-add"),
    path("victims/cases/<int:case_id>", unit.SchemeCaseView.as_view(), name="scheme-case"),
    path("victims/cases/closed", management.ClosedListView.as_view(), name="closed"),
    path("victims/cases/<int:case_id>/take", unit.SchemeCaseTakeView.as_view(), name="scheme-case-take"),
    path(
        "victims/cases/<int:case_id>/allocate",
        management.SchemeCaseAllocateView.as_view(),
        name="scheme-case-allocate",
    ),
    path(
        "victims/cases/<int:case_id>/close",
        management.SchemeCaseCloseView.as_view(),
        name="scheme-case-close",
    ),
    path(
        "victims/cases/<int:case_id>/reopen",
        management.SchemeCaseReopenView.as_view(),
        name="scheme-case-reopen",
    ),
    path("victims/cases/<int:case_id>/victims/add", victims.VictimCreateView.as_view(), name="victim-create"),
    path("victims/tasks/<int:task_id>/done", unit.TaskDoneView.as_view(), name="task-done"),
    path("victims/victims/<int:victim_id>", victims.VictimView.as_view(), name="victim"),
    path("victims/victims/<int:victim_id>/edit", victims.VictimEditView.as_view(), name="victim-edit"),
    path(
        "victims/victims/<int:victim_id>/participation",
        victims.ParticipationView.as_view(),
        name="victim-participation",
    ),
    path(
        "victims/victims/<int:victim_id>/contacts/add",
        victims.VictimContactCreateView.as_view(),
        name="victim-contact-create",
    ),
    path(
        "victims/victims/<int:victim_id>/representations/add",
        victims.RepresentationCreateView.as_view(),
        name="representation-create",
    ),
    path(
        "victims/victims/<int:victim_id>/letters/add",
        victims.LetterCreateView.as_view(),
        name="letter-create",
    ),
    path(
        "victims/victims/<int:victim_id>/statements/add",
        victims.StatementCreateView.as_view(),
        name="statement-create",
    ),
    path("victims/messages/<int:message_id>/retry", victims.MessageRetryView.as_view(), name="message-retry"),
    path("victims/letters/<int:letter_id>.pdf", victims.LetterPdfView.as_view(), name="letter-pdf"),
    path("cases/<str:crn>/victim-contact", case.CaseSchemeView.as_view(), name="case-scheme"),
    path(
        "cases/<str:crn>/victim-contact/requests/<int:representation_id>",
        case.RepresentationDecideView.as_view(),
        name="representation-decide",
    ),
]
