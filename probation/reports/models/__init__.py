from probation.reports.models.choices import (
    AssessmentAskedFor,
    CustodyPosition,
    RemandStatus,
    ReportLanguage,
    ReportSource,
    ReportStatus,
    ReportType,
    RequestStatus,
    SentencingPurpose,
)
from probation.reports.models.reports import LONG_FIELD_LIMIT, PROPOSAL_LIMIT, Report
from probation.reports.models.requests import ReportRequest
from probation.reports.models.signoff import ReportStep

__all__ = [
    "LONG_FIELD_LIMIT",
    "PROPOSAL_LIMIT",
    "AssessmentAskedFor",
    "CustodyPosition",
    "RemandStatus",
    "Report",
    "ReportLanguage",
    "ReportRequest",
    "ReportSource",
    "ReportStatus",
    "ReportStep",
    "ReportType",
    "RequestStatus",
    "SentencingPurpose",
]
