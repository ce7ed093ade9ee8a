"""Home Office offence codes for recording convictions (issue 3 item 1), by name (issue 10 item 7).

The codes that may be recorded are the predictors' table,
``probation/rules/predictors/data/offence_weightings.csv`` (an unmodified copy of the domain
reference's ``offence-weightings.csv``); their names are the official descriptions in
``probation/rules/offences`` (the domain reference's ``offence-descriptions.csv``). Both live in the
rules package, which every app may import (ADR 0018). A code without an official description is
shown as "Offence code 12345 (no official description)", never with a made-up name.

A user chooses an offence by typing words of its description or its code: the type-ahead
(``frontend/static/js/offence-search.js``) asks ``offence_search``; without JavaScript the text is
resolved on the server by ``offence_resolve``.
"""

import functools
import re
from dataclasses import dataclass

from probation.core.errors import ServiceError
from probation.rules.offences.descriptions import code_in_text, offence_label, words
from probation.rules.offences.descriptions import offence_search as description_search
from probation.rules.predictors.offences import NEED_DETAILS_OF_EXACT_OFFENCE, offence_weightings

# Digits, or a short run of letters and digits (a mistyped code such as 1040A): read as a code.
_CODE_LIKE = re.compile(r"\d+|(?=\w*\d)\w{1,6}")
CHOICES_LISTED = 5  # in the error when several offences match the words typed
SEARCH_LIMIT = 20


@dataclass(frozen=True)
class Offence:
    ho_code: str
    description: str
    general_category: bool

    @property
    def label(self) -> str:
        """The description with the code, as the type-ahead shows and fills in."""
        return f"{self.description} ({self.ho_code})"


@functools.cache
def offences() -> dict[str, Offence]:
    """Every known offence code (read once, then cached)."""
    return {
        code: Offence(
            ho_code=code,
            description=offence_label(code),
            general_category=row.error == NEED_DETAILS_OF_EXACT_OFFENCE,
        )
        for code, row in offence_weightings().items()
    }


@functools.cache
def _usable_codes() -> frozenset[str]:
    return frozenset(code for code, o in offences().items() if not o.general_category)


def offence_search(text: str, *, limit: int | None = SEARCH_LIMIT) -> list[Offence]:
    """Offences that can be recorded whose description has every word typed, or whose code starts
    with the digits typed; best first."""
    table = offences()
    return [table[o.ho_code] for o in description_search(text, usable=_usable_codes(), limit=limit)]


def offence_get(code: str, *, field: str = "ho_code", label: str = "Offence code") -> Offence:
    """The offence for a code a user typed, or a clear error naming the input."""
    code = code.strip()
    if not code:
        raise ServiceError(f"Enter the {label.lower()}", field=field)
    if not re.fullmatch(r"\d{5}", code):
        raise ServiceError(
            f"{label} must be a 5-digit Home Office offence code, like 10400; {code} was given", field=field
        )
    offence = offences().get(code)
    if offence is None:
        raise ServiceError(f"{label} {code} is not a known Home Office offence code", field=field)
    if offence.general_category:
        raise ServiceError(
            f"{label} {code} is a general category: enter the code of the exact offence", field=field
        )
    return offence


def offence_resolve(text: str, *, field: str = "ho_code", label: str = "Offence") -> Offence:
    """The offence a user means by what they typed: a code (alone or with its description, as the
    type-ahead fills it in) or words of the description. One match is that offence; none or several
    is an error saying so (several: the first few choices with their codes)."""
    text = " ".join(text.split())
    code = code_in_text(text)
    if code is not None or not text or _CODE_LIKE.fullmatch(text) or not words(text):
        return offence_get(code or text, field=field, label=f"{label} code")
    found = offence_search(text, limit=None)
    exact = [o for o in found if words(o.description) == words(text)]
    if len(exact) == 1 or len(found) == 1:
        return (exact or found)[0]
    if not found:
        raise ServiceError(
            f"No offence matches “{text}”: check the spelling, try other words from the offence, or "
            "enter its 5-digit Home Office offence code",
            field=field,
        )
    choices = "; ".join(o.label for o in found[:CHOICES_LISTED])
    more = f" and {len(found) - CHOICES_LISTED} more" if len(found) > CHOICES_LISTED else ""
    raise ServiceError(
        f"{len(found)} offences match “{text}”: enter more words or the code of the one you mean, "
        f"for example {choices}{more}",
        field=field,
    )
