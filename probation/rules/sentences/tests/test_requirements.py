"""Community order requirements (enforcement.md, "Community order requirements (Sentencing Act 2020)")."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from probation.rules.contacts.outcomes import ContactRecord, ContactTypeCode, OutcomeCode
from probation.rules.errors import SentenceRuleError
from probation.rules.sentences.requirements import (
    REQUIREMENT_RULES,
    RESTRICTIVE_REQUIREMENTS,
    Measure,
    RequirementType,
    check_credit,
    check_ordered_amount,
    check_progress_contact,
    check_rar_day,
    is_unpaid_work_overdue,
    progress,
    rar_days_used,
    unpaid_work_deadline,
)

R, C, OC = RequirementType, ContactTypeCode, OutcomeCode
D = dt.date


# --- the requirement types ---------------------------------------------------------------------------


def test_all_fourteen_requirement_types_of_enforcement_md_have_rules():
    assert set(REQUIREMENT_RULES) == set(RequirementType)
    assert len(RequirementType) == 14


def test_the_restrictive_requirements_are_the_six_listed_for_tiering():
    assert {
        R.CURFEW,
        R.EXCLUSION,
        R.PROHIBITED_ACTIVITY,
        R.FOREIGN_TRAVEL_PROHIBITION,
        R.ALCOHOL_ABSTINENCE_MONITORING,
        R.ELECTRONIC_MONITORING,
    } == RESTRICTIVE_REQUIREMENTS


def test_only_unpaid_work_rar_and_programmes_track_progress():
    assert {t for t, rule in REQUIREMENT_RULES.items() if rule.tracks_progress} == {
        R.UNPAID_WORK,
        R.REHABILITATION_ACTIVITY,
        R.ACCREDITED_PROGRAMME,
    }


def test_measures_are_hours_days_sessions_and_curfew_hours_a_day():
    measures = {t: rule.measure for t, rule in REQUIREMENT_RULES.items() if rule.measure}

    assert measures == {
        R.UNPAID_WORK: Measure.HOURS,
        R.REHABILITATION_ACTIVITY: Measure.DAYS,
        R.ACCREDITED_PROGRAMME: Measure.SESSIONS,
        R.CURFEW: Measure.HOURS_A_DAY,
        R.ATTENDANCE_CENTRE: Measure.HOURS,
    }


def test_recorded_details_follow_enforcement_md():
    assert REQUIREMENT_RULES[R.EXCLUSION].details == ("place", "period")
    assert REQUIREMENT_RULES[R.CURFEW].details == ("electronic monitoring",)
    assert REQUIREMENT_RULES[R.DRUG_REHABILITATION].details == ("testing",)
    assert REQUIREMENT_RULES[R.ATTENDANCE_CENTRE].young_adults_only is True


# --- ordered amounts ---------------------------------------------------------------------------------


@pytest.mark.parametrize("hours", [40, 41, 299, 300])
def test_unpaid_work_of_40_to_300_hours_is_accepted(hours):
    check_ordered_amount(R.UNPAID_WORK, hours)


@pytest.mark.parametrize("hours", [0, 39, 301])
def test_unpaid_work_outside_40_to_300_hours_is_refused_naming_the_amount(hours):
    with pytest.raises(SentenceRuleError) as refused:
        check_ordered_amount(R.UNPAID_WORK, hours)

    assert refused.value.message == f"Unpaid work must be between 40 and 300 hours; {hours} was given."
    assert refused.value.field == "amount"


def test_a_rar_needs_at_least_one_day():
    check_ordered_amount(R.REHABILITATION_ACTIVITY, 1)
    with pytest.raises(SentenceRuleError) as refused:
        check_ordered_amount(R.REHABILITATION_ACTIVITY, 0)

    assert refused.value.message == "Rehabilitation activity (RAR) must be at least 1 day; 0 was given."


def test_a_rar_has_no_upper_limit_in_enforcement_md():
    check_ordered_amount(R.REHABILITATION_ACTIVITY, 1000)


def test_an_accredited_programme_needs_at_least_one_session():
    with pytest.raises(SentenceRuleError) as refused:
        check_ordered_amount(R.ACCREDITED_PROGRAMME, 0)

    assert refused.value.message == "Accredited programme must be at least 1 session; 0 was given."


@pytest.mark.parametrize(("hours", "ok"), [(1, False), (2, True), (12, True), (20, True), (21, False)])
def test_a_curfew_is_2_to_20_hours_a_day(hours, ok):
    # Sentencing Act 2020 Sch. 9 para 9 (court-reports.md § Requirements).
    if ok:
        check_ordered_amount(R.CURFEW, hours)
        return
    with pytest.raises(SentenceRuleError) as refused:
        check_ordered_amount(R.CURFEW, hours)

    assert refused.value.message == f"Curfew must be between 2 and 20 hours a day; {hours} was given."


@pytest.mark.parametrize(("hours", "ok"), [(0, False), (11, False), (12, True), (36, True), (37, False)])
def test_an_attendance_centre_requirement_is_12_to_36_hours(hours, ok):
    # Sch. 9 para 19 (court-reports.md § Requirements).
    if ok:
        check_ordered_amount(R.ATTENDANCE_CENTRE, hours)
        return
    with pytest.raises(SentenceRuleError) as refused:
        check_ordered_amount(R.ATTENDANCE_CENTRE, hours)

    assert refused.value.message == f"Attendance centre must be between 12 and 36 hours; {hours} was given."


def test_an_attendance_centre_requirement_needs_its_hours():
    with pytest.raises(SentenceRuleError) as refused:
        check_ordered_amount(R.ATTENDANCE_CENTRE, None)

    assert refused.value.message == "Enter the hours ordered for attendance centre."


def test_a_requirement_with_a_measure_needs_the_amount():
    with pytest.raises(SentenceRuleError) as refused:
        check_ordered_amount(R.UNPAID_WORK, None)

    assert refused.value.message == "Enter the hours ordered for unpaid work."


def test_a_requirement_without_a_measure_refuses_an_amount():
    check_ordered_amount(R.RESIDENCE, None)
    with pytest.raises(SentenceRuleError) as refused:
        check_ordered_amount(R.RESIDENCE, 10)

    assert refused.value.message == "Residence requirements have no amount to order."


# --- unpaid work deadline ----------------------------------------------------------------------------


def test_unpaid_work_must_be_completed_within_the_12_months_beginning_with_the_order_date():
    assert REQUIREMENT_RULES[R.UNPAID_WORK].completion_months == 12
    assert unpaid_work_deadline(D(2025, 3, 15)) == D(2026, 3, 14)


def test_unpaid_work_is_not_overdue_on_the_last_day():
    assert is_unpaid_work_overdue(D(2025, 3, 15), ordered=100, credited=20, today=D(2026, 3, 14)) is False


def test_unpaid_work_with_hours_remaining_is_overdue_the_day_after_the_deadline():
    assert is_unpaid_work_overdue(D(2025, 3, 15), ordered=100, credited=99, today=D(2026, 3, 15)) is True


def test_completed_unpaid_work_is_never_overdue():
    assert is_unpaid_work_overdue(D(2025, 3, 15), ordered=100, credited=100, today=D(2027, 1, 1)) is False


# --- progress and credits ----------------------------------------------------------------------------


def test_progress_reads_hours_credited_of_hours_ordered():
    shown = progress(R.UNPAID_WORK, ordered=40, done=12)

    assert shown.text == "12 of 40 hours credited"
    assert shown.remaining == 28


def test_progress_reads_rar_days_used_and_sessions_attended():
    assert progress(R.REHABILITATION_ACTIVITY, ordered=20, done=3).text == "3 of 20 days used"
    assert progress(R.ACCREDITED_PROGRAMME, ordered=1, done=1).text == "1 of 1 session attended"


def test_progress_beyond_the_order_is_refused():
    with pytest.raises(SentenceRuleError) as refused:
        progress(R.UNPAID_WORK, ordered=40, done=41)

    assert refused.value.message == "Unpaid work progress must be between 0 and 40 hours; 41 was given."
    assert refused.value.field == "done"


def test_a_requirement_without_progress_refuses_progress():
    with pytest.raises(SentenceRuleError) as refused:
        progress(R.CURFEW, ordered=10, done=1)

    assert refused.value.message == "Curfew requirements do not record progress."
    assert refused.value.field == "requirement"


def test_a_credit_within_the_order_returns_the_new_total():
    assert check_credit(R.UNPAID_WORK, ordered=40, credited=33, credit=7) == 40


def test_hours_credited_beyond_the_order_are_refused():
    with pytest.raises(SentenceRuleError) as refused:
        check_credit(R.UNPAID_WORK, ordered=40, credited=37, credit=7)

    assert refused.value.message == (
        "Only 3 hours remain on this unpaid work requirement (40 ordered, 37 credited); 7 cannot be credited."
    )
    assert refused.value.field == "credit"


def test_a_session_beyond_the_programme_is_refused():
    with pytest.raises(SentenceRuleError) as refused:
        check_credit(R.ACCREDITED_PROGRAMME, ordered=24, credited=24, credit=1)

    assert refused.value.message == (
        "Only 0 sessions remain on this accredited programme requirement (24 ordered, 24 attended); "
        "1 cannot be credited."
    )


@pytest.mark.parametrize("credit", [0, -5])
def test_a_credit_of_less_than_one_is_refused(credit):
    with pytest.raises(SentenceRuleError) as refused:
        check_credit(R.UNPAID_WORK, ordered=40, credited=0, credit=credit)

    assert refused.value.message == f"Credit at least 1 hour; {credit} was given."


@given(
    ordered=st.integers(40, 300),
    credits=st.lists(st.integers(1, 10), max_size=60),
)
def test_accepted_credits_never_take_unpaid_work_beyond_the_order(ordered, credits):
    credited = 0
    for credit in credits:
        try:
            credited = check_credit(R.UNPAID_WORK, ordered=ordered, credited=credited, credit=credit)
        except SentenceRuleError:
            assert credited + credit > ordered
        assert 0 <= credited <= ordered


# --- which contacts count ----------------------------------------------------------------------------


def test_an_attended_unpaid_work_session_counts_towards_unpaid_work():
    check_progress_contact(R.UNPAID_WORK, C.UNPAID_WORK_SESSION, OC.ATTC)


def test_an_unpaid_work_session_where_the_person_was_sent_home_for_behaviour_still_counts_time_attended():
    check_progress_contact(R.UNPAID_WORK, C.UNPAID_WORK_SESSION, OC.ATSH)


def test_hours_for_an_absence_are_refused():
    with pytest.raises(SentenceRuleError) as refused:
        check_progress_contact(R.UNPAID_WORK, C.UNPAID_WORK_SESSION, OC.UAAB)

    assert refused.value.message == (
        "Only attended contacts count towards unpaid work; 'UAAB – Unacceptable absence' is not an attendance."
    )
    assert refused.value.field == "outcome"


def test_an_office_visit_does_not_count_towards_unpaid_work():
    with pytest.raises(SentenceRuleError) as refused:
        check_progress_contact(R.UNPAID_WORK, C.PLANNED_OFFICE_VISIT, OC.ATTC)

    assert refused.value.message == "A planned office visit does not count towards unpaid work."
    assert refused.value.field == "contact_type"


def test_a_programme_session_counts_towards_an_accredited_programme():
    check_progress_contact(R.ACCREDITED_PROGRAMME, C.PROGRAMME_SESSION, OC.ATTC)


def test_other_failures_with_no_attendance_do_not_count_towards_rar():
    with pytest.raises(SentenceRuleError):
        check_progress_contact(R.REHABILITATION_ACTIVITY, C.PLANNED_OFFICE_VISIT, OC.ATFI)


# --- RAR days ----------------------------------------------------------------------------------------


def rar(day: dt.date, outcome: OutcomeCode | None = OC.ATTC, kind=C.PLANNED_OFFICE_VISIT) -> ContactRecord:
    return ContactRecord(day, kind, outcome)


def test_rar_days_used_counts_distinct_dates_of_attended_rar_contacts():
    contacts = [
        rar(D(2025, 2, 3)),
        rar(D(2025, 2, 3), kind=C.PROGRAMME_SESSION),  # same day: one RAR day
        rar(D(2025, 2, 4), OC.UAAB),  # not attended
        rar(D(2025, 2, 5), kind=C.UNPAID_WORK_SESSION),  # not a RAR type
        rar(D(2025, 2, 6), None),  # no outcome yet
        rar(D(2025, 2, 7), OC.AFTC),  # attended, even though failed to comply
    ]

    assert rar_days_used(contacts) == 2


def test_a_rar_day_within_the_maximum_returns_the_days_used():
    assert check_rar_day([rar(D(2025, 2, 3))], rar(D(2025, 2, 4)), maximum=2) == 2


def test_a_rar_day_beyond_the_maximum_is_refused():
    with pytest.raises(SentenceRuleError) as refused:
        check_rar_day([rar(D(2025, 2, 3)), rar(D(2025, 2, 4))], rar(D(2025, 2, 5)), maximum=2)

    assert refused.value.message == "All 2 RAR days have been used; 5 February 2025 would be day 3."
    assert refused.value.field == "contact_date"


def test_a_second_rar_activity_on_a_day_already_used_is_free_even_at_the_maximum():
    used = [rar(D(2025, 2, 3)), rar(D(2025, 2, 4))]

    assert check_rar_day(used, rar(D(2025, 2, 4), kind=C.PROGRAMME_SESSION), maximum=2) == 2


def test_a_rar_day_needs_an_outcome():
    with pytest.raises(SentenceRuleError) as refused:
        check_rar_day([], rar(D(2025, 2, 3), None), maximum=5)

    assert refused.value.field == "outcome"
