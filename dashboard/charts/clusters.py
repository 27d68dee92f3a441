"""Figures of the Clusters page: the tier pyramid against 10 / 100 / 1000, designations over time
against the pace to the target year, clusters by sector and region, and one cluster's own charts.

Pure functions over :mod:`dashboard.queries.clusters` results; clickable bars carry the slug or
code in ``customdata[0]``.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .. import taxonomy
from ..formatting import count, money, money_unit, percent
from ..i18n import t
from .base import NEUTRAL, TIER_COLORS, legend_below, style
from .overview import COMPLETED_COLOR, PLANNED_COLOR, sector_name

TIERS = tuple(t.slug for t in taxonomy.tiers())
PYRAMID_X = (-0.65, 2.75)  # the pyramid's x range: its bands within ±0.60, its labels to the right



def _rgba(hex_color: str, alpha: float) -> str:
    r, g, b = (int(hex_color[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def tier_pyramid(tiers: pd.DataFrame, lang: str, as_of: str) -> go.Figure:
    """Three stacked bands, base at the top: each band is its tier's target; the filled part shows
    designated (solid), then cultivating and reserve (lighter), as shares of the target."""
    fig = go.Figure()
    rows = {r.tier: r for r in tiers.itertuples()}
    # geometry: band i (0 = top) spans y in [2-i, 3-i]; the pyramid's half-width grows downwards
    # (top, bottom) half-widths, in x units of PYRAMID_X: the labels right of the bands keep the room their
    # longest line needs in a half-page column (~400 px at a 1280 px screen)
    half = {0: (0.06, 0.18), 1: (0.18, 0.38), 2: (0.38, 0.60)}
    fills = {"designated": 1.0, "cultivating": 0.5, "reserve": 0.25}
    for i, tier in enumerate(TIERS):
        r = rows.get(tier)
        if r is None:
            continue
        y_top, y_bot = 3 - i - 0.04, 2 - i + 0.04
        ht, hb = half[i]
        color = TIER_COLORS[tier]
        # outline = target
        fig.add_scatter(x=[-hb, -ht, ht, hb, -hb], y=[y_bot, y_top, y_top, y_bot, y_bot], mode="lines",
                        line={"color": color, "width": 1.5}, fill="toself", fillcolor="rgba(0,0,0,0.03)",
                        hoverinfo="skip", showlegend=False)
        start = 0.0
        for status in ("designated", "cultivating", "reserve"):
            share = getattr(r, status) / r.target_count
            end = min(1.0, start + share)
            if end > start:
                # the slice of the band between fractions start..end of its width, left to right
                xb0, xb1 = -hb + 2 * hb * start, -hb + 2 * hb * end
                xt0, xt1 = -ht + 2 * ht * start, -ht + 2 * ht * end
                fig.add_scatter(
                    x=[xb0, xt0, xt1, xb1, xb0], y=[y_bot, y_top, y_top, y_bot, y_bot], mode="lines",
                    line={"width": 0}, fill="toself", fillcolor=_rgba(color, fills[status]),
                    name=t(f"clusters.{status}", lang), legendgroup=status, showlegend=False, hoveron="fills",
                    text=f"{taxonomy.label('tier', tier, lang)} · {taxonomy.status_label(tier, status, lang)}: "
                         f"{count(getattr(r, status), lang)}",
                    hoverinfo="text")
            start = end
        share = r.designated / r.target_count
        fig.add_annotation(
            x=hb + 0.04, y=(y_top + y_bot) / 2, xanchor="left", showarrow=False, align="left",
            text=t("clusters.pyramid_label", lang, tier=taxonomy.label("tier", tier, lang), n=count(r.designated, lang),
                    target=count(r.target_count, lang), share=percent(share, 0), c=count(r.cultivating, lang),
                    r=count(r.reserve, lang), **{f"s{i}": taxonomy.status_label(tier, s, lang)
                                                for i, s in enumerate(taxonomy.STATUSES, 1)}),
            font={"size": 12})
    for status in ("designated", "cultivating", "reserve"):  # legend in neutral shades: shade = status
        fig.add_scatter(x=[None], y=[None], mode="markers", name=t(f"clusters.{status}", lang), legendgroup=status,
                        marker={"symbol": "square", "size": 12, "color": _rgba("#555555", fills[status])})
    fig.update_xaxes(visible=False, range=list(PYRAMID_X))
    fig.update_yaxes(visible=False, range=[-0.05, 3.05])
    fig = style(fig, t("clusters.pyramid_title", lang), as_of, height=400)
    return legend_below(fig, 400, gap=8, bottom=50)


def designations(df: pd.DataFrame, tiers: pd.DataFrame, lang: str, as_of: str) -> go.Figure:
    """Cumulative designations per tier by year, each in its own panel, with the straight-line pace
    from the guidance year to the target at the target year."""
    titles = [f"{taxonomy.label('tier', r.tier, lang)}（{t('clusters.target', lang)} {count(r.target_count, lang)}）"
              if lang == "zh" else f"{taxonomy.label('tier', r.tier, lang)} (target {count(r.target_count, lang)})"
              for r in tiers.itertuples()]
    fig = make_subplots(rows=1, cols=len(tiers), subplot_titles=titles, horizontal_spacing=0.07)
    for i, r in enumerate(tiers.itertuples(), start=1):
        d = df[df["tier"] == r.tier].sort_values("year")
        color = TIER_COLORS[r.tier]
        fig.add_scatter(x=d["year"], y=d["cumulative"], mode="lines+markers", name=t("clusters.cumulative", lang),
                        line={"color": color, "width": 2.5}, legendgroup="cum", showlegend=False,
                        hovertemplate="%{x}: %{y}<extra>" + t("clusters.cumulative", lang) + "</extra>", row=1, col=i)
        fig.add_scatter(x=[taxonomy.pace_start_year(), int(r.target_year)], y=[0, int(r.target_count)], mode="lines",
                        name=t("clusters.pace_line", lang), line={"color": "#c0392b", "dash": "dot", "width": 1.5},
                        legendgroup="pace", showlegend=(i == 1),
                        hovertemplate="%{x}: %{y:.0f}<extra>" + t("clusters.pace_line", lang) + "</extra>",
                        row=1, col=i)
        fig.add_scatter(x=[int(r.target_year)], y=[int(r.target_count)], mode="markers",
                        marker={"symbol": "star", "size": 12, "color": "#c0392b"}, showlegend=False,
                        hovertemplate=t("clusters.target", lang) + " %{x}: %{y}<extra></extra>", row=1, col=i)
    fig.update_annotations(font={"size": 13})
    # the hint on a line of its own: after the as-of line it ran past the chart's right edge
    fig = style(fig, t("clusters.designations_title", lang),
                f"{as_of}<br>{t('clusters.designations_hint', lang, start=taxonomy.pace_start_year())}", height=420)
    fig.update_xaxes(dtick=1, tickformat="d", tickangle=0)
    fig.update_yaxes(title_text=None, rangemode="tozero")
    fig.update_yaxes(title_text=t("clusters.designations_axis", lang), row=1, col=1)
    fig.update_layout(margin={"t": 134})
    return fig


def by_sector(df: pd.DataFrame, lang: str, as_of: str) -> go.Figure:
    """Designated clusters per sector, stacked by tier; customdata = sector slug."""
    d = df.copy()
    d["key"] = d["sector"].fillna("unclassified")
    order = d.groupby("key")["clusters"].sum().sort_values().index.tolist()
    fig = go.Figure()
    for tier in TIERS:
        g = d[d["tier"] == tier].set_index("key")["clusters"]
        name = taxonomy.label("tier", tier, lang)
        fig.add_bar(x=[int(g.get(k, 0)) for k in order],
                    y=[sector_name(None if k == "unclassified" else k, lang) for k in order],
                    orientation="h", name=name, marker={"color": TIER_COLORS[tier]},
                    customdata=[[k] for k in order],
                    hovertemplate="<b>%{y}</b><br>" + name + "：%{x}<extra></extra>")
    fig.update_layout(barmode="stack")
    height = max(360, 170 + 34 * len(order))
    fig = style(fig, t("clusters.sector_title", lang), as_of, x_title=t("clusters.sector_axis", lang), height=height)
    return legend_below(fig, height)


def by_region(df: pd.DataFrame, level: str, lang: str, as_of: str) -> go.Figure:
    """Designated clusters per region group or province, stacked by tier; customdata = group or code."""
    d = df.copy()
    name_col = "name_zh" if lang == "zh" else "name_en"
    if level == "group" and lang != "zh":
        d["name_en"] = d["region"].map(lambda g: taxonomy.label("region_group", g, "en"))
    totals = d.groupby("region")["clusters"].sum().sort_values()
    names = d.drop_duplicates("region").set_index("region")[name_col]
    fig = go.Figure()
    for tier in TIERS:
        g = d[d["tier"] == tier].set_index("region")["clusters"]
        name = taxonomy.label("tier", tier, lang)
        fig.add_bar(x=[int(g.get(k, 0)) for k in totals.index], y=[names[k] for k in totals.index],
                    orientation="h", name=name, marker={"color": TIER_COLORS[tier]},
                    customdata=[[k] for k in totals.index],
                    hovertemplate="<b>%{y}</b><br>" + name + "：%{x}<extra></extra>")
    fig.update_layout(barmode="stack")
    level_name = t(f"clusters.level_{level}", lang)
    height = max(340, 170 + (24 if level == "province" else 40) * len(totals))
    fig = style(fig, t("clusters.region_title", lang, level=level_name), as_of, x_title=t("clusters.region_axis", lang),
                height=height)
    return legend_below(fig, height)


def cluster_investment(df: pd.DataFrame, lang: str, as_of: str) -> go.Figure:
    """One cluster's planned and completed investment by year (from its projects)."""
    factor, unit = money_unit(lang)
    # years as numbers: Plotly spaces the ticks for a quarter-page panel (as categories, eight years were
    # turned on their side and crowded under each panel)
    years = df["year"].astype(int)
    fig = go.Figure()
    for col, key, color in (("planned_yi", "planned", PLANNED_COLOR), ("completed_yi", "completed", COMPLETED_COLOR)):
        fig.add_bar(x=years, y=df[col] * factor, name=t(f"clusters.{key}", lang), marker={"color": color},
                    customdata=[[money(v, lang, 2)] for v in df[col]],
                    hovertemplate="%{x}: %{customdata[0]}<extra>" + t(f"clusters.{key}", lang) + "</extra>")
    fig.update_layout(barmode="group")
    fig.update_xaxes(type="category")
    fig = style(fig, t("clusters.cluster_invest_title", lang), as_of, x_title=t("clusters.year", lang),
                y_title=t("clusters.invest_axis", lang, unit=unit), height=380)
    return legend_below(fig, 380)


