from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from probation.people.views.lists import home

admin.site.site_header = "OpenProbation administration"

urlpatterns = [
    # The admin site signs in through the service's own audited, two-factor sign-in (ADR 0023).
    path("admin/login/", RedirectView.as_view(pattern_name="accounts:login", query_string=True)),
    path("admin/", admin.site.urls),
    path("", home, name="home"),
    path("", include("probation.accounts.urls")),
    path("", include("probation.people.urls")),
    path("", include("probation.audit.urls")),
    path("", include("probation.sentences.urls")),
    path("", include("probation.contacts.urls")),
    path("", include("probation.risk.urls")),
    path("", include("probation.mappa.urls")),
    path("", include("probation.assessments.urls")),
    path("", include("probation.safeguarding.urls")),
    path("", include("probation.enforcement.urls")),
    path("", include("probation.scores.urls")),
    path("", include("probation.tiers.urls")),
    path("", include("probation.worklists.urls")),
    path("", include("probation.court.urls")),
    path("", include("probation.workload.urls")),
    path("", include("probation.reports.urls")),
    path("", include("probation.plans.urls")),
    path("", include("probation.unpaid_work.urls")),
    path("", include("probation.custody.urls")),
    path("", include("probation.approved_premises.urls")),
    path("", include("probation.victims.urls")),
    path("", include("probation.insights.urls")),
    path("", include("probation.programmes.urls")),
    path("", include("probation.referrals.urls")),
    path("", include("probation.drug_testing.urls")),
    path("", include("probation.parole.urls")),
]
