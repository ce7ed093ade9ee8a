"""Reads for tiers: gathering a person's tiering inputs, and the stored calculations.

``tier_inputs_build`` is the one place that turns stored facts into ``TierInputs``; the single
recalculation (``tier_inputs_get``) and the national bulk recalculation (which loads facts for a
batch of people at a time, through the same ``*_facts`` loaders over an id range) both go through
it, so they cannot disagree. How sentences, requirements, breaches and recalls map to tiering's
inputs is set out in ``probation.tiers.record_inputs``.

RSR and OGRS come from the latest stored predictor scores (probation.scores): RSR's percentage and
OGRS3's 2-year percentage. A person with no stored score passes None, which tiering scores as 0
(tiering.md § Inputs); the tier page says so.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db import connection
from django.db.models import Value

from probation.assessments.selectors import latest_completed_needs
from probation.core.clock import today_uk
from probation.enforcement.models import Breach, Recall
from probation.people.models import Person
from probation.people.models.person import Gender as PersonGender
from probation.risk.models import Registration
from probation.rules import tiering
from probation.scores.models import PredictorScore
from probation.scores.models.scores import PredictorSlug
from probation.sentences.models import Requirement, Sentence
from probation.tiers.models import TierCalculation
from probation.tiers.record_inputs import (
    SENTENCE_FIELDS,
    RequirementFacts,
    SentenceFacts,
    breach_process,
    enforcement_window,
    recall_process,
    tier_sentences,
)

TIERING_GENDER = {
    PersonGender.MALE: tiering.Gender.MALE,
    PersonGender.FEMALE: tiering.Gender.FEMALE,
    PersonGender.OTHER: tiering.Gender.OTHER,
    PersonGender.NOT_KNOWN: tiering.Gender.NOT_KNOWN,
}

# (register_type, registered_on, level, category): what tiering reads from an active registration.
RegistrationFacts = tuple[str, dt.date, str, str]
REGISTRATION_FIELDS = ("register_type", "registered_on", "level", "category")


def tier_registration(facts: RegistrationFacts) -> tiering.Registration:
    code, date, level, category = facts
    return tiering.Registration(code=code, date=date, level=level or None, category=category or None)


def tier_inputs_build(
    *,
    gender: str,
    registrations: Iterable[RegistrationFacts],
    needs: tiering.NeedsAssessment | None,
    sentences: Iterable[SentenceFacts],
    requirements: Iterable[RequirementFacts],
    enforcement: Iterable[tiering.EnforcementProcess],
    on: dt.date,
    scores: "ScoreFacts" = (None, None),
) -> tiering.TierInputs:
    """TierInputs from stored facts, as of the UK date ``on``. Registrations, sentences and
    requirements are ordered so equal facts give equal inputs."""
    return tiering.TierInputs(
        gender=TIERING_GENDER[PersonGender(gender)],
        registrations=tuple(tier_registration(r) for r in sorted(registrations)),
        sentences=tier_sentences(sentences, requirements),
        previous_enforcement_activity=tiering.has_previous_enforcement_activity(enforcement, on=on),
        needs_assessment=needs,
        rsr_percentage=scores[0],
        ogrs_percentage=scores[1],
    )


ScoreFacts = tuple[Decimal | None, int | None]
_TIER_PREDICTORS = (PredictorSlug.RSR, PredictorSlug.OGRS3)


def score_facts(first_id: int, last_id: int) -> dict[int, ScoreFacts]:
    """The latest RSR % and OGRS3 2-year % of the people in an id range: one query, newest first, the
    first row per person and predictor kept."""
    latest: dict[tuple[int, str], Any] = {}
    for person_id, predictor, result in (
        PredictorScore.objects.filter(
            person_id__gte=first_id, person_id__lte=last_id, predictor__in=_TIER_PREDICTORS
        )
        .order_by("person_id", "predictor", "-calculated_at", "-id")
        .values_list("person_id", "predictor", "result")
    ):
        latest.setdefault((person_id, predictor), result)
    facts: dict[int, ScoreFacts] = {}
    for (person_id, predictor), result in latest.items():
        rsr, ogrs = facts.get(person_id, (None, None))
        if predictor == PredictorSlug.RSR and result.get("percent") is not None:
            rsr = Decimal(str(result["percent"]))
        elif predictor == PredictorSlug.OGRS3 and result.get("two_year_percent") is not None:
            ogrs = int(result["two_year_percent"])
        facts[person_id] = (rsr, ogrs)
    return facts


def sentence_facts(first_id: int, last_id: int) -> tuple[dict, dict]:
    """Every sentence, and every requirement not terminated, of the people in an id range: two
    queries whatever the number of people, sentences or requirements."""
    sentences: dict[int, list[SentenceFacts]] = defaultdict(list)
    for person_id, *facts in (
        Sentence.objects.filter(person_id__gte=first_id, person_id__lte=last_id)
        .order_by()
        .values_list("person_id", *SENTENCE_FIELDS)
    ):
        sentences[person_id].append(tuple(facts))
    requirements: dict[int, list[RequirementFacts]] = defaultdict(list)
    if connection.vendor == "postgresql":
        # The join below is planned as a hash join over every requirement in the country (~100 ms
        # a batch at 250,000 people); looking the batch's sentence ids up in the requirement index
        # takes a few ms.
        sentence_person = {facts[0]: person_id for person_id, person in sentences.items() for facts in person}
        with connection.cursor() as cursor:
            cursor.execute(_REQUIREMENTS_SQL, [first_id, last_id])
            for sentence_id, requirement_type in cursor.fetchall():
                person_id = sentence_person.get(sentence_id)  # None: a sentence added since (locked out)
                if person_id is not None:
                    requirements[person_id].append((sentence_id, requirement_type))
        return sentences, requirements
    for person_id, sentence_id, requirement_type in (
        Requirement.objects.filter(
            sentence__person_id__gte=first_id, sentence__person_id__lte=last_id, terminated_on__isnull=True
        )
        .order_by()
        .values_list("sentence__person_id", "sentence_id", "type")
    ):
        requirements[person_id].append((sentence_id, requirement_type))
    return sentences, requirements


_REQUIREMENTS_SQL = (
    "SELECT sentence_id, type FROM sentences_requirement WHERE terminated_on IS NULL AND sentence_id "
    "= ANY(ARRAY(SELECT id FROM sentences_sentence WHERE person_id >= %s AND person_id <= %s))"
)


def enforcement_facts(
    first_id: int, last_id: int, on: dt.date
) -> dict[int, list[tiering.EnforcementProcess]]:
    """The breaches and recalls of the people in an id range that were referred in the window that
    counts on ``on`` (older ones can never count, so they are not read): one query."""
    earliest, latest = enforcement_window(on)
    breaches = (
        Breach.objects.filter(
            person_id__gte=first_id,
            person_id__lte=last_id,
            initiated_on__gte=earliest,
            initiated_on__lte=latest,
        )
        .order_by()
        .values_list("person_id", "initiated_on", "status", Value("breach"))
    )
    recalls = (
        Recall.objects.filter(
            person_id__gte=first_id, person_id__lte=last_id, started_on__gte=earliest, started_on__lte=latest
        )
        .order_by()
        .values_list("person_id", "started_on", "status", Value("recall"))
    )
    processes: dict[int, list[tiering.EnforcementProcess]] = defaultdict(list)
    for person_id, referred_on, status, kind in breaches.union(recalls, all=True):
        process = breach_process if kind == "breach" else recall_process
        processes[person_id].append(process(referred_on, status))
    return processes


def tier_inputs_get(*, person: Person) -> tiering.TierInputs:
    """The person's tiering inputs now: six queries (active registrations, latest completed needs,
    sentences, requirements, breaches and recalls, latest RSR and OGRS scores)."""
    registrations = Registration.objects.active().filter(person=person).values_list(*REGISTRATION_FIELDS)
    on = today_uk()
    sentences, requirements = sentence_facts(person.pk, person.pk)
    return tier_inputs_build(
        gender=person.gender,
        registrations=list(registrations),
        needs=latest_completed_needs(person),
        sentences=sentences[person.pk],
        requirements=requirements[person.pk],
        enforcement=enforcement_facts(person.pk, person.pk, on)[person.pk],
        on=on,
        scores=score_facts(person.pk, person.pk).get(person.pk, (None, None)),
    )


def tier_history(*, person: Person) -> list[TierCalculation]:
    """Every stored calculation of the person, newest first (the person comes from people's scoped
    selector, so this only narrows to them)."""
    return list(TierCalculation.objects.filter(person=person).select_related("calculated_by__staff"))


def tier_latest(*, person_id: int) -> TierCalculation | None:
    return TierCalculation.objects.filter(person_id=person_id).order_by("-calculated_at", "-id").first()
