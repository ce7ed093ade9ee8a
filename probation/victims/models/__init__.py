from probation.victims.models.scheme import (
    KEY_STAGE_LABELS,
    KeyStageTask,
    SchemeBasis,
    SchemeCase,
    SchemeType,
)
from probation.victims.models.victims import (
    ContactMethod,
    InformationLevel,
    Participation,
    Representation,
    RepresentationKind,
    RepresentationStatus,
    Victim,
    VictimContact,
    VictimLetter,
    VictimRole,
)

__all__ = [
    "KEY_STAGE_LABELS",
    "ContactMethod",
    "InformationLevel",
    "KeyStageTask",
    "Participation",
    "Representation",
    "RepresentationKind",
    "RepresentationStatus",
    "SchemeBasis",
    "SchemeCase",
    "SchemeType",
    "Victim",
    "VictimContact",
    "VictimLetter",
    "VictimRole",
]
