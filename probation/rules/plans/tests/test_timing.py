"""The first plan's due date and the review triggers (interventions.md § Sentence plan, Timing)."""

import datetime as dt

import pytest

from probation.rules.errors import RuleError
from probation.rules.law.dated import LawNotRecorded, LawSettings
from probation.rules.plans.timing import (
    PLAN_TIMING,
    PlanSettings,
    Trigger,
    TriggerEvent,
    first_plan_due,
    first_plan_start,
    plan_timing_on,
    review_due,
)

D = dt.date


def test_the_reference_data_is_the_national_standard_marked_verify():
    [version] = PLAN_TIMING
    assert version.rule.first_plan_working_days == 15
    assert version.rule.review_interval_months == 6
    assert version.commencement.verify


@pytest.mark.parametrize(
    ("start", "due"),
    [
        (D(2026, 3, 2), D(2026, 3, 23)),  # Monday: three weeks later
        (D(2026, 3, 6), D(2026, 3, 27)),  # Friday
        (D(2026, 3, 7), D(2026, 3, 27)),  # Saturday: counting starts Monday
        (D(2026, 3, 8), D(2026, 3, 27)),  # Sunday
        (D(2026, 3, 27), D(2026, 4, 21)),  # over Good Friday and Easter Monday 2026
        (D(2026, 12, 18), D(2027, 1, 13)),  # over Christmas, Boxing Day (substitute) and New Year
    ],
)
def test_the_first_plan_is_due_fifteen_working_days_after_sentence_or_release(start, due):
    assert first_plan_due(start) == due


def test_a_deployment_can_correct_the_number_of_working_days_and_the_interval():
    settings = PlanSettings(first_plan_working_days=10, review_interval_months=3)

    assert first_plan_due(D(2026, 3, 2), settings) == D(2026, 3, 16)
    assert plan_timing_on(D(2026, 3, 2), settings).review_interval_months == 3


@pytest.mark.parametrize(
    "settings", [PlanSettings(first_plan_working_days=0), PlanSettings(review_interval_months=0)]
)
def test_a_correction_to_nothing_is_refused(settings):
    with pytest.raises(ValueError, match="at least one"):
        plan_timing_on(D(2026, 3, 2), settings)


def test_before_the_first_recorded_standard_there_is_no_rule_and_its_date_can_be_corrected():
    with pytest.raises(LawNotRecorded):
        first_plan_due(D(2015, 1, 30))
    moved = PlanSettings(commencements=LawSettings({"plan_timing_national_standard": D(2010, 1, 1)}))
    assert first_plan_due(D(2015, 1, 30), moved) == D(2015, 2, 20)


@pytest.mark.parametrize(
    ("sentenced_on", "released_on", "custodial", "expected"),
    [
        (None, None, False, None),
        (None, D(2026, 1, 5), True, None),
        (D(2026, 1, 5), None, False, D(2026, 1, 5)),
        (D(2026, 1, 5), D(2026, 2, 1), False, D(2026, 1, 5)),  # a community sentence: the sentence
        (D(2025, 1, 5), None, True, None),  # still in custody
        (D(2025, 1, 5), D(2026, 2, 2), True, D(2026, 2, 2)),  # released: the release
    ],
)
def test_the_clock_starts_at_sentence_or_on_release(sentenced_on, released_on, custodial, expected):
    assert (
        first_plan_start(sentenced_on=sentenced_on, released_on=released_on, custodial=custodial) == expected
    )


AGREED = D(2026, 3, 2)


def test_with_no_event_the_regular_review_is_due_after_the_interval():
    due = review_due(agreed_on=AGREED, events=[])

    assert due.due_on == D(2026, 9, 2)
    assert due.triggers == (Trigger.INTERVAL,)
    assert due.reasons == ("Regular review 6 months after the plan was agreed, on 2 September 2026",)


@pytest.mark.parametrize("trigger", [t for t in Trigger if t is not Trigger.INTERVAL])
@pytest.mark.parametrize(
    ("on", "triggers"),
    [(D(2026, 3, 1), False), (D(2026, 3, 2), False), (D(2026, 3, 3), True), (D(2026, 12, 1), False)],
)
def test_each_significant_event_after_agreement_makes_a_review_due_that_day(trigger, on, triggers):
    due = review_due(agreed_on=AGREED, events=[TriggerEvent(trigger, on)])

    if triggers:
        assert (due.due_on, due.triggers) == (on, (trigger, Trigger.INTERVAL))
    else:  # known when agreed, or after the regular review
        assert due.due_on == D(2026, 9, 2)
        assert due.triggers[0] is Trigger.INTERVAL


def test_every_reason_is_listed_earliest_first_with_its_date():
    events = [TriggerEvent(Trigger.RECALL, D(2026, 5, 4)), TriggerEvent(Trigger.RISK_CHANGE, D(2026, 4, 1))]

    due = review_due(agreed_on=AGREED, events=events)

    assert due.reasons == (
        "Change in risk of serious harm on 1 April 2026",
        "Recalled to custody on 4 May 2026",
        "Regular review 6 months after the plan was agreed, on 2 September 2026",
    )


def test_the_interval_is_configurable():
    due = review_due(agreed_on=AGREED, events=[], settings=PlanSettings(review_interval_months=12))

    assert due.due_on == D(2027, 3, 2)


def test_the_regular_review_is_not_an_event():
    with pytest.raises(RuleError):
        review_due(agreed_on=AGREED, events=[TriggerEvent(Trigger.INTERVAL, D(2026, 4, 1))])
