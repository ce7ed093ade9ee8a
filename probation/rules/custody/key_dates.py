"""Proposed release key dates of a custodial sentence, with each step of the calculation in words.

Source: custody-release.md § Release points and § Home detention curfew; enforcement.md § Licences and
recall. Counting: the day of sentence is day 1 of the term, so a term of N days ends (SED) on the day of
sentence + N − 1; a share of the term is served in ceil(N × share) days and release falls on the last of
them. Remand and tagged-bail credit bring every date forward by its days; added days (for behaviour in
custody) put release back. Release cannot fall before the day of sentence (time served).

Which rule applies (ADR 0030 and ``probation.rules.custody.law``): the date of sentence decides the kind
of sentence; for a standard determinate sentence and for HDC the tranches commenced for people already
serving: whoever's point under the old rule was on or after a commencement date moves to the new rule,
no earlier than that date.
"""

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction
from typing import Any, TypeVar

from probation.rules.calendar.periods import add_months
from probation.rules.custody.law import (
    EDS_RULES,
    FORTY_PERCENT,
    HALF,
    HDC_MIN_CUSTODIAL_DAYS,
    HDC_MIN_DAYS_BEFORE,
    HDC_MIN_SERVED_DAYS,
    HDC_RULES,
    IPP_ABOLISHED,
    ONE_THIRD,
    SDS_PLUS_RULES,
    SDS_RELEASE_RULES,
    SOPC_LICENCE_MONTHS,
    SOPC_RULES,
    TWO_THIRDS,
    HdcRule,
    OffenceFlag,
    SdsPlusRule,
    SdsReleaseRule,
    SdsScheme,
)
from probation.rules.errors import RuleError, RuleErrorCollector
from probation.rules.law.dated import NO_CHANGES, LawSettings, RuleVersion, resolve, version_in_force_on
from probation.rules.sentences.limits import TOP_UP_SUPERVISION

T = TypeVar("T")

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_RESOLVED: dict[tuple[int, tuple[tuple[str, dt.date], ...]], tuple[Any, ...]] = {}


def day(value: dt.date) -> str:
    """5 January 2026 (probation.rules.law.dated.day without strftime: the nightly job formats
    about a million dates)."""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def _resolve(versions: Sequence[RuleVersion[T]], settings: LawSettings) -> tuple[RuleVersion[T], ...]:
    """``resolve`` once per rule and settings (the nightly job asks for every prisoner)."""
    key = (id(versions), tuple(sorted(settings.commencements.items())))
    found: tuple[RuleVersion[T], ...] | None = _RESOLVED.get(key)
    if found is None:
        found = _RESOLVED[key] = resolve(versions, settings)
    return found


def _in_force_on(
    versions: Sequence[RuleVersion[T]], on: dt.date, *, what: str, settings: LawSettings
) -> RuleVersion[T]:
    dated = _resolve(versions, settings)
    for version in reversed(dated):
        if version.in_force_from <= on:
            return version
    return version_in_force_on(versions, on, what=what, settings=settings, field="sentence_date")  # refuses


class ReleaseSentenceType(StrEnum):
    SDS = "sds"  # standard determinate; SDS+ follows from the offence, the term, the age and the date
    EDS = "eds"
    SOPC = "sopc"
    LIFE = "life"
    IPP = "ipp"
    DTO = "dto"


RELEASE_SENTENCE_TYPE_LABELS: dict[ReleaseSentenceType, str] = {
    ReleaseSentenceType.SDS: "Standard determinate sentence (SDS)",
    ReleaseSentenceType.EDS: "Extended determinate sentence (EDS)",
    ReleaseSentenceType.SOPC: "Sentence for offenders of particular concern (SOPC)",
    ReleaseSentenceType.LIFE: "Life sentence",
    ReleaseSentenceType.IPP: "Imprisonment for public protection (IPP)",
    ReleaseSentenceType.DTO: "Detention and training order (DTO)",
}
INDETERMINATE = frozenset({ReleaseSentenceType.LIFE, ReleaseSentenceType.IPP})


