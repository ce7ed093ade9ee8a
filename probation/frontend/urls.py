from django.urls import path

from probation.people.views.lists import home

app_name = "frontend"

urlpatterns = [path("", home, name="home")]
