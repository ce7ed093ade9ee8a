"""RoSH assessment and risk management plan forms: shape only. The rules (dates, which ratings are
needed, the overall level, the registration) are the service's (probation.risk.services.rosh)."""

from typing import Any

from crispy_forms_gds.layout import Field, Fieldset, Size
from django import forms

from probation.core.errors import ServiceError
from probation.core.models import concrete_field
from probation.frontend.forms import GovukForm
from probation.frontend.forms.dates import date_field
from probation.frontend.forms.messages import enter, select
from probation.people.models.person import RoshLevel
from probation.risk.models.rosh import COMMUNITY_FIELDS, CUSTODY_FIELDS, EVIDENCE_FIELDS, RoshAssessment
from probation.risk.services.rosh import RMP_FIELDS, risk_management_plan_errors, rosh_assessment_errors


def _label(name: str) -> str:
    return str(concrete_field(RoshAssessment, name).verbose_name)


def _rating_field(name: str, *, required: bool) -> forms.ChoiceField:
    label = _label(name)
    choices = RoshLevel.choices if required else [*RoshLevel.choices, ("", "Not assessed")]
    return forms.ChoiceField(
        label=label,
        choices=choices,
        required=required,
        widget=forms.RadioSelect,
        error_messages={
            "required": select(label),
            "invalid_choice": select(label),
        },
    )


def _text(label: str, *, required: bool, help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": enter(label)},
    )


class RoshAssessmentForm(GovukForm):
    submit_label = "Save RoSH assessment"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assessed_on"] = date_field("Assessment date", help_text="For example, 27 3 2026")
        for name in COMMUNITY_FIELDS:
            self.fields[name] = _rating_field(name, required=True)
        for name in CUSTODY_FIELDS:
            self.fields[name] = _rating_field(name, required=False)
        for name in EVIDENCE_FIELDS:
            required = name in ("nature_of_risk", "who_is_at_risk")
            self.fields[name] = _text(_label(name), required=required)

    def rule_errors(self, data: dict[str, Any]) -> tuple[ServiceError, ...]:
        return rosh_assessment_errors(assessed_on=data.get("assessed_on"), ratings=None, evidence=None)

    def layout_fields(self) -> list[object]:
        def radios(name: str) -> Field:
            return Field.radios(name, legend_size=Size.SMALL, inline=True)

        return [
            Field("assessed_on"),
            Fieldset(
                *[radios(n) for n in COMMUNITY_FIELDS],
                legend="Risk in the community",
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                *[radios(n) for n in CUSTODY_FIELDS],
                legend="Risk in custody",
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                *[Field.textarea(n, rows=4) for n in EVIDENCE_FIELDS],
                legend="Evidence",
                legend_size=Size.MEDIUM,
            ),
        ]


RMP_LABELS = {
    "further_considerations": "Further considerations",
    "supervision": "Supervision",
    "monitoring_and_control": "Monitoring and control",
    "interventions_and_treatment": "Interventions and treatment",
    "victim_safety_planning": "Victim safety planning",
    "contingency_plan": "Contingency plan",
}
RMP_OPTIONAL = ("further_considerations", "victim_safety_planning")


class RiskManagementPlanForm(GovukForm):
    submit_label = "Save risk management plan"
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, label in RMP_LABELS.items():
            self.fields[name] = _text(label, required=name not in RMP_OPTIONAL)
        self.fields["next_review_on"] = date_field(
            "Next review date", help_text="Must be in the future. For example, 27 9 2026"
        )
        self.order_fields([*RMP_FIELDS, "version"])

    def rule_errors(self, data: dict[str, Any]) -> tuple[ServiceError, ...]:
        return risk_management_plan_errors(next_review_on=data.get("next_review_on"))

    def layout_fields(self) -> list[object]:
        return [*(Field.textarea(n, rows=4) for n in RMP_LABELS), Field("next_review_on"), "version"]
