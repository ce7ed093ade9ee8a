"""The tiering rules as data tables (tiering.md, reference-data.md § Registrations).

Every number the calculation uses lives here, next to the section of the specification it comes
from, so a reviewer can check the tables against the published framework line by line.
"""

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from probation.rules.tiering.inputs import NeedSection

# --- Registrations (reference-data.md § Registrations) ------------------------------------------

# Every registration type the system knows. Unknown codes are rejected rather than ignored: a typo
# such as "RHHR" would otherwise silently drop a risk flag and under-tier the case.
KNOWN_REGISTRATION_CODES: frozenset[str] = frozenset(
    {
        "RVHR", "RHRH", "RMRH", "RLRH", "MAPP", "ADVP", "REG30", "ADVV", "RCCO", "RCPR", "RCHD",
        "CSEP", "REG15", "REG16", "REG17", "AV2S", "REG22", "RVAD", "ALSH", "AMHL", "RMDO", "RVLN",
        "IIOM", "APPO", "INLL", "ARSO", "ANSO", "SOPS", "AVIS", "RTAO", "STRG", "REG26", "IRMO",
        "WEAP", "RSTO", "SPO", "MSP", "MSV", "CUCK", "ASFO", "INVI", "WRSM", "RPIR", "HOIE", "ADWC",
        "ALAN", "IMAR", "PRC", "HREG",
    }
)  # fmt: skip

# tiering.md § Inputs: "Ignore type HREG (historic)".
HISTORIC_REGISTRATION_CODE = "HREG"
MAPPA_REGISTRATION_CODE = "MAPP"
IOM_REGISTRATION_CODE = "IIOM"
UNSUPERVISED_REGISTRATION_CODE = "PRC"


