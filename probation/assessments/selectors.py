"""Reads of needs assessments. The person always comes from people's scoped selectors
(``case_get`` / ``person_get``), so these only narrow to that person."""

from probation.assessments.models import Assessment, AssessmentQuerySet
from probation.assessments.questions import WOMENS_FACTORS
from probation.core.errors import NotFound
from probation.people.models import Person
from probation.rules.tiering import NeedsAssessment, NeedSection
from probation.rules.tiering.tables import NEED_SECTIONS


def assessment_list(*, person: Person) -> AssessmentQuerySet:
    """Every assessment of the person, newest first: the history."""
    return Assessment.objects.filter(person=person).select_related("started_by__staff", "completed_by__staff")


def assessment_get(*, person: Person, assessment_id: int) -> Assessment:
    """One assessment of this person; another person's looks missing."""
    assessment = assessment_list(person=person).filter(pk=assessment_id).first()
    if assessment is None:
        raise NotFound(assessment_id)
    return assessment


def needs_assessment_from(assessment: Assessment) -> NeedsAssessment:
    """The tiering input for one assessment: the 8 need sections and the 3 women's-factor answers.

    Only tiering's own questions of each section are passed: the predictor answers a need section
    also asks (``PREDICTOR_QUESTIONS``) are not tiering inputs, and tiering refuses unknown questions.
    """
    answers = assessment.answers
    womens = answers.get(WOMENS_FACTORS, {})
    return NeedsAssessment(
        answers={
            str(need): {
                name: value
                for name, value in answers.get(str(need), {}).items()
                if name in dict(NEED_SECTIONS[need].questions)
            }
            for need in NeedSection
        },
        parenting_responsibilities=womens.get("parenting_responsibilities"),
        impulsivity=womens.get("impulsivity"),
        temper_control=womens.get("temper_control"),
    )


def latest_completed_needs(person: Person) -> NeedsAssessment | None:
    """tiering.md § Inputs "latest needs assessment": the newest completed one, or None. Drafts do
    not count."""
    latest = Assessment.objects.completed().filter(person=person).order_by("-completed_at", "-id").first()
    return None if latest is None else needs_assessment_from(latest)
