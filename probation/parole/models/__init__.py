from probation.parole.models.governor import (
    GovernorRecommendation,
    GovernorReport,
    GovernorReportStatus,
)
from probation.parole.models.reviews import ParoleReview, ReportStatus, YesNoUnknown

__all__ = [
    "GovernorRecommendation",
    "GovernorReport",
    "GovernorReportStatus",
    "ParoleReview",
    "ReportStatus",
    "YesNoUnknown",
]
