"""Parole forms: shape only (the services apply the rules and give every reason at once)."""

from typing import Any

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout
from django import forms

from probation.core.models import concrete_field
from probation.frontend.forms import GovukForm
from probation.frontend.forms.dates import date_field
from probation.parole.models import ParoleReview, YesNoUnknown
from probation.parole.models.governor import KIND_CHOICES, GovernorRecommendation
from probation.parole.models.reviews import (
    DECISION_CHOICES,
    HEARING_TYPE_CHOICES,
    LONG,
    POM_VIEW_CHOICES,
    RECOMMENDATION_CHOICES,
)
from probation.parole.services.reviews import TEXT_FIELDS

EXAMPLE = "For example, 27 3 2027"

# The PAROM1's sections in order: key → (heading, fields).
SECTIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "sentence": ("Sentence and key dates", ("sentence_details",)),
    "contact": ("Contact with the prisoner", ("contact_with_prisoner",)),
    "rosh_history": ("Risk of serious harm: at sentence and since", ("rosh_history",)),
    "victims": ("Victims", ("victim_impact", "vlo_contacted_on", "victims_in_scheme", "vps")),
    "interventions": ("Interventions", ("interventions",)),
    "sentence_plan": ("Sentence plan", ("sentence_plan",)),
    "mappa": ("MAPPA", ("mappa",)),
    "current_risk": ("Current risk and RoSH analysis", ("current_risk",)),
    "rmp": ("Risk management plan", ("risk_management_plan",)),
    "release_plan": ("Resettlement and supervision plan", ("release_plan",)),
    "recommendation": (
        "Recommendation",
        ("recommendation", "recommendation_reasons", "pom_view", "pom_difference", "next_steps"),
    ),
    "hearing_needs": ("Oral hearing needs", ("hearing_needs",)),
    "sources": ("Sources", ("sources",)),
    "annex": ("Non-disclosable annex", ("annex",)),
}
ROWS = {"pom_difference": 4, "next_steps": 4, "hearing_needs": 4, "sources": 4}


def _text(label: str, name: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=LONG,
        widget=forms.Textarea(attrs={"rows": ROWS.get(name, 8)}),
        error_messages={"max_length": f"{label} must be {LONG:,} characters or fewer"},
    )


def _choice(label: str, choices: list[tuple[str, str]]) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=choices, required=False, widget=forms.RadioSelect)


