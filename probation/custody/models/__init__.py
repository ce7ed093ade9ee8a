from probation.custody.models.custody import (
    CustodyRecord,
    DatesStatus,
    Pathway,
    PathwayStatus,
    ReleaseNight,
    ResettlementPathway,
)
from probation.custody.models.licence import (
    CustodyLicence,
    DraftCondition,
    LicenceStatus,
    RecallReport,
    VictimsInScheme,
)

__all__ = [
    "CustodyLicence",
    "CustodyRecord",
    "DatesStatus",
    "DraftCondition",
    "LicenceStatus",
    "Pathway",
    "PathwayStatus",
    "RecallReport",
    "ReleaseNight",
    "ResettlementPathway",
    "VictimsInScheme",
]