def cluster_metrics(df: pd.DataFrame, lang: str, as_of: str) -> go.Figure:
    """One cluster's metrics by year in four small panels."""
    factor, unit = money_unit(lang)
    panels = (("investment_yi", t("clusters.metric_investment", lang, unit=unit), factor),
              ("output_value_yi", t("clusters.metric_output", lang, unit=unit), factor),
              ("enterprises", t("clusters.metric_enterprises", lang), 1.0),
              ("innovation_platforms", t("clusters.metric_platforms", lang), 1.0))
    fig = make_subplots(rows=1, cols=4, subplot_titles=[p[1] for p in panels], horizontal_spacing=0.06)
    # years as numbers: Plotly spaces the ticks for a quarter-page panel (as categories, eight years were
    # turned on their side and crowded under each panel)
    years = df["year"].astype(int)
    for i, (col, title, k) in enumerate(panels, start=1):
        fig.add_bar(x=years, y=df[col].astype(float) * k, marker={"color": NEUTRAL if i > 2 else COMPLETED_COLOR},
                    showlegend=False, hovertemplate="%{x}: %{y:,.1f}<extra>" + title + "</extra>", row=1, col=i)
    fig.update_xaxes(tickangle=0, tickformat="d", nticks=4)
    fig.update_annotations(font={"size": 12})
    fig = style(fig, t("clusters.metrics_title", lang), as_of, height=320, legend=False)
    fig.update_layout(margin={"t": 122})
    return fig


