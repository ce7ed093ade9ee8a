"""Licence and recall report forms: shape only (the services refuse what the rules forbid)."""

from crispy_forms_gds.layout import Field
from django import forms

from probation.custody.models import VictimsInScheme
from probation.custody.models.licence import CATEGORY_CHOICES
from probation.frontend.forms import GovukForm
from probation.frontend.forms.dates import date_field
from probation.frontend.forms.times import time_field

EXAMPLE = "For example, 27 3 2026"


class LicenceStartForm(GovukForm):
    submit_label = "Start drafting the licence"

    def layout_fields(self) -> list[object]:
        return []


class ConditionForm(GovukForm):
    submit_label = "Save the condition"
    category = forms.ChoiceField(
        label="Category",
        choices=[("", "Select a category"), *CATEGORY_CHOICES],
        error_messages={"required": "Select the category of the condition"},
    )
    text = forms.CharField(
        label="Wording of the condition",
        help_text="As the person will read it. An exclusion zone names the area, never the victim's address.",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={"required": "Enter the wording of the condition"},
    )
    justification = forms.CharField(
        label="Why it is necessary and proportionate",
        help_text="Needed before the licence can become active.",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        required=False,
    )
    victim_related = forms.BooleanField(label="The victim asked for this condition", required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def layout_fields(self) -> list[object]:
        return [
            Field.select("category"),
            Field.textarea("text"),
            Field.textarea("justification"),
            Field.checkbox("victim_related"),
            "version",
        ]


class ConditionRemoveForm(GovukForm):
    submit_label = "Remove the condition"
    version = forms.IntegerField(widget=forms.HiddenInput)

    def layout_fields(self) -> list[object]:
        return ["version"]


class ReleaseForm(GovukForm):
    submit_label = "Record the release and activate the licence"
    released_on = date_field("Date of release", help_text=EXAMPLE)
    appointment_time = time_field("Time of the first appointment on the day of release")
    version = forms.IntegerField(widget=forms.HiddenInput)

    def layout_fields(self) -> list[object]:
        return [Field("released_on"), Field.text("appointment_time", field_width=5), "version"]


class RecallReportForm(GovukForm):
    submit_label = "Save the recall report"
    victims_in_scheme = forms.ChoiceField(
        label="Are there victims in the victim contact scheme?",
        choices=VictimsInScheme.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether there are victims in the victim contact scheme"},
    )
    vlo_told_on = date_field(
        "Date the victim liaison officer was told of the recall", required=False, help_text=EXAMPLE
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def layout_fields(self) -> list[object]:
        return [Field.radios("victims_in_scheme"), Field("vlo_told_on"), "version"]
