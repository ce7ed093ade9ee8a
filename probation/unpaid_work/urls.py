from django.urls import URLPattern

app_name = "unpaid_work"

urlpatterns: list[URLPattern] = []
