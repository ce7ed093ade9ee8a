"""Recall forms: shape only. Conditions of this licence, the allowed recall types and the dates are
the service's rules; the decision form offers only the types the rules allow for this case."""

from collections.abc import Iterable, Mapping
from typing import Any, cast

from crispy_forms_gds.layout import Field
from django import forms

from probation.enforcement.forms.breach import EXAMPLE, text_area
from probation.enforcement.presenters.recall import (
    ALTERNATIVE_LABELS,
    RECALL_TYPE_HINTS,
    RECALL_TYPE_LABELS,
)
from probation.frontend.forms import GovukForm
from probation.frontend.forms.dates import date_field
from probation.frontend.forms.messages import enter
from probation.rules.enforcement.recall import AlternativeTried, RecallType
from probation.sentences.models import LicenceCondition

YES_NO = [("yes", "Yes"), ("no", "No")]
RECALL_OR_NOT = [("recall", "Recall"), ("no_recall", "Do not recall")]
NOT_RECOMMENDING_A_TYPE = ("", "No recall type (recommending no recall)")


def yes_no(label: str, message: str, help_text: str = "") -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        help_text=help_text,
        error_messages={"required": message},
    )


class RecallStartForm(GovukForm):
    submit_label = "Start"
    circumstances = text_area("What happened", rows=6, message="Enter what happened")
    emergency = yes_no(
        "Is this an emergency recall?",
        "Select whether this is an emergency recall",
        help_text="An emergency recall is an urgent standard recall.",
    )

    def layout_fields(self) -> list[object]:
        return [Field.textarea("circumstances"), Field.radios("emergency")]


class RecallRecommendForm(GovukForm):
    submit_label = "Send for decision"
    breached_conditions = forms.TypedMultipleChoiceField(
        label="Licence conditions breached",
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select the licence conditions that were breached"},
    )
    alternatives = forms.MultipleChoiceField(
        label="Alternatives to recall already tried",
        choices=[(a.value, ALTERNATIVE_LABELS[a]) for a in AlternativeTried],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    alternatives_notes = text_area("About the alternatives tried", required=False, rows=3)
    charged_with_new_offence = yes_no(
        "Has the person been charged with a new offence?", "Select whether the person has been charged"
    )
    referred_to_parole_board = yes_no(
        "Has the case been referred to the Parole Board?", "Select whether the case was referred"
    )
    victims_in_contact_scheme = yes_no(
        "Are there victims in the victim contact scheme?", "Select whether there are victims in the scheme"
    )
    recommendation = forms.ChoiceField(
        label="Your recommendation",
        choices=RECALL_OR_NOT,
        widget=forms.RadioSelect,
        error_messages={"required": "Select your recommendation"},
    )
    recommended_type = forms.ChoiceField(
        label="Type of recall you recommend",
        choices=[*((t.value, RECALL_TYPE_LABELS[t]) for t in RecallType), NOT_RECOMMENDING_A_TYPE],
        widget=forms.RadioSelect,
        required=False,
    )
    reason = text_area(
        "Reasons for your recommendation", rows=6, message="Enter the reasons for your recommendation"
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, conditions: Iterable[LicenceCondition] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["breached_conditions"]).choices = [
            (c.pk, c.text) for c in conditions
        ]

    def layout_fields(self) -> list[object]:
        return [
            Field.checkboxes("breached_conditions"),
            Field.checkboxes("alternatives"),
            Field.textarea("alternatives_notes"),
            Field.radios("charged_with_new_offence"),
            Field.radios("referred_to_parole_board"),
            Field.radios("victims_in_contact_scheme"),
            Field.radios("recommendation"),
            Field.radios("recommended_type"),
            Field.textarea("reason"),
            "version",
        ]


class RecallDecisionForm(GovukForm):
    submit_label = "Record decision"
    decision = forms.ChoiceField(
        label="Decision",
        choices=RECALL_OR_NOT,
        widget=forms.RadioSelect,
        error_messages={"required": "Select recall or no recall"},
    )
    recall_type = forms.ChoiceField(label="Type of recall", widget=forms.RadioSelect, required=False)
    rationale = text_area(
        "Rationale for the decision", rows=6, message="Give the rationale for the recall decision"
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(
        self,
        *args: Any,
        allowed: Iterable[RecallType] = (),
        hints: Mapping[RecallType, str] | None = None,
        **kwargs: Any,
    ) -> None:
        """``allowed``: the types the rule in force on the decision date allows this case; ``hints``: what
        each means under that rule (the fixed-term hint names its days)."""
        super().__init__(*args, **kwargs)
        allowed = set(allowed)
        hints = {**RECALL_TYPE_HINTS, **(hints or {})}
        field = cast(forms.ChoiceField, self.fields["recall_type"])
        field.choices = [(t.value, RECALL_TYPE_LABELS[t]) for t in RecallType if t in allowed]
        field.help_text = " ".join(
            f"{RECALL_TYPE_LABELS[t]}: {hints[t][:1].lower() + hints[t][1:]}."
            for t in RecallType
            if t in allowed
        )

    def layout_fields(self) -> list[object]:
        return [Field.radios("decision"), Field.radios("recall_type"), Field.textarea("rationale"), "version"]


class RecallDateForm(GovukForm):
    """One date for the custody steps: returned to custody, re-released, licence ended."""

    submit_label = "Save"
    on = date_field("Date", help_text=EXAMPLE)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, label: str = "Date", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["on"]
        field.label = label
        field.error_messages.update(
            {
                "required": enter(label),
                "incomplete": f"{label} must include a day, month and year",
                "invalid": f"{label} must be a real date",
            }
        )

    def layout_fields(self) -> list[object]:
        return [Field("on"), "version"]
