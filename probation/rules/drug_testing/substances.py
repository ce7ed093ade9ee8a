"""The substances a test panel can cover, and the dated lists of *specified* drugs.

Source: drug-testing.md § Legal bases and § Specified drugs. Since 2 August 2023 "specified Class A"
means every substance in paras 1–5 of Part 1 of Sch 2 to the Misuse of Drugs Act 1971 (Criminal
Justice (Specified Class A Drugs) Order 2023); before that, cocaine (including crack) and diamorphine
(heroin) only. The specified Class B list is set by a separate order (*check the order in force*):
it is kept here as a dated rule so a corrected list is a new version, not an edit.
"""

import datetime as dt
from enum import StrEnum

from probation.rules.law.dated import (
    NO_CHANGES,
    Commencement,
    LawNotRecorded,
    LawSettings,
    RuleVersion,
    version_in_force_on,
)


class Substance(StrEnum):
    COCAINE = "cocaine"
    HEROIN = "heroin"
    METHADONE = "methadone"
    MDMA = "mdma"
    AMPHETAMINE = "amphetamine"
    CANNABIS = "cannabis"
    KETAMINE = "ketamine"
    SYNTHETIC_CANNABINOIDS = "synthetic_cannabinoids"
    BENZODIAZEPINES = "benzodiazepines"
    BUPRENORPHINE = "buprenorphine"
    PREGABALIN = "pregabalin"
    ALCOHOL = "alcohol"


SUBSTANCE_LABELS: dict[Substance, str] = {
    Substance.COCAINE: "Cocaine (including crack)",
    Substance.HEROIN: "Opiates (heroin)",
    Substance.METHADONE: "Methadone",
    Substance.MDMA: "MDMA (ecstasy)",
    Substance.AMPHETAMINE: "Amphetamine",
    Substance.CANNABIS: "Cannabis",
    Substance.KETAMINE: "Ketamine",
    Substance.SYNTHETIC_CANNABINOIDS: "Synthetic cannabinoids (spice)",
    Substance.BENZODIAZEPINES: "Benzodiazepines",
    Substance.BUPRENORPHINE: "Buprenorphine",
    Substance.PREGABALIN: "Pregabalin",
    Substance.ALCOHOL: "Alcohol (breath)",
}

# Every controlled drug or psychoactive substance on the national kits' panels; alcohol is not a drug.
DRUGS: frozenset[Substance] = frozenset(Substance) - {Substance.ALCOHOL}

SPECIFIED_CLASS_A: tuple[RuleVersion[frozenset[Substance]], ...] = (
    RuleVersion(
        Commencement(
            "specified_class_a_2001",
            dt.date(2001, 4, 2),
            "Criminal Justice and Court Services Act 2000 s.70: cocaine and diamorphine",
        ),
        frozenset({Substance.COCAINE, Substance.HEROIN}),
        "cocaine (including crack) and diamorphine (heroin) only",
    ),
    RuleVersion(
        Commencement(
            "specified_class_a_2023",
            dt.date(2023, 8, 2),
            "Criminal Justice (Specified Class A Drugs) Order 2023",
        ),
        frozenset({Substance.COCAINE, Substance.HEROIN, Substance.METHADONE, Substance.MDMA}),
        "every substance in paras 1–5 of Part 1 of Sch 2 to the Misuse of Drugs Act 1971",
    ),
)

SPECIFIED_CLASS_B: tuple[RuleVersion[frozenset[Substance]], ...] = (
    RuleVersion(
        Commencement(
            "specified_class_b_2014",
            dt.date(2015, 2, 1),
            "Offender Rehabilitation Act 2014 and the specified Class B drugs order",
            verify="check the specified Class B order in force",
        ),
        frozenset({Substance.AMPHETAMINE, Substance.CANNABIS, Substance.KETAMINE}),
        "amphetamine, cannabis and ketamine",
    ),
)


def specified_drugs(on: dt.date, settings: LawSettings = NO_CHANGES) -> frozenset[Substance]:
    """Specified Class A and Class B drugs on the day of the test (drug-testing.md § Specified drugs).
    Before the Class B order only the Class A list applies."""
    class_a = version_in_force_on(SPECIFIED_CLASS_A, on, what="specified Class A drugs", settings=settings)
    try:
        class_b = version_in_force_on(
            SPECIFIED_CLASS_B, on, what="specified Class B drugs", settings=settings
        ).rule
    except LawNotRecorded:
        class_b = frozenset()
    return class_a.rule | class_b
