"""Home Office offence codes by name: the official descriptions, and finding an offence by words of
its description or by its code (issue 10 item 7).

The table is ``data/offence_descriptions.csv``, an unmodified copy of the domain reference's
``offence-descriptions.csv`` (its source: the Ministry of Justice's actuarial offence reference data,
as published in hmpps-manage-offences-api migration V73): per 5-digit code, its published
description, category and group. It is the one copy in the repository; apps read it through this
module. A few legacy codes carry only a category-level or generic description: they are shown as
published, and a code the table does not describe is said to have no official description, never
given an invented one.
"""

import csv
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "offence_descriptions.csv"

_CODE = re.compile(r"\d{5}")
# A code on its own, before the words ("04600 Stealing…") or after them in brackets ("… (04600)").
_CODE_IN_TEXT = re.compile(r"^\s*(\d{5})(?:\s*$|[\s:–-]+\S)|\((\d{5})\)\s*$")
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class OffenceDescription:
    ho_code: str
    description: str
    category: str
    group: str


def _tidy(text: str) -> str:
    """The published text with its runs of spaces (before "[Use this code only if…]") made one."""
    return " ".join(text.split())


@functools.cache
def offence_descriptions() -> dict[str, OffenceDescription]:
    """Every described code (read once, then cached)."""
    with DATA_FILE.open(newline="", encoding="utf-8") as handle:
        return {
            row["ho_code"]: OffenceDescription(
                ho_code=row["ho_code"],
                description=_tidy(row["description"]),
                category=_tidy(row["category_description"]),
                group=_tidy(row["group_description"]),
            )
            for row in csv.DictReader(handle)
            if row["description"].strip()
        }


def offence_description(ho_code: str) -> str | None:
    found = offence_descriptions().get(ho_code)
    return found.description if found else None


def offence_label(ho_code: str) -> str:
    """What to show for an offence: its official description, or that it has none."""
    return offence_description(ho_code) or f"Offence code {ho_code} (no official description)"


def code_in_text(text: str) -> str | None:
    """The code a user gave: "04600", "04600 Stealing from shops…" or "Stealing from shops… (04600)"
    (what the type-ahead puts in the box)."""
    match = _CODE_IN_TEXT.search(text)
    if match is None:
        return None
    return match.group(1) or match.group(2)


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


@functools.cache
def _index() -> list[tuple[OffenceDescription, tuple[str, ...], str]]:
    return [(o, tuple(words(o.description)), " ".join(words(o.description))) for o in _sorted()]


def _sorted() -> list[OffenceDescription]:
    return sorted(offence_descriptions().values(), key=lambda o: o.ho_code)


def _rank(query: list[str], described: tuple[str, ...], joined: str) -> tuple[int, ...] | None:
    """None unless every query word starts a word of the description (or, for digits, the code is
    matched elsewhere); lower ranks first: the exact description, then whole words, then word starts,
    then earlier and shorter descriptions."""
    if " ".join(query) == joined:
        return (0, 0, len(joined))
    whole = 0
    first = len(described)
    for word in query:
        positions = [i for i, d in enumerate(described) if d.startswith(word)]
        if not positions:
            return None
        first = min(first, positions[0])
        whole += word not in described
    return (1 + whole, first, len(joined))


def offence_search(
    text: str, *, usable: Iterable[str] | None = None, limit: int | None = 20
) -> list[OffenceDescription]:
    """Offences whose description has every word typed (each as the start of a word, in any order),
    best first; a 5-digit code finds that offence and fewer digits the codes starting with them.
    ``usable``: only these codes (e.g. leave out general categories that cannot be recorded)."""
    allowed = None if usable is None else set(usable)
    query = words(text)
    if not query:
        return []
    digits = [w for w in query if w.isdigit()]
    query = [w for w in query if not w.isdigit()]
    ranked: list[tuple[tuple[int, ...], str, OffenceDescription]] = []
    for offence, described, joined in _index():
        if allowed is not None and offence.ho_code not in allowed:
            continue
        if any(not offence.ho_code.startswith(d) for d in digits):
            continue
        rank = _rank(query, described, joined) if query else (0, 0, 0)
        if rank is not None:
            ranked.append((rank, offence.ho_code, offence))
    ranked.sort(key=lambda item: (item[0], item[1]))
    found = [offence for _, _, offence in ranked]
    return found if limit is None else found[:limit]


def is_code(text: str) -> bool:
    return bool(_CODE.fullmatch(text))
