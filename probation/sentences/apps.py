from django.apps import AppConfig


class SentencesConfig(AppConfig):
    """Events (convictions) and offences, sentences, requirements, licences and their conditions."""

    name = "probation.sentences"
    label = "sentences"
    verbose_name = "Sentences"

    def ready(self) -> None:
        # Its section(s) of the case sub-navigation (probation.core.case_sections).
        from probation.accounts.policy import Permission
        from probation.core.case_sections import CaseSection, register_case_section

        register_case_section(
            CaseSection(
                "sentences",
                "Sentences",
                "sentences:list",
                Permission.SENTENCE_VIEW,
                order=50,
                group="sentences",
            )
        )
