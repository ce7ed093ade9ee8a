from typing import Any, cast

from crispy_forms_gds.layout import Field
from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator

from probation.frontend.forms import GovukFormMixin


class SignInForm(GovukFormMixin, AuthenticationForm):
    submit_label = "Sign in"
    error_messages = {
        "invalid_login": "Enter a correct username and password. Both are case sensitive.",
        "inactive": "This account is inactive.",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].error_messages["required"] = "Enter your username"
        self.fields["password"].error_messages["required"] = "Enter your password"
        # AuthenticationForm sets max_length after the field is built, so nothing enforces it: a
        # longer username reached the lockout records (255 characters) and was a 500 (issue 9).
        limit = self.username_field.max_length or 254
        self.fields["username"].validators.append(
            MaxLengthValidator(limit, f"Username must be {limit} characters or fewer")
        )

    def layout_fields(self) -> list[object]:
        return [
            Field.text("username", field_width=20, autocomplete="username", spellcheck="false"),
            Field.text("password", field_width=20, autocomplete="current-password"),
        ]


class TwoFactorCodeForm(GovukFormMixin, forms.Form):
    """The second step of signing in: a code from the authenticator app, or a recovery code."""

    submit_label = "Continue"
    code = forms.CharField(
        label="Security code",
        help_text="The 6-digit code from your authenticator app, or one of your recovery codes.",
        max_length=32,
        error_messages={"required": "Enter the security code"},
    )

    def clean_code(self) -> str:
        return "".join(self.cleaned_data["code"].split()).lower()

    def layout_fields(self) -> list[object]:
        return [Field.text("code", field_width=10, autocomplete="one-time-code", spellcheck="false")]


class TwoFactorSetUpForm(TwoFactorCodeForm):
    """Confirming a new authenticator app with the code it shows."""

    submit_label = "Confirm and continue"
    code = forms.CharField(
        label="Security code",
        help_text="The 6-digit code your authenticator app shows for OpenProbation.",
        max_length=32,
        error_messages={"required": "Enter the security code"},
    )


class UserChangeForm(GovukFormMixin, forms.Form):
    """A system administrator changes a user's role and team (audited, accounts.administration)."""

    submit_label = "Save changes"
    role = forms.ChoiceField(label="Role", error_messages={"required": "Choose a role"})
    team: forms.ModelChoiceField = forms.ModelChoiceField(label="Team", queryset=None, required=False)

    def __init__(self, *args: object, has_staff: bool = True, **kwargs: object) -> None:
        from probation.accounts.models import Role, Team

        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["role"]).choices = Role.choices
        cast(forms.ModelChoiceField, self.fields["team"]).queryset = Team.objects.order_by("name")
        if not has_staff:
            del self.fields["team"]

    def layout_fields(self) -> list[object]:
        fields: list[object] = [Field.radios("role", legend_size="s")]
        if "team" in self.fields:
            fields.append(Field.select("team"))
        return fields
