"""The application's long form (approved-premises.md § 1): every field optional here, so a draft saves
whatever has been typed (ADR 0032's autosave); what submission needs is checked by the service."""

from typing import Any

from crispy_forms.layout import HTML
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout
from django import forms

from probation.approved_premises.models import (
    NEEDS_FIELDS,
    ApType,
    LegalBasis,
    NoticeReason,
    PremisesCharacteristic,
    Purpose,
    ReleaseType,
    RoomCharacteristic,
    StatedRosh,
)
from probation.frontend.forms import GovukForm
from probation.frontend.forms.dates import date_field

LONG = 5000
NEEDS_LABELS = {
    "access_and_healthcare": "Access and healthcare needs",
    "location_factors": "Location factors and preferred premises",
    "arson": "Arson risk",
    "room_sharing": "Room sharing",
    "vulnerability": "Vulnerability",
    "catering": "Catering needs",
    "previous_placements": "Previous approved premises placements",
    "contingency_plan": "Contingency plan and partners",
    "trigger_plan": "Trigger plan",
    "move_on_plan": "Move-on plan",
}
PREFILLED = {
    "rosh_summary": "RoSH summary",
    "risk_management_plan": "Risk management plan",
    "offences": "Offences",
    "licence_details": "Licence or bail details",
}


def _text(label: str, rows: int = 4, hint: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=LONG,
        help_text=hint,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


def _choice(label: str, choices: Any, *, radio: bool = False) -> forms.ChoiceField:
    widget = forms.RadioSelect if radio else forms.Select
    options = list(choices) if radio else [("", "Select"), *choices]
    return forms.ChoiceField(label=label, required=False, choices=options, widget=widget)


def _heading(text: str) -> HTML:
    return HTML(f'<h2 class="govuk-heading-m govuk-!-margin-top-6">{text}</h2>')


class ApplicationForm(GovukForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    rosh_summary = _text(
        "RoSH summary", 8, "From the latest RoSH assessment: correct it if it is out of date"
    )
    risk_management_plan = _text("Risk management plan", 8, "From the risk management plan")
    offences = _text("Offences", 4, "From the current sentences")
    licence_details = _text("Licence or bail details", 5, "From the licence, or the order or bail")
    ap_type = _choice("Type of approved premises", ApType.choices, radio=True)
    legal_basis = _choice("Legal basis", LegalBasis.choices)
    release_type = _choice("Release type", ReleaseType.choices)
    purposes = forms.MultipleChoiceField(
        label="Purpose of the placement",
        required=False,
        choices=Purpose.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    stated_rosh = _choice("RoSH level (only when there is no tier)", StatedRosh.choices, radio=True)
    exceptional_manager = forms.CharField(
        label="Manager who agreed the exceptional case", required=False, max_length=100
    )
    exceptional_date = date_field("Date the exceptional case was agreed", required=False)
    exceptional_summary = _text("Summary of the exceptional case", 3)
    arrival_on = date_field("Expected arrival date", required=False)
    stay_days = forms.IntegerField(
        label="Length of stay in days",
        required=False,
        min_value=1,
        max_value=730,
        help_text="Leave blank for the usual length of this type of premises",
        error_messages={"invalid": "Length of stay must be a number of days, like 84"},
    )
    stay_reason = _text("Reason for a different length of stay", 2)
    notice_reason = _choice("Reason for an emergency or short-notice application", NoticeReason.choices)
    required_characteristics = forms.MultipleChoiceField(
        label="Required characteristics of the premises and room",
        required=False,
        choices=[*PremisesCharacteristic.choices, *RoomCharacteristic.choices],
        widget=forms.CheckboxSelectMultiple,
    )
    preferred_district = forms.CharField(
        label="Preferred postcode district", required=False, max_length=4, help_text="For example, M14 or LS6"
    )
    access_and_healthcare = _text(NEEDS_LABELS["access_and_healthcare"])
    location_factors = _text(NEEDS_LABELS["location_factors"])
    arson = _text(NEEDS_LABELS["arson"])
    room_sharing = _text(NEEDS_LABELS["room_sharing"])
    vulnerability = _text(NEEDS_LABELS["vulnerability"])
    catering = _text(NEEDS_LABELS["catering"])
    previous_placements = _text(NEEDS_LABELS["previous_placements"])
    contingency_plan = _text(NEEDS_LABELS["contingency_plan"])
    trigger_plan = _text(NEEDS_LABELS["trigger_plan"])
    move_on_plan = _text(NEEDS_LABELS["move_on_plan"])
    declaration = forms.BooleanField(
        label="I confirm the information is accurate and the person has been told about this application",
        required=False,
    )

    def layout_fields(self) -> list[object]:
        return [
            _heading("From the record"),
            "rosh_summary",
            "risk_management_plan",
            "offences",
            "licence_details",
            _heading("Placement"),
            Field.radios("ap_type"),
            Field.select("legal_basis"),
            Field.select("release_type"),
            Field.checkboxes("purposes"),
            Field("arrival_on"),
            Field.text("stay_days", field_width=4),
            "stay_reason",
            Field.select("notice_reason"),
            _heading("Eligibility"),
            Field.radios("stated_rosh"),
            "exceptional_manager",
            Field("exceptional_date"),
            "exceptional_summary",
            _heading("Matching"),
            Field.checkboxes("required_characteristics", small=True),
            Field.text("preferred_district", field_width=4),
            _heading("Risks and needs"),
            *NEEDS_FIELDS,
            _heading("Declaration"),
            Field.checkbox("declaration"),
        ]

    def build_helper(self) -> FormHelper:
        helper = FormHelper()
        helper.form_tag = False
        helper.render_hidden_fields = True
        helper.label_size = "s"
        helper.legend_size = "s"
        helper.layout = Layout(*self._with_character_counts(self.layout_fields()))
        return helper

    def application_data(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("version", None)
        return data

    @classmethod
    def initial_from(cls, application: Any) -> dict[str, Any]:
        return {name: getattr(application, name) for name in cls.base_fields}
