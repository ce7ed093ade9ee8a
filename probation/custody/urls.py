from django.urls import path

from probation.custody.views import case, licence, lists

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
    path(f"{RECORD}/licence", licence.LicenceView.as_view(), name="licence"),
    path(f"{RECORD}/licence/start", licence.LicenceStartView.as_view(), name="licence-start"),
    path(f"{RECORD}/licence/conditions/add", licence.ConditionAddView.as_view(), name="condition-add"),
    path(
        f"{RECORD}/licence/conditions/<int:condition_id>",
        licence.ConditionChangeView.as_view(),
        name="condition-change",
    ),
    path(
        f"{RECORD}/licence/conditions/<int:condition_id>/remove",
        licence.ConditionRemoveView.as_view(),
        name="condition-remove",
    ),
    path(f"{RECORD}/licence/release", licence.LicenceReleaseView.as_view(), name="licence-release"),
    path(
        "cases/<str:crn>/custody/recalls/<int:recall_id>/part-a",
        licence.RecallReportView.as_view(),
        name="recall-report",
    ),
    path(
        "cases/<str:crn>/custody/recalls/<int:recall_id>/part-a.pdf",
        licence.RecallReportPdfView.as_view(),
        name="recall-report-pdf",
    ),
    path("custody/handovers", lists.HandoverListView.as_view(), name="handovers"),
    path("custody/releases", lists.ReleaseListView.as_view(), name="releases"),
]
