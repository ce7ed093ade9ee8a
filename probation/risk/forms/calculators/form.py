"""The calculator form, built from a calculator's spec. It checks shape only (real dates, whole
numbers, an answer for every always-required input); the predictor checks everything else and
its problems are attached to the fields they name."""

from collections.abc import Iterable
from enum import Enum
from typing import Any

from crispy_forms_gds.layout import HTML, Field, Fieldset, Size
from django import forms
from django.utils.html import format_html

from probation.core.clock import today_uk
from probation.frontend.forms import GovukForm
from probation.frontend.forms.dates import date_field
from probation.risk.forms.calculators.questions import CHOICE_LABELS, NOT_KNOWN, QUESTIONS, YES_NO, Question
from probation.risk.forms.calculators.specs import Calculator, InputKind, input_kinds
from probation.rules.predictors import InputProblem

# Counts above this are typing mistakes, not criminal histories.
MAXIMUM_COUNT = 999


class OffenceCodeField(forms.CharField):
    """A Home Office offence code as typed, spaces removed ("027 00" → "02700"); the predictor checks it."""

    def to_python(self, value: Any) -> str | None:
        text = super().to_python(value)
        return "".join(text.split()) if text else text


def _yes_no(value: str) -> bool:
    return value == "yes"


def _choice_field(question: Question, what: str, kind: InputKind) -> forms.Field:
    if issubclass(kind.type, Enum):  # kind.is_enum, narrowed for the type checker
        labels = CHOICE_LABELS[kind.type]
        choices: list[tuple[str, str]] = [(member.value, labels[member.value]) for member in kind.type]
        coerce: Any = kind.type
    else:
        choices, coerce = list(YES_NO), _yes_no
    if not kind.required:
        choices.append(NOT_KNOWN)
    return forms.TypedChoiceField(
        label=question.label,
        help_text=question.hint,
        choices=choices,
        coerce=coerce,
        empty_value=None,
        required=kind.required,
        widget=forms.RadioSelect,
        error_messages={"required": f"Select {what}", "invalid_choice": f"Select {what}"},
    )


def build_field(name: str, kind: InputKind) -> forms.Field:
    """The form field for predictor input `name`, worded from QUESTIONS."""
    question = QUESTIONS[name]
    what = question.what or question.label[0].lower() + question.label[1:]
    if kind.is_date:
        return date_field(question.label, required=kind.required, help_text=question.hint)
    if kind.type is bool or kind.is_enum:
        return _choice_field(question, what, kind)
    messages = {"required": f"Enter {what}"}
    if kind.type is int:
        messages |= {
            "invalid": f"{question.label} must be a whole number, like 3",
            "max_value": f"{question.label} must be {MAXIMUM_COUNT} or less",
        }
        return forms.IntegerField(
            label=question.label,
            help_text=question.hint,
            required=kind.required,
            max_value=MAXIMUM_COUNT,
            widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
            error_messages=messages,
        )
    return OffenceCodeField(
        label=question.label,
        help_text=question.hint,
        required=kind.required,
        max_length=20,
        empty_value=None,
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
        error_messages=messages | {"max_length": f"Enter {what} as 5 digits, like 02801"},
    )


class CalculatorForm(GovukForm):
    """Every input of one predictor, in the spec's fieldsets."""

    submit_label = "Calculate"

    def __init__(self, calculator: Calculator, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.calculator = calculator
        self.kinds = input_kinds(calculator)
        for name in calculator.input_names:
            self.fields[name] = build_field(name, self.kinds[name])
        if "assessment_date" in self.fields:
            self.fields["assessment_date"].initial = today_uk()

    def layout_fields(self) -> list[object]:
        layout: list[object] = []
        for number, section in enumerate(self.calculator.sections, start=1):
            items = [self._layout_field(name) for name in section.inputs]
            attrs = {}
            if section.hint:
                hint_id = f"section-{number}-hint"
                items.insert(0, _hint(hint_id, section.hint))
                attrs = {"aria_describedby": hint_id}
            layout.append(Fieldset(*items, legend=section.legend, legend_size=Size.MEDIUM, **attrs))
        return layout

    def _layout_field(self, name: str) -> object:
        kind = self.kinds[name]
        if kind.is_date:
            return Field(name)
        if kind.type is bool:
            return Field.radios(name, inline=True)
        if kind.is_enum:
            return Field.radios(name)
        if kind.type is int:
            return Field.text(name, field_width=3)
        return Field.text(name, field_width=5)

    def predictor_inputs(self) -> object:
        """The predictor's inputs dataclass from the cleaned answers (call after is_valid)."""
        return self.calculator.inputs_type(**{name: self.cleaned_data[name] for name in self.fields})

    def add_predictor_problems(self, problems: Iterable[InputProblem]) -> None:
        """Attach each problem to its field; a problem about anything else goes to the whole form."""
        for problem in problems:
            self.add_error(problem.field if problem.field in self.fields else None, problem.message)


def _hint(hint_id: str, text: str) -> HTML:
    return HTML(format_html('<div class="govuk-hint" id="{}">{}</div>', hint_id, text))
