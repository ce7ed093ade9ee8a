"""Custody forms: shape only; the release rules refuse impossible input in the services (the reason
comes back beside its field)."""

from typing import Any

from crispy_forms_gds.layout import Field
from django import forms

from probation.custody.models import Pathway, PathwayStatus, ReleaseNight
from probation.frontend.forms import GovukForm
from probation.frontend.forms.dates import date_field
from probation.rules.custody.key_dates import HDC_EXCLUSION_LABELS, RELEASE_SENTENCE_TYPE_LABELS
from probation.rules.custody.law import OFFENCE_FLAG_LABELS

EXAMPLE = "For example, 27 3 2026"


def _number(label: str, *, help_text: str = "", max_value: int = 36_500) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=0,
        max_value=max_value,
        initial=0,
        required=False,
        help_text=help_text,
        error_messages={
            "invalid": f"{label} must be a whole number",
            "min_value": f"{label} cannot be negative",
            "max_value": f"{label} must be {max_value} or less",
        },
    )


class ReleaseInputsForm(GovukForm):
    submit_label = "Work out the key dates"
    release_type = forms.ChoiceField(
        label="Type of sentence",
        choices=[(t.value, label) for t, label in RELEASE_SENTENCE_TYPE_LABELS.items()],
        widget=forms.RadioSelect,
        error_messages={"required": "Select the type of sentence"},
    )
    term_months = _number(
        "Custodial term (months)", help_text="Life and IPP: the minimum term (tariff).", max_value=1200
    )
    term_days = _number("and days", max_value=366)
    extension_months = _number(
        "Extension period (months)", help_text="Extended sentences only.", max_value=96
    )
    age_at_sentence = forms.IntegerField(
        label="Age at sentence",
        min_value=10,
        max_value=120,
        error_messages={
            "required": "Enter the age at sentence",
            "min_value": "Age at sentence must be 10 or more",
        },
    )
    offence_flags = forms.MultipleChoiceField(
        label="Offences (for the release rules)",
        choices=[(f.value, label) for f, label in OFFENCE_FLAG_LABELS.items()],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    hdc_exclusions = forms.MultipleChoiceField(
        label="Exclusions from home detention curfew",
        choices=[(e.value, label) for e, label in HDC_EXCLUSION_LABELS.items()],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    remand_days = _number("Days on remand")
    tagged_bail_days = _number("Tagged bail credit (days)")
    added_days = _number("Added days")
    referred_s244zb = forms.BooleanField(label="Referred to the Parole Board (s.244ZB)", required=False)
    prison = forms.CharField(label="Prison", max_length=120, required=False)
    pom_name = forms.CharField(label="Prison offender manager (POM)", max_length=120, required=False)
    early_allocation = forms.BooleanField(label="Early allocation accepted", required=False)
    enhanced_resourcing = forms.ChoiceField(
        label="Enhanced resourcing",
        choices=[("", "Not known"), ("yes", "Yes"), ("no", "No")],
        required=False,
    )
    immigration = forms.BooleanField(label="An immigration case", required=False)
    open_conditions_from = date_field("In open conditions from", required=False, help_text=EXAMPLE)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        for name in (
            "term_months",
            "term_days",
            "extension_months",
            "remand_days",
            "tagged_bail_days",
            "added_days",
        ):
            if data.get(name) is None and name not in self.errors:
                data[name] = 0
        return data

    def layout_fields(self) -> list[object]:
        return [
            Field.radios("release_type"),
            Field.text("term_months", field_width=4),
            Field.text("term_days", field_width=4),
            Field.text("extension_months", field_width=4),
            Field.text("age_at_sentence", field_width=3),
            Field.checkboxes("offence_flags", small=True),
            Field.checkboxes("hdc_exclusions", small=True),
            Field.text("remand_days", field_width=4),
            Field.text("tagged_bail_days", field_width=4),
            Field.text("added_days", field_width=4),
            Field.checkbox("referred_s244zb"),
            Field.text("prison"),
            Field.text("pom_name"),
            Field.checkbox("early_allocation"),
            Field.select("enhanced_resourcing"),
            Field.checkbox("immigration"),
            Field("open_conditions_from"),
            "version",
        ]


class CustodyCreateForm(ReleaseInputsForm):
    def __init__(self, *args: Any, sentences: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sentence"] = forms.TypedChoiceField(
            label="Custodial sentence",
            choices=sentences,
            coerce=int,
            widget=forms.RadioSelect,
            error_messages={"required": "Select the custodial sentence"},
        )

    def layout_fields(self) -> list[object]:
        return [Field.radios("sentence"), *super().layout_fields()]


class ConfirmForm(GovukForm):
    submit_label = "Confirm the proposed dates"
    version = forms.IntegerField(widget=forms.HiddenInput)


class PrisonDatesForm(GovukForm):
    submit_label = "Record the prison's dates"
    prison_crd = date_field("Conditional release date (CRD)", required=False, help_text=EXAMPLE)
    prison_ped = date_field("Parole eligibility date (PED)", required=False, help_text=EXAMPLE)
    prison_hdced = date_field("Home detention curfew eligibility (HDCED)", required=False, help_text=EXAMPLE)
    prison_led = date_field("Licence expiry date (LED)", required=False, help_text=EXAMPLE)
    prison_sed = date_field("Sentence expiry date (SED)", required=False, help_text=EXAMPLE)
    reason = forms.CharField(
        label="Why the prison's dates differ",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def layout_fields(self) -> list[object]:
        return [
            *(Field(n) for n in ("prison_crd", "prison_ped", "prison_hdced", "prison_led", "prison_sed")),
            Field.textarea("reason"),
            "version",
        ]


class ReleasePlanForm(GovukForm):
    submit_label = "Save the release plan"
    release_address = forms.CharField(
        label="Release address", widget=forms.Textarea(attrs={"rows": 3}), max_length=500, required=False
    )
    release_night = forms.ChoiceField(
        label="Where they will sleep on the day of release",
        choices=ReleaseNight.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    ap_referral_needed = forms.BooleanField(label="An approved premises referral is needed", required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def layout_fields(self) -> list[object]:
        return [
            Field.textarea("release_address"),
            Field.radios("release_night"),
            Field.checkbox("ap_referral_needed"),
            "version",
        ]


class PathwaysForm(GovukForm):
    submit_label = "Save the pathways"
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for value, label in Pathway.choices:
            self.fields[value] = forms.ChoiceField(
                label=label,
                choices=PathwayStatus.choices,
                error_messages={"required": f"Select the status of {label.lower()}"},
            )

    def layout_fields(self) -> list[object]:
        return [*(Field.select(value) for value in Pathway.values), "version"]
