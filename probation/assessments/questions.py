"""The questions a needs assessment asks, built from the tiering rules so they can never drift.

The 8 scored need sections and the women's factors take their question names and answer kinds from
``probation.rules.tiering.tables`` (tiering.md § Need severity from assessment answers; § Protect
level: women's factors). Only the wording shown to staff lives here. Financial management and
emotional wellbeing are weighted 0 by tiering and take no tiering input; they hold the one extra
answer a predictor reads (OVP: "currently in psychiatric treatment", predictors.md § OVP) and one
recorded-only question, and are never scored (ADR 0011).

Three need sections also ask the predictor answers tiering does not read (``PREDICTOR_QUESTIONS``,
predictors.md § OVP, § SNSV): thinking & behaviour asks impulsivity and temper control, relationships
asks the relationship with a partner, of everyone. They are asked after tiering's questions, on the
problem scale (none 0 / some 1 / significant 2), and never scored: ``score_section`` reads only
tiering's questions, so a section's need severity is unchanged (tiering.md § Need severity).
"""

from dataclasses import dataclass

from probation.rules.tiering.inputs import NeedSection
from probation.rules.tiering.tables import (
    ANSWER_SCORES,
    NEED_SECTIONS,
    UNKNOWN_ANSWER,
    WOMENS_FACTOR_QUESTIONS,
    QuestionKind,
)

FINANCIAL_MANAGEMENT = "financial_management"
EMOTIONAL_WELLBEING = "emotional_wellbeing"
WOMENS_FACTORS = "womens_factors"
FEMALE = "F"  # Person.gender
THINKING_BEHAVIOUR = str(NeedSection.THINKING_BEHAVIOUR)
RELATIONSHIPS = str(NeedSection.RELATIONSHIPS)

# Predictor answers asked in a need section beside tiering's questions, by section key. The names are
# the keys the scores app reads (``probation.scores.services.record.ASSESSMENT_SOURCES``).
PREDICTOR_QUESTIONS: dict[str, tuple[tuple[str, QuestionKind], ...]] = {
    THINKING_BEHAVIOUR: (("impulsivity", QuestionKind.PROBLEM), ("temper_control", QuestionKind.PROBLEM)),
    RELATIONSHIPS: (("relationship_with_partner", QuestionKind.PROBLEM),),
}
NOT_SCORED_HINT = "Used by the reoffending predictors. It does not change this section's need score."

ANSWER_LABELS: dict[QuestionKind, dict[str, str]] = {
    QuestionKind.YES_NO: {"yes": "Yes", "no": "No"},
    QuestionKind.PROBLEM: {
        "none": "No problems",
        "some": "Some problems",
        "significant": "Significant problems",
    },
    QuestionKind.EVER_INJECTED: {"never": "Never", "previously": "Previously", "currently": "Currently"},
}
UNKNOWN_LABEL = "Unknown"

