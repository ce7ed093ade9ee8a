from django.apps import AppConfig


class DrugTestingConfig(AppConfig):
    """Drug and alcohol testing (drug-testing.md): tests with their legal basis, results,
    confirmation, decisions and schedules."""

    name = "probation.drug_testing"
    label = "drug_testing"
    verbose_name = "Drug and alcohol testing"
