"""Models of this app; see the app docstring in apps.py."""

from probation.worklists.models.items import WorkItem, WorkItemKind
from probation.worklists.models.reviews import CaseReview, OversightOutcome, ReviewReasonChoice, ReviewStatus

__all__ = ["CaseReview", "OversightOutcome", "ReviewReasonChoice", "ReviewStatus", "WorkItem", "WorkItemKind"]
