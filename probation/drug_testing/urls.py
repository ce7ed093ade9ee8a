from django.urls import path

from probation.drug_testing.views import records as views

app_name = "drug_testing"

TESTS = "cases/<str:crn>/drug-tests"

urlpatterns = [
    path(TESTS, views.DrugTestsView.as_view(), name="tests"),
    path(f"{TESTS}/new", views.DrugTestRecordView.as_view(), name="test-record"),
    path(f"{TESTS}/<int:test_id>", views.DrugTestView.as_view(), name="test"),
    path(
        f"{TESTS}/<int:test_id>/laboratory-result",
        views.DrugTestLabResultView.as_view(),
        name="test-lab-result",
    ),
    path(f"{TESTS}/<int:test_id>/decision", views.DrugTestDecideView.as_view(), name="test-decide"),
]
