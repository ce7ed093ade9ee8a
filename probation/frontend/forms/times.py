"""The one time input every booking, recording and rescheduling form uses (issue 10 item 9).

Django's ``TimeField`` renders a ``TimeInput``, which crispy-forms-gds does not recognise as a GOV.UK
text input: it came out without ``govuk-input`` (15 px tall, 13 px text). This field renders a
``TextInput`` (``govuk-input govuk-input--width-5``) and shows a stored time as 14:30, not 14:30:00.
"""

import datetime as dt
from typing import Any

from django import forms

from probation.frontend.forms.messages import enter

TIME_FORMATS = ["%H:%M", "%H.%M", "%I:%M%p", "%I.%M%p", "%I%p", "%I:%M %p", "%I %p"]
TIME_HINT = "Use the 24-hour clock or am/pm, for example 14:30 or 2:30pm"


class GovukTimeField(forms.TimeField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"class": "govuk-input govuk-input--width-5", "spellcheck": "false"}),
        )
        kwargs.setdefault("input_formats", TIME_FORMATS)
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, dt.time):
            return value.strftime("%H:%M")
        return value


def time_field(label: str, *, required: bool = True, help_text: str = TIME_HINT) -> GovukTimeField:
    return GovukTimeField(
        label=label,
        required=required,
        help_text=help_text,
        error_messages={
            "required": enter(label),
            "invalid": f"{label} must be a real time, like 14:30",
        },
    )
