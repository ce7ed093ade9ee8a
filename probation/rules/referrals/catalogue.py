"""Commissioned Rehabilitative Services reference data: contract types, service categories, complexity
levels and desired outcomes.

Source: interventions.md § Commissioned Rehabilitative Services ("Refer and monitor"). Contract types
carry their nDelius NSI code; Personal Wellbeing has four service categories, the others one each here
(regional variants are the providers' contracts, not new categories). Each category has the three
complexity levels, described, and its desired outcomes; a referral chooses a level and at least one
outcome per category.

The catalogue is reference data dated like the law (ADR 0030, ADR 0043): a contract change is a new
``RuleVersion``, and a referral keeps the version in force on the day it was made.
"""

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from probation.rules.errors import RuleError, RuleErrors
from probation.rules.law.dated import Commencement, RuleVersion, version_in_force_on


class Complexity(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


COMPLEXITY_LABELS = {Complexity.LOW: "Low", Complexity.MEDIUM: "Medium", Complexity.HIGH: "High"}


@dataclass(frozen=True)
class Category:
    key: str
    name: str
    complexity: dict[Complexity, str]  # the level's description, as the provider reads it
    outcomes: dict[str, str]  # desired outcome key -> text

    def outcome(self, key: str) -> str:
        try:
            return self.outcomes[key]
        except KeyError:
            raise RuleError(
                f"Choose a desired outcome for {self.name}", field=f"{self.key}-outcomes"
            ) from None


@dataclass(frozen=True)
class ContractType:
    code: str
    name: str
    nsi: str  # the nDelius NSI code
    categories: tuple[Category, ...]


@dataclass(frozen=True)
class Catalogue:
    contract_types: tuple[ContractType, ...]

    def contract_type(self, code: str) -> ContractType:
        for contract in self.contract_types:
            if contract.code == code:
                return contract
        raise RuleError("Choose a contract type", field="contract_type")

    def category(self, key: str) -> Category:
        for contract in self.contract_types:
            for category in contract.categories:
                if category.key == key:
                    return category
        raise RuleError("Choose a service category", field="categories")


def _levels(low: str, medium: str, high: str) -> dict[Complexity, str]:
    return {Complexity.LOW: low, Complexity.MEDIUM: medium, Complexity.HIGH: high}


def _category(key: str, name: str, levels: dict[Complexity, str], *outcomes: str) -> Category:
    return Category(key, name, levels, {f"{key}_{n}": text for n, text in enumerate(outcomes, start=1)})


_ACCOMMODATION = _category(
    "accommodation",
    "Accommodation",
    _levels(
        "Has somewhere to live but needs help to keep it or move on",
        "At risk of losing their home, or in temporary accommodation",
        "Homeless, or needs supported housing, with complex needs",
    ),
    "Secures suitable supported housing",
    "Sustains a tenancy",
    "Avoids eviction",
    "Prepared for release with somewhere to live",
)
_ETE = _category(
    "ete",
    "Education, training and employment",
    _levels("Job-ready, needs help to find work", "Needs training or qualifications", "Long-term unemployed"),
    "Starts education or training",
    "Finds paid work",
    "Gains a qualification",
)
_MENTORING = _category(
    "mentoring",
    "Mentoring",
    _levels("Light-touch support", "Regular support to engage", "Intensive support to engage"),
    "Engages with services in the community",
    "Builds a positive support network",
)
_DEPENDENCY = _category(
    "dependency_recovery",
    "Dependency and recovery",
    _levels(
        "Some use, motivated to change", "Regular use affecting daily life", "Dependent, with other needs"
    ),
    "Engages with treatment services",
    "Reduces or stops drug or alcohol use",
    "Builds recovery support",
)
_PWB = (
    _category(
        "emotional_wellbeing",
        "Emotional wellbeing",
        _levels(
            "Copes most of the time",
            "Struggles to manage emotions",
            "Emotional difficulties affect all of life",
        ),
        "Manages emotions better",
        "Engages with mental health support",
    ),
    _category(
        "family",
        "Family and significant others",
        _levels(
            "Some strain in relationships", "Relationships often in conflict", "Relationships broken down"
        ),
        "Improves family relationships",
        "Builds healthy relationships",
    ),
    _category(
        "lifestyle",
        "Lifestyle and associates",
        _levels("Some negative associates", "Mostly negative associates", "Embedded in a criminal lifestyle"),
        "Spends time in positive activities",
        "Reduces contact with negative associates",
    ),
    _category(
        "social_inclusion",
        "Social inclusion",
        _levels("Some links to the community", "Few links to the community", "Isolated"),
        "Takes part in community activities",
        "Accesses local services independently",
    ),
)
_WOMEN = _category(
    "womens_services",
    "Women's services",
    _levels("Needs some support", "Needs regular support", "Needs intensive, trauma-informed support"),
    "Feels safe and supported",
    "Engages with women's centre services",
)
_FINANCE = _category(
    "finance",
    "Finance, benefit and debt",
    _levels("Needs advice", "Needs help with benefits or debts", "Unmanageable debt or no income"),
    "Has a bank account",
    "Claims the benefits they are entitled to",
    "Has a plan to manage debts",
)

CATALOGUE: tuple[RuleVersion[Catalogue], ...] = (
    RuleVersion(
        Commencement(
            "crs_catalogue",
            dt.date(2021, 6, 26),  # CRS contracts began with the unified Probation Service
            "Commissioned Rehabilitative Services contracts (interventions.md § Commissioned "
            "Rehabilitative Services)",
            verify="the regional contract variants",
        ),
        Catalogue(
            (
                ContractType("ACC", "Accommodation", "CRS01", (_ACCOMMODATION,)),
                ContractType("ETE", "Education, training and employment", "CRS02", (_ETE,)),
                ContractType("MTR", "Mentoring", "CRS03", (_MENTORING,)),
                ContractType("DNR", "Dependency and recovery", "CRS04", (_DEPENDENCY,)),
                ContractType("PWB", "Personal wellbeing", "CRS05", _PWB),
                ContractType("WOS", "Women's services", "CRS06", (_WOMEN, *_PWB)),
                ContractType("FBD", "Finance, benefit and debt", "CRS08", (_FINANCE,)),
            )
        ),
        "Contract types ACC, ETE, MTR, DNR, PWB, WOS and FBD",
    ),
)


def catalogue_on(day: dt.date) -> Catalogue:
    """The contract types and their categories in force on ``day``."""
    return version_in_force_on(CATALOGUE, day, what="commissioned services contracts").rule


def check_categories(contract: ContractType, chosen: dict[str, tuple[str, list[str]]]) -> None:
    """Refuse a referral's categories unless there is at least one, each belongs to the contract, and
    each has a complexity level and at least one of its own desired outcomes. ``chosen`` maps a
    category key to (complexity, outcome keys). Every problem is reported at once."""
    errors: list[RuleError] = []
    if not chosen:
        raise RuleError("Choose at least one service category", field="categories")
    offered = {c.key: c for c in contract.categories}
    for key, (complexity, outcomes) in chosen.items():
        category = offered.get(key)
        if category is None:
            errors.append(
                RuleError(f"{contract.name} does not offer this service category", field="categories")
            )
            continue
        if complexity not in {c.value for c in Complexity}:
            errors.append(
                RuleError(f"Choose the complexity level for {category.name}", field=f"{key}-complexity")
            )
        if not outcomes:
            errors.append(
                RuleError(f"Choose at least one desired outcome for {category.name}", field=f"{key}-outcomes")
            )
        elif any(o not in category.outcomes for o in outcomes):
            errors.append(
                RuleError(f"Choose desired outcomes offered for {category.name}", field=f"{key}-outcomes")
            )
    if errors:
        raise RuleErrors(errors)
