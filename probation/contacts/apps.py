from django.apps import AppConfig


class ContactsConfig(AppConfig):
    """Contacts and appointments, outcomes, reminders, and the enforcement action each unacceptable
    failure opens."""

    name = "probation.contacts"
    label = "contacts"
    verbose_name = "Contacts and appointments"

    def ready(self) -> None:
        # Its section(s) of the case sub-navigation (probation.core.case_sections).
        from probation.accounts.policy import Permission
        from probation.contacts.panels import contacts_overview_panel
        from probation.core.case_sections import CaseSection, register_case_section
        from probation.core.panels import register_panel

        register_case_section(
            CaseSection(
                "contacts", "Contacts", "contacts:list", Permission.CONTACT_VIEW, order=60, group="contacts"
            )
        )
        # Next appointments, outcomes needed and recent contacts on the case overview (core.panels).
        register_panel("case-overview", contacts_overview_panel, order=20)
