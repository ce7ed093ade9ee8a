"""Contact and appointment forms: shape only. Cross-object rules (links belong to the person, the
date within the sentence, clashes, past/future, allowed outcomes, credit) are the services' and come
back as field errors."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

from crispy_forms_gds.layout import Field
from django import forms

from probation.accounts.models import Staff
from probation.contacts.presenters import condition_label, requirement_label, sentence_label
from probation.contacts.selectors import NEEDS_OUTCOME, NO_OUTCOME
from probation.frontend.forms import GovukForm
from probation.frontend.forms.dates import date_field
from probation.rules.contacts.outcome_groups import HINTS, grouped_outcomes
from probation.rules.contacts.outcomes import (
    CONTACT_TYPES,
    OUTCOMES,
    OutcomeCode,
    counts_as_failure_to_comply,
)
from probation.sentences.models import LicenceCondition, Requirement, Sentence

EXAMPLE = "For example, 14 4 2026"
TIME_FORMATS = ["%H:%M", "%H.%M", "%I:%M%p", "%I.%M%p", "%I%p", "%I:%M %p", "%I %p"]
TYPE_CHOICES = [(code.value, t.description) for code, t in CONTACT_TYPES.items()]
APPOINTMENT_TYPE_CHOICES = [(code.value, t.description) for code, t in CONTACT_TYPES.items() if t.attendance]
NOT_LINKED = ("", "Not linked")


def time_field(label: str, *, required: bool = True) -> forms.TimeField:
    return forms.TimeField(
        label=label,
        required=required,
        input_formats=TIME_FORMATS,
        help_text="Use the 24-hour clock or am/pm, for example 14:30 or 2:30pm",
        error_messages={
            "required": f"Enter the {label.lower()}",
            "invalid": f"{label} must be a real time, like 14:30",
        },
    )


def _choice(
    label: str, choices: Iterable[tuple[str, str]], *, required: bool = True, message: str = ""
) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=list(choices),
        coerce=int,
        empty_value=None,
        required=required,
        error_messages={
            "required": message or f"Select the {label.lower()}",
            "invalid_choice": f"Select a valid {label.lower()}",
        },
    )


class ContactFilterForm(forms.Form):
    """The contact log's filters (GET). Invalid values are dropped rather than refused."""

    type = forms.ChoiceField(label="Type", choices=[("", "All types"), *TYPE_CHOICES], required=False)
    date_from = forms.DateField(label="From", required=False, input_formats=["%Y-%m-%d", "%d/%m/%Y"])
    date_to = forms.DateField(label="To", required=False, input_formats=["%Y-%m-%d", "%d/%m/%Y"])
    outcome = forms.ChoiceField(
        label="Outcome",
        choices=[("", "Any outcome"), (NO_OUTCOME, "No outcome"), (NEEDS_OUTCOME, "Needs an outcome")]
        + [(code.value, f"{code.value} – {o.description}") for code, o in OUTCOMES.items()],
        required=False,
    )
    sentence = forms.TypedChoiceField(label="Sentence", coerce=int, empty_value=None, required=False)

    def __init__(self, *args: Any, sentences: Iterable[Sentence] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["sentence"]).choices = [
            ("", "All sentences"),
            *((str(s.pk), sentence_label(s)) for s in sentences),
        ]


class ContactForm(GovukForm):
    """Record a contact that has happened."""

    submit_label = "Save contact"
    type = forms.ChoiceField(
        label="Type of contact",
        choices=[("", "Select a type"), *TYPE_CHOICES],
        error_messages={"required": "Select the type of contact"},
    )
    date = date_field("Date", help_text=EXAMPLE)
    start_time = time_field("Start time")
    end_time = time_field("End time", required=False)
    officer = _choice("Officer", [])
    location = forms.CharField(label="Location", max_length=120, required=False)
    sentence = _choice("Sentence", [], required=False)
    requirement = _choice("Requirement", [], required=False)
    licence_condition = _choice("Licence condition", [], required=False)
    notes = forms.CharField(label="Notes", widget=forms.Textarea(attrs={"rows": 6}), required=False)
    sensitive = forms.BooleanField(
        label="These notes are sensitive",
        help_text="Only staff allowed to read sensitive notes will see them.",
        required=False,
    )

    def __init__(
        self,
        *args: Any,
        officers: Iterable[Staff] = (),
        sentences: Iterable[Sentence] = (),
        requirements: Iterable[Requirement] = (),
        conditions: Iterable[LicenceCondition] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["officer"]).choices = [
            ("", "Select an officer"),
            *((str(s.pk), f"{s.name} ({s.team.name})") for s in officers),
        ]
        cast(forms.ChoiceField, self.fields["sentence"]).choices = [
            NOT_LINKED,
            *((str(s.pk), sentence_label(s)) for s in sentences),
        ]
        cast(forms.ChoiceField, self.fields["requirement"]).choices = [
            NOT_LINKED,
            *((str(r.pk), requirement_label(r)) for r in requirements),
        ]
        cast(forms.ChoiceField, self.fields["licence_condition"]).choices = [
            NOT_LINKED,
            *((str(c.pk), condition_label(c)) for c in conditions),
        ]

    def layout_fields(self) -> list[object]:
        return [
            Field("type"),
            Field("date"),
            Field.text("start_time", field_width=5),
            Field.text("end_time", field_width=5),
            Field("officer"),
            Field.text("location"),
            Field("sentence"),
            Field("requirement"),
            Field("licence_condition"),
            Field.textarea("notes"),
            Field.checkbox("sensitive"),
        ]


