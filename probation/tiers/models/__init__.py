from probation.tiers.models.calculation import TierCalculation

__all__ = ["TierCalculation"]
