"""Booking a structured intervention or toolkit session (shape only; the service checks the rest)."""

import datetime as dt
from typing import Any

from crispy_forms_gds.layout import Field
from django import forms

from probation.core.clock import LONDON, today_uk
from probation.frontend.forms import GovukForm
from probation.frontend.forms.dates import date_field
from probation.frontend.forms.times import time_field
from probation.rules.contacts.outcomes import CONTACT_TYPES, ContactTypeCode
from probation.rules.plans.interventions import catalogue_on


class RarActivityForm(GovukForm):
    submit_label = "Book the session"
    intervention = forms.ChoiceField(
        label="Structured intervention or toolkit",
        error_messages={"required": "Choose a structured intervention or toolkit"},
    )
    toolkit_name = forms.CharField(
        label="Toolkit used (for a toolkit session)", required=False, max_length=200
    )
    type = forms.ChoiceField(
        label="How is the session delivered?",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how the session is delivered"},
    )
    date = date_field("Date of the session", help_text="For example, 27 3 2027")
    start_time = time_field("Start time")
    end_time = time_field("End time")

    def __init__(self, *args: Any, types: tuple[str, ...] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        intervention = self.fields["intervention"]
        how = self.fields["type"]
        assert isinstance(intervention, forms.ChoiceField)
        assert isinstance(how, forms.ChoiceField)
        intervention.choices = [("", "Choose one"), *((i.key, i.label) for i in catalogue_on(today_uk()))]
        how.choices = [(code, CONTACT_TYPES[ContactTypeCode(code)].description) for code in types]

    def times(self) -> tuple[dt.datetime, dt.datetime]:
        data = self.cleaned_data
        return (
            dt.datetime.combine(data["date"], data["start_time"], tzinfo=LONDON),
            dt.datetime.combine(data["date"], data["end_time"], tzinfo=LONDON),
        )

    def layout_fields(self) -> list[object]:
        return ["intervention", "toolkit_name", Field.radios("type"), "date", "start_time", "end_time"]