def public_progress(lists: pd.DataFrame, lang: str, subtitle: str) -> go.Figure:
    """The real national designations against the clause (九) target: for each public list that
    counts towards a tier, the announced total (light), the rows verified and shipped (solid) and the
    tier's target (dotted line). ``lists`` is :func:`dashboard.queries.public_lists.lists`."""
    d = lists[lists["counts_to_tier"].notna()].reset_index(drop=True)
    names = [r.name_zh if lang == "zh" else r.name_en for r in d.itertuples()]
    color = TIER_COLORS["cluster"]
    fig = go.Figure()
    fig.add_bar(y=names, x=d["announced_total"], orientation="h", marker={"color": _rgba(color, 0.25)},
                name=t("clusters.public_announced", lang), text=[count(int(v), lang) for v in d["announced_total"]],
                textposition="outside",
                hovertemplate="%{y}: %{x}<extra>" + t("clusters.public_announced", lang) + "</extra>")
    fig.add_bar(y=names, x=d["verified"], orientation="h", marker={"color": color},
                name=t("clusters.public_verified", lang), text=[count(int(v), lang) for v in d["verified"]],
                textposition="inside", insidetextanchor="end", textfont={"color": "white"},
                hovertemplate="%{y}: %{x}<extra>" + t("clusters.public_verified", lang) + "</extra>")
    for r in d.itertuples():
        if pd.notna(r.target_count):
            target = int(r.target_count)
            fig.add_vline(x=target, line={"color": "#c0392b", "dash": "dot", "width": 2})
            fig.add_annotation(x=target, y=1.02, yref="paper", showarrow=False, xanchor="right",
                               text=t("clusters.public_target", lang, n=count(target, lang)),
                               font={"color": "#c0392b"})
    top = max([float(d["announced_total"].max() or 0)] + [float(v) for v in d["target_count"].dropna()])
    fig.update_layout(barmode="overlay", bargap=0.45)
    fig.update_xaxes(range=[0, top * 1.12])
    height = 230 + 70 * len(d)
    return style(fig, t("clusters.public_chart_title", lang), subtitle, x_title=t("clusters.public_axis", lang),
                 height=height)
