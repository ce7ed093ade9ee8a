"""Assessment forms: shape only. Which answers a question accepts comes from the tiering rules
(via ``probation.assessments.questions``); the rules about drafts and locking are the service's."""

from typing import Any

from crispy_forms_gds.layout import Field
from django import forms

from probation.assessments.questions import Section
from probation.frontend.forms import GovukForm


class AssessmentStartForm(GovukForm):
    """When there is a completed assessment, ask whether to start from its answers."""

    submit_label = "Start assessment"
    copy_latest = forms.TypedChoiceField(
        label="How do you want to start?",
        choices=[
            ("yes", "Start from the answers of the last completed assessment"),
            ("no", "Start a blank assessment"),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Select how you want to start the assessment"},
    )

    def __init__(self, *args: Any, can_copy: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not can_copy:
            del self.fields["copy_latest"]

    def layout_fields(self) -> list[object]:
        return [Field.radios(name) for name in self.fields]


class AssessmentSectionForm(GovukForm):
    """One radios question per question of the section; every question may be left unanswered."""

    submit_label = "Save and return to the assessment"
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, section: Section, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.section = section
        for question in section.questions:
            self.fields[question.name] = forms.ChoiceField(
                label=question.label,
                help_text=question.hint,
                choices=question.choices,
                widget=forms.RadioSelect,
                required=False,
                error_messages={"invalid_choice": f"Select an answer for: {question.label}"},
            )

    def answers(self) -> dict[str, str | None]:
        return {q.name: self.cleaned_data.get(q.name) or None for q in self.section.questions}

    def layout_fields(self) -> list[object]:
        return [*(Field.radios(q.name, legend_size="s") for q in self.section.questions), "version"]


class AssessmentCompleteForm(GovukForm):
    submit_label = "Complete assessment"
    version = forms.IntegerField(widget=forms.HiddenInput)
