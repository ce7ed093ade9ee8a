"""Possible duplicates of a person about to be added (issue 10 item 5): the same PNC number, or the
same date of birth and a similar name (typos and name order tolerated by the person search, ADR 0004).

Limited access (ADR 0021): a case the user is denied matches only by its exact PNC number, which the
user already holds; it is then shown as "restricted" with its CRN and nothing else, as search shows
it. It never matches by name and date of birth, so adding a person cannot be used to learn whether a
protected person exists; such matches are only counted for the audit of the new record.
"""

from dataclasses import dataclass, field
from datetime import date

from probation.accounts.models import User
from probation.people.models import Person
from probation.people.policy import (
    ListedPerson,
    limited_access_denied_q,
    limited_access_message,
    people_listable_to,
)
from probation.people.search import name_candidate_ids, person_search
from probation.people.search_keys import normalise, normalise_pnc, tokens

MAX_NAME_MATCHES = 10
SAME_PNC = "same PNC number"


@dataclass(frozen=True)
class PossibleMatch:
    person: ListedPerson
    reasons: tuple[str, ...]

    @property
    def restricted(self) -> bool:
        return bool(self.person.lao_excluded or self.person.lao_restricted)

    @property
    def restricted_message(self) -> str:
        return limited_access_message(self.person) if self.restricted else ""


@dataclass(frozen=True)
class DuplicateCheck:
    matches: list[PossibleMatch] = field(default_factory=list)
    hidden_name_matches: int = 0  # denied cases with the same name and date of birth: audit only

    @property
    def crns(self) -> list[str]:
        return [m.person.crn for m in self.matches]


def _name_reason(person: Person, first_name: str, surname: str, matched_alias: str) -> str:
    if matched_alias:
        return f"similar name to their alias {matched_alias}"
    first, last = normalise(first_name), normalise(surname)
    theirs = (normalise(person.first_name), normalise(person.surname))
    if theirs == (first, last):
        return "same name"
    if theirs == (last, first):
        return "same name with first and last names the other way round"
    return "similar name"


def _name_and_dob_reason(person: Person, date_of_birth: date, name: str) -> str:
    if person.date_of_birth == date_of_birth:
        return f"same date of birth and {name}"
    return f"same date of birth as one of their aliases and {name}"


def person_possible_duplicates(
    *, user: User, first_name: str, surname: str, date_of_birth: date, pnc_number: str = ""
) -> DuplicateCheck:
    """Records the user should look at before a new CRN is issued, each with why it matches."""
    listable = people_listable_to(user).select_related("officer", "team")
    reasons: dict[int, list[str]] = {}
    people: dict[int, ListedPerson] = {}
    pnc_key = normalise_pnc(pnc_number) if pnc_number else None
    if pnc_key:
        for person in listable.filter(pnc_key=pnc_key).order_by("crn"):
            people[person.pk] = person
            reasons[person.pk] = [SAME_PNC]
    name_tokens = tokens(f"{first_name} {surname}")
    if not name_tokens:
        return DuplicateCheck([PossibleMatch(people[pk], tuple(r)) for pk, r in reasons.items()])
    # person_search matches names only among cases the user may open (ADR 0021).
    found = person_search(user=user, text=" ".join(name_tokens), date_of_birth=date_of_birth)
    for result in found[:MAX_NAME_MATCHES]:
        person = result.person
        name = _name_reason(person, first_name, surname, result.matched_alias)
        people.setdefault(person.pk, person)
        reasons.setdefault(person.pk, []).append(_name_and_dob_reason(person, date_of_birth, name))
    hidden = (
        listable.filter(id__in=name_candidate_ids(name_tokens, date_of_birth))
        .filter(limited_access_denied_q(user))
        .exclude(id__in=list(people))
        .count()
    )
    return DuplicateCheck(
        [PossibleMatch(people[pk], tuple(r)) for pk, r in reasons.items()], hidden_name_matches=hidden
    )
