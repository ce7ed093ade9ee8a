"""Relative rates with their 95% log (Katz) interval against worked examples (equality.md), and the
suppression of small numbers. Each interval below is worked by hand:
exp(ln RR ± 1.96 × √(1/a − 1/n₁ + 1/c − 1/n₂))."""

from decimal import Decimal

import pytest

from probation.rules.insights.relative_rate import Comparison, group_figure, relative_rate

D = Decimal


@pytest.mark.parametrize(
    ("a", "n1", "c", "n2", "expected", "comparison"),
    [
        # The textbook risk-ratio example: 15 of 150 against 100 of 250. RR 0.25;
        # SE = √(1/15 − 1/150 + 1/100 − 1/250) = √0.066 = 0.2569; exp(−1.3863 ∓ 0.5035) = 0.1511, 0.4136.
        (15, 150, 100, 250, (D("0.25"), D("0.15"), D("0.41")), Comparison.LOWER),
        # 20 of 100 against 10 of 100: RR 2; SE = √0.13 = 0.3606; exp(0.6931 ∓ 0.7067) = 0.9866, 4.0545.
        # The interval includes 1, so no clear difference despite the doubled rate.
        (20, 100, 10, 100, (D("2.00"), D("0.99"), D("4.05")), Comparison.NO_CLEAR_DIFFERENCE),
        # 15 of 60 against 45 of 540: RR 3; SE = √(1/15 − 1/60 + 1/45 − 1/540) = 0.2652;
        # exp(1.0986 ∓ 0.5198) = 1.7837, 5.0458.
        (15, 60, 45, 540, (D("3.00"), D("1.78"), D("5.05")), Comparison.HIGHER),
        # 50 of 200 against 100 of 1,000: RR 2.5; SE = √(0.02 − 0.005 + 0.01 − 0.001) = 0.1549;
        # exp(0.9163 ∓ 0.3036) = 1.8453, 3.3870.
        (50, 200, 100, 1000, (D("2.50"), D("1.85"), D("3.39")), Comparison.HIGHER),
        # Equal rates: RR 1; SE = √0.099 = 0.3146; exp(∓0.6167) = 0.5397, 1.8528.
        (10, 100, 100, 1000, (D("1.00"), D("0.54"), D("1.85")), Comparison.NO_CLEAR_DIFFERENCE),
    ],
)
def test_relative_rate_and_interval_match_the_worked_examples(a, n1, c, n2, expected, comparison):
    result = relative_rate(a=a, n1=n1, c=c, n2=n2)

    assert result.rounded() == expected
    assert result.comparison == comparison


@pytest.mark.parametrize(
    ("a", "n1", "c", "n2", "reason"),
    [
        (0, 50, 10, 100, "No one in this group had the outcome"),
        (5, 50, 0, 100, "No one else had the outcome"),
        (0, 0, 10, 100, "No one in this group"),
        (5, 50, 0, 0, "No one else to compare with"),
    ],
)
def test_no_relative_rate_when_a_side_has_no_outcome(a, n1, c, n2, reason):
    result = relative_rate(a=a, n1=n1, c=c, n2=n2)

    assert result.rounded() is None
    assert result.not_computed_reason == reason
    assert result.comparison == Comparison.NOT_COMPUTED


@pytest.mark.parametrize(("a", "n1", "c", "n2"), [(-1, 10, 1, 10), (11, 10, 1, 10), (1, 10, 11, 10)])
def test_impossible_counts_are_refused(a, n1, c, n2):
    with pytest.raises(ValueError, match="counts"):
        relative_rate(a=a, n1=n1, c=c, n2=n2)


def test_a_group_of_fewer_than_10_people_shows_none_of_its_figures():
    figure = group_figure(with_outcome=3, people=9, total_with_outcome=100, total_people=1000)

    assert figure.group_suppressed
    assert (figure.people, figure.with_outcome, figure.rate_percent, figure.relative) == (None,) * 4


def test_a_group_of_exactly_10_people_is_shown():
    figure = group_figure(with_outcome=0, people=10, total_with_outcome=100, total_people=1000)

    assert not figure.group_suppressed
    assert (figure.people, figure.with_outcome, figure.rate_percent) == (10, 0, D("0.0"))
    assert figure.relative is not None
    assert figure.relative.comparison == Comparison.NOT_COMPUTED


def test_an_outcome_count_of_1_to_9_is_hidden_but_the_rates_are_shown():
    figure = group_figure(with_outcome=9, people=30, total_with_outcome=100, total_people=1000)

    assert figure.outcome_suppressed
    assert not figure.group_suppressed
    assert figure.with_outcome is None
    assert figure.people == 30
    assert figure.rate_percent == D("30.0")
    # a = 9 of 30 against c = 91 of 970: RR 3.20 (1.79 to 5.71).
    assert figure.relative is not None
    assert figure.relative.rounded() == (D("3.20"), D("1.79"), D("5.71"))


def test_the_comparison_is_with_everyone_else_not_with_everyone():
    # Totals include the group: 20 of 100 in the group, 30 of 300 overall ⇒ others 10 of 200.
    figure = group_figure(with_outcome=20, people=100, total_with_outcome=30, total_people=300)

    assert figure.relative is not None
    assert figure.relative.rounded() is not None
    assert figure.relative.rounded()[0] == D("4.00")
