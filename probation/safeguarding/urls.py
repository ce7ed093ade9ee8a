from django.urls import path

from probation.safeguarding.views import case

app_name = "safeguarding"

urlpatterns = [
    path("cases/<str:crn>/safeguarding", case.SafeguardingCaseView.as_view(), name="case"),
    path("cases/<str:crn>/safeguarding/checks/new", case.CheckAddView.as_view(), name="check-add"),
    path(
        "cases/<str:crn>/safeguarding/checks/<int:check_id>/response",
        case.CheckResponseView.as_view(),
        name="check-response",
    ),
    path("cases/<str:crn>/safeguarding/referrals/new", case.ReferralAddView.as_view(), name="referral-add"),
    path(
        "cases/<str:crn>/safeguarding/referrals/<int:referral_id>/outcome",
        case.ReferralOutcomeView.as_view(),
        name="referral-outcome",
    ),
]
