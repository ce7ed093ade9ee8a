from django.urls import include, path

urlpatterns = [
    path("", include("probation.frontend.urls")),
    path("", include("probation.accounts.urls")),
    path("", include("probation.people.urls")),
    path("", include("probation.audit.urls")),
]
