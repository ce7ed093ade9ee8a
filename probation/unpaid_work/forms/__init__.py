"""Forms for projects, weekly sessions, assessments and allocations: shape only (services apply the
rules). The session sheet is parsed by ``forms.sheet``."""

from typing import Any, cast

from crispy_forms_gds.layout import Field
from django import forms

from probation.frontend.forms import GovukForm
from probation.frontend.forms.dates import date_field
from probation.frontend.forms.times import time_field
from probation.rules.unpaid_work.schedule import Frequency
from probation.unpaid_work.models import WEEKDAYS, ProjectType
from probation.unpaid_work.models.placements import PLACEMENT_CHOICES, SUPERVISOR_SEX_CHOICES


def _bool(label: str) -> forms.BooleanField:
    return forms.BooleanField(label=label, required=False)


class ProjectForm(GovukForm):
    submit_label = "Add project"
    code = forms.CharField(max_length=12, error_messages={"required": "Enter the project code"})
    name = forms.CharField(max_length=120, error_messages={"required": "Enter the project name"})
    project_type = forms.ChoiceField(
        label="Project type",
        choices=ProjectType.choices,
        error_messages={"required": "Select the project type"},
    )
    beneficiary = forms.CharField(max_length=120, required=False)
    address = forms.CharField(
        label="Location", max_length=300, error_messages={"required": "Enter the location"}
    )
    area = forms.CharField(
        max_length=60,
        help_text="Town or postcode district, matched against exclusion zones",
        error_messages={"required": "Enter the area"},
    )
    starts_on = date_field("Start date")
    ends_on = date_field("End date", required=False, help_text="Leave blank if it has no end date")
    with_children = _bool("Works with or near children")
    with_adults_at_risk = _bool("Works with adults at risk")
    female_only = _bool("Female-only group")
    notes = forms.CharField(
        label="Other restrictions", widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=2000
    )


class ProjectDayForm(GovukForm):
    submit_label = "Add session"
    weekday = forms.TypedChoiceField(
        label="Day", choices=WEEKDAYS, coerce=int, error_messages={"required": "Select the day"}
    )
    starts_at = time_field("Start time")
    ends_at = time_field("End time")
    capacity = forms.IntegerField(
        min_value=1,
        max_value=50,
        error_messages={
            "required": "Enter the capacity",
            "min_value": "Capacity must be at least 1",
            "max_value": "Capacity must be 50 or fewer",
            "invalid": "Capacity must be a whole number",
        },
    )
    supervisor = forms.TypedChoiceField(coerce=int, error_messages={"required": "Select the supervisor"})

    def __init__(self, *args: Any, supervisors: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["supervisor"]).choices = [
            ("", "Select a supervisor"),
            *supervisors,
        ]


class AssessmentForm(GovukForm):
    submit_label = "Save assessment"
    placement = forms.ChoiceField(
        label="Placement type",
        choices=PLACEMENT_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the placement type"},
    )
    excluded_areas = forms.CharField(
        label="Exclusion zones and victims' areas",
        help_text="One area a line, as projects name them (town or postcode district)",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=1000,
    )
    supervisor_sex = forms.ChoiceField(
        label="Supervisor restriction",
        choices=SUPERVISOR_SEX_CHOICES,
        widget=forms.RadioSelect,
        required=False,
    )
    available_days = forms.TypedMultipleChoiceField(
        label="Days available",
        choices=WEEKDAYS,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    commitments = forms.CharField(
        label="Caring and work commitments",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )
    health = forms.CharField(
        label="Health and disabilities",
        help_text="Shown to the session's supervisor",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )
    ppe_clothing = forms.ChoiceField(
        label="Clothing size",
        choices=[("", "Not recorded")] + [(s, s) for s in ("XS", "S", "M", "L", "XL", "XXL", "3XL")],
        required=False,
    )
    ppe_footwear = forms.IntegerField(
        label="Footwear size (UK)",
        min_value=3,
        max_value=14,
        required=False,
        error_messages={
            "min_value": "Footwear size must be between 3 and 14",
            "max_value": "Footwear size must be between 3 and 14",
            "invalid": "Footwear size must be a whole number",
        },
    )
    ete_need = _bool("Has an education, training or employment need")
    induction_done = _bool("Induction details given")

    def layout_fields(self) -> list[object]:
        return [
            Field.radios("placement"),
            "excluded_areas",
            Field.radios("supervisor_sex"),
            Field.checkboxes("available_days"),
            "commitments",
            "health",
            "ppe_clothing",
            Field("ppe_footwear", css_class="govuk-input--width-3"),
            "ete_need",
            "induction_done",
        ]


class AllocationForm(GovukForm):
    submit_label = "Allocate"
    day = forms.TypedChoiceField(
        label="Project session", coerce=int, error_messages={"required": "Select a project session"}
    )
    frequency = forms.ChoiceField(
        choices=[(f.value, f.value.capitalize()) for f in Frequency],
        widget=forms.RadioSelect,
        initial=Frequency.WEEKLY.value,
        error_messages={"required": "Select how often"},
    )
    starts_on = date_field("Start date")
    ends_on = date_field(
        "End date", required=False, help_text="Leave blank to book until the hours are covered"
    )
    pick_up = forms.CharField(label="Pick-up point and time", max_length=120, required=False)

    def __init__(self, *args: Any, days: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["day"]).choices = [("", "Select a session"), *days]

    def layout_fields(self) -> list[object]:
        return ["day", Field.radios("frequency"), "starts_on", "ends_on", "pick_up"]


class ProjectEditForm(ProjectForm):
    submit_label = "Save changes"
    ends_on = date_field(
        "End date",
        required=False,
        help_text="To end the project, enter its last day. Leave blank if it has no end",
    )


class ProjectDayEditForm(ProjectDayForm):
    submit_label = "Save changes"
    weekday = None  # type: ignore[assignment]  # the day is the session's identity: add a new one instead
