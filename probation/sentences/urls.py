from django.http import Http404
from django.urls import path

app_name = "sentences"


def _not_built(request, **kwargs):
    raise Http404


urlpatterns = [
    path("cases/<str:crn>/sentences", _not_built, name="list"),
]
