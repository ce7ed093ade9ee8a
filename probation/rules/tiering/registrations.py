"""Facts derived from active registrations (tiering.md § Inputs, "Derived from registrations")."""

from collections.abc import Iterable
from dataclasses import dataclass

from probation.rules.tiering.inputs import Registration
from probation.rules.tiering.tables import (
    COMPLEXITY_FACTORS,
    COUNTED_MAPPA_LEVELS,
    HISTORIC_REGISTRATION_CODE,
    IOM_REGISTRATION_CODE,
    MAPPA_POINTS,
    MAPPA_REGISTRATION_CODE,
    ROSH_LEVEL_BY_CODE,
    ROSH_POINTS,
    UNSUPERVISED_REGISTRATION_CODE,
    RoshLevel,
)


@dataclass(frozen=True)
class RegistrationFacts:
    rosh_level: RoshLevel | None
    mappa_level: str | None
    complexity_factors: tuple[str, ...]
    iom: bool
    unsupervised: bool


def active_registrations(registrations: Iterable[Registration]) -> list[Registration]:
    """tiering.md § Inputs: "Ignore type HREG (historic)"."""
    return [r for r in registrations if r.code != HISTORIC_REGISTRATION_CODE]


def rosh_level(registrations: Iterable[Registration]) -> RoshLevel | None:
    """tiering.md § Derived: RoSH level is the newest of RVHR / RHRH / RMRH / RLRH.

    Several RoSH registrations on the same newest date are not covered by tiering.md; the most
    severe wins so the result never depends on the order the registrations were supplied in, and
    errs towards protecting the public.
    """
    candidates = [r for r in active_registrations(registrations) if r.code in ROSH_LEVEL_BY_CODE]
    if not candidates:
        return None
    # Points differ for every RoSH code (150 / 20 / 10 / 0), so they fully order a same-date tie.
    newest = max(candidates, key=lambda r: (r.date, ROSH_POINTS[ROSH_LEVEL_BY_CODE[r.code]]))
    return ROSH_LEVEL_BY_CODE[newest.code]


def mappa_level(registrations: Iterable[Registration]) -> str | None:
    """tiering.md § Derived: level of the newest MAPP registration whose level is M1, M2 or M3.

    M0 and level-less MAPP registrations are filtered out *before* choosing the newest, as written
    ("the newest MAPP registration whose level is M1, M2 or M3"). Same-date ties: highest level wins.
    """
    candidates = [
        r
        for r in active_registrations(registrations)
        if r.code == MAPPA_REGISTRATION_CODE and r.level in COUNTED_MAPPA_LEVELS
    ]
    if not candidates:
        return None
    newest = max(candidates, key=lambda r: (r.date, MAPPA_POINTS[r.level], r.level))
    return newest.level


def complexity_factors(registrations: Iterable[Registration]) -> tuple[str, ...]:
    """tiering.md § Derived: *distinct* complexity-factor types present, in the table's order."""
    present = {r.code for r in active_registrations(registrations)}
    return tuple(code for code in COMPLEXITY_FACTORS if code in present)


def derive_registration_facts(registrations: Iterable[Registration]) -> RegistrationFacts:
    """All registration-derived facts: RoSH, MAPPA, complexity, IOM (any IIOM), unsupervised (any PRC)."""
    active = active_registrations(registrations)
    codes = {r.code for r in active}
    return RegistrationFacts(
        rosh_level=rosh_level(active),
        mappa_level=mappa_level(active),
        complexity_factors=complexity_factors(active),
        iom=IOM_REGISTRATION_CODE in codes,
        unsupervised=UNSUPERVISED_REGISTRATION_CODE in codes,
    )
