from django.urls import include, path

app_name = "enforcement"

urlpatterns = [
    path("", include("probation.enforcement.views.action_urls")),
    path("", include("probation.enforcement.views.breach_urls")),
    path("", include("probation.enforcement.views.recall_urls")),
]
