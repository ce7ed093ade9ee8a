"""The assessor's forms: shape only (the service applies the rules)."""

from collections.abc import Iterable
from typing import Any

from crispy_forms_gds.layout import Field
from django import forms

from probation.approved_premises.models import PremisesCharacteristic, RejectionReason, RoomCharacteristic
from probation.core.errors import ServiceError
from probation.frontend.forms import GovukForm


class DecisionForm(GovukForm):
    submit_label = "Record the decision"
    version = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        choices=[("accept", "Accept"), ("reject", "Reject")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether to accept or reject the application"},
    )
    criteria = forms.MultipleChoiceField(
        label="Matching criteria required (if accepting)",
        required=False,
        choices=[*PremisesCharacteristic.choices, *RoomCharacteristic.choices],
        widget=forms.CheckboxSelectMultiple,
    )
    stay_days = forms.IntegerField(
        label="Length of stay in days (if accepting)",
        required=False,
        min_value=1,
        max_value=730,
        error_messages={
            "invalid": "Length of stay must be a number of days, like 84",
            "min_value": "The length of stay must be between 1 and 730 days",
            "max_value": "The length of stay must be between 1 and 730 days",
        },
    )
    rejection_reason = forms.ChoiceField(
        label="Reason for rejecting (if rejecting)",
        required=False,
        choices=[("", "Select a reason"), *RejectionReason.choices],
    )
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=2000)

    def rule_errors(self, data: dict[str, Any]) -> Iterable[ServiceError]:
        if data.get("decision") == "accept" and not data.get("stay_days"):
            yield ServiceError("Enter the length of stay in days", field="stay_days")
        if data.get("decision") == "reject" and not data.get("rejection_reason"):
            yield ServiceError("Select the reason for rejecting the application", field="rejection_reason")

    def layout_fields(self) -> list[object]:
        return [
            Field.radios("decision", inline=True),
            Field.checkboxes("criteria", small=True),
            Field.text("stay_days", field_width=4),
            Field.select("rejection_reason"),
            "notes",
        ]


class InformationRequestForm(GovukForm):
    submit_label = "Ask for more information"
    version = forms.IntegerField(widget=forms.HiddenInput)
    question = forms.CharField(
        label="What information do you need?",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": "Enter the information you need"},
    )


class InformationAnswerForm(GovukForm):
    """The practitioner's answer to one question (prefixed by the question's id: a page may hold several)."""

    submit_label = "Send the answer"
    answer = forms.CharField(
        label="Your answer",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        error_messages={"required": "Enter your answer"},
    )
