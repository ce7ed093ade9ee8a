"""Requirement and licence forms: shape only; limits, dates inside the order or licence and the
condition rules are the services' (and the domain's) and come back as field errors."""

from typing import Any

from crispy_forms_gds.layout import Field
from django import forms

from probation.core.errors import ServiceError
from probation.frontend.forms import GovukForm
from probation.frontend.forms.dates import date_field
from probation.sentences.forms.events import EXAMPLE, amount_ordered_field, radios
from probation.sentences.models.choices import (
    CONDITION_CATEGORY_CHOICES,
    REQUIREMENT_TYPE_CHOICES,
    RequirementTerminationReason,
)
from probation.sentences.services.requirements import requirement_shape_errors


def _text(label: str, *, required: bool = False, message: str = "", help_text: str = "") -> forms.CharField:
    field = forms.CharField(
        label=label, required=required, help_text=help_text, widget=forms.Textarea(attrs={"rows": 3})
    )
    if message:
        field.error_messages["required"] = message
    return field


class RequirementForm(GovukForm):
    submit_label = "Add requirement"
    type = radios("Type of requirement", REQUIREMENT_TYPE_CHOICES, "Select the type of requirement")
    amount = amount_ordered_field()
    start_date = date_field("Start date", help_text=EXAMPLE)
    end_date = date_field(
        "End date", required=False, help_text="Leave blank to run with the order. " + EXAMPLE
    )
    details = _text(
        "Details",
        help_text="The court's wording: curfew address and times, exclusion place and period, residence, "
        "prohibited activity, programme or treatment provider.",
    )
    electronic_monitoring = forms.BooleanField(label="Electronically monitored", required=False)

    def rule_errors(self, data: dict[str, Any]) -> tuple[ServiceError, ...]:
        if "amount" not in data:  # the form refused the amount: check the rest
            return tuple(
                e
                for e in requirement_shape_errors(
                    data.get("type"), None, data.get("details"), data.get("electronic_monitoring", False)
                )
                if e.field != "amount"
            )
        return requirement_shape_errors(
            data.get("type"), data["amount"], data.get("details"), data.get("electronic_monitoring", False)
        )

    def layout_fields(self) -> list[object]:
        return [
            Field.radios("type"),
            Field.text("amount", field_width=4),
            Field("start_date"),
            Field("end_date"),
            Field.textarea("details"),
            Field.checkbox("electronic_monitoring"),
        ]


class RequirementTerminateForm(GovukForm):
    submit_label = "End requirement"
    terminated_on = date_field("Termination date", help_text=EXAMPLE)
    reason = radios("Reason", RequirementTerminationReason.choices, "Select the reason the requirement ended")
    version = forms.IntegerField(widget=forms.HiddenInput)

    def layout_fields(self) -> list[object]:
        return [Field("terminated_on"), Field.radios("reason"), "version"]


class LicenceForm(GovukForm):
    submit_label = "Save licence"
    release_date = date_field("Release date", help_text=EXAMPLE)
    conditional_release_date = date_field("Conditional release date (CRD)", required=False, help_text=EXAMPLE)
    licence_expiry_date = date_field(
        "Licence expiry date (LED)", required=False, help_text="Needed for a licence. " + EXAMPLE
    )
    sentence_expiry_date = date_field("Sentence expiry date (SED)", required=False, help_text=EXAMPLE)
    pss_end_date = date_field(
        "Post-sentence supervision end date",
        required=False,
        help_text="Needed when the sentence was under 12 months. " + EXAMPLE,
    )
    top_up_end_date = date_field("Top-up supervision end date", required=False, help_text=EXAMPLE)
    releasing_prison = forms.CharField(label="Releasing prison", max_length=120, required=False)

    def layout_fields(self) -> list[object]:
        return [
            Field("release_date"),
            Field("conditional_release_date"),
            Field("licence_expiry_date"),
            Field("sentence_expiry_date"),
            Field("pss_end_date"),
            Field("top_up_end_date"),
            Field.text("releasing_prison"),
        ]


class ConditionForm(GovukForm):
    """Category is a separate question after the kind, not a conditional reveal: GOV.UK Frontend's
    reveal puts ``aria-expanded`` on the input, which axe reports (ADR 0008)."""

    submit_label = "Add condition"
    kind = radios(
        "Kind of condition",
        [("additional", "Additional condition"), ("bespoke", "Bespoke condition")],
        "Select additional or bespoke condition",
    )
    category = forms.ChoiceField(
        label="Category (additional conditions only)",
        choices=[("", "Not an additional condition"), *CONDITION_CATEGORY_CHOICES],
        required=False,
    )
    text = _text("Condition", required=True, message="Enter the text of the licence condition")
    start = date_field("Start date", help_text=EXAMPLE)
    end = date_field("End date", required=False, help_text=EXAMPLE)

    def layout_fields(self) -> list[object]:
        return [
            Field.radios("kind"),
            Field.select("category"),
            Field.textarea("text"),
            Field("start"),
            Field("end"),
        ]


class ConditionEndForm(GovukForm):
    submit_label = "End condition"
    end_date = date_field("End date", help_text=EXAMPLE)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def layout_fields(self) -> list[object]:
        return [Field("end_date"), "version"]
