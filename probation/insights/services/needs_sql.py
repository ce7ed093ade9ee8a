"""The SQL twin of probation.rules.tiering.needs (need severity from assessment answers), built from
the same tables so the aggregation can count needs in the database, on SQLite and PostgreSQL alike.
A test checks it agrees with the pure rule for every answer of every question."""

from django.db.models import Case, Expression, IntegerField, Q, Value, When
from django.db.models.lookups import GreaterThanOrEqual

from probation.rules.tiering.inputs import NeedSection
from probation.rules.tiering.tables import ANSWER_SCORES, NEED_SECTIONS


def _answer_score(section: NeedSection, question: str, scores: dict[str, int]) -> Expression:
    key = f"answers__{section.value}__{question}"
    whens = [When(Q(**{key: answer}), then=Value(score)) for answer, score in scores.items() if score]
    return Case(*whens, default=Value(0), output_field=IntegerField())


def section_score(section: NeedSection) -> Expression:
    """The section's score: the sum of its answers' scores (missing and unknown score 0)."""
    rule = NEED_SECTIONS[section]
    parts = [_answer_score(section, question, ANSWER_SCORES[kind]) for question, kind in rule.questions]
    total: Expression = parts[0]
    for part in parts[1:]:
        total = total + part
    return total


def has_need(section: NeedSection) -> GreaterThanOrEqual:
    """True when the section scores at least the standard threshold (a standard or severe need). A
    section whose answers are all missing or unknown scores 0, below every threshold, so it is no
    need here as in the rule (where it is ignored)."""
    return GreaterThanOrEqual(section_score(section), Value(NEED_SECTIONS[section].standard_threshold))
