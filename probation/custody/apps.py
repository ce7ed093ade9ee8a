from django.apps import AppConfig


class CustodyConfig(AppConfig):
    """People in custody (custody-release.md): key dates, handover from prison to
    community, pre-release planning, licences, recall paperwork and parole reports.

    Victims and approved premises sit above custody: they plug in through ``probation.custody.hooks``
    (release changes, whether the VLO was told) and the AP referral panel slot."""

    name = "probation.custody"
    label = "custody"
    verbose_name = "Custody and release"

    def ready(self) -> None:
        from probation.accounts.policy import Permission
        from probation.core.case_sections import CaseSection, register_case_section

        register_case_section(
            CaseSection(
                "custody",
                "Custody and release",
                "custody:overview",
                Permission.CUSTODY_VIEW,
                order=52,
                group="sentences",
            )
        )

        # A recall decided on a sentence (enforcement, below custody) makes its active licence recalled.
        from probation.core.key_events import register_key_event_listener
        from probation.custody.services.licence import licence_recalled

        register_key_event_listener(licence_recalled)
