"""The victim contact scheme's eligibility and first-contact deadline (victims.md § Eligibility,
§ Timescales), table by table."""

import datetime as dt

import pytest

from probation.rules.victims.eligibility import (
    Basis,
    Scheme,
    SentenceFacts,
    first_contact_due,
    first_contact_in_time,
    first_contact_overdue,
    is_violent_or_sexual,
    statutory_eligibility,
)

D = dt.date
MURDER = "00100"
SEXUAL_ASSAULT = "02000"
FRAUD = "05300"
CAUSING_DEATH_BY_DANGEROUS_DRIVING = "00404"  # "violence against the person" group, but not flagged


@pytest.mark.parametrize(
    ("code", "flagged"),
    [
        (MURDER, True),
        (SEXUAL_ASSAULT, True),
        (FRAUD, False),
        (CAUSING_DEATH_BY_DANGEROUS_DRIVING, False),
        ("99999", False),
        ("", False),
    ],
)
def test_the_violent_or_sexual_flag_comes_from_the_offence_weightings(code, flagged):
    assert is_violent_or_sexual(code) is flagged


@pytest.mark.parametrize(
    ("facts", "eligible", "basis"),
    [
        (SentenceFacts((MURDER,), custodial=True, indeterminate=True), True, Basis.CUSTODY),
        (SentenceFacts((SEXUAL_ASSAULT,), custodial=True, custodial_months=12), True, Basis.CUSTODY),
        (SentenceFacts((SEXUAL_ASSAULT,), custodial=True, custodial_months=48), True, Basis.CUSTODY),
        (SentenceFacts((SEXUAL_ASSAULT,), custodial=True, custodial_months=11), False, None),
        (SentenceFacts((SEXUAL_ASSAULT,), custodial=True, custodial_months=None), False, None),
        (SentenceFacts((FRAUD,), custodial=True, custodial_months=60), False, None),
        (SentenceFacts((FRAUD, SEXUAL_ASSAULT), custodial=True, custodial_months=24), True, Basis.CUSTODY),
        (SentenceFacts((SEXUAL_ASSAULT,), custodial=False, custodial_months=None), False, None),
        (SentenceFacts((SEXUAL_ASSAULT,), custodial=False, hospital_order=True), True, Basis.HOSPITAL_ORDER),
        (SentenceFacts((FRAUD,), custodial=False, hospital_order=True), False, None),
        (SentenceFacts((), custodial=True, custodial_months=24), False, None),
    ],
    ids=[
        "indeterminate-murder",
        "exactly-12-months",
        "48-months",
        "11-months",
        "no-term",
        "not-violent",
        "one-of-several-offences",
        "not-custody",
        "hospital-order",
        "hospital-order-not-violent",
        "no-offences",
    ],
)
def test_statutory_eligibility(facts, eligible, basis):
    found = statutory_eligibility(facts)
    assert (found.eligible, found.basis) == (eligible, basis)
    assert found.reason


@pytest.mark.parametrize(
    ("scheme", "sentenced", "due"),
    [
        # 40 working days from Monday 5 January 2026: 8 whole weeks, no bank holiday.
        (Scheme.STATUTORY, D(2026, 1, 5), D(2026, 3, 2)),
        # Good Friday 3 April and Easter Monday 6 April 2026 push it back two days.
        (Scheme.STATUTORY, D(2026, 3, 2), D(2026, 4, 29)),
        # Christmas, Boxing Day (Saturday; substitute Monday 28) and New Year's Day 2027.
        (Scheme.DISCRETIONARY, D(2026, 12, 1), D(2027, 1, 29)),
        # Sentenced on a Saturday: the count starts on Monday.
        (Scheme.STATUTORY, D(2026, 1, 3), D(2026, 2, 27)),
        (Scheme.NON_STATUTORY, D(2026, 1, 5), D(2026, 1, 20)),
    ],
)
def test_first_contact_is_due_40_working_days_after_sentence(scheme, sentenced, due):
    assert first_contact_due(scheme, sentenced) == due


@pytest.mark.parametrize(
    ("contacted_on", "today", "overdue"),
    [
        (None, D(2026, 3, 2), False),  # the due day itself is in time
        (None, D(2026, 3, 3), True),
        (D(2026, 3, 10), D(2026, 3, 11), False),  # late, but no longer waiting
        (D(2026, 2, 1), D(2026, 3, 11), False),
    ],
)
def test_a_case_is_overdue_only_while_no_contact_is_made_after_the_due_day(contacted_on, today, overdue):
    assert first_contact_overdue(due=D(2026, 3, 2), contacted_on=contacted_on, today=today) is overdue


@pytest.mark.parametrize(
    ("contacted_on", "in_time"), [(None, None), (D(2026, 3, 2), True), (D(2026, 3, 3), False)]
)
def test_first_contact_in_time(contacted_on, in_time):
    assert first_contact_in_time(due=D(2026, 3, 2), contacted_on=contacted_on) is in_time