class Parom1Form(GovukForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    vlo_contacted_on = date_field(
        "Date the victim liaison officer was contacted for this hearing", required=False, help_text=EXAMPLE
    )
    victims_in_scheme = _choice("Are victims in the Victim Contact Scheme?", YesNoUnknown.choices)
    vps = _choice("Will a victim personal statement be made?", YesNoUnknown.choices)
    recommendation = _choice("Your recommendation", RECOMMENDATION_CHOICES)
    pom_view = _choice("Does the prison offender manager agree?", POM_VIEW_CHOICES)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in TEXT_FIELDS:
            label = str(concrete_field(ParoleReview, name).verbose_name)
            self.fields[name] = _text(label[:1].upper() + label[1:], name)
        self.fields["annex"].help_text = (
            "Not disclosed to the prisoner: sent to the Parole Board separately with a non-disclosure "
            "request. Never printed in the report."
        )

    @classmethod
    def initial_from(cls, review: ParoleReview) -> dict[str, Any]:
        names = (*TEXT_FIELDS, "vlo_contacted_on", "victims_in_scheme", "vps", "recommendation", "pom_view")
        return {name: getattr(review, name) for name in names} | {"version": review.version}

    def review_data(self) -> dict[str, Any]:
        """The valid fields, as the service takes them (an invalid one is left as it was)."""
        return {name: value for name, value in self.cleaned_data.items() if name != "version"}

    def _helper(self, fields: tuple[str, ...]) -> FormHelper:
        helper = FormHelper()
        helper.form_tag = False
        helper.disable_csrf = True
        helper.label_size = "s"
        helper.legend_size = "s"
        items: list[object] = []
        for name in fields:
            field = self.fields[name]
            if isinstance(field.widget, forms.Textarea):
                items.append(
                    Field.textarea(
                        name,
                        rows=int(field.widget.attrs.get("rows", 8)),
                        max_characters=LONG,
                        threshold=None,
                        aria_describedby="",
                    )
                )
            elif isinstance(field.widget, forms.RadioSelect):
                items.append(Field.radios(name))
            else:
                items.append(Field(name))
        helper.layout = Layout(*items)
        return helper

    @property
    def helpers(self) -> dict[str, FormHelper]:
        return {key: self._helper(fields) for key, (_, fields) in SECTIONS.items()}


class ReviewRequestForm(GovukForm):
    submit_label = "Record the request"
    custody = forms.TypedChoiceField(
        label="Sentence under review",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the sentence under review"},
    )
    target_on = date_field(
        "Target date of the review", help_text="The PED, tariff expiry or review date. " + EXAMPLE
    )
    author = forms.TypedChoiceField(
        label="Report author (COM)", coerce=int, error_messages={"required": "Choose the report's author"}
    )

    def __init__(
        self, *args: Any, sentences: list[tuple[int, str]], authors: list[tuple[int, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["custody"].choices = sentences  # type: ignore[attr-defined]
        self.fields["author"].choices = [("", "Choose an officer"), *authors]  # type: ignore[attr-defined]

    def layout_fields(self) -> list[object]:
        return [Field.radios("custody"), Field("target_on"), Field.select("author")]


class SignForm(GovukForm):
    submit_label = "Sign the report"
    version = forms.IntegerField(widget=forms.HiddenInput)


class HearingForm(GovukForm):
    submit_label = "Save the hearing"
    hearing_on = date_field("Hearing date", help_text=EXAMPLE)
    hearing_type = forms.ChoiceField(
        label="Type of hearing",
        choices=HEARING_TYPE_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the type of hearing"},
    )
    decision = forms.ChoiceField(
        label="The Parole Board's decision",
        choices=[("", "Not decided yet"), *DECISION_CHOICES],
        widget=forms.RadioSelect,
        required=False,
    )
    decided_on = date_field("Date of the decision", required=False, help_text=EXAMPLE)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def layout_fields(self) -> list[object]:
        return [
            Field("hearing_on"),
            Field.radios("hearing_type"),
            Field.radios("decision"),
            Field("decided_on"),
            "version",
        ]


class GovernorRequestForm(GovukForm):
    submit_label = "Record the request"
    custody = forms.TypedChoiceField(
        label="Sentence",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the sentence"},
    )
    kind = forms.ChoiceField(
        label="What the governor is deciding",
        choices=KIND_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what the report is for"},
    )
    requested_on = date_field("Date the prison asked for the report", help_text=EXAMPLE)
    author = forms.TypedChoiceField(
        label="Author (COM)", coerce=int, error_messages={"required": "Choose the author"}
    )

    def __init__(
        self, *args: Any, sentences: list[tuple[int, str]], authors: list[tuple[int, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["custody"].choices = sentences  # type: ignore[attr-defined]
        self.fields["author"].choices = [("", "Choose an officer"), *authors]  # type: ignore[attr-defined]

    def layout_fields(self) -> list[object]:
        return [Field.radios("custody"), Field.radios("kind"), Field("requested_on"), Field.select("author")]


class GovernorReportForm(GovukForm):
    submit_label = "Save"
    risk_view = forms.CharField(
        label="Your view of the risk",
        required=False,
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    conditions = forms.CharField(
        label="Conditions proposed", required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )
    vlo_consulted_on = date_field(
        "Date the victim liaison officer was consulted", required=False, help_text=EXAMPLE
    )
    recommendation = forms.ChoiceField(
        label="Recommendation",
        choices=GovernorRecommendation.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    reasons = forms.CharField(
        label="Reasons", required=False, max_length=8000, widget=forms.Textarea(attrs={"rows": 6})
    )
    send = forms.BooleanField(label="The report is complete: send it to the governor", required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def layout_fields(self) -> list[object]:
        return [
            "risk_view",
            "conditions",
            Field("vlo_consulted_on"),
            Field.radios("recommendation"),
            "reasons",
            Field.checkbox("send"),
            "version",
        ]