class AppointmentForm(ContactForm):
    submit_label = "Book appointment"
    type = forms.ChoiceField(
        label="Type of appointment",
        choices=[("", "Select a type"), *APPOINTMENT_TYPE_CHOICES],
        error_messages={"required": "Select the type of appointment"},
    )
    end_time = time_field("End time")
    reminder = forms.ChoiceField(
        label="Send the person a reminder?",
        choices=[("", "No reminder"), ("sms", "Text message"), ("email", "Email")],
        widget=forms.RadioSelect,
        required=False,
    )

    def layout_fields(self) -> list[object]:
        return [*super().layout_fields(), Field.radios("reminder")]


class RescheduleForm(GovukForm):
    submit_label = "Reschedule appointment"
    date = date_field("New date", help_text=EXAMPLE)
    start_time = time_field("Start time")
    end_time = time_field("End time")
    requested_by = forms.ChoiceField(
        label="Who asked to reschedule?",
        choices=[("person", "The person on probation"), ("service", "The probation service")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select who asked to reschedule"},
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def layout_fields(self) -> list[object]:
        return [
            Field("date"),
            Field.text("start_time", field_width=5),
            Field.text("end_time", field_width=5),
            Field.radios("requested_by"),
            "version",
        ]


class CancelForm(GovukForm):
    submit_label = "Cancel appointment"
    reason = forms.CharField(
        label="Reason for cancelling",
        max_length=200,
        error_messages={"required": "Enter the reason for cancelling"},
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def layout_fields(self) -> list[object]:
        return [Field.text("reason"), "version"]


@dataclass(frozen=True)
class OutcomeChoice:
    value: str
    label: str
    hint: str
    position: int  # 1, 2, ... across the groups: the radio's id (the error summary links to the first)


@dataclass(frozen=True)
class OutcomeChoiceGroup:
    key: str
    heading: str
    items: list[OutcomeChoice]


FAILURE_HINT = " This counts as a failure to comply."


def outcome_choice_groups(
    allowed: Iterable[OutcomeCode], *, type_code: str, carries_out_requirement: bool
) -> list[OutcomeChoiceGroup]:
    """The allowed outcomes in their groups, each with its hint, saying which would be a failure to
    comply for this contact (the one rule, counts_as_failure_to_comply)."""
    groups, position = [], 0
    for group in grouped_outcomes(allowed):
        items = []
        for code in group.codes:
            position += 1
            fails = bool(type_code) and counts_as_failure_to_comply(
                type_code, code, carries_out_requirement=carries_out_requirement
            )
            hint = HINTS[code] + (FAILURE_HINT if fails else "")
            items.append(
                OutcomeChoice(code.value, f"{OUTCOMES[code].description} ({code.value})", hint, position)
            )
        groups.append(OutcomeChoiceGroup(group.group.value, group.heading, items))
    return groups


class OutcomeForm(GovukForm):
    """Offers only the outcomes the contact type allows (rescheduling has its own page), grouped
    (attended, did not attend, acceptable absence...) with a plain-English hint for each."""

    submit_label = "Save outcome"
    outcome = forms.ChoiceField(
        label="What was the outcome?",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the outcome",
            "invalid_choice": "Select an outcome allowed for this appointment",
        },
    )
    hours = forms.IntegerField(
        label="Hours worked (unpaid work only)",
        min_value=1,
        max_value=24,
        required=False,
        error_messages={
            "min_value": "Hours worked must be at least 1",
            "max_value": "Hours worked must be 24 or fewer",
        },
    )
    notes = forms.CharField(label="Outcome notes", widget=forms.Textarea(attrs={"rows": 4}), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(
        self,
        *args: Any,
        allowed: Iterable[OutcomeCode] = (),
        show_hours: bool = False,
        type_code: str = "",
        carries_out_requirement: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        groups = outcome_choice_groups(
            allowed, type_code=type_code, carries_out_requirement=carries_out_requirement
        )
        field = cast(forms.ChoiceField, self.fields["outcome"])
        field.choices = [(item.value, item.label) for group in groups for item in group.items]
        field.groups = groups  # type: ignore[attr-defined]  # read by contacts/fields/grouped_radios.html
        self.show_hours = show_hours
        if not show_hours:
            del self.fields["hours"]

    def layout_fields(self) -> list[object]:
        hours = [Field.text("hours", field_width=3)] if self.show_hours else []
        return [
            Field("outcome", template="contacts/fields/grouped_radios.html"),
            *hours,
            Field.textarea("notes"),
            "version",
        ]
