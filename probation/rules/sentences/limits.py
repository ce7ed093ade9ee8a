"""Sentencing limits by date: what a court could impose on the date of sentence.

Each provision is a tuple of dated versions (probation.rules.law.dated); ``sentencing_rules_in_force_on``
gathers the versions in force on one date. Sources: enforcement.md § Law by date, court-reports.md
(Sentencing Act 2026), custody-release.md (top-up supervision). Dates the domain marks *verify* carry
that note and may be corrected through ``LawSettings``.
"""

import datetime as dt
from dataclasses import dataclass
from typing import TypeVar

from probation.rules.errors import RuleError
from probation.rules.law.dated import (
    NO_CHANGES,
    Commencement,
    LawNotRecorded,
    LawSettings,
    RuleVersion,
    day,
    resolve,
    version_in_force_on,
)

T = TypeVar("T")

# --- commencements -----------------------------------------------------------------------------------
CJA_2003_COMMUNITY_ORDERS = Commencement(
    "cja_2003_community_orders",
    dt.date(2005, 4, 4),
    "Criminal Justice Act 2003 ss.177 (community orders: one or more requirements, at most 3 years)",
)
LASPO_SUSPENDED_SENTENCES = Commencement(
    "laspo_suspended_sentences",
    dt.date(2012, 12, 3),
    "Criminal Justice Act 2003 ss.189–190 as amended by the Legal Aid, Sentencing and Punishment of "
    "Offenders Act 2012 s.68 (a term of at most 2 years; operational period at most 2 years)",
)
ORA_2014_TOP_UP = Commencement(
    "ora_2014_top_up_supervision",
    dt.date(2015, 2, 1),
    "Criminal Justice Act 2003 s.256AA inserted by the Offender Rehabilitation Act 2014 (top-up "
    "supervision to 12 months after release)",
)
SENTENCING_ACT_2020 = Commencement(
    "sentencing_act_2020",
    dt.date(2020, 12, 1),
    "Sentencing Act 2020 ss.204, 209 (community orders), ss.264, 288 (suspended sentence orders)",
)
SENTENCING_ACT_2026_SUSPENDED = Commencement(
    "sentencing_act_2026_suspended_sentences",
    dt.date(2026, 3, 22),
    "Sentencing Act 2026 (Royal Assent 22 January 2026): presumption to suspend custodial terms of 12 "
    "months or less; suspended sentence orders of up to 3 years",
    verify="commencement and exceptions (court-reports.md)",
)
SENTENCING_ACT_2026_TOP_UP_REPEAL = Commencement(
    "sentencing_act_2026_top_up_repeal",
    dt.date(2026, 3, 22),
    "Sentencing Act 2026 repeals top-up supervision (Offender Rehabilitation Act 2014): no new periods",
    verify="commencement: the domain gives no date (custody-release.md); the suspended-sentence "
    "commencement is assumed",
)


# --- the provisions ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class CommunityOrderLimits:
    max_months: int


@dataclass(frozen=True)
class SuspendedSentenceLimits:
    """The longest custodial term a suspended sentence order can suspend, and its longest operational
    period (a supervision period cannot be longer than the operational period)."""

    custodial_max_months: int
    operational_max_months: int


@dataclass(frozen=True)
class OrderRequirementRule:
    """A community order, and a suspended sentence order with a supervision period, must impose at least
    one requirement."""

    needs_a_requirement: bool


@dataclass(frozen=True)
class TopUpSupervision:
    """Top-up (post-sentence) supervision: whether a new period can be imposed, and its longest length."""

    available: bool
    max_months: int


@dataclass(frozen=True)
class SuspensionPresumption:
    """The presumption that a custodial term of ``max_months`` or less is suspended, unless one of the
    ``exceptions`` applies (None: no presumption)."""

    max_months: int | None
    exceptions: tuple[str, ...] = ()
    source: str = ""


