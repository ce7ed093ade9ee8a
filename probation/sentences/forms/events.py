"""The conviction-and-sentence form and the offence and termination forms: shape only. Offence
codes, date order and the lengths each sentence type allows are the services' rules and come back
as field errors (offence codes: ``sentences.offences``)."""

from collections.abc import Iterable
from typing import Any

from crispy_forms_gds.layout import Field, Fieldset, Size
from django import forms
from django.urls import reverse_lazy

from probation.core.errors import ServiceError
from probation.frontend.forms import GovukForm
from probation.frontend.forms.dates import date_field
from probation.frontend.forms.messages import enter
from probation.sentences.models.choices import (
    REQUIREMENT_TYPE_CHOICES,
    SENTENCE_KIND_CHOICES,
    SentenceType,
    TerminationReason,
)
from probation.sentences.services.events import (
    OffenceDraft,
    RequirementInput,
    event_create_errors,
)
from probation.sentences.services.sentence_limits import SentenceDraft

EXAMPLE = "For example, 27 3 2026"
ADDITIONAL_SLOTS = 2  # more offences can be added from the sentence page afterwards


def radios(label: str, choices: Iterable[tuple[str, str]], message: str, **kwargs: Any) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=list(choices),
        widget=forms.RadioSelect,
        error_messages={"required": message},
        **kwargs,
    )


def amount_ordered_field() -> forms.IntegerField:
    """A requirement's amount, on the conviction form (its first requirement) and the add form."""
    return forms.IntegerField(
        label="Amount ordered",
        required=False,
        min_value=0,
        max_value=1000,
        help_text="Unpaid work: hours (40 to 300). RAR: maximum days. Accredited programme: sessions. "
        "Curfew: hours a day (2 to 20). Attendance centre: hours (12 to 36). Leave blank for other "
        "requirements.",
        error_messages={
            "invalid": "Amount ordered must be a whole number",
            "min_value": "Amount ordered must be 0 or more",
            "max_value": "Amount ordered must be 1,000 or fewer",
        },
    )


OFFENCE_SEARCH_URL = reverse_lazy("sentences:offence-search")
OFFENCE_TEXT_MAX = 1100  # the longest official description (1,005 characters) and its code


def code_field(label: str, *, required: bool = True) -> forms.CharField:
    """An offence, typed as words of its description or as its code (issue 10 item 7). The services
    resolve the text (sentences.offences.offence_resolve); with JavaScript the box is a type-ahead
    (frontend/static/js/offence-search.js) that fills in the chosen description and code."""
    return forms.CharField(
        label=label,
        max_length=OFFENCE_TEXT_MAX,
        required=required,
        help_text="Type words from the offence or its 5-digit Home Office offence code, for example "
        "shoplifting or 04600",
        error_messages={"required": enter(label)},
        widget=forms.TextInput(
            attrs={
                "data-module": "app-offence-search",
                "data-search-url": OFFENCE_SEARCH_URL,
                "autocomplete": "off",
                "spellcheck": "false",
            }
        ),
    )


MONTHS_MAX = 1200  # 100 years: longer is a typing error (an indeterminate sentence has no length)


def months_field(label: str, help_text: str = "") -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=1,
        max_value=MONTHS_MAX,
        help_text=help_text,
        error_messages={
            "invalid": f"{label} must be a whole number of months",
            "min_value": f"{label} must be at least 1 month",
            "max_value": f"{label} must be {MONTHS_MAX} months or fewer",
        },
    )


