from probation.assessments.models.assessment import (
    Assessment,
    AssessmentChange,
    AssessmentQuerySet,
    AssessmentStatus,
)

__all__ = ["Assessment", "AssessmentChange", "AssessmentQuerySet", "AssessmentStatus"]
