"""Structured interventions and toolkits as reference data, and progress through them."""

import datetime as dt

import pytest

from probation.rules.errors import RuleError
from probation.rules.law.dated import LawNotRecorded
from probation.rules.plans.interventions import (
    CATALOGUE,
    MINIMUM_STRUCTURED_SESSIONS,
    Kind,
    NeedArea,
    catalogue_on,
    intervention,
    progress,
)

ON = dt.date(2026, 12, 3)


def test_each_need_area_the_domain_names_has_a_structured_intervention_of_at_least_four_sessions():
    structured = [i for i in catalogue_on(ON) if i.kind is Kind.STRUCTURED]

    assert {i.need_area for i in structured} == {
        NeedArea.THINKING,
        NeedArea.DOMESTIC_ABUSE,
        NeedArea.EMOTIONS,
    }
    assert all(i.minimum_sessions >= MINIMUM_STRUCTURED_SESSIONS == 4 for i in structured)
    assert CATALOGUE[0].commencement.verify


def test_a_toolkit_is_one_to_one_with_no_minimum_beyond_one():
    toolkit = intervention("toolkit", on=ON)

    assert (toolkit.kind, toolkit.delivery, toolkit.minimum_sessions) == (Kind.TOOLKIT, "one-to-one", 1)
    assert toolkit.label == "Practitioner toolkit (toolkit, any need area)"


def test_an_unknown_intervention_and_a_date_before_the_catalogue_are_refused():
    with pytest.raises(RuleError, match="Choose a structured intervention"):
        intervention("thinking_skills", on=ON)
    with pytest.raises(LawNotRecorded):
        catalogue_on(dt.date(2020, 1, 1))


@pytest.mark.parametrize(
    ("key", "attended", "complete", "text"),
    [
        ("stepwise_emotions", 0, False, "0 of at least 4 sessions attended"),
        ("stepwise_emotions", 3, False, "3 of at least 4 sessions attended"),
        ("stepwise_emotions", 4, True, "4 of at least 4 sessions attended"),
        ("stepwise_emotions", 6, True, "6 of at least 4 sessions attended"),
        ("toolkit", 0, False, "0 sessions attended"),
        ("toolkit", 1, True, "1 session attended"),
        ("toolkit", 2, True, "2 sessions attended"),
    ],
)
def test_progress_through_an_intervention(key, attended, complete, text):
    result = progress(intervention(key, on=ON), attended=attended)

    assert (result.complete, result.text) == (complete, text)


def test_negative_sessions_are_refused():
    with pytest.raises(RuleError):
        progress(intervention("toolkit", on=ON), attended=-1)
