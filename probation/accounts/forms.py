from typing import Any, cast

from crispy_forms_gds.layout import Field
from django import forms
from django.contrib.auth.forms import AuthenticationForm, SetPasswordForm
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


class UserCreateForm(GovukFormMixin, forms.Form):
    """A system administrator creates an account (audited, accounts.administration.user_create). Every
    field is checked together, so all errors show at once."""

    submit_label = "Create account"
    username = forms.CharField(
        label="Username",
        max_length=150,
        help_text="Letters, digits and . - _ only, for example j.smith",
        error_messages={"required": "Enter a username"},
    )
    first_name = forms.CharField(
        label="First name", max_length=60, error_messages={"required": "Enter the first name"}
    )
    last_name = forms.CharField(
        label="Last name", max_length=60, error_messages={"required": "Enter the last name"}
    )
    email = forms.EmailField(
        label="Work email address",
        max_length=254,
        error_messages={
            "required": "Enter a work email address",
            "invalid": "Enter an email address in the right format, like name@example.gov.uk",
        },
    )
    role = forms.ChoiceField(label="Role", error_messages={"required": "Choose a role"})
    team: "forms.ModelChoiceField[Any]" = forms.ModelChoiceField(
        label="Team", queryset=None, required=False, help_text="For staff roles: the team they work in"
    )
    grade = forms.ChoiceField(label="Grade", required=False, help_text="For staff roles")
    agency = forms.CharField(
        label="Partner agency", max_length=100, required=False, help_text="For partner agency users only"
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from probation.accounts.models import Grade, Role, Team

        super().__init__(*args, **kwargs)
        self.fields["role"].choices = Role.choices  # type: ignore[attr-defined]
        self.fields["team"].queryset = Team.objects.select_related("pdu").order_by("name")  # type: ignore[attr-defined]
        self.fields["grade"].choices = [("", "Choose a grade"), *Grade.choices]  # type: ignore[attr-defined]

    def clean_username(self) -> str:
        username = self.cleaned_data["username"].strip()
        if not all(ch.isascii() and (ch.isalnum() or ch in ".-_") for ch in username):
            raise forms.ValidationError("Username must contain only letters, digits and . - _")
        return username

    def clean(self) -> dict[str, Any]:
        from probation.accounts.administration import ROLE_GRADES
        from probation.accounts.models import Grade, Role

        data = super().clean() or {}
        role = data.get("role")
        if role in ROLE_GRADES:
            if not data.get("team"):
                self.add_error("team", "Choose the team this person works in")
            grade = data.get("grade")
            if not grade:
                self.add_error("grade", "Choose a grade")
            elif grade not in ROLE_GRADES[role]:
                allowed = " or ".join(Grade(g).label for g in ROLE_GRADES[role])
                self.add_error("grade", f"A {Role(role).label.lower()} must have the grade {allowed}")
        if role == Role.PARTNER and not data.get("agency", "").strip():
            self.add_error("agency", "Enter the partner agency this person works for")
        return data

    def layout_fields(self) -> list[object]:
        return [
            Field.text("username", field_width=20, spellcheck="false", autocomplete="off"),
            Field.text("first_name", field_width=20),
            Field.text("last_name", field_width=20),
            Field.text("email", spellcheck="false"),
            Field.radios("role", legend_size="s"),
            Field.select("team"),
            Field.select("grade"),
            Field.text("agency", field_width=20),
        ]


class UserSearchForm(forms.Form):
    """The users page's filter (a GET form: no CSRF token, nothing changes)."""

    q = forms.CharField(label="Username, name, email or staff code", max_length=150, required=False)
    role = forms.ChoiceField(label="Role", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from probation.accounts.models import Role

        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [("", "Any role"), *Role.choices]  # type: ignore[attr-defined]


class SetPasswordLinkForm(GovukFormMixin, SetPasswordForm):
    """Setting a password through a link a system administrator issued."""

    submit_label = "Set password"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].help_text = (
            "At least 12 characters. Not a common password, not only numbers and not like your name or"
            " username."
        )
        self.fields["new_password1"].error_messages["required"] = "Enter a new password"
        self.fields["new_password2"].error_messages["required"] = "Enter the new password again"
        self.error_messages = {**self.error_messages, "password_mismatch": "The two passwords do not match"}

    def layout_fields(self) -> list[object]:
        return [
            Field.text("new_password1", field_width=20, autocomplete="new-password"),
            Field.text("new_password2", field_width=20, autocomplete="new-password"),
        ]
