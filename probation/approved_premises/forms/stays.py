"""The premises' forms for one booking: arrival, non-arrival, departure, key worker, key work. Each
posts ``action`` so one page takes them all; shape only (services apply the rules)."""

import datetime as dt
from typing import Any

from crispy_forms_gds.layout import Field
from django import forms

from probation.approved_premises.models import DepartureReason, MoveOnCategory, NonArrivalReason
from probation.core.clock import LONDON
from probation.frontend.forms import GovukForm
from probation.frontend.forms.dates import date_field
from probation.frontend.forms.times import time_field


def at(day: dt.date, time: dt.time) -> dt.datetime:
    return dt.datetime.combine(day, time, tzinfo=LONDON)


class _ActionForm(GovukForm):
    action = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, prefix=self.action, **kwargs)


class ArriveForm(_ActionForm):
    action = "arrive"
    submit_label = "Record the arrival"
    day = date_field("Date of arrival")
    time = time_field("Time of arrival")


class NonArrivalForm(_ActionForm):
    action = "non_arrival"
    submit_label = "Record the non-arrival"
    reason = forms.ChoiceField(
        choices=NonArrivalReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the reason"},
    )
    day = date_field("Date recorded")

    def layout_fields(self) -> list[object]:
        return [Field.radios("reason", small=True), Field("day")]


class DepartForm(_ActionForm):
    action = "depart"
    submit_label = "Record the departure"
    day = date_field("Date of departure")
    time = time_field("Time of departure")
    reason = forms.ChoiceField(
        label="Reason",
        choices=[("", "Select the reason"), *DepartureReason.choices],
        error_messages={"required": "Select the reason for the departure"},
    )
    move_on = forms.ChoiceField(
        label="Move-on category",
        choices=[("", "Select the move-on category"), *MoveOnCategory.choices],
        error_messages={"required": "Select the move-on category"},
    )
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=2000)

    def layout_fields(self) -> list[object]:
        return [Field("day"), "time", Field.select("reason"), Field.select("move_on"), "notes"]


class KeyWorkerForm(_ActionForm):
    action = "key_worker"
    submit_label = "Assign the key worker"
    staff = forms.TypedChoiceField(
        label="Key worker", coerce=int, error_messages={"required": "Select a key worker"}
    )

    def __init__(self, *args: Any, staff: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["staff"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "Select a key worker"), *staff]

    def layout_fields(self) -> list[object]:
        return [Field.select("staff")]


class KeyWorkForm(_ActionForm):
    action = "key_work"
    submit_label = "Book the key-work session"
    day = date_field("Date of the session")
    time = time_field("Time of the session")
