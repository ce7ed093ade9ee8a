"""The practitioner's forms: the referral (its categories come from the provider's contract), approving
an action plan version, and ending a referral. Shape only; the services check the rest."""

import uuid
from typing import Any, cast

from crispy_forms_gds.layout import Field
from django import forms

from probation.frontend.forms import GovukForm
from probation.frontend.forms.dates import date_field
from probation.rules.referrals.catalogue import COMPLEXITY_LABELS, ContractType
from probation.rules.referrals.progress import END_REASON_LABELS

TEXT = 4000


def _text(label: str, *, required: bool = False, message: str = "", rows: int = 4) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=TEXT,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": message} if message else {},
    )


class ProviderChoiceForm(GovukForm):
    submit_label = "Continue"
    form_method = "get"
    provider = forms.TypedChoiceField(
        label="Which provider are you referring to?",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a provider", "invalid_choice": "Choose a provider"},
    )

    def __init__(self, *args: Any, providers: list[tuple[int, str]] = (), **kwargs: Any) -> None:  # type: ignore[assignment]
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["provider"]).choices = providers

    def layout_fields(self) -> list[object]:
        return [Field.radios("provider", legend_size="m")]


class ReferralForm(GovukForm):
    submit_label = "Send the referral"
    requirement = forms.TypedChoiceField(
        label="Rehabilitation activity requirement",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the rehabilitation activity requirement"},
    )
    categories = forms.MultipleChoiceField(
        label="Service categories",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one service category"},
    )
    maximum_days = forms.IntegerField(
        label="Maximum enforceable days",
        help_text="The RAR days the provider may use; unused days return to the RAR",
        min_value=1,
        max_value=999,
        error_messages={
            "required": "Enter the maximum enforceable days",
            "invalid": "Enter a whole number of days",
        },
    )
    complete_by = date_field("Completion deadline", help_text="For example, 27 3 2027")
    risk_information = _text(
        "Risk information for the provider",
        required=True,
        message="Enter the risk information the provider needs",
        rows=6,
    )
    further_information = _text("Further information for the provider")
    needs = _text("Additional and accessibility needs")
    interpreter_language = forms.CharField(
        label="Interpreter needed: language", required=False, max_length=60
    )
    commitments = _text("Caring or work commitments")
    form_token = forms.CharField(widget=forms.HiddenInput, max_length=40)

    def __init__(
        self,
        *args: Any,
        contract: ContractType,
        requirements: list[tuple[int, str]],
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("initial", {}).setdefault("form_token", uuid.uuid4().hex)
        super().__init__(*args, **kwargs)
        self.contract = contract
        cast(forms.ChoiceField, self.fields["requirement"]).choices = requirements
        cast(forms.ChoiceField, self.fields["categories"]).choices = [
            (c.key, c.name) for c in contract.categories
        ]
        for category in contract.categories:
            self.fields[f"{category.key}-complexity"] = forms.ChoiceField(
                label=f"{category.name}: complexity level",
                choices=[
                    (level.value, f"{COMPLEXITY_LABELS[level]}: {text}")
                    for level, text in category.complexity.items()
                ],
                widget=forms.RadioSelect,
                required=False,
            )
            self.fields[f"{category.key}-outcomes"] = forms.MultipleChoiceField(
                label=f"{category.name}: desired outcomes",
                choices=list(category.outcomes.items()),
                widget=forms.CheckboxSelectMultiple,
                required=False,
            )

    def chosen_categories(self) -> dict[str, tuple[str, list[str]]]:
        data = self.cleaned_data
        return {
            key: (data.get(f"{key}-complexity") or "", list(data.get(f"{key}-outcomes") or []))
            for key in data.get("categories", [])
        }

    def layout_fields(self) -> list[object]:
        per_category: list[object] = []
        for category in self.contract.categories:
            per_category += [
                Field.radios(f"{category.key}-complexity"),
                Field.checkboxes(f"{category.key}-outcomes"),
            ]
        return [
            Field.radios("requirement"),
            Field.checkboxes("categories"),
            *per_category,
            "maximum_days",
            "complete_by",
            "risk_information",
            "further_information",
            "needs",
            "interpreter_language",
            "commitments",
            "form_token",
        ]


class ApproveForm(GovukForm):
    submit_label = "Approve this action plan"
    number = forms.IntegerField(widget=forms.HiddenInput)
    version = forms.IntegerField(widget=forms.HiddenInput)


class FeedbackReadForm(GovukForm):
    submit_label = "Mark feedback as read"


class EndForm(GovukForm):
    submit_label = "End the referral"
    reason = forms.ChoiceField(
        label="Why is the referral ending?",
        choices=[(code.value, f"{label} ({code.value})") for code, label in END_REASON_LABELS.items()],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose why the referral is ending"},
    )
    notes = _text("More about why (needed for 'Other')", rows=3)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def layout_fields(self) -> list[object]:
        return [Field.radios("reason"), "notes", "version"]
