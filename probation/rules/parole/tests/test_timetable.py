"""Worked examples of the parole review timetable, the reconsideration window and governors' reports."""

import datetime as dt

import pytest

from probation.rules.errors import RuleError
from probation.rules.parole.report import Parom1Content, missing_before_signing
from probation.rules.parole.timetable import (
    GovernorReportKind,
    decision_expected_by,
    governor_report_due,
    governor_report_refusal,
    reconsideration_ends,
    reconsideration_open,
    report_due_soon,
    review_timetable,
)


def test_a_review_requested_at_its_start_has_the_report_due_in_week_8():
    # Target 1 June 2027: 26 weeks before is 1 December 2026; week 8 is 26 January 2027.
    timetable = review_timetable(target_on=dt.date(2027, 6, 1), requested_on=dt.date(2026, 12, 1))
    assert timetable.review_starts_on == dt.date(2026, 12, 1)
    assert timetable.report_due_on == dt.date(2027, 1, 26)
    assert timetable.steps[2] == "PAROM1 due in week 8 of the review: 26 January 2027."


def test_a_review_requested_early_keeps_the_timetable_date():
    timetable = review_timetable(target_on=dt.date(2027, 6, 1), requested_on=dt.date(2026, 9, 1))
    assert timetable.report_due_on == dt.date(2027, 1, 26)


def test_a_review_requested_late_gives_eight_weeks_from_the_request():
    # Requested 3 December 2026 for 1 June 2027: 8 weeks on is 28 January 2027.
    timetable = review_timetable(target_on=dt.date(2027, 6, 1), requested_on=dt.date(2026, 12, 3))
    assert timetable.report_due_on == dt.date(2027, 1, 28)


def test_a_very_late_review_is_due_no_later_than_its_target():
    timetable = review_timetable(target_on=dt.date(2027, 1, 10), requested_on=dt.date(2026, 12, 3))
    assert timetable.report_due_on == dt.date(2027, 1, 10)


@pytest.mark.parametrize("target", [dt.date(2026, 12, 3), dt.date(2026, 12, 2)])
def test_a_target_on_or_before_the_request_is_refused(target):
    with pytest.raises(RuleError) as refused:
        review_timetable(target_on=target, requested_on=dt.date(2026, 12, 3))
    assert refused.value.field == "target_on"


def test_the_decision_is_expected_within_14_days_of_the_hearing():
    assert decision_expected_by(dt.date(2027, 3, 1)) == dt.date(2027, 3, 15)


def test_the_reconsideration_window_is_21_calendar_days_from_the_decision():
    assert reconsideration_ends(dt.date(2027, 3, 10)) == dt.date(2027, 3, 31)
    assert reconsideration_open(dt.date(2027, 3, 10), dt.date(2027, 3, 31))
    assert not reconsideration_open(dt.date(2027, 3, 10), dt.date(2027, 4, 1))
    assert not reconsideration_open(dt.date(2027, 3, 10), dt.date(2027, 3, 9))


def test_due_soon_is_two_weeks_ahead_or_overdue():
    today = dt.date(2026, 12, 3)
    assert report_due_soon(dt.date(2026, 12, 17), today)
    assert report_due_soon(dt.date(2026, 11, 1), today)
    assert not report_due_soon(dt.date(2026, 12, 18), today)


def test_governor_reports_are_due_in_working_days_skipping_christmas():
    # Requested Friday 18 December 2026: 10 working days skip Christmas Day, the 28th (Boxing Day
    # substitute) and New Year's Day.
    assert governor_report_due(GovernorReportKind.ROTL, dt.date(2026, 12, 18)) == dt.date(2027, 1, 6)
    assert governor_report_due(GovernorReportKind.OPEN_CONDITIONS, dt.date(2026, 12, 3)) == dt.date(
        2026, 12, 24
    )


def test_hdc_reports_need_an_hdced_from_the_dated_rules():
    refused = governor_report_refusal(GovernorReportKind.HDC, hdced=None, released=False)
    assert refused is not None
    assert "not available" in refused.message
    assert governor_report_refusal(GovernorReportKind.HDC, hdced=dt.date(2026, 8, 1), released=False) is None
    assert governor_report_refusal(GovernorReportKind.ROTL, hdced=None, released=False) is None


def test_no_governor_report_after_release():
    assert governor_report_refusal(GovernorReportKind.ROTL, hdced=None, released=True) is not None


def _content(**kwargs):
    values = {
        "vlo_contacted_on": dt.date(2026, 12, 2),
        "recommendation": "release",
        "recommendation_reasons": "Reasons.",
        "pom_view": "agrees",
        "pom_difference": "",
        "next_steps": "",
        "risk_management_plan": "Plan.",
    }
    return Parom1Content(**(values | kwargs))


def _missing(**kwargs):
    found = missing_before_signing(
        _content(**kwargs), requested_on=dt.date(2026, 12, 1), today=dt.date(2026, 12, 3)
    )
    return [field for field, _ in found]


def test_a_complete_report_can_be_signed():
    assert _missing() == []


def test_every_gap_is_reported_at_once():
    assert _missing(
        vlo_contacted_on=None,
        recommendation="",
        recommendation_reasons=" ",
        pom_view="",
        risk_management_plan="",
    ) == ["vlo_contacted_on", "recommendation", "recommendation_reasons", "pom_view", "risk_management_plan"]


@pytest.mark.parametrize(
    ("contacted", "expected"),
    [
        (dt.date(2026, 11, 30), ["vlo_contacted_on"]),  # before this review: a previous hearing's contact
        (dt.date(2026, 12, 1), []),
        (dt.date(2026, 12, 3), []),
        (dt.date(2026, 12, 4), ["vlo_contacted_on"]),  # the future
    ],
)
def test_the_vlo_contact_must_be_for_this_hearing(contacted, expected):
    assert _missing(vlo_contacted_on=contacted) == expected


def test_a_differing_pom_view_must_be_explained():
    assert _missing(pom_view="differs") == ["pom_difference"]
    assert _missing(pom_view="differs", pom_difference="The POM supports open conditions.") == []


@pytest.mark.parametrize("recommendation", ["no_release", "open_conditions", "stay_closed"])
def test_not_supporting_release_needs_next_steps(recommendation):
    assert _missing(recommendation=recommendation) == ["next_steps"]
    assert _missing(recommendation=recommendation, next_steps="Complete Kaizen.") == []
