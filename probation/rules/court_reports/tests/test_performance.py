import pytest

from probation.rules.court_reports.performance import (
    percentage,
    proposals_followed,
    sentence_followed_proposal,
)


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [(0, 0, None), (0, 5, 0), (5, 5, 100), (1, 3, 33), (2, 3, 67), (1, 8, 13), (1, 200, 1), (1, 201, 0)],
)
def test_percentage_rounds_halves_up_and_is_blank_with_nothing_to_measure(part, whole, expected):
    assert percentage(part, whole) == expected


def test_the_sentence_follows_the_proposal_when_the_types_match():
    assert sentence_followed_proposal("community_order", "community_order") is True
    assert sentence_followed_proposal("community_order", "custodial") is False


@pytest.mark.parametrize(
    ("proposed", "sentenced"), [(None, "custodial"), ("custodial", None), ("", ""), (None, None)]
)
def test_a_pair_with_an_unknown_side_is_not_compared(proposed, sentenced):
    assert sentence_followed_proposal(proposed, sentenced) is None


def test_proposals_followed_counts_only_known_pairs():
    pairs = [
        ("community_order", "community_order", 3),
        ("community_order", "suspended_sentence_order", 1),
        ("custodial", None, 4),
        (None, "custodial", 2),
    ]
    assert proposals_followed(pairs) == (3, 4)
