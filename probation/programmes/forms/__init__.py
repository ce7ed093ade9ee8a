"""Forms for the PNI answers, referrals, suitability, completion, training, groups and catch-ups: shape
only (services apply the rules). The register is parsed by ``forms.register``."""

from typing import Any, cast

from django import forms

from probation.frontend.forms import GovukForm
from probation.frontend.forms.dates import date_field
from probation.frontend.forms.times import time_field
from probation.programmes.models.referrals import ITEM_CHOICES, PROGRAMME_CHOICES, SARA_CHOICES

_ITEM = [("", "Not answered"), *ITEM_CHOICES]


def _item(label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(label=label, choices=_ITEM, coerce=int, empty_value=None, required=False)


def _choices(form: forms.Form, name: str, choices: list[tuple[Any, str]]) -> None:
    cast(forms.ChoiceField, form.fields[name]).choices = choices


class NeedsForm(GovukForm):
    submit_label = "Save answers"
    sexual_preoccupation = _item("Sexual preoccupation")
    offence_related_sexual_interests = _item("Offence-related sexual interests")
    emotional_congruence = _item("Emotional congruence with children")
    hostile_orientation = _item("Hostile orientation")
    aggressive_controlling = _item("Aggressive or controlling behaviour")
    coping = _item("Difficulties coping")
    sara_partner = forms.ChoiceField(label="SARA: risk to a partner", choices=SARA_CHOICES, required=False)
    sara_others = forms.ChoiceField(label="SARA: risk to others", choices=SARA_CHOICES, required=False)
    ldc_score = forms.IntegerField(
        label="LDC screening score",
        min_value=0,
        max_value=20,
        required=False,
        help_text="3 or more means adapted delivery",
        error_messages={
            "min_value": "The LDC score must be 0 or more",
            "max_value": "The LDC score must be 20 or less",
            "invalid": "The LDC score must be a whole number",
        },
    )


class ReferralForm(GovukForm):
    submit_label = "Refer"
    requirement = forms.TypedChoiceField(
        label="Requirement", coerce=int, error_messages={"required": "Select the requirement"}
    )
    programme = forms.ChoiceField(error_messages={"required": "Select the programme"})
    notes = forms.CharField(
        label="Why this programme", widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=4000
    )

    def __init__(
        self,
        *args: Any,
        requirements: list[tuple[int, str]],
        programmes: list[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "requirement", [("", "Select a requirement"), *requirements])
        _choices(self, "programme", [("", "Select a programme"), *programmes])


class AssessForm(GovukForm):
    submit_label = "Save assessment"
    suitable = forms.TypedChoiceField(
        label="Is the person suitable?",
        help_text="Consider consent, motivation, responsivity and the time left on the order",
        choices=[("yes", "Suitable"), ("no", "Not suitable")],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the person is suitable"},
    )
    reasons = forms.CharField(
        label="Reasons",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=4000,
        help_text="Required if not suitable",
    )


class CompleteForm(GovukForm):
    submit_label = "Record completion"
    review_on = date_field("Date of the post-programme review")
    notes = forms.CharField(
        label="Review notes", widget=forms.Textarea(attrs={"rows": 4}), required=False, max_length=4000
    )


class TrainingForm(GovukForm):
    submit_label = "Record training"
    staff = forms.TypedChoiceField(
        label="Member of staff", coerce=int, error_messages={"required": "Select the member of staff"}
    )
    programme = forms.ChoiceField(
        choices=[("", "Select a programme"), *PROGRAMME_CHOICES],
        error_messages={"required": "Select the programme"},
    )
    trained_on = date_field("Date trained")

    def __init__(self, *args: Any, staff: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "staff", [("", "Select a member of staff"), *staff])


class GroupForm(GovukForm):
    submit_label = "Create group"
    programme = forms.ChoiceField(error_messages={"required": "Select the programme"})
    reference = forms.CharField(
        label="Group reference", max_length=40, error_messages={"required": "Enter the group reference"}
    )
    starts_on = date_field("Start date", help_text="Sessions are weekly from this day")
    starts_at = time_field("Start time")
    ends_at = time_field("End time")
    venue = forms.CharField(max_length=200, error_messages={"required": "Enter the venue"})
    facilitators = forms.TypedMultipleChoiceField(
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text="Staff trained for the programme; normally two",
        error_messages={"required": "Choose the facilitators"},
    )

    def __init__(
        self,
        *args: Any,
        programmes: list[tuple[str, str]],
        facilitators: list[tuple[int, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "programme", [("", "Select a programme"), *programmes])
        _choices(self, "facilitators", facilitators)


class ParticipantForm(GovukForm):
    submit_label = "Add to group"
    referral = forms.TypedChoiceField(
        label="Person on the waiting list", coerce=int, error_messages={"required": "Select a person"}
    )

    def __init__(self, *args: Any, referrals: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "referral", [("", "Select a person"), *referrals])


class CatchUpForm(GovukForm):
    submit_label = "Book catch-up"
    number = forms.IntegerField(
        label="Catch-up for session number",
        min_value=1,
        max_value=100,
        error_messages={"required": "Enter the session number", "invalid": "Enter a whole number"},
    )
    date = date_field("Date")
    starts_at = time_field("Start time")
    ends_at = time_field("End time")
    venue = forms.CharField(max_length=200, required=False, help_text="Leave blank for the group's venue")
    facilitators = forms.TypedMultipleChoiceField(
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose the facilitators"},
    )
    participants = forms.TypedMultipleChoiceField(
        label="For",
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose who the catch-up is for"},
    )

    def __init__(
        self,
        *args: Any,
        facilitators: list[tuple[int, str]],
        participants: list[tuple[int, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "facilitators", facilitators)
        _choices(self, "participants", participants)
