from django.contrib import admin
from django.urls import include, path

from probation.people.views.lists import home

admin.site.site_header = "OpenProbation administration"

urlpatterns = [
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
]
