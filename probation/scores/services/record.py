"""What the case record says about each predictor input (predictors.md § Common definitions).

``case_facts`` reads the record once — person, events and their offences, the current sentence and
licence, the criminal history and the latest completed needs assessment — and ``predictor_values``
turns those facts into each calculator's input values. An input the record cannot supply is None
with a reason saying where it should come from; the calculators' own validation then names it.
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from probation.assessments.models import Assessment
from probation.assessments.questions import EMOTIONAL_WELLBEING, WOMENS_FACTORS
from probation.people.models import Person
from probation.rules.predictors import Awareness, Gender, Motivation, ProblemLevel
from probation.rules.predictors.common import age_on
from probation.rules.predictors.offences import offence_weightings
from probation.scores.models import CriminalHistory
from probation.scores.models.history import PREVIOUS_CONVICTION_FLAGS, SEXUAL_COUNT_FIELDS
from probation.sentences.models import Event, EventOffence, Sentence
from probation.sentences.models.choices import SentenceType

GENDERS = {"M": Gender.MALE, "F": Gender.FEMALE}
# SNSV categories (offence-weightings.csv) counted as violent and sexual sanctions for events on
# record. Robbery is "Acquisitive violence": violence against the person in the course of theft.
VIOLENT_CATEGORIES = frozenset({"Violence against the person", "Acquisitive violence"})
SEXUAL_CATEGORIES = frozenset({"Sexual (against child)", "Sexual (not against child)"})
CUSTODIAL_TYPES = frozenset({SentenceType.CUSTODIAL, SentenceType.POST_SENTENCE_SUPERVISION})
NO_HISTORY = "Record the criminal history (previous sanctions: enter 0 if there are none)."

# (section, question) of the needs assessment holding each predictor answer, first found wins.
# Impulsivity and temper control are asked of everyone in thinking and behaviour, and of women again
# in the women's factors (ADR 0011); the thinking and behaviour answer is read first.
ASSESSMENT_SOURCES: dict[str, tuple[tuple[str, str], ...]] = {
    "no_fixed_abode_or_transient": (("accommodation", "no_fixed_abode_or_transient"),),
    "accommodation_suitability": (("accommodation", "suitability"),),
    "unemployed": (("education_training_employability", "unemployed"),),
    "relationship_with_partner": (("relationships", "relationship_with_partner"),),
    "regular_activities_encourage_offending": (
        ("lifestyle_associates", "regular_activities_encourage_offending"),
    ),
    "current_drug_misuse": (("drug_misuse", "current_drug_use"),),
    "motivation_to_tackle_drug_misuse": (("drug_misuse", "motivation_to_tackle"),),
    "current_alcohol_use": (("alcohol_misuse", "current_use"),),
    "current_drinking": (("alcohol_misuse", "current_use"),),
    "binge_drinking": (("alcohol_misuse", "binge_drinking"),),
    "problem_solving": (("thinking_behaviour", "problem_solving"),),
    "awareness_of_consequences": (("thinking_behaviour", "awareness_of_consequences"),),
    "understands_other_peoples_views": (("thinking_behaviour", "understands_others_views"),),
    "impulsivity": (("thinking_behaviour", "impulsivity"), (WOMENS_FACTORS, "impulsivity")),
    "temper_control": (("thinking_behaviour", "temper_control"), (WOMENS_FACTORS, "temper_control")),
    "pro_criminal_attitudes": (("attitudes", "pro_criminal_attitudes"),),
    "in_psychiatric_treatment": ((EMOTIONAL_WELLBEING, "currently_in_psychiatric_treatment"),),
}
_PROBLEM = {"none": ProblemLevel.NONE, "some": ProblemLevel.SOME, "significant": ProblemLevel.SIGNIFICANT}
# Answers the assessment records on another scale, converted score for score (predictors.md § OGP,
# "Answer scores"): yes/no current drug use scores 2/0 like significant/none; the problem scale's
# 0/1/2 are motivation full/partial/none and awareness yes/sometimes/no.
_CONVERSIONS: dict[str, dict[str, Any]] = {
    "current_drug_misuse": {"yes": ProblemLevel.SIGNIFICANT, "no": ProblemLevel.NONE},
    "motivation_to_tackle_drug_misuse": {
        "none": Motivation.FULL,
        "some": Motivation.PARTIAL,
        "significant": Motivation.NONE,
    },
    "awareness_of_consequences": {
        "none": Awareness.YES,
        "some": Awareness.SOMETIMES,
        "significant": Awareness.NO,
    },
}
_YES_NO = {"yes": True, "no": False}


@dataclass
class Gathered:
    """Input values by calculator field name, and why each missing one is missing."""

    values: dict[str, Any] = field(default_factory=dict)
    reasons: dict[str, str] = field(default_factory=dict)

    def put(self, name: str, value: Any, reason: str = "") -> None:
        self.values[name] = value
        if value is None and reason:
            self.reasons[name] = reason


@dataclass(frozen=True)
class CaseFacts:
    person: Person
    today: dt.date
    sentence: Sentence | None
    main_offence: EventOffence | None
    events: list[Event]
    history: CriminalHistory | None
    assessment: Assessment | None


def case_facts(*, person: Person, today: dt.date) -> CaseFacts:
    """Everything the predictors read about one person, in a handful of queries."""
    events = list(
        Event.objects.filter(person=person).prefetch_related("offences").order_by("conviction_date", "id")
    )
    sentence = (
        Sentence.objects.current()
        .filter(person=person)
        .select_related("event", "licence")
        .order_by("-sentence_date", "-id")
        .first()
    )
    main = None
    if sentence is not None:
        main = next(
            (o for e in events if e.pk == sentence.event_id for o in e.offences.all() if o.main), None
        )
    assessment = Assessment.objects.completed().filter(person=person).order_by("-completed_at", "-id").first()
    history = CriminalHistory.objects.filter(person=person).first()
    return CaseFacts(person, today, sentence, main, events, history, assessment)


def _category(offence: EventOffence) -> str:
    weighting = offence_weightings().get(offence.ho_code)
    return weighting.snsv_category if weighting else ""


def _main_offences(events: list[Event]) -> list[tuple[Event, EventOffence]]:
    return [(e, o) for e in events for o in e.offences.all() if o.main]


def _current_event(facts: CaseFacts, g: Gathered) -> None:
    sentence, main = facts.sentence, facts.main_offence
    none_current = "There is no current sentence on the record."
    if sentence is None:
        for name in (
            "date_of_current_conviction",
            "current_offence_code",
            "start_of_follow_up",
            "in_custody",
        ):
            g.put(name, None, none_current)
        return
    g.put("date_of_current_conviction", sentence.event.conviction_date)
    g.put("current_offence_code", main.ho_code if main else None, "The current event has no main offence.")
    licence = getattr(sentence, "licence", None)
    if sentence.type in CUSTODIAL_TYPES:
        # predictors.md § Common definitions: start of follow-up is the (expected) release date.
        release = licence.release_date if licence else None
        g.put(
            "start_of_follow_up",
            release,
            "Record the licence and its release date for the custodial sentence.",
        )
        g.put("in_custody", release is None or release > facts.today)
    else:
        # predictors.md § Common definitions: the sentence date for a community sentence.
        g.put("start_of_follow_up", sentence.sentence_date)
        g.put("in_custody", False)


def _criminal_history(facts: CaseFacts, g: Gathered) -> None:
    history, events = facts.history, facts.events
    mains = _main_offences(events)
    sexual = [(e, o) for e, o in mains if _category(o) in SEXUAL_CATEGORIES]
    violent_on_record = sum(1 for _, o in mains if _category(o) in VIOLENT_CATEGORIES)
    offence_dates = [o.offence_date for e in events for o in e.offences.all()]
    g.put(
        "most_recent_offence_date", max(offence_dates, default=None), "There are no offences on the record."
    )
    if history is None:
        for name in (
            "total_sanctions",
            "violent_sanctions",
            "age_at_first_sanction",
            "sexual_offence_history",
        ):
            g.put(name, None, NO_HISTORY)
        for name in (*SEXUAL_COUNT_FIELDS, *PREVIOUS_CONVICTION_FLAGS):
            g.put(name, None, NO_HISTORY)
        return
    g.put("total_sanctions", len(events) + history.previous_sanctions)
    g.put("violent_sanctions", violent_on_record + history.previous_violent_sanctions)
    first_dates = [e.conviction_date for e in events] + [d for d in [history.first_sanction_date] if d]
    if history.previous_sanctions and history.first_sanction_date is None:
        g.put(
            "age_at_first_sanction",
            None,
            "Previous sanctions are recorded: record the date of the first sanction.",
        )
    elif not first_dates:
        g.put("age_at_first_sanction", None, "There are no convictions on the record.")
    else:
        # predictors.md § Common definitions: age at X = completed years from the date of birth.
        g.put("age_at_first_sanction", age_on(facts.person.date_of_birth, min(first_dates)))
    counts = {name: getattr(history, name) for name in SEXUAL_COUNT_FIELDS}
    for name, count in counts.items():
        g.put(name, count)
    g.put("sexual_offence_history", any(counts.values()) or bool(sexual))
    g.put(
        "last_sexual_sanction_date",
        max(
            [e.conviction_date for e, _ in sexual] + [d for d in [history.last_sexual_sanction_date] if d],
            default=None,
        ),
        "Record the date of the last sexual sanction in the criminal history.",
    )
    g.put(
        "most_recent_sexual_offence_date",
        max(
            [o.offence_date for _, o in sexual] + [d for d in [history.most_recent_sexual_offence_date] if d],
            default=None,
        ),
        "Record the date of the most recent sexual offence in the criminal history.",
    )
    for name in (
        "current_offence_against_stranger",
        "weapon_in_offence",
        "does_not_recognise_impact_of_offending",
        "domestic_abuse_perpetrator_against_partner",
        *PREVIOUS_CONVICTION_FLAGS,
    ):
        g.put(name, getattr(history, name), "Answer it in the criminal history.")


def _assessment_answers(facts: CaseFacts, g: Gathered) -> None:
    assessment = facts.assessment
    answers = assessment.answers if assessment else {}
    if assessment is None:
        missing = "There is no completed needs assessment."
    else:
        missing = (
            f"It is not answered in the needs assessment completed on {assessment.completed_at:%-d %B %Y}."
        )
    for name, sources in ASSESSMENT_SOURCES.items():
        raw = next(
            (
                answers.get(s, {}).get(q)
                for s, q in sources
                if answers.get(s, {}).get(q) not in (None, "unknown")
            ),
            None,
        )
        scale = _CONVERSIONS.get(name) or (_YES_NO if raw in _YES_NO else _PROBLEM)
        g.put(name, scale.get(raw) if raw is not None else None, missing)


def gathered_values(facts: CaseFacts) -> Gathered:
    """Every predictor input the record supplies, by calculator field name."""
    g = Gathered()
    person = facts.person
    g.put(
        "gender",
        GENDERS.get(person.gender),
        "The predictors have male and female coefficients only; "
        f"the record says {person.get_gender_display()}.",
    )
    g.put("date_of_birth", person.date_of_birth)
    g.put("assessment_date", facts.today)
    _current_event(facts, g)
    _criminal_history(facts, g)
    _assessment_answers(facts, g)
    return g