COMMUNITY_ORDER_LIMITS: tuple[RuleVersion[CommunityOrderLimits], ...] = (
    RuleVersion(
        CJA_2003_COMMUNITY_ORDERS, CommunityOrderLimits(36), "A community order lasts at most 3 years."
    ),
    RuleVersion(SENTENCING_ACT_2020, CommunityOrderLimits(36), "A community order lasts at most 3 years."),
)
SUSPENDED_SENTENCE_LIMITS: tuple[RuleVersion[SuspendedSentenceLimits], ...] = (
    RuleVersion(
        LASPO_SUSPENDED_SENTENCES,
        SuspendedSentenceLimits(custodial_max_months=24, operational_max_months=24),
        "A suspended sentence order suspends a term of at most 2 years for at most 2 years.",
    ),
    RuleVersion(
        SENTENCING_ACT_2020,
        SuspendedSentenceLimits(custodial_max_months=24, operational_max_months=24),
        "A suspended sentence order suspends a term of at most 2 years for at most 2 years.",
    ),
    RuleVersion(
        SENTENCING_ACT_2026_SUSPENDED,
        SuspendedSentenceLimits(custodial_max_months=36, operational_max_months=36),
        "A suspended sentence order suspends a term of at most 3 years for at most 3 years.",
    ),
)
ORDER_REQUIREMENT_RULES: tuple[RuleVersion[OrderRequirementRule], ...] = (
    RuleVersion(
        CJA_2003_COMMUNITY_ORDERS,
        OrderRequirementRule(needs_a_requirement=True),
        "A community order imposes one or more requirements.",
    ),
    RuleVersion(
        SENTENCING_ACT_2020,
        OrderRequirementRule(needs_a_requirement=True),
        "A community order, and a suspended sentence order with a supervision period, must impose at least "
        "one requirement.",
    ),
)
TOP_UP_SUPERVISION: tuple[RuleVersion[TopUpSupervision], ...] = (
    RuleVersion(
        CJA_2003_COMMUNITY_ORDERS,
        TopUpSupervision(available=False, max_months=0),
        "No top-up supervision before the Offender Rehabilitation Act 2014.",
    ),
    RuleVersion(
        ORA_2014_TOP_UP,
        TopUpSupervision(available=True, max_months=12),
        "Top-up supervision runs to 12 months after release.",
    ),
    RuleVersion(
        SENTENCING_ACT_2026_TOP_UP_REPEAL,
        TopUpSupervision(available=False, max_months=0),
        "Top-up supervision is repealed: no new periods (existing ones run until they end).",
    ),
)
SUSPENSION_PRESUMPTION: tuple[RuleVersion[SuspensionPresumption], ...] = (
    RuleVersion(CJA_2003_COMMUNITY_ORDERS, SuspensionPresumption(None), "No presumption to suspend."),
    RuleVersion(
        SENTENCING_ACT_2026_SUSPENDED,
        SuspensionPresumption(12, exceptions=("exceptional circumstances",), source="Sentencing Act 2026"),
        "A custodial term of 12 months or less is presumed suspended unless there are exceptional "
        "circumstances.",
    ),
)


@dataclass(frozen=True)
class SentencingRules:
    """The sentencing provisions in force on one date (``on``). A provision not yet recorded on that date
    (suspended sentence limits before 3 December 2012) is None."""

    on: dt.date
    community_order: RuleVersion[CommunityOrderLimits]
    suspended_sentence: RuleVersion[SuspendedSentenceLimits] | None
    order_requirement: RuleVersion[OrderRequirementRule]
    top_up_supervision: RuleVersion[TopUpSupervision]
    suspension_presumption: RuleVersion[SuspensionPresumption]

    @property
    def top_up_supervision_available(self) -> bool:
        return self.top_up_supervision.rule.available


def _in_force(versions: tuple[RuleVersion[T], ...], on: dt.date, settings: LawSettings) -> RuleVersion[T]:
    return version_in_force_on(
        versions, on, what="sentencing rules", settings=settings, field="sentence_date"
    )


def sentencing_rules_in_force_on(on: dt.date, *, settings: LawSettings = NO_CHANGES) -> SentencingRules:
    """The sentencing limits in force on the date of sentence (enforcement.md § Law by date). Refuses a
    date before 4 April 2005 (the Criminal Justice Act 2003 sentencing framework), the first recorded."""
    try:
        suspended: RuleVersion[SuspendedSentenceLimits] | None = _in_force(
            SUSPENDED_SENTENCE_LIMITS, on, settings
        )
    except LawNotRecorded:
        suspended = None
    return SentencingRules(
        on=on,
        community_order=_in_force(COMMUNITY_ORDER_LIMITS, on, settings),
        suspended_sentence=suspended,
        order_requirement=_in_force(ORDER_REQUIREMENT_RULES, on, settings),
        top_up_supervision=_in_force(TOP_UP_SUPERVISION, on, settings),
        suspension_presumption=_in_force(SUSPENSION_PRESUMPTION, on, settings),
    )


def _months(months: int) -> str:
    years, rest = divmod(months, 12)
    if rest:
        return f"{months} months"
    return f"{years} year" if years == 1 else f"{years} years"


def _when(versions: tuple[RuleVersion[T], ...], version: RuleVersion[T], settings: LawSettings) -> str:
    """ "imposed on or after 22 March 2026" for the version in force, or "imposed before 22 March 2026"
    when a later version replaced it, counting only versions that changed the limit."""
    dated = resolve(versions, settings)
    index = [v.key for v in dated].index(version.key)
    later = next((v for v in dated[index + 1 :] if v.rule != version.rule), None)
    if later is not None:
        return f"imposed before {day(later.in_force_from)}"
    first_same = index
    while first_same > 0 and dated[first_same - 1].rule == version.rule:
        first_same -= 1
    if first_same == 0:
        return "imposed"
    return f"imposed on or after {day(dated[first_same].in_force_from)}"


