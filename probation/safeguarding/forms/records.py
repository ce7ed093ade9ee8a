"""Safeguarding forms: shape only. The rules (dates not in the future or before the request or
referral, the linked flag being this person's active child safeguarding flag, "Other" needing its
name) are the services' and come back as field errors.

"Other agency" is a separate question after the radios rather than revealed under "Other": GOV.UK
Frontend's conditional reveal puts ``aria-expanded`` on the input, which axe reports (ADR 0008)."""

from collections.abc import Iterable
from typing import Any, cast

from crispy_forms_gds.layout import Field
from django import forms

from probation.frontend.forms import GovukForm
from probation.frontend.forms.dates import date_field
from probation.risk.models import Registration
from probation.safeguarding.models.choices import (
    RESPONSE_OUTCOMES,
    CheckMethod,
    ReferralOutcome,
    ReferredTo,
    Urgency,
)
from probation.safeguarding.presenters import flag_label

EXAMPLE = "For example, 27 3 2026"
NOT_LINKED = ("", "Not linked to a flag")


def _text(label: str, *, required: bool = True, rows: int = 4, message: str = "") -> forms.CharField:
    field = forms.CharField(label=label, widget=forms.Textarea(attrs={"rows": rows}), required=required)
    if message:
        field.error_messages["required"] = message
    return field


def _radios(label: str, choices: Iterable[tuple[str, str]], message: str, **kwargs: Any) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=list(choices),
        widget=forms.RadioSelect,
        error_messages={"required": message},
        **kwargs,
    )


class LinkedFlagForm(GovukForm):
    """Offers the person's active child safeguarding flags; without any, the question is not asked."""

    registration = forms.TypedChoiceField(
        label="Child safeguarding flag this relates to",
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, flags: Iterable[Registration] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(str(r.pk), flag_label(r)) for r in flags]
        self.has_flags = bool(choices)
        if self.has_flags:
            cast(forms.ChoiceField, self.fields["registration"]).choices = [*choices, NOT_LINKED]
        else:
            del self.fields["registration"]

    def flag_fields(self) -> list[object]:
        return [Field.radios("registration")] if self.has_flags else []


class CheckForm(LinkedFlagForm):
    submit_label = "Save check"
    local_authority = forms.CharField(
        label="Local authority",
        max_length=100,
        help_text="The council whose children's services were asked, for example Leeds City Council.",
        error_messages={"required": "Enter the local authority"},
    )
    requested_on = date_field("Date requested", help_text=EXAMPLE)
    method = _radios(
        "How was the check requested?", CheckMethod.choices, "Select how the check was requested"
    )
    reason = _text("Reason for the check", message="Enter the reason for the check")

    field_order = ["local_authority", "requested_on", "method", "reason", "registration"]

    def layout_fields(self) -> list[object]:
        return [
            Field.text("local_authority"),
            Field("requested_on"),
            Field.radios("method"),
            Field.textarea("reason"),
            *self.flag_fields(),
        ]


class CheckResponseForm(GovukForm):
    submit_label = "Save response"
    response_on = date_field("Response date", help_text=EXAMPLE)
    outcome = _radios("Outcome", RESPONSE_OUTCOMES, "Select the outcome of the check")
    details = _text("Response details", required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def layout_fields(self) -> list[object]:
        return [Field("response_on"), Field.radios("outcome"), Field.textarea("details"), "version"]


class ReferralForm(LinkedFlagForm):
    submit_label = "Save referral"
    referred_on = date_field("Date referred", help_text=EXAMPLE)
    referred_to = _radios("Referred to", ReferredTo.choices, "Select who the referral was made to")
    referred_to_other = forms.CharField(
        label="Other agency (if you selected Other)", max_length=100, required=False
    )
    urgency = _radios("Urgency", Urgency.choices, "Select the urgency of the referral")
    concern = _text("Concern", rows=5, message="Enter the concern")

    def layout_fields(self) -> list[object]:
        return [
            Field("referred_on"),
            Field.radios("referred_to"),
            Field.text("referred_to_other"),
            Field.radios("urgency"),
            Field.textarea("concern"),
            *self.flag_fields(),
        ]


class ReferralOutcomeForm(GovukForm):
    submit_label = "Save outcome"
    outcome = _radios("Outcome", ReferralOutcome.choices, "Select the outcome of the referral")
    outcome_on = date_field("Outcome date", help_text=EXAMPLE)
    outcome_details = _text("Outcome details", required=False, rows=3)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def layout_fields(self) -> list[object]:
        return [Field.radios("outcome"), Field("outcome_on"), Field.textarea("outcome_details"), "version"]
