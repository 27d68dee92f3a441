"""The house style made two ways: ``charts.base.figure`` (traces as dicts, validated once) gives the figure that
``go.Figure`` + ``charts.base.style`` gives, so a builder may take either."""

from __future__ import annotations

import json

import numpy as np
import plotly.graph_objects as go
import pytest

from dashboard.charts import base


def _same(a: go.Figure, b: go.Figure) -> bool:
    return json.loads(a.to_json()) == json.loads(b.to_json())


@pytest.mark.parametrize("subtitle", ["数据截至 2025-06-30", None])
def test_a_bar_made_at_once_is_the_styled_bar(subtitle: str | None) -> None:
    x, y = np.array([1200.5, 80_000.0, np.nan]), ["数字创意", "新能源", "未分类"]
    bar = {"type": "bar", "x": x, "y": y, "orientation": "h", "marker": {"color": "#1f5aa6"},
           "customdata": [["a"], ["b"], ["c"]], "text": ["1", "2", "3"], "textposition": "auto"}
    styled = base.style(go.Figure(go.Bar(**{k: v for k, v in bar.items() if k != "type"})), "标题", subtitle,
                        x_title="亿元", height=300, legend=False)
    made = base.figure([bar], "标题", subtitle, x_title="亿元", height=300, legend=False)
    assert _same(made, styled)
    assert made.layout.xaxis.separatethousands and made.layout.xaxis.exponentformat == "none"
    assert made.layout.yaxis.separatethousands is None  # names: no number format


def test_grouped_bars_with_a_legend_made_at_once_are_the_styled_ones() -> None:
    years = ["2023", "2024", "2025"]
    traces = [{"type": "bar", "x": years, "y": np.array([1.0, 2.5, np.nan]), "name": "计划"},
              {"type": "bar", "x": years, "y": np.array([0.5, 2.0, 3.0]), "name": "完成"}]
    fig = go.Figure()
    for tr in traces:
        fig.add_bar(**{k: v for k, v in tr.items() if k != "type"})
    fig.update_layout(barmode="group", bargap=0.25)
    fig.update_xaxes(type="category")
    styled = base.style(fig, "Trend", "as of 2025", x_title="Year", y_title="CNY bn", height=380)
    made = base.figure(traces, "Trend", "as of 2025", x_title="Year", y_title="CNY bn", height=380,
                       layout={"barmode": "group", "bargap": 0.25, "xaxis": {"type": "category"}})
    assert _same(made, styled)
    assert made.layout.margin.b == base.LEGEND_BOTTOM and made.layout.legend.orientation == "h"


def test_an_axis_of_years_keeps_its_years() -> None:
    made = base.figure([{"type": "scatter", "x": np.array([2021, 2022, 2023]), "y": np.array([5.0, 6.0, 7.0])}],
                       "t", x_title="year", legend=False)
    assert made.layout.xaxis.tickformat == "d" and made.layout.xaxis.separatethousands is False


def test_a_misspelt_property_still_raises() -> None:
    with pytest.raises(ValueError, match="colour"):
        base.figure([{"type": "bar", "x": np.array([1.0]), "y": ["a"], "marker": {"colour": "red"}}], "t")
