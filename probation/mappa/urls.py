from django.urls import path

from probation.mappa.views import actions_due, case

app_name = "mappa"

urlpatterns = [
    path("cases/<str:crn>/mappa", case.MappaCaseView.as_view(), name="case"),
    path("cases/<str:crn>/mappa/meetings/new", case.MeetingAddView.as_view(), name="meeting-add"),
    path(
        "cases/<str:crn>/mappa/meetings/<int:meeting_id>/edit",
        case.MeetingUpdateView.as_view(),
        name="meeting-update",
    ),
    path(
        "cases/<str:crn>/mappa/meetings/<int:meeting_id>/actions/new",
        case.ActionAddView.as_view(),
        name="action-add",
    ),
    path(
        "cases/<str:crn>/mappa/actions/<int:action_id>/complete",
        case.ActionCompleteView.as_view(),
        name="action-complete",
    ),
    path("mappa/actions-due", actions_due.ActionsDueView.as_view(), name="actions-due"),
]
