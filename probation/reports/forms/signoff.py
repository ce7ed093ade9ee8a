"""Sign-off forms: shape only. What must be true before signing (sources, analysis, proposal, impact of
custody, the senior PO's name) is the service's rule and comes back as errors, all at once."""

from collections.abc import Iterable
from typing import Any, cast

from crispy_forms_gds.layout import Field
from django import forms

from probation.accounts.models import User
from probation.frontend.forms import GovukForm
from probation.reports.models import ReportSource
from probation.reports.services.signoff import RETURN_REASON_LIMIT

YES_NO = [("yes", "Yes"), ("no", "No")]


def _text(
    label: str, *, max_length: int, rows: int = 5, message: str = "", help_text: str = ""
) -> forms.CharField:
    field = forms.CharField(
        label=label,
        max_length=max_length,
        required=bool(message),
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=help_text,
    )
    if message:
        field.error_messages["required"] = message
    return field


class ReportSignForm(GovukForm):
    submit_label = "Sign the report"
    dangerousness = forms.ChoiceField(
        label="Is this a dangerousness report?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        help_text="If yes, name the senior probation officer who reviewed the dangerousness assessment.",
        error_messages={"required": "Select yes if this is a dangerousness report"},
    )
    reviewing_spo = forms.TypedChoiceField(
        label="Senior probation officer",
        coerce=int,
        required=False,
        empty_value=None,
        help_text="Needed for a dangerousness report, and for a report that needs a countersignature.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, reviewers: Iterable[User] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["reviewing_spo"]).choices = [
            ("", "Select a senior probation officer")
        ] + [(user.pk, str(user)) for user in reviewers]

    def layout_fields(self) -> list[object]:
        return [Field.radios("dangerousness", inline=True), Field.select("reviewing_spo"), "version"]


class ReportCountersignForm(GovukForm):
    submit_label = "Continue"
    decision = forms.ChoiceField(
        label="What do you want to do?",
        choices=[
            ("countersign", "Countersign and lock the report"),
            ("return", "Return it to the author"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether to countersign the report or return it"},
    )
    reason = _text(
        "Reason for returning it",
        max_length=RETURN_REASON_LIMIT,
        rows=4,
        help_text="Only if you return it. The author sees this; it is never in the report.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def layout_fields(self) -> list[object]:
        return [Field.radios("decision"), "reason", "version"]


class OralReportForm(GovukForm):
    submit_label = "Record the oral report"
    sources = forms.MultipleChoiceField(
        label="Sources of information",
        choices=ReportSource.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select at least one source of information"},
    )
    sources_other = forms.CharField(label="Other sources", max_length=500, required=False)
    offence_analysis = _text("Brief offence analysis", max_length=4000, message="Write the offence analysis")
    risk_assessment = _text("Risk summary", max_length=4000, message="Write the risk summary")
    proposal = _text("Proposal", max_length=4000, message="Write the proposal")
    court_response = _text(
        "The court's response",
        max_length=2000,
        rows=3,
        message="Record the court's response to the proposal",
        help_text="For example, the sentence passed or a further adjournment.",
    )

    def layout_fields(self) -> list[object]:
        return [
            Field.checkboxes("sources"),
            Field.text("sources_other"),
            "offence_analysis",
            "risk_assessment",
            "proposal",
            "court_response",
        ]


class CountersignaturePolicyForm(GovukForm):
    submit_label = "Save"
    required = forms.ChoiceField(
        label="Does this report need a senior probation officer's countersignature?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        help_text="Local policy: for example, while the author is new to writing reports.",
        error_messages={"required": "Select yes if the report needs a countersignature"},
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def layout_fields(self) -> list[object]:
        return [Field.radios("required", inline=True), "version"]
