from django.apps import AppConfig


class ContactsConfig(AppConfig):
    """Contacts and appointments, outcomes, reminders, and the enforcement action each unacceptable
    failure opens."""

    name = "probation.contacts"
    label = "contacts"
    verbose_name = "Contacts and appointments"
