"""The POM→COM handover by the rules in order, and the responsibility state (custody-release.md)."""

import datetime as dt

import pytest

from probation.rules.custody.handover import (
    HandoverCase,
    HandoverType,
    Responsibility,
    com_reminder_due,
    handover_for,
    responsibility_on,
)

D = dt.date
R = Responsibility


@pytest.mark.parametrize(
    ("case", "date"),
    [
        # Other determinate: earliest release − 8 months − 14 days.
        (HandoverCase(D(2025, 1, 1), D(2027, 3, 31)), D(2026, 7, 17)),
        # With a PED: PED − 12 months.
        (HandoverCase(D(2025, 1, 1), D(2027, 3, 31), has_ped=True), D(2026, 3, 31)),
        # Early allocation wins over everything after it: − 15 months.
        (HandoverCase(D(2025, 1, 1), D(2027, 3, 31), early_allocation=True, has_ped=True), D(2025, 12, 31)),
        # Indeterminate: − 12 months.
        (HandoverCase(D(2010, 1, 1), D(2027, 2, 28), indeterminate=True), D(2026, 2, 28)),
        # Earliest release within 10 months of the start: none (on the line: within).
        (HandoverCase(D(2026, 1, 1), D(2026, 11, 1)), None),
        (HandoverCase(D(2026, 1, 1), D(2026, 11, 2)), D(2026, 2, 16)),
        # Month-end: 31 May − 8 months is 30 September (clamped), then 14 days.
        (HandoverCase(D(2025, 1, 1), D(2027, 5, 31)), D(2026, 9, 16)),
    ],
)
def test_handover_date_by_the_first_rule_that_applies(case, date):
    assert handover_for(case).date == date


def test_indeterminate_in_open_conditions_starts_the_com_on_the_move():
    case = HandoverCase(D(2010, 1, 1), D(2027, 2, 28), indeterminate=True, open_conditions_from=D(2025, 6, 1))
    handover = handover_for(case)
    assert (handover.start, handover.date) == (D(2025, 6, 1), D(2026, 2, 28))
    assert responsibility_on(case, handover, D(2025, 5, 31)) is R.CUSTODY_ONLY
    assert responsibility_on(case, handover, D(2025, 6, 1)) is R.CUSTODY_WITH_COM
    assert responsibility_on(case, handover, D(2026, 2, 27)) is R.CUSTODY_WITH_COM
    assert responsibility_on(case, handover, D(2026, 2, 28)) is R.COMMUNITY


@pytest.mark.parametrize(
    ("case", "today", "expected"),
    [
        (HandoverCase(D(2025, 1, 1), D(2027, 3, 31)), D(2026, 7, 16), R.CUSTODY_ONLY),
        (HandoverCase(D(2025, 1, 1), D(2027, 3, 31)), D(2026, 7, 17), R.COMMUNITY),
        (HandoverCase(D(2026, 1, 1), D(2026, 6, 1)), D(2026, 1, 1), R.COMMUNITY),
        (HandoverCase(D(2025, 1, 1), D(2027, 3, 31), recall=True), D(2025, 2, 1), R.COMMUNITY),
        (HandoverCase(D(2025, 1, 1), D(2027, 3, 31), immigration=True), D(2025, 2, 1), R.COMMUNITY),
        (HandoverCase(D(2025, 1, 1), None), D(2030, 1, 1), R.CUSTODY_ONLY),
        (
            HandoverCase(D(2025, 1, 1), D(2027, 3, 31), extra_indeterminate=True),
            D(2030, 1, 1),
            R.CUSTODY_ONLY,
        ),
    ],
)
def test_responsibility_on_a_day(case, today, expected):
    assert responsibility_on(case, handover_for(case), today) is expected


@pytest.mark.parametrize(
    ("recalled_mappa", "refused", "expected"),
    [
        (1, False, R.CUSTODY_WITH_COM),
        (2, True, R.COMMUNITY),
        (3, True, R.COMMUNITY),
        (2, False, R.CUSTODY_WITH_COM),
    ],
)
def test_indeterminate_with_the_next_hearing_12_months_away(recalled_mappa, refused, expected):
    case = HandoverCase(
        D(2010, 1, 1),
        D(2020, 1, 1),
        indeterminate=True,
        next_parole_hearing=D(2027, 12, 3),
        parole_refused=refused,
        mappa_level=recalled_mappa,
    )
    assert responsibility_on(case, handover_for(case), D(2026, 12, 3)) is expected
    assert responsibility_on(case, handover_for(case), D(2026, 12, 4)) is R.COMMUNITY  # 12 months less a day


@pytest.mark.parametrize(
    ("enhanced", "expected"),
    [(True, HandoverType.ENHANCED), (None, HandoverType.ENHANCED), (False, HandoverType.STANDARD)],
)
def test_handover_type_and_tasks(enhanced, expected):
    handover = handover_for(HandoverCase(D(2025, 1, 1), D(2027, 3, 31), enhanced_resourcing=enhanced))
    assert handover.type is expected
    assert handover_for(HandoverCase(D(2026, 1, 1), D(2026, 6, 1))).type is HandoverType.NONE
    assert ("Attend the handover meeting" in handover.tasks) is (expected is HandoverType.ENHANCED)


def test_com_reminder_14_days_after_handover_with_no_com():
    handover = handover_for(HandoverCase(D(2025, 1, 1), D(2027, 3, 31)))  # 17 July 2026
    assert not com_reminder_due(handover, com_allocated=False, today=D(2026, 7, 30))
    assert com_reminder_due(handover, com_allocated=False, today=D(2026, 7, 31))
    assert not com_reminder_due(handover, com_allocated=True, today=D(2026, 7, 31))
