"""The report editor's form: shape only (lengths, numbers, choices). The proposal rules (limits,
preconditions, the law on the hearing date) are the service's, run through ``rule_errors`` so every
problem shows at once.

The form renders in pieces (one crispy helper per report section, ``helpers``) so the page can put
each section under its own heading with what the record knows beside it.
"""

import datetime as dt
from collections.abc import Iterable
from typing import Any, cast

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fixed, Layout
from django import forms

from probation.frontend.forms import GovukForm
from probation.reports.models import LONG_FIELD_LIMIT, PROPOSAL_LIMIT, CustodyPosition, Report, ReportSource
from probation.rules.court_reports.proposal import (
    PRECONDITION_LABELS,
    Precondition,
    proposal_check,
    proposal_from_dict,
    sentences_allowed,
)
from probation.rules.errors import RuleError
from probation.rules.sentences.requirements import REQUIREMENT_RULES, RequirementType
from probation.sentences.law import law_settings

# Requirements whose quantity the proposal gives (those with a measure in the sentences rules).
MEASURED = tuple(t for t in RequirementType if REQUIREMENT_RULES[t].measure is not None)


def amount_field_name(requirement: RequirementType) -> str:
    return f"amount_{requirement.value}"


def _long(label: str, limit: int = LONG_FIELD_LIMIT, rows: int = 10, hint: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=limit,
        help_text=hint,
        strip=False,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"max_length": f"{label} must be {limit:,} characters or fewer"},
    )


def _months(label: str, hint: str = "") -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        max_value=999,
        help_text=hint,
        error_messages={
            "invalid": f"{label} must be a whole number of months",
            "min_value": f"{label} must be 0 or more",
            "max_value": f"{label} must be 999 or fewer",
        },
    )


# Section key -> (heading, the fields under it). The page numbers the headings as the MoJ template does.
SECTIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "sources": ("Sources of information", ("sources", "sources_other")),
    "offence": ("Offence analysis", ("offence_analysis",)),
    "pattern": ("Pattern of offending and response to supervision", ("no_previous", "pattern_of_offending")),
    "circumstances": ("Circumstances and needs", ("circumstances",)),
    "risk": ("Risk", ("risk_assessment",)),
    "proposal": (
        "Proposal",
        (
            "proposal",
            "sentence_type",
            "length_months",
            "custodial_months",
            "requirements",
            *(amount_field_name(t) for t in MEASURED),
            "preconditions",
            "rationale",
            "alternatives_rejected",
        ),
    ),
    "custody": ("Custody", ("custody_position", "impact_of_custody")),
}


