from django.urls import path

from probation.enforcement.views import breach

BREACH = "cases/<str:crn>/sentences/<int:sentence_id>/breaches"

urlpatterns = [
    path(f"{BREACH}/new", breach.BreachInitiateView.as_view(), name="breach-initiate"),
    path(f"{BREACH}/<int:breach_id>", breach.BreachDetailView.as_view(), name="breach-detail"),
    path(f"{BREACH}/<int:breach_id>/pack-sent", breach.BreachPackSentView.as_view(), name="breach-pack-sent"),
    path(f"{BREACH}/<int:breach_id>/outcome", breach.BreachOutcomeView.as_view(), name="breach-outcome"),
    path(f"{BREACH}/<int:breach_id>/pack.pdf", breach.BreachPackView.as_view(), name="breach-pack"),
]
