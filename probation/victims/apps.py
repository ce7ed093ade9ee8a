from django.apps import AppConfig


class VictimsConfig(AppConfig):
    """The statutory victim contact scheme (victims.md): eligibility, victims and their
    representatives, contacts, letters, key stages and representations, walled off from the
    offender record."""

    name = "probation.victims"
    label = "victims"
    verbose_name = "Victims"
