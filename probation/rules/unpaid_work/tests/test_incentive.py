import datetime as dt

import pytest

from probation.rules.law.dated import LawSettings
from probation.rules.unpaid_work.incentive import (
    EteError,
    IncentiveStatus,
    WorkEvent,
    check_ete_credit,
    earned_reduction,
    ete_allowance,
)

D = dt.date
S = IncentiveStatus
HOURS_100 = 6000
AFTER, BEFORE = D(2026, 6, 1), D(2026, 3, 21)


@pytest.mark.parametrize(
    ("ordered", "order_date", "expected"),
    [(6000, D(2025, 6, 1), 1200), (6000, AFTER, 1800), (2401, AFTER, 720), (2401, D(2025, 6, 1), 480)],
)
def test_ete_share_is_the_one_in_force_on_the_order_date_rounded_down(ordered, order_date, expected):
    assert ete_allowance(ordered_minutes=ordered, order_date=order_date) == expected


def test_a_corrected_commencement_date_moves_the_ete_share():
    settings = LawSettings(commencements={"upw_ete_30": D(2026, 12, 1)})
    assert ete_allowance(ordered_minutes=6000, order_date=AFTER, settings=settings) == 1200


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"ete_used": 1700, "credit": 101},
            "ETE is capped at 30 % of the order (1800 minutes); 100 minutes are left.",
        ),
        (
            {"order_date": D(2025, 6, 1), "ete_need": False},
            "ETE hours need an assessed education, training or employment need.",
        ),
        (
            {"order_date": D(2025, 6, 1), "ete_used": 1200, "credit": 1},
            "ETE is capped at 20 % of the order (1200 minutes); 0 minutes are left.",
        ),
    ],
)
def test_ete_credit_beyond_the_share_or_without_the_need_is_refused(kwargs, message):
    values = {"ordered_minutes": 6000, "ete_used": 0, "credit": 60, "ete_need": True, "order_date": AFTER}
    with pytest.raises(EteError, match=message.replace("(", r"\(").replace(")", r"\)")):
        check_ete_credit(**(values | kwargs))


def test_ete_credit_within_the_share_returns_the_new_total():
    assert (
        check_ete_credit(ordered_minutes=6000, ete_used=1700, credit=100, ete_need=False, order_date=AFTER)
        == 1800
    )


FIRST_SESSION = D(2026, 6, 2)


def worked(*minutes, start=FIRST_SESSION):
    return [WorkEvent(start + dt.timedelta(days=7 * n), m, "ATTC") for n, m in enumerate(minutes)]


def reduction(events, **kwargs):
    values = {"order_type": "340", "sub_type": "W01", "order_date": AFTER, "ordered_minutes": HOURS_100}
    return earned_reduction(events=events, **(values | kwargs))


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        ([], (S.ELIGIBLE, 1500, 0, 0, 1500)),
        (worked(420, 420, 420), (S.ELIGIBLE, 1500, 1260, 0, 1500)),
        (worked(420, 420, 420, 240), (S.QUALIFYING, 1500, 1500, 0, 1500)),
        (worked(420, 420, 420, 420, 420), (S.QUALIFYING, 1500, 2100, 300, 1500)),
        (worked(*[420] * 20), (S.QUALIFYING, 1500, 8400, 1500, 1500)),  # capped at 25 %
        (
            worked(420, 420, 420, 420, 420)
            + [WorkEvent(D(2026, 8, 1), 0, "UAAB", enforceable=True)]
            + worked(420, start=D(2026, 9, 1)),
            (S.DISQUALIFIED, 1500, 2100, 300, 300),
        ),
        (
            worked(420, 420, 420, 420) + [WorkEvent(D(2026, 7, 1), 180, adjustment=True)],
            (S.QUALIFYING, 1500, 1860, 180, 1500),
        ),
        (
            worked(420) + [WorkEvent(D(2026, 7, 1), 420)],
            (S.ELIGIBLE, 1500, 420, 0, 1500),
        ),  # no outcome: skipped
    ],
)
def test_the_earned_reduction_from_appointments_and_adjustments_oldest_first(events, expected):
    found = reduction(events)
    assert (found.status, found.threshold, found.qualifying, found.discount, found.projected) == expected


@pytest.mark.parametrize(
    "kwargs",
    [
        {"order_type": "999"},  # e.g. a supervision default order
        {"sub_type": "W03"},
        {"sub_type": "W08"},
        {"order_date": BEFORE},
    ],
)
def test_orders_out_of_scope_or_before_commencement_are_ineligible(kwargs):
    assert reduction(worked(*[420] * 10), **kwargs).status is S.INELIGIBLE
