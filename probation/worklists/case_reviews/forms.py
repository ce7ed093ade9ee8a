"""The officer's case review and the manager's oversight note: every problem shows at once (the
service's checks run with the form's own, ADR 0028)."""

from collections.abc import Iterable
from typing import Any

from crispy_forms_gds.layout import Field
from django import forms

from probation.core.clock import today_uk
from probation.core.errors import ServiceError
from probation.frontend.forms import GovukForm
from probation.frontend.forms.dates import date_field
from probation.worklists.case_reviews.services import TEXT_LIMIT, review_problems
from probation.worklists.models import OversightOutcome


def _text(label: str, hint: str, required_message: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=hint,
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": required_message,
            "max_length": f"{label} must be {TEXT_LIMIT:,} characters or fewer",
        },
    )


class CaseReviewForm(GovukForm):
    submit_label = "Send the review to your manager"
    version = forms.IntegerField(widget=forms.HiddenInput)
    progress = _text(
        "Progress against the sentence plan",
        "What the person has done towards their goals since the last review.",
        "Enter the progress against the sentence plan",
    )
    compliance = _text(
        "Compliance and engagement",
        "Attendance, failures to comply, warnings and how the person engages.",
        "Enter how the person is complying and engaging",
    )
    risk = _text(
        "Risk: what has changed",
        "Changes in risk of serious harm, risk flags, MAPPA, safeguarding. Say so if nothing has changed.",
        "Enter what has changed about risk",
    )
    plan_review_needed = forms.BooleanField(label="The sentence plan needs reviewing", required=False)
    next_steps = _text(
        "What happens next",
        "Actions, referrals and how often the person will be seen.",
        "Enter what happens next",
    )
    reviewed_on = date_field("Date of the review", help_text="For example, 27 3 2026")

    def rule_errors(self, data: dict[str, Any]) -> Iterable[ServiceError]:
        return review_problems(
            {key: data.get(key, "x") for key in ("progress", "compliance", "risk", "next_steps")}
            | {"reviewed_on": data.get("reviewed_on")},
            today=today_uk(),
            started=None,
        )

    def layout_fields(self) -> list[object]:
        return [
            "version",
            "progress",
            "compliance",
            "risk",
            Field.checkbox("plan_review_needed"),
            "next_steps",
            "reviewed_on",
        ]


class OversightForm(GovukForm):
    submit_label = "Complete the review"
    version = forms.IntegerField(widget=forms.HiddenInput)
    outcome = forms.ChoiceField(
        label="Your oversight",
        choices=OversightOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether you agree or actions are needed"},
    )
    note = _text(
        "Oversight note",
        "What you checked, whether you agree with the officer's review, and any actions with dates.",
        "Enter your oversight note",
    )

    def layout_fields(self) -> list[object]:
        return ["version", Field.radios("outcome", legend_size="m"), "note"]
