from typing import Any, cast

from crispy_forms_gds.layout import Field, Fluid
from django import forms
from django.db.models import QuerySet

from probation.accounts.models import Staff
from probation.frontend.forms import GovukForm
from probation.frontend.forms.dates import date_field
from probation.people.forms.allocation import officer_label
from probation.people.models import AllocationReason, CircumstanceType, DisabilityType


class PeriodForm(GovukForm):
    """A form with a start date and an optional end date that cannot come before it."""

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("start_date") and data.get("end_date") and data["end_date"] < data["start_date"]:
            self.add_error("end_date", "End date must be the same as or after the start date")
        return data


class CircumstanceForm(PeriodForm):
    submit_label = "Add circumstance"
    circumstance_type = forms.ChoiceField(
        label="Type",
        choices=[("", "Select a type"), *CircumstanceType.choices],
        error_messages={"required": "Select the type of circumstance"},
    )
    detail = forms.CharField(max_length=200, required=False, help_text="For example, employed full time")
    start_date = date_field("Start date")
    end_date = date_field("End date", required=False, help_text="Leave blank if it still applies")
    evidenced = forms.BooleanField(label="Evidence has been seen", required=False)
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def layout_fields(self) -> list[object]:
        return [
            Field.select("circumstance_type"),
            Field.text("detail", field_width=Fluid.TWO_THIRDS),
            Field("start_date"),
            Field("end_date"),
            Field.checkbox("evidenced"),
            Field.textarea("notes"),
        ]


class DisabilityForm(PeriodForm):
    submit_label = "Add disability"
    disability_type = forms.ChoiceField(
        label="Type",
        choices=[("", "Select a type"), *DisabilityType.choices],
        error_messages={"required": "Select the type of disability"},
    )
    adjustments = forms.CharField(
        label="Reasonable adjustments",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="What staff should do differently, for example: appointments on the ground floor",
    )
    start_date = date_field("Start date")
    end_date = date_field("End date", required=False, help_text="Leave blank if it still applies")
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def layout_fields(self) -> list[object]:
        return [
            Field.select("disability_type"),
            Field.textarea("adjustments"),
            Field("start_date"),
            Field("end_date"),
            Field.textarea("notes"),
        ]


class OfficerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Staff) -> str:
        return officer_label(obj)


class AllocationForm(GovukForm):
    submit_label = "Allocate case"
    officer = OfficerChoiceField(
        label="Responsible officer",
        queryset=Staff.objects.none(),
        empty_label="Select an officer",
        error_messages={"required": "Select an officer", "invalid_choice": "Select an officer from the list"},
    )
    reason = forms.ChoiceField(
        choices=AllocationReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select a reason for the allocation"},
    )
    notes = forms.CharField(
        label="Details",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="Required if the reason is ‘Other’",
    )
    decision_reason = forms.CharField(
        label="Why this officer?",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text="For example: most capacity in the team; a probation officer is needed for high RoSH",
        error_messages={"required": "Enter why you chose this officer"},
    )

    def __init__(self, *args: Any, officers: QuerySet[Staff], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["officer"]).queryset = officers

    def layout_fields(self) -> list[object]:
        return [
            Field.select("officer"),
            Field.radios("reason"),
            Field.textarea("notes"),
            Field.textarea("decision_reason"),
        ]


class SupportingOfficerForm(GovukForm):
    """A supporting officer works alongside the responsible officer, e.g. a PSO on a case that a PO
    must hold because its RoSH is high."""

    submit_label = "Add supporting officer"
    staff = OfficerChoiceField(
        label="Supporting officer",
        queryset=Staff.objects.none(),
        empty_label="Select an officer",
        error_messages={"required": "Select an officer", "invalid_choice": "Select an officer from the list"},
    )
    reason = forms.CharField(
        label="Reason",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, PSO to support with practical needs while the PO holds the risk",
        error_messages={"required": "Enter the reason for adding a supporting officer"},
    )

    def __init__(self, *args: Any, officers: QuerySet[Staff], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["staff"]).queryset = officers

    def layout_fields(self) -> list[object]:
        return [Field.select("staff"), Field.textarea("reason")]


class SearchForm(GovukForm):
    submit_label = "Search"
    form_method = "get"
    q = forms.CharField(
        label="CRN, PNC number or name",
        max_length=100,
        required=False,
        help_text="For example, X320741, 2004/0046583U or John Smith",
    )
    dob = date_field("Date of birth", required=False, help_text="Optional. For example, 27 3 1985")

    def layout_fields(self) -> list[object]:
        return [Field.text("q", field_width=Fluid.TWO_THIRDS, spellcheck="false"), Field("dob")]


class PartnerShareForm(GovukForm):
    submit_label = "Share case"
    username = forms.CharField(
        label="Partner user's username",
        max_length=150,
        error_messages={"required": "Enter the partner user's username"},
    )
    reason = forms.CharField(
        label="Reason for sharing",
        max_length=200,
        help_text="For example, MAPPA level 2 meeting on 4 December",
        error_messages={"required": "Enter the reason for sharing"},
    )
    expires_on = date_field("Share until", help_text="The date access ends. For example, 27 3 2027")

    def layout_fields(self) -> list[object]:
        return [Field.text("username", field_width=20), Field.text("reason"), Field("expires_on")]
