"""Reads of criminal histories and predictor scores. The person always comes from people's scoped
selectors (``case_get`` / ``person_get``), so these only narrow to that person."""

from collections import defaultdict

from probation.people.models import Person
from probation.scores.models import CriminalHistory, PredictorScore, PredictorSlug


def criminal_history_get(*, person: Person) -> CriminalHistory | None:
    return CriminalHistory.objects.filter(person=person).select_related("updated_by__staff").first()


def score_history(*, person: Person) -> dict[str, list[PredictorScore]]:
    """Every stored score of the person by predictor, newest first: element 0 is the current score."""
    by_predictor: dict[str, list[PredictorScore]] = defaultdict(list)
    scores = PredictorScore.objects.filter(person=person).select_related("calculated_by__staff")
    for score in scores.order_by("-calculated_at", "-id"):
        by_predictor[score.predictor].append(score)
    return {slug: by_predictor.get(slug, []) for slug in PredictorSlug.values}


def latest_score(*, person_id: int, predictor: PredictorSlug) -> PredictorScore | None:
    """The current (newest) score of one predictor, e.g. the tier's RSR and OGRS3 inputs."""
    return (
        PredictorScore.objects.filter(person_id=person_id, predictor=predictor)
        .order_by("-calculated_at", "-id")
        .first()
    )
