from django.urls import path

from probation.sentences.api.offences import offence_search_api
from probation.sentences.views import changes, pages

app_name = "sentences"

SENTENCE = "cases/<str:crn>/sentences/<int:sentence_id>"

urlpatterns = [
    path("offences/search", offence_search_api, name="offence-search"),
    path("cases/<str:crn>/sentences", pages.SentenceListView.as_view(), name="list"),
    path("cases/<str:crn>/sentences/new", changes.EventCreateView.as_view(), name="event-create"),
    path(SENTENCE, pages.SentenceDetailView.as_view(), name="sentence-detail"),
    path(f"{SENTENCE}/offences/new", changes.OffenceAddView.as_view(), name="offence-add"),
    path(f"{SENTENCE}/terminate", changes.SentenceTerminateView.as_view(), name="sentence-terminate"),
    path(f"{SENTENCE}/requirements/new", changes.RequirementAddView.as_view(), name="requirement-add"),
    path(
        f"{SENTENCE}/requirements/<int:requirement_id>/terminate",
        changes.RequirementTerminateView.as_view(),
        name="requirement-terminate",
    ),
    path(f"{SENTENCE}/licence/new", changes.LicenceCreateView.as_view(), name="licence-create"),
    path(
        f"{SENTENCE}/licence/conditions/new", changes.LicenceConditionAddView.as_view(), name="condition-add"
    ),
    path(
        f"{SENTENCE}/licence/conditions/<int:condition_id>/end",
        changes.LicenceConditionEndView.as_view(),
        name="condition-end",
    ),
]
