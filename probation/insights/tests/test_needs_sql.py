"""The SQL twin of the need severity rule agrees with the pure rule (probation.rules.tiering.needs)
for every answer of every question, and for random whole sections."""

import random

import pytest
from django.db.models import Q

from probation.assessments.models import Assessment
from probation.assessments.tests.factories import CompletedAssessmentFactory
from probation.insights.services.needs_sql import has_need
from probation.people.tests.factories import PersonFactory
from probation.rules.tiering.inputs import NeedSection
from probation.rules.tiering.needs import score_section
from probation.rules.tiering.tables import ANSWER_SCORES, NEED_SECTIONS, Severity

pytestmark = pytest.mark.django_db


def _answer_sets():
    for section in NeedSection:
        rule = NEED_SECTIONS[section]
        for question, kind in rule.questions:
            for answer in ANSWER_SCORES[kind]:
                yield {section.value: {question: answer}}
    rng = random.Random(17)
    for _ in range(40):
        yield {
            section.value: {
                question: rng.choice([*ANSWER_SCORES[kind], None])
                for question, kind in NEED_SECTIONS[section].questions
            }
            for section in NeedSection
        }


def test_the_sql_need_flag_agrees_with_the_rule_for_every_answer():
    person = PersonFactory()
    for answers in _answer_sets():
        cleaned = {s: {q: a for q, a in qs.items() if a is not None} for s, qs in answers.items()}
        CompletedAssessmentFactory(person=person, answers=cleaned)
    annotated = Assessment.objects.annotate(
        **{f"need_{section.value}": Q(has_need(section)) for section in NeedSection}
    )

    for assessment in annotated:
        for section in NeedSection:
            expected = score_section(section, assessment.answers.get(section.value, {})).severity in (
                Severity.STANDARD,
                Severity.SEVERE,
            )
            assert getattr(assessment, f"need_{section.value}") == expected, (section, assessment.answers)
