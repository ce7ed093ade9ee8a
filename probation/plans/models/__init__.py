from probation.plans.models.activities import RarActivity
from probation.plans.models.plans import AGREEMENT_CHOICES, Plan, PlanVersion

__all__ = ["AGREEMENT_CHOICES", "Plan", "PlanVersion", "RarActivity"]
