from django.urls import path

from probation.referrals.views import case, provider

app_name = "referrals"

CASE = "cases/<str:crn>/referrals"
PROVIDER = "referrals/<int:referral_id>"

urlpatterns = [
    path(CASE, case.ReferralListView.as_view(), name="case-list"),
    path(f"{CASE}/new", case.ReferralCreateView.as_view(), name="case-create"),
    path(f"{CASE}/<int:referral_id>", case.ReferralDetailView.as_view(), name="case-referral"),
    # Provider staff: their organisation's referrals only.
    path("referrals", provider.ProviderReferralListView.as_view(), name="provider-list"),
    path(PROVIDER, provider.ProviderReferralView.as_view(), name="provider-referral"),
    path(
        f"{PROVIDER}/assessment",
        provider.ProviderStepView.as_view(step="assessment"),
        name="provider-assessment",
    ),
    path(
        f"{PROVIDER}/action-plan",
        provider.ProviderStepView.as_view(step="action-plan"),
        name="provider-action-plan",
    ),
    path(f"{PROVIDER}/session", provider.ProviderStepView.as_view(step="session"), name="provider-session"),
    path(f"{PROVIDER}/report", provider.ProviderStepView.as_view(step="report"), name="provider-report"),
]
