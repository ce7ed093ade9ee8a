"""Rows for the cases that need a tier (workload.md: untiered cases are not counted but listed)."""

from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from probation.people.policy import limited_access_message


@dataclass(frozen=True)
class UntieredRow:
    crn: str
    restricted: bool
    officer: str
    name: str = ""
    case_url: str = ""
    tier_url: str = ""
    message: str = ""


def untiered_row(person: Any) -> UntieredRow:
    """``person`` is a ListedPerson (people_listable_to) read with its officer."""
    officer = person.officer.name if person.officer is not None else ""
    if person.lao_excluded or person.lao_restricted:
        return UntieredRow(person.crn, True, officer, message=limited_access_message(person))
    return UntieredRow(
        person.crn,
        False,
        officer,
        name=f"{person.first_name} {person.surname}",
        case_url=reverse("people:case-overview", args=[person.crn]),
        tier_url=reverse("tiers:case", args=[person.crn]),
    )
