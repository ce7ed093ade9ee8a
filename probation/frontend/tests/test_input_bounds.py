"""Every free-text and whole-number input has an upper bound (issue 9 item 7)."""

import pytest
from django import forms
from django.template import Context, Template

from probation.frontend.forms import GovukForm
from probation.frontend.forms.bounds import INTEGER_MAX, LONG_TEXT_MAX, SHORT_TEXT_MAX


class ExampleForm(GovukForm):
    notes = forms.CharField(label="Notes", widget=forms.Textarea, required=False)
    reason = forms.CharField(label="Reason", required=False)
    code = forms.CharField(label="Code", max_length=8, required=False)
    count = forms.IntegerField(label="Count", required=False)
    hours = forms.IntegerField(label="Hours", min_value=1, max_value=24, required=False)


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"notes": "x" * (LONG_TEXT_MAX + 1)}, "notes", "Notes must be 10,000 characters or fewer"),
        ({"reason": "x" * (SHORT_TEXT_MAX + 1)}, "reason", "Reason must be 500 characters or fewer"),
        ({"count": str(INTEGER_MAX + 1)}, "count", "Count must be 2,147,483,647 or less"),
        ({"count": str(-INTEGER_MAX - 2)}, "count", "Count must be -2,147,483,648 or more"),
    ],
)
def test_unbounded_fields_get_a_bound_and_a_govuk_message(data, field, message):
    form = ExampleForm(data=data)
    assert not form.is_valid()
    assert form.errors[field] == [message]


def test_fields_keep_their_own_tighter_bounds_and_valid_input_passes():
    form = ExampleForm(data={"notes": "x" * LONG_TEXT_MAX, "code": "ABCDEFGH", "count": "7", "hours": "24"})
    assert form.is_valid(), form.errors
    assert form.fields["code"].max_length == 8
    assert form.fields["hours"].max_value == 24
    assert not ExampleForm(data={"code": "ABCDEFGHI"}).is_valid()


def test_fields_added_after_init_are_bounded_too():
    form = ExampleForm(data={"later": "x" * (SHORT_TEXT_MAX + 1)})
    form.fields["later"] = forms.CharField(label="Later")
    assert form.errors["later"] == ["Later must be 500 characters or fewer"]


def test_notes_show_the_character_count_component():
    html = Template("{% load crispy_forms_tags %}{% crispy form %}").render(Context({"form": ExampleForm()}))
    assert 'data-module="govuk-character-count"' in html
    assert 'data-maxlength="10000"' in html