class HdcExclusion(StrEnum):
    """Statutory exclusions from HDC (custody-release.md); SDS+ and DTOs are worked out, not entered."""

    SEX_OFFENDER_REGISTER = "sex_offender_register"
    ROTL_OR_CURFEW_BREACH = "rotl_or_curfew_breach"
    HDC_RECALL_WITHIN_2_YEARS = "hdc_recall_within_2_years"
    DEPORTATION = "deportation"
    COMPASSIONATE_RELEASE_RECALL = "compassionate_release_recall"
    TERRORISM = "terrorism"
    S244ZB_NOTICE = "s244zb_notice"
    SCHEDULE_20B = "schedule_20b"


HDC_EXCLUSION_LABELS: dict[HdcExclusion, str] = {
    HdcExclusion.SEX_OFFENDER_REGISTER: "On the sex offender register",
    HdcExclusion.ROTL_OR_CURFEW_BREACH: "Serving for failing to return from ROTL or breaching a curfew",
    HdcExclusion.HDC_RECALL_WITHIN_2_YEARS: "Recalled from HDC curfew within 2 years",
    HdcExclusion.DEPORTATION: "Deportation recommended or decided",
    HdcExclusion.COMPASSIONATE_RELEASE_RECALL: "Recalled from compassionate release",
    HdcExclusion.TERRORISM: "Terrorism",
    HdcExclusion.S244ZB_NOTICE: "Section 244ZB notice",
    HdcExclusion.SCHEDULE_20B: "Release under Schedule 20B",
}


@dataclass(frozen=True)
class CustodialTerm:
    """A custodial sentence as the release rules see it. ``months``/``days``: the custodial term (SDS,
    DTO; the custodial part of an EDS or SOPC) or the minimum term (tariff) of a life or IPP sentence.
    ``offence_date``: the earliest offence (the ORA 2014 licence rules); the sentence date if unknown."""

    type: ReleaseSentenceType
    sentence_date: dt.date
    months: int = 0
    days: int = 0
    extension_months: int = 0
    age_at_sentence: int = 30
    offences: frozenset[OffenceFlag] = frozenset()
    hdc_exclusions: frozenset[HdcExclusion] = frozenset()
    remand_days: int = 0
    tagged_bail_days: int = 0
    added_days: int = 0
    referred_s244zb: bool = False
    offence_date: dt.date | None = None


@dataclass(frozen=True)
class KeyDates:
    """The proposed dates (None: not applicable) and the calculation in words (``steps``)."""

    crd: dt.date | None = None  # conditional (automatic) release date
    ped: dt.date | None = None  # parole eligibility date
    led: dt.date | None = None  # licence expiry date
    sed: dt.date | None = None  # sentence expiry date
    hdced: dt.date | None = None  # home detention curfew eligibility date
    ted: dt.date | None = None  # tariff expiry date
    tused: dt.date | None = None  # top-up supervision end date
    steps: tuple[str, ...] = ()
    rule_keys: tuple[str, ...] = field(default=())
    indeterminate: bool = False

    @property
    def earliest_release(self) -> dt.date | None:
        """custody-release.md: PED, else CRD; indeterminate: the tariff expiry."""
        if self.indeterminate:
            return self.ted
        return self.ped or self.crd


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _share(share: Fraction) -> str:
    return {HALF: "one half", FORTY_PERCENT: "40%", ONE_THIRD: "one third", TWO_THIRDS: "two thirds"}.get(
        share, "the whole"
    )


def _term_words(months: int, days: int) -> str:
    years, rest = divmod(months, 12)
    parts = [_plural(years, "year")] if years else []
    parts += [_plural(rest, "month")] if rest else []
    parts += [_plural(days, "day")] if days or not parts else []
    return " ".join(parts)


