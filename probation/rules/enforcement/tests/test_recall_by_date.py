"""Recall types and fixed terms by the date of the decision (enforcement.md § Law by date): 14/28 days
before 31 March 2026; from then 56 days for adults eligible for automatic release, 14/28 for relevant
young offenders, standard recall for those excluded from automatic release."""

import dataclasses
import datetime as dt

import pytest

from probation.rules.enforcement.recall import (
    FixedTermExclusion,
    RecallCase,
    RecallRuleKey,
    RecallType,
    allowed_recall_types,
    check_recall_type,
    fixed_term_re_release_date,
    fixed_term_recall_days,
    recall_rule_explanation,
    recall_rules_by_key,
    recall_rules_in_force_on,
    recall_rules_period,
    relevant_exclusions,
)
from probation.rules.errors import SentenceRuleError
from probation.rules.law.dated import LawNotRecorded, LawSettings
from probation.rules.sentences.licences import SentenceKind

D = dt.date
T, K, X = RecallType, SentenceKind, FixedTermExclusion
ADULT_SDS = RecallCase(sentence_kind=K.STANDARD_DETERMINATE, adult=True, sentence_months=18)
DAY_BEFORE, COMMENCEMENT, DAY_AFTER = D(2026, 3, 30), D(2026, 3, 31), D(2026, 4, 1)
# The worked boundary: 29 March 2026 is under the old rule as well.
OLD_DAYS = (D(2026, 3, 29), DAY_BEFORE)
NEW_DAYS = (COMMENCEMENT, DAY_AFTER)


def case(**changes) -> RecallCase:
    return dataclasses.replace(ADULT_SDS, **changes)


@pytest.mark.parametrize("on", OLD_DAYS)
def test_before_31_march_2026_the_14_28_day_rule_is_in_force(on):
    assert recall_rules_in_force_on(on).key == RecallRuleKey.FIXED_TERM_14_28


@pytest.mark.parametrize("on", NEW_DAYS)
def test_from_31_march_2026_the_56_day_rule_is_in_force(on):
    assert recall_rules_in_force_on(on).key == RecallRuleKey.FIXED_TERM_56


def test_no_recall_rules_are_recorded_before_the_14_day_recall_began():
    assert recall_rules_in_force_on(D(2015, 2, 1)).key == RecallRuleKey.FIXED_TERM_14_28
    with pytest.raises(LawNotRecorded):
        recall_rules_in_force_on(D(2015, 1, 31))


@pytest.mark.parametrize(("on", "days"), [(DAY_BEFORE, 28), (COMMENCEMENT, 56), (DAY_AFTER, 56)])
def test_an_adult_eligible_for_automatic_release_gets_a_28_then_56_day_fixed_term(on, days):
    rules = recall_rules_in_force_on(on)
    assert allowed_recall_types(ADULT_SDS, rules) == {T.FIXED_TERM}
    assert fixed_term_recall_days(18, adult=True, rules=rules) == days
    assert fixed_term_re_release_date(D(2026, 4, 1), 18, rules=rules) == D(2026, 4, 1) + dt.timedelta(days)


@pytest.mark.parametrize("on", [DAY_BEFORE, COMMENCEMENT, DAY_AFTER])
@pytest.mark.parametrize(("months", "days"), [(11, 14), (12, 28)])
def test_a_relevant_young_offender_keeps_14_or_28_days_on_both_sides(on, months, days):
    rules = recall_rules_in_force_on(on)
    young = case(adult=False, sentence_months=months)
    assert fixed_term_recall_days(months, adult=False, rules=rules) == days
    assert allowed_recall_types(young, rules) == {T.STANDARD, T.FIXED_TERM}


@pytest.mark.parametrize("on", OLD_DAYS)
def test_an_adult_on_a_short_sentence_had_14_days_before_the_change(on):
    assert fixed_term_recall_days(11, rules=recall_rules_in_force_on(on)) == 14


@pytest.mark.parametrize("on", NEW_DAYS)
def test_an_adult_on_a_short_sentence_gets_56_days_from_the_change(on):
    assert fixed_term_recall_days(11, rules=recall_rules_in_force_on(on)) == 56


@pytest.mark.parametrize(
    "changes",
    [
        {"charged_with_new_offence": True},
        {"terrorist_or_national_security_offence": True},
        {"referred_to_parole_board": True},
        {"sentence_kind": K.SENTENCE_OF_PARTICULAR_CONCERN},
        {"adult": False, "charged_with_new_offence": True},
    ],
)
def test_from_31_march_2026_a_person_excluded_from_automatic_release_gets_standard_recall_only(changes):
    assert allowed_recall_types(case(**changes), recall_rules_in_force_on(COMMENCEMENT)) == {T.STANDARD}
    # the day before, the same exclusion only made a fixed-term recall optional
    before = allowed_recall_types(case(**changes), recall_rules_in_force_on(DAY_BEFORE))
    assert before == {T.STANDARD, T.FIXED_TERM}


@pytest.mark.parametrize("changes", [{"mappa_level": 2}, {"mappa_level": 3}, {"mappa_category": 4}])
def test_mappa_made_fixed_term_optional_before_the_change_but_is_not_an_automatic_release_exclusion(changes):
    assert allowed_recall_types(case(**changes), recall_rules_in_force_on(DAY_BEFORE)) == {
        T.STANDARD,
        T.FIXED_TERM,
    }
    assert allowed_recall_types(case(**changes), recall_rules_in_force_on(COMMENCEMENT)) == {T.FIXED_TERM}


