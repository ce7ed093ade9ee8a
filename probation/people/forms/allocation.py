"""Transfer forms: the receiving team first (national, grouped by region, labelled with its PDU), then
an officer of that team with their current caseload, or none for the team's manager to allocate."""

from collections.abc import Iterable
from typing import Any

from crispy_forms_gds.layout import Field
from django import forms

from probation.accounts.models import Staff, Team
from probation.frontend.forms import GovukForm
from probation.people.models import AllocationReason

NO_OFFICER = "none"
# A transfer is never an initial allocation.
TRANSFER_REASONS = [(value, label) for value, label in AllocationReason.choices if value != "initial"]


def officer_label(officer: Staff) -> str:
    """'Jane Smith (Probation Officer, Leeds North): 34 cases' — the count read with the officer."""
    count = getattr(officer, "case_count", None)
    label = f"{officer.name} ({officer.get_grade_display()}, {officer.team.name})"
    if count is None:
        return label
    return f"{label}: {count} case{'' if count == 1 else 's'}"


def team_choices(teams: Iterable[Team]) -> list[tuple[str, Any]]:
    """Teams grouped by region, each labelled with its PDU (teams read with pdu__region)."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for team in teams:
        groups.setdefault(team.pdu.region.name, []).append((team.code, f"{team.name} ({team.pdu.name})"))
    return [("", "Select a team"), *groups.items()]


class TransferTeamForm(GovukForm):
    submit_label = "Continue"
    team = forms.ChoiceField(
        label="Team to transfer to",
        help_text="Teams are grouped by region and show their probation delivery unit (PDU)",
        error_messages={"required": "Select a team", "invalid_choice": "Select a team from the list"},
    )

    def __init__(self, *args: Any, teams: Iterable[Team], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].choices = team_choices(teams)  # type: ignore[attr-defined]

    def layout_fields(self) -> list[object]:
        return [Field.select("team")]


class TransferOfficerForm(GovukForm):
    submit_label = "Transfer case"
    officer = forms.ChoiceField(
        label="Responsible officer",
        widget=forms.RadioSelect,
        error_messages={"required": "Select an officer, or leave it to the team’s manager"},
    )
    reason = forms.ChoiceField(
        choices=TRANSFER_REASONS,
        widget=forms.RadioSelect,
        error_messages={"required": "Select a reason for the transfer"},
    )
    notes = forms.CharField(
        label="Details",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="Required if the reason is ‘Other’",
    )

    def __init__(self, *args: Any, officers: Iterable[Staff], team: Team, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.officers = {str(officer.pk): officer for officer in officers}
        self.fields["officer"].choices = [  # type: ignore[attr-defined]
            *((pk, officer_label(officer)) for pk, officer in self.officers.items()),
            (NO_OFFICER, f"No officer yet: {team.name}’s manager allocates it"),
        ]

    def clean_officer(self) -> Staff | None:
        """The chosen officer, or None for "no officer yet"."""
        return self.officers.get(self.cleaned_data["officer"])

    def layout_fields(self) -> list[object]:
        return [Field.radios("officer"), Field.radios("reason"), Field.textarea("notes")]
