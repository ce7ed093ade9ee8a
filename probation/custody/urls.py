from django.urls import path

from probation.custody.views import case, lists

app_name = "custody"

RECORD = "cases/<str:crn>/custody/<int:custody_id>"

urlpatterns = [
    path("cases/<str:crn>/custody/", case.CustodyOverviewView.as_view(), name="overview"),
    path("cases/<str:crn>/custody/add", case.CustodyCreateView.as_view(), name="create"),
    path(f"{RECORD}/release-details", case.CustodyInputsView.as_view(), name="inputs"),
    path(f"{RECORD}/confirm", case.KeyDatesConfirmView.as_view(), name="confirm"),
    path(f"{RECORD}/prison-dates", case.PrisonDatesView.as_view(), name="prison-dates"),
    path(f"{RECORD}/release-plan", case.ReleasePlanView.as_view(), name="release-plan"),
    path(f"{RECORD}/pathways", case.PathwaysView.as_view(), name="pathways"),
    path("custody/handovers", lists.HandoverListView.as_view(), name="handovers"),
    path("custody/releases", lists.ReleaseListView.as_view(), name="releases"),
]
