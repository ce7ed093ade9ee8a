import datetime as dt
from decimal import Decimal

import pytest

from probation.rules.workload.capacity import (
    Reduction,
    available_hours,
    available_points,
    capacity_percent,
    is_over_capacity,
    reduction_hours,
)

D = Decimal


def test_full_time_has_the_nominal_target():
    assert available_points(D(37)) == 2176


@pytest.mark.parametrize(
    ("contracted", "reduction", "points"),
    [(D(37), D("1.8"), 2070), (D(30), D("1.8"), 1658)],
)
def test_workload_md_worked_examples(contracted, reduction, points):
    assert available_points(contracted, reduction) == points


@pytest.mark.parametrize(
    ("contracted", "reduction", "points"),
    [
        (D(37), D(37), 0),  # long-term sickness 100 %
        (D(37), D("7.4"), 1740),  # newly qualified PO 20 %: 2176 × 29.6 ÷ 37 = 1740.8
        (D(37), D("29.6"), 435),  # PQiP first 6 months 80 %: 2176 × 7.4 ÷ 37 = 435.2
        (D(37), D("18.5"), 1088),  # trade-union facility time 50 %
        (D("18.5"), D(0), 1088),
        (D("22.5"), D(0), 1323),  # 2176 × 22.5 ÷ 37 = 1323.24…
        (D(0), D(0), 0),
    ],
)
def test_available_points_floor(contracted, reduction, points):
    assert available_points(contracted, reduction) == points


def test_available_points_floor_is_exact_on_a_whole_result():
    # 2176 × 18.5 ÷ 37 is exactly 1088: a float could land on 1087.999…
    assert available_points(D("37"), D("18.5")) == 1088


def test_a_reduction_above_contracted_hours_leaves_no_hours():
    assert available_hours(D(20), D(30)) == 0
    assert available_points(D(20), D(30)) == 0


def test_negative_hours_are_refused():
    with pytest.raises(ValueError, match="negative"):
        available_hours(D(-1), D(0))
    with pytest.raises(ValueError, match="negative"):
        available_hours(D(37), D(-1))


def test_reductions_in_force_on_the_date_are_summed():
    reductions = [
        Reduction(D("7.4"), dt.date(2026, 1, 1), dt.date(2026, 9, 30)),
        Reduction(D("3"), dt.date(2026, 6, 1), None),
        Reduction(D("10"), dt.date(2027, 1, 1), None),
    ]
    assert reduction_hours(reductions, dt.date(2025, 12, 31), contracted_hours=D(37)) == 0
    assert reduction_hours(reductions, dt.date(2026, 1, 1), contracted_hours=D(37)) == D("7.4")
    assert reduction_hours(reductions, dt.date(2026, 6, 1), contracted_hours=D(37)) == D("10.4")
    assert reduction_hours(reductions, dt.date(2026, 9, 30), contracted_hours=D(37)) == D("10.4")
    assert reduction_hours(reductions, dt.date(2026, 10, 1), contracted_hours=D(37)) == D(3)
    assert reduction_hours(reductions, dt.date(2027, 1, 1), contracted_hours=D(37)) == D(13)


def test_overlapping_reductions_never_exceed_contracted_hours():
    reductions = [Reduction(D(37), dt.date(2026, 1, 1)), Reduction(D(10), dt.date(2026, 1, 1))]
    assert reduction_hours(reductions, dt.date(2026, 2, 1), contracted_hours=D(37)) == 37


@pytest.mark.parametrize(
    ("total", "available", "percent"),
    [
        (2070, 2070, D("100.0")),
        (1035, 2070, D("50.0")),
        (0, 2176, D("0.0")),
        (1, 3, D("33.3")),
        (2, 3, D("66.7")),
        (1, 8, D("12.5")),
        (1, 16, D("6.3")),  # 6.25 rounds half up
        (2177, 2176, D("100.0")),  # 100.04…
        (2200, 2176, D("101.1")),
        (1658, 1658, D("100.0")),
    ],
)
def test_capacity_percent_one_decimal_place(total, available, percent):
    assert capacity_percent(total, available) == percent


def test_no_available_points_has_no_percentage():
    assert capacity_percent(100, 0) is None


@pytest.mark.parametrize(
    ("percent", "total", "over"),
    [
        (D("99.9"), 1, False),
        (D("100.0"), 1, True),
        (D("130.2"), 1, True),
        (None, 0, False),
        (None, 29, True),
    ],
)
def test_over_capacity_from_100_percent(percent, total, over):
    assert is_over_capacity(percent, total) is over
