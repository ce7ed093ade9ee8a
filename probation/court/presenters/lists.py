"""Rows of the list page (each defendant with their match status) and of the match page."""

from dataclasses import dataclass

from probation.court.models import Hearing, HearingCandidate, MatchState
from probation.court.presenters.status import CandidateView, candidate_view, hidden, status_tag
from probation.court.selectors.status import StatusPerson
from probation.court.services.matching import PNC
from probation.risk.presenters.tags import Tag


@dataclass(frozen=True)
class HearingRow:
    hearing: Hearing
    tag: Tag
    confirmed: bool
    crn: str
    candidates: list[CandidateView]


def shown(candidate: HearingCandidate, people: dict[int, StatusPerson]) -> bool:
    """Candidates are found with the importing officer's access; another viewer may be denied the case.
    A case this viewer may not open is offered only when it matched on its exact PNC number (as search
    finds it, ADR 0021), never because of its name or date of birth."""
    person = people.get(candidate.person_id)
    return person is not None and (candidate.matched_on == PNC or not hidden(person))


def _offered(hearing: Hearing, people: dict[int, StatusPerson]) -> list[HearingCandidate]:
    return [c for c in hearing.candidates.all() if shown(c, people)]


def _best(hearing: Hearing, people: dict[int, StatusPerson]) -> StatusPerson | None:
    if hearing.person_id is not None:
        return people.get(hearing.person_id)
    offered = _offered(hearing, people)
    return people[offered[0].person_id] if offered else None


def hearing_row(hearing: Hearing, people: dict[int, StatusPerson]) -> HearingRow:
    """``hearing.candidates`` holds the open candidates (prefetched); ``people`` the people in the
    user's scope, annotated (court.selectors.status.people_with_status)."""
    confirmed = hearing.match_state == MatchState.CONFIRMED
    best = _best(hearing, people)
    return HearingRow(
        hearing=hearing,
        tag=status_tag(best, confirmed=confirmed),
        confirmed=confirmed,
        crn=people[hearing.person_id].crn if hearing.person_id in people else "",
        candidates=[candidate_view(c, people[c.person_id]) for c in _offered(hearing, people)],
    )


def person_ids(hearings: list[Hearing]) -> set[int]:
    ids = {h.person_id for h in hearings if h.person_id is not None}
    return ids | {c.person_id for h in hearings for c in h.candidates.all()}
