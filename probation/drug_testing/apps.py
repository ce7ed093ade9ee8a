from django.apps import AppConfig


class DrugTestingConfig(AppConfig):
    """Drug and alcohol testing (drug-testing.md): tests with their legal basis, results,
    confirmation, decisions and schedules."""

    name = "probation.drug_testing"
    label = "drug_testing"
    verbose_name = "Drug and alcohol testing"

    def ready(self) -> None:
        # Its section of the case sub-navigation (probation.core.case_sections): each test is a C240
        # drug test contact, so the section sits with the contact log.
        from probation.accounts.policy import Permission
        from probation.core.case_sections import CaseSection, register_case_section

        register_case_section(
            CaseSection(
                "drug-tests",
                "Drug tests",
                "drug_testing:tests",
                Permission.DRUG_TEST_VIEW,
                order=62,
                group="contacts",
            )
        )
