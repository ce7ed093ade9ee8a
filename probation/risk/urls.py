from django.urls import include, path

app_name = "risk"

# Each feature keeps its own URL module: calculators (no person needed) and case risk pages.
urlpatterns = [
    path("", include("probation.risk.views.calculator_urls")),
    path("", include("probation.risk.views.registration_urls")),
    path("", include("probation.risk.views.rosh_urls")),
]
