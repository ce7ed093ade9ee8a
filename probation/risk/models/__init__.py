"""Risk models. Pure rules live apart in probation.rules.predictors and probation.rules.tiering."""

from probation.risk.models.registrations import Registration, RegistrationQuerySet, RegistrationReview
from probation.risk.models.rosh import RiskManagementPlan, RoshAssessment

__all__ = [
    "Registration",
    "RegistrationQuerySet",
    "RegistrationReview",
    "RiskManagementPlan",
    "RoshAssessment",
]
