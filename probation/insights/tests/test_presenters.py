"""How each topic reads its figures: category order, the headline per month, flows summed over the
last 12 months, and the charts' values (no database)."""

import datetime as dt

from probation.insights.presenters.topics import TOPICS, topic_page
from probation.insights.selectors.areas import Area
from probation.insights.selectors.figures import Figures

AREA = Area("pdu", "PNE1", "Tyneside")
MONTHS = [dt.date(2025 + (11 + n) // 12, (11 + n) % 12 + 1, 1) for n in range(13)]  # Dec 2025 .. Dec 2026


def _figures(values):
    return Figures(dt.date(2026, 12, 3), MONTHS, values)


def test_tiers_read_from_a3_down_then_unsupervised_then_untiered():
    latest = MONTHS[-1]
    figures = _figures({(latest, t): 1 for t in ("D0", "untiered", "B2S", "A3", "B2", "C1")})

    page = topic_page(TOPICS["tiers"], AREA, figures)

    assert [row.label for row in page.categories_rows] == [
        "Tier A3",
        "Tier B2",
        "Tier C1",
        "Tier D0",
        "Tier B2S",
        "Untiered",
    ]
    # A3, B2 and B2S of 5 tiered cases are protect level A or B.
    assert page.months_rows[-1].value == "60.0%"


def test_flows_are_summed_over_the_last_12_months_not_13():
    figures = _figures(
        {
            (MONTHS[0], "further_offence"): 5,
            (MONTHS[1], "further_offence"): 2,
            (MONTHS[12], "further_offence"): 1,
        }
    )

    page = topic_page(TOPICS["recalls"], AREA, figures)

    assert page.categories_caption == "January 2026 to December 2026"
    assert [(r.label, r.value) for r in page.categories_rows] == [("Charged with a further offence", "3")]
    assert [r.value for r in page.months_rows][:2] == ["5", "2"]


def test_endings_headline_is_the_share_ended_successfully():
    month = MONTHS[5]
    figures = _figures(
        {
            (month, "order:completed"): 6,
            (month, "order:early_good_progress"): 1,
            (month, "order:revoked_breach"): 3,
        }
    )

    page = topic_page(TOPICS["endings"], AREA, figures)

    assert page.months_rows[5].value == "70.0%"
    assert page.months_rows[4].value == "–"
    labels = [row.label for row in page.categories_rows]
    assert labels == [
        "Orders: completed",
        "Orders: terminated early for good progress",
        "Orders: revoked following breach",
    ]


def test_an_empty_month_draws_no_bar_and_says_so():
    page = topic_page(TOPICS["compliance"], AREA, _figures({}))

    assert {bar.height for bar in page.months_chart.bars} == {0}
    assert {bar.value for bar in page.months_chart.bars} == {"–"}


def test_percentage_headlines_chart_to_100_and_months_without_figures_show_a_dash():
    latest = MONTHS[-1]
    figures = _figures({(latest, "A1"): 1, (latest, "C1"): 1})

    page = topic_page(TOPICS["tiers"], AREA, figures)

    assert page.months_rows[-1].value == "50.0%"
    assert page.months_chart.bars[-1].height == 80  # half of the 160-unit chart, not all of it
    assert page.months_rows[0].value == "–"  # no figures were made in December 2025
