"""The record-an-enforcement-action form: shape only. Which actions are offered is decided by the
service (``enforcement_action_options``) and passed in; the rules (the one-warning-in-12-months rule,
the workflow, reasons and circumstances required) come back from the service as field errors.

The questions of an action show under its radio only (GOV.UK conditional reveal, ``reveal_radios``;
issue 10 item 8). Each action has its own inputs, so no name appears twice; without JavaScript all
show, and ``clean`` keeps only the chosen action's answers (under the names the service takes) and
drops the others' values and errors."""

from collections.abc import Iterable
from typing import Any, cast

from crispy_forms_gds.layout import Field
from django import forms

from probation.frontend.forms import GovukForm
from probation.frontend.forms.reveal import reveal_radios
from probation.rules.enforcement.actions import ACTION_LABELS, EnforcementAction


def _text(label: str, *, help_text: str = "", rows: int = 4) -> forms.CharField:
    return forms.CharField(
        label=label, help_text=help_text, required=False, widget=forms.Textarea(attrs={"rows": rows})
    )


def _circumstances() -> forms.CharField:
    return _text(
        "Circumstances of the failure",
        help_text="Printed in the letter, for example: you did not attend your appointment at Leeds "
        "Probation Office on 14 April 2026 and gave no reason.",
    )


def _respond_within() -> forms.IntegerField:
    return forms.IntegerField(
        label="New respond-by date in working days (optional)",
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


# Each action's own questions (the inputs revealed under its radio).
ACTION_INPUTS: dict[str, tuple[str, ...]] = {
    EnforcementAction.FIRST_WARNING_LETTER: ("circumstances",),
    EnforcementAction.SECOND_WARNING_LETTER: ("second_circumstances",),
    EnforcementAction.REFER_TO_OFFENDER_MANAGER: ("respond_within",),
    EnforcementAction.DECISION_PENDING_RESPONSE: ("pending_respond_within",),
    EnforcementAction.NO_FURTHER_ACTION: ("reason",),
    EnforcementAction.WITHDRAW_WARNING: ("withdraw_reason",),
}
# An input's name in the service's terms (two actions ask the same question under their own inputs).
SERVICE_NAME = {
    "second_circumstances": "circumstances",
    "pending_respond_within": "respond_within",
    "withdraw_reason": "reason",
}


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
    circumstances = _circumstances()
    second_circumstances = _circumstances()
    reason = _text("Reason for taking no further action", rows=3)
    withdraw_reason = _text("Reason for withdrawing the warning", rows=3)
    respond_within = _respond_within()
    pending_respond_within = _respond_within()
    note = _text("Note (optional)", rows=3)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, actions: Iterable[EnforcementAction] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["action"]).choices = [
            (a.value, ACTION_LABELS[a]) for a in actions
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        chosen = ACTION_INPUTS.get(data.get("action", ""), ())
        for inputs in ACTION_INPUTS.values():
            for name in inputs:
                if name not in chosen:  # another action's question: not asked, so not answered
                    self.errors.pop(name, None)
                    data.pop(name, None)
        for name in chosen:
            if name in data:
                data[SERVICE_NAME.get(name, name)] = data.pop(name)
        return {"reason": "", "circumstances": "", "respond_within": None} | data

    def layout_fields(self) -> list[object]:
        choices = cast(list[tuple[str, str]], cast(forms.ChoiceField, self.fields["action"]).choices)
        revealed = {
            action: [
                Field.text(n, field_width=2) if "respond_within" in n else Field.textarea(n) for n in inputs
            ]
            for action, inputs in ACTION_INPUTS.items()
        }
        return [
            reveal_radios("action", [(str(v), str(label)) for v, label in choices], revealed),
            Field.textarea("note"),
            "version",
        ]
