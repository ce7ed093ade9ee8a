"""The provider's forms (shape only; the services check the rest). Each carries the referral's version
so a second post of the same form, or a colleague's in another window, is refused."""

from typing import Any

from crispy_forms_gds.layout import Field
from django import forms

from probation.frontend.forms import GovukForm
from probation.frontend.forms.dates import date_field
from probation.referrals.forms.referral import _text
from probation.rules.referrals.progress import ABSENCE_LABELS, ACHIEVEMENT_LABELS, ATTENDED_LABELS


class AssessmentForm(GovukForm):
    submit_label = "Save the assessment"
    assessed_on = date_field("Date of the initial assessment appointment", help_text="For example, 27 3 2027")
    notes = _text("Notes")
    version = forms.IntegerField(widget=forms.HiddenInput)


class ActionPlanForm(GovukForm):
    submit_label = "Submit the action plan for approval"
    activities = _text("Activities", required=True, message="Enter the activities", rows=6)
    sessions_planned = forms.IntegerField(
        label="Number of sessions",
        min_value=1,
        max_value=200,
        error_messages={
            "required": "Enter the number of sessions",
            "invalid": "Enter a whole number of sessions",
        },
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class SessionForm(GovukForm):
    submit_label = "Save the session"
    happened_on = date_field("Date of the session", help_text="For example, 27 3 2027")
    delivery = forms.ChoiceField(
        label="How was the session delivered?",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how the session was delivered"},
    )
    attended = forms.ChoiceField(
        label="Did the person attend?",
        choices=list(ATTENDED_LABELS.items()),
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether the person attended"},
    )
    absence = forms.ChoiceField(
        label="If they did not attend, why not?",
        choices=list(ABSENCE_LABELS.items()),
        widget=forms.RadioSelect,
        required=False,
    )
    summary = _text("What happened in the session")
    behaviour = _text("The person's behaviour")
    concerns = _text("Any concerns")
    notify_practitioner = forms.BooleanField(
        label="Tell the probation practitioner about this session", required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, deliveries: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["delivery"].choices = list(deliveries.items())  # type: ignore[attr-defined]

    def layout_fields(self) -> list[object]:
        return [
            "happened_on",
            Field.radios("delivery"),
            Field.radios("attended"),
            Field.radios("absence"),
            "summary",
            "behaviour",
            "concerns",
            "notify_practitioner",
            "version",
        ]


class ReportForm(GovukForm):
    submit_label = "Submit the end-of-service report"
    progress = _text("Progress made", required=True, message="Describe the progress made", rows=6)
    further_work = _text("Further work needed")
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, outcomes: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.outcome_keys = [key for key, _ in outcomes]
        for key, text in outcomes:
            self.fields[f"outcome-{key}"] = forms.ChoiceField(
                label=text,
                choices=list(ACHIEVEMENT_LABELS.items()),
                widget=forms.RadioSelect,
                error_messages={"required": f"Say whether '{text}' was achieved"},
            )

    def answers(self) -> dict[str, str]:
        return {key: self.cleaned_data.get(f"outcome-{key}", "") for key in self.outcome_keys}

    def layout_fields(self) -> list[object]:
        return [
            *(Field.radios(f"outcome-{key}") for key in self.outcome_keys),
            "progress",
            "further_work",
            "version",
        ]
