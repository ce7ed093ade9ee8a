import datetime as dt

import pytest

from probation.rules.approved_premises.eligibility import Route, eligibility
from probation.rules.approved_premises.notice import NoticeType, needs_reason, notice_type
from probation.rules.approved_premises.stays import default_stay_days, type_allowed

DAY = dt.date(2026, 12, 3)


@pytest.mark.parametrize(
    ("days", "notice"),
    [
        (-3, NoticeType.EMERGENCY),
        (0, NoticeType.EMERGENCY),
        (7, NoticeType.EMERGENCY),
        (8, NoticeType.SHORT_NOTICE),
        (28, NoticeType.SHORT_NOTICE),
        (29, NoticeType.STANDARD),
        (200, NoticeType.STANDARD),
    ],
)
def test_notice_type_from_days_to_arrival(days, notice):
    assert notice_type(submitted_on=DAY, arrival_on=DAY + dt.timedelta(days=days)) == notice


def test_only_emergency_and_short_notice_need_a_reason():
    assert [needs_reason(n) for n in NoticeType] == [False, True, True]


@pytest.mark.parametrize(
    ("tier", "woman", "rosh", "route"),
    [
        ("A1", False, "", Route.TIER),
        ("A3", False, "", Route.TIER),
        ("B1", False, "", Route.TIER),
        ("B3", False, "", Route.TIER),
        ("B2S", False, "", Route.TIER),
        ("A0", False, "", Route.EXCEPTIONAL),
        ("B0", False, "", Route.EXCEPTIONAL),
        ("C3", False, "", Route.EXCEPTIONAL),
        ("C3", True, "", Route.TIER),
        ("C2", True, "", Route.EXCEPTIONAL),
        ("D3", True, "", Route.EXCEPTIONAL),
        ("A", False, "", Route.TIER),
        ("C", False, "", Route.TIER),
        ("D", False, "", Route.EXCEPTIONAL),
        ("", False, "very_high", Route.EXCEPTIONAL),
        ("", False, "high", Route.EXCEPTIONAL),
        ("", False, "medium_complex", Route.NOT_ELIGIBLE),
        ("", True, "", Route.NOT_ELIGIBLE),
    ],
)
def test_eligibility_by_tier(tier, woman, rosh, route):
    assert eligibility(tier=tier, is_woman=woman, stated_rosh=rosh).route == route


@pytest.mark.parametrize(
    ("ap_type", "days"),
    [("standard", 84), ("pipe", 182), ("esap", 364), ("rfap", 84), ("mental_health", 84)],
)
def test_default_stay(ap_type, days):
    assert default_stay_days(ap_type) == days


@pytest.mark.parametrize(
    ("ap_type", "woman", "allowed"),
    [("standard", True, True), ("pipe", True, True), ("esap", True, True), ("rfap", True, False),
     ("mental_health", True, False), ("rfap", False, True)],
)  # fmt: skip
def test_women_may_use_standard_pipe_or_esap_only(ap_type, woman, allowed):
    assert type_allowed(ap_type, is_woman=woman) is allowed
