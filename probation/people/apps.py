from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "probation.people"
    label = "people"
    verbose_name = "People on probation"

    def ready(self) -> None:
        # Its section(s) of the case sub-navigation (probation.core.case_sections).
        from probation.accounts.policy import Permission
        from probation.core.case_sections import CaseSection, register_case_section

        register_case_section(
            CaseSection(
                "overview",
                "Overview",
                "people:case-overview",
                Permission.CASE_VIEW,
                order=5,
                group="overview",
            )
        )
        register_case_section(
            CaseSection(
                "personal-details",
                "Personal details",
                "people:case-personal-details",
                Permission.CASE_VIEW,
                order=10,
                group="personal",
            )
        )
        register_case_section(
            CaseSection(
                "addresses",
                "Addresses",
                "people:case-addresses",
                Permission.CASE_VIEW,
                order=20,
                group="personal",
            )
        )
        register_case_section(
            CaseSection(
                "circumstances",
                "Circumstances",
                "people:case-circumstances",
                Permission.CASE_VIEW_CIRCUMSTANCES,
                order=30,
                group="personal",
            )
        )
        register_case_section(
            CaseSection(
                "allocation",
                "Allocation",
                "people:case-allocation",
                Permission.CASE_VIEW_CIRCUMSTANCES,
                order=40,
                group="personal",
            )
        )
