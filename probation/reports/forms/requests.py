"""Forms of the report request pages: shape only. The date required, the lawful adjournment, the
court and the author are checked by probation.reports.services.requests."""

from typing import Any

from crispy_forms_gds.layout import Field
from django import forms

from probation.accounts.models import User
from probation.core.errors import ServiceError
from probation.frontend.forms import GovukForm
from probation.frontend.forms.dates import date_field
from probation.frontend.forms.messages import select
from probation.reports.models import AssessmentAskedFor, RemandStatus, ReportType, SentencingPurpose

VERSION = {"widget": forms.HiddenInput, "min_value": 1, "max_value": 2_000_000_000}


def _radios(label: str, choices: Any) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={"required": select(label), "invalid_choice": select(label)},
    )


class ReportRequestForm(GovukForm):
    submit_label = "Record the request"

    def __init__(self, *args: Any, courts: list[tuple[int, str]], from_hearing: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.from_hearing = from_hearing
        if not from_hearing:
            self.fields["court"] = forms.TypedChoiceField(
                label="Court",
                coerce=int,
                choices=[("", "Choose a court"), *courts],
                error_messages={"required": "Select the court", "invalid_choice": "Select the court"},
            )
            self.fields["hearing_date"] = date_field(
                "Date of the hearing", help_text="For example, 1 12 2026"
            )
            self.fields["offences"] = forms.CharField(
                label="Offences",
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text="One offence a line, as the court gave it",
                error_messages={"required": "Enter the offences"},
            )
        self.fields["type_requested"] = _radios("Type of report requested", ReportType.choices)
        self.fields["remand_status"] = _radios("Remand status", RemandStatus.choices)
        self.fields["adjourned_to"] = date_field(
            "Adjourned to",
            required=False,
            help_text="The date of the adjourned hearing, if the court set one (required for an addendum). "
            "For example, 15 12 2026",
        )
        self.fields["assessments"] = forms.MultipleChoiceField(
            label="Assessments asked for",
            choices=AssessmentAskedFor.choices,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            error_messages={"invalid_choice": "Select from the list"},
        )
        self.fields["purposes"] = forms.MultipleChoiceField(
            label="Purposes of sentencing the court asked the report to address",
            choices=SentencingPurpose.choices,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            error_messages={"invalid_choice": "Select from the list"},
        )
        self.fields["notes"] = forms.CharField(
            label="Notes", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
        )

    def layout_fields(self) -> list[object]:
        head: list[object] = [] if self.from_hearing else ["court", Field("hearing_date"), "offences"]
        return [
            *head,
            Field.radios("type_requested"),
            Field.radios("remand_status"),
            "adjourned_to",
            Field.checkboxes("assessments"),
            Field.checkboxes("purposes"),
            "notes",
        ]


def offence_rows(text: str) -> list[dict[str, str]]:
    """The offences typed one a line, as a request stores them (no code: the court gave words)."""
    return [{"code": "", "wording": line.strip()} for line in text.splitlines() if line.strip()]


class AllocateForm(GovukForm):
    submit_label = "Allocate"

    def __init__(self, *args: Any, candidates: list[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["author"] = forms.TypedChoiceField(
            label="Author",
            coerce=int,
            choices=[("", "Choose an officer")]
            + [
                (u.pk, f"{u.staff.name} ({u.staff.grade}, {u.staff.team.name})")
                for u in candidates
                if u.staff
            ],
            error_messages={"required": "Select an officer", "invalid_choice": "Select an officer"},
            help_text="A PSO may write reports only on cases with low or medium RoSH",
        )
        self.fields["version"] = forms.IntegerField(**VERSION)  # type: ignore[arg-type]


class WithdrawForm(GovukForm):
    submit_label = "Withdraw the request"

    reason = forms.CharField(
        label="Why is the request withdrawn?",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why the request is withdrawn"},
    )
    version = forms.IntegerField(**VERSION)  # type: ignore[arg-type]

    def rule_errors(self, data: dict[str, Any]) -> list[ServiceError]:
        if "reason" in data and not data["reason"].strip():
            return [ServiceError("Enter why the request is withdrawn", field="reason")]
        return []


class TypeDeliveredForm(GovukForm):
    submit_label = "Save"

    type_delivered = _radios("Type of report delivered", ReportType.choices)
    version = forms.IntegerField(**VERSION)  # type: ignore[arg-type]

    def layout_fields(self) -> list[object]:
        return [Field.radios("type_delivered"), "version"]
