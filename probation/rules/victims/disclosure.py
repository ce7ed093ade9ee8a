"""What may never reach the other side of the wall (victims.md § Keeping victim data apart, §
Representations): a request to the COM, and anything the offender can obtain, carries no location.

A request names the condition ("an exclusion zone around the victim's home area"); the map itself
is drawn by the COM wide enough that the victim's home, work or school cannot be worked out, so the
text the VLO sends must hold no postcode and none of the victim's address lines.
"""

import re
from collections.abc import Iterable

# A UK postcode, full ("LS6 2QT") or outward code followed by the inward code without a space.
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE)
# A house number and a street word: "17 Orchard Way", "3 Elm Grove".
_STREET = re.compile(
    r"\b\d+[A-Za-z]?\s+(?:[A-Z][a-z]+\s+){1,3}(?:Road|Rd|Street|St|Way|Lane|Ln|Close|Avenue|Ave|Grove|"
    r"Drive|Dr|Court|Crescent|Place|Terrace|Gardens|Row|Walk|Mews|Square|Hill|Park)\b"
)
_MIN_LINE = 4


def _lines(address: str) -> list[str]:
    """Each line of an address, and each again without its house number ("4 Mill Lane", "Mill Lane")."""
    lines = [line.strip().lower() for line in re.split(r"[,\n]", address)]
    lines += [re.sub(r"^\d+[a-z]?\s+", "", line) for line in lines]
    return [line for line in dict.fromkeys(lines) if len(line) >= _MIN_LINE]


def location_problems(
    text: str, *, known_addresses: Iterable[str] = (), known_postcodes: Iterable[str] = ()
) -> list[str]:
    """Why ``text`` gives a location away (empty when it does not): a postcode, a street address, or
    a line of an address the victim gave."""
    problems = []
    lowered = text.lower()
    squashed = re.sub(r"\s+", "", lowered)
    if _POSTCODE.search(text) or any(
        code and re.sub(r"\s+", "", code.lower()) in squashed for code in known_postcodes
    ):
        problems.append("a postcode")
    if _STREET.search(text) or any(
        line in lowered for address in known_addresses for line in _lines(address)
    ):
        problems.append("an address")
    return problems


# A prison named in the text: "HMP Leeds", "HMYOI Wetherby", "Armley Prison".
_PRISON = re.compile(r"\bHM(?:P|YOI|PYOI)\b|\b[A-Z][a-z]+ (?:Prison|Young Offender Institution)\b")


def letter_text_problems(
    text: str, *, release_addresses: Iterable[str] = (), release_postcodes: Iterable[str] = ()
) -> list[str]:
    """Why free text in a letter to a victim must be refused (victims.md § What an opted-in victim is
    told: never which prison holds the offender, nor the exact release address)."""
    problems = []
    if _PRISON.search(text) or "prison" in text.lower().split():
        problems.append("the prison")
    if location_problems(text, known_addresses=release_addresses, known_postcodes=release_postcodes):
        problems.append("an address")
    return problems


def _prison_words(prison: str) -> list[str]:
    """A prison's name as recorded ("HMP Wakefield") and without its prefix ("Wakefield")."""
    name = prison.strip().lower()
    bare = re.sub(r"^(?:hmp\s*(?:/\s*)?(?:yoi)?|hmyoi|hmpyoi)\s+", "", name)
    return [word for word in dict.fromkeys([name, bare]) if len(word) >= _MIN_LINE]


def message_text_problems(
    text: str,
    *,
    prisons: Iterable[str] = (),
    release_addresses: Iterable[str] = (),
    release_postcodes: Iterable[str] = (),
) -> list[str]:
    """Why the whole text of a letter sent by email or text must not go (the letter's own words say
    "recalled to prison", so the bare word is allowed here): a named prison, one of the prisons that
    held the offender, a postcode, a street address or a line of the offender's addresses."""
    problems = []
    lowered = text.lower()
    if _PRISON.search(text) or any(word in lowered for p in prisons for word in _prison_words(p)):
        problems.append("the prison")
    if location_problems(text, known_addresses=release_addresses, known_postcodes=release_postcodes):
        problems.append("an address")
    return problems
