"""Failures to comply and the compliance summary (enforcement.md, "Outcomes" and "Failures to comply")."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from probation.rules.contacts.outcomes import ContactRecord, ContactTypeCode, OutcomeCode
from probation.rules.enforcement.compliance import (
    EVIDENCE_DAYS,
    ComplianceStatus,
    compliance_summary,
    count_failures_to_comply,
    evidence_deadline,
    failure_dates,
    ftc_reset_date,
    is_outstanding,
    needs_evidence_decision,
)
from probation.rules.errors import SentenceRuleError

C, OC = ContactTypeCode, OutcomeCode
D = dt.date
SENTENCE_DATE = D(2025, 1, 6)


def office(day: dt.date, outcome: OutcomeCode | None) -> ContactRecord:
    return ContactRecord(day, C.PLANNED_OFFICE_VISIT, outcome)


# --- reset date --------------------------------------------------------------------------------------


def test_the_reset_date_is_the_sentence_date_when_there_has_been_no_breach():
    assert ftc_reset_date(SENTENCE_DATE, None) == SENTENCE_DATE


def test_the_reset_date_is_the_end_of_the_last_breach_when_later():
    assert ftc_reset_date(SENTENCE_DATE, D(2025, 6, 30)) == D(2025, 6, 30)


def test_the_reset_date_stays_the_sentence_date_when_the_breach_ended_earlier():
    assert ftc_reset_date(SENTENCE_DATE, D(2024, 12, 1)) == SENTENCE_DATE


# --- counting ----------------------------------------------------------------------------------------


def test_no_contacts_means_no_failures():
    assert count_failures_to_comply([], sentence_date=SENTENCE_DATE) == 0


def test_each_unacceptable_ns_contact_on_a_different_date_is_one_failure():
    contacts = [
        office(D(2025, 2, 3), OC.UAAB),
        office(D(2025, 2, 10), OC.AFTC),
        office(D(2025, 2, 17), OC.ATTC),
    ]

    assert count_failures_to_comply(contacts, sentence_date=SENTENCE_DATE) == 2


def test_two_failures_on_the_same_date_count_once():
    # given an unacceptable office visit and a refused drug test on the same day
    contacts = [office(D(2025, 2, 3), OC.UAAB), ContactRecord(D(2025, 2, 3), C.DRUG_TEST, OC.TRFS)]

    # then one failure, on one date
    assert count_failures_to_comply(contacts, sentence_date=SENTENCE_DATE) == 1
    assert failure_dates(contacts, reset_date=SENTENCE_DATE) == (D(2025, 2, 3),)


def test_unacceptable_outcomes_on_unlinked_contacts_that_are_neither_ns_nor_sessions_do_not_count():
    contacts = [
        ContactRecord(D(2025, 2, 4), C.DOORSTEP_CONTACT, OC.UAAB),
        ContactRecord(D(2025, 2, 5), C.ALCOHOL_DRUG_KEY_WORKER_SESSION, OC.UAAB),
    ]

    assert count_failures_to_comply(contacts, sentence_date=SENTENCE_DATE) == 0


def test_unacceptable_outcomes_of_requirement_appointments_count():
    # enforcement.md, "enforceable": unpaid work and programme sessions, and every appointment that
    # carries out a requirement or licence condition.
    contacts = [
        ContactRecord(D(2025, 2, 3), C.UNPAID_WORK_SESSION, OC.UAAB),
        ContactRecord(D(2025, 2, 4), C.PROGRAMME_SESSION, OC.ATSH),
        ContactRecord(
            D(2025, 2, 5), C.ALCOHOL_DRUG_KEY_WORKER_SESSION, OC.UAAB, carries_out_requirement=True
        ),
    ]

    assert count_failures_to_comply(contacts, sentence_date=SENTENCE_DATE) == 3


def test_outstanding_appointments_without_an_outcome_do_not_count():
    assert count_failures_to_comply([office(D(2025, 2, 3), None)], sentence_date=SENTENCE_DATE) == 0


def test_acceptable_absences_and_reschedules_do_not_count():
    contacts = [
        office(D(2025, 2, 3), OC.AAME),
        office(D(2025, 2, 4), OC.RSOF),
        office(D(2025, 2, 5), OC.CO05),
    ]

    assert count_failures_to_comply(contacts, sentence_date=SENTENCE_DATE) == 0


def test_a_failure_on_the_sentence_date_counts():
    assert count_failures_to_comply([office(SENTENCE_DATE, OC.UAAB)], sentence_date=SENTENCE_DATE) == 1


def test_a_failure_the_day_before_the_sentence_date_does_not_count():
    contacts = [office(SENTENCE_DATE - dt.timedelta(days=1), OC.UAAB)]

    assert count_failures_to_comply(contacts, sentence_date=SENTENCE_DATE) == 0


def test_a_failure_on_the_day_the_last_breach_ended_counts():
    breach_end = D(2025, 6, 30)

    count = count_failures_to_comply(
        [office(breach_end, OC.UAAB)], sentence_date=SENTENCE_DATE, last_breach_end=breach_end
    )

    assert count == 1


def test_failures_before_the_end_of_the_last_breach_are_reset():
    # given two failures relied on in a breach that ended on 30 June, then one new failure
    contacts = [
        office(D(2025, 3, 3), OC.UAAB),
        office(D(2025, 6, 29), OC.UAAB),
        office(D(2025, 7, 7), OC.AFTA),
    ]

    # when counted after the breach concluded
    count = count_failures_to_comply(contacts, sentence_date=SENTENCE_DATE, last_breach_end=D(2025, 6, 30))

    # then only the new failure counts
    assert count == 1


def test_the_third_failure_makes_the_count_three():
    contacts = [office(D(2025, 2, day), OC.UAAB) for day in (3, 10, 17)]

    assert count_failures_to_comply(contacts, sentence_date=SENTENCE_DATE) == 3


def test_failure_dates_are_distinct_and_oldest_first():
    contacts = [
        office(D(2025, 3, 3), OC.UAAB),
        office(D(2025, 2, 3), OC.AFTC),
        office(D(2025, 3, 3), OC.UBHV),
    ]

    assert failure_dates(contacts, reset_date=SENTENCE_DATE) == (D(2025, 2, 3), D(2025, 3, 3))


contact_records = st.builds(
    ContactRecord,
    contact_date=st.dates(min_value=D(2024, 1, 1), max_value=D(2026, 12, 31)),
    contact_type=st.sampled_from(ContactTypeCode),
    outcome=st.one_of(st.none(), st.sampled_from(OutcomeCode)),
)


@given(contacts=st.lists(contact_records, max_size=30))
def test_the_ftc_count_never_exceeds_the_number_of_distinct_contact_dates(contacts):
    count = count_failures_to_comply(contacts, sentence_date=SENTENCE_DATE)

    assert 0 <= count <= len({c.contact_date for c in contacts})


@given(contacts=st.lists(contact_records, max_size=30), breach_end=st.dates(D(2024, 1, 1), D(2026, 12, 31)))
def test_a_later_breach_end_never_increases_the_count(contacts, breach_end):
    without_breach = count_failures_to_comply(contacts, sentence_date=SENTENCE_DATE)
    with_breach = count_failures_to_comply(contacts, sentence_date=SENTENCE_DATE, last_breach_end=breach_end)

    assert with_breach <= without_breach


@given(contacts=st.lists(contact_records, max_size=30))
def test_the_ftc_count_does_not_depend_on_the_order_of_contacts(contacts):
    forwards = count_failures_to_comply(contacts, sentence_date=SENTENCE_DATE)

    assert count_failures_to_comply(list(reversed(contacts)), sentence_date=SENTENCE_DATE) == forwards


@given(contacts=st.lists(contact_records, max_size=30))
def test_duplicating_every_contact_does_not_change_the_count(contacts):
    once = count_failures_to_comply(contacts, sentence_date=SENTENCE_DATE)

    assert count_failures_to_comply(contacts + contacts, sentence_date=SENTENCE_DATE) == once


# --- compliance summary ------------------------------------------------------------------------------


def test_summary_with_no_failures():
    summary = compliance_summary(0, breach_in_progress=False)

    assert summary.status is ComplianceStatus.NO_FAILURES
    assert summary.text == "No failures to comply within 12 months"
    assert summary.red is False


def test_summary_with_one_failure():
    summary = compliance_summary(1, breach_in_progress=False)

    assert summary.status is ComplianceStatus.ONE_FAILURE
    assert summary.text == "1 failure to comply within 12 months"
    assert summary.red is False


def test_summary_with_two_failures_and_no_breach_is_red():
    summary = compliance_summary(2, breach_in_progress=False)

    assert summary.status is ComplianceStatus.FAILURES_NO_BREACH
    assert summary.text == "2 failures to comply within 12 months. No breach in progress yet."
    assert summary.red is True


def test_summary_with_a_breach_in_progress_says_so_whatever_the_count():
    summary = compliance_summary(3, breach_in_progress=True)

    assert summary.status is ComplianceStatus.BREACH_IN_PROGRESS
    assert summary.text == "Breach in progress"
    assert summary.failure_count == 3


def test_summary_lists_the_warnings_given_oldest_first():
    summary = compliance_summary(1, breach_in_progress=False, warning_dates=[D(2025, 5, 1), D(2025, 2, 1)])

    assert summary.warning_dates == (D(2025, 2, 1), D(2025, 5, 1))


def test_summary_refuses_a_negative_count():
    with pytest.raises(SentenceRuleError) as refused:
        compliance_summary(-1, breach_in_progress=False)

    assert refused.value.message == "The failure to comply count cannot be negative (-1)."
    assert refused.value.field == "failure_count"


# --- outstanding appointments ------------------------------------------------------------------------

NOON = dt.datetime(2025, 3, 3, 12, 0, tzinfo=dt.UTC)


def test_an_appointment_whose_time_has_passed_without_an_outcome_is_outstanding():
    assert is_outstanding(C.HOME_VISIT, NOON - dt.timedelta(minutes=1), None, now=NOON) is True


def test_an_appointment_at_exactly_now_is_not_yet_outstanding():
    assert is_outstanding(C.HOME_VISIT, NOON, None, now=NOON) is False


def test_a_future_appointment_is_not_outstanding():
    assert is_outstanding(C.HOME_VISIT, NOON + dt.timedelta(days=1), None, now=NOON) is False


def test_a_past_appointment_with_an_outcome_is_not_outstanding():
    assert is_outstanding(C.HOME_VISIT, NOON - dt.timedelta(days=1), OC.ATTC, now=NOON) is False


def test_a_past_non_attendance_contact_never_needs_an_outcome():
    assert is_outstanding(C.CASE_NOTE, NOON - dt.timedelta(days=1), None, now=NOON) is False


# --- evidence for a failed-to-attend -----------------------------------------------------------------


def test_the_person_has_seven_calendar_days_to_give_evidence():
    assert EVIDENCE_DAYS == 7
    # Friday failure: the deadline is the following Friday, weekends included
    assert evidence_deadline(D(2025, 1, 3)) == D(2025, 1, 10)


def test_a_failed_to_attend_on_its_evidence_deadline_does_not_yet_need_a_decision():
    assert needs_evidence_decision(OC.AFTA, D(2025, 1, 3), today=D(2025, 1, 10)) is False


def test_a_failed_to_attend_the_day_after_its_evidence_deadline_must_be_decided():
    assert needs_evidence_decision(OC.AFTA, D(2025, 1, 3), today=D(2025, 1, 11)) is True


def test_outcomes_other_than_failed_to_attend_never_await_evidence():
    assert needs_evidence_decision(OC.UAAB, D(2025, 1, 3), today=D(2025, 6, 1)) is False
