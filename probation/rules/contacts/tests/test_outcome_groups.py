"""The outcome form's groups and hints (enforcement.md, "Outcomes")."""

import pytest

from probation.rules.contacts.outcome_groups import (
    GROUP_HEADINGS,
    HINTS,
    OutcomeGroup,
    group_of,
    grouped_outcomes,
)
from probation.rules.contacts.outcomes import CONTACT_TYPES, OUTCOMES, OutcomeCode, OutcomeKind

OC, G = OutcomeCode, OutcomeGroup


def test_every_outcome_is_in_exactly_one_group():
    everything = grouped_outcomes(OutcomeCode)
    shown = [code for group in everything for code in group.codes]

    assert sorted(shown) == sorted(OutcomeCode)
    assert len(shown) == len(set(shown))
    assert [g.group for g in everything] == list(GROUP_HEADINGS)


@pytest.mark.parametrize("kind", list(OutcomeKind))
def test_every_kind_of_outcome_has_a_group(kind):
    for code, row in OUTCOMES.items():
        if row.kind is kind:
            assert group_of(code) in GROUP_HEADINGS


@pytest.mark.parametrize("type_code", [code for code, t in CONTACT_TYPES.items() if t.attendance])
def test_every_outcome_a_contact_type_allows_is_grouped_once(type_code):
    allowed = CONTACT_TYPES[type_code].allowed_outcomes
    shown = [code for group in grouped_outcomes(allowed) for code in group.codes]

    assert sorted(shown) == sorted(allowed)


def test_every_outcome_has_a_plain_english_hint():
    assert set(HINTS) == set(OutcomeCode)
    assert all(hint.endswith(".") and hint[0].isupper() for hint in HINTS.values())


def test_the_groups_follow_the_outcomes_table():
    assert [group_of(c) for c in (OC.ATTC, OC.AFTC, OC.ATSH, OC.TRFS)] == [G.ATTENDED] * 4
    assert [group_of(c) for c in (OC.AFTA, OC.UAAB)] == [G.DID_NOT_ATTEND] * 2
    assert [group_of(c) for c in (OC.AAME, OC.CO05)] == [G.ACCEPTABLE_ABSENCE] * 2
    assert [group_of(c) for c in (OC.ATFI, OC.UBHV, OC.CO10)] == [G.OTHER] * 3
    assert [group_of(c) for c in (OC.RSOF, OC.RSSR)] == [G.RESCHEDULED] * 2


def test_empty_groups_are_left_out_and_order_is_kept():
    groups = grouped_outcomes([OC.UAAB, OC.ATTC, OC.AFTA])

    assert [(g.heading, g.codes) for g in groups] == [
        ("Attended", (OC.ATTC,)),
        ("Did not attend", (OC.UAAB, OC.AFTA)),
    ]


def test_the_hints_tell_a_failed_to_attend_from_an_unacceptable_absence():
    assert "waiting for evidence" in HINTS[OC.AFTA]
    assert "no acceptable reason" in HINTS[OC.UAAB]