class EventForm(GovukForm):
    submit_label = "Save conviction and sentence"
    conviction_date = date_field("Date of conviction", help_text=EXAMPLE)
    court = forms.CharField(
        label="Convicting court", max_length=120, error_messages={"required": "Enter the convicting court"}
    )
    main_code = code_field("Main offence")
    main_date = date_field("Main offence date", help_text=EXAMPLE)
    additional_1_code = code_field("Additional offence 1", required=False)
    additional_1_date = date_field("Additional offence 1 date", required=False, help_text=EXAMPLE)
    additional_2_code = code_field("Additional offence 2", required=False)
    additional_2_date = date_field("Additional offence 2 date", required=False, help_text=EXAMPLE)
    sentence_type = radios("Type of sentence", SentenceType.choices, "Select the type of sentence")
    sentence_date = date_field("Date of sentence", help_text=EXAMPLE)
    start_date = date_field("Start date", help_text="Usually the date of sentence. " + EXAMPLE)
    length_months = months_field(
        "Length (months)",
        "Community order: its length. Suspended sentence order or post-sentence supervision: the "
        "supervision period. Leave blank for a custodial sentence.",
    )
    custodial_months = months_field(
        "Custodial term (months)", "Suspended sentence order or custodial sentence only."
    )
    kind = radios(
        "Kind of custodial sentence",
        SENTENCE_KIND_CHOICES,
        "Select the kind of custodial sentence",
        initial="standard_determinate",
        help_text="Custodial sentences only; leave as standard determinate for other sentences.",
    )

    requirement_type = forms.ChoiceField(
        label="First requirement",
        choices=[("", "None (not a community or suspended sentence order)"), *REQUIREMENT_TYPE_CHOICES],
        required=False,
        help_text="A community order, or a suspended sentence order with a supervision period, has at "
        "least one. Add any others from the sentence page afterwards.",
    )
    requirement_amount = amount_ordered_field()
    requirement_details = forms.CharField(
        label="Requirement details",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The court's wording: curfew address and times, exclusion place and period, residence, "
        "prohibited activity, programme or treatment provider.",
    )

    @staticmethod
    def requirements(data: dict[str, Any]) -> list[RequirementInput]:
        """The requirement made with the sentence, if one was chosen."""
        if not data.get("requirement_type"):
            return []
        return [
            RequirementInput(
                data["requirement_type"], data.get("requirement_amount"), data.get("requirement_details", "")
            )
        ]

    def rule_errors(self, data: dict[str, Any]) -> tuple[ServiceError, ...]:
        """The service's rules on what the form could read, so every problem shows at once."""
        additional = [  # every slot, so a message names the slot it is about; an empty one is skipped
            OffenceDraft(data.get(f"additional_{slot}_code") or None, data.get(f"additional_{slot}_date"))
            for slot in range(1, ADDITIONAL_SLOTS + 1)
        ]
        return event_create_errors(
            conviction_date=data.get("conviction_date"),
            court=data.get("court"),
            main_offence=OffenceDraft(data.get("main_code"), data.get("main_date")),
            additional_offences=additional,
            sentence=SentenceDraft(
                type=data.get("sentence_type"),
                sentence_date=data.get("sentence_date"),
                start_date=data.get("start_date"),
                length_months=data.get("length_months"),
                custodial_months=data.get("custodial_months"),
                kind=data.get("kind"),
                lengths_read=("length_months" in data, "custodial_months" in data),
            ),
            requirements=self.requirements(data) if "requirement_type" in data else None,
        )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        for slot in range(1, ADDITIONAL_SLOTS + 1):
            code, date = data.get(f"additional_{slot}_code"), data.get(f"additional_{slot}_date")
            if code and not date and f"additional_{slot}_date" not in self.errors:
                self.add_error(f"additional_{slot}_date", f"Enter the additional offence {slot} date")
            if date and not code:
                self.add_error(f"additional_{slot}_code", f"Enter the additional offence {slot} code")
        return data

    def layout_fields(self) -> list[object]:
        additional = []
        for slot in range(1, ADDITIONAL_SLOTS + 1):
            additional += [
                Field.text(f"additional_{slot}_code"),
                Field(f"additional_{slot}_date"),
            ]
        return [
            Fieldset(
                Field("conviction_date"), Field.text("court"), legend="Conviction", legend_size=Size.MEDIUM
            ),
            Fieldset(
                Field.text("main_code"),
                Field("main_date"),
                legend="Main offence",
                legend_size=Size.MEDIUM,
            ),
            Fieldset(*additional, legend="Additional offences (optional)", legend_size=Size.MEDIUM),
            Fieldset(
                Field.radios("sentence_type"),
                Field("sentence_date"),
                Field("start_date"),
                Field.text("length_months", field_width=4),
                Field.text("custodial_months", field_width=4),
                Field.radios("kind"),
                legend="Sentence",
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.select("requirement_type"),
                Field.text("requirement_amount", field_width=4),
                Field.textarea("requirement_details", rows=3),
                legend="Requirements",
                legend_size=Size.MEDIUM,
            ),
        ]


class OffenceForm(GovukForm):
    submit_label = "Add offence"
    code = code_field("Offence")
    date = date_field("Offence date", help_text=EXAMPLE)
    counts = forms.IntegerField(
        label="Number of counts",
        initial=1,
        min_value=1,
        max_value=999,
        error_messages={
            "required": "Enter the number of counts",
            "invalid": "Number of counts must be a whole number",
            "min_value": "Number of counts must be at least 1",
            "max_value": "Number of counts must be 999 or fewer",
        },
    )

    def layout_fields(self) -> list[object]:
        return [Field.text("code"), Field("date"), Field.text("counts", field_width=3)]


class SentenceTerminateForm(GovukForm):
    submit_label = "Terminate sentence"
    terminated_on = date_field("Termination date", help_text=EXAMPLE)
    reason = radios("Reason", TerminationReason.choices, "Select the reason the sentence ended")
    version = forms.IntegerField(widget=forms.HiddenInput)

    def layout_fields(self) -> list[object]:
        return [Field("terminated_on"), Field.radios("reason"), "version"]
