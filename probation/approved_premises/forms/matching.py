"""The Central Referral Unit's search form (a GET form: it only finds premises)."""

from collections.abc import Iterable
from typing import Any

from crispy_forms_gds.layout import Field
from django import forms

from probation.approved_premises.models import ApType, PremisesCharacteristic, PremisesSex, RoomCharacteristic
from probation.core.errors import ServiceError
from probation.frontend.forms import GovukForm
from probation.frontend.forms.dates import date_field
from probation.rules.approved_premises.postcodes import area_of
from probation.rules.errors import RuleError

MAX_NIGHTS = 366


class MatchSearchForm(GovukForm):
    submit_label = "Search"
    form_method = "get"
    sex = forms.ChoiceField(
        choices=PremisesSex.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select men or women"},
    )
    ap_type = forms.ChoiceField(
        label="Type", choices=ApType.choices, error_messages={"required": "Select the type"}
    )
    district = forms.CharField(
        label="Postcode district",
        max_length=4,
        required=False,
        help_text="Nearest first, for example M14 or LS6",
    )
    criteria = forms.MultipleChoiceField(
        label="Required characteristics",
        required=False,
        choices=[*PremisesCharacteristic.choices, *RoomCharacteristic.choices],
        widget=forms.CheckboxSelectMultiple,
    )
    arrival = date_field("Arrival date")
    departure = date_field("Departure date")

    def clean_district(self) -> str:
        value = str(self.cleaned_data.get("district") or "").strip().upper()
        if value:
            try:
                area_of(value)
            except RuleError as error:
                raise forms.ValidationError(error.message) from None
        return value

    def rule_errors(self, data: dict[str, Any]) -> Iterable[ServiceError]:
        arrival, departure = data.get("arrival"), data.get("departure")
        if arrival and departure and departure <= arrival:
            yield ServiceError("The departure date must be after the arrival date", field="departure")
        elif arrival and departure and (departure - arrival).days > MAX_NIGHTS:
            yield ServiceError(f"Search at most {MAX_NIGHTS} nights at a time", field="departure")

    def layout_fields(self) -> list[object]:
        return [
            Field.radios("sex", inline=True),
            Field.select("ap_type"),
            Field.text("district", field_width=4),
            Field.checkboxes("criteria", small=True),
            Field("arrival"),
            Field("departure"),
        ]
