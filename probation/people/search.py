"""National person search by CRN, PNC number, name (aliases too; typos and partial names) and date of
birth. Candidates come from indexed name keys (search_keys); rapidfuzz ranks them (ADR 0004)."""

import re
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db.models import Q
from rapidfuzz import fuzz

from probation.accounts.models import User
from probation.people.models import Alias, Person, SearchKey
from probation.people.policy import people_listable_to
from probation.people.search_keys import normalise_pnc, query_keys, tokens

CRN = re.compile(r"^[A-Z][0-9]{6}$")
MAX_CANDIDATES = 3000


@dataclass(frozen=True)
class SearchResult:
    person: Person
    score: float
    matched_alias: str = ""


def _token_q(token: str) -> Q:
    condition = Q(key__in=query_keys(token))
    if len(token) >= 2:
        # "=smi" ≤ key < "=smj": every stored name token starting with "smi" (a partial name).
        condition |= Q(key__gte=f"={token}", key__lt=f"={token}{{")
    return condition


def _candidate_ids(name_tokens: list[str], date_of_birth: date | None) -> list[int]:
    queryset = Person.objects.all()
    for token in name_tokens:
        queryset = queryset.filter(id__in=SearchKey.objects.filter(_token_q(token)).values("person_id"))
    if date_of_birth is not None:
        queryset = queryset.filter(
            Q(date_of_birth=date_of_birth)
            | Q(id__in=Alias.objects.filter(date_of_birth=date_of_birth).values("person_id"))
        )
    return list(queryset.values_list("id", flat=True)[:MAX_CANDIDATES])


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
    """Search the whole country. Limited-access cases come back flagged (``lao_excluded`` /
    ``lao_restricted``) so the page shows only "restricted" and the CRN."""
    text = text.strip()
    visible = people_listable_to(user).select_related("officer", "team")
    limit = settings.SEARCH_RESULT_LIMIT
    upper = text.upper().replace(" ", "")
    if CRN.match(upper):
        return [SearchResult(p, 100.0) for p in visible.filter(crn=upper)]
    pnc = normalise_pnc(text)
    if pnc is not None:
        return [SearchResult(p, 100.0) for p in visible.filter(pnc_key=pnc)[:limit]]
    query_tokens = tokens(text)
    if not query_tokens and date_of_birth is None:
        return []
    if not query_tokens:
        ids = _candidate_ids([], date_of_birth)
        people = visible.filter(id__in=ids).order_by("surname_key", "first_name")[:limit]
        return [SearchResult(p, 100.0) for p in people]
    ids = _candidate_ids(query_tokens, date_of_birth)
    people = {p.id: p for p in visible.filter(id__in=ids)}
    aliases: dict[int, list[Alias]] = {}
    for alias in Alias.objects.filter(person_id__in=people).only(
        "person_id", "first_name", "middle_names", "surname"
    ):
        aliases.setdefault(alias.person_id, []).append(alias)
    results = []
    for person in people.values():
        own = _score(
            query_tokens, [person.first_name, person.middle_names, person.surname, person.preferred_name]
        )
        best, matched = own, ""
        for alias in aliases.get(person.id, []):
            alias_score = _score(query_tokens, [alias.first_name, alias.middle_names, alias.surname])
            if alias_score > best:
                best, matched = alias_score, f"{alias.first_name} {alias.surname}"
        if best >= 60:
            results.append(SearchResult(person, best, matched))
    results.sort(key=lambda r: (-r.score, r.person.surname_key, r.person.first_name, r.person.crn))
    return results[:limit]
