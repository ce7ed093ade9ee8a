"""GOV.UK form helpers (crispy-forms-gds, ADR 0002): every form gets the error summary and a button."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Layout
from django import forms

from probation.core.errors import ServiceError


class GovukFormMixin:
    submit_label = "Save"

    def layout_fields(self) -> list[object]:
        """Override to shape fields (radios, widths, date inputs)."""
        return list(self.fields)  # type: ignore[attr-defined]

    def build_helper(self) -> FormHelper:
        helper = FormHelper()
        helper.form_tag = False
        helper.render_hidden_fields = True  # keys added by views (people.submissions) render too
        helper.label_size = "s"
        helper.legend_size = "s"
        helper.layout = Layout(*self.layout_fields(), Button("submit", self.submit_label))
        return helper

    @property
    def helper(self) -> FormHelper:
        return self.build_helper()

    def add_service_error(self, error: ServiceError) -> None:
        """Show a rule the service refused as a field error (or a form error)."""
        field = error.field if error.field in self.fields else None  # type: ignore[attr-defined]
        self.add_error(field, error.message)  # type: ignore[attr-defined]


class GovukForm(GovukFormMixin, forms.Form):
    pass


class GovukModelForm(GovukFormMixin, forms.ModelForm):
    pass
