import re

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fieldset, Fluid, Size
from django import forms
from django.http import QueryDict

from probation.frontend.forms import GovukForm
from probation.frontend.forms.dates import date_field
from probation.people.models import Gender
from probation.people.models.person import Ethnicity, Religion, SexualOrientation
from probation.people.search_keys import normalise_pnc

NI_NUMBER = re.compile(r"^(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][0-9]{6}[A-D]$")
PRISON_NUMBER = re.compile(r"^[A-Z][0-9]{4}[A-Z]{2}$")
CRO_NUMBER = re.compile(r"^([0-9]{1,6}/[0-9]{2}[A-Z]|SF[0-9]{2}/[0-9]{1,6}[A-Z])$")
PHONE = re.compile(r"^\+?[0-9 ()-]{10,20}$")


class PersonForm(GovukForm):
    first_name = forms.CharField(max_length=50, error_messages={"required": "Enter a first name"})
    middle_names = forms.CharField(max_length=100, required=False)
    surname = forms.CharField(
        label="Last name", max_length=50, error_messages={"required": "Enter a last name"}
    )
    preferred_name = forms.CharField(max_length=50, required=False)
    previous_surname = forms.CharField(label="Previous last name", max_length=50, required=False)
    date_of_birth = date_field("Date of birth")
    gender = forms.ChoiceField(
        choices=Gender.choices, widget=forms.RadioSelect, error_messages={"required": "Select a gender"}
    )
    pnc_number = forms.CharField(
        label="PNC number", max_length=13, required=False, help_text="For example, 2004/0046583U"
    )
    cro_number = forms.CharField(
        label="CRO number", max_length=12, required=False, help_text="For example, 123456/08A"
    )
    prison_number = forms.CharField(
        label="Prison number", max_length=7, required=False, help_text="For example, A1234BC"
    )
    ni_number = forms.CharField(
        label="National Insurance number",
        max_length=13,
        required=False,
        help_text="For example, AB 12 34 56 C",
    )
    telephone = forms.CharField(max_length=20, required=False)
    mobile = forms.CharField(label="Mobile number", max_length=20, required=False)
    email = forms.EmailField(
        label="Email address",
        required=False,
        error_messages={"invalid": "Enter an email address in the correct format, like name@example.com"},
    )
    preferred_language = forms.CharField(max_length=50, required=False)
    interpreter_required = forms.TypedChoiceField(
        label="Do they need an interpreter?",
        choices=[("True", "Yes"), ("False", "No")],
        coerce=lambda v: v == "True",
        widget=forms.RadioSelect,
        error_messages={"required": "Select if they need an interpreter"},
    )

    def clean_pnc_number(self) -> str:
        value = self.cleaned_data["pnc_number"].strip().upper()
        if value and normalise_pnc(value) is None:
            raise forms.ValidationError("Enter a PNC number in the correct format, like 2004/0046583U")
        return value

    def clean_cro_number(self) -> str:
        value = self.cleaned_data["cro_number"].strip().upper()
        if value and not CRO_NUMBER.match(value):
            raise forms.ValidationError("Enter a CRO number in the correct format, like 123456/08A")
        return value

    def clean_prison_number(self) -> str:
        value = self.cleaned_data["prison_number"].strip().upper()
        if value and not PRISON_NUMBER.match(value):
            raise forms.ValidationError("Enter a prison number in the correct format, like A1234BC")
        return value

    def clean_ni_number(self) -> str:
        value = self.cleaned_data["ni_number"].replace(" ", "").upper()
        if value and not NI_NUMBER.match(value):
            raise forms.ValidationError(
                "Enter a National Insurance number in the correct format, like AB 12 34 56 C"
            )
        return value

    def _clean_phone(self, name: str) -> str:
        value = self.cleaned_data[name].strip()
        if value and not PHONE.match(value):
            raise forms.ValidationError("Enter a telephone number, like 01632 960 001 or 07700 900 982")
        return value

    def clean_telephone(self) -> str:
        return self._clean_phone("telephone")

    def clean_mobile(self) -> str:
        return self._clean_phone("mobile")

    def layout_fields(self) -> list[object]:
        return [
            Fieldset(
                Field.text("first_name", field_width=Fluid.TWO_THIRDS),
                Field.text("middle_names", field_width=Fluid.TWO_THIRDS),
                Field.text("surname", field_width=Fluid.TWO_THIRDS),
                Field.text("preferred_name", field_width=Fluid.TWO_THIRDS),
                Field.text("previous_surname", field_width=Fluid.TWO_THIRDS),
                legend="Name",
                legend_size=Size.MEDIUM,
            ),
            Field("date_of_birth"),
            Field.radios("gender", inline=False),
            Fieldset(
                Field.text("pnc_number", field_width=20),
                Field.text("cro_number", field_width=20),
                Field.text("prison_number", field_width=10),
                Field.text("ni_number", field_width=10),
                legend="Identifiers",
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.text("telephone", field_width=20),
                Field.text("mobile", field_width=20),
                Field.text("email", field_width=Fluid.TWO_THIRDS),
                Field.text("preferred_language", field_width=20),
                Field.radios("interpreter_required", inline=True),
                legend="Contact and language",
                legend_size=Size.MEDIUM,
            ),
        ]


