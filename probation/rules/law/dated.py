"""Rule versions with an *in force from* date, and the version in force on a day.

Law changes on commencement dates and applies to events by their own dates (enforcement.md § Law by
date): a recall decided in 2025 keeps its 28 days; one decided today gets today's rule. So a rule is a
tuple of versions, each a plain value with the date it came into force and where that comes from, and
an event looks up the version in force on its own date — never a constant edited in place.

Some commencement dates are marked *verify* in the domain files: they are reference data, not code
(domain/README.md). Each version names its ``Commencement``; a deployment corrects a date through
``LawSettings`` (read from Django settings by the apps) and every lookup uses the corrected date.
"""

import datetime as dt
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Generic, TypeVar

from probation.rules.errors import RuleError

T = TypeVar("T")


@dataclass(frozen=True)
class Commencement:
    """The day a provision came into force, with its source. ``verify`` says what the domain files
    ask to be checked (empty when the date is settled); such a date may be corrected by settings."""

    key: str
    on: dt.date
    citation: str
    verify: str = ""


@dataclass(frozen=True)
class LawSettings:
    """Corrections to the reference data: commencement dates by key and, for the list the domain marks
    *verify*, the fixed-term recall exclusions that take a person out of automatic release (values of
    ``probation.rules.enforcement.recall.FixedTermExclusion``)."""

    commencements: Mapping[str, dt.date] = field(default_factory=dict)
    automatic_release_exclusions: frozenset[str] | None = None


NO_CHANGES = LawSettings()


@dataclass(frozen=True)
class RuleVersion(Generic[T]):
    """One version of a rule: the rule's values, the day it came into force and its source."""

    commencement: Commencement
    rule: T
    summary: str  # what this version says, for the pages that explain which rule applied

    @property
    def in_force_from(self) -> dt.date:
        return self.commencement.on

    @property
    def key(self) -> str:
        return self.commencement.key

    @property
    def citation(self) -> str:
        return self.commencement.citation


class LawNotRecorded(RuleError):
    """The event is older than the first version of the rule this system records."""


def day(value: dt.date) -> str:
    return f"{value.day} {value:%B %Y}"


def resolve(
    versions: Sequence[RuleVersion[T]], settings: LawSettings = NO_CHANGES
) -> tuple[RuleVersion[T], ...]:
    """The versions with any corrected commencement dates applied, oldest first. Refuses versions whose
    dates are not strictly increasing (a correction cannot reorder the law)."""
    dated = tuple(
        replace(v, commencement=replace(v.commencement, on=settings.commencements[v.key]))
        if v.key in settings.commencements
        else v
        for v in versions
    )
    if not dated:
        raise ValueError("a rule needs at least one version")
    for earlier, later in itertools.pairwise(dated):
        if not earlier.in_force_from < later.in_force_from:
            raise ValueError(
                f"rule versions out of order: {earlier.key} ({earlier.in_force_from}) is not before "
                f"{later.key} ({later.in_force_from})"
            )
    return dated


def version_in_force_on(
    versions: Sequence[RuleVersion[T]],
    on: dt.date,
    *,
    what: str,
    settings: LawSettings = NO_CHANGES,
    field: str | None = None,
) -> RuleVersion[T]:
    """The version in force on ``on``: the latest that came into force on or before that day.

    ``what`` names the rule for the refusal when ``on`` is before the first recorded version."""
    dated = resolve(versions, settings)
    in_force = [v for v in dated if v.in_force_from <= on]
    if not in_force:
        raise LawNotRecorded(
            f"No {what} are recorded before {day(dated[0].in_force_from)}; {day(on)} was given", field=field
        )
    return in_force[-1]


def version_by_key(
    versions: Sequence[RuleVersion[T]], key: str, *, settings: LawSettings = NO_CHANGES
) -> RuleVersion[T]:
    """A version recorded against an event (its key), with today's corrected dates."""
    for version in resolve(versions, settings):
        if version.key == key:
            return version
    raise KeyError(key)


def in_force_period(
    versions: Sequence[RuleVersion[T]], key: str, *, settings: LawSettings = NO_CHANGES
) -> str:
    """How a page names a version: "the rules in force before 31 March 2026" for one that has been
    replaced, "the rules in force from 31 March 2026" for the current one."""
    dated = resolve(versions, settings)
    for version, following in zip(dated, (*dated[1:], None), strict=True):
        if version.key == key:
            if following is None:
                return f"the rules in force from {day(version.in_force_from)}"
            if version is dated[0]:
                return f"the rules in force before {day(following.in_force_from)}"
            return (
                f"the rules in force from {day(version.in_force_from)} "
                f"to {day(following.in_force_from - dt.timedelta(days=1))}"
            )
    raise KeyError(key)
