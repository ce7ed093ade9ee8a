"""The record-an-enforcement-action form: shape only. Which actions are offered is decided by the
service (``enforcement_action_options``) and passed in; the rules (the one-warning-in-12-months rule,
the workflow, reasons and circumstances required) come back from the service as field errors.

The questions that apply to some actions only follow the radios with "(if you selected …)" labels
rather than being revealed under a radio: GOV.UK Frontend's conditional reveal puts ``aria-expanded``
on the input, which axe reports (ADR 0008)."""

from collections.abc import Iterable
from typing import Any, cast

from crispy_forms_gds.layout import Field
from django import forms

from probation.frontend.forms import GovukForm
from probation.rules.enforcement.actions import ACTION_LABELS, EnforcementAction


def _text(label: str, *, help_text: str = "", rows: int = 4) -> forms.CharField:
    return forms.CharField(
        label=label, help_text=help_text, required=False, widget=forms.Textarea(attrs={"rows": rows})
    )


class EnforcementActionForm(GovukForm):
    submit_label = "Save action"
    action = forms.ChoiceField(
        label="What action are you taking?",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the enforcement action",
            "invalid_choice": "Select one of the actions allowed for this failure",
        },
    )
    circumstances = _text(
        "Circumstances of the failure (if you selected a warning letter)",
        help_text="Printed in the letter, for example: you did not attend your appointment at Leeds "
        "Probation Office on 14 April 2026 and gave no reason.",
    )
    reason = _text("Reason (if you selected no further action or withdraw warning)", rows=3)
    note = _text("Note (optional)", rows=3)
    respond_within = forms.IntegerField(
        label="New respond-by date in working days (optional, for a referral or a pending decision)",
        help_text="For example, 5. Bank holidays in England and Wales are not counted.",
        required=False,
        min_value=1,
        max_value=10,
        error_messages={
            "invalid": "Working days to respond must be a whole number, like 5",
            "min_value": "Working days to respond must be between 1 and 10",
            "max_value": "Working days to respond must be between 1 and 10",
        },
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, actions: Iterable[EnforcementAction] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["action"]).choices = [
            (a.value, ACTION_LABELS[a]) for a in actions
        ]

    def layout_fields(self) -> list[object]:
        return [
            Field.radios("action"),
            Field.textarea("circumstances"),
            Field.textarea("reason"),
            Field.textarea("note"),
            Field.text("respond_within", field_width=2),
            "version",
        ]
