from django.apps import AppConfig


class SentencesConfig(AppConfig):
    """Events (convictions) and offences, sentences, requirements, licences and their conditions."""

    name = "probation.sentences"
    label = "sentences"
    verbose_name = "Sentences"