def check_custodial_term(term: CustodialTerm) -> None:
    """Refuse what cannot be: a missing term, negative days, an IPP after its abolition, credit longer
    than the sentence. Every problem is reported at once."""
    errors = RuleErrorCollector()
    with errors.check():
        if term.months < 0 or term.days < 0 or term.months * 31 + term.days < 1:
            what = "minimum term (tariff)" if term.type in INDETERMINATE else "custodial term"
            raise RuleError(f"Enter the {what}: at least 1 day.", field="months")
    for name in ("remand_days", "tagged_bail_days", "added_days", "extension_months"):
        with errors.check():
            if getattr(term, name) < 0:
                raise RuleError("The number cannot be negative.", field=name)
    with errors.check():
        if term.type is ReleaseSentenceType.EDS and not 12 <= term.extension_months <= 96:
            raise RuleError(
                "An extended sentence's extension period is 1 to 8 years (12 to 96 months).",
                field="extension_months",
            )
    with errors.check():
        if term.type is ReleaseSentenceType.IPP and term.sentence_date >= IPP_ABOLISHED.on:
            raise RuleError(
                f"No IPP sentence can be passed from {day(IPP_ABOLISHED.on)} ({IPP_ABOLISHED.citation}).",
                field="sentence_date",
            )
    errors.raise_any()
    days = term_days(term)
    credit = term.remand_days + term.tagged_bail_days
    if credit > days:
        raise RuleError(
            f"The remand and tagged-bail credit ({_plural(credit, 'day')}) is longer than the sentence "
            f"({_plural(days, 'day')}).",
            field="remand_days",
        )


def term_days(term: CustodialTerm) -> int:
    """The term in days: from the day of sentence to the same date ``months`` later, plus ``days``."""
    return (add_months(term.sentence_date, term.months) - term.sentence_date).days + term.days


