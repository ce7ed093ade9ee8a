from django.urls import path

from probation.programmes.views import case, groups, register

app_name = "programmes"

CASE = "cases/<str:crn>/programmes"

urlpatterns = [
    path(CASE, case.ProgrammesView.as_view(), name="case"),
    path(f"{CASE}/needs", case.NeedsView.as_view(), name="needs"),
    path(f"{CASE}/refer", case.ReferView.as_view(), name="refer"),
    path(f"{CASE}/referrals/<int:referral_id>/assess", case.AssessView.as_view(), name="assess"),
    path(f"{CASE}/referrals/<int:referral_id>/complete", case.CompleteView.as_view(), name="complete"),
    path("programmes/waiting-list", groups.WaitingListView.as_view(), name="waiting-list"),
    path("programmes/facilitators", groups.TrainingView.as_view(), name="training"),
    path("programmes/groups", groups.GroupListView.as_view(), name="groups"),
    path("programmes/groups/add", groups.GroupCreateView.as_view(), name="group-create"),
    path("programmes/groups/<int:group_id>", groups.GroupDetailView.as_view(), name="group"),
    path(
        "programmes/groups/<int:group_id>/participants/add",
        groups.ParticipantAddView.as_view(),
        name="participant-add",
    ),
    path("programmes/groups/<int:group_id>/catch-up", groups.CatchUpView.as_view(), name="catch-up"),
    path("programmes/sessions", groups.MySessionsView.as_view(), name="my-sessions"),
    path("programmes/sessions/<int:session_id>", register.RegisterView.as_view(), name="register"),
]
