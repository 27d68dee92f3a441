"""Figures of the Funding page: channels, channels within sectors and years, ownership mix."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .. import taxonomy
from ..formatting import money_unit
from .base import NEUTRAL, style

# Government channels in blues, market channels in warm/green tones; stable across charts.
CHANNEL_COLORS = taxonomy.colors("funding")
OWNERSHIP_COLORS = taxonomy.colors("ownership")


def channel_order() -> list[str]:
    return [s.slug for s in taxonomy.funding_sources()]


def channel_name(slug: str, lang: str) -> str:
    return taxonomy.label("funding", slug, lang)


def channels(df: pd.DataFrame, lang: str, as_of: str, *, title: str, x_title: str,
             kind_names: dict[str, str]) -> go.Figure:
    """Horizontal bars, one per channel, grouped government first; ``df``: source, kind, amount_yi, projects."""
    factor, unit = money_unit(lang)
    order = {s: i for i, s in enumerate(channel_order())}
    d = df.assign(o=df["source"].map(order)).sort_values("o", ascending=False)
    total = float(d["amount_yi"].sum()) or 1.0
    values = d["amount_yi"].astype(float) * factor
    labels = [f"{channel_name(s, lang)}" for s in d["source"]]
    fig = go.Figure(go.Bar(
        y=labels, x=values, orientation="h", marker_color=[CHANNEL_COLORS.get(s, NEUTRAL) for s in d["source"]],
        text=[f"{v:,.0f} · {a / total:.1%}" for v, a in zip(values, d["amount_yi"], strict=True)],
        textposition="outside", cliponaxis=False,
        customdata=list(zip(d["source"], [kind_names.get(k, k) for k in d["kind"]], d["projects"], strict=True)),
        hovertemplate=f"<b>%{{y}}</b> (%{{customdata[1]}})<br>%{{x:,.1f}} {unit}<br>"
                      f"%{{customdata[2]:,}} {'个项目' if lang == 'zh' else 'projects'}<extra></extra>",
    ))
    style(fig, title, as_of, x_title=x_title, height=420, legend=False)
    fig.update_xaxes(range=[0, float(values.max() or 1) * 1.5])
    return fig


def by_sector(df: pd.DataFrame, lang: str, as_of: str, *, title: str, x_title: str) -> go.Figure:
    """100% stacked horizontal bars: each sector's funding split by channel. ``df``: sector, source, amount_yi."""
    factor, unit = money_unit(lang)
    sectors = [s.slug for s in taxonomy.sectors()] + ["unclassified"]
    present = [s for s in sectors if s in set(df["sector"])][::-1]
    totals = df.groupby("sector")["amount_yi"].sum()
    fig = go.Figure()
    for source in channel_order():
        part = df[df["source"] == source].set_index("sector")["amount_yi"].reindex(present).fillna(0.0)
        share = (part / totals.reindex(present).replace(0, float("nan")) * 100).fillna(0.0)
        fig.add_trace(go.Bar(
            y=[taxonomy.label("sector", s, lang) for s in present],
            x=share, orientation="h", name=channel_name(source, lang),
            marker_color=CHANNEL_COLORS.get(source, NEUTRAL),
            customdata=[[s, v * factor] for s, v in zip(present, part, strict=True)],
            hovertemplate=f"%{{y}} · {channel_name(source, lang)}<br>%{{x:.1f}}% · "
                          f"%{{customdata[1]:,.1f}} {unit}<extra></extra>",
        ))
    style(fig, title, as_of, x_title=x_title, height=420, legend=True)
    fig.update_layout(barmode="stack", legend={"orientation": "v", "x": 1.02, "y": 1.0, "yanchor": "top",
                                               "font": {"size": 11}})
    fig.update_xaxes(range=[0, 100], ticksuffix="%")
    return fig


def by_year(df: pd.DataFrame, lang: str, as_of: str, *, title: str, x_title: str, y_title: str) -> go.Figure:
    """Stacked columns: funding by project start year, split by channel. ``df``: start_year, source, amount_yi."""
    factor, _unit = money_unit(lang)
    years = sorted(int(y) for y in df["start_year"].dropna().unique())
    fig = go.Figure()
    for source in channel_order():
        part = df[df["source"] == source].set_index("start_year")["amount_yi"].reindex(years).fillna(0.0)
        fig.add_trace(go.Bar(
            x=[str(y) for y in years], y=part * factor, name=channel_name(source, lang),
            marker_color=CHANNEL_COLORS.get(source, NEUTRAL),
            hovertemplate=f"%{{x}} · {channel_name(source, lang)}<br>%{{y:,.1f}} {_unit}<extra></extra>",
        ))
    style(fig, title, as_of, x_title=x_title, y_title=y_title, height=420)
    fig.update_layout(barmode="stack", legend={"orientation": "v", "x": 1.02, "y": 1.0, "yanchor": "top",
                                               "font": {"size": 11}})
    fig.update_xaxes(type="category")
    return fig


# One decimal on every slice: Plotly's own percent keeps three significant digits (46%, 33.9%, 9.03%).
PIE_TEXT = "%{label}<br>%{percent:.1%}"


def ownership(df: pd.DataFrame, lang: str, as_of: str, *, title: str, names: dict[str, str],
              investment_title: str, projects_title: str) -> go.Figure:
    """Two donuts side by side: investment and projects by ownership. ``df``: ownership, projects, investment_yi."""
    factor, unit = money_unit(lang)
    labels = [names.get(o, o) for o in df["ownership"]]
    colors = [OWNERSHIP_COLORS.get(o, NEUTRAL) for o in df["ownership"]]
    fig = make_subplots(rows=1, cols=2, specs=[[{"type": "domain"}, {"type": "domain"}]],
                        subplot_titles=[investment_title, projects_title])
    fig.add_trace(go.Pie(labels=labels, values=df["investment_yi"] * factor, hole=0.55, marker_colors=colors,
                         sort=False, texttemplate=PIE_TEXT, customdata=df[["ownership"]].to_numpy(),
                         hovertemplate=f"%{{label}}<br>%{{value:,.2f}} {unit} · %{{percent:.1%}}<extra></extra>"),
                  row=1, col=1)
    fig.add_trace(go.Pie(labels=labels, values=df["projects"], hole=0.55, marker_colors=colors, sort=False,
                         texttemplate=PIE_TEXT, customdata=df[["ownership"]].to_numpy(),
                         hovertemplate="%{label}<br>%{value:,} · %{percent:.1%}<extra></extra>"),
                  row=1, col=2)
    style(fig, title, as_of, height=400, legend=False)
    fig.update_annotations(font_size=13, yshift=4)
    fig.update_layout(margin={"t": 120})
    return fig
