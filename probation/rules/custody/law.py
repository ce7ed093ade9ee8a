"""The release rules by date (custody-release.md § Release points and § Home detention curfew).

Each rule is a tuple of dated versions (probation.rules.law.dated, ADR 0030). Two kinds of date govern:
- the **date of sentence** decides which kind of sentence the court passed (SDS+ from 1 April 2020 and
  28 June 2022; the extended sentence before and after 13 April 2015; the SOPC before and after
  28 June 2022; IPP until 3 December 2012): ``version_in_force_on(…, sentence_date)``;
- the **release point** decides which release scheme applies to a standard determinate sentence (SDS40
  and the progression model) and to HDC, because each was commenced in tranches for people already
  serving: a prisoner whose point under the old rule was still in the future on a commencement date
  moves to the new rule, released no earlier than the commencement date
  (``probation.rules.custody.key_dates``).
Dates the domain marks *verify* carry that note and may be corrected by ``LawSettings``.
"""

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from probation.rules.law.dated import Commencement, RuleVersion


class OffenceFlag(StrEnum):
    """What the offences of a custodial sentence are, for the release rules (from the offence lists)."""

    SDS_PLUS_LISTED = "sds_plus_listed"  # a listed violent or sexual offence (SDS+ schedules)
    SEXUAL = "sexual"
    VIOLENT = "violent"
    DOMESTIC_ABUSE = "domestic_abuse"
    NATIONAL_SECURITY = "national_security"
    TERRORISM = "terrorism"
    # Sexual, domestic-abuse and murder-related offences added to the SDS40 exclusions on 16 Dec 2024.
    SDS40_ADDED_DEC_2024 = "sds40_added_dec_2024"
    EDS_LISTED = "eds_listed"  # a listed offence for the pre-2015 extended sentence (Schedule 15B)
    PROGRESSION_SERIOUS = "progression_serious"  # listed serious offence: ½ under the progression model
    PROGRESSION_EXCLUDED = "progression_excluded"  # excluded from the progression model


OFFENCE_FLAG_LABELS: dict[OffenceFlag, str] = {
    OffenceFlag.SDS_PLUS_LISTED: "A listed violent or sexual offence (SDS+)",
    OffenceFlag.SEXUAL: "A sexual offence",
    OffenceFlag.VIOLENT: "A violent offence",
    OffenceFlag.DOMESTIC_ABUSE: "A domestic abuse offence",
    OffenceFlag.NATIONAL_SECURITY: "A national security offence",
    OffenceFlag.TERRORISM: "A terrorism offence",
    OffenceFlag.SDS40_ADDED_DEC_2024: "An offence added to the 40% exclusions on 16 December 2024",
    OffenceFlag.EDS_LISTED: "A listed offence for an extended sentence (Schedule 15B)",
    OffenceFlag.PROGRESSION_SERIOUS: "A listed serious offence (progression model: one half)",
    OffenceFlag.PROGRESSION_EXCLUDED: "An offence excluded from the progression model",
}


class SdsScheme(StrEnum):
    HALF = "half"
    SDS40 = "sds40"
    PROGRESSION = "progression"


@dataclass(frozen=True)
class SdsReleaseRule:
    """One version of the release point of a standard determinate sentence.

    ``term_under_months`` / ``term_up_to_days``: the tranche covers only shorter custodial terms (None:
    every term); a term outside the tranche keeps the previous version's point. ``exclusions``: offences
    that take the sentence out of the reduced point (to one half)."""

    scheme: SdsScheme
    term_under_months: int | None = None
    term_up_to_days: int | None = None
    exclusions: frozenset[OffenceFlag] = frozenset()
    violent_excluded_from_months: int | None = None  # violent offences with a term of this or more


HALF = Fraction(1, 2)
FORTY_PERCENT = Fraction(2, 5)
ONE_THIRD = Fraction(1, 3)
TWO_THIRDS = Fraction(2, 3)
WHOLE = Fraction(1)

