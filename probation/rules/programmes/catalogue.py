"""The accredited programme catalogue as dated reference data (interventions.md § Accredited
programmes).

Each programme is a version with the day it came into force in the community and, where another
replaces it, the day it stopped taking referrals. Building Choices replaces the general programmes
(Thinking Skills, Resolve) region by region; the national date below is the first regions' start and is
marked *verify*: a deployment corrects it with ``CatalogueSettings`` (Django setting
``PROGRAMME_DATES``), as law dates are corrected (``probation.rules.law.dated``).
"""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum

from probation.rules.errors import RuleError


class Intensity(StrEnum):
    MODERATE = "moderate"
    HIGH = "high"


class Delivery(StrEnum):
    GROUP = "group"
    ONE_TO_ONE = "one_to_one"


@dataclass(frozen=True)
class Programme:
    code: str
    name: str
    eligibility: str  # who it is for, as the catalogue says
    intensities: frozenset[Intensity]
    delivery: Delivery
    group_sessions: int  # the sessions a register records (catch-ups replace missed ones)
    one_to_one_sessions: int
    in_force_from: dt.date
    until: dt.date | None = None  # last day it takes new referrals, when another replaces it
    ldc_adapted: bool = False
    custody_mainly: bool = False
    verify: str = ""  # what the domain asks to be checked about these dates or counts

    def in_force_on(self, day: dt.date) -> bool:
        return self.in_force_from <= day and (self.until is None or day <= self.until)

    @property
    def sessions_required(self) -> int:
        """Group sessions a participant must attend to complete (catch-ups count); the one-to-ones and
        the post-programme review are recorded separately (interventions.md § Delivery rules)."""
        return self.group_sessions

    @property
    def intensity_text(self) -> str:
        return " or ".join(i.value for i in sorted(self.intensities, key=list(Intensity).index))


_M, _H = frozenset({Intensity.MODERATE}), frozenset({Intensity.HIGH})
_G, _O = Delivery.GROUP, Delivery.ONE_TO_ONE
# Community delivery start of the general programmes' replacement (first regions: East of England,
# Kent Surrey Sussex, London). *verify* per region.
BUILDING_CHOICES_FROM = dt.date(2024, 4, 1)
_LEGACY_UNTIL = BUILDING_CHOICES_FROM - dt.timedelta(days=1)
_LONG_AGO = dt.date(2010, 1, 1)

CATALOGUE: tuple[Programme, ...] = (
    Programme(
        "BC",
        "Building Choices",
        "Men and women 18+, any offence; includes learning disabilities or challenges (LDC)",
        frozenset({Intensity.MODERATE, Intensity.HIGH}),
        _G,
        21,
        6,
        BUILDING_CHOICES_FROM,
        ldc_adapted=True,
        verify="start date per region; high intensity ≈17–25 weeks",
    ),
    Programme(
        "TSP",
        "Thinking Skills Programme",
        "OGRS3 ≥ 50 with thinking-skills needs",
        _M,
        _G,
        15,
        4,
        _LONG_AGO,
        until=_LEGACY_UNTIL,
        verify="end date per region (replaced by Building Choices)",
    ),
    Programme(
        "BBR",
        "Building Better Relationships",
        "Men 18+, partner-violence offence, SARA medium or high, "
        "can discuss one act; information-sharing agreement; partner link worker",
        _M,
        _G,
        24,
        4,
        _LONG_AGO,
        verify="session counts",
    ),
    Programme(
        "RESOLVE",
        "Resolve",
        "Men, medium risk of violence",
        _M,
        _G,
        24,
        4,
        _LONG_AGO,
        until=_LEGACY_UNTIL,
        verify="end date per region (replaced by Building Choices); session counts",
    ),
    Programme(
        "HORIZON", "Horizon", "Men with a sexual conviction, medium risk or above", _M, _G, 31, 4, _LONG_AGO
    ),
    Programme(
        "IHORIZON",
        "iHorizon",
        "Men, internet sexual offences, lower risk; groups of 8–10",
        _M,
        _G,
        23,
        4,
        _LONG_AGO,
    ),
    Programme(
        "NMS",
        "New Me Strengths",
        "Adapted (LDC) for sexual, violent or IPV offending",
        _M,
        _G,
        24,
        4,
        _LONG_AGO,
        ldc_adapted=True,
        verify="session counts",
    ),
    Programme(
        "KAIZEN",
        "Kaizen",
        "High or very high risk violent, sexual or IPV offending",
        _H,
        _G,
        80,
        10,
        _LONG_AGO,
        custody_mainly=True,
        verify="session counts",
    ),
    Programme(
        "BNMPLUS",
        "Becoming New Me+",
        "LDC; high or very high risk violent, sexual or IPV offending",
        _H,
        _G,
        80,
        10,
        _LONG_AGO,
        ldc_adapted=True,
        custody_mainly=True,
        verify="session counts",
    ),
    Programme(
        "HII",
        "Healthy Identity Intervention",
        "Extremist offending",
        _H,
        _O,
        0,
        20,
        _LONG_AGO,
        verify="session counts",
    ),
    Programme(
        "HSP",
        "Healthy Sex Programme",
        "After Kaizen, Becoming New Me+, Horizon or New Me Strengths",
        _H,
        _G,
        20,
        4,
        _LONG_AGO,
        verify="session counts; delivered nationally",
    ),
    Programme("IM", "Identity Matters", "Gang identity", _M, _G, 14, 2, _LONG_AGO, verify="session counts"),
    Programme(
        "COVAID", "CoVAID", "Drink-related violence", _M, _G, 10, 2, _LONG_AGO, verify="session counts"
    ),
)
_BY_CODE: Mapping[str, Programme] = {p.code: p for p in CATALOGUE}


@dataclass(frozen=True)
class CatalogueSettings:
    """Corrections by programme code: ``{"BC": {"in_force_from": date}, "TSP": {"until": date}}``."""

    dates: Mapping[str, Mapping[str, dt.date | None]]


def _corrected(programme: Programme, settings: CatalogueSettings | None) -> Programme:
    if settings is None or programme.code not in settings.dates:
        return programme
    changes = {k: v for k, v in settings.dates[programme.code].items() if k in ("in_force_from", "until")}
    return replace(programme, **changes)  # type: ignore[arg-type]


def programme(code: str, settings: CatalogueSettings | None = None) -> Programme:
    try:
        return _corrected(_BY_CODE[code], settings)
    except KeyError:
        raise RuleError(
            f"'{code}' is not an accredited programme in the catalogue", field="programme"
        ) from None


def programmes_in_force(day: dt.date, settings: CatalogueSettings | None = None) -> list[Programme]:
    """The programmes taking referrals on ``day``, in catalogue order."""
    return [p for p in (_corrected(p, settings) for p in CATALOGUE) if p.in_force_on(day)]


def check_in_force(code: str, day: dt.date, settings: CatalogueSettings | None = None) -> Programme:
    found = programme(code, settings)
    if not found.in_force_on(day):
        until = f" after {found.until:%-d %B %Y}" if found.until else ""
        since = f" before {found.in_force_from:%-d %B %Y}" if day < found.in_force_from else until
        raise RuleError(f"{found.name} does not take referrals{since}", field="programme")
    return found
