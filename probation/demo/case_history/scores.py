"""Each person's criminal history (probation.scores.models.CriminalHistory) and the predictor scores
calculated from it with the project's own code: the inputs are gathered from the person's events,
current sentence, criminal history and needs assessment by ``probation.scores.services.record``
(the same function the "Calculate scores" page uses), and every calculator in
``probation.rules.predictors`` runs unchanged, as ``probation.scores.services.scores`` runs them.
A predictor whose inputs are missing or invalid stores nothing, as on the page.

The record is read from unsaved model instances built from the generator's own plans (no query per
person): events with their offences prefetched, the current sentence with its licence.
"""

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass
from random import Random
from typing import Any

from probation.assessments.models import Assessment
from probation.demo.case_history.state import RunState, at
from probation.demo.case_history.timeline import SentencePlan
from probation.people.models import Person
from probation.rules.predictors import PREDICTORS, PredictorInputError, to_jsonable
from probation.rules.predictors.offences import offence_weightings
from probation.scores.models import CriminalHistory, PredictorSlug
from probation.scores.services.record import (
    SEXUAL_CATEGORIES,
    VIOLENT_CATEGORIES,
    CaseFacts,
    Gathered,
    gathered_values,
)
from probation.scores.services.scores import HEADLINE_FIELDS
from probation.sentences.models import Event, EventOffence, Licence, Sentence

HISTORY_COLUMNS = (
    "previous_sanctions",
    "previous_violent_sanctions",
    "first_sanction_date",
    "contact_adult_sanctions",
    "contact_child_sanctions",
    "non_contact_sanctions",
    "indecent_image_sanctions",
    "last_sexual_sanction_date",
    "most_recent_sexual_offence_date",
    "current_offence_against_stranger",
    "weapon_in_offence",
    "does_not_recognise_impact_of_offending",
    "domestic_abuse_perpetrator_against_partner",
    "previous_homicide",
    "previous_wounding_or_gbh",
    "previous_kidnapping",
    "previous_firearms",
    "previous_robbery",
    "previous_aggravated_burglary",
    "previous_weapon",
    "previous_criminal_damage",
    "previous_arson",
)
HAS_HISTORY = 0.93  # the share of people whose criminal history has been recorded


def snsv_category(ho_code: str) -> str:
    weighting = offence_weightings().get(ho_code)
    return weighting.snsv_category if weighting else ""


def offence_group(plans: list[SentencePlan]) -> str:
    """The group of the latest sentence's main offence: sexual, violent, drug, acquisitive, drink or
    other (the needs and risk generators shift their draws by it)."""
    if not plans or not plans[-1].offences:
        return "other"
    category = snsv_category(plans[-1].offences[0][0])
    if category in SEXUAL_CATEGORIES:
        return "sexual"
    if category in VIOLENT_CATEGORIES:
        return "violent"
    if category.startswith("Drug"):
        return "drug"
    if category in ("Drink driving", "Drunkenness"):
        return "drink"
    if any(word in category for word in ("Theft", "Burglary", "theft", "Handling", "Fraud")):
        return "acquisitive"
    return "other"


def current_plan(plans: list[SentencePlan]) -> SentencePlan | None:
    """The current sentence as ``Sentence.objects.current()`` ordered by -sentence_date, -id finds it."""
    current = [p for p in plans if p.terminated_on is None]
    return max(current, key=lambda p: (p.start, p.id)) if current else None


@dataclass(frozen=True)
class ScoresPerson:
    id: int
    dob: dt.date
    gender: str
    user: int
    domestic_abuse: bool  # an ADVP registration: perpetrator against a partner