def check_suspended_sentence(
    rules: SentencingRules,
    *,
    custodial_months: int | None,
    supervision_months: int | None,
    settings: LawSettings = NO_CHANGES,
) -> list[RuleError]:
    """The limits of a suspended sentence order imposed on ``rules.on``: every one broken (months under 1
    and missing values are the form's and the service's own checks)."""
    version = rules.suspended_sentence
    if version is None:
        return [
            RuleError(
                f"No suspended sentence order limits are recorded before "
                f"{day(resolve(SUSPENDED_SENTENCE_LIMITS, settings)[0].in_force_from)}",
                field="sentence_date",
            )
        ]
    when = _when(SUSPENDED_SENTENCE_LIMITS, version, settings)
    limits = version.rule
    errors = []
    if custodial_months is not None and custodial_months > limits.custodial_max_months:
        errors.append(
            RuleError(
                f"A suspended sentence order {when} can suspend a term of at most "
                f"{_months(limits.custodial_max_months)} ({limits.custodial_max_months} months); "
                f"{custodial_months} was given",
                field="custodial_months",
            )
        )
    if supervision_months is not None and supervision_months > limits.operational_max_months:
        errors.append(
            RuleError(
                f"A suspended sentence order {when} has an operational period of at most "
                f"{_months(limits.operational_max_months)} ({limits.operational_max_months} months), and its "
                f"supervision period cannot be longer; {supervision_months} was given",
                field="length_months",
            )
        )
    return errors


def check_community_order(rules: SentencingRules, *, length_months: int | None) -> list[RuleError]:
    limits = rules.community_order.rule
    if length_months is not None and length_months > limits.max_months:
        return [
            RuleError(
                f"A community order lasts at most {_months(limits.max_months)} ({limits.max_months} months); "
                f"{length_months} was given",
                field="length_months",
            )
        ]
    return []


def check_top_up_supervision(
    rules: SentencingRules, *, length_months: int | None, settings: LawSettings = NO_CHANGES
) -> list[RuleError]:
    """A new top-up (post-sentence) supervision period: refused before it existed and after its repeal."""
    version = rules.top_up_supervision
    if not version.rule.available:
        if version.in_force_from == resolve(TOP_UP_SUPERVISION, settings)[0].in_force_from:
            return [
                RuleError(
                    "Post-sentence (top-up) supervision began with the Offender Rehabilitation Act 2014 on "
                    f"{day(resolve(TOP_UP_SUPERVISION, settings)[1].in_force_from)}: a sentence before then "
                    "has none",
                    field="sentence_type",
                )
            ]
        return [
            RuleError(
                "Post-sentence (top-up) supervision was repealed by the Sentencing Act 2026 from "
                f"{day(version.in_force_from)}: a sentence imposed on or after that date has none",
                field="sentence_type",
            )
        ]
    if length_months is not None and length_months > version.rule.max_months:
        return [
            RuleError(
                f"Post-sentence supervision lasts at most {version.rule.max_months} months after release; "
                f"{length_months} was given",
                field="length_months",
            )
        ]
    return []


def suspension_presumption_note(rules: SentencingRules, *, custodial_months: int) -> str:
    """The explanation shown when an immediate custodial term the law presumes suspended is recorded
    (empty when the presumption does not apply on that date or to that length)."""
    version = rules.suspension_presumption
    presumption = version.rule
    if presumption.max_months is None or custodial_months > presumption.max_months:
        return ""
    exceptions = " or ".join(presumption.exceptions)
    return (
        f"From {day(version.in_force_from)} ({presumption.source}) a custodial term of "
        f"{presumption.max_months} months or less is presumed to be suspended unless there are {exceptions}. "
        f"Check that the court found {exceptions} to impose this immediate term of {custodial_months} months."
    )


def sentencing_limits_summary(rules: SentencingRules) -> tuple[str, ...]:
    """The sentences the law allowed on ``rules.on``, one sentence each, for pages that propose or explain
    a sentence (a pre-sentence report's proposals)."""
    lines = [f"Community order: up to {_months(rules.community_order.rule.max_months)}."]
    if rules.suspended_sentence is not None:
        sso = rules.suspended_sentence.rule
        lines.append(
            f"Suspended sentence order: a custodial term of up to {_months(sso.custodial_max_months)}, "
            f"suspended for up to {_months(sso.operational_max_months)}."
        )
    presumption = rules.suspension_presumption
    if presumption.rule.max_months is not None:
        lines.append(
            f"Immediate custody of {presumption.rule.max_months} months or less: presumed suspended unless "
            f"there are {' or '.join(presumption.rule.exceptions)} (from {day(presumption.in_force_from)})."
        )
    top_up = rules.top_up_supervision
    if top_up.rule.available:
        lines.append(f"Top-up supervision after release: up to {top_up.rule.max_months} months.")
    elif top_up.key == SENTENCING_ACT_2026_TOP_UP_REPEAL.key:
        lines.append(f"Top-up supervision: none (repealed from {day(top_up.in_force_from)}).")
    else:
        lines.append("Top-up supervision: none (it began with the Offender Rehabilitation Act 2014).")
    return tuple(lines)
