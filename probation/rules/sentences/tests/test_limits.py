"""Sentencing limits by the date of sentence (enforcement.md § Law by date; court-reports.md)."""

import datetime as dt

import pytest

from probation.rules.law.dated import LawNotRecorded, LawSettings
from probation.rules.sentences.limits import (
    SENTENCING_ACT_2026_SUSPENDED,
    check_community_order,
    check_suspended_sentence,
    check_top_up_supervision,
    sentencing_limits_summary,
    sentencing_rules_in_force_on,
    suspension_presumption_note,
)

D = dt.date
DAY_BEFORE, COMMENCEMENT, DAY_AFTER = D(2026, 3, 21), D(2026, 3, 22), D(2026, 3, 23)


def messages(errors):
    return [(e.field, e.message) for e in errors]


@pytest.mark.parametrize(("on", "limit"), [(DAY_BEFORE, 24), (COMMENCEMENT, 36), (DAY_AFTER, 36)])
def test_a_suspended_sentence_order_suspends_up_to_2_then_3_years(on, limit):
    rules = sentencing_rules_in_force_on(on)
    assert rules.suspended_sentence.rule.custodial_max_months == limit
    assert rules.suspended_sentence.rule.operational_max_months == limit
    assert check_suspended_sentence(rules, custodial_months=limit, supervision_months=limit) == []
    assert len(check_suspended_sentence(rules, custodial_months=limit + 1, supervision_months=limit + 1)) == 2


def test_a_25_month_term_suspended_the_day_before_is_refused_naming_the_limit_and_the_date():
    errors = check_suspended_sentence(
        sentencing_rules_in_force_on(DAY_BEFORE), custodial_months=25, supervision_months=25
    )
    assert messages(errors) == [
        (
            "custodial_months",
            "A suspended sentence order imposed before 22 March 2026 can suspend a term of at most 2 years "
            "(24 months); 25 was given",
        ),
        (
            "length_months",
            "A suspended sentence order imposed before 22 March 2026 has an operational period of at most "
            "2 years (24 months), and its supervision period cannot be longer; 25 was given",
        ),
    ]


def test_a_37_month_term_suspended_on_the_day_is_refused_naming_the_3_year_limit():
    errors = check_suspended_sentence(
        sentencing_rules_in_force_on(COMMENCEMENT), custodial_months=37, supervision_months=None
    )
    assert messages(errors) == [
        (
            "custodial_months",
            "A suspended sentence order imposed on or after 22 March 2026 can suspend a term of at most "
            "3 years (36 months); 37 was given",
        )
    ]


def test_no_suspended_sentence_limits_are_recorded_before_laspo():
    rules = sentencing_rules_in_force_on(D(2012, 12, 2))
    assert rules.suspended_sentence is None
    assert messages(check_suspended_sentence(rules, custodial_months=6, supervision_months=6)) == [
        ("sentence_date", "No suspended sentence order limits are recorded before 3 December 2012")
    ]
    assert sentencing_rules_in_force_on(D(2012, 12, 3)).suspended_sentence.rule.custodial_max_months == 24


def test_no_sentencing_rules_are_recorded_before_the_2003_act_framework():
    with pytest.raises(LawNotRecorded):
        sentencing_rules_in_force_on(D(2005, 4, 3))


@pytest.mark.parametrize("on", [D(2005, 4, 4), D(2020, 11, 30), D(2020, 12, 1), D(2020, 12, 2), DAY_AFTER])
def test_a_community_order_lasts_at_most_3_years_throughout(on):
    rules = sentencing_rules_in_force_on(on)
    assert check_community_order(rules, length_months=36) == []
    assert messages(check_community_order(rules, length_months=37)) == [
        ("length_months", "A community order lasts at most 3 years (36 months); 37 was given")
    ]


