"""Upper bounds on every free-text and whole-number input (issue 9 item 7).

A form field that sets no bound of its own gets one here, with a GOV.UK-style message: long text
(a textarea, such as notes) at most ``LONG_TEXT_MAX`` characters, and shown with the character count
component; a one-line text input at most ``SHORT_TEXT_MAX``; a whole number within the database's
integer range. Fields with their own, tighter bounds keep them.
"""

from django import forms
from django.core import validators

LONG_TEXT_MAX = 10_000
SHORT_TEXT_MAX = 500
INTEGER_MAX = 2_147_483_647  # PostgreSQL's integer: beyond it a save is a database error, not a message
INTEGER_MIN = -INTEGER_MAX - 1


def _label(name: str, field: forms.Field) -> str:
    return str(field.label or name.replace("_", " ").capitalize())


def _bound_text(name: str, field: forms.CharField) -> None:
    if field.max_length is not None:
        return
    limit = LONG_TEXT_MAX if isinstance(field.widget, forms.Textarea) else SHORT_TEXT_MAX
    field.max_length = limit
    field.validators.append(
        validators.MaxLengthValidator(limit, f"{_label(name, field)} must be {limit:,} characters or fewer")
    )


def _bound_integer(name: str, field: forms.IntegerField) -> None:
    if field.max_value is None:
        field.max_value = INTEGER_MAX
        field.validators.append(
            validators.MaxValueValidator(
                INTEGER_MAX, f"{_label(name, field)} must be {INTEGER_MAX:,} or less"
            )
        )
    if field.min_value is None:
        field.min_value = INTEGER_MIN
        field.validators.append(
            validators.MinValueValidator(
                INTEGER_MIN, f"{_label(name, field)} must be {INTEGER_MIN:,} or more"
            )
        )


def bound_inputs(fields: dict[str, forms.Field]) -> None:
    for name, field in fields.items():
        if isinstance(field, forms.CharField) and not isinstance(field, forms.UUIDField):
            _bound_text(name, field)
        elif isinstance(field, forms.IntegerField):  # DecimalField and FloatField too
            _bound_integer(name, field)


def long_text_fields(fields: dict[str, forms.Field]) -> dict[str, int]:
    """The textareas and their limits, for the character count component."""
    return {
        name: field.max_length
        for name, field in fields.items()
        if isinstance(field, forms.CharField)
        and isinstance(field.widget, forms.Textarea)
        and field.max_length is not None
    }
