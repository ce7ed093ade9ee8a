from django.apps import AppConfig


class ApprovedPremisesConfig(AppConfig):
    """Approved premises (approved-premises.md): the national estate, applications,
    assessment, matching and booking, residents and the night's sign-in register."""

    name = "probation.approved_premises"
    label = "approved_premises"
    verbose_name = "Approved premises"

    def ready(self) -> None:
        # AP staff see only their premises' residents and the applications booked there: their case
        # scope, narrowed in the one case policy (probation.people.policy, below this app).
        from probation.accounts.models import Role
        from probation.approved_premises.policy import ap_staff_case_scope
        from probation.people.policy import register_role_scope

        register_role_scope(Role.AP_STAFF, ap_staff_case_scope)

        # Residence is a basis for drug and alcohol testing (probation.drug_testing, below this app).
        from probation.approved_premises.testing_basis import resident_stays
        from probation.drug_testing.residence import register_stay_lookup

        register_stay_lookup(resident_stays)

        # Its section of the case sub-navigation (probation.core.case_sections): the case's
        # applications and bookings, under Risk (a placement manages the risk of serious harm).
        from probation.accounts.policy import Permission

        # The custody prisoner page's approved-premises slot (custody sits below this app).
        from probation.approved_premises.selectors.referral import custody_referral_panel
        from probation.core.case_sections import CaseSection, register_case_section
        from probation.core.panels import register_panel
        from probation.custody.hooks import AP_REFERRAL_SLOT

        register_panel(AP_REFERRAL_SLOT, custody_referral_panel)

        register_case_section(
            CaseSection(
                "approved-premises",
                "Approved premises",
                "approved_premises:case",
                Permission.AP_ESTATE_VIEW,
                order=95,
                group="risk",
            )
        )
