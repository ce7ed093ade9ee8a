"""The equality groups (equality.md § Groups): a person's recorded value to the group they are
counted in. Anything not given, or "prefer not to say", is Not stated."""

import datetime as dt
from enum import StrEnum

NOT_STATED = "not_stated"


class Dimension(StrEnum):
    ETHNICITY = "ethnicity"
    SEX = "sex"
    AGE_BAND = "age_band"
    DISABILITY = "disability"
    RELIGION = "religion"


DIMENSION_LABELS = {
    Dimension.ETHNICITY: "Ethnicity",
    Dimension.SEX: "Sex",
    Dimension.AGE_BAND: "Age band",
    Dimension.DISABILITY: "Disability",
    Dimension.RELIGION: "Religion or belief",
}

# The five top-level census 2021 ethnic groups, by the first letter of the detailed code.
ETHNIC_GROUPS = {
    "A": "Asian or Asian British",
    "B": "Black, Black British, Caribbean or African",
    "M": "Mixed or multiple ethnic groups",
    "W": "White",
    "O": "Other ethnic group",
}
SEXES = {"M": "Male", "F": "Female", "O": "Other"}
RELIGIONS = {
    "NONE": "No religion",
    "CHR": "Christian",
    "BUD": "Buddhist",
    "HIN": "Hindu",
    "JEW": "Jewish",
    "MUS": "Muslim",
    "SIK": "Sikh",
    "OTH": "Any other religion",
}
DISABILITY = {"yes": "Yes", "no": "No"}
# Age at the start of the period: (label, lowest age, highest age or None).
AGE_BANDS = (
    ("under_18", "Under 18", 0, 17),
    ("18_24", "18 to 24", 18, 24),
    ("25_34", "25 to 34", 25, 34),
    ("35_49", "35 to 49", 35, 49),
    ("50_plus", "50 and over", 50, None),
)


def group_labels(dimension: Dimension) -> dict[str, str]:
    """Every group of a dimension in display order, Not stated last."""
    labels: dict[str, str] = {
        Dimension.ETHNICITY: ETHNIC_GROUPS,
        Dimension.SEX: SEXES,
        Dimension.RELIGION: RELIGIONS,
        Dimension.DISABILITY: DISABILITY,
        Dimension.AGE_BAND: {key: label for key, label, _, _ in AGE_BANDS},
    }[dimension]
    return {**labels, NOT_STATED: "Not stated"}


def ethnic_group(code: str) -> str:
    return code[0] if code[:1] in ETHNIC_GROUPS and code != "NS" else NOT_STATED


def sex_group(code: str) -> str:
    return code if code in SEXES else NOT_STATED


def religion_group(code: str) -> str:
    return code if code in RELIGIONS else NOT_STATED


def born_on_or_before(on: dt.date, years: int) -> dt.date:
    """The latest date of birth of someone aged at least ``years`` on ``on`` (29 February birthdays
    fall on 1 March in other years)."""
    try:
        return on.replace(year=on.year - years)
    except ValueError:
        return dt.date(on.year - years, 2, 28)


def age_band(date_of_birth: dt.date, on: dt.date) -> str:
    """The age band of someone on ``on`` (the start of the period)."""
    for key, _, lowest, _ in reversed(AGE_BANDS):
        if date_of_birth <= born_on_or_before(on, lowest):
            return key
    return AGE_BANDS[0][0]
