from django.urls import URLPattern

app_name = "drug_testing"

urlpatterns: list[URLPattern] = []
