"""National person search by CRN, PNC number, name (aliases too; typos and partial names) and date of
birth. Candidates come from indexed name keys (search_keys); rapidfuzz ranks them (ADR 0004)."""

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.db.models import Case, Q, QuerySet, Value, When
from rapidfuzz import fuzz

from probation.accounts.models import User
from probation.people.models import Alias, Person, SearchKey
from probation.people.policy import (
    ListedPerson,
    limited_access_denied_q,
    people_listable_to,
    people_visible_to,
)
from probation.people.search_keys import normalise, normalise_pnc, query_keys, tokens

CRN = re.compile(r"^[A-Z][0-9]{6}$")
MAX_CANDIDATES = 3000
MIN_SCORE = 60


@dataclass(frozen=True)
class SearchResult:
    person: ListedPerson
    score: float
    matched_alias: str = ""


def _token_q(token: str) -> Q:
    condition = Q(key__in=query_keys(token))
    if len(token) >= 2:
        # "=smi" ≤ key < "=smj": every stored name token starting with "smi" (a partial name).
        condition |= Q(key__gte=f"={token}", key__lt=f"={token}{{")
    return condition


def _people_matching(conditions: list[Q], date_of_birth: date | None) -> QuerySet[Any, int]:
    """Ids of people with a key matching every condition (one per query token), read straight off
    the key index and intersected, then narrowed by date of birth (the person's or an alias's)."""
    sets = [SearchKey.objects.filter(c).values_list("person_id", flat=True) for c in conditions]
    ids = sets[0].intersection(*sets[1:]) if len(sets) > 1 else sets[0].distinct()
    if date_of_birth is None:
        return ids
    return Person.objects.filter(
        Q(date_of_birth=date_of_birth)
        | Q(id__in=Alias.objects.filter(date_of_birth=date_of_birth).values("person_id")),
        id__in=list(ids[:MAX_CANDIDATES]),
    ).values_list("id", flat=True)


def _candidate_ids(name_tokens: list[str], date_of_birth: date | None) -> list[int]:
    if not name_tokens:
        people = Person.objects.filter(
            Q(date_of_birth=date_of_birth)
            | Q(id__in=Alias.objects.filter(date_of_birth=date_of_birth).values("person_id"))
        )
        return list(people.values_list("id", flat=True)[:MAX_CANDIDATES])
    return list(_people_matching([_token_q(t) for t in name_tokens], date_of_birth)[:MAX_CANDIDATES])


def name_candidate_ids(name_tokens: list[str], date_of_birth: date) -> list[int]:
    """Ids of everyone (limited access not applied: callers must) whose names match every token
    within one edit, by sound or as a prefix, born on ``date_of_birth`` (theirs or an alias's)."""
    return _candidate_ids(name_tokens, date_of_birth)


def _token_score(query_token: str, name_tokens: list[str]) -> float:
    best = 0.0
    for name in name_tokens:
        if name == query_token:
            return 100.0
        score = 95.0 if name.startswith(query_token) else fuzz.ratio(query_token, name)
        best = max(best, score)
    return best


def _score(query_tokens: list[str], names: list[str]) -> float:
    name_tokens = [t for n in names for t in tokens(n)]
    return sum(_token_score(t, name_tokens) for t in query_tokens) / len(query_tokens)


def person_search(*, user: User, text: str = "", date_of_birth: date | None = None) -> list[SearchResult]:
    """Search the whole country. Limited-access cases the user is denied are found only by their
    exact CRN or PNC number, never by name, alias or date of birth, so a search cannot be used to
    guess who they are (ADR 0021); they come back flagged (``lao_excluded`` / ``lao_restricted``)
    so the page shows only "restricted" and the CRN."""
    text = text.strip()
    listable = people_listable_to(user).select_related("officer", "team")
    limit = settings.SEARCH_RESULT_LIMIT
    upper = text.upper().replace(" ", "")
    if CRN.match(upper):
        return [SearchResult(p, 100.0) for p in listable.filter(crn=upper)]
    pnc = normalise_pnc(text)
    if pnc is not None:
        return [SearchResult(p, 100.0) for p in listable.filter(pnc_key=pnc)[:limit]]
    visible = listable.exclude(limited_access_denied_q(user))
    query_tokens = tokens(text)
    if not query_tokens and date_of_birth is None:
        return []
    if not query_tokens:
        ids = _candidate_ids([], date_of_birth)
        people = visible.filter(id__in=ids).order_by("surname_key", "first_name")[:limit]
        return [SearchResult(p, 100.0) for p in people]
    exact = _exact_matches(user, visible, query_tokens, date_of_birth, limit)
    if exact is not None:
        return exact
    return _ranked(user, visible, query_tokens, _candidate_ids(query_tokens, date_of_birth), limit)


def _any_word(words: list[str]) -> str:
    """A regular expression matching a name that is exactly one of ``words`` (letters only)."""
    return "^(" + "|".join(re.escape(w) for w in words) + ")$"


def _exact_matches(
    user: User,
    visible: QuerySet[ListedPerson],
    query_tokens: list[str],
    date_of_birth: date | None,
    limit: int,
) -> list[SearchResult] | None:
    """When at least a page of people match every query token exactly (a common name), nothing
    fuzzier can outrank them: list those in name order straight from the database."""
    ids = _people_matching([Q(key=f"={t}"[:40]) for t in query_tokens], date_of_birth)
    # People whose own last and first names are the words come before those matched by other names.
    own_names_first = Case(When(surname_key__in=query_tokens, then=Value(0)), default=Value(2)) + Case(
        When(first_name__iregex=_any_word(query_tokens), then=Value(0)), default=Value(1)
    )
    people = list(
        visible.filter(id__in=ids).order_by(own_names_first, "surname_key", "first_name", "crn")[:limit]
    )
    if len(people) < limit:
        return None
    return _ranked(user, visible, query_tokens, [p.id for p in people], limit)


def _ranked(
    user: User, visible: QuerySet[ListedPerson], query_tokens: list[str], ids: list[int], limit: int
) -> list[SearchResult]:
    """Score candidates on their names alone (cheap rows), then load full rows for the best only."""
    names = people_visible_to(user, Person.objects.filter(id__in=ids)).values_list(
        "id",
        "first_name",
        "middle_names",
        "surname",
        "preferred_name",
        "previous_surname",
        "surname_key",
        "crn",
    )
    aliases: dict[int, list[tuple[str, str, str]]] = {}
    for person_id, alias_first, alias_middle, alias_surname in Alias.objects.filter(
        person_id__in=ids
    ).values_list("person_id", "first_name", "middle_names", "surname"):
        aliases.setdefault(person_id, []).append((alias_first, alias_middle, alias_surname))
    scored: list[tuple[float, int, str, str, str, int, str]] = []
    for person_id, first, middle, surname, preferred, previous, surname_key, crn in names:
        best, matched = _score(query_tokens, [first, middle, surname, preferred, previous]), ""
        for alias_first, alias_middle, alias_surname in aliases.get(person_id, []):
            alias_score = _score(query_tokens, [alias_first, alias_middle, alias_surname])
            if alias_score > best:
                best, matched = alias_score, f"{alias_first} {alias_surname}"
        if best >= MIN_SCORE:
            own_names = (0 if surname_key in query_tokens else 2) + (
                0 if normalise(first) in query_tokens else 1
            )
            scored.append((-best, own_names, surname_key, first, crn, person_id, matched))
    best_rows = sorted(scored)[:limit]
    people = visible.in_bulk([row[5] for row in best_rows])
    return [SearchResult(people[row[5]], -row[0], row[6]) for row in best_rows if row[5] in people]
