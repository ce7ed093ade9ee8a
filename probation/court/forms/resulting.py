"""Forms of resulting a hearing: shape only. The sentence form is sentences' conviction-and-sentence
form (its fields and its rule checks) with room for the proposal's further requirements."""

from typing import Any

from crispy_forms_gds.layout import Field, Fieldset, Size
from django import forms

from probation.core.errors import ServiceError
from probation.court.models import Outcome
from probation.frontend.forms import GovukForm
from probation.sentences.forms.events import EventForm, amount_ordered_field
from probation.sentences.models.choices import REQUIREMENT_TYPE_CHOICES
from probation.sentences.services.events import RequirementInput
from probation.sentences.services.requirements import requirement_shape_errors

VERSION_MAX = 2_000_000_000
# The first requirement is the conviction form's own; a proposal rarely has more than three.
EXTRA_REQUIREMENT_SLOTS = (2, 3)


class ResultForm(GovukForm):
    submit_label = "Save"
    assigned_to = forms.TypedChoiceField(
        label="Assigned to", required=False, coerce=int, empty_value=None, choices=[]
    )
    outcome = forms.ChoiceField(
        label="Outcome",
        required=False,
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        help_text="Leave blank to keep the hearing in progress. A probation sentence is recorded with "
        "its sentence on the next page.",
    )
    notes = forms.CharField(
        label="Notes", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=VERSION_MAX)

    def __init__(self, *args: Any, team: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].choices = [("", "Nobody yet"), *team]  # type: ignore[attr-defined]

    def layout_fields(self) -> list[object]:
        return [Field.select("assigned_to"), Field.radios("outcome"), "notes"]


def _requirement_fields(slot: int) -> dict[str, forms.Field]:
    return {
        f"requirement_{slot}_type": forms.ChoiceField(
            label=f"Requirement {slot}", choices=[("", "None"), *REQUIREMENT_TYPE_CHOICES], required=False
        ),
        f"requirement_{slot}_amount": amount_ordered_field(),
        f"requirement_{slot}_details": forms.CharField(
            label=f"Requirement {slot} details", required=False, widget=forms.Textarea(attrs={"rows": 2})
        ),
    }


class ResultSentenceForm(EventForm):
    submit_label = "Save the probation sentence"
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=VERSION_MAX)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for slot in EXTRA_REQUIREMENT_SLOTS:
            self.fields.update(_requirement_fields(slot))
        self.fields["requirement_type"].label = "Requirement 1"

    @staticmethod
    def requirements(data: dict[str, Any]) -> list[RequirementInput]:
        made = EventForm.requirements(data)
        for slot in EXTRA_REQUIREMENT_SLOTS:
            if data.get(f"requirement_{slot}_type"):
                made.append(
                    RequirementInput(
                        data[f"requirement_{slot}_type"],
                        data.get(f"requirement_{slot}_amount"),
                        data.get(f"requirement_{slot}_details", ""),
                    )
                )
        return made

    def rule_errors(self, data: dict[str, Any]) -> tuple[ServiceError, ...]:
        """The conviction form's checks with the first requirement, then each further requirement's
        own checks beside its own fields."""
        extra = tuple(f"requirement_{slot}_" for slot in EXTRA_REQUIREMENT_SLOTS)
        errors = list(super().rule_errors({k: v for k, v in data.items() if not k.startswith(extra)}))
        for slot in EXTRA_REQUIREMENT_SLOTS:
            chosen = data.get(f"requirement_{slot}_type")
            if not chosen:
                continue
            if not data.get("requirement_type"):
                errors.append(ServiceError("Select requirement 1 first", field="requirement_type"))
            found = requirement_shape_errors(
                chosen,
                data.get(f"requirement_{slot}_amount"),
                data.get(f"requirement_{slot}_details", ""),
                False,
            )
            errors += [
                ServiceError(
                    e.message, field=f"requirement_{slot}_{(e.field or 'type').removeprefix('requirement_')}"
                )
                for e in found
            ]
        return tuple(errors)

    def layout_fields(self) -> list[object]:
        fields = super().layout_fields()
        extra: list[object] = []
        for slot in EXTRA_REQUIREMENT_SLOTS:
            extra += [
                Field.select(f"requirement_{slot}_type"),
                Field.text(f"requirement_{slot}_amount", field_width=4),
                Field.textarea(f"requirement_{slot}_details", rows=2),
            ]
        return [*fields, Fieldset(*extra, legend="Further requirements", legend_size=Size.MEDIUM), "version"]