class PersonCreateForm(PersonForm):
    # Asked only once the service has found possible matches (issue 10 item 5): the CRNs shown are
    # carried so that a reason given for them does not cover a match the user has not seen.
    duplicate_reason = forms.CharField(
        label="Why are you adding a new record?",
        help_text="For example, the matches are different people: give the details that show it",
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    duplicates_seen = forms.CharField(required=False, widget=forms.HiddenInput)

    @property
    def asks_duplicate_reason(self) -> bool:
        return bool(self.is_bound and self.data.get("duplicates_seen"))

    def build_helper(self) -> FormHelper:
        self.submit_label = "Add as a new person" if self.asks_duplicate_reason else "Save"
        return super().build_helper()

    def duplicates_shown(self, crns: list[str]) -> None:
        """Record the matches shown on the page, so the next submission carries them back."""
        data = QueryDict(mutable=True)
        data.update(self.data)
        data["duplicates_seen"] = ",".join(crns)
        self.data = data

    def clean_duplicates_seen(self) -> list[str] | None:
        value = self.cleaned_data["duplicates_seen"].strip()
        return [crn for crn in value.split(",") if crn] if value else None

    def layout_fields(self) -> list[object]:
        return [
            *super().layout_fields(),
            *(["duplicate_reason"] if self.asks_duplicate_reason else []),
            "duplicates_seen",
        ]


class PersonEditForm(PersonForm):
    """Editing adds the optional equality information and the version the user read."""

    ethnicity = forms.ChoiceField(choices=[("", "Not recorded"), *Ethnicity.choices], required=False)
    religion = forms.ChoiceField(
        label="Religion or belief", choices=[("", "Not recorded"), *Religion.choices], required=False
    )
    sexual_orientation = forms.ChoiceField(
        choices=[("", "Not recorded"), *SexualOrientation.choices], required=False
    )
    gender_identity = forms.CharField(
        label="Gender identity (optional)",
        max_length=50,
        required=False,
        help_text="Only if the person has chosen to tell you",
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def layout_fields(self) -> list[object]:
        return [
            *super().layout_fields(),
            Fieldset(
                Field.select("ethnicity"),
                Field.select("religion"),
                Field.select("sexual_orientation"),
                Field.text("gender_identity", field_width=20),
                legend="Equality information (optional)",
                legend_size=Size.MEDIUM,
            ),
            "version",
        ]


class AliasForm(GovukForm):
    submit_label = "Add alias"
    first_name = forms.CharField(max_length=50, error_messages={"required": "Enter the alias first name"})
    middle_names = forms.CharField(max_length=100, required=False)
    surname = forms.CharField(
        label="Last name", max_length=50, error_messages={"required": "Enter the alias last name"}
    )
    date_of_birth = date_field(
        "Alias date of birth",
        required=False,
        help_text="If a different date of birth was given. For example, 27 3 1985",
    )

    def layout_fields(self) -> list[object]:
        return [
            Field.text("first_name", field_width=Fluid.TWO_THIRDS),
            Field.text("middle_names", field_width=Fluid.TWO_THIRDS),
            Field.text("surname", field_width=Fluid.TWO_THIRDS),
            Field("date_of_birth"),
        ]
