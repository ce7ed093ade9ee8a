from probation.enforcement.models.breach import Breach, BreachStep
from probation.enforcement.models.recall import Recall, RecallStep

__all__ = ["Breach", "BreachStep", "Recall", "RecallStep"]
