from probation.custody.models.custody import (
    CustodyRecord,
    DatesStatus,
    Pathway,
    PathwayStatus,
    ReleaseNight,
    ResettlementPathway,
)

__all__ = ["CustodyRecord", "DatesStatus", "Pathway", "PathwayStatus", "ReleaseNight", "ResettlementPathway"]
