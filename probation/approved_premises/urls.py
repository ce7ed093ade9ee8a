from django.urls import URLPattern

app_name = "approved_premises"

urlpatterns: list[URLPattern] = []
