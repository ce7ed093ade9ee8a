"""Every form's required-field messages read as sentences (issue 10 item 8: "Enter the who is at
risk" was not one)."""

import importlib
import pkgutil
import re

import pytest

import probation
from probation.frontend.forms import GovukFormMixin
from probation.frontend.forms.messages import enter, select
from probation.risk.forms.rosh import RiskManagementPlanForm, RoshAssessmentForm

BROKEN = [
    (
        re.compile(r"\b(Enter|Select) the (who|what|when|where|which|why|how|whether)\b"),
        "article before a question",
    ),
    (re.compile(r"\bthe the\b", re.IGNORECASE), "doubled article"),
    (re.compile(r"\b(Enter|Select) the (a|an|the|any)\b"), "doubled article"),
    (re.compile(r"  "), "double space"),
    (re.compile(r"\b(pnc|crn|rosh|mappa|oasys|ogrs|rar|nsi|pdu)\b"), "abbreviation lower-cased"),
    (re.compile(r"\b(Enter|Select)\s*$"), "nothing to enter"),
]


def _form_classes():
    for module in pkgutil.walk_packages(probation.__path__, "probation."):
        if ".forms" in module.name and ".tests" not in module.name and ".demo" not in module.name:
            importlib.import_module(module.name)
    seen, queue = set(), list(GovukFormMixin.__subclasses__())
    while queue:
        cls = queue.pop()
        if cls not in seen:
            seen.add(cls)
            queue.extend(cls.__subclasses__())
    return sorted(seen, key=lambda c: f"{c.__module__}.{c.__qualname__}")


def _forms():
    """Each form that can be built without arguments (the others' fields are built the same way)."""
    for cls in _form_classes():
        try:
            yield cls()
        except (TypeError, ValueError):  # needs arguments, or an abstract ModelForm
            continue


def _messages(form):
    for name, field in form.fields.items():
        for key in ("required", "invalid_choice", "incomplete"):
            message = field.error_messages.get(key)
            if isinstance(message, str) and "%(" not in message:
                yield f"{type(form).__name__}.{name}[{key}]", message


def test_every_forms_required_messages_read_as_sentences():
    problems = [
        f"{where}: {message!r} ({why})"
        for form in _forms()
        for where, message in _messages(form)
        for pattern, why in BROKEN
        if pattern.search(message)
    ]

    assert problems == []


def test_the_scan_sees_the_forms_with_generated_messages():
    names = {type(form).__name__ for form in _forms()}

    assert {"RoshAssessmentForm", "RiskManagementPlanForm", "EventForm"} <= names


def test_the_rosh_evidence_question_is_asked_as_a_sentence():
    form = RoshAssessmentForm(data={})

    form.is_valid()

    assert form.errors["who_is_at_risk"] == ["Enter who is at risk"]
    assert form.errors["nature_of_risk"] == ["Enter the nature of the risk"]
    assert RiskManagementPlanForm(data={}).fields["supervision"].error_messages["required"] == (
        "Enter the supervision"
    )


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Who is at risk", "Enter who is at risk"),
        ("Date of conviction", "Enter the date of conviction"),
        ("PNC number", "Enter the PNC number"),
        ("RoSH review date", "Enter the RoSH review date"),
        ("The reason", "Enter the reason"),
        ("  Main   offence code ", "Enter the main offence code"),
    ],
)
def test_enter_messages_are_sentences(label, expected):
    assert enter(label) == expected


def test_select_messages_are_sentences():
    assert select("Which team") == "Select which team"
    assert select("MAPPA level") == "Select the MAPPA level"
