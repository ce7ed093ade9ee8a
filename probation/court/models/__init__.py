from probation.court.models.courts import Court, CourtKind
from probation.court.models.lists import (
    CourtList,
    Hearing,
    HearingCandidate,
    MatchState,
    Outcome,
    Plea,
    PreparationStatus,
    ResultStatus,
    Session,
)

__all__ = [
    "Court",
    "CourtKind",
    "CourtList",
    "Hearing",
    "HearingCandidate",
    "MatchState",
    "Outcome",
    "Plea",
    "PreparationStatus",
    "ResultStatus",
    "Session",
]
