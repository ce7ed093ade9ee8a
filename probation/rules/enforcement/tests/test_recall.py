"""Recall (enforcement.md, "Licences and recall")."""

import dataclasses
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from probation.rules.enforcement.recall import (
    FixedTermExclusion,
    RecallCase,
    RecallType,
    allowed_recall_types,
    check_recall_decision,
    check_recall_submission,
    check_recall_type,
    fixed_term_exclusions,
    fixed_term_re_release_date,
    fixed_term_recall_days,
)
from probation.rules.errors import SentenceRuleError
from probation.rules.sentences.licences import (
    SentenceKind,
)

D = dt.date
T, K, X = RecallType, SentenceKind, FixedTermExclusion
ADULT_SDS = RecallCase(sentence_kind=K.STANDARD_DETERMINATE, adult=True, sentence_months=18)


def case(**changes) -> RecallCase:
    return dataclasses.replace(ADULT_SDS, **changes)


# --- fixed-term exclusions ---------------------------------------------------------------------------


def test_an_adult_on_a_standard_determinate_sentence_with_no_exclusion_must_have_a_fixed_term_recall():
    assert fixed_term_exclusions(ADULT_SDS) == ()
    assert allowed_recall_types(ADULT_SDS) == {T.FIXED_TERM}


@pytest.mark.parametrize(
    ("changes", "exclusion"),
    [
        ({"charged_with_new_offence": True}, X.CHARGED_WITH_NEW_OFFENCE),
        ({"mappa_level": 2}, X.MAPPA_LEVEL_2_OR_3),
        ({"mappa_level": 3}, X.MAPPA_LEVEL_2_OR_3),
        ({"mappa_category": 4}, X.MAPPA_CATEGORY_4),
        ({"terrorist_or_national_security_offence": True}, X.TERRORIST_OR_NATIONAL_SECURITY_OFFENCE),
        ({"sentence_kind": K.SENTENCE_OF_PARTICULAR_CONCERN}, X.SOPC_OR_EXTENDED_SENTENCE),
        ({"referred_to_parole_board": True}, X.REFERRED_TO_PAROLE_BOARD),
    ],
)
def test_each_exclusion_makes_either_recall_type_allowed(changes, exclusion):
    recall_case = case(**changes)

    assert fixed_term_exclusions(recall_case) == (exclusion,)
    assert allowed_recall_types(recall_case) == {T.STANDARD, T.FIXED_TERM}


@pytest.mark.parametrize("changes", [{"mappa_level": 1}, {"mappa_category": 1}, {"mappa_category": 3}])
def test_mappa_level_1_and_categories_1_to_3_are_not_exclusions(changes):
    assert fixed_term_exclusions(case(**changes)) == ()
    assert allowed_recall_types(case(**changes)) == {T.FIXED_TERM}


def test_several_exclusions_are_listed_in_the_order_of_enforcement_md():
    recall_case = case(referred_to_parole_board=True, charged_with_new_offence=True, mappa_level=3)

    assert fixed_term_exclusions(recall_case) == (
        X.CHARGED_WITH_NEW_OFFENCE,
        X.MAPPA_LEVEL_2_OR_3,
        X.REFERRED_TO_PAROLE_BOARD,
    )


@pytest.mark.parametrize("kind", [K.INDETERMINATE, K.EXTENDED])
def test_indeterminate_and_extended_sentences_allow_standard_recall_only(kind):
    assert allowed_recall_types(case(sentence_kind=kind)) == {T.STANDARD}


def test_the_mandatory_fixed_term_rule_is_for_adults_only():
    assert allowed_recall_types(case(adult=False)) == {T.STANDARD, T.FIXED_TERM}


def test_an_impossible_mappa_level_is_refused():
    with pytest.raises(SentenceRuleError) as refused:
        fixed_term_exclusions(case(mappa_level=4))

    assert refused.value.message == "MAPPA level must be 1, 2 or 3; 4 was given."
    assert refused.value.field == "mappa_level"