CJA_2003_RELEASE = Commencement(
    "cja_2003_release",
    dt.date(2005, 4, 4),
    "Criminal Justice Act 2003 s.244 (automatic release at one half of a standard determinate sentence)",
)
SDS40_TRANCHE_1 = Commencement(
    "sds40_tranche_1",
    dt.date(2024, 9, 10),
    "Criminal Justice Act 2003 (Requisite and Minimum Custodial Period) Order 2024: release at 40% for "
    "standard determinate sentences under 5 years",
)
SDS40_TRANCHE_2 = Commencement(
    "sds40_tranche_2",
    dt.date(2024, 10, 22),
    "Criminal Justice Act 2003 (Requisite and Minimum Custodial Period) Order 2024: release at 40% for "
    "standard determinate sentences of any length",
)
SDS40_EXCLUSIONS_DEC_2024 = Commencement(
    "sds40_exclusions_dec_2024",
    dt.date(2024, 12, 16),
    "SDS40 exclusions extended (sexual, domestic abuse and murder-related offences) from 16 December 2024",
)
PROGRESSION_TRANCHE_1 = Commencement(
    "progression_tranche_1",
    dt.date(2026, 10, 1),
    "Sentencing Act 2026 (Royal Assent 22 January 2026), progression model: release at one third for "
    "custodial terms up to 574 days",
    verify="commencement of the progression model by tranche (custody-release.md)",
)
PROGRESSION_TRANCHE_2 = Commencement(
    "progression_tranche_2",
    dt.date(2027, 6, 8),
    "Sentencing Act 2026, progression model: release at one third for every standard determinate "
    "sentence in scope",
    verify="commencement of the progression model by tranche (custody-release.md)",
)

SDS40_EXCLUSIONS = frozenset(
    {OffenceFlag.SEXUAL, OffenceFlag.DOMESTIC_ABUSE, OffenceFlag.NATIONAL_SECURITY, OffenceFlag.TERRORISM}
)
SDS_RELEASE_RULES: tuple[RuleVersion[SdsReleaseRule], ...] = (
    RuleVersion(CJA_2003_RELEASE, SdsReleaseRule(SdsScheme.HALF), "Automatic release at one half."),
    RuleVersion(
        SDS40_TRANCHE_1,
        SdsReleaseRule(
            SdsScheme.SDS40,
            term_under_months=60,
            exclusions=SDS40_EXCLUSIONS,
            violent_excluded_from_months=48,
        ),
        "Release at 40% for sentences under 5 years, unless the offence is excluded.",
    ),
    RuleVersion(
        SDS40_TRANCHE_2,
        SdsReleaseRule(SdsScheme.SDS40, exclusions=SDS40_EXCLUSIONS, violent_excluded_from_months=48),
        "Release at 40% for sentences of any length, unless the offence is excluded.",
    ),
    RuleVersion(
        SDS40_EXCLUSIONS_DEC_2024,
        SdsReleaseRule(
            SdsScheme.SDS40,
            exclusions=SDS40_EXCLUSIONS | {OffenceFlag.SDS40_ADDED_DEC_2024},
            violent_excluded_from_months=48,
        ),
        "Release at 40%, with more excluded offences (sexual, domestic abuse, murder-related) at one half.",
    ),
    RuleVersion(
        PROGRESSION_TRANCHE_1,
        SdsReleaseRule(SdsScheme.PROGRESSION, term_up_to_days=574),
        "Progression model: release at one third for custodial terms up to 574 days (one half for listed "
        "serious offences).",
    ),
    RuleVersion(
        PROGRESSION_TRANCHE_2,
        SdsReleaseRule(SdsScheme.PROGRESSION),
        "Progression model: release at one third (one half for listed serious offences).",
    ),
)


@dataclass(frozen=True)
class SdsPlusRule:
    """Who gets a standard determinate sentence *plus* (release at two thirds) for a listed offence:
    adults with a term of ``adult_from_months`` or more, under-18s with ``youth_from_months`` or more
    (None: no SDS+ for under-18s)."""

    adult_from_months: int | None
    youth_from_months: int | None


SDS_PLUS_NONE = Commencement(
    "sds_plus_none", CJA_2003_RELEASE.on, "Criminal Justice Act 2003 (no SDS+ before 1 April 2020)"
)
SDS_PLUS_2020 = Commencement(
    "sds_plus_2020",
    dt.date(2020, 4, 1),
    "Release of Prisoners (Alteration of Relevant Proportion of Sentence) Order 2020: two thirds for "
    "listed violent or sexual offences with a term of 7 years or more",
)
SDS_PLUS_2022 = Commencement(
    "sds_plus_2022",
    dt.date(2022, 6, 28),
    "Police, Crime, Sentencing and Courts Act 2022 s.130: two thirds also for listed offences with a term "
    "of 4 to under 7 years, and for under-18 detention of 7 years or more",
)
SDS_PLUS_RULES: tuple[RuleVersion[SdsPlusRule], ...] = (
    RuleVersion(SDS_PLUS_NONE, SdsPlusRule(None, None), "No SDS+."),
    RuleVersion(SDS_PLUS_2020, SdsPlusRule(84, None), "SDS+ for listed offences with a term of 7 years+."),
    RuleVersion(
        SDS_PLUS_2022,
        SdsPlusRule(48, 84),
        "SDS+ for listed offences with a term of 4 years+ (adults) or 7 years+ (under 18).",
    ),
)


