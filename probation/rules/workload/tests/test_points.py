import datetime as dt

import pytest

from probation.rules.workload.points import (
    SUPERVISED_TIERS,
    CaseType,
    ReportType,
    UnknownTier,
    Weighting,
    case_points,
    parse_tier,
    report_points,
    weightings_in_force,
)
from probation.rules.workload.tests.published import CASE_WEIGHTINGS, REPORT_WEIGHTINGS

W = CASE_WEIGHTINGS


def test_the_published_table_has_every_supervised_tier_and_case_type():
    assert len(W) == 16 * 3
    assert {tier for tier, _ in W} == set(SUPERVISED_TIERS)


@pytest.mark.parametrize(("tier", "case_type"), list(CASE_WEIGHTINGS))
def test_each_supervised_tier_and_case_type_scores_its_weighting(tier, case_type):
    assert case_points(tier, case_type, W) == W[(tier, case_type)]


@pytest.mark.parametrize(
    ("tier", "case_type", "points"),
    [
        ("A3", CaseType.COMMUNITY, 206),
        ("A3", CaseType.CUSTODY, 75),
        ("A3", CaseType.LICENCE, 219),
        ("B3", CaseType.LICENCE, 161),
        ("C1", CaseType.LICENCE, 52),
        ("D0", CaseType.COMMUNITY, 29),
        ("D0", CaseType.CUSTODY, 0),
        ("A0", CaseType.LICENCE, 0),
    ],
)
def test_worked_values_from_workload_md(tier, case_type, points):
    assert case_points(tier, case_type, W) == points


@pytest.mark.parametrize("tier", [f"{t}S" for t in SUPERVISED_TIERS])
@pytest.mark.parametrize("case_type", list(CaseType))
def test_any_unsupervised_tier_scores_nothing(tier, case_type):
    assert case_points(tier, case_type, W) == 0


def test_an_untiered_case_is_not_counted():
    assert case_points("", CaseType.COMMUNITY, W) is None


def test_a_case_with_no_current_sentence_scores_nothing():
    assert case_points("A3", None, W) == 0


@pytest.mark.parametrize("tier", ["E1", "A4", "a1", "A", "A1SS", " A1", "S"])
def test_an_unknown_tier_is_refused(tier):
    with pytest.raises(UnknownTier):
        case_points(tier, CaseType.COMMUNITY, W)


def test_parse_tier_separates_the_unsupervised_flag():
    assert parse_tier("B2S") == ("B2", True)
    assert parse_tier("B2") == ("B2", False)


def test_report_points_are_count_times_weighting():
    counts = {ReportType.STANDARD_PSR: 2, ReportType.FAST_PSR: 3, ReportType.PAROLE: 1}
    assert report_points(counts, REPORT_WEIGHTINGS) == 2 * 138 + 3 * 65 + 120


def test_no_reports_score_nothing():
    assert report_points({}, REPORT_WEIGHTINGS) == 0


def test_negative_report_counts_are_refused():
    with pytest.raises(ValueError, match="negative"):
        report_points({ReportType.PAROLE: -1}, REPORT_WEIGHTINGS)


def _rows():
    return [
        Weighting(("B2", CaseType.COMMUNITY), 115, dt.date(2020, 1, 1)),
        Weighting(("B2", CaseType.COMMUNITY), 120, dt.date(2027, 4, 1)),
        Weighting(("C1", CaseType.COMMUNITY), 50, dt.date(2020, 1, 1)),
    ]


def test_weightings_in_force_take_the_latest_row_on_or_before_the_date():
    assert weightings_in_force(_rows(), dt.date(2027, 3, 31))[("B2", CaseType.COMMUNITY)] == 115
    assert weightings_in_force(_rows(), dt.date(2027, 4, 1))[("B2", CaseType.COMMUNITY)] == 120


def test_a_change_does_not_rewrite_earlier_dates():
    later = weightings_in_force(_rows(), dt.date(2028, 1, 1))
    earlier = weightings_in_force(_rows(), dt.date(2021, 6, 1))
    assert later[("B2", CaseType.COMMUNITY)] == 120
    assert earlier[("B2", CaseType.COMMUNITY)] == 115


def test_rows_not_yet_in_force_are_ignored():
    assert weightings_in_force(_rows(), dt.date(2019, 12, 31)) == {}


def test_row_order_does_not_matter():
    rows = list(reversed(_rows()))
    assert weightings_in_force(rows, dt.date(2027, 5, 1))[("B2", CaseType.COMMUNITY)] == 120
