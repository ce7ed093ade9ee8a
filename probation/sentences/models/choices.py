"""Choices for sentence records, taken from the pure domain enums so there is one list of each."""

from enum import StrEnum

from django.db import models

from probation.rules.sentences.licences import AdditionalConditionCategory, ConditionKind, SentenceKind
from probation.rules.sentences.requirements import REQUIREMENT_RULES, RequirementType


def _choices(enum: type[StrEnum], labels: dict[StrEnum, str] | None = None) -> list[tuple[str, str]]:
    labels = labels or {}
    return [(m.value, labels.get(m, m.value.replace("_", " ").capitalize())) for m in enum]


class SentenceType(models.TextChoices):
    COMMUNITY_ORDER = "community_order", "Community order"
    SUSPENDED_SENTENCE_ORDER = "suspended_sentence_order", "Suspended sentence order"
    CUSTODIAL = "custodial", "Custodial sentence"
    POST_SENTENCE_SUPERVISION = "post_sentence_supervision", "Post-sentence supervision"


class TerminationReason(models.TextChoices):
    COMPLETED = "completed", "Completed"
    EARLY_GOOD_PROGRESS = "early_good_progress", "Early termination for good progress"
    REVOKED = "revoked", "Revoked"
    REVOKED_BREACH = "revoked_breach", "Revoked following breach"
    RESENTENCED = "resentenced", "Revoked and re-sentenced"
    LICENCE_EXPIRED = "licence_expired", "Licence expired"
    DECEASED = "deceased", "Person died"
    TRANSFERRED = "transferred", "Transferred to another jurisdiction"
    OTHER = "other", "Other"


class RequirementTerminationReason(models.TextChoices):
    COMPLETED = "completed", "Completed"
    REMOVED_BY_COURT = "removed_by_court", "Removed or amended by the court"
    ORDER_ENDED = "order_ended", "Order ended"
    OTHER = "other", "Other"


SENTENCE_KIND_CHOICES = _choices(
    SentenceKind,
    {
        SentenceKind.STANDARD_DETERMINATE: "Standard determinate sentence",
        SentenceKind.SENTENCE_OF_PARTICULAR_CONCERN: "Sentence of particular concern",
        SentenceKind.EXTENDED: "Extended determinate sentence",
        SentenceKind.INDETERMINATE: "Indeterminate sentence",
    },
)
REQUIREMENT_TYPE_CHOICES = [(t.value, REQUIREMENT_RULES[t].label) for t in RequirementType]
CONDITION_KIND_CHOICES = _choices(ConditionKind)
CONDITION_CATEGORY_CHOICES = _choices(
    AdditionalConditionCategory,
    {AdditionalConditionCategory.APPROVED_PREMISES_RESIDENCE: "Residence at approved premises"},
)
