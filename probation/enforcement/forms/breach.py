"""Breach forms: shape only. Which failures may be relied on, dates against the order and the allowed
next status are the service's rules and come back as field errors."""

from collections.abc import Iterable
from typing import Any, cast

from crispy_forms_gds.layout import Field
from django import forms

from probation.contacts.models import Contact
from probation.enforcement.presenters.breach import BREACH_STATUS_LABELS, failure_label
from probation.enforcement.services.breach import COURT_OUTCOMES
from probation.frontend.forms import GovukForm
from probation.frontend.forms.dates import date_field

EXAMPLE = "For example, 27 3 2026"


def text_area(label: str, *, required: bool = True, rows: int = 4, message: str = "", help_text: str = ""):
    field = forms.CharField(
        label=label, widget=forms.Textarea(attrs={"rows": rows}), required=required, help_text=help_text
    )
    if message:
        field.error_messages["required"] = message
    return field


class BreachInitiateForm(GovukForm):
    submit_label = "Initiate breach"
    initiated_on = date_field("Date breach initiated", help_text=EXAMPLE)
    failures = forms.TypedMultipleChoiceField(
        label="Failures to comply the breach relies on",
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text="Failures on this order since it started or since the last breach ended.",
        error_messages={"required": "Select the failures to comply the breach relies on"},
    )
    recommendation = text_area(
        "Your recommendation to the court", rows=6, message="Enter your recommendation to the court"
    )

    def __init__(self, *args: Any, failures: Iterable[Contact] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["failures"]).choices = [
            (c.pk, failure_label(c)) for c in failures
        ]

    def layout_fields(self) -> list[object]:
        return [Field("initiated_on"), Field.checkboxes("failures"), Field.textarea("recommendation")]


class BreachPackSentForm(GovukForm):
    submit_label = "Save"
    court = forms.CharField(
        label="Court",
        max_length=120,
        error_messages={"required": "Enter the court the breach pack was sent to"},
    )
    hearing_date = date_field("Hearing date", help_text=EXAMPLE)
    sent_on = date_field("Date sent", help_text=EXAMPLE)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def layout_fields(self) -> list[object]:
        return [Field.text("court"), Field("hearing_date"), Field("sent_on"), "version"]


class BreachOutcomeForm(GovukForm):
    submit_label = "Save outcome"
    outcome = forms.ChoiceField(
        label="Outcome",
        choices=[(o.value, BREACH_STATUS_LABELS[o]) for o in COURT_OUTCOMES],
        widget=forms.RadioSelect,
        help_text="A court outcome can be recorded once the breach pack has been sent to court.",
        error_messages={"required": "Select the outcome of the breach"},
    )
    outcome_on = date_field("Outcome date", help_text=EXAMPLE)
    notes = text_area("Notes", required=False, help_text="For example, the new requirements or the sentence.")
    version = forms.IntegerField(widget=forms.HiddenInput)

    def layout_fields(self) -> list[object]:
        return [Field.radios("outcome"), Field("outcome_on"), Field.textarea("notes"), "version"]
