from probation.programmes.models.groups import Attendance, Group, GroupSession, Participant, SessionKind
from probation.programmes.models.referrals import (
    FacilitatorTraining,
    ProgrammeNeeds,
    Referral,
    ReferralStep,
)

__all__ = [
    "Attendance",
    "FacilitatorTraining",
    "Group",
    "GroupSession",
    "Participant",
    "ProgrammeNeeds",
    "Referral",
    "ReferralStep",
    "SessionKind",
]
