"""Name keys for typo-tolerant search that works the same on SQLite and PostgreSQL (ADR 0004).

For each name token we store:
- ``=token``: the normalised token, also used for prefix ("partial name") matches;
- ``~variant``: the token with one letter deleted (symmetric-delete matching: two tokens within one
  edit, including a swap of neighbours, share a deletion variant);
- ``#code``: its Metaphone code, so spellings that sound alike (Smith/Smyth) match.
"""

import functools
import re
import unicodedata

import jellyfish

MIN_DELETE_LENGTH = 4
PNC = re.compile(r"^([0-9]{2}|[0-9]{4})/?([0-9]{1,7})([A-Z])$")
_NON_LETTERS = re.compile(r"[^a-z]+")


@functools.lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NON_LETTERS.sub(" ", ascii_text.lower()).strip()


def tokens(text: str) -> list[str]:
    return normalise(text).split()


def deletions(token: str) -> set[str]:
    if len(token) < MIN_DELETE_LENGTH:
        return set()
    return {token[:i] + token[i + 1 :] for i in range(len(token))}


def phonetic(token: str) -> str:
    return jellyfish.metaphone(token)[:38] if token else ""


def keys_for_names(names: list[str]) -> set[str]:
    keys: set[str] = set()
    for name in names:
        for token in tokens(name):
            keys.add(f"={token}"[:40])
            keys.update(f"~{d}"[:40] for d in deletions(token))
            code = phonetic(token)
            if code:
                keys.add(f"#{code}")
    return keys


def query_keys(token: str) -> set[str]:
    """Keys that match a stored name within one edit or by sound (prefixes are queried apart)."""
    keys = {f"={token}", f"~{token}"}
    keys.update(f"={d}" for d in deletions(token))
    keys.update(f"~{d}" for d in deletions(token))
    code = phonetic(token)
    if code:
        keys.add(f"#{code}")
    return {k[:40] for k in keys}


def normalise_pnc(value: str) -> str | None:
    """PNC numbers are written 2004/0046583U or 04/46583U: compare on a 2-digit year and the number
    without leading zeros."""
    match = PNC.match(value.replace(" ", "").upper())
    if match is None:
        return None
    year, number, check = match.groups()
    return f"{year[-2:]}/{int(number)}{check}"
