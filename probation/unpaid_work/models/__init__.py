from probation.unpaid_work.models.placements import Allocation, Assessment, Place
from probation.unpaid_work.models.progress import DeadlineExtension, EteCredit
from probation.unpaid_work.models.projects import (
    PROJECT_KINDS,
    WEEKDAYS,
    Project,
    ProjectDay,
    ProjectType,
    Session,
    Supervisor,
)

__all__ = [
    "PROJECT_KINDS",
    "WEEKDAYS",
    "Allocation",
    "Assessment",
    "DeadlineExtension",
    "EteCredit",
    "Place",
    "Project",
    "ProjectDay",
    "ProjectType",
    "Session",
    "Supervisor",
]
