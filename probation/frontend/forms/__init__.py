"""GOV.UK form helpers (crispy-forms-gds, ADR 0002): every form gets the error summary and a button."""

from collections.abc import Iterable
from typing import Any

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout
from django import forms

from probation.core.errors import ServiceError
from probation.frontend.forms.bounds import bound_inputs, long_text_fields


class GovukFormMixin:
    submit_label = "Save"
    # "get" for a form that only finds things (search): crispy-forms then renders no CSRF token, which
    # a GET form would otherwise put in the URL, the browser history and the server logs.
    form_method = "post"

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        bound_inputs(self.fields)  # type: ignore[attr-defined]

    def full_clean(self) -> None:
        bound_inputs(self.fields)  # type: ignore[attr-defined]  # fields a subclass added after __init__
        super().full_clean()  # type: ignore[misc]

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean()  # type: ignore[misc]
        self.add_rule_errors(self.rule_errors(data))
        return data

    def rule_errors(self, data: dict[str, Any]) -> Iterable[ServiceError]:
        """The service's checks of these inputs alone (no other records), run with the form's own
        so every problem shows at once (issue 10 item 8). ``data`` holds only the fields that are
        valid; a check whose input is missing is skipped. The service still checks on saving."""
        return ()

    def _with_character_counts(self, items: list[object]) -> list[object]:
        counted = long_text_fields(self.fields)  # type: ignore[attr-defined]
        return [
            Field.textarea(
                item,
                rows=int(self.fields[item].widget.attrs.get("rows", 10)),  # type: ignore[attr-defined]
                max_characters=counted[item],
                threshold=75,
                aria_describedby="",  # crispy-forms-gds fails on a count without a hint otherwise
            )
            if isinstance(item, str) and item in counted
            else item
            for item in items
        ]

    def layout_fields(self) -> list[object]:
        """Override to shape fields (radios, widths, date inputs)."""
        return list(self.fields)  # type: ignore[attr-defined]

    def build_helper(self) -> FormHelper:
        helper = FormHelper()
        helper.form_tag = False
        helper.form_method = self.form_method
        helper.render_hidden_fields = True  # keys added by views (people.submissions) render too
        helper.label_size = "s"
        helper.legend_size = "s"
        helper.layout = Layout(
            *self._with_character_counts(self.layout_fields()), Button("submit", self.submit_label)
        )
        return helper

    @property
    def helper(self) -> FormHelper:
        return self.build_helper()

    def add_service_error(self, error: ServiceError) -> None:
        """Show a rule the service refused as a field error (or a form error); a refusal carrying
        several (``RuleErrors``) shows each of them."""
        self.add_rule_errors(error.errors)

    def add_rule_errors(self, errors: Iterable[ServiceError]) -> None:
        """Show several refusals at once, each beside its field (a field the form has no input for:
        a form error). A field that already shows an error keeps its first one."""
        for error in errors:
            field = error.field if error.field in self.fields else None  # type: ignore[attr-defined]
            if field is not None and field in self.errors:  # type: ignore[attr-defined]
                continue
            self.add_error(field, error.message)  # type: ignore[attr-defined]


class GovukForm(GovukFormMixin, forms.Form):
    pass


class GovukModelForm(GovukFormMixin, forms.ModelForm):
    pass
