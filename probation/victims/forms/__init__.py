"""Forms of the victim contact scheme: shape only (the services apply the rules)."""

from crispy_forms_gds.layout import Field
from django import forms

from probation.frontend.forms import GovukForm
from probation.frontend.forms.dates import date_field
from probation.rules.victims.letters import LETTER_LABELS
from probation.victims.models import (
    ClosureReason,
    ContactMethod,
    InformationLevel,
    Participation,
    RepresentationKind,
    SchemeType,
    StatementDelivery,
    VictimRole,
)


def _text(label: str, max_length: int, *, required: bool = False, help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        help_text=help_text,
        error_messages={
            "required": f"Enter the {label if label.isupper() else label.lower()}",
            "max_length": f"{label} must be {max_length} characters or fewer",
        },
    )


def _area(label: str, max_length: int, *, required: bool = False, help_text: str = "") -> forms.CharField:
    field = _text(label, max_length, required=required, help_text=help_text)
    field.widget = forms.Textarea(attrs={"rows": 3})
    return field


def _radios(label: str, choices: object, message: str, *, initial: str | None = None) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,  # type: ignore[arg-type]
        widget=forms.RadioSelect,
        initial=initial,
        error_messages={"required": message, "invalid_choice": message},
    )


class SchemeCaseAddForm(GovukForm):
    submit_label = "Add to the scheme"
    crn = _text("CRN", 7, required=True, help_text="The case reference of the offender, for example X123456")
    scheme = _radios(
        "Scheme",
        [
            (SchemeType.DISCRETIONARY, "Discretionary: under 12 months, high risk to the victim"),
            (
                SchemeType.NON_STATUTORY,
                "Victim Notification Scheme: stalking, harassment or coercive control",
            ),
            (SchemeType.STATUTORY, "Statutory: for example, a hospital order"),
        ],
        "Select the scheme",
    )
    reason = _area("Reason", 2000, required=True, help_text="Why the case is in the scheme")
    sentence_date = date_field("Date of sentence")

    def layout_fields(self) -> list[object]:
        return [
            Field.text("crn", field_width=10),
            Field.radios("scheme"),
            Field.textarea("reason"),
            Field("sentence_date"),
        ]


