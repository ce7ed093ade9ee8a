from django.urls import URLPattern

app_name = "parole"

urlpatterns: list[URLPattern] = []