def test_an_impossible_mappa_category_is_refused():
    with pytest.raises(SentenceRuleError) as refused:
        fixed_term_exclusions(case(mappa_category=0))

    assert refused.value.field == "mappa_category"


# --- check_recall_type -------------------------------------------------------------------------------


def test_a_standard_recall_where_fixed_term_is_mandatory_is_refused_listing_the_exclusions():
    with pytest.raises(SentenceRuleError) as refused:
        check_recall_type(ADULT_SDS, T.STANDARD)

    assert refused.value.message == (
        "A fixed-term recall is mandatory for an adult on a standard determinate sentence unless one of "
        "these applies: recalled on a new charge (charged, not yet convicted); MAPPA level 2 or 3; MAPPA "
        "category 4; terrorist or national-security offence; sentence of particular concern or extended "
        "sentence; referred to the Parole Board. None applies, so a standard recall is not allowed."
    )
    assert refused.value.field == "recall_type"


def test_a_fixed_term_recall_on_an_extended_sentence_is_refused():
    with pytest.raises(SentenceRuleError) as refused:
        check_recall_type(case(sentence_kind=K.EXTENDED), T.FIXED_TERM)

    assert (
        refused.value.message
        == "Indeterminate and extended sentences can only be recalled on a standard recall."
    )


def test_an_emergency_recall_is_a_standard_recall():
    check_recall_type(case(mappa_level=2), T.STANDARD, emergency=True)


def test_an_emergency_fixed_term_recall_is_refused():
    with pytest.raises(SentenceRuleError) as refused:
        check_recall_type(case(mappa_level=2), T.FIXED_TERM, emergency=True)

    assert (
        refused.value.message == "An emergency recall is an urgent standard recall; it cannot be fixed-term."
    )


def test_an_emergency_recall_is_refused_where_fixed_term_is_mandatory():
    with pytest.raises(SentenceRuleError):
        check_recall_type(ADULT_SDS, T.STANDARD, emergency=True)


# --- fixed-term re-release ---------------------------------------------------------------------------


def test_a_fixed_term_recall_on_a_sentence_under_12_months_lasts_14_days():
    assert fixed_term_recall_days(11) == 14


def test_a_fixed_term_recall_on_a_sentence_of_exactly_12_months_lasts_28_days():
    assert fixed_term_recall_days(12) == 28


def test_re_release_is_14_days_after_return_to_custody_for_a_short_sentence():
    assert fixed_term_re_release_date(D(2025, 3, 3), 6) == D(2025, 3, 17)


def test_re_release_is_28_days_after_return_to_custody_for_a_longer_sentence():
    assert fixed_term_re_release_date(D(2025, 3, 3), 24) == D(2025, 3, 31)


@given(months=st.integers(1, 600))
def test_fixed_term_is_always_14_or_28_days_split_at_12_months(months):
    assert fixed_term_recall_days(months) == (14 if months < 12 else 28)


# --- the recall decision -----------------------------------------------------------------------------


def test_a_recall_submission_needs_at_least_one_breached_condition():
    with pytest.raises(SentenceRuleError) as refused:
        check_recall_submission(["", "  "])

    assert refused.value.message == "Select the licence conditions that were breached."
    assert refused.value.field == "breached_conditions"


def test_a_recall_submission_keeps_the_breached_conditions():
    assert check_recall_submission(["Not commit any offence.", ""]) == ("Not commit any offence.",)


def test_a_no_recall_decision_needs_a_letter_to_the_person():
    assert check_recall_decision(recall=False, rationale="Risk managed with increased reporting") is True


def test_a_recall_decision_needs_no_letter():
    assert check_recall_decision(recall=True, rationale="Further offence; risk to the public") is False


def test_a_recall_decision_without_rationale_is_refused():
    with pytest.raises(SentenceRuleError) as refused:
        check_recall_decision(recall=True, rationale="")

    assert refused.value.message == "Give the rationale for the recall decision."
    assert refused.value.field == "rationale"
