"""Points a practitioner's work carries (workload.md): each case by its tier and case type, each report
by its type. The weightings are passed in (the workload app reads them, in force on a date, from
reference data); these functions only apply them."""

import datetime as dt
import re
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar


class CaseType(StrEnum):
    """The case types workload.md weights separately."""

    COMMUNITY = "community"
    CUSTODY = "custody"
    LICENCE = "licence"


class ReportType(StrEnum):
    """Other work that carries points (workload.md § Other work)."""

    STANDARD_PSR = "standard_psr"
    FAST_PSR = "fast_psr"
    PAROLE = "parole"


CASE_TYPE_LABELS = {CaseType.COMMUNITY: "Community", CaseType.CUSTODY: "Custody", CaseType.LICENCE: "Licence"}
REPORT_TYPE_LABELS = {
    ReportType.STANDARD_PSR: "Standard pre-sentence report",
    ReportType.FAST_PSR: "Short-format (fast) pre-sentence report",
    ReportType.PAROLE: "Parole report",
}

# A supervised tier: protect A–D then change 0–3; "S" marks an unsupervised case (tiering.md).
_TIER = re.compile(r"^([A-D])([0-3])(S?)$")
SUPERVISED_TIERS: tuple[str, ...] = tuple(f"{p}{c}" for p in "ABCD" for c in "3210")

CaseWeightings = Mapping[tuple[str, CaseType], int]
ReportWeightings = Mapping[ReportType, int]


class UnknownTier(ValueError):
    """A tier that is not protect A–D, change 0–3 and an optional S."""


def parse_tier(tier: str) -> tuple[str, bool]:
    """``"B2S"`` → ``("B2", True)``: the supervised tier and whether the case is unsupervised."""
    match = _TIER.match(tier)
    if match is None:
        raise UnknownTier(tier)
    return match.group(1) + match.group(2), bool(match.group(3))


def case_points(tier: str, case_type: CaseType | None, weightings: CaseWeightings) -> int | None:
    """Points for one case. ``None`` for an untiered case (``tier == ""``): workload.md says it is not
    counted but must be listed as needing a tier. An unsupervised (S) tier scores 0, and so does a
    case with no current sentence (``case_type is None``): there is no supervision to weight."""
    if tier == "":
        return None
    supervised, unsupervised = parse_tier(tier)
    if unsupervised or case_type is None:
        return 0
    return weightings[(supervised, case_type)]


def report_points(counts: Mapping[ReportType, int], weightings: ReportWeightings) -> int:
    """Points for the reports a practitioner is writing: count × weighting per report type."""
    if any(count < 0 for count in counts.values()):
        raise ValueError("report counts cannot be negative")
    return sum(weightings[report_type] * count for report_type, count in counts.items())


K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class Weighting(Generic[K]):
    """One stored weighting: its key (tier and case type, or report type), points, and the date it
    takes effect."""

    key: K
    points: int
    effective_from: dt.date


def weightings_in_force(rows: Iterable[Weighting[K]], on: dt.date) -> dict[K, int]:
    """Each key's points as they stood on ``on``: the row with the latest ``effective_from`` on or
    before that date. A later change does not rewrite what applied before it."""
    chosen: dict[K, Weighting[K]] = {}
    for row in rows:
        if row.effective_from > on:
            continue
        current = chosen.get(row.key)
        if current is None or row.effective_from > current.effective_from:
            chosen[row.key] = row
    return {key: row.points for key, row in chosen.items()}
