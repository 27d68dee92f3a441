"""Figures of the Projects page: one project's yearly investment and its funding mix."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from .. import taxonomy
from ..formatting import money_unit
from .base import NEUTRAL, style
from .funding import CHANNEL_COLORS


def project_flows(df: pd.DataFrame, lang: str, as_of: str, *, title: str, planned: str, completed: str,
                  x_title: str) -> go.Figure:
    """Planned (light) and completed (dark) investment by year, grouped columns."""
    factor, unit = money_unit(lang)
    years = df["year"].astype(int).astype(str)
    fig = go.Figure([
        go.Bar(x=years, y=df["planned_yi"] * factor, name=planned, marker_color="#b9cde5",
               hovertemplate=f"%{{x}} · {planned}: %{{y:,.2f}} {unit}<extra></extra>"),
        go.Bar(x=years, y=df["completed_yi"] * factor, name=completed, marker_color=NEUTRAL,
               hovertemplate=f"%{{x}} · {completed}: %{{y:,.2f}} {unit}<extra></extra>"),
    ])
    style(fig, title, as_of, x_title=x_title, y_title=unit, height=340)
    fig.update_layout(barmode="group")
    fig.update_xaxes(type="category")
    return fig


def project_funding(df: pd.DataFrame, lang: str, as_of: str, *, title: str, x_title: str) -> go.Figure:
    """Horizontal bars: the project's funding by channel."""
    factor, unit = money_unit(lang)
    d = df.sort_values("amount_yi")
    values = d["amount_yi"] * factor
    total = float(d["amount_yi"].sum()) or 1.0
    fig = go.Figure(go.Bar(
        y=[taxonomy.label("funding", s, lang) for s in d["source"]], x=values, orientation="h",
        marker_color=[CHANNEL_COLORS.get(s, NEUTRAL) for s in d["source"]],
        text=[f"{v:,.2f} · {a / total:.0%}" for v, a in zip(values, d["amount_yi"], strict=True)],
        textposition="outside", cliponaxis=False, customdata=d[["source"]].to_numpy(),
        hovertemplate=f"%{{y}}<br>%{{x:,.2f}} {unit}<extra></extra>",
    ))
    style(fig, title, as_of, x_title=x_title, height=340, legend=False)
    fig.update_xaxes(range=[0, float(values.max() or 1) * 1.35])
    return fig
