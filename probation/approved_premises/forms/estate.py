"""Estate forms: shape only (services apply the rules)."""

from collections.abc import Iterable
from typing import Any

from crispy_forms_gds.layout import Field
from django import forms

from probation.approved_premises.models import OutOfServiceReason
from probation.core.errors import ServiceError
from probation.frontend.forms import GovukForm
from probation.frontend.forms.dates import date_field


class OutOfServiceForm(GovukForm):
    submit_label = "Mark the bed out of service"
    bed = forms.TypedChoiceField(coerce=int, error_messages={"required": "Select a bed"})
    reason = forms.ChoiceField(
        choices=OutOfServiceReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select a reason"},
    )
    starts_on = date_field("Start date")
    ends_on = date_field("End date", help_text="The last night the bed is out of service")
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=1000)

    def __init__(self, *args: Any, beds: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["bed"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "Select a bed"), *beds]

    def rule_errors(self, data: dict[str, Any]) -> Iterable[ServiceError]:
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            yield ServiceError("The end date must be the same as or after the start date", field="ends_on")

    def layout_fields(self) -> list[object]:
        return [Field.select("bed"), Field.radios("reason"), Field("starts_on"), Field("ends_on"), "notes"]
