"""The premises' forms for one booking: arrival, non-arrival, departure, key worker, key work. Each
posts ``action`` so one page takes them all; shape only (services apply the rules)."""

import datetime as dt
from typing import Any

from crispy_forms_gds.layout import Field
from django import forms

from probation.approved_premises.models import (
    CancellationReason,
    DepartureReason,
    MoveOnCategory,
    NonArrivalReason,
    TransferKind,
    TransferReason,
)
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


class _VersionedForm(_ActionForm):
    """A change to the booking names the version the user read (two people changing it: one wins)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1)

    def __init__(self, *args: Any, version: int = 1, **kwargs: Any) -> None:
        super().__init__(*args, initial={"version": version}, **kwargs)


class ChangeDatesForm(_VersionedForm):
    action = "dates"
    submit_label = "Change the dates"
    arrival_on = date_field("Expected arrival date")
    departure_on = date_field("Expected departure date")
    notes = forms.CharField(
        label="Reason for the change (optional)",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=2000,
    )

    def __init__(self, *args: Any, booking: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if booking is not None:
            self.initial.update({"arrival_on": booking.arrival_on, "departure_on": booking.departure_on})


class ExtensionRequestForm(_VersionedForm):
    action = "extend"
    submit_label = "Ask for the extension"
    departure_on = date_field("New departure date")
    reason = forms.CharField(
        label="Reason for the extension",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": "Enter the reason for the extension"},
    )


class ExtensionDecisionForm(_VersionedForm):
    action = "extension_decision"
    submit_label = "Record the decision"
    decision = forms.ChoiceField(
        label="Decision",
        choices=[("approve", "Approve the extension"), ("refuse", "Refuse the extension")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select approve or refuse"},
    )
    notes = forms.CharField(
        label="Notes (the reason, if refused)",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=2000,
    )

    def layout_fields(self) -> list[object]:
        return [Field.radios("decision", small=True), "notes", "version"]


class TransferForm(_VersionedForm):
    action = "transfer"
    submit_label = "Transfer"
    kind = forms.ChoiceField(
        label="Kind of transfer",
        choices=TransferKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select planned or emergency"},
    )
    to_premises = forms.TypedChoiceField(
        label="Premises to transfer to", coerce=int, error_messages={"required": "Select another premises"}
    )
    on = date_field("Date of a planned transfer", required=False, help_text="An emergency transfer is today")
    reason = forms.ChoiceField(
        label="Reason",
        choices=[("", "Select the reason"), *TransferReason.choices],
        error_messages={"required": "Select the reason for the transfer"},
    )
    notes = forms.CharField(
        label="Details", widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=2000
    )

    def __init__(self, *args: Any, premises: list[tuple[int, str]], kinds: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["to_premises"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "Select a premises"), *premises]
        kind = self.fields["kind"]
        assert isinstance(kind, forms.ChoiceField)
        kind.choices = [c for c in TransferKind.choices if c[0] in kinds]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("kind") == TransferKind.PLANNED and not data.get("on"):
            self.add_error("on", "Enter the date of the planned transfer")
        return data

    def layout_fields(self) -> list[object]:
        return [
            Field.radios("kind", small=True),
            Field.select("to_premises"),
            Field("on"),
            Field.select("reason"),
            "notes",
            "version",
        ]


class CancelForm(_VersionedForm):
    action = "cancel"
    submit_label = "Cancel the booking"
    reason = forms.ChoiceField(
        label="Reason",
        choices=[("", "Select the reason"), *CancellationReason.choices],
        error_messages={"required": "Select the reason for the cancellation"},
    )
    notes = forms.CharField(
        label="Details", widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=2000
    )

    def layout_fields(self) -> list[object]:
        return [Field.select("reason"), "notes", "version"]
