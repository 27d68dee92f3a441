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


def house_layout(title: str, subtitle: str | None = None, *, height: int = 380, legend: bool = True) -> dict:
    """The house style's layout but for the axes (:data:`X_AXIS`, :data:`Y_AXIS`) and a legend's place: a title
    with an as-of subtitle, CJK fonts, a white ground."""
    return {
        "title": {"text": title, "subtitle": {"text": subtitle or ""}, "x": 0.0, "xanchor": "left",
                  "font": {"size": 17}},
        "font": {"family": FONT_FAMILY, "size": 13, "color": "#222"},
        "height": height,
        "margin": {"l": 10, "r": 10, "t": 78 if subtitle else 56, "b": 10},
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "showlegend": legend,
        "hoverlabel": {"font": {"family": FONT_FAMILY}},
        "separators": ".,",
    }


# The house style's axes: a quiet grid (their titles, with units, are given per figure).
X_AXIS = {"showgrid": False, "automargin": True, "linecolor": "#999"}
Y_AXIS = {"gridcolor": "#eee", "automargin": True, "zerolinecolor": "#ccc"}


def style(fig: go.Figure, title: str, subtitle: str | None = None, *, x_title: str | None = None,
          y_title: str | None = None, height: int = 380, legend: bool = True) -> go.Figure:
    """Apply the house style: title with an as-of subtitle, CJK fonts, quiet grid, unit-bearing axes."""
    fig.update_layout(**house_layout(title, subtitle, height=height, legend=legend))
    fig.update_xaxes(title_text=x_title, **X_AXIS)
    fig.update_yaxes(title_text=y_title, **Y_AXIS)
    number_ticks(fig)
    return legend_below(fig, height) if legend else fig


def figure(traces: list[dict], title: str, subtitle: str | None = None, *, x_title: str | None = None,
           y_title: str | None = None, height: int = 380, legend: bool = True, layout: dict | None = None
           ) -> go.Figure:
    """A figure with one x and one y axis in the house style, made at once: the same figure as adding
    ``traces`` (dicts with their ``type``; columns as NumPy arrays, as a ``go.Bar`` would turn a Series)
    to a ``go.Figure``, updating its layout with ``layout`` (the builder's own: bar mode, an axis's type)
    and calling :func:`style`, but with every property validated once, as the figure is made (a misspelt
    one raises as before). Plotly's ``update_layout`` and ``update_xaxes`` look every property up by its
    path and validate it again at each call: for the summary's three charts that was ~50-80 ms of a fresh
    server's CPU, against ~10 ms made so."""
    spec = {**(layout or {})}
    spec.update(house_layout(title, subtitle, height=height, legend=legend))
    for letter, base, axis_title in (("x", X_AXIS, x_title), ("y", Y_AXIS, y_title)):
        axis = {**spec.get(f"{letter}axis", {}), **({"title": {"text": axis_title}} if axis_title else {}), **base}
        values = [v for trace in traces if trace.get(letter) is not None for v in trace[letter]]
        axis.update(number_format(values) or {})
        spec[f"{letter}axis"] = axis
    if legend:
        spec["margin"] = {**spec["margin"], "b": LEGEND_BOTTOM}
        spec["legend"] = legend_place(height, spec["margin"]["t"])
    return go.Figure({"data": traces, "layout": spec})


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
        ticks = number_format(data)
        if ticks is not None:
            fig.layout[axis].update(tickformat=ticks.get("tickformat"), exponentformat="none",
                                    separatethousands=ticks["separatethousands"])
    return fig


def number_format(data: list[object]) -> dict | None:
    """:func:`number_ticks`' format of an axis showing ``data``: None for categories (names, labels) or no
    number at all; whole numbers within :data:`YEARS` as years (``tickformat`` "d"), other numbers with
    thousands separators."""
    given = [v for v in data if v is not None]
    numbers = [v for v in given if isinstance(v, Real) and not isinstance(v, bool)]
    if len(numbers) < len(given):
        return None  # categories (names, labels): nothing to format
    numbers = [v for v in numbers if v == v]  # NaN: a year with nothing (yet)
    if not numbers:
        return None
    years = all(float(v).is_integer() and YEARS[0] <= v <= YEARS[1] for v in numbers)
    return {**({"tickformat": "d"} if years else {}), "exponentformat": "none", "separatethousands": not years}


def text_px(text: str, size: float) -> float:
    """A line's width in px as Noto Sans CJK draws it, near enough: a Han or full-width character is one
    em, anything else about 0.6 em. For room a label needs outside its plot (a builder knows no pixels)."""
    plain = re.sub(r"<[^>]+>", "", text)
    return sum(size if ord(c) >= 0x2E80 else 0.6 * size for c in plain)


LEGEND_GAP = 52  # px from the plot's bottom down to a legend below it (:func:`legend_below`)
LEGEND_BOTTOM = 96  # px of bottom margin holding the x-axis title and such a legend


def legend_below(fig: go.Figure, height: int, gap: int = LEGEND_GAP, bottom: int = LEGEND_BOTTOM) -> go.Figure:
    """A horizontal legend a fixed number of pixels under the plot, clear of the x-axis title
    (a legend placed in plot fractions drifts into the axis title as the height changes)."""
    fig.update_layout(margin={"b": bottom}, legend=legend_place(height, fig.layout.margin.t or 0, gap, bottom))
    return fig


def legend_place(height: int, top: int, gap: int = LEGEND_GAP, bottom: int = LEGEND_BOTTOM) -> dict:
    """:func:`legend_below`'s legend for a figure ``height`` px tall with a top margin of ``top`` px."""
    plot_h = max(60, height - top - bottom)
    return {"orientation": "h", "traceorder": "normal", "x": 0, "xanchor": "left", "y": -gap / plot_h,
            "yanchor": "top"}
