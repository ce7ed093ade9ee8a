"""The one GOV.UK date field (issue 9): no year typed into any date input raises from `datetime`."""

import datetime as dt

import pytest

from probation.frontend.forms import GovukForm
from probation.frontend.forms.dates import date_field


class _Form(GovukForm):
    on = date_field("Review date")


def _errors(day: str, month: str, year: str) -> list[str]:
    form = _Form(data={"on_0": day, "on_1": month, "on_2": year})
    assert not form.is_valid()
    return [str(error) for error in form.errors["on"]]


@pytest.mark.parametrize(
    ("year", "message"),
    [
        ("99999999999", "Year must include 4 numbers"),
        ("9" * 400, "Year must include 4 numbers"),
        ("85", "Year must include 4 numbers"),
        ("9999", "Review date must be before 2200"),
        ("2200", "Review date must be before 2200"),
        ("0001", "Review date must be a real date"),
        ("1899", "Review date must be a real date"),
    ],
)
def test_a_year_out_of_range_is_a_form_error(year: str, message: str) -> None:
    assert _errors("1", "1", year) == [message]


@pytest.mark.parametrize(("day", "month"), [("99999999999", "1"), ("1", "99999999999"), ("31", "2")])
def test_an_impossible_day_or_month_is_a_form_error(day: str, month: str) -> None:
    assert _errors(day, month, "2026") == ["Review date must be a real date"]


@pytest.mark.parametrize("year", ["1900", "2199"])
def test_the_years_at_the_edges_are_accepted(year: str) -> None:
    form = _Form(data={"on_0": "1", "on_1": "1", "on_2": year})
    assert form.is_valid()
    assert form.cleaned_data["on"] == dt.date(int(year), 1, 1)


def test_a_stored_time_is_shown_without_seconds():
    import datetime as dt

    from probation.frontend.forms import GovukForm
    from probation.frontend.forms.times import time_field

    class TimeForm(GovukForm):
        start_time = time_field("Start time")

    form = TimeForm(initial={"start_time": dt.time(14, 30)})

    assert 'value="14:30"' in str(form["start_time"])
    assert TimeForm(data={"start_time": "2:30pm"}).is_valid()
