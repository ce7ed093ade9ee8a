"""The drug test forms (shape only; the services check the rules and every cross-field refusal)."""

import datetime as dt
import uuid
from typing import Any

from crispy_forms_gds.layout import Field, Fieldset, Size
from django import forms

from probation.core.clock import LONDON
from probation.drug_testing.services.records import DrugTestInput, LabInput, ResultInput
from probation.frontend.forms import GovukForm
from probation.frontend.forms.dates import date_field
from probation.frontend.forms.times import time_field
from probation.rules.drug_testing.bases import METHOD_LABELS
from probation.rules.drug_testing.results import DECISION_LABELS, READING_LABELS, Decision
from probation.rules.drug_testing.substances import SUBSTANCE_LABELS, Substance

SUBSTANCES = [(s.value, label) for s, label in SUBSTANCE_LABELS.items()]
READINGS = [("", "No result"), *((r.value, label) for r, label in READING_LABELS.items())]
SAMPLE = [
    ("tested", "A sample was given"),
    ("refused", "The person refused to give a sample"),
    ("tampered", "The sample was tampered with, diluted or substituted"),
]


def _reading_field(label: str) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=READINGS, required=False)


class DrugTestForm(GovukForm):
    submit_label = "Record the test"
    submission_key = forms.UUIDField(widget=forms.HiddenInput)
    basis = forms.ChoiceField(
        label="Legal basis for the test",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the legal basis for the test"},
    )
    method = forms.ChoiceField(
        label="How was the sample taken?",
        widget=forms.RadioSelect,
        choices=[(m.value, label) for m, label in METHOD_LABELS.items()],
        error_messages={"required": "Choose how the sample was taken"},
    )
    substances = forms.MultipleChoiceField(
        label="Substances tested for",
        choices=SUBSTANCES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select the substances tested for"},
    )
    taken_on = date_field("Date taken", help_text="For example, 27 3 2026")
    taken_time = time_field("Time taken")
    place = forms.CharField(label="Place", max_length=120, required=False)
    sample = forms.ChoiceField(
        label="Was a sample given?", widget=forms.RadioSelect, choices=SAMPLE, initial="tested"
    )
    no_medication = forms.BooleanField(label="No medication declared", required=False)
    medication = forms.CharField(
        label="Medication declared (name, dose, prescriber)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Prescribed and over-the-counter medicines, asked before every test",
    )
    admitted = forms.MultipleChoiceField(
        label="Use admitted before the test (if any)",
        choices=SUBSTANCES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    sample_id = forms.CharField(label="Sample ID or barcode", max_length=40, required=False)
    seal_number = forms.CharField(label="Tamper-evident seal number", max_length=40, required=False)
    observed = forms.BooleanField(label="Sample observed", required=False)
    person_signed = forms.BooleanField(label="Signed by the person", required=False)
    tester_signed = forms.BooleanField(label="Signed by the tester", required=False)
    cost_code = forms.CharField(label="Cost code", max_length=20, required=False)
    dispatched_on = date_field("Date sent to the laboratory (if sent)", required=False)
    notes = forms.CharField(
        label="Notes", required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, bases: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        basis = self.fields["basis"]
        assert isinstance(basis, forms.ChoiceField)
        basis.choices = bases
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4())
        for substance, label in SUBSTANCES:
            self.fields[f"result_{substance}"] = _reading_field(f"Instant result: {label}")

    def to_input(self) -> DrugTestInput:
        data = self.cleaned_data
        sample = data["sample"]
        return DrugTestInput(
            basis_key=data["basis"],
            method=data["method"],
            substances=tuple(data["substances"]),
            taken_at=dt.datetime.combine(data["taken_on"], data["taken_time"], tzinfo=LONDON),
            place=data["place"],
            sample_id=data["sample_id"],
            seal_number=data["seal_number"],
            observed=data["observed"],
            person_signed=data["person_signed"],
            tester_signed=data["tester_signed"],
            cost_code=data["cost_code"],
            dispatched_on=data["dispatched_on"],
            no_medication=data["no_medication"],
            medication=data["medication"],
            refused=sample == "refused",
            tampered=sample == "tampered",
            admitted=tuple(data["admitted"]),
            results=tuple(
                ResultInput(substance=s, instant=data.get(f"result_{s}") or "")
                for s, _ in SUBSTANCES
                if data.get(f"result_{s}")
            ),
            notes=data["notes"],
        )

    def layout_fields(self) -> list[object]:
        results = [Field.select(f"result_{s}") for s, _ in SUBSTANCES]
        return [
            "submission_key",
            Field.radios("basis"),
            "taken_on",
            Field.text("taken_time", field_width=5),
            "place",
            Field.radios("method"),
            Field.checkboxes("substances", small=True),
            Field.radios("sample"),
            Fieldset(*results, legend="Instant results (for each substance tested)", legend_size=Size.SMALL),
            Field.checkboxes("admitted", small=True),
            Fieldset(
                "no_medication",
                "medication",
                legend="Medication declared",
                legend_size=Size.SMALL,
            ),
            Fieldset(
                "sample_id",
                "seal_number",
                "observed",
                "person_signed",
                "tester_signed",
                "cost_code",
                "dispatched_on",
                legend="Chain of custody",
                legend_size=Size.SMALL,
            ),
            "notes",
        ]


class LabResultForm(GovukForm):
    submit_label = "Save the laboratory result"
    version = forms.IntegerField(widget=forms.HiddenInput)
    lab_reference = forms.CharField(label="Laboratory reference", max_length=40, required=False)
    dispatched_on = date_field("Date sent to the laboratory", required=False)
    received_on = date_field("Date the laboratory received it", required=False)
    result_on = date_field("Date of the laboratory result", required=False)
    admitted = forms.MultipleChoiceField(
        label="Use admitted", choices=SUBSTANCES, widget=forms.CheckboxSelectMultiple, required=False
    )
    explained = forms.MultipleChoiceField(
        label="Explained by a verified prescription",
        choices=SUBSTANCES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    verification_notes = forms.CharField(
        label="How the prescription was verified",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    chain_broken_reason = forms.CharField(
        label="Break in the chain of custody (if any)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Unsealed, mislabelled or late: the result cannot be used for enforcement",
    )

    def __init__(self, *args: Any, substances: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.substances = substances
        for substance in substances:
            label = SUBSTANCE_LABELS[Substance(substance)]
            self.fields[f"screening_{substance}"] = _reading_field(f"Screening: {label}")
            self.fields[f"confirmation_{substance}"] = _reading_field(f"Confirmation: {label}")
            self.fields[f"cutoff_{substance}"] = forms.CharField(
                label=f"Cut-off: {label}", max_length=30, required=False
            )
        # Use may be admitted of anything; a prescription explains only a substance tested for.
        explained = self.fields["explained"]
        assert isinstance(explained, forms.MultipleChoiceField)
        explained.choices = [(s, SUBSTANCE_LABELS[Substance(s)]) for s in substances]

    def to_input(self) -> LabInput:
        data = self.cleaned_data
        return LabInput(
            lab_reference=data["lab_reference"],
            dispatched_on=data["dispatched_on"],
            received_on=data["received_on"],
            result_on=data["result_on"],
            results=tuple(
                ResultInput(
                    substance=s,
                    screening=data.get(f"screening_{s}") or "",
                    confirmation=data.get(f"confirmation_{s}") or "",
                    cutoff=data.get(f"cutoff_{s}") or "",
                )
                for s in self.substances
            ),
            admitted=tuple(data["admitted"]),
            explained=tuple(data["explained"]),
            verification_notes=data["verification_notes"],
            chain_broken_reason=data["chain_broken_reason"],
        )

    def layout_fields(self) -> list[object]:
        per_substance = [
            Fieldset(
                Field.select(f"screening_{s}"),
                Field.select(f"confirmation_{s}"),
                Field.text(f"cutoff_{s}", field_width=10),
                legend=SUBSTANCE_LABELS[Substance(s)],
                legend_size=Size.SMALL,
            )
            for s in self.substances
        ]
        return [
            "version",
            "lab_reference",
            "dispatched_on",
            "received_on",
            "result_on",
            *per_substance,
            Field.checkboxes("admitted", small=True),
            Field.checkboxes("explained", small=True),
            "verification_notes",
            "chain_broken_reason",
        ]


class DecisionForm(GovukForm):
    submit_label = "Record the decision"
    version = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        label="What have you decided?",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a decision"},
    )
    notes = forms.CharField(
        label="Reasons",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Overall behaviour, risk of serious harm and links to offending",
        error_messages={"required": "Give the reasons for the decision"},
    )

    def __init__(self, *args: Any, decisions: tuple[Decision, ...], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["decision"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(d.value, DECISION_LABELS[d]) for d in decisions]

    def layout_fields(self) -> list[object]:
        return ["version", Field.radios("decision"), "notes"]