def _history(rng: Random, person: ScoresPerson, plans: list[SentencePlan]) -> dict[str, Any]:
    """A criminal history consistent with the events on record: sexual counts include them."""
    first_event = min((p.conviction_date for p in plans), default=None)
    age_then = (first_event - person.dob).days // 365 if first_event else 30
    previous = 0 if rng.random() < 0.22 else min(60, int(rng.expovariate(1 / 7)) + 1)
    previous = min(previous, max(0, age_then - 12) * 3)
    violent = sum(1 for _ in range(previous) if rng.random() < 0.25)
    first_date = None
    if previous and first_event:
        first_age = rng.randint(12, max(12, min(age_then, 30)))
        first_date = min(person.dob + dt.timedelta(days=int(365.25 * first_age) + rng.randint(1, 300)),
                         first_event - dt.timedelta(days=30))  # fmt: skip
        first_date = max(first_date, person.dob + dt.timedelta(days=365 * 10 + 3))
    counts = {"contact_adult_sanctions": 0, "contact_child_sanctions": 0, "non_contact_sanctions": 0,
              "indecent_image_sanctions": 0}  # fmt: skip
    for plan in plans:
        category = snsv_category(plan.offences[0][0]) if plan.offences else ""
        if category == "Sexual (against child)":
            key = "indecent_image_sanctions" if rng.random() < 0.35 else "contact_child_sanctions"
            counts[key] += 1
        elif category == "Sexual (not against child)":
            counts["contact_adult_sanctions" if rng.random() < 0.7 else "non_contact_sanctions"] += 1
    latest_group = offence_group(plans)
    history: dict[str, Any] = {
        "previous_sanctions": previous,
        "previous_violent_sanctions": violent,
        "first_sanction_date": first_date,
        **counts,
        "last_sexual_sanction_date": None,
        "most_recent_sexual_offence_date": None,
        "current_offence_against_stranger": rng.random() < (0.45 if latest_group == "sexual" else 0.3),
        "weapon_in_offence": latest_group == "violent" and rng.random() < 0.2,
        "does_not_recognise_impact_of_offending": rng.random() < 0.3,
        "domestic_abuse_perpetrator_against_partner": person.domestic_abuse,
    }
    flags = ("previous_homicide", "previous_wounding_or_gbh", "previous_kidnapping", "previous_firearms",
             "previous_robbery", "previous_aggravated_burglary", "previous_weapon",
             "previous_criminal_damage", "previous_arson")  # fmt: skip
    chances = (0.002, 0.3, 0.01, 0.02, 0.12, 0.02, 0.25, 0.0, 0.03)
    for flag, chance in zip(flags, chances, strict=True):
        history[flag] = bool(violent) and rng.random() < chance
    history["previous_criminal_damage"] = previous > 2 and rng.random() < 0.2
    return history


def _facts(
    person: ScoresPerson,
    plans: list[SentencePlan],
    history: CriminalHistory,
    answers: dict | None,
    completed: dt.datetime | None,
    today: dt.date,
) -> CaseFacts:
    """The record ``case_facts`` would read, as unsaved instances with their relations filled in."""
    record = Person(id=person.id, gender=person.gender, date_of_birth=person.dob)
    events = []
    for plan in sorted(plans, key=lambda p: (p.conviction_date, p.event_id)):
        event = Event(id=plan.event_id, person_id=person.id, conviction_date=plan.conviction_date)
        event._prefetched_objects_cache = {  # type: ignore[attr-defined]
            "offences": [
                EventOffence(event_id=plan.event_id, ho_code=code, offence_date=day, main=main)
                for code, _, day, main, _ in plan.offences
            ]
        }
        events.append(event)
    by_event = {e.pk: e for e in events}
    current = current_plan(plans)
    sentence, main = None, None
    if current is not None:
        sentence = Sentence(id=current.id, type=current.type, sentence_date=current.start)
        sentence.event = by_event[current.event_id]
        licence = current.licence
        sentence._state.fields_cache["licence"] = (
            Licence(id=licence.id, release_date=licence.release) if licence else None
        )
        main = next((o for o in sentence.event.offences.all() if o.main), None)
    assessment = None
    if answers is not None:
        assessment = Assessment(
            person_id=person.id, status="completed", answers=answers, completed_at=completed
        )
    return CaseFacts(record, today, sentence, main, events, history, assessment)


