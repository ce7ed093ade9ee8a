from typing import Any

from crispy_forms_gds.layout import Field
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
