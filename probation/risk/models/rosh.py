"""Risk of serious harm (RoSH) assessments and the risk management plan: reference-data.md § RoSH.

An assessment rates the risk to each group (children, the public, a known adult, staff) in the
community and in custody, and to prisoners in custody only, each low to very high, with the evidence
behind it. Assessments are appended, never changed: a correction is a new assessment, so the
history is exactly what was assessed when. The overall RoSH is the highest community rating
(``overall_rosh``); it is stored on the assessment, mirrored on ``Person.rosh_level`` and by one
active RoSH registration, all written together by probation.risk.services.rosh.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from probation.accounts.models import Staff
from probation.core.models import VersionedModel
from probation.people.models import Person
from probation.people.models.person import RoshLevel

LEVEL_RANK = {RoshLevel.LOW: 1, RoshLevel.MEDIUM: 2, RoshLevel.HIGH: 3, RoshLevel.VERY_HIGH: 4}
LEVELS = [level.value for level in RoshLevel]

# (key, label): who may be harmed. Risk to prisoners is assessed in custody only.
COMMUNITY_GROUPS = (
    ("children", "Children"),
    ("public", "Public"),
    ("known_adult", "Known adult"),
    ("staff", "Staff"),
)
CUSTODY_GROUPS = (*COMMUNITY_GROUPS, ("prisoners", "Prisoners"))
COMMUNITY_FIELDS = tuple(f"{key}_community" for key, _ in COMMUNITY_GROUPS)
CUSTODY_FIELDS = tuple(f"{key}_custody" for key, _ in CUSTODY_GROUPS)
RATING_FIELDS = COMMUNITY_FIELDS + CUSTODY_FIELDS
EVIDENCE_FIELDS = (
    "nature_of_risk",
    "who_is_at_risk",
    "when_most_likely",
    "increasing_factors",
    "reducing_factors",
)

# The RoSH registration that mirrors each overall level (reference-data.md § Registrations).
REGISTER_FOR_LEVEL = {
    RoshLevel.VERY_HIGH: "RVHR",
    RoshLevel.HIGH: "RHRH",
    RoshLevel.MEDIUM: "RMRH",
    RoshLevel.LOW: "RLRH",
}


def overall_rosh(community: list[str]) -> str:
    """The overall RoSH: the highest of the community ratings (reference-data.md § RoSH, "the
    overall RoSH is the highest"). Custody ratings inform a custody plan but do not set the level a
    person is supervised at in the community, which is what allocation and the registration use."""
    return max(community, key=lambda level: LEVEL_RANK[RoshLevel(level)])


def _rating(label: str, *, required: bool) -> models.CharField:
    return models.CharField(label, max_length=9, choices=RoshLevel.choices, blank=not required)


class RoshAssessment(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="rosh_assessments")
    assessed_on = models.DateField("Assessment date")
    assessor = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="+")
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    children_community = _rating("Risk to children in the community", required=True)
    public_community = _rating("Risk to the public in the community", required=True)
    known_adult_community = _rating("Risk to a known adult in the community", required=True)
    staff_community = _rating("Risk to staff in the community", required=True)
    children_custody = _rating("Risk to children in custody", required=False)
    public_custody = _rating("Risk to the public in custody", required=False)
    known_adult_custody = _rating("Risk to a known adult in custody", required=False)
    staff_custody = _rating("Risk to staff in custody", required=False)
    prisoners_custody = _rating("Risk to prisoners in custody", required=False)
    overall_level = models.CharField("Overall RoSH", max_length=9, choices=RoshLevel.choices)

    nature_of_risk = models.TextField("Nature of the risk")
    who_is_at_risk = models.TextField("Who is at risk")
    when_most_likely = models.TextField("When is the risk most likely", blank=True)
    increasing_factors = models.TextField("Circumstances that increase the risk", blank=True)
    reducing_factors = models.TextField("Circumstances that reduce the risk", blank=True)

    class Meta:
        ordering = ["-assessed_on", "-id"]
        constraints = [
            *(
                models.CheckConstraint(condition=Q(**{f"{name}__in": LEVELS}), name=f"rosh_{name}_level")
                for name in (*COMMUNITY_FIELDS, "overall_level")
            ),
            *(
                models.CheckConstraint(
                    condition=Q(**{f"{name}__in": ["", *LEVELS]}), name=f"rosh_{name}_level"
                )
                for name in CUSTODY_FIELDS
            ),
        ]

    def __str__(self) -> str:
        return f"RoSH {self.overall_level} for {self.person_id} on {self.assessed_on:%Y-%m-%d}"


class RiskManagementPlan(VersionedModel):
    """The person's one risk management plan, changed in versions (ADR 0005, entity ``rmp``); it
    records the RoSH assessment that was the latest when it was last saved."""

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="risk_management_plan")
    rosh_assessment = models.ForeignKey(
        RoshAssessment, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    further_considerations = models.TextField("Further considerations", blank=True)
    supervision = models.TextField("Supervision")
    monitoring_and_control = models.TextField("Monitoring and control")
    interventions_and_treatment = models.TextField("Interventions and treatment")
    victim_safety_planning = models.TextField("Victim safety planning", blank=True)
    contingency_plan = models.TextField("Contingency plan")
    next_review_on = models.DateField("Next review date")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    def __str__(self) -> str:
        return f"Risk management plan for {self.person_id} v{self.version}"
