"""Staff (the people probation employs) and user accounts (how they sign in)."""

from django.contrib.auth.models import AbstractUser
from django.db import models

from probation.accounts.models.organisation import Team


class Role(models.TextChoices):
    """What a user may do; the policy (accounts.policy) maps each role to its permissions."""

    PRACTITIONER = "practitioner", "Practitioner (PO/PSO)"
    SENIOR_PO = "senior_po", "Senior probation officer"
    CASE_ADMIN = "case_admin", "Case administrator"
    COURT_OFFICER = "court_officer", "Court officer"
    VLO = "vlo", "Victim liaison officer"
    AP_STAFF = "ap_staff", "Approved premises staff"
    PARTNER = "partner", "Partner agency (read only)"
    # Area roles (workload.md, issue 17): a head of PDU sees their PDU's figures, a regional
    # lead their region's.
    HEAD_OF_PDU = "head_of_pdu", "Head of PDU"
    REGIONAL_LEAD = "regional_lead", "Regional leadership"
    # Community Payback (unpaid-work.md, issue 13): staff who run projects per PDU, and supervisors.
    UPW_STAFF = "upw_staff", "Unpaid work staff"
    UPW_SUPERVISOR = "upw_supervisor", "Unpaid work supervisor"
    # Approved premises (approved-premises.md, issue 16): assessors and the Central Referral Unit.
    AP_ASSESSOR = "ap_assessor", "Approved premises assessor"
    AP_CRU = "ap_cru", "Central Referral Unit (approved premises)"
    # Accredited programmes (interventions.md, issue 12): the treatment manager who runs a PDU's
    # programme waiting lists and groups and supervises the facilitators (trained POs and PSOs).
    PROGRAMME_MANAGER = "programme_manager", "Programmes treatment manager"
    # Commissioned rehabilitative services (issue 12): a provider's staff, a partner role that sees only
    # the referrals sent to their organisation and what each shares.
    PROVIDER = "provider", "Commissioned provider staff"
    # Victims (victims.md, issue 15): a victim liaison unit's manager.
    VLO_MANAGER = "vlo_manager", "Victim liaison unit manager"
    SYSTEM_ADMIN = "system_admin", "System administrator"


class Grade(models.TextChoices):
    PO = "PO", "Probation Officer"
    PSO = "PSO", "Probation Services Officer"
    SPO = "SPO", "Senior Probation Officer"
    PQIP = "PQIP", "Probation Officer in training (PQiP)"
    CASE_ADMIN = "CA", "Case administrator"
    COURT_OFFICER = "CO", "Court officer"
    VLO = "VLO", "Victim Liaison Officer"
    AP_STAFF = "AP", "Approved premises staff"
    HEAD_OF_PDU = "HPDU", "Head of PDU"
    REGIONAL_ADMIN = "RA", "Regional administrator"
    UPW_SUPERVISOR = "UPWS", "Unpaid work supervisor"
    COMMUNITY_PAYBACK_OFFICER = "CPO", "Community payback officer"


# Grades that may hold cases as the responsible officer.
CASE_HOLDING_GRADES = (Grade.PO, Grade.PSO, Grade.PQIP, Grade.SPO)


class Staff(models.Model):
    code = models.CharField(max_length=10, unique=True)
    forename = models.CharField(max_length=60)
    surname = models.CharField(max_length=60)
    grade = models.CharField(max_length=4, choices=Grade.choices)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="staff")
    email = models.EmailField(blank=True)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["surname", "forename"]
        verbose_name_plural = "staff"

    def __str__(self) -> str:
        return f"{self.forename} {self.surname}"

    @property
    def name(self) -> str:
        return f"{self.forename} {self.surname}"


class User(AbstractUser):
    """A sign-in account. Staff users link to a Staff record; partner users name their agency."""

    role = models.CharField(max_length=20, choices=Role.choices)
    staff = models.OneToOneField(Staff, on_delete=models.PROTECT, null=True, blank=True, related_name="user")
    agency = models.CharField(max_length=100, blank=True, help_text="Partner agency, for partner users")

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role__in=[r.value for r in Role]), name="user_role_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.staff.name if self.staff is not None else self.get_full_name() or self.username
