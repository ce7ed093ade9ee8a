from django.urls import path

from probation.contacts.views import case, changes, officer

app_name = "contacts"

urlpatterns = [
    path("cases/<str:crn>/contacts", case.ContactLogView.as_view(), name="list"),
    path("cases/<str:crn>/contacts/new", changes.ContactRecordView.as_view(), name="record"),
    path("cases/<str:crn>/appointments/new", changes.AppointmentBookView.as_view(), name="book"),
    path("cases/<str:crn>/contacts/<int:contact_id>/outcome", changes.OutcomeView.as_view(), name="outcome"),
    path("cases/<str:crn>/contacts/<int:contact_id>/decide", changes.DecideView.as_view(), name="decide"),
    path(
        "cases/<str:crn>/contacts/<int:contact_id>/reschedule",
        changes.RescheduleView.as_view(),
        name="reschedule",
    ),
    path("cases/<str:crn>/contacts/<int:contact_id>/cancel", changes.CancelView.as_view(), name="cancel"),
    path("diary", officer.DiaryView.as_view(), name="diary"),
    path("diary/calendar-link", officer.DiaryFeedLinkView.as_view(), name="diary-feed-link"),
    path("diary/<str:token>.ics", officer.DiaryFeedView.as_view(), name="diary-feed"),
    path("contacts/outstanding", officer.OutstandingView.as_view(), name="outstanding"),
]