class _Calc:
    """Collects the steps and the rule versions used while the dates are worked out."""

    def __init__(self, term: CustodialTerm, settings: LawSettings) -> None:
        self.term = term
        self.settings = settings
        self.steps: list[str] = []
        self.keys: list[str] = []
        self.days = term_days(term)
        self.credit = term.remand_days + term.tagged_bail_days

    def say(self, text: str) -> None:
        self.steps.append(text)

    def use(self, version: RuleVersion[object]) -> None:
        if version.key not in self.keys:
            self.keys.append(version.key)

    def served(self, share: Fraction, days: int | None = None) -> int:
        whole = self.days if days is None else days
        return -(-whole * share.numerator // share.denominator)  # ceil without Fraction arithmetic

    def point(self, share: Fraction, *, added: bool = True) -> dt.date:
        """The day the share of the term has been served, after credit (and added days)."""
        raw = self.term.sentence_date + dt.timedelta(days=self.served(share) - 1 - self.credit)
        if added:
            raw += dt.timedelta(days=self.term.added_days)
        return max(raw, self.term.sentence_date)

    def in_force(self, versions: Sequence[RuleVersion[T]], what: str) -> RuleVersion[T]:
        version = _in_force_on(versions, self.term.sentence_date, what=what, settings=self.settings)
        self.use(version)  # type: ignore[arg-type]
        return version


def _intro(calc: _Calc) -> None:
    t = calc.term
    end = t.sentence_date + dt.timedelta(days=calc.days - 1)
    calc.say(
        f"The custodial term of {_term_words(t.months, t.days)} from {day(t.sentence_date)} is "
        f"{_plural(calc.days, 'day')} ({day(t.sentence_date)} to {day(end)})."
    )
    if calc.credit:
        credits = [f"remand {_plural(t.remand_days, 'day')}"] if t.remand_days else []
        credits += [f"tagged bail {_plural(t.tagged_bail_days, 'day')}"] if t.tagged_bail_days else []
        calc.say(
            f"Credit for time served ({' and '.join(credits)}): every date comes "
            f"{_plural(calc.credit, 'day')} earlier."
        )
    if t.added_days:
        calc.say(f"{_plural(t.added_days, 'added day')} for behaviour in custody put release back.")


def _credited(calc: _Calc, last_day: dt.date) -> dt.date:
    return last_day - dt.timedelta(days=calc.credit)


def compute_key_dates(term: CustodialTerm, *, settings: LawSettings = NO_CHANGES) -> KeyDates:
    """The proposed key dates of ``term`` with the breakdown. Refuses impossible input (RuleError)."""
    check_custodial_term(term)
    calc = _Calc(term, settings)
    compute: dict[ReleaseSentenceType, Callable[[_Calc], KeyDates]] = {
        ReleaseSentenceType.SDS: _sds,
        ReleaseSentenceType.DTO: _dto,
        ReleaseSentenceType.EDS: _eds,
        ReleaseSentenceType.SOPC: _sopc,
        ReleaseSentenceType.LIFE: _indeterminate,
        ReleaseSentenceType.IPP: _indeterminate,
    }
    dates = compute[term.type](calc)
    return KeyDates(
        **{name: getattr(dates, name) for name in ("crd", "ped", "led", "sed", "hdced", "ted", "tused")},
        steps=tuple(calc.steps),
        rule_keys=tuple(calc.keys),
        indeterminate=term.type in INDETERMINATE,
    )


# --- standard determinate sentences ------------------------------------------------------------------
def _months_in_days(start: dt.date, months: int) -> int:
    return (add_months(start, months) - start).days


def is_sds_plus(term: CustodialTerm, version: RuleVersion[SdsPlusRule]) -> bool:
    """A listed offence with a term at or over the version's threshold for the person's age."""
    rule = version.rule
    threshold = rule.adult_from_months if term.age_at_sentence >= 18 else rule.youth_from_months
    return (
        OffenceFlag.SDS_PLUS_LISTED in term.offences
        and threshold is not None
        and term_days(term) >= _months_in_days(term.sentence_date, threshold)
    )


def _sds_share(calc: _Calc, rule: SdsReleaseRule, previous: Fraction) -> Fraction:
    t = calc.term
    if rule.scheme is SdsScheme.HALF:
        return HALF
    if (
        rule.term_under_months is not None
        and term_days(t) >= (add_months(t.sentence_date, rule.term_under_months) - t.sentence_date).days
    ):
        return previous
    if rule.term_up_to_days is not None and calc.days > rule.term_up_to_days:
        return previous
    if rule.scheme is SdsScheme.SDS40:
        violent = (
            rule.violent_excluded_from_months is not None
            and OffenceFlag.VIOLENT in t.offences
            and calc.days >= _months_in_days(t.sentence_date, rule.violent_excluded_from_months)
        )
        return HALF if violent or t.offences & rule.exclusions else FORTY_PERCENT
    sds_plus_today = is_sds_plus(t, _resolve(SDS_PLUS_RULES, calc.settings)[-1])
    if t.age_at_sentence < 18 or sds_plus_today or OffenceFlag.PROGRESSION_EXCLUDED in t.offences:
        return previous
    return HALF if OffenceFlag.PROGRESSION_SERIOUS in t.offences else ONE_THIRD


def _sds_release(calc: _Calc) -> tuple[dt.date, Fraction]:
    """The release point by tranche: the first version, then each later one for whoever had not yet
    reached the point on its commencement date (released no earlier than that date)."""
    versions = _resolve(SDS_RELEASE_RULES, calc.settings)
    first = calc.in_force(SDS_RELEASE_RULES, "release rules")
    share = HALF
    release = calc.point(share)
    applied = first
    for version in versions[1:]:
        start = version.in_force_from
        if release < start:
            break
        new_share = _sds_share(calc, version.rule, share)
        if new_share == share:
            continue
        share, applied = new_share, version
        new_point = calc.point(share)
        release = max(new_point, start)
        calc.use(version)  # type: ignore[arg-type]
        if new_point < start:
            calc.say(
                f"Release at {_share(share)} would fall on {day(new_point)}, before that rule came into "
                f"force on {day(start)}: release is on {day(start)}."
            )
    calc.say(f"Release point: {_share(share)} of the term. {applied.summary} ({applied.citation}).")
    return release, share


def _sds(calc: _Calc) -> KeyDates:
    t = calc.term
    _intro(calc)
    sed = _credited(calc, t.sentence_date + dt.timedelta(days=calc.days - 1))
    calc.in_force(SDS_RELEASE_RULES, "release rules")  # refuses a date before the first recorded
    plus = calc.in_force(SDS_PLUS_RULES, "SDS+ rules")
    if is_sds_plus(t, plus):
        share = TWO_THIRDS
        crd = calc.point(share)
        calc.say(
            f"A listed offence with this term on this date is an SDS+: release at two thirds. {plus.summary}"
        )
    else:
        crd, share = _sds_release(calc)
    calc.say(f"Conditional release date (CRD): {_plural(calc.served(share), 'day')} served, {day(crd)}.")
    ped = None
    if t.referred_s244zb:
        ped, crd_out = crd, None
        calc.say(
            "Referred to the Parole Board (s.244ZB): no automatic release; the Parole Board may release "
            f"from {day(ped)}."
        )
    else:
        crd_out = crd
    led = _licence_expiry(calc, sed)
    calc.say(f"Sentence expiry date (SED): {day(sed)}.")
    tused = _top_up(calc, crd, led)
    hdced = None if share == TWO_THIRDS else _hdced(calc, crd, share)
    if share == TWO_THIRDS:
        calc.say("No HDC: an SDS+ is excluded.")
    return KeyDates(crd=crd_out, ped=ped, led=led, sed=sed, hdced=hdced, tused=tused)


def _licence_expiry(calc: _Calc, sed: dt.date) -> dt.date | None:
    t = calc.term
    offence = t.offence_date or t.sentence_date
    if offence >= dt.date(2015, 2, 1) or t.months >= 12:
        calc.say(f"On licence from release to the end of the sentence: licence expiry date (LED) {day(sed)}.")
        return sed
    calc.say("No licence: a sentence under 12 months for offences before 1 February 2015.")
    return None


def _top_up(calc: _Calc, crd: dt.date, led: dt.date | None) -> dt.date | None:
    t = calc.term
    offence = t.offence_date or t.sentence_date
    version = _in_force_on(TOP_UP_SUPERVISION, t.sentence_date, what="top-up rules", settings=calc.settings)
    if not version.rule.available or offence < dt.date(2015, 2, 1) or t.months >= 24 or calc.days <= 1:
        return None
    if t.age_at_sentence < 18:
        return None
    end = add_months(crd, version.rule.max_months) - dt.timedelta(days=1)
    if led is not None and end <= led:
        return None
    calc.use(version)  # type: ignore[arg-type]
    calc.say(f"Top-up supervision to 12 months after release: ends {day(end)} ({version.citation}).")
    return end


# --- home detention curfew ---------------------------------------------------------------------------
def _hdc_point(calc: _Calc, rule: HdcRule, crd: dt.date, custodial: int) -> dt.date | None:
    t = calc.term
    if custodial < rule.midpoint_days:
        raw = t.sentence_date + dt.timedelta(
            days=max(HDC_MIN_DAYS_BEFORE, math.ceil(custodial / 2)) - calc.credit
        )
    else:
        raw = crd - dt.timedelta(days=rule.maximum_days - 1)
    earliest = t.sentence_date + dt.timedelta(days=HDC_MIN_SERVED_DAYS)
    hdced = max(raw, earliest)
    return hdced if hdced < crd else None


def _hdced(calc: _Calc, crd: dt.date, share: Fraction) -> dt.date | None:
    t = calc.term
    excluded = sorted(HDC_EXCLUSION_LABELS[e] for e in t.hdc_exclusions)
    if excluded:
        calc.say(f"No HDC: excluded ({'; '.join(excluded)}).")
        return None
    if share == ONE_THIRD and t.age_at_sentence >= 18:
        calc.say(
            "No HDC: adult HDC stops for progression-model sentences (Sentencing Act 2026 s.26; verify)."
        )
        return None
    custodial = calc.served(share)
    if custodial < HDC_MIN_CUSTODIAL_DAYS:
        calc.say(
            f"No HDC: the custodial period ({_plural(custodial, 'day')}) is under "
            f"{HDC_MIN_CUSTODIAL_DAYS} days."
        )
        return None
    versions = _resolve(HDC_RULES, calc.settings)
    applied = versions[0]
    hdced = _hdc_point(calc, applied.rule, crd, custodial)
    for version in versions[1:]:
        start = version.in_force_from
        if hdced is not None and hdced < start:
            break
        applied = version
        if not version.rule.adults and t.age_at_sentence >= 18:
            calc.use(version)  # type: ignore[arg-type]
            calc.say(f"No HDC: {version.summary} ({version.citation}).")
            return None
        new = _hdc_point(calc, version.rule, crd, custodial)
        hdced = None if new is None else max(new, start)
    if hdced is None:
        calc.say("No HDC: the eligibility date would not fall before the release date.")
        return None
    calc.use(applied)  # type: ignore[arg-type]
    calc.say(
        f"Home detention curfew eligibility (HDCED): {day(hdced)}. {applied.summary} At least "
        f"{HDC_MIN_SERVED_DAYS} days served."
    )
    return hdced


# --- the other sentences -----------------------------------------------------------------------------
def _dto(calc: _Calc) -> KeyDates:
    _intro(calc)
    crd = calc.point(HALF)
    sed = _credited(calc, calc.term.sentence_date + dt.timedelta(days=calc.days - 1))
    calc.in_force(SDS_RELEASE_RULES, "release rules")
    calc.say(f"A detention and training order: release at one half, {day(crd)}; supervision to {day(sed)}.")
    calc.say("No HDC: a detention and training order is excluded.")
    return KeyDates(crd=crd, led=sed, sed=sed)


def _parole_sentence(calc: _Calc, share: tuple[Fraction | None, Fraction], licence_months: int) -> KeyDates:
    t = calc.term
    ped_share, crd_share = share
    ped = calc.point(ped_share) if ped_share is not None else None
    crd = calc.point(crd_share)
    total_end = add_months(t.sentence_date + dt.timedelta(days=calc.days), licence_months) - dt.timedelta(
        days=1
    )
    sed = _credited(calc, total_end)
    if ped is not None:
        calc.say(f"Parole eligibility date (PED): {_share(ped_share)} of the custodial term, {day(ped)}.")  # type: ignore[arg-type]
    calc.say(f"Automatic release (CRD) at {_share(crd_share)} of the custodial term: {day(crd)}.")
    calc.say(f"On licence to the end of the sentence: licence and sentence expiry {day(sed)}.")
    calc.say("No HDC: only a standard determinate sentence can be released on HDC.")
    return KeyDates(crd=crd, ped=ped, led=sed, sed=sed)


def _eds(calc: _Calc) -> KeyDates:
    t = calc.term
    _intro(calc)
    version = calc.in_force(EDS_RULES, "extended sentence rules")
    calc.say(f"Extension period of {_term_words(t.extension_months, 0)} on licence. {version.summary}")
    automatic = (
        version is _resolve(EDS_RULES, calc.settings)[0]
        and t.months < 120
        and OffenceFlag.EDS_LISTED not in t.offences
    )
    if automatic:
        calc.say(
            "Sentenced before 13 April 2015, under 10 years, with no listed offence: automatic at two thirds."
        )
        return _parole_sentence(calc, (None, TWO_THIRDS), t.extension_months)
    return _parole_sentence(calc, (version.rule.ped, version.rule.crd), t.extension_months)


def _sopc(calc: _Calc) -> KeyDates:
    _intro(calc)
    version = calc.in_force(SOPC_RULES, "SOPC rules")
    calc.say(f"A sentence for an offender of particular concern: {version.summary} Then 1 year on licence.")
    return _parole_sentence(calc, (version.rule.ped, version.rule.crd), SOPC_LICENCE_MONTHS)


def _indeterminate(calc: _Calc) -> KeyDates:
    t = calc.term
    calc.in_force(SDS_RELEASE_RULES, "release rules")
    tariff_end = t.sentence_date + dt.timedelta(days=calc.days - 1)
    ted = max(_credited(calc, tariff_end), t.sentence_date)
    kind = "life sentence" if t.type is ReleaseSentenceType.LIFE else "IPP sentence"
    calc.say(
        f"A {kind} with a minimum term (tariff) of {_term_words(t.months, t.days)} from "
        f"{day(t.sentence_date)}."
    )
    if calc.credit:
        calc.say(f"Remand and tagged bail ({_plural(calc.credit, 'day')}) count towards the tariff.")
    calc.say(
        f"Tariff expiry date (TED): {day(ted)}. The Parole Board may release after it; a life "
        "licence follows."
    )
    return KeyDates(ted=ted, ped=ted)
