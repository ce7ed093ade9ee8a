"""The one bar chart component: bars scaled to the largest value (or a given maximum), every value
written as text, months across and categories down."""

from probation.frontend.charts import (
    CHART_HEIGHT,
    H_VALUE_ROOM,
    H_WIDTH,
    horizontal_bar_chart,
    vertical_bar_chart,
)


def test_vertical_bars_scale_to_the_maximum_and_keep_their_text():
    chart = vertical_bar_chart(
        id="c", title="T", description="D", points=[("Jan", 50, "50%"), ("Feb", None, "–")], maximum=100
    )

    assert [bar.height for bar in chart.bars] == [CHART_HEIGHT // 2, 0]
    assert [bar.value for bar in chart.bars] == ["50%", "–"]
    assert chart.bars[1].x > chart.bars[0].x


def test_horizontal_bars_scale_to_the_largest_value_with_a_row_each():
    chart = horizontal_bar_chart(id="c", title="T", description="D", points=[("A", 10, "10"), ("B", 5, "5")])

    assert [bar.width for bar in chart.bars] == [H_WIDTH - H_VALUE_ROOM, (H_WIDTH - H_VALUE_ROOM) // 2]
    assert chart.bars[1].y > chart.bars[0].y
    assert chart.orientation == "horizontal"


def test_a_chart_of_nothing_draws_no_bars_and_does_not_divide_by_zero():
    chart = horizontal_bar_chart(id="c", title="T", description="D", points=[("A", 0, "0")])

    assert chart.bars[0].width == 0
