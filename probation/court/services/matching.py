"""Finding who on the record a listed defendant may be (court-reports.md § Court liaison).

PNC number first, exactly; failing that the name and date of birth through people's typo-tolerant
search. Both go through ``person_search`` with the importing officer as the user, so limited access
holds: a case the officer may not open is found only by its exact PNC number (as search finds it)
and is then offered by CRN alone, never by name; name searches never return it (ADR 0021).
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Q

from probation.accounts.models import User
from probation.court.services.formats import ListedHearing
from probation.people.models import Alias, Person, SearchKey
from probation.people.policy import ListedPerson, people_listable_to
from probation.people.search import CRN, SearchResult, person_search
from probation.people.search_keys import normalise, normalise_pnc, query_keys, tokens

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


def _pnc_candidates(
    user: User, listed: ListedHearing, found_by_pnc: dict[str, list[ListedPerson]] | None = None
) -> list[Candidate]:
    if found_by_pnc is None:
        people = [r.person for r in person_search(user=user, text=listed.pnc_number)[:MAX_CANDIDATES]]
    else:
        people = found_by_pnc.get(normalise_pnc(listed.pnc_number) or "", [])
    found = []
    for person in people:
        reasons = ["PNC number matches exactly"]
        hidden = person.lao_excluded or person.lao_restricted
        if not hidden:  # never say how a case the officer may not open compares on name or birth date
            if listed.date_of_birth is not None and person.date_of_birth == listed.date_of_birth:
                reasons.append("Date of birth matches")
            if listed.cro_number and person.cro_number.upper() == listed.cro_number:
                reasons.append("CRO number matches")
        found.append(Candidate(person.pk, PNC, 100, tuple(reasons)))
    return found


def _token_q(token: str) -> Q:
    # The condition person_search puts on a name key for each word (people.search._token_q).
    condition = Q(key__in=query_keys(token))
    if len(token) >= 2:
        condition |= Q(key__gte=f"={token}", key__lt=f"={token}{{")
    return condition


def _born_on(listed: Sequence[ListedHearing]) -> dict[dt.date, set[int]]:
    """Who was born on each listed date of birth, theirs or an alias's (as person_search reads it):
    two queries for the whole list."""
    days = {h.date_of_birth for h in listed if h.date_of_birth is not None}
    born: dict[dt.date, set[int]] = {day: set() for day in days}
    if not days:
        return born
    for person_id, day in Person.objects.filter(date_of_birth__in=days).values_list("id", "date_of_birth"):
        born[day].add(person_id)
    aliases = Alias.objects.filter(date_of_birth__in=days).values_list("person_id", "date_of_birth")
    for person_id, alias_day in aliases:
        if alias_day is not None:
            born[alias_day].add(person_id)
    return born


def _nobody_by_name(text: str, date_of_birth: dt.date | None, born: dict[dt.date, set[int]] | None) -> bool:
    """True when person_search for this name and date of birth surely finds nobody: nobody born that
    day (or with an alias born that day) has a name key matching every word. Everyone it can return
    is among those, so skipping it then changes nothing; at most one small query (the keys of the few
    people born that day) instead of its six or seven."""
    text = text.strip()
    words = tokens(text)
    if born is None or date_of_birth is None or not words:
        return False
    if CRN.match(text.upper().replace(" ", "")) or normalise_pnc(text) is not None:
        return False
    ids = born.get(date_of_birth, set())
    if not ids:
        return True
    matching = [
        SearchKey.objects.filter(_token_q(word), person_id__in=ids).values_list("person_id", flat=True)
        for word in words
    ]
    found = matching[0].intersection(*matching[1:]) if len(matching) > 1 else matching[0]
    return not found.exists()


def _people_by_pnc(user: User, listed: Sequence[ListedHearing]) -> dict[str, list[ListedPerson]]:
    """Everyone the listed PNC numbers find, as person_search finds them (people_listable_to, exact
    PNC key), in one query for the whole list: the first MAX_CANDIDATES of each by record id."""
    keys = {key for h in listed if h.pnc_number and (key := normalise_pnc(h.pnc_number))}
    found: dict[str, list[ListedPerson]] = {}
    if not keys:
        return found
    people = (
        people_listable_to(user).select_related("officer", "team").filter(pnc_key__in=keys).order_by("pk")
    )
    for person in people:
        same = found.setdefault(person.pnc_key, [])
        if len(same) < MAX_CANDIDATES:
            same.append(person)
    return found


def candidates_find_all(*, user: User, listed: Sequence[ListedHearing]) -> list[list[Candidate]]:
    """``candidates_find`` for every defendant of a list, with the PNC numbers looked up together."""
    by_pnc = _people_by_pnc(user, listed)
    born = _born_on(listed)
    return [_candidates(user, one, by_pnc, born) for one in listed]


def candidates_find(*, user: User, listed: ListedHearing) -> list[Candidate]:
    """The possible matches for one listed defendant, best first, with why each matched."""
    return _candidates(user, listed, None, None)


def _candidates(
    user: User,
    listed: ListedHearing,
    by_pnc: dict[str, list[ListedPerson]] | None,
    born: dict[dt.date, set[int]] | None,
) -> list[Candidate]:
    if listed.pnc_number and normalise_pnc(listed.pnc_number) is not None:
        found_by_pnc = _pnc_candidates(user, listed, by_pnc)
        if found_by_pnc:
            return found_by_pnc
    text = f"{listed.forenames} {listed.surname}"
    if _nobody_by_name(text, listed.date_of_birth, born):
        return []
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