@pytest.mark.parametrize(
    ("on", "citation"),
    [
        (D(2020, 11, 30), "Criminal Justice Act 2003"),
        (D(2020, 12, 1), "Sentencing Act 2020"),
        (D(2020, 12, 2), "Sentencing Act 2020"),
    ],
)
def test_orders_need_a_requirement_under_the_2003_act_and_the_sentencing_act_2020(on, citation):
    version = sentencing_rules_in_force_on(on).order_requirement
    assert version.rule.needs_a_requirement
    assert version.citation.startswith(citation)


@pytest.mark.parametrize(
    ("on", "available"),
    [
        (D(2015, 1, 31), False),
        (D(2015, 2, 1), True),
        (D(2015, 2, 2), True),
        (DAY_BEFORE, True),
        (COMMENCEMENT, False),
        (DAY_AFTER, False),
    ],
)
def test_top_up_supervision_exists_from_the_2014_act_until_its_repeal(on, available):
    rules = sentencing_rules_in_force_on(on)
    assert rules.top_up_supervision_available is available
    assert (check_top_up_supervision(rules, length_months=12) == []) is available


def test_a_top_up_supervision_after_the_repeal_is_refused_with_the_date():
    assert messages(
        check_top_up_supervision(sentencing_rules_in_force_on(COMMENCEMENT), length_months=6)
    ) == [
        (
            "sentence_type",
            "Post-sentence (top-up) supervision was repealed by the Sentencing Act 2026 from 22 March 2026: a "
            "sentence imposed on or after that date has none",
        )
    ]


def test_a_top_up_supervision_longer_than_12_months_is_refused():
    assert messages(check_top_up_supervision(sentencing_rules_in_force_on(DAY_BEFORE), length_months=13)) == [
        ("length_months", "Post-sentence supervision lasts at most 12 months after release; 13 was given")
    ]


@pytest.mark.parametrize(("on", "noted"), [(DAY_BEFORE, False), (COMMENCEMENT, True), (DAY_AFTER, True)])
@pytest.mark.parametrize(("months", "short"), [(12, True), (13, False)])
def test_an_immediate_term_of_12_months_or_less_is_explained_from_the_presumption(on, noted, months, short):
    note = suspension_presumption_note(sentencing_rules_in_force_on(on), custodial_months=months)
    assert bool(note) is (noted and short)


def test_the_presumption_note_names_the_date_the_limit_and_the_exception():
    note = suspension_presumption_note(sentencing_rules_in_force_on(COMMENCEMENT), custodial_months=6)
    assert note == (
        "From 22 March 2026 (Sentencing Act 2026) a custodial term of 12 months or less is presumed to be "
        "suspended unless there are exceptional circumstances. Check that the court found exceptional "
        "circumstances to impose this immediate term of 6 months."
    )


def test_the_2026_commencement_is_marked_verify_and_settings_may_correct_it():
    assert SENTENCING_ACT_2026_SUSPENDED.verify
    settings = LawSettings(commencements={SENTENCING_ACT_2026_SUSPENDED.key: D(2026, 4, 1)})
    rules = sentencing_rules_in_force_on(COMMENCEMENT, settings=settings)
    assert rules.suspended_sentence.rule.custodial_max_months == 24
    errors = check_suspended_sentence(rules, custodial_months=25, supervision_months=None, settings=settings)
    assert "imposed before 1 April 2026" in errors[0].message


def test_the_summary_lists_the_sentences_the_law_allowed_on_each_side_of_the_change():
    assert sentencing_limits_summary(sentencing_rules_in_force_on(DAY_BEFORE)) == (
        "Community order: up to 3 years.",
        "Suspended sentence order: a custodial term of up to 2 years, suspended for up to 2 years.",
        "Top-up supervision after release: up to 12 months.",
    )
    assert sentencing_limits_summary(sentencing_rules_in_force_on(COMMENCEMENT)) == (
        "Community order: up to 3 years.",
        "Suspended sentence order: a custodial term of up to 3 years, suspended for up to 3 years.",
        "Immediate custody of 12 months or less: presumed suspended unless there are exceptional "
        "circumstances (from 22 March 2026).",
        "Top-up supervision: none (repealed from 22 March 2026).",
    )
