from probation.sentences.models.events import Event, EventOffence, Sentence
from probation.sentences.models.licences import Licence, LicenceCondition
from probation.sentences.models.requirements import Requirement

__all__ = ["Event", "EventOffence", "Licence", "LicenceCondition", "Requirement", "Sentence"]