class ReportForm(GovukForm):
    submit_label = "Save draft"

    version = forms.IntegerField(widget=forms.HiddenInput)
    sources = forms.MultipleChoiceField(
        label="Sources of information",
        required=False,
        choices=ReportSource.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply. At least one is needed before the report is signed.",
    )
    sources_other = forms.CharField(
        label="Other sources",
        required=False,
        max_length=500,
        help_text="Needed when you select “Other”.",
    )
    offence_analysis = _long(
        "Offence analysis",
        rows=12,
        hint="Context, not a copy of the CPS summary: plea, culpability, harm to the victim and whether "
        "they understand it, their account, maturity.",
    )
    no_previous = forms.BooleanField(label="No previous offences or supervision", required=False)
    pattern_of_offending = _long(
        "Pattern of offending and response to supervision",
        hint="Escalation, gaps, triggers and compliance on previous orders.",
    )
    circumstances = _long(
        "Circumstances and needs",
        rows=12,
        hint="Accommodation, caring, education and work, finance, relationships, substance use, health, "
        "thinking and behaviour, trauma, protective factors, motivation.",
    )
    risk_assessment = _long(
        "Risk of serious harm and reoffending",
        rows=12,
        hint="Harm predictors first. Then who is at risk, of what and how soon; risk to self.",
    )
    proposal = _long(
        "Proposed sentence",
        limit=PROPOSAL_LIMIT,
        rows=6,
        hint="In proportion to seriousness: for a community sentence, its length and each requirement's "
        "quantity.",
    )
    sentence_type = forms.ChoiceField(label="Sentence proposed", required=False, widget=forms.RadioSelect)
    length_months = _months("Length or operational period (months)", hint="Community order or SSO.")
    custodial_months = _months("Custodial term (months)", hint="Custody or SSO.")
    requirements = forms.MultipleChoiceField(
        label="Requirements proposed",
        required=False,
        choices=[(t.value, REQUIREMENT_RULES[t].label) for t in RequirementType],
        widget=forms.CheckboxSelectMultiple,
    )
    preconditions = forms.MultipleChoiceField(
        label="Assessments and consent recorded",
        required=False,
        choices=[(p.value, PRECONDITION_LABELS[p]) for p in Precondition],
        widget=forms.CheckboxSelectMultiple,
        help_text="A drug, alcohol or mental health treatment requirement needs the person's willingness; "
        "a DRR also probation's recommendation.",
    )
    rationale = _long("Rationale", hint="The needs, risks, reconviction and harm the proposal addresses.")
    alternatives_rejected = _long("Alternatives considered and rejected", rows=6)
    custody_position = forms.ChoiceField(
        label="Custody position",
        required=False,
        choices=CustodyPosition.choices,
        widget=forms.RadioSelect,
    )
    impact_of_custody = _long(
        "Impact of custody",
        hint="Needed when custody is possible or expected: family, dependants, vulnerabilities and risk.",
    )

    def __init__(self, *args: Any, hearing_date: dt.date, age: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.hearing_date, self.age = hearing_date, age
        self.law = law_settings()
        options = sentences_allowed(hearing_date, settings=self.law)
        cast(forms.ChoiceField, self.fields["sentence_type"]).choices = [
            (o.type.value, o.label) for o in options
        ]
        self.sentence_hints = {o.type.value: o.hint for o in options}
        for requirement in MEASURED:
            rule = REQUIREMENT_RULES[requirement]
            self.fields[amount_field_name(requirement)] = forms.IntegerField(
                label=f"{rule.label}: {rule.measure}",
                required=False,
                min_value=0,
                max_value=9999,
                error_messages={"invalid": f"{rule.label} must be a whole number of {rule.measure}"},
            )

    def rule_errors(self, data: dict[str, Any]) -> Iterable[RuleError]:
        """The proposal rules on the proposal as entered (issue 10 item 8: every error at once). The
        service checks again on saving."""
        proposed = self._proposed_sentence(data)
        if not proposed:
            return ()
        try:
            proposal = proposal_from_dict(proposed)
        except RuleError as error:
            return (error,)
        if proposal is None:
            return ()
        return proposal_check(
            proposal,
            hearing_date=self.hearing_date,
            age=self.age,
            recorded=data.get("preconditions") or (),
            custody_position=data.get("custody_position") or "",
            settings=self.law,
        ).errors

    def add_rule_errors(self, errors: Iterable[RuleError]) -> None:
        """As every form, except that each refused requirement shows by the requirements question
        (the rules name its place, "requirements.1")."""
        for error in errors:
            if (error.field or "").startswith("requirements"):
                self.add_error("requirements", error.message)
            else:
                super().add_rule_errors([error])

    @staticmethod
    def _proposed_sentence(data: dict[str, Any]) -> dict[str, Any] | None:
        """The structured proposal from the form's inputs; None when one of them is not valid."""
        inputs = {"sentence_type", "length_months", "custodial_months", "requirements"}
        inputs |= {amount_field_name(t) for t in MEASURED}
        if not inputs <= set(data):
            return None
        if not data["sentence_type"]:
            return {}
        return {
            "sentence_type": data["sentence_type"],
            "length_months": data["length_months"],
            "custodial_months": data["custodial_months"],
            "requirements": [
                {"type": value, "amount": data.get(f"amount_{value}")}
                for value in data.get("requirements") or []
            ],
        }

    @classmethod
    def initial_from(cls, report: Report) -> dict[str, Any]:
        proposed = report.proposed_sentence or {}
        initial: dict[str, Any] = {
            name: getattr(report, name)
            for name in (
                "version",
                "sources",
                "sources_other",
                "offence_analysis",
                "no_previous",
                "pattern_of_offending",
                "circumstances",
                "risk_assessment",
                "proposal",
                "preconditions",
                "rationale",
                "alternatives_rejected",
                "custody_position",
                "impact_of_custody",
            )
        }
        initial |= {
            "sentence_type": proposed.get("sentence_type", ""),
            "length_months": proposed.get("length_months"),
            "custodial_months": proposed.get("custodial_months"),
            "requirements": [item["type"] for item in proposed.get("requirements", [])],
        }
        for item in proposed.get("requirements", []):
            if item.get("amount") is not None:
                initial[f"amount_{item['type']}"] = item["amount"]
        return initial

    def report_data(self) -> dict[str, Any]:
        """What the service saves, from the fields that are valid (an autosave saves those and
        reports the rest)."""
        data = dict(self.cleaned_data)
        data.pop("version", None)
        # Words are never blanked by a post that did not send their box (a box always sends itself,
        # empty or not; unticked checkboxes send nothing, so they cannot be told apart this way).
        for name, field in self.fields.items():
            if isinstance(field, forms.CharField) and name not in self.data:
                data.pop(name, None)
        proposed = self._proposed_sentence(data)
        if proposed is not None:
            data["proposed_sentence"] = proposed
        for name in ("sentence_type", "length_months", "custodial_months", "requirements"):
            data.pop(name, None)
        for requirement in MEASURED:
            data.pop(amount_field_name(requirement), None)
        return data

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
                        rows=int(field.widget.attrs.get("rows", 10)),
                        max_characters=field.max_length,  # type: ignore[attr-defined]
                        threshold=None,
                        aria_describedby="",
                    )
                )
            elif isinstance(field.widget, forms.CheckboxSelectMultiple):
                items.append(Field.checkboxes(name, small=name != "sources"))
            elif isinstance(field.widget, forms.RadioSelect):
                items.append(Field.radios(name))
            elif isinstance(field.widget, forms.CheckboxInput):
                items.append(Field.checkbox(name))
            elif isinstance(field, forms.IntegerField):
                items.append(Field.text(name, field_width=Fixed.FOUR))
            else:
                items.append(name)
        helper.layout = Layout(*items)
        return helper

    @property
    def helpers(self) -> dict[str, FormHelper]:
        return {key: self._helper(fields) for key, (_, fields) in SECTIONS.items()}
