"""The sign-off rules: what must be true before signing, when a countersignature is needed, the
transitions and the report's language."""

import itertools

import pytest

from probation.rules.court_reports.signoff import (
    TRANSITIONS,
    SignInputs,
    SignoffAction,
    SignoffStatus,
    check_editable,
    check_transition,
    countersignature_needed,
    locating_details,
    report_language,
    sign_problems,
)
from probation.rules.errors import RuleError

READY = SignInputs(
    written=True,
    sources=["interview"],
    sources_other="",
    offence_analysis="Analysis",
    proposal="Proposal",
    custody_possible=False,
    impact_of_custody="",
    dangerousness=False,
    reviewer_named=False,
    countersignature_needed=False,
)


def _fields(inputs: SignInputs) -> list[str | None]:
    return [e.field for e in sign_problems(inputs)]


def test_a_complete_report_has_no_problems():
    assert sign_problems(READY) == ()


@pytest.mark.parametrize(
    ("changes", "fields"),
    [
        ({"sources": []}, ["sources"]),
        ({"sources": ["other"]}, ["sources"]),
        ({"sources": ["other"], "sources_other": "Housing officer"}, []),
        ({"offence_analysis": "  "}, ["offence_analysis"]),
        ({"proposal": ""}, ["proposal"]),
        ({"custody_possible": True}, ["impact_of_custody"]),
        ({"custody_possible": True, "impact_of_custody": "Loses tenancy"}, []),
        ({"custody_possible": True, "written": False}, []),
        ({"dangerousness": True}, ["reviewing_spo"]),
        ({"dangerousness": True, "reviewer_named": True}, []),
        ({"countersignature_needed": True}, ["reviewing_spo"]),
        (
            {
                "sources": [],
                "offence_analysis": "",
                "proposal": "",
                "custody_possible": True,
                "dangerousness": True,
            },
            ["sources", "offence_analysis", "proposal", "impact_of_custody", "reviewing_spo"],
        ),
    ],
)
def test_each_missing_part_is_named_and_all_at_once(changes, fields):
    assert _fields(SignInputs(**(READY.__dict__ | changes))) == fields


def test_the_dangerousness_message_names_the_review():
    (error,) = sign_problems(
        SignInputs(**(READY.__dict__ | {"dangerousness": True, "countersignature_needed": True}))
    )
    assert error.message == "Select the senior probation officer who reviewed the dangerousness assessment"


@pytest.mark.parametrize(
    ("grade", "dangerousness", "flagged"),
    list(itertools.product(["PO", "PSO", "SPO", "PQIP"], [False, True], [False, True])),
)
def test_a_countersignature_is_needed_for_dangerousness_trainees_and_flagged_reports(
    grade, dangerousness, flagged
):
    expected = dangerousness or flagged or grade == "PQIP"
    assert (
        countersignature_needed(author_grade=grade, dangerousness=dangerousness, required_by_manager=flagged)
        is expected
    )


@pytest.mark.parametrize(
    ("action", "status", "to_status"),
    [
        (action, status, to_status)
        for action in SignoffAction
        for status in SignoffStatus
        for to_status in SignoffStatus
    ],
)
def test_only_the_declared_transitions_are_allowed(action, status, to_status):
    start, ends = TRANSITIONS[action]
    if status == start and to_status in ends:
        check_transition(action, status=status, to_status=to_status)
    else:
        with pytest.raises(RuleError):
            check_transition(action, status=status, to_status=to_status)


@pytest.mark.parametrize(("status", "editable"), [("draft", True), ("signed", False), ("locked", False)])
def test_only_a_draft_is_editable(status, editable):
    if editable:
        check_editable(status)
    else:
        with pytest.raises(RuleError):
            check_editable(status)


@pytest.mark.parametrize(
    ("choice", "language"),
    [("Welsh", "cy"), ("welsh", "cy"), (" Cymraeg ", "cy"), ("English", "en"), ("", "en"), ("Polish", "en")],
)
def test_the_report_is_in_welsh_when_the_person_chose_welsh(choice, language):
    assert report_language(choice) == language


def test_postcodes_and_phone_numbers_in_the_text_are_found_except_the_defendants_own():
    texts = [
        "The victim, who lives at 17 Orchard Way, LS6 2QT, was called on 07700 900456.",
        "He lives at 4 Mill Lane, LS2 7AB; his mobile is 07700-900-123. Office: +44 113 496 0000.",
        "Born 02/06/1990; PNC 2001/0123456X; 100 hours of unpaid work over 12 months.",
    ]

    found = locating_details(texts, defendants_own=["LS2 7AB", "07700 900123"])

    assert found == ["LS6 2QT", "07700 900456", "+44 113 496 0000"]


def test_a_report_without_locating_details_has_none():
    assert locating_details(["A community order of 12 months with 100 hours of unpaid work."]) == []