class RoshLevel(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    VERY_HIGH = "very_high"


# tiering.md § Derived: RoSH level from the newest of these registrations.
ROSH_LEVEL_BY_CODE: dict[str, RoshLevel] = {
    "RVHR": RoshLevel.VERY_HIGH,
    "RHRH": RoshLevel.HIGH,
    "RMRH": RoshLevel.MEDIUM,
    "RLRH": RoshLevel.LOW,
}

# tiering.md § Protect level: RoSH very high 150; high 20; medium 10; low or none 0.
ROSH_POINTS: dict[RoshLevel | None, int] = {
    RoshLevel.VERY_HIGH: 150,
    RoshLevel.HIGH: 20,
    RoshLevel.MEDIUM: 10,
    RoshLevel.LOW: 0,
    None: 0,
}

# reference-data.md: MAPPA levels are M1–M3; tiering.md adds M0 (no MAPPA management), ignored.
MAPPA_LEVELS: tuple[str, ...] = ("M0", "M1", "M2", "M3")
COUNTED_MAPPA_LEVELS: frozenset[str] = frozenset({"M1", "M2", "M3"})

# tiering.md § Protect level: MAPPA level M2 or M3: 150; M1: 5; none 0.
MAPPA_POINTS: dict[str | None, int] = {"M3": 150, "M2": 150, "M1": 5, None: 0}

# tiering.md § Derived: complexity factors and their meaning (for the breakdown text).
COMPLEXITY_FACTORS: dict[str, str] = {
    "RMDO": "mentally disordered",
    "ALSH": "suicide/self-harm",
    "RVLN": "vulnerable",
    "RCCO": "child concerns",
    "RCPR": "child protection",
    "RCHD": "risk to children",
    "RPIR": "public interest case",
    "RVAD": "adult at risk",
    "STRG": "street gangs",
    "RTAO": "terrorism act offender",
}
POINTS_PER_COMPLEXITY_FACTOR = 2
MAX_COMPLEXITY_POINTS = 20

# --- Protect level (tiering.md § Protect level) --------------------------------------------------


@dataclass(frozen=True)
class RsrBand:
    lower: Decimal
    upper: Decimal
    points: int


# Both bounds inclusive. The gap 6.99 < RSR < 7.00 and RSR > 99.99 deliberately match no band and
# score 0: that is how the published framework is defined, so do not "fix" it by rounding.
RSR_BANDS: tuple[RsrBand, ...] = (
    RsrBand(Decimal("7.00"), Decimal("99.99"), 20),
    RsrBand(Decimal("3.00"), Decimal("6.99"), 10),
)
RSR_MAX_ACCEPTED = Decimal(100)  # a percentage; RSR itself is clamped to 99.99 (predictors.md)

WOMENS_POINTS_PER_UNIT = 2
WOMENS_ENFORCEMENT_POINTS = 2
MAX_WOMENS_POINTS = 6

# (lowest points, level), checked from the top: ≥ 150 A; 20–149 B; 10–19 C; 0–9 D.
PROTECT_BANDS: tuple[tuple[int, str], ...] = ((150, "A"), (20, "B"), (10, "C"), (0, "D"))

# --- Change level (tiering.md § Change level) ----------------------------------------------------

# Requirement main categories ignored when looking for a mandate for change.
UNPAID_WORK_CATEGORIES: dict[str, str] = {"W": "unpaid work", "W1": "order extended"}
IOM_POINTS = 2
OGRS_POINTS_DIVISOR = 10
MAX_NEEDS_POINTS = 20
NO_ASSESSMENT_CHANGE_LEVEL = 2
NO_MANDATE_CHANGE_LEVEL = 0

# (lowest points, level), checked from the top: ≥ 20 ⇒ 3; 10–19 ⇒ 2; 0–9 ⇒ 1.
CHANGE_BANDS: tuple[tuple[int, int], ...] = ((20, 3), (10, 2), (0, 1))

# --- Needs (tiering.md § Need severity from assessment answers) -----------------------------------


class QuestionKind(StrEnum):
    YES_NO = "yes_no"
    PROBLEM = "problem"
    EVER_INJECTED = "ever_injected"


UNKNOWN_ANSWER = "unknown"

# Score of each accepted answer. "unknown" scores 0 and, like a missing answer, does not count as
# an answer when deciding whether a whole section was left unanswered.
ANSWER_SCORES: dict[QuestionKind, dict[str, int]] = {
    QuestionKind.YES_NO: {"yes": 2, "no": 0, UNKNOWN_ANSWER: 0},
    QuestionKind.PROBLEM: {"none": 0, "some": 1, "significant": 2, UNKNOWN_ANSWER: 0},
    QuestionKind.EVER_INJECTED: {"never": 0, "previously": 1, "currently": 2, UNKNOWN_ANSWER: 0},
}


class Severity(StrEnum):
    NO_NEED = "no_need"
    STANDARD = "standard"
    SEVERE = "severe"


# tiering.md § Change level: severity no need 0, standard 1, severe 2.
SEVERITY_VALUES: dict[Severity, int] = {Severity.NO_NEED: 0, Severity.STANDARD: 1, Severity.SEVERE: 2}


@dataclass(frozen=True)
class NeedSectionRule:
    title: str
    weighting: int
    standard_threshold: int
    severe_threshold: int
    questions: tuple[tuple[str, QuestionKind], ...]


_YN, _PR, _INJ = QuestionKind.YES_NO, QuestionKind.PROBLEM, QuestionKind.EVER_INJECTED

# Weightings from § Change level; thresholds and questions from § Need severity. Financial management
# and Emotional wellbeing are weighted 0, so they can never contribute and take no input.
NEED_SECTIONS: dict[NeedSection, NeedSectionRule] = {
    NeedSection.ACCOMMODATION: NeedSectionRule(
        "Accommodation", 1, 2, 7,
        (("no_fixed_abode_or_transient", _YN), ("suitability", _PR), ("permanence", _PR), ("location", _PR)),
    ),
    NeedSection.EDUCATION_TRAINING_EMPLOYABILITY: NeedSectionRule(
        "Education, training & employability", 1, 3, 7,
        (("unemployed", _YN), ("employment_history", _PR), ("work_related_skills", _PR),
         ("attitude_to_employment", _PR)),
    ),
    NeedSection.RELATIONSHIPS: NeedSectionRule(
        "Relationships", 1, 2, 5,
        (("close_family", _PR), ("experience_of_childhood", _PR), ("previous_close_relationships", _PR)),
    ),
    NeedSection.LIFESTYLE_ASSOCIATES: NeedSectionRule(
        "Lifestyle & associates", 1, 2, 5,
        (("regular_activities_encourage_offending", _PR), ("easily_influenced", _PR), ("recklessness", _PR)),
    ),
    NeedSection.DRUG_MISUSE: NeedSectionRule(
        "Drug misuse", 1, 2, 8,
        (("current_drug_use", _YN), ("ever_injected", _INJ), ("motivation_to_tackle", _PR),
         ("drugs_major_activity", _PR)),
    ),
    NeedSection.ALCOHOL_MISUSE: NeedSectionRule(
        "Alcohol misuse", 1, 4, 7,
        (("current_use", _PR), ("binge_drinking", _PR), ("frequency_and_level", _PR),
         ("motivation_to_tackle", _PR)),
    ),
    NeedSection.THINKING_BEHAVIOUR: NeedSectionRule(
        "Thinking & behaviour", 2, 4, 7,
        (("recognises_problems", _PR), ("problem_solving", _PR), ("awareness_of_consequences", _PR),
         ("understands_others_views", _PR)),
    ),
    NeedSection.ATTITUDES: NeedSectionRule(
        "Attitudes", 2, 2, 7,
        (("pro_criminal_attitudes", _PR), ("attitude_to_supervision", _PR), ("attitude_to_community", _PR),
         ("motivation_to_address_offending", _PR)),
    ),
}  # fmt: skip

# Women's-factor questions on the assessment (tiering.md § Protect level: women's factors).
WOMENS_FACTOR_QUESTIONS: dict[str, QuestionKind] = {
    "parenting_responsibilities": QuestionKind.YES_NO,
    "impulsivity": QuestionKind.PROBLEM,
    "temper_control": QuestionKind.PROBLEM,
}
