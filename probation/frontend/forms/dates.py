"""The one GOV.UK date input every form uses (crispy-forms-gds's day/month/year fields): impossible
dates (31 February) and years outside what the service records get the form's own message, never
an exception from `datetime` (issue 9: a year of 99999999999 raised `OverflowError`)."""

from datetime import date

from crispy_forms_gds.fields import DateInputField
from django import forms

from probation.frontend.forms.messages import enter

# Nothing the service records (births, sentences, reviews, expiry dates) falls outside these years;
# keeping well inside `date`'s range also lets services add days or years without overflowing.
MIN_YEAR = 1900
MAX_YEAR = 2199


class GovukDateField(DateInputField):
    """A GOV.UK date input whose impossible dates (31 February) get the form's own message."""

    def compress(self, data_list: list[str]) -> date | None:
        day, month, year = data_list
        if not (day and month and year):
            return None
        if len(year) != 4:
            raise forms.ValidationError(self.error_messages["year"], code="year")
        try:
            value = date(day=int(day), month=int(month), year=int(year))
        except (ValueError, OverflowError) as error:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from error
        if value.year < MIN_YEAR:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        if value.year > MAX_YEAR:
            raise forms.ValidationError(self.error_messages["range"], code="range")
        return value


def date_field(
    label: str, *, required: bool = True, help_text: str = "For example, 27 3 1985"
) -> DateInputField:
    field = GovukDateField(label=label, required=required, help_text=help_text, require_all_fields=False)
    field.error_messages["required"] = enter(label)
    field.error_messages["incomplete"] = f"{label} must include a day, month and year"
    field.error_messages["invalid"] = f"{label} must be a real date"
    field.error_messages["year"] = "Year must include 4 numbers"
    field.error_messages["range"] = f"{label} must be before {MAX_YEAR + 1}"
    return field
