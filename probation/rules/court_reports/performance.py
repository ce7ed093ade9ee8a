"""Court performance measures (issue 11 item 7; court-reports.md § Request record): the share of
reports delivered by the date required, and how often the sentence passed followed the proposal."""

from collections.abc import Iterable


def percentage(part: int, whole: int) -> int | None:
    """``part`` of ``whole`` as a whole percentage, halves rounded up; None when there is nothing to
    measure (a blank, not 0 %)."""
    if whole <= 0:
        return None
    return (200 * part + whole) // (2 * whole)


def sentence_followed_proposal(proposed: str | None, sentenced: str | None) -> bool | None:
    """Whether the court passed the type of sentence the report proposed (community order, suspended
    sentence order, custody…); None when either is unknown, so the pair is not counted."""
    if not proposed or not sentenced:
        return None
    return proposed == sentenced


def proposals_followed(pairs: Iterable[tuple[str | None, str | None, int]]) -> tuple[int, int]:
    """(followed, compared) over (proposed type, sentenced type, how many) pairs."""
    followed = compared = 0
    for proposed, sentenced, count in pairs:
        verdict = sentence_followed_proposal(proposed, sentenced)
        if verdict is None:
            continue
        compared += count
        followed += count if verdict else 0
    return followed, compared
