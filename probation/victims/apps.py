from django.apps import AppConfig


class VictimsConfig(AppConfig):
    """The statutory victim contact scheme (victims.md): eligibility, victims and their
    representatives, contacts, letters, key stages and representations, walled off from the
    offender record."""

    name = "probation.victims"
    label = "victims"
    verbose_name = "Victims"

    def ready(self) -> None:
        # Key events on the offender's record (sentence, recall, transfer, death, end of licence;
        # release dates, licence conditions and parole from custody) reach the VLO's list.
        from probation.core.key_events import register_key_event_listener
        from probation.victims.services.scheme import key_event_record

        register_key_event_listener(key_event_record)

        # Custody's releases list asks whether the VLO has been told of each release (custody.hooks).
        from probation.custody.hooks import register_vlo_told
        from probation.victims.selectors.offender_side import vlo_told_of_release

        register_vlo_told(vlo_told_of_release)

        # The offender manager's view: the case overview says the scheme applies, and the case's
        # "Victim contact" section shows the VLO, the dates told and the requests (no victim data).
        from probation.accounts.policy import Permission
        from probation.core.case_sections import CaseSection, register_case_section
        from probation.core.panels import register_panel
        from probation.victims.panels import scheme_overview_row

        register_case_section(
            CaseSection(
                key="victim-contact",
                label="Victim contact",
                url_name="victims:case-scheme",
                permission=Permission.VICTIM_SCHEME_VIEW,
                order=115,
                group="risk",
            )
        )
        register_panel("case-overview-summary", scheme_overview_row, order=40)
        from probation.victims.licence_panel import register_licence_panel

        register_licence_panel()