def _inputs(slug: str, g: Gathered, calculated: dict[str, Any]) -> Any:
    # As probation.scores.services.scores builds them: every field from the record; OGP also
    # takes OGRS3's 2-year percentage.
    inputs_type = PREDICTORS[slug].inputs_type
    values = {f.name: g.values.get(f.name) for f in dataclasses.fields(inputs_type)}
    if slug == PredictorSlug.OGP:
        ogrs3 = calculated.get(PredictorSlug.OGRS3)
        values["ogrs3_two_year_percent"] = ogrs3.two_year_percent if ogrs3 else None
    return inputs_type(**values)


_SCALARS = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


def plain(value: Any) -> Any:
    """Exactly ``rules.predictors.to_jsonable`` (a test checks it), with each dataclass's field names
    looked up once per type rather than once per value: it serialises every stored score."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind not in _FIELD_NAMES:
        _FIELD_NAMES[kind] = (
            tuple(f.name for f in dataclasses.fields(kind)) if dataclasses.is_dataclass(kind) else None
        )
    names = _FIELD_NAMES[kind]
    if names is not None:
        return {name: plain(getattr(value, name)) for name in names}
    if isinstance(value, tuple | list):
        return [plain(item) for item in value]
    return to_jsonable(value)  # enums, decimals, dates


def _score_row(person: ScoresPerson, slug: str, inputs: Any, result: Any, moment: dt.datetime) -> list:
    data = plain(result)
    assert isinstance(data, dict)
    headline = {k: data[k] for k in HEADLINE_FIELDS if k in data}
    if "rsr_percent" in data:
        headline["rsr_percent"] = data["rsr_percent"]
    features = {k: v for k, v in data.items() if k not in headline}
    return [person.id, slug, json.dumps(plain(inputs)), json.dumps(features), json.dumps(headline),
            moment, person.user]  # fmt: skip


def scores_add(
    rng: Random,
    state: RunState,
    person: ScoresPerson,
    plans: list[SentencePlan],
    answers: dict | None,
) -> dict[str, Any]:
    """Appends the criminal history and the scores that calculate; returns the results by predictor."""
    if not plans or rng.random() >= HAS_HISTORY:
        return {}
    values = _history(rng, person, plans)
    recorded = at(max(p.conviction_date for p in plans) + dt.timedelta(days=rng.randint(5, 40)), 11)
    recorded = min(recorded, state.moment)
    state.rows["criminalhistory"].append(
        [person.id, *(values[c] for c in HISTORY_COLUMNS), person.user, recorded, recorded, 1]
    )
    history = CriminalHistory(person_id=person.id, **values)
    completed = state.moment if answers is not None else None
    g = gathered_values(_facts(person, plans, history, answers, completed, state.today))
    results: dict[str, Any] = {}
    for slug in ORDER:
        inputs = _inputs(slug, g, results)
        result = _from_rsr(slug, results.get(PredictorSlug.RSR))
        if result is None:
            try:
                result = PREDICTORS[slug].calculate(inputs)
            except PredictorInputError:
                continue  # stores nothing, as the page does: never a guessed score
        results[slug] = result
        state.rows["predictorscore"].append(_score_row(person, slug, inputs, result, state.moment))
    return results


# RSR before its components: RSR runs SNSV, OSP/DC and OSP/IIC on the same inputs (each component's
# inputs are RSR's, rsr.component_inputs), so their results are taken from it rather than calculated
# twice; the predictors' input validation is most of the generator's time.
ORDER = (
    PredictorSlug.OGRS3,
    PredictorSlug.OGP,
    PredictorSlug.OVP,
    PredictorSlug.RSR,
    PredictorSlug.SNSV,
    PredictorSlug.OSP_DC,
    PredictorSlug.OSP_IIC,
)
COMPONENTS: dict[str, str] = {
    PredictorSlug.SNSV: "snsv",
    PredictorSlug.OSP_DC: "osp_dc",
    PredictorSlug.OSP_IIC: "osp_iic",
}


def _from_rsr(slug: str, rsr: Any) -> Any:
    return getattr(rsr, COMPONENTS[slug]) if rsr is not None and slug in COMPONENTS else None
