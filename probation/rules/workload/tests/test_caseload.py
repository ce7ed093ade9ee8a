import datetime as dt
from decimal import Decimal

import pytest

from probation.rules.workload.capacity import Reduction
from probation.rules.workload.caseload import Case, count_cases, tier_mix, workload
from probation.rules.workload.points import CaseType, ReportType
from probation.rules.workload.tests.published import CASE_WEIGHTINGS, REPORT_WEIGHTINGS

ON = dt.date(2026, 12, 3)


def _workload(cases, *, reports=None, hours=Decimal(37), reductions=()):
    return workload(
        cases=count_cases(cases),
        reports=reports or {},
        contracted_hours=hours,
        reductions=reductions,
        on=ON,
        case_weightings=CASE_WEIGHTINGS,
        report_weightings=REPORT_WEIGHTINGS,
    )


def test_points_add_cases_and_reports_against_available_points():
    cases = [Case("A3", CaseType.LICENCE), Case("C1", CaseType.COMMUNITY), Case("B2S", CaseType.COMMUNITY)]
    result = _workload(
        cases, reports={ReportType.STANDARD_PSR: 1}, reductions=[Reduction(Decimal("1.8"), ON)]
    )
    assert result.case_points == 219 + 50 + 0
    assert result.report_points == 138
    assert result.total_points == 407
    assert result.available_points == 2070
    assert result.capacity_percent == Decimal("19.7")  # 407 ÷ 2070 = 19.66…
    assert result.case_count == 3
    assert result.untiered_count == 0
    assert not result.over_capacity


def test_untiered_cases_count_as_cases_but_carry_no_points():
    result = _workload([Case("", CaseType.COMMUNITY), Case("D1", CaseType.COMMUNITY)])
    assert result.case_points == 29
    assert result.case_count == 2
    assert result.untiered_count == 1


def test_capacity_after_adds_the_case_to_the_total():
    result = _workload(
        [Case("B2", CaseType.COMMUNITY)], hours=Decimal(30), reductions=[Reduction(Decimal("1.8"), ON)]
    )
    assert result.available_points == 1658
    assert result.capacity_percent == Decimal("6.9")  # 115 ÷ 1658
    assert result.capacity_after(206) == Decimal("19.4")  # 321 ÷ 1658 = 19.36…


def test_at_100_percent_the_practitioner_is_over_capacity():
    cases = [Case("A3", CaseType.COMMUNITY)] * 10 + [Case("C2", CaseType.COMMUNITY)] * 2
    result = _workload(cases, hours=Decimal(37))
    assert result.total_points == 2060 + 126
    assert result.capacity_percent == Decimal("100.5")
    assert result.over_capacity


def test_fully_reduced_practitioner_with_cases_is_over_capacity():
    result = _workload([Case("D1", CaseType.COMMUNITY)], reductions=[Reduction(Decimal(37), ON)])
    assert result.available_points == 0
    assert result.capacity_percent is None
    assert result.over_capacity


def test_the_50_case_ceiling_is_exceeded_only_above_50():
    assert not _workload([Case("D1", CaseType.COMMUNITY)] * 50).over_ceiling
    assert _workload([Case("D1", CaseType.COMMUNITY)] * 51).over_ceiling


def test_tier_mix_counts_protect_levels_and_unsupervised():
    cases = [Case(t, CaseType.COMMUNITY) for t in ["A1", "B2", "B0", "C3", "D1", "D1S", ""]]
    assert tier_mix(count_cases(cases)) == {"A": 1, "B": 2, "C": 1, "D": 1, "S": 1}


def test_grouped_counts_give_the_same_workload_as_single_cases():
    grouped = workload(
        cases={Case("B2", CaseType.COMMUNITY): 3, Case("", CaseType.LICENCE): 2},
        reports={},
        contracted_hours=Decimal(37),
        reductions=(),
        on=ON,
        case_weightings=CASE_WEIGHTINGS,
        report_weightings=REPORT_WEIGHTINGS,
    )
    assert (grouped.case_points, grouped.case_count, grouped.untiered_count) == (345, 5, 2)
    assert grouped.tier_mix == {"A": 0, "B": 3, "C": 0, "D": 0, "S": 0}


def test_negative_case_counts_are_refused():
    with pytest.raises(ValueError, match="negative"):
        workload(
            cases={Case("B2", CaseType.COMMUNITY): -1},
            reports={},
            contracted_hours=Decimal(37),
            reductions=(),
            on=ON,
            case_weightings=CASE_WEIGHTINGS,
            report_weightings=REPORT_WEIGHTINGS,
        )
