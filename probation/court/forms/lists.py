"""Forms of the court pages: shape checks only; the list file is read by court.services.formats."""

from crispy_forms_gds.layout import Field
from django import forms

from probation.court.models import PreparationStatus
from probation.frontend.forms import GovukForm


class ListImportForm(GovukForm):
    submit_label = "Import list"

    file = forms.FileField(
        label="Court list file",
        help_text="A CSV or JSON file in the court list format",
        error_messages={"required": "Choose a court list file", "empty": "The file you chose is empty"},
    )


class MatchDecisionForm(forms.Form):
    """Posted by the buttons of the match page; the version is the hearing's the officer saw."""

    DECISIONS = (("confirm", "confirm"), ("reject", "reject"), ("no_record", "no_record"))
    version = forms.IntegerField(min_value=1, max_value=2_000_000_000)
    decision = forms.ChoiceField(choices=DECISIONS)
    person = forms.IntegerField(min_value=1, max_value=2**62, required=False)

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("decision") in ("confirm", "reject") and not data.get("person"):
            raise forms.ValidationError("Choose a possible match")
        return data


class PreparationForm(GovukForm):
    status = forms.ChoiceField(
        label="Preparation",
        choices=PreparationStatus.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the preparation status"},
    )
    notes = forms.CharField(
        label="Notes",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="For example, who you have asked for an update (the supervising officer for current cases)",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2_000_000_000)

    def layout_fields(self) -> list[object]:
        return [Field.radios("status"), "notes"]