class VictimForm(GovukForm):
    submit_label = "Save"
    role = _radios("Who is this?", VictimRole.choices, "Select who this is", initial=VictimRole.VICTIM)
    represents_id = forms.TypedChoiceField(
        label="Victim they represent", coerce=int, required=False, empty_value=None, choices=[("", "None")]
    )
    relationship = _text("Relationship to the victim", 60)
    forename = _text("First name", 60, required=True)
    surname = _text("Last name", 60, required=True)
    date_of_birth = date_field("Date of birth", required=False)
    address = _area("Address", 500)
    postcode = _text("Postcode", 8)
    phone = _text("Phone", 20)
    email = forms.EmailField(
        label="Email",
        required=False,
        max_length=254,
        error_messages={"invalid": "Enter an email address in the correct format, like name@example.com"},
    )
    preferred_method = _radios(
        "Preferred contact method",
        ContactMethod.choices,
        "Select how they want to be contacted",
        initial=ContactMethod.LETTER,
    )
    information_level = _radios(
        "Information they want",
        InformationLevel.choices,
        "Select the information they want",
        initial=InformationLevel.KEY_STAGES,
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    interpreter_language = _text("Interpreter language", 50, help_text="Leave blank if none is needed")
    accessibility_needs = _area("Accessibility needs", 1000)

    def __init__(self, *args: object, victims: list[tuple[int, str]] = (), **kwargs: object) -> None:  # type: ignore[assignment]
        super().__init__(*args, **kwargs)
        self.fields["represents_id"].choices = [("", "None"), *victims]  # type: ignore[attr-defined]

    def layout_fields(self) -> list[object]:
        return [
            Field.radios("role"),
            Field.select("represents_id"),
            Field.text("relationship"),
            Field.text("forename"),
            Field.text("surname"),
            Field("date_of_birth"),
            Field.textarea("address"),
            Field.text("postcode", field_width=10),
            Field.text("phone", field_width=20),
            Field.text("email"),
            Field.radios("preferred_method"),
            Field.radios("information_level"),
            Field.text("interpreter_language", field_width=20),
            Field.textarea("accessibility_needs"),
            "version",
        ]


class ParticipationForm(GovukForm):
    submit_label = "Save their decision"
    participation = _radios(
        "What have they decided?",
        [
            (Participation.OPTED_IN, "Opt in (or rejoin)"),
            (Participation.OPTED_OUT, "Opt out"),
            (Participation.DEFERRED, "Defer"),
        ],
        "Select whether they opt in, opt out or defer",
    )
    on = date_field("Date of their decision")
    version = forms.IntegerField(widget=forms.HiddenInput)

    def layout_fields(self) -> list[object]:
        return [Field.radios("participation"), Field("on"), "version"]


class VictimContactForm(GovukForm):
    submit_label = "Record contact"
    contact_date = date_field("Date of contact")
    method = _radios("How", ContactMethod.choices, "Select how the contact was made")
    summary = _area("Summary", 4000, required=True)

    def layout_fields(self) -> list[object]:
        return [Field("contact_date"), Field.radios("method"), Field.textarea("summary")]


class RepresentationForm(GovukForm):
    submit_label = "Send to the COM"
    kind = _radios(
        "What does the victim ask for?", RepresentationKind.choices, "Select what the victim asks for"
    )
    request = _area(
        "Request for the COM",
        1000,
        required=True,
        help_text="Describe the condition without any location: no address, street or postcode. The COM "
        "draws any exclusion zone wide enough that the victim cannot be found from it.",
    )

    def layout_fields(self) -> list[object]:
        return [Field.radios("kind"), Field.textarea("request")]


class RepresentationDecisionForm(GovukForm):
    submit_label = "Save decision"
    decision = _radios(
        "Your decision",
        [("included", "Include in the licence"), ("declined", "Decline")],
        "Select whether you include or decline the request",
    )
    reason = _area(
        "Reason", 1000, required=True, help_text="Whether the condition is necessary and proportionate"
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def layout_fields(self) -> list[object]:
        return [Field.radios("decision"), Field.textarea("reason"), "version"]


class LetterForm(GovukForm):
    submit_label = "Send letter"
    kind = _radios(
        "Letter",
        [(k.value, label) for k, label in LETTER_LABELS.items()],
        "Select the letter",
    )
    release_month = date_field(
        "Month of release", required=False, help_text="For the month of release letter: any day of the month"
    )
    details = _area(
        "Anything to add",
        3000,
        help_text="For example, a summary of the Parole Board's reasons. Never the prison or any address "
        "of the offender.",
    )

    def layout_fields(self) -> list[object]:
        return [Field.radios("kind"), Field("release_month"), Field.textarea("details")]


class StatementForm(GovukForm):
    submit_label = "Save"
    hearing = _text("Hearing", 100, required=True, help_text="For example, the oral hearing of March 2027")
    delivery = _radios(
        "How will the statement be given?",
        StatementDelivery.choices,
        "Select how the statement will be given",
    )
    asks_to_attend = forms.BooleanField(
        label="The victim asks to attend the hearing (allowed on request, not a right)", required=False
    )
    wishes = _area("Their wishes for the hearing", 4000)

    def layout_fields(self) -> list[object]:
        return [
            Field.text("hearing"),
            Field.radios("delivery"),
            Field.checkbox("asks_to_attend"),
            Field.textarea("wishes"),
        ]


class AllocateForm(GovukForm):
    submit_label = "Allocate"
    vlo = forms.TypedChoiceField(
        label="Victim liaison officer",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select a victim liaison officer of the unit",
            "invalid_choice": "Select a victim liaison officer of the unit",
        },
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: object, vlos: list[tuple[int, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["vlo"].choices = vlos  # type: ignore[attr-defined]

    def layout_fields(self) -> list[object]:
        return [Field.radios("vlo"), "version"]


class CloseForm(GovukForm):
    submit_label = "Close the case"
    reason = _radios("Why is the case closing?", ClosureReason.choices, "Select why the case is closing")
    details = _area("Details", 2000, help_text="Needed for another reason")
    version = forms.IntegerField(widget=forms.HiddenInput)

    def layout_fields(self) -> list[object]:
        return [Field.radios("reason"), Field.textarea("details"), "version"]


class ReopenForm(GovukForm):
    submit_label = "Reopen the case"
    details = _area("Why is the case reopening?", 2000, required=True)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["details"].error_messages["required"] = "Enter why the case is reopening"
        self.fields["details"].error_messages["max_length"] = "Details must be 2000 characters or fewer"

    def layout_fields(self) -> list[object]:
        return [Field.textarea("details"), "version"]