@pytest.mark.parametrize("on", [DAY_BEFORE, COMMENCEMENT, DAY_AFTER])
@pytest.mark.parametrize("kind", [K.INDETERMINATE, K.EXTENDED])
def test_indeterminate_and_extended_sentences_are_standard_recall_only_on_both_sides(on, kind):
    assert allowed_recall_types(case(sentence_kind=kind), recall_rules_in_force_on(on)) == {T.STANDARD}


def test_from_31_march_2026_a_standard_recall_of_an_eligible_adult_is_refused_naming_the_56_days():
    with pytest.raises(SentenceRuleError) as refused:
        check_recall_type(ADULT_SDS, T.STANDARD, rules=recall_rules_in_force_on(COMMENCEMENT))
    assert refused.value.message.startswith(
        "An adult eligible for automatic release is recalled for a 56-day fixed term; a standard recall "
        "needs one of these: recalled on a new charge"
    )


def test_from_31_march_2026_a_fixed_term_recall_of_an_excluded_person_is_refused():
    with pytest.raises(SentenceRuleError) as refused:
        check_recall_type(
            case(referred_to_parole_board=True), T.FIXED_TERM, rules=recall_rules_in_force_on(DAY_AFTER)
        )
    assert refused.value.message == (
        "A person excluded from automatic release (referred to the Parole Board) can only be recalled on a "
        "standard recall."
    )


def test_before_31_march_2026_a_standard_recall_of_an_eligible_adult_is_refused_as_before():
    with pytest.raises(SentenceRuleError, match="A fixed-term recall is mandatory"):
        check_recall_type(ADULT_SDS, T.STANDARD, rules=recall_rules_in_force_on(DAY_BEFORE))


def test_recalled_from_hdc_the_56_day_recall_lasts_to_the_later_of_56_days_and_the_custodial_period():
    rules = recall_rules_in_force_on(COMMENCEMENT)
    returned = D(2026, 4, 1)
    later = D(2026, 7, 1)
    earlier = D(2026, 5, 1)
    assert fixed_term_re_release_date(returned, 18, rules=rules, hdc_custodial_period_ends_on=later) == later
    assert fixed_term_re_release_date(returned, 18, rules=rules, hdc_custodial_period_ends_on=earlier) == D(
        2026, 5, 27
    )


def test_before_the_change_an_hdc_recall_is_the_plain_28_days():
    rules = recall_rules_in_force_on(DAY_BEFORE)
    assert fixed_term_re_release_date(
        D(2026, 3, 1), 18, rules=rules, hdc_custodial_period_ends_on=D(2026, 7, 1)
    ) == D(2026, 3, 29)


def test_a_recall_keeps_the_rule_it_was_decided_under():
    rules = recall_rules_by_key(RecallRuleKey.FIXED_TERM_14_28)
    assert fixed_term_recall_days(18, rules=rules) == 28
    assert recall_rules_period(RecallRuleKey.FIXED_TERM_14_28) == "the rules in force before 31 March 2026"
    assert recall_rules_period(RecallRuleKey.FIXED_TERM_56) == "the rules in force from 31 March 2026"


def test_the_automatic_release_exclusions_are_reference_data_settings_may_correct():
    settings = LawSettings(automatic_release_exclusions=frozenset({X.MAPPA_LEVEL_2_OR_3.value}))
    rules = recall_rules_in_force_on(COMMENCEMENT, settings=settings)
    assert allowed_recall_types(case(mappa_level=2), rules) == {T.STANDARD}
    assert allowed_recall_types(case(referred_to_parole_board=True), rules) == {T.FIXED_TERM}


def test_a_corrected_commencement_date_moves_the_56_day_boundary():
    settings = LawSettings(commencements={RecallRuleKey.FIXED_TERM_56.value: D(2026, 4, 2)})
    assert recall_rules_in_force_on(DAY_AFTER, settings=settings).key == RecallRuleKey.FIXED_TERM_14_28


@pytest.mark.parametrize(
    ("on", "changes", "expected"),
    [
        (COMMENCEMENT, {}, "An adult eligible for automatic release is recalled for a 56-day fixed term."),
        (
            DAY_BEFORE,
            {},
            "A 28-day fixed-term recall is mandatory for an adult on a standard determinate sentence when no "
            "exclusion applies.",
        ),
        (
            COMMENCEMENT,
            {"charged_with_new_offence": True},
            "The person is excluded from automatic release (recalled on a new charge (charged, not yet "
            "convicted)), so only a standard recall is allowed.",
        ),
        (
            COMMENCEMENT,
            {"adult": False, "sentence_months": 6},
            "A young person may have a standard recall or a 14-day fixed-term recall (14 days for a sentence "
            "under 12 months, 28 days for 12 months or more).",
        ),
        (
            DAY_BEFORE,
            {"mappa_level": 2},
            "A fixed-term recall is not mandatory because an exclusion applies (MAPPA level 2 or 3): a "
            "standard recall or a 28-day fixed-term recall may be chosen.",
        ),
    ],
)
def test_the_explanation_says_why_these_types(on, changes, expected):
    assert recall_rule_explanation(case(**changes), recall_rules_in_force_on(on)) == expected


def test_only_the_exclusions_a_version_counts_are_relevant():
    mappa_and_charge = case(mappa_level=2, charged_with_new_offence=True)
    assert relevant_exclusions(mappa_and_charge, recall_rules_in_force_on(DAY_BEFORE)) == (
        X.CHARGED_WITH_NEW_OFFENCE,
        X.MAPPA_LEVEL_2_OR_3,
    )
    assert relevant_exclusions(mappa_and_charge, recall_rules_in_force_on(COMMENCEMENT)) == (
        X.CHARGED_WITH_NEW_OFFENCE,
    )
