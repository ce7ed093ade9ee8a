"""Forms for a court's extension of the completion deadline and for ETE time: shape only (the service
applies the rules: probation.rules.unpaid_work.deadlines and incentive)."""

from typing import Any

from crispy_forms_gds.layout import Field
from django import forms

from probation.frontend.forms import GovukForm
from probation.frontend.forms.dates import date_field


class ExtensionForm(GovukForm):
    submit_label = "Record extension"
    granted_on = date_field("Date the court granted it")
    new_deadline = date_field("New deadline")
    court = forms.CharField(label="Court", max_length=120, required=False)


def _whole(label: str, high: int) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=0,
        max_value=high,
        required=False,
        error_messages={
            "min_value": f"{label} must be 0 or more",
            "max_value": f"{label} must be {high} or fewer",
            "invalid": f"{label} must be a whole number",
        },
    )


class EteCreditForm(GovukForm):
    submit_label = "Credit ETE time"
    date = date_field("Date")
    activity = forms.CharField(
        label="Course or activity",
        max_length=120,
        help_text="For example, Functional Skills maths, HMPPS portal course, CSCS card training",
        error_messages={"required": "Enter the course or activity"},
    )
    hours = _whole("Hours", 99)
    minutes = _whole("Minutes", 59)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if "hours" in data and "minutes" in data and not (data["hours"] or 0) * 60 + (data["minutes"] or 0):
            self.add_error("hours", "Enter the time spent, in hours and minutes")
        return data

    def layout_fields(self) -> list[object]:
        return [
            "date",
            "activity",
            Field("hours", css_class="govuk-input--width-3"),
            Field("minutes", css_class="govuk-input--width-3"),
        ]
