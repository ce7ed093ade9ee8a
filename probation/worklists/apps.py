from django.apps import AppConfig


class WorklistsConfig(AppConfig):
    """The lists that drive the day, for an officer and for a team manager, the nightly sweep, and the
    periodic case reviews with their managers' oversight (issue 17 item 5)."""

    name = "probation.worklists"
    label = "worklists"
    verbose_name = "Work lists"

    def ready(self) -> None:
        from probation.accounts.policy import Permission
        from probation.core.case_sections import CaseSection, register_case_section
        from probation.core.key_events import register_key_event_listener
        from probation.worklists.case_reviews.services import case_review_for_event

        register_key_event_listener(case_review_for_event)
        register_case_section(
            CaseSection(
                "case-reviews",
                "Case reviews",
                "worklists:case-reviews",
                Permission.CASE_REVIEW_VIEW,
                order=58,
                group="sentences",
            )
        )