QUESTION_LABELS: dict[str, str] = {
    "no_fixed_abode_or_transient": "Is the person of no fixed abode or in transient accommodation?",
    "suitability": "Suitability of accommodation",
    "permanence": "Permanence of accommodation",
    "location": "Suitability of the location of accommodation",
    "unemployed": "Is the person unemployed, or will they be on release?",
    "employment_history": "Employment history",
    "work_related_skills": "Work-related skills",
    "attitude_to_employment": "Attitude to employment",
    "close_family": "Relationship with close family members",
    "experience_of_childhood": "Experience of childhood",
    "previous_close_relationships": "Previous experience of close relationships",
    "relationship_with_partner": "Current relationship with partner",
    "regular_activities_encourage_offending": "Do regular activities encourage offending?",
    "easily_influenced": "Easily influenced by criminal associates",
    "recklessness": "Recklessness and risk-taking behaviour",
    "current_drug_use": "Is the person currently using drugs?",
    "ever_injected": "Has the person ever injected drugs?",
    "motivation_to_tackle": "Motivation to tackle misuse",
    "drugs_major_activity": "Is using or obtaining drugs a major activity or occupation?",
    "current_use": "Is current alcohol use a problem?",
    "binge_drinking": "Binge drinking or excessive use of alcohol in the last 6 months",
    "frequency_and_level": "Frequency and level of alcohol misuse in the past",
    "recognises_problems": "Recognises problems",
    "problem_solving": "Problem-solving skills",
    "awareness_of_consequences": "Awareness of consequences",
    "understands_others_views": "Understands other people's views",
    "pro_criminal_attitudes": "Pro-criminal attitudes",
    "attitude_to_supervision": "Attitude towards supervision or licence",
    "attitude_to_community": "Attitude towards community or society",
    "motivation_to_address_offending": "Motivation to address offending behaviour",
    "financial_situation": "Problems managing money and finances",
    "currently_in_psychiatric_treatment": "Is the person currently in psychiatric treatment?",
    "parenting_responsibilities": "Does the person have parenting responsibilities?",
    "impulsivity": "Impulsivity",
    "temper_control": "Temper control",
}


@dataclass(frozen=True)
class Question:
    name: str
    label: str
    kind: QuestionKind
    hint: str = ""  # shown under the question: set for predictor answers a need section does not score

    @property
    def choices(self) -> list[tuple[str, str]]:
        """The answers tiering accepts for this kind, in its order, with "Unknown" last."""
        labels = ANSWER_LABELS[self.kind] | {UNKNOWN_ANSWER: UNKNOWN_LABEL}
        return [(value, labels[value]) for value in ANSWER_SCORES[self.kind]]

    def answer_label(self, value: str | None) -> str:
        return dict(self.choices).get(value or "", "Not answered")


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    questions: tuple[Question, ...]
    need: NeedSection | None = None  # scored by tiering when set
    female_only: bool = False

    def question(self, name: str) -> Question | None:
        return next((q for q in self.questions if q.name == name), None)


def _question(name: str, kind: QuestionKind, hint: str = "") -> Question:
    return Question(name=name, label=QUESTION_LABELS[name], kind=kind, hint=hint)


def _need_questions(
    need: NeedSection, rule_questions: tuple[tuple[str, QuestionKind], ...]
) -> tuple[Question, ...]:
    """Tiering's questions for the section, then the predictor answers it also asks (not scored)."""
    return (
        *(_question(name, kind) for name, kind in rule_questions),
        *(_question(name, kind, NOT_SCORED_HINT) for name, kind in PREDICTOR_QUESTIONS.get(str(need), ())),
    )


SECTIONS: tuple[Section, ...] = (
    *(
        Section(
            key=str(need),
            title=rule.title,
            questions=_need_questions(need, rule.questions),
            need=need,
        )
        for need, rule in NEED_SECTIONS.items()
    ),
    Section(
        key=FINANCIAL_MANAGEMENT,
        title="Financial management",
        questions=(_question("financial_situation", QuestionKind.PROBLEM),),
    ),
    Section(
        key=EMOTIONAL_WELLBEING,
        title="Emotional wellbeing",
        questions=(_question("currently_in_psychiatric_treatment", QuestionKind.YES_NO),),
    ),
    Section(
        key=WOMENS_FACTORS,
        title="Women's factors",
        questions=tuple(_question(name, kind) for name, kind in WOMENS_FACTOR_QUESTIONS.items()),
        female_only=True,
    ),
)
SECTIONS_BY_KEY: dict[str, Section] = {section.key: section for section in SECTIONS}


def sections_for(gender: str) -> tuple[Section, ...]:
    """The sections asked of a person: the women's factors only for female persons."""
    return tuple(s for s in SECTIONS if not s.female_only or gender == FEMALE)


def section_for(key: str, gender: str) -> Section | None:
    return next((s for s in sections_for(gender) if s.key == key), None)
