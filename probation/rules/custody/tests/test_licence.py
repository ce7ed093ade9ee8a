"""The licence rules: standard conditions by date, justification before activation, the hard stop in
working days (custody-release.md § Pre-release planning), with worked examples over bank holidays."""

import datetime as dt

import pytest

from probation.rules.calendar.working_days import is_working_day, working_days_between
from probation.rules.custody.licence import (
    CATEGORY_LABELS,
    AdditionalCondition,
    ConditionCategory,
    HardStopState,
    check_can_activate,
    hard_stop_for,
    hard_stop_state,
    licence_start,
    sentence_category,
    standard_conditions_on,
    unjustified,
)
from probation.rules.errors import RuleError
from probation.rules.law.dated import LawNotRecorded, LawSettings

D = dt.date


@pytest.mark.parametrize(
    ("release", "key", "count"),
    [
        (D(2015, 2, 1), "ora_2014_licence_conditions", 9),
        (D(2024, 1, 31), "ora_2014_licence_conditions", 9),
        (D(2024, 2, 1), "licence_conditions_policy_v4", 6),
        (D(2026, 12, 3), "licence_conditions_policy_v4", 6),
    ],
)
def test_the_standard_conditions_are_those_in_force_on_the_release_date(release, key, count):
    version = standard_conditions_on(release)
    assert version.key == key
    assert len(version.rule) == count


def test_the_v4_conditions_include_the_passport_condition():
    assert any("passport" in text for text in standard_conditions_on(D(2026, 12, 3)).rule)
    assert not any("passport" in text for text in standard_conditions_on(D(2023, 12, 3)).rule)


def test_a_deployment_can_correct_the_policy_v4_date():
    settings = LawSettings(commencements={"licence_conditions_policy_v4": D(2025, 1, 1)})
    assert standard_conditions_on(D(2024, 6, 1), settings).key == "ora_2014_licence_conditions"
    assert standard_conditions_on(D(2025, 1, 1), settings).key == "licence_conditions_policy_v4"


def test_a_release_before_any_recorded_conditions_is_refused():
    with pytest.raises(LawNotRecorded):
        standard_conditions_on(D(2015, 1, 31))


def test_every_category_has_a_label_and_a_sentence_category():
    assert set(CATEGORY_LABELS) == set(ConditionCategory)
    assert sentence_category("freedom_of_movement") == "exclusion_zone"
    assert sentence_category("contact_with_a_person") == "non_contact"
    assert sentence_category("polygraph") == "other"


def test_activation_is_refused_naming_each_unjustified_condition():
    conditions = [
        AdditionalCondition("curfew", "Curfew 7pm to 7am", "Offending at night"),
        AdditionalCondition("freedom_of_movement", "Exclusion zone", "  "),
        AdditionalCondition("conduct", "Conduct", ""),
    ]
    assert unjustified(conditions) == [2, 3]
    with pytest.raises(RuleError, match="conditions 2, 3"):
        check_can_activate(conditions)


def test_activation_is_allowed_when_every_condition_is_justified_or_there_are_none():
    check_can_activate([])
    check_can_activate([AdditionalCondition("curfew", "Curfew", "Night-time offending")])


@pytest.mark.parametrize(
    ("release", "start", "hard_stop", "warning"),
    [
        # A Wednesday: two working days before is Monday; warning from the Thursday before.
        (D(2026, 12, 9), D(2026, 12, 9), D(2026, 12, 7), D(2026, 12, 3)),
        # A Monday: the hard stop is the Thursday before.
        (D(2026, 12, 7), D(2026, 12, 7), D(2026, 12, 3), D(2026, 12, 1)),
        # A Saturday: the licence starts on Friday; counted from the Friday.
        (D(2026, 12, 5), D(2026, 12, 4), D(2026, 12, 2), D(2026, 11, 30)),
        # Christmas Day (Friday) and the Boxing Day substitute (Monday 28th): start on the 24th.
        (D(2026, 12, 25), D(2026, 12, 24), D(2026, 12, 22), D(2026, 12, 18)),
        (D(2026, 12, 28), D(2026, 12, 24), D(2026, 12, 22), D(2026, 12, 18)),
        # Easter Monday 2027 (Good Friday 26 March): start on Thursday 25 March.
        (D(2027, 3, 29), D(2027, 3, 25), D(2027, 3, 23), D(2027, 3, 19)),
        # A release the day after the early May bank holiday 2027 (3 May).
        (D(2027, 5, 4), D(2027, 5, 4), D(2027, 4, 29), D(2027, 4, 27)),
    ],
)
def test_the_hard_stop_in_working_days(release, start, hard_stop, warning):
    dates = hard_stop_for(release)
    assert (dates.licence_start, dates.hard_stop, dates.warning_from) == (start, hard_stop, warning)
    assert licence_start(release) == start


@pytest.mark.parametrize("offset", range(0, 400, 7))
def test_the_hard_stop_is_always_two_working_days_before_a_working_day_start(offset):
    release = D(2026, 1, 1) + dt.timedelta(days=offset)
    dates = hard_stop_for(release)
    assert is_working_day(dates.licence_start)
    assert dates.licence_start <= release
    assert working_days_between(dates.hard_stop, dates.licence_start) == 2
    assert working_days_between(dates.warning_from, dates.hard_stop) == 2


@pytest.mark.parametrize(
    ("today", "state"),
    [
        (D(2026, 12, 2), HardStopState.BEFORE_WARNING),
        (D(2026, 12, 3), HardStopState.WARNING),
        (D(2026, 12, 4), HardStopState.WARNING),
        (D(2026, 12, 7), HardStopState.PASSED),
        (D(2026, 12, 9), HardStopState.PASSED),
    ],
)
def test_the_hard_stop_state_as_release_approaches(today, state):
    assert hard_stop_state(D(2026, 12, 9), today) is state
