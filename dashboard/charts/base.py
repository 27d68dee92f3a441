"""Chart builders: pure functions from a DataFrame to a Plotly figure (no Streamlit calls).

Every figure gets a title, axis titles with units and a subtitle with the data-as-of line, so it
reads the same in the app, in a notebook and on paper. Money arrives in 亿元 and is scaled with
:func:`dashboard.formatting.money_unit` for the language.
"""

from __future__ import annotations

import re
from numbers import Real

import plotly.graph_objects as go

from .. import taxonomy

FONT_FAMILY = "Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif"

# One colour per sector and per tier, stable across every chart (from the taxonomy).
SECTOR_COLORS = taxonomy.colors("sector")
TIER_COLORS = taxonomy.colors("tier")
NEUTRAL = "#1f5aa6"
YEARS = (1949, 2100)  # an axis whose values are all whole numbers in this range is an axis of years


def style(fig: go.Figure, title: str, subtitle: str | None = None, *, x_title: str | None = None,
          y_title: str | None = None, height: int = 380, legend: bool = True) -> go.Figure:
    """Apply the house style: title with an as-of subtitle, CJK fonts, quiet grid, unit-bearing axes."""
    fig.update_layout(
        title={"text": title, "subtitle": {"text": subtitle or ""}, "x": 0.0, "xanchor": "left",
               "font": {"size": 17}},
        font={"family": FONT_FAMILY, "size": 13, "color": "#222"},
        height=height,
        margin={"l": 10, "r": 10, "t": 78 if subtitle else 56, "b": 10},
        paper_bgcolor="white",
        plot_bgcolor="white",
        showlegend=legend,
        hoverlabel={"font": {"family": FONT_FAMILY}},
        separators=".,",
    )
    fig.update_xaxes(title_text=x_title, showgrid=False, automargin=True, linecolor="#999")
    fig.update_yaxes(title_text=y_title, gridcolor="#eee", automargin=True, zerolinecolor="#ccc")
    number_ticks(fig)
    return legend_below(fig, height) if legend else fig


def number_ticks(fig: go.Figure) -> go.Figure:
    """Tick labels as the pages write numbers: 8,000 and 10,000, never Plotly's 8000 and 10k (an SI
    suffix reads as nothing in Chinese); an axis of years stays 2024. Call once the traces are in."""
    values: dict[str, list[object]] = {}
    for trace in fig.data:
        for letter in ("x", "y"):
            data = getattr(trace, letter, None) if letter in trace else None
            if data is None:
                continue
            axis = (getattr(trace, f"{letter}axis", None) or letter).replace(letter, f"{letter}axis", 1)
            values.setdefault(axis, []).extend(data)
    for axis, data in values.items():
        given = [v for v in data if v is not None]
        numbers = [v for v in given if isinstance(v, Real) and not isinstance(v, bool)]
        if len(numbers) < len(given):
            continue  # categories (names, labels): nothing to format
        numbers = [v for v in numbers if v == v]  # NaN: a year with nothing (yet)
        if not numbers:
            continue
        years = all(float(v).is_integer() and YEARS[0] <= v <= YEARS[1] for v in numbers)
        fig.layout[axis].update(tickformat="d" if years else None, exponentformat="none",
                                separatethousands=not years)
    return fig


def text_px(text: str, size: float) -> float:
    """A line's width in px as Noto Sans CJK draws it, near enough: a Han or full-width character is one
    em, anything else about 0.6 em. For room a label needs outside its plot (a builder knows no pixels)."""
    plain = re.sub(r"<[^>]+>", "", text)
    return sum(size if ord(c) >= 0x2E80 else 0.6 * size for c in plain)


def legend_below(fig: go.Figure, height: int, gap: int = 52, bottom: int = 96) -> go.Figure:
    """A horizontal legend a fixed number of pixels under the plot, clear of the x-axis title
    (a legend placed in plot fractions drifts into the axis title as the height changes)."""
    m = fig.layout.margin
    plot_h = max(60, height - (m.t or 0) - bottom)
    fig.update_layout(margin={"b": bottom}, legend={"orientation": "h", "traceorder": "normal", "x": 0,
                                                    "xanchor": "left", "y": -gap / plot_h, "yanchor": "top"})
    return fig