@dataclass(frozen=True)
class ParoleShare:
    """Where the Parole Board may first release (``ped``; None: no parole point) and where release is
    automatic (``crd``), as shares of the custodial term."""

    ped: Fraction | None
    crd: Fraction


LASPO_EDS = Commencement(
    "laspo_eds", dt.date(2012, 12, 3), "Criminal Justice Act 2003 s.226A, s.246A (LASPO 2012 s.124–125)"
)
CJCA_2015 = Commencement(
    "cjca_2015",
    dt.date(2015, 4, 13),
    "Criminal Justice and Courts Act 2015 ss.4–6 (extended sentences: Parole Board from two thirds; "
    "sentences for offenders of particular concern)",
)
EDS_RULES: tuple[RuleVersion[ParoleShare], ...] = (
    RuleVersion(
        LASPO_EDS,
        ParoleShare(ped=TWO_THIRDS, crd=WHOLE),
        "Parole Board from two thirds of the custodial term, automatic at its end; an extended sentence "
        "under 10 years with no listed offence is released automatically at two thirds.",
    ),
    RuleVersion(
        CJCA_2015,
        ParoleShare(ped=TWO_THIRDS, crd=WHOLE),
        "Parole Board from two thirds of the custodial term; automatic release at its end.",
    ),
)
SOPC_BEFORE_2022 = Commencement(
    "sopc_2015", CJCA_2015.on, "Criminal Justice Act 2003 s.244A (Criminal Justice and Courts Act 2015)"
)
SOPC_2022 = Commencement(
    "sopc_2022",
    dt.date(2022, 6, 28),
    "Police, Crime, Sentencing and Courts Act 2022 s.131: SOPC Parole Board eligibility at two thirds",
)
SOPC_RULES: tuple[RuleVersion[ParoleShare], ...] = (
    RuleVersion(SOPC_BEFORE_2022, ParoleShare(ped=HALF, crd=WHOLE), "Parole Board from one half."),
    RuleVersion(SOPC_2022, ParoleShare(ped=TWO_THIRDS, crd=WHOLE), "Parole Board from two thirds."),
)
SOPC_LICENCE_MONTHS = 12
IPP_ABOLISHED = Commencement(
    "ipp_abolished", dt.date(2012, 12, 3), "LASPO 2012 s.123 (no new IPP sentences from 3 December 2012)"
)


@dataclass(frozen=True)
class HdcRule:
    """Home detention curfew: the midpoint and the longest period (days); ``adults`` False once HDC is
    kept only for prisoners serving under-18 sentences."""

    midpoint_days: int
    maximum_days: int
    adults: bool = True


HDC_2005 = Commencement(
    "hdc_recorded",
    CJA_2003_RELEASE.on,
    "Criminal Justice Act 1991 s.34A / Criminal Justice Act 2003 s.246 (home detention curfew)",
    verify="the domain records only the 360/180-day rule before 3 June 2025",
)
HDC_2025 = Commencement(
    "hdc_2025",
    dt.date(2025, 6, 3),
    "Home detention curfew extended: midpoint 730 days, up to 365 days on HDC (3 June 2025)",
)
HDC_ADULT_REPEAL = Commencement(
    "hdc_adult_repeal",
    dt.date(2026, 9, 2),
    "Sentencing Act 2026 s.26: HDC only for prisoners serving only under-18 sentences; HMPPS stops adult "
    "HDC from an HDCED of 2 September 2026",
    verify="the date adult HDC stops (custody-release.md)",
)
HDC_RULES: tuple[RuleVersion[HdcRule], ...] = (
    RuleVersion(HDC_2005, HdcRule(360, 180), "Midpoint 360 days; at most 180 days on HDC."),
    RuleVersion(HDC_2025, HdcRule(730, 365), "Midpoint 730 days; at most 365 days on HDC."),
    RuleVersion(
        HDC_ADULT_REPEAL,
        HdcRule(730, 365, adults=False),
        "HDC only for prisoners serving under-18 sentences (at most 365 days).",
    ),
)
HDC_MIN_CUSTODIAL_DAYS = 42
HDC_MIN_DAYS_BEFORE = 28
HDC_MIN_SERVED_DAYS = 14
