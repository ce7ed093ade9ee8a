"""Register types: the reference data for registrations (risk and need flags).

Source: reference-data.md § Registrations ("code — meaning (review every N months)"). The table is
plain Python, reviewed with the code, rather than rows in the database (ADR 0008): the rules attach
to particular codes (RoSH exclusivity, MAPPA category and level), so a new type is a code change
with its tests, and showing a flag needs no query for its description or colour.

Colours are GOV.UK tag colours, one per group of flags, so a glance at the case header tells
protective flags (red, orange, pink) from needs and vulnerability (purple), management status
(teal), orders and alerts (yellow) and historic records (grey).
"""

import calendar
import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class FlagGroup(StrEnum):
    """Groups in the order the add form and the case header show them."""

    ROSH = "Risk of serious harm (RoSH)"
    PUBLIC_PROTECTION = "Public protection"
    CHILDREN = "Children"
    DOMESTIC_ABUSE = "Domestic abuse"
    RISK_TO_OTHERS = "Risk to others"
    SERIOUS_CRIME = "Gangs, organised crime and weapons"
    VULNERABILITY = "Safeguarding and vulnerability"
    ORDERS = "Orders, alerts and interest"
    MANAGEMENT = "Offender management"
    HISTORIC = "Historic"


GROUP_COLOURS: dict[FlagGroup, str] = {
    FlagGroup.ROSH: "red",
    FlagGroup.PUBLIC_PROTECTION: "red",
    FlagGroup.CHILDREN: "red",
    FlagGroup.DOMESTIC_ABUSE: "orange",
    FlagGroup.RISK_TO_OTHERS: "orange",
    FlagGroup.SERIOUS_CRIME: "pink",
    FlagGroup.VULNERABILITY: "purple",
    FlagGroup.ORDERS: "yellow",
    FlagGroup.MANAGEMENT: "teal",
    FlagGroup.HISTORIC: "grey",
}

# reference-data.md: MAPPA category M1 registered sexual offenders, M2 violent offenders, M3 other
# dangerous offenders, M4 terrorism; level M1 ordinary agency management, M2 multi-agency, M3 senior
# multi-agency. (Tiering also knows a level "M0", "no MAPPA management"; it is not a register level.)
MAPPA_CATEGORIES: dict[str, str] = {
    "M1": "registered sexual offenders",
    "M2": "violent offenders",
    "M3": "other dangerous offenders",
    "M4": "terrorism",
}
MAPPA_LEVELS: dict[str, str] = {
    "M1": "ordinary agency management",
    "M2": "multi-agency management",
    "M3": "senior multi-agency management",
}


def numbered_choices(meanings: dict[str, str], noun: str) -> list[tuple[str, str]]:
    """("M2", "Level 2: multi-agency management"): how practitioners say MAPPA levels and categories."""
    return [(code, f"{noun} {code.removeprefix('M')}: {meaning}") for code, meaning in meanings.items()]


MAPPA_CATEGORY_CHOICES = numbered_choices(MAPPA_CATEGORIES, "Category")
MAPPA_LEVEL_CHOICES = numbered_choices(MAPPA_LEVELS, "Level")


@dataclass(frozen=True)
class RegisterType:
    code: str
    description: str
    review_months: int  # 0: never reviewed (reference-data.md "0 = no review")
    group: FlagGroup
    colour: str = ""  # a GOV.UK tag colour when it differs from the group's
    has_category_and_level: bool = False

    @property
    def tag_colour(self) -> str:
        return self.colour or GROUP_COLOURS[self.group]

    @property
    def is_rosh(self) -> bool:
        return self.group == FlagGroup.ROSH

    @property
    def is_reviewed(self) -> bool:
        return self.review_months > 0


