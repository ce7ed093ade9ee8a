"""Finding who on the record a listed defendant may be (court-reports.md § Court liaison).

PNC number first, exactly; failing that the name and date of birth through people's typo-tolerant
search. Both go through ``person_search`` with the importing officer as the user, so limited access
holds: a case the officer may not open is found only by its exact PNC number (as search finds it)
and is then offered by CRN alone, never by name; name searches never return it (ADR 0021).
"""

from dataclasses import dataclass

from probation.accounts.models import User
from probation.court.services.formats import ListedHearing
from probation.people.search import SearchResult, person_search
from probation.people.search_keys import normalise, normalise_pnc

MAX_CANDIDATES = 5
PNC = "pnc"
NAME_DOB = "name_dob"
NAME = "name"


@dataclass(frozen=True)
class Candidate:
    person_id: int
    matched_on: str
    score: int
    reasons: tuple[str, ...]


def _name_reason(listed: ListedHearing, result: SearchResult) -> str:
    if result.matched_alias:
        return f"Name matches an alias ({result.matched_alias})"
    person = result.person
    if normalise(f"{listed.forenames} {listed.surname}") == normalise(
        f"{person.first_name} {person.surname}"
    ):
        return "Name matches exactly"
    return f"Name is similar ({round(result.score)}% alike)"


def _pnc_candidates(user: User, listed: ListedHearing) -> list[Candidate]:
    found = []
    for result in person_search(user=user, text=listed.pnc_number)[:MAX_CANDIDATES]:
        person = result.person
        reasons = ["PNC number matches exactly"]
        hidden = person.lao_excluded or person.lao_restricted
        if not hidden:  # never say how a case the officer may not open compares on name or birth date
            if listed.date_of_birth is not None and person.date_of_birth == listed.date_of_birth:
                reasons.append("Date of birth matches")
            if listed.cro_number and person.cro_number.upper() == listed.cro_number:
                reasons.append("CRO number matches")
        found.append(Candidate(person.pk, PNC, 100, tuple(reasons)))
    return found


def candidates_find(*, user: User, listed: ListedHearing) -> list[Candidate]:
    """The possible matches for one listed defendant, best first, with why each matched."""
    if listed.pnc_number and normalise_pnc(listed.pnc_number) is not None:
        by_pnc = _pnc_candidates(user, listed)
        if by_pnc:
            return by_pnc
    text = f"{listed.forenames} {listed.surname}"
    results = person_search(user=user, text=text, date_of_birth=listed.date_of_birth)[:MAX_CANDIDATES]
    found = []
    for result in results:
        reasons = [_name_reason(listed, result)]
        if listed.date_of_birth is not None:
            reasons.append("Date of birth matches (the person’s or an alias’s)")
        else:
            reasons.append("The list gives no date of birth: check carefully")
        person = result.person
        if listed.pnc_number and person.pnc_number:
            reasons.append("PNC number differs")
        kind = NAME_DOB if listed.date_of_birth is not None else NAME
        found.append(Candidate(person.pk, kind, round(result.score), tuple(reasons)))
    return found
