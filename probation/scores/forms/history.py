"""The criminal history form: shape only; the rules (dates, violent within previous) are the service's.

Yes/no questions offer "Not known" so that an unanswered question stays a missing predictor input
rather than becoming a "no" (predictors.md: never a guessed score).
"""

from typing import Any

from crispy_forms_gds.layout import Field, Fieldset
from django import forms

from probation.core.models import concrete_field
from probation.frontend.forms import GovukForm
from probation.frontend.forms.dates import date_field
from probation.scores.models import CriminalHistory
from probation.scores.services.history import COUNT_FIELDS, DATE_FIELDS, YES_NO_FIELDS

EXAMPLE = "For example, 27 3 2015. Leave blank if not applicable."
YES_NO_CHOICES = [("yes", "Yes"), ("no", "No"), ("", "Not known")]
_TO_BOOL = {"yes": True, "no": False, "": None}
COUNT_HELP = {
    "previous_sanctions": "Convictions, cautions, reprimands and warnings before or outside the events on "
    "this record. Enter 0 if there are none.",
    "previous_violent_sanctions": "How many of those previous sanctions were for violent offences.",
    "contact_adult_sanctions": "Count every sexual sanction, including any on this record.",
}


def _label(name: str) -> str:
    return str(concrete_field(CriminalHistory, name).verbose_name)


class CriminalHistoryForm(GovukForm):
    submit_label = "Save criminal history"
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in COUNT_FIELDS:
            self.fields[name] = forms.IntegerField(
                label=_label(name),
                min_value=0,
                max_value=999,
                help_text=COUNT_HELP.get(name, ""),
                widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
                error_messages={
                    "required": f"Enter the {_label(name).lower()} (0 if none)",
                    "invalid": f"{_label(name)} must be a whole number",
                    "min_value": f"{_label(name)} must be 0 or more",
                    "max_value": f"{_label(name)} must be 999 or fewer",
                },
            )
        for name in DATE_FIELDS:
            self.fields[name] = date_field(_label(name), required=False, help_text=EXAMPLE)
        for name in YES_NO_FIELDS:
            self.fields[name] = forms.ChoiceField(
                label=_label(name), choices=YES_NO_CHOICES, required=False, widget=forms.RadioSelect
            )

    def layout_fields(self) -> list[object]:
        return [
            Fieldset(
                *[Field.text(n) for n in COUNT_FIELDS[:2]], Field("first_sanction_date"), legend="Sanctions"
            ),
            Fieldset(
                *[Field.text(n) for n in COUNT_FIELDS[2:]],
                Field("last_sexual_sanction_date"),
                Field("most_recent_sexual_offence_date"),
                legend="Sexual offending history",
            ),
            Fieldset(*[Field.radios(n, inline=True) for n in YES_NO_FIELDS], legend="Offence analysis"),
            "version",
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name in YES_NO_FIELDS:
            if name in data:
                data[name] = _TO_BOOL.get(data[name])
        return data


def initial_from(history: CriminalHistory | None) -> dict[str, Any]:
    if history is None:
        return dict.fromkeys(COUNT_FIELDS, 0)
    initial: dict[str, Any] = {name: getattr(history, name) for name in (*COUNT_FIELDS, *DATE_FIELDS)}
    for name in YES_NO_FIELDS:
        value = getattr(history, name)
        initial[name] = "" if value is None else ("yes" if value else "no")
    return initial | {"version": history.version}
