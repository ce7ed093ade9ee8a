"""The PNI inputs read from the record: the latest predictor scores (probation.scores), the latest
completed needs assessment's answers (probation.assessments) and this app's extra PNI answers; and the
pathway they give (probation.rules.programmes.pathway). The person comes from people's scoped
selectors. Three queries."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from probation.assessments.models import Assessment
from probation.assessments.selectors import assessment_list
from probation.people.models import Person
from probation.programmes.models import ProgrammeNeeds
from probation.rules.programmes.pathway import (
    PROBLEM_SCALE,
    SARA_LEVELS,
    PathwayResult,
    RiskInputs,
    pathway,
)
from probation.scores.selectors import score_history

# Need answers the needs assessment asks: PNI item -> (section, question).
ASSESSMENT_ITEMS = {
    "close_family": ("relationships", "close_family"),
    "previous_close_relationships": ("relationships", "previous_close_relationships"),
    "easily_influenced": ("lifestyle_associates", "easily_influenced"),
    "impulsivity": ("thinking_behaviour", "impulsivity"),
    "temper_control": ("thinking_behaviour", "temper_control"),
    "problem_solving": ("thinking_behaviour", "problem_solving"),
    "pro_criminal_attitudes": ("attitudes", "pro_criminal_attitudes"),
}
NEEDS_FIELDS = (
    "sexual_preoccupation",
    "offence_related_sexual_interests",
    "emotional_congruence",
    "hostile_orientation",
    "aggressive_controlling",
    "coping",
)


@dataclass(frozen=True)
class PathwayView:
    result: PathwayResult
    risk_inputs: RiskInputs
    answers: dict[str, int | None]
    assessment: Assessment | None
    needs: ProgrammeNeeds | None


def _decimal(result: dict[str, Any], key: str) -> Decimal | None:
    value = result.get(key)
    return None if value is None or result.get("applicable") is False else Decimal(str(value))


def _band(result: dict[str, Any]) -> str | None:
    return None if result.get("applicable") is False else result.get("band")


def risk_inputs_for(person: Person, needs: ProgrammeNeeds | None) -> RiskInputs:
    latest = {slug: scores[0].result for slug, scores in score_history(person=person).items() if scores}
    return RiskInputs(
        male=person.gender == "M",
        ogrs3=_decimal(latest.get("ogrs3", {}), "two_year_percent"),
        ovp=_decimal(latest.get("ovp", {}), "two_year_percent"),
        osp_dc=_band(latest["osp_dc"]) if "osp_dc" in latest else None,
        osp_iic=_band(latest["osp_iic"]) if "osp_iic" in latest else None,
        rsr=_decimal(latest.get("rsr", {}), "percent"),
        sara_partner=SARA_LEVELS.get(needs.sara_partner) if needs else None,
        sara_others=SARA_LEVELS.get(needs.sara_others) if needs else None,
    )


def pathway_for(*, person: Person) -> PathwayView:
    needs = ProgrammeNeeds.objects.filter(person=person).first()
    assessment = assessment_list(person=person).completed().order_by("-completed_at", "-id").first()
    answers: dict[str, int | None] = {}
    stored = assessment.answers if assessment else {}
    for item, (section, question) in ASSESSMENT_ITEMS.items():
        answers[item] = PROBLEM_SCALE.get(stored.get(section, {}).get(question, ""))
    for name in NEEDS_FIELDS:
        answers[name] = getattr(needs, name) if needs else None
    risk = risk_inputs_for(person, needs)
    result = pathway(risk, answers, ldc_score=needs.ldc_score if needs else None)
    return PathwayView(result, risk, answers, assessment, needs)
