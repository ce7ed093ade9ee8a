from django.http import Http404
from django.urls import path

app_name = "contacts"


def _not_built(request, **kwargs):
    raise Http404


urlpatterns = [
    path("cases/<str:crn>/contacts", _not_built, name="list"),
]
