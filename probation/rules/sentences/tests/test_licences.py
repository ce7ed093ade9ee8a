"""Licences (enforcement.md, "Licences and recall")."""

import datetime as dt

import pytest

from probation.rules.errors import SentenceRuleError
from probation.rules.sentences.licences import (
    STANDARD_LICENCE_CONDITIONS,
    ConditionKind,
    LicenceCondition,
    SupervisionKind,
    check_licence_condition,
    supervision_after_release,
)

D = dt.date


# --- licence or post-sentence supervision ------------------------------------------------------------


def test_a_sentence_of_exactly_12_months_is_followed_by_a_licence():
    assert supervision_after_release(12) is SupervisionKind.LICENCE


def test_a_sentence_of_11_months_is_followed_by_post_sentence_supervision():
    assert supervision_after_release(11) is SupervisionKind.POST_SENTENCE_SUPERVISION


def test_a_sentence_length_below_one_month_is_refused():
    with pytest.raises(SentenceRuleError) as refused:
        supervision_after_release(0)

    assert refused.value.message == "The sentence length must be at least 1 month; 0 was given."
    assert refused.value.field == "sentence_months"


# --- licence conditions ------------------------------------------------------------------------------


def test_there_are_nine_standard_licence_conditions_in_the_order_of_enforcement_md():
    assert len(STANDARD_LICENCE_CONDITIONS) == 9
    assert STANDARD_LICENCE_CONDITIONS[0].startswith("Be of good behaviour")
    assert STANDARD_LICENCE_CONDITIONS[1] == "Not commit any offence."
    assert STANDARD_LICENCE_CONDITIONS[6] == "Not travel outside the United Kingdom without permission."
    assert (
        STANDARD_LICENCE_CONDITIONS[8]
        == "Tell the supervising officer of any new or changed contact details."
    )


def test_a_standard_condition_from_the_list_is_accepted():
    check_licence_condition(
        LicenceCondition(ConditionKind.STANDARD, STANDARD_LICENCE_CONDITIONS[1], D(2025, 1, 6))
    )


def test_a_standard_condition_with_other_text_is_refused():
    with pytest.raises(SentenceRuleError) as refused:
        check_licence_condition(LicenceCondition(ConditionKind.STANDARD, "Attend church", D(2025, 1, 6)))

    assert refused.value.field == "text"


def test_an_additional_condition_needs_text():
    with pytest.raises(SentenceRuleError) as refused:
        check_licence_condition(LicenceCondition(ConditionKind.ADDITIONAL, "  ", D(2025, 1, 6)))

    assert refused.value.message == "Enter the text of the licence condition."


def test_a_condition_ending_before_it_starts_is_refused():
    condition = LicenceCondition(
        ConditionKind.BESPOKE, "Not enter Leeds city centre", D(2025, 1, 6), D(2025, 1, 5)
    )

    with pytest.raises(SentenceRuleError) as refused:
        check_licence_condition(condition)

    assert refused.value.message == "The condition cannot end (05/01/2025) before it starts (06/01/2025)."
    assert refused.value.field == "end"


def test_a_condition_ending_on_its_start_day_is_accepted():
    check_licence_condition(
        LicenceCondition(ConditionKind.ADDITIONAL, "Curfew 7pm–7am", D(2025, 1, 6), D(2025, 1, 6))
    )