_R = RegisterType
_G = FlagGroup
REGISTER_TYPES: tuple[RegisterType, ...] = (
    # reference-data.md § RoSH: the overall RoSH "is mirrored by exactly one active RoSH registration".
    _R("RVHR", "Very high RoSH", 6, _G.ROSH),
    _R("RHRH", "High RoSH", 6, _G.ROSH),
    _R("RMRH", "Medium RoSH", 6, _G.ROSH, colour="orange"),
    _R("RLRH", "Low RoSH", 6, _G.ROSH, colour="green"),
    _R("MAPP", "MAPPA", 3, _G.PUBLIC_PROTECTION, has_category_and_level=True),
    _R("ARSO", "Registered sex offender", 3, _G.PUBLIC_PROTECTION),
    _R("ANSO", "Non-registered sex offender", 3, _G.PUBLIC_PROTECTION),
    _R("SOPS", "Sexual harm prevention or sexual risk order", 3, _G.PUBLIC_PROTECTION),
    _R("AVIS", "ViSOR record", 6, _G.PUBLIC_PROTECTION),
    _R("RTAO", "Terrorism Act offender", 6, _G.PUBLIC_PROTECTION),
    _R("ASFO", "Serious further offence", 3, _G.PUBLIC_PROTECTION),
    _R("RCPR", "Child protection", 3, _G.CHILDREN),
    _R("RCHD", "Risk to children", 3, _G.CHILDREN),
    _R("CSEP", "Child sexual exploitation perpetrator", 3, _G.CHILDREN),
    _R("ADWC", "Barred from working with children", 6, _G.CHILDREN),
    _R("RCCO", "Child concerns", 3, _G.CHILDREN, colour="orange"),
    _R("ADVP", "Domestic abuse perpetrator", 3, _G.DOMESTIC_ABUSE),
    _R("REG30", "Domestic abuse history", 0, _G.DOMESTIC_ABUSE),
    _R("ADVV", "Domestic abuse victim", 6, _G.DOMESTIC_ABUSE, colour="purple"),
    _R("IMAR", "MARAC", 3, _G.DOMESTIC_ABUSE),
    _R("REG15", "Risk to known adult", 6, _G.RISK_TO_OTHERS),
    _R("REG16", "Risk to prisoner", 6, _G.RISK_TO_OTHERS),
    _R("REG17", "Risk to public", 6, _G.RISK_TO_OTHERS),
    _R("AV2S", "Risk to staff", 6, _G.RISK_TO_OTHERS),
    _R("REG22", "Risk to adult at risk", 6, _G.RISK_TO_OTHERS),
    _R("STRG", "Street gangs", 3, _G.SERIOUS_CRIME),
    _R("REG26", "Organised crime", 6, _G.SERIOUS_CRIME),
    _R("IRMO", "Hate crime", 6, _G.SERIOUS_CRIME),
    _R("WEAP", "Weapons", 3, _G.SERIOUS_CRIME),
    _R("MSP", "Modern slavery perpetrator", 6, _G.SERIOUS_CRIME),
    _R("RVAD", "Safeguarding – adult at risk", 6, _G.VULNERABILITY),
    _R("ALSH", "Suicide or self-harm", 6, _G.VULNERABILITY),
    _R("AMHL", "Mental health issues", 6, _G.VULNERABILITY),
    _R("RMDO", "Mentally disordered offender", 6, _G.VULNERABILITY),
    _R("RVLN", "Vulnerable", 0, _G.VULNERABILITY),
    _R("MSV", "Modern slavery victim", 6, _G.VULNERABILITY),
    _R("CUCK", "Cuckooing – potential victim", 3, _G.VULNERABILITY),
    _R("RSTO", "Restraining order", 6, _G.ORDERS),
    _R("SPO", "Stalking protection order", 3, _G.ORDERS),
    _R("WRSM", "Warrant or summons", 3, _G.ORDERS),
    _R("ALAN", "Alert notice", 6, _G.ORDERS),
    _R("INVI", "Victim contact scheme", 3, _G.ORDERS),
    _R("RPIR", "Public interest case", 6, _G.ORDERS),
    _R("HOIE", "Home Office interest", 6, _G.ORDERS),
    _R("IIOM", "Integrated offender management", 6, _G.MANAGEMENT),
    _R("APPO", "Prolific priority offender", 6, _G.MANAGEMENT),
    _R("INLL", "Lifer", 12, _G.MANAGEMENT),
    # reference-data.md gives no review period for PRC or HREG: an unsupervised period and a
    # historic record have nothing to review, so they are treated as "0 = no review".
    _R("PRC", "Unsupervised (probation reset)", 0, _G.MANAGEMENT),
    _R("HREG", "Historic", 0, _G.HISTORIC),
)

REGISTER_TYPES_BY_CODE: dict[str, RegisterType] = {r.code: r for r in REGISTER_TYPES}
ROSH_CODES: tuple[str, ...] = tuple(r.code for r in REGISTER_TYPES if r.is_rosh)
CATEGORY_AND_LEVEL_CODES: tuple[str, ...] = tuple(r.code for r in REGISTER_TYPES if r.has_category_and_level)
NO_REVIEW_CODES: tuple[str, ...] = tuple(r.code for r in REGISTER_TYPES if not r.is_reviewed)
# Header and list order: the order of the table above (most serious first).
DISPLAY_ORDER: dict[str, int] = {r.code: index for index, r in enumerate(REGISTER_TYPES)}


def register_type(code: str) -> RegisterType | None:
    return REGISTER_TYPES_BY_CODE.get(code)


def register_types_by_group() -> list[tuple[FlagGroup, list[RegisterType]]]:
    return [(group, [r for r in REGISTER_TYPES if r.group == group]) for group in FlagGroup]


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day of the month ``months`` later, clamped to the end of a shorter month
    (31 August + 6 months is 28 or 29 February)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def next_review_date(register: RegisterType, from_date: dt.date) -> dt.date | None:
    """reference-data.md: "a next review date (date + review period)"; none when the period is 0."""
    if not register.is_reviewed:
        return None
    return add_months(from_date, register.review_months)
