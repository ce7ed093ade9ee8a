"""Forms for a practitioner's reductions and contracted hours: shape only (services apply the rules)."""

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from crispy_forms_gds.layout import Field
from django import forms

from probation.core.errors import ServiceError
from probation.frontend.forms import GovukForm
from probation.frontend.forms.dates import date_field
from probation.workload.models import ReductionReason


def _hours_field(label: str, help_text: str) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        help_text=help_text,
        min_value=Decimal("0.01"),
        max_value=Decimal(37),
        max_digits=4,
        decimal_places=2,
        error_messages={
            "required": f"Enter the {label.lower()}",
            "invalid": f"{label} must be a number, like 7.4",
            "min_value": f"{label} must be more than 0",
            "max_value": f"{label} must be 37 or fewer",
            "max_decimal_places": f"{label} must have no more than 2 decimal places",
            "max_digits": f"{label} must be 37 or fewer",
        },
    )


class ReductionForm(GovukForm):
    submit_label = "Add reduction"
    reason = forms.ChoiceField(
        choices=ReductionReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select a reason for the reduction"},
    )
    details = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=1000,
        help_text="Required if the reason is ‘Other’",
    )
    hours = _hours_field(
        "Hours a week",
        "Of a 37-hour week. For example: long-term sickness 37 (100%), newly qualified PO 7.4 (20%), "
        "PQiP first 6 months 29.6 (80%), trade-union facility time up to 18.5 (50%)",
    )
    starts_on = date_field("Start date")
    ends_on = date_field("End date", required=False, help_text="Leave blank if you do not know yet")

    def rule_errors(self, data: dict[str, Any]) -> Iterable[ServiceError]:
        if data.get("reason") == ReductionReason.OTHER and not data.get("details", "").strip():
            yield ServiceError("Give details of the reason for the reduction", field="details")
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            yield ServiceError("End date must be the same as or after the start date", field="ends_on")

    def layout_fields(self) -> list[object]:
        return [
            Field.radios("reason"),
            Field.textarea("details"),
            Field.text("hours", field_width=4),
            Field("starts_on"),
            Field("ends_on"),
        ]


class ReductionEndForm(GovukForm):
    submit_label = "End reduction"
    ends_on = date_field("End date")


class ContractedHoursForm(GovukForm):
    submit_label = "Save contracted hours"
    hours = _hours_field("Contracted hours", "Hours a week; full time is 37")

    def layout_fields(self) -> list[object]:
        return [Field.text("hours", field_width=4)]
