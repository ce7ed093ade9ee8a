"""The person's answer to the plan: agreed, not agreed or could not answer, with the reason (required
for the last two: the service checks it with the rules, so every problem shows at once)."""

from collections.abc import Iterable
from typing import Any

from crispy_forms_gds.layout import Field
from django import forms

from probation.core.errors import ServiceError
from probation.frontend.forms import GovukForm
from probation.frontend.forms.dates import date_field
from probation.rules.errors import RuleError
from probation.rules.plans.content import ANSWERS, NEEDS_REASON, TEXT_LIMIT, Agreement

ANSWER_CHOICES = [
    (Agreement.AGREED.value, "Yes, they agree"),
    (Agreement.NOT_AGREED.value, "No, they do not agree"),
    (Agreement.COULD_NOT_ANSWER.value, "They could not answer this time"),
]
assert [c[0] for c in ANSWER_CHOICES] == [a.value for a in ANSWERS]


class PlanAnswerForm(GovukForm):
    submit_label = "Save the answer"
    version = forms.IntegerField(widget=forms.HiddenInput)
    answer = forms.ChoiceField(
        label="Does the person agree to the plan?",
        choices=ANSWER_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the person agrees to the plan"},
    )
    reason = forms.CharField(
        label="Why not, or why could they not answer?",
        help_text="Needed if they do not agree or could not answer. Use their own words where you can. "
        "If they could not answer, ask them next time.",
        required=False,
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": f"The reason must be {TEXT_LIMIT:,} characters or fewer"},
    )
    notes = forms.CharField(
        label="Notes (optional)",
        required=False,
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": f"Notes must be {TEXT_LIMIT:,} characters or fewer"},
    )
    answered_on = date_field("Date of the answer", help_text="For example, 27 3 2026")

    def rule_errors(self, data: dict[str, Any]) -> Iterable[ServiceError]:
        answer = data.get("answer")
        if answer and Agreement(answer) in NEEDS_REASON and not data.get("reason", "").strip():
            return [RuleError("Give the reason the person did not agree or could not answer", field="reason")]
        return []

    def layout_fields(self) -> list[object]:
        return [
            Field.radios("answer", legend_size="m"),
            Field.textarea("reason"),
            Field.textarea("notes"),
            Field("answered_on"),
            "version",
        ]
