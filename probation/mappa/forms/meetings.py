"""MAPPA forms: shape only. The rules (dates, multi-agency levels, "Other" needing its name, due and
completion dates against the meeting) are the services' and come back as field errors.

"Other" agency is a separate text question after the checkboxes rather than revealed under its
checkbox: GOV.UK Frontend's conditional reveal puts ``aria-expanded`` on the input, which axe
reports as a WCAG failure (as in ADR 0008)."""

from crispy_forms_gds.layout import Field
from django import forms

from probation.frontend.forms import GovukForm
from probation.frontend.forms.dates import date_field
from probation.mappa.agencies import AGENCY_CHOICES
from probation.risk.registers import MAPPA_LEVEL_CHOICES

EXAMPLE = "For example, 27 3 2026"


def _text(label: str, *, required: bool = True, rows: int = 5, message: str = "") -> forms.CharField:
    field = forms.CharField(label=label, widget=forms.Textarea(attrs={"rows": rows}), required=required)
    if message:
        field.error_messages["required"] = message
    return field


class MeetingForm(GovukForm):
    submit_label = "Save meeting"
    held_on = date_field("Meeting date", help_text=EXAMPLE)
    level = forms.ChoiceField(
        label="MAPPA level of the meeting",
        choices=MAPPA_LEVEL_CHOICES,
        widget=forms.RadioSelect,
        help_text="Level 2 and 3 meetings are multi-agency.",
        error_messages={"required": "Select the MAPPA level of the meeting"},
    )
    chair = forms.CharField(max_length=100, error_messages={"required": "Enter who chaired the meeting"})
    agencies = forms.MultipleChoiceField(
        label="Attending agencies",
        choices=AGENCY_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that attended.",
        error_messages={"required": "Select the agencies that attended"},
    )
    other_agency = forms.CharField(
        label="Other agency (if you selected Other)", max_length=100, required=False
    )
    minutes = _text("Minutes or summary", required=False, rows=6)
    decisions = _text("Decisions", required=False)
    next_review_on = date_field("Next meeting or review date", help_text=EXAMPLE)

    def layout_fields(self) -> list[object]:
        return [
            Field("held_on"),
            Field.radios("level"),
            Field.text("chair"),
            Field.checkboxes("agencies"),
            Field.text("other_agency"),
            Field.textarea("minutes"),
            Field.textarea("decisions"),
            Field("next_review_on"),
            *(["version"] if "version" in self.fields else []),
        ]


class MeetingUpdateForm(MeetingForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class ActionForm(GovukForm):
    submit_label = "Add action"
    description = _text("Action", rows=3, message="Enter the action")
    owner_agency = forms.ChoiceField(
        label="Owner agency",
        choices=[("", "Select an agency"), *AGENCY_CHOICES],
        error_messages={"required": "Select the agency that owns the action"},
    )
    owner_name = forms.CharField(
        label="Owner name", max_length=100, error_messages={"required": "Enter who owns the action"}
    )
    due_on = date_field("Due date", help_text=EXAMPLE)

    def layout_fields(self) -> list[object]:
        return [
            Field.textarea("description"),
            Field.select("owner_agency"),
            Field.text("owner_name"),
            "due_on",
        ]


class ActionCompleteForm(GovukForm):
    submit_label = "Mark as done"
    completed_on = date_field("Completion date", help_text=EXAMPLE)
    notes = _text("Completion notes", required=False, rows=3)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def layout_fields(self) -> list[object]:
        return [Field("completed_on"), Field.textarea("notes"), "version"]
