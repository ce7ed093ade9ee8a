"""The education, training and employment (ETE) share and the earned reduction of unpaid work, as
dated rules (unpaid-work.md § ETE share, § Earned reduction; enforcement.md § Law by date).

ETE: time spent on ETE is capped at a share of the ordered minutes, rounded down. The domain file
records a conflict: earlier policy allowed *up to 20 %* for people with an ETE need; the Community
Payback service (2026) and nDelius use *30 %*. Both are held as versions with the date each applies
from, marked *verify* (the domain gives no commencement dates); a deployment corrects them through
``LawSettings``.

Earned reduction (Sentencing Act 2026 s.37 inserting Sch 9 para 3A; *commencement: verify*): once the
qualifying amount (25 % of the ordered hours) is worked with no failure, the hours still required fall
by 30 minutes for every hour worked afterwards, at most 25 % of the order. Computed from the
appointments and adjustments oldest first: an enforceable outcome disqualifies (the discount so far
is frozen); credited adjustments count as time worked; appointments without an outcome are skipped.
Only orders made on or after the commencement date, of an eligible type and sub-type, take part.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from probation.rules.errors import RuleError
from probation.rules.law.dated import NO_CHANGES, Commencement, LawSettings, RuleVersion, version_in_force_on


@dataclass(frozen=True)
class EteShare:
    percent: int
    need_required: bool  # only for people assessed with an ETE need


ETE_SHARE_RULES: tuple[RuleVersion[EteShare], ...] = (
    RuleVersion(
        Commencement(
            "upw_ete_20",
            dt.date(2020, 12, 1),
            "Unpaid work ETE policy (up to 20 % for people with an ETE need)",
            verify="the date this policy applied from is not in the domain files",
        ),
        EteShare(20, need_required=True),
        "Up to 20 % of the ordered hours may be ETE, for people with an ETE need.",
    ),
    RuleVersion(
        Commencement(
            "upw_ete_30",
            dt.date(2026, 1, 22),
            "Community Payback service and nDelius (2026): 30 % of the ordered hours",
            verify="the date the 30 % share applies from",
        ),
        EteShare(30, need_required=False),
        "Up to 30 % of the ordered hours may be ETE.",
    ),
)


class EteError(RuleError):
    pass


def ete_allowance(*, ordered_minutes: int, order_date: dt.date, settings: LawSettings = NO_CHANGES) -> int:
    """The most ETE minutes the order may include: the share in force on the order date, rounded down."""
    share = version_in_force_on(ETE_SHARE_RULES, order_date, what="ETE shares", settings=settings).rule
    return ordered_minutes * share.percent // 100


def check_ete_credit(
    *,
    ordered_minutes: int,
    ete_used: int,
    credit: int,
    ete_need: bool,
    order_date: dt.date,
    settings: LawSettings = NO_CHANGES,
) -> int:
    """Refuse ETE time beyond the share (or without the need the rule requires); return the new total."""
    share = version_in_force_on(ETE_SHARE_RULES, order_date, what="ETE shares", settings=settings).rule
    if share.need_required and not ete_need:
        raise EteError("ETE hours need an assessed education, training or employment need.", field="ete")
    allowed = ordered_minutes * share.percent // 100
    if ete_used + credit > allowed:
        left = max(allowed - ete_used, 0)
        raise EteError(
            f"ETE is capped at {share.percent} % of the order ({allowed} minutes); {left} minutes are left.",
            field="ete",
        )
    return ete_used + credit


# Earned reduction.
EARNED_REDUCTION_COMMENCEMENT = Commencement(
    "upw_earned_reduction",
    dt.date(2026, 3, 22),
    "Sentencing Act 2026 s.37, inserting Sentencing Act 2020 Sch 9 para 3A (unpaid work incentive scheme)",
    verify="commencement date and final rules",
)
QUALIFYING_PERCENT = 25
MAX_REDUCTION_PERCENT = 25
# Order types (nDelius codes): community orders (CJA 201, SA2020 340), suspended sentence orders
# (203, 216, 341, 408) and Scottish transfers (234, 235). Sub-types W01, W06, W07 (W05 and UPCONC
# undecided: held out until decided).
ELIGIBLE_ORDER_TYPES = frozenset({"201", "340", "203", "216", "341", "408", "234", "235"})
ELIGIBLE_SUB_TYPES = frozenset({"W01", "W06", "W07"})

INCENTIVE_RULES: tuple[RuleVersion[int], ...] = (
    RuleVersion(
        EARNED_REDUCTION_COMMENCEMENT,
        QUALIFYING_PERCENT,
        "After 25 % of the hours are worked with no failure, each hour worked takes 30 minutes off what "
        "is required, up to 25 % of the order.",
    ),
)


class IncentiveStatus(StrEnum):
    INELIGIBLE = "ineligible"
    ELIGIBLE = "eligible"
    QUALIFYING = "qualifying"
    DISQUALIFIED = "disqualified"


@dataclass(frozen=True)
class WorkEvent:
    """An appointment (``outcome`` "" when it has none yet) or a credited adjustment (``adjustment``)."""

    date: dt.date
    minutes: int
    outcome: str = ""
    enforceable: bool = False
    adjustment: bool = False


@dataclass(frozen=True)
class EarnedReduction:
    status: IncentiveStatus
    threshold: int  # minutes to work before the reduction starts
    qualifying: int  # minutes counted
    discount: int  # minutes taken off what is required now
    projected: int  # the discount expected at the end (the maximum unless disqualified)


def earned_reduction(
    *,
    order_type: str,
    sub_type: str,
    order_date: dt.date,
    ordered_minutes: int,
    events: Iterable[WorkEvent],
    settings: LawSettings = NO_CHANGES,
) -> EarnedReduction:
    maximum = ordered_minutes * MAX_REDUCTION_PERCENT // 100
    threshold = ordered_minutes * QUALIFYING_PERCENT // 100
    try:
        version_in_force_on(INCENTIVE_RULES, order_date, what="earned reductions", settings=settings)
    except RuleError:
        return EarnedReduction(IncentiveStatus.INELIGIBLE, threshold, 0, 0, 0)
    if order_type not in ELIGIBLE_ORDER_TYPES or sub_type not in ELIGIBLE_SUB_TYPES:
        return EarnedReduction(IncentiveStatus.INELIGIBLE, threshold, 0, 0, 0)
    qualifying, disqualified = 0, False
    for event in sorted(events, key=lambda e: e.date):
        if not event.adjustment and not event.outcome:
            continue
        if event.enforceable:
            disqualified = True
            break  # the discount so far is frozen
        qualifying += event.minutes
    discount = min(max((qualifying - threshold) // 2, 0), maximum)
    if disqualified:
        return EarnedReduction(IncentiveStatus.DISQUALIFIED, threshold, qualifying, discount, discount)
    status = IncentiveStatus.QUALIFYING if qualifying >= threshold else IncentiveStatus.ELIGIBLE
    return EarnedReduction(status, threshold, qualifying, discount, maximum)
