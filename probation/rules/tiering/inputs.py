"""Plain, typed inputs to the tier calculation (tiering.md § Inputs).

These are deliberately framework-free frozen dataclasses: callers (Django services, an API, a CLI)
gather the facts and hand them over; the calculation never reaches out for data itself. Values are
checked by `probation.rules.tiering.validation` before any rule runs, so a wrongly built input fails
loudly with a `TieringInputError` instead of producing a plausible but wrong tier.
"""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class Gender(StrEnum):
    """Recorded gender. Only FEMALE changes the result (tiering.md § Protect: women's factors)."""

    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    NOT_KNOWN = "not_known"


class NeedSection(StrEnum):
    """The 8 scored need sections of the needs assessment (tiering.md § Need severity)."""

    ACCOMMODATION = "accommodation"
    EDUCATION_TRAINING_EMPLOYABILITY = "education_training_employability"
    RELATIONSHIPS = "relationships"
    LIFESTYLE_ASSOCIATES = "lifestyle_associates"
    DRUG_MISUSE = "drug_misuse"
    ALCOHOL_MISUSE = "alcohol_misuse"
    THINKING_BEHAVIOUR = "thinking_behaviour"
    ATTITUDES = "attitudes"


@dataclass(frozen=True)
class Registration:
    """An *active* registration (risk/need flag) — reference-data.md § Registrations.

    `code` is the registration type (e.g. "RHRH", "MAPP"); `level` and `category` are the optional
    register level/category (for MAPP: level "M0"–"M3", category "M1"–"M4"); `date` is the
    registration date, which decides which of several registrations of one kind wins.
    """

    code: str
    date: dt.date
    level: str | None = None
    category: str | None = None


@dataclass(frozen=True)
class Requirement:
    """A sentence requirement: its main category code (e.g. "W" unpaid work, "W1" order extended)
    and whether that category is *restrictive* (curfew, exclusion… — enforcement.md)."""

    main_category: str
    restrictive: bool


@dataclass(frozen=True)
class Sentence:
    """A current or past sentence (tiering.md § Inputs: sentences).

    No `termination_date` means the sentence is current; any termination date means it is not.
    """

    custodial: bool
    requirements: tuple[Requirement, ...]
    termination_date: dt.date | None = None


@dataclass(frozen=True)
class NeedsAssessment:
    """The latest needs assessment (tiering.md § Need severity from assessment answers).

    `answers` maps a need section (see `NeedSection`) to its question answers, e.g.
    ``{"accommodation": {"no_fixed_abode_or_transient": "yes", "suitability": "some"}}``.
    A missing section or question, or an answer of None, means "not answered". Accepted answers per
    question kind: yes/no questions "yes" / "no" / "unknown"; problem questions "none" / "some" /
    "significant" / "unknown"; "ever injected drugs" "never" / "previously" / "currently" / "unknown".
    The question names of each section are listed in `probation.rules.tiering.tables.NEED_SECTIONS`.

    The three women's-factor answers: `parenting_responsibilities` (yes/no question),
    `impulsivity` and `temper_control` (problem questions).
    """

    answers: Mapping[str, Mapping[str, str | None]]
    parenting_responsibilities: str | None = None
    impulsivity: str | None = None
    temper_control: str | None = None


@dataclass(frozen=True)
class TierInputs:
    """Everything the tier calculation reads (tiering.md § Inputs).

    - `gender`: a `Gender` (or its string value).
    - `registrations`: the person's *active* registrations; pass an empty tuple for none.
    - `sentences`: every current or past sentence; pass an empty tuple for none.
    - `previous_enforcement_activity`: True if any breach or recall process with an outcome was
      referred in the last 365 days (see `probation.rules.tiering.enforcement` for a helper).
    - `needs_assessment`: the latest needs assessment, or None if there is none.
    - `rsr_percentage`: RSR % as a Decimal (or int); None when missing, which scores as 0.
    - `ogrs_percentage`: latest OGRS 2-year % as an integer 0–100; None when missing ⇒ 0.
    """

    gender: Gender | str
    registrations: tuple[Registration, ...]
    sentences: tuple[Sentence, ...]
    previous_enforcement_activity: bool
    needs_assessment: NeedsAssessment | None = None
    rsr_percentage: Decimal | int | None = None
    ogrs_percentage: int | None = None
