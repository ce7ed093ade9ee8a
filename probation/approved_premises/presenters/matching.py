"""Display of matching results: each premises with its distance and its nights without a bed."""

from dataclasses import dataclass

from probation.approved_premises.selectors.matching import Match
from probation.rules.approved_premises.capacity import Night


@dataclass(frozen=True)
class MatchRow:
    premises_id: int
    name: str
    region: str
    miles: str
    fits: bool
    summary: str
    shortfalls: list[tuple[str, str]]  # (night, what is short)


def match_row(match: Match, *, with_distance: bool) -> MatchRow:
    short = match.capacity.shortfall_nights
    nights = len(match.capacity.nights)
    if short:
        summary = f"No bed on {len(short)} of {nights} night{'s' if nights != 1 else ''}"
    else:
        fewest = min(n.available for n in match.capacity.nights)
        summary = f"A bed every night ({fewest} or more free)"
    return MatchRow(
        premises_id=match.premises.pk,
        name=match.premises.name,
        region=match.premises.region.name,
        miles=f"{match.miles:.0f} miles" if with_distance else "",
        fits=not short,
        summary=summary,
        shortfalls=[(f"{n.day:%-d %B %Y}", _short(n)) for n in short],
    )


def _short(night: Night) -> str:
    state = f"overbooked by {-night.available}" if night.available < 0 else "full"
    return f"{state} ({night.beds} beds, {night.booked} booked, {night.out_of_service} out of service)"
