"""Models of this app; see the app docstring in apps.py."""

from probation.scores.models.history import CriminalHistory
from probation.scores.models.scores import PredictorScore, PredictorSlug

__all__ = ["CriminalHistory", "PredictorScore", "PredictorSlug"]
