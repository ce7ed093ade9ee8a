"""The 12-month completion deadline and the court's extensions, with worked examples."""

import datetime as dt

import pytest

from probation.rules.errors import RuleErrors
from probation.rules.unpaid_work.deadlines import Extension, check_extension, completion_deadline

D = dt.date
ORDER = D(2026, 1, 15)


def test_without_an_extension_the_deadline_is_12_months_from_the_order():
    assert completion_deadline(ORDER) == D(2027, 1, 14)


def test_the_latest_extension_sets_the_deadline_whatever_order_they_are_given_in():
    extensions = [Extension(D(2027, 2, 1), D(2027, 9, 30)), Extension(D(2027, 1, 10), D(2027, 4, 30))]
    assert completion_deadline(ORDER, extensions) == D(2027, 9, 30)


def test_an_extension_granted_in_time_to_a_later_date_is_accepted():
    check_extension(
        order_date=ORDER,
        current_deadline=D(2027, 1, 14),
        extension=Extension(D(2027, 1, 10), D(2027, 7, 14)),
        today=D(2027, 1, 12),
    )


def test_an_extension_granted_after_the_deadline_passed_is_accepted():
    """Unfinished hours do not lapse: the order goes back to court after the 12 months."""
    check_extension(
        order_date=ORDER,
        current_deadline=D(2027, 1, 14),
        extension=Extension(D(2027, 3, 1), D(2027, 6, 1)),
        today=D(2027, 3, 2),
    )


@pytest.mark.parametrize(
    ("granted_on", "new_deadline", "fields"),
    [
        (D(2027, 2, 1), D(2027, 6, 1), ["granted_on"]),  # in the future
        (D(2026, 1, 14), D(2027, 6, 1), ["granted_on"]),  # before the order
        (D(2027, 1, 10), D(2027, 1, 14), ["new_deadline"]),  # not later than the current deadline
        (D(2027, 1, 10), D(2026, 12, 1), ["new_deadline"]),  # earlier
        (D(2027, 2, 1), D(2027, 1, 1), ["granted_on", "new_deadline"]),  # every reason at once
    ],
)
def test_a_wrong_extension_is_refused_with_every_reason(granted_on, new_deadline, fields):
    with pytest.raises(RuleErrors) as refused:
        check_extension(
            order_date=ORDER,
            current_deadline=D(2027, 1, 14),
            extension=Extension(granted_on, new_deadline),
            today=D(2027, 1, 12),
        )
    assert [e.field for e in refused.value.errors] == fields


def test_a_new_deadline_on_the_day_it_was_granted_is_refused():
    with pytest.raises(RuleErrors, match="after the date the court granted it"):
        check_extension(
            order_date=ORDER,
            current_deadline=D(2026, 3, 1),
            extension=Extension(D(2027, 1, 10), D(2027, 1, 10)),
            today=D(2027, 1, 12),
        )
