"""Risk models. Pure rules live apart in probation.risk.predictors and probation.risk.tiering."""

from probation.risk.models.registrations import Registration, RegistrationQuerySet, RegistrationReview

__all__ = ["Registration", "RegistrationQuerySet", "RegistrationReview"]
