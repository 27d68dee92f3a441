"""Figures of the Summary and Sectors pages: target bullets, sectors, provinces, yearly trends,
a sector's sub-fields and stage mix.

Pure functions: DataFrames from :mod:`dashboard.queries.overview` / ``clusters`` in, Plotly figures
out. Money arrives in 亿元 and is scaled by :func:`dashboard.formatting.money_unit`. Bars that can
filter carry the slug or code in ``customdata[0]``.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .. import taxonomy
from ..formatting import count, money, money_unit, percent
from ..i18n import t
from .base import NEUTRAL, SECTOR_COLORS, TIER_COLORS, figure, legend_below, style, text_px

STAGE_ORDER = tuple(s.slug for s in sorted(taxonomy.stage_terms(), key=lambda s: s.chart_rank))
STAGE_COLORS = taxonomy.colors("stage")
NO_STAGE = "__none__"  # a project whose stage the list left empty
PLANNED_COLOR = "#a9c4e8"
COMPLETED_COLOR = "#1f5aa6"
LIGHTER = {"cultivating": 0.45, "reserve": 0.2}
LEGEND_GREY = "#5f6b7a"
GROWTH_LABEL_PX = 13  # the font size of a bar's outside label (the figure's font, base.style)



def sector_name(slug: object, lang: str) -> str:
    return taxonomy.label("sector", slug, lang)


def sector_color(slug: object) -> str:
    return SECTOR_COLORS.get("unclassified" if pd.isna(slug) else str(slug), NEUTRAL)


def pace_text(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def pace_needed(designated: int, target: int, target_year: int, as_of_year: int) -> float | None:
    """Designations still needed per year to reach the target; None when the target is met."""
    if designated >= target:
        return None
    return (target - designated) / max(1, int(target_year) - int(as_of_year))


def pace_words(designated: int, target: int, target_year: int, as_of_year: int, lang: str) -> tuple[str, dict]:
    """How far a tier is from its target, as the kind of phrase and its values: ``("met", {})``;
    ``("needed", {"pace": "6"})`` a year until the target year; or, once the data reach the target year,
    ``("short", {"short": "6", "year": 2025})``: no year is left to spread the rest over (a pace "a year" was
    said with data as of the target year, and past it, as if a year were left)."""
    pace = pace_needed(designated, target, target_year, as_of_year)
    if pace is None:
        return "met", {}
    if int(as_of_year) >= int(target_year):
        return "short", {"short": count(target - designated, lang), "year": int(target_year)}
    return "needed", {"pace": pace_text(pace)}


def short_label(name: str, limit: int = 14) -> str:
    """Axis labels stay short: a long name loses its bracketed examples (the hover keeps them)."""
    if len(name) > limit:
        for bracket in ("（", " ("):
            if bracket in name:
                return name.split(bracket)[0]
    return name


def _lighten(hex_color: str, alpha: float) -> str:
    r, g, b = (int(hex_color[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


# --- Summary ------------------------------------------------------------------------------------

BULLET_ROW = 48     # px per tier: its bar and its two-line label (the tier, then its target and year)
AXIS_TITLE_ROOM = 64  # px under the plot past the tick labels and the axis title (drawn down to 59 px)
LEGEND_ROOM = 44    # px under that for a legend on one line
LEGEND_LINE = 22    # px more for each further line of a legend
LEGEND_ENTRY_PX = 40  # a horizontal legend entry's swatch and gaps, beside its text
EXPORT_WIDTH = 1400  # px: the meeting export draws the progress chart this wide (report.export.figures)


def target_bullets(tiers: pd.DataFrame, lang: str, as_of: str, as_of_year: int,
                   height: int | None = None, width: int = EXPORT_WIDTH) -> go.Figure:
    """One bullet per tier: designated (solid), cultivating and reserve (lighter) as a share of the
    target, a line at 100 %, and the yearly pace still needed.

    ``height`` is a floor: the figure is at least as tall as its rows' labels and the axis title and
    legend under them need (``fig.layout.height`` says how tall it came out), so a short print size
    cannot stack the labels on each other or the legend on the axis title. The legend stays on one line
    when its entries fit in ``width`` px, else it takes two columns or a line per entry (the English one did not fit the
    export's 1,400 px: Plotly wrapped it to three lines, took the room from the plot and drew the axis
    title over the legend)."""
    rows = tiers.iloc[::-1]  # ecosystems at the bottom: the pyramid reads top-down base → ecosystem
    labels = [t("summary.target_label", lang, tier=taxonomy.label("tier", r.tier, lang),
                target=count(r.target_count, lang), year=int(r.target_year)) for r in rows.itertuples()]
    fig = go.Figure()
    for status in taxonomy.STATUSES:
        shares = [getattr(r, status) / r.target_count * 100 for r in rows.itertuples()]
        colors = [TIER_COLORS[r.tier] if status == "designated" else _lighten(TIER_COLORS[r.tier], LIGHTER[status])
                  for r in rows.itertuples()]
        fig.add_bar(
            x=shares, y=labels, orientation="h", marker={"color": colors}, showlegend=False,
            customdata=[[r.tier, getattr(r, status), r.target_count, taxonomy.status_label(r.tier, status, lang)]
                        for r in rows.itertuples()],
            hovertemplate="%{y}<br>%{customdata[3]}：%{customdata[1]} / %{customdata[2]}"
            + " (%{x:.0f}%)<extra></extra>",
        )
        # The legend names each series in the tiers' own words (bases built, clusters designated,
        # ecosystems formed, ...), with a grey swatch of the shade: each tier has its own colour.
        fig.add_bar(x=[None], y=[None], orientation="h", showlegend=True, hoverinfo="skip",
                    name=t(f"summary.legend_{status}", lang, statuses=taxonomy.status_phrase(status, lang)),
                    marker={"color": LEGEND_GREY if status == "designated" else _lighten(LEGEND_GREY, LIGHTER[status])})
    ends = [(r.designated + r.cultivating + r.reserve) / r.target_count * 100 for r in rows.itertuples()]
    x_max = max([120.0, *ends]) + 75
    for label, end, r in zip(labels, ends, rows.itertuples(), strict=True):
        kind, values = pace_words(r.designated, r.target_count, r.target_year, as_of_year, lang)
        text = t(f"summary.pace_{kind}", lang, n=count(r.designated, lang),
                 share=percent(r.designated / r.target_count, 0), **values)
        fig.add_annotation(x=max(end, 100) + 2, y=label, text=text, showarrow=False, xanchor="left",
                           font={"size": 12, "color": "#333"})
    fig.add_vline(x=100, line={"color": "#c0392b", "width": 2, "dash": "dot"})
    fig.update_layout(barmode="stack", bargap=0.35)
    fig.update_xaxes(range=[0, x_max], ticksuffix="%", tickvals=[0, 25, 50, 75, 100])
    top = 78 if as_of else 56  # style()'s top margin, with and without the as-of line
    names = [tr.name for tr in fig.data if tr.showlegend]
    # a line of all entries, else two columns (each entry half the width), else a line per entry
    widest = max(text_px(n, 13) + LEGEND_ENTRY_PX for n in names)
    per_line = (len(names) if sum(text_px(n, 13) + LEGEND_ENTRY_PX for n in names) <= width - 20
                else 2 if widest <= (width - 20) / 2 else 1)
    lines = -(-len(names) // per_line)
    legend_room = LEGEND_ROOM + LEGEND_LINE * (lines - 1)
    height = max(height or 0, top + BULLET_ROW * len(rows) + AXIS_TITLE_ROOM + legend_room)
    fig = style(fig, t("summary.targets_title", lang), as_of, x_title=t("summary.targets_axis", lang), height=height)
    fig = legend_below(fig, height, gap=AXIS_TITLE_ROOM, bottom=AXIS_TITLE_ROOM + legend_room)
    if per_line == 2:
        fig.update_layout(legend={"entrywidth": 0.5, "entrywidthmode": "fraction"})
    elif per_line == 1:
        fig.update_layout(legend={"orientation": "v"})
    return fig


def sector_bar(totals: pd.DataFrame, lang: str, as_of: str) -> go.Figure:
    """Total investment per sector, horizontal, largest at the top; customdata = sector slug."""
    factor, unit = money_unit(lang)
    d = totals.sort_values("investment_yi")
    names = [sector_name(s, lang) for s in d["sector"]]
    bar = {
        "type": "bar", "x": (d["investment_yi"] * factor).to_numpy(), "y": names, "orientation": "h",
        "marker": {"color": [sector_color(s) for s in d["sector"]]},
        "customdata": [[s if not pd.isna(s) else "unclassified", count(n, lang), money(v, lang)]
                       for s, n, v in zip(d["sector"], d["projects"], d["investment_yi"], strict=True)],
        "text": [money(v, lang, 0) for v in d["investment_yi"]], "textposition": "auto",
        "hovertemplate": "<b>%{y}</b><br>" + t("summary.hover_investment", lang, value="%{customdata[2]}") + "<br>"
        + t("summary.hover_projects", lang, n="%{customdata[1]}") + "<extra></extra>",
    }
    return figure([bar], t("summary.sector_title", lang), as_of, x_title=t("summary.sector_axis", lang, unit=unit),
                  height=max(300, 80 + 34 * len(d)), legend=False)


def province_bar(provinces: pd.DataFrame, lang: str, as_of: str) -> go.Figure:
    """Top provinces by investment with their share; customdata = province code."""
    factor, unit = money_unit(lang)
    d = provinces.sort_values("investment_yi")
    names = list(d["short_name"] if lang == "zh" else d["name_en"])
    bar = {
        "type": "bar", "x": (d["investment_yi"] * factor).to_numpy(), "y": names, "orientation": "h",
        "marker": {"color": NEUTRAL},
        "customdata": [[c, count(n, lang), money(v, lang), percent(s)]
                       for c, n, v, s in zip(d["province_code"], d["projects"], d["investment_yi"], d["share"],
                                             strict=True)],
        "text": [percent(s) for s in d["share"]], "textposition": "auto",
        "hovertemplate": "<b>%{y}</b><br>" + t("summary.hover_investment", lang, value="%{customdata[2]}") + "<br>"
        + t("summary.hover_projects", lang, n="%{customdata[1]}") + "<br>"
        + t("summary.hover_share", lang, share="%{customdata[3]}") + "<extra></extra>",
    }
    return figure([bar], t("summary.province_title", lang), as_of,
                  x_title=t("summary.province_axis", lang, unit=unit), height=max(300, 80 + 30 * len(d)), legend=False)


def trend(flows: pd.DataFrame, lang: str, as_of: str) -> go.Figure:
    """Planned vs completed investment by year (the ``is_total`` rows of ``sector_year_flows``)."""
    factor, unit = money_unit(lang)
    d = flows[flows["is_total"]].sort_values("year")
    years = [str(int(y)) for y in d["year"]]
    bars = [{"type": "bar", "x": years, "y": (d[col] * factor).to_numpy(), "name": t(f"summary.{key}", lang),
             "marker": {"color": color}, "customdata": [[money(v, lang)] for v in d[col]],
             "hovertemplate": "%{x}: %{customdata[0]}<extra>" + t(f"summary.{key}", lang) + "</extra>"}
            for col, key, color in (("planned_yi", "planned", PLANNED_COLOR),
                                    ("completed_yi", "completed", COMPLETED_COLOR))]
    return figure(bars, t("summary.trend_title", lang), as_of, x_title=t("summary.year", lang),
                  y_title=t("summary.trend_axis", lang, unit=unit), height=380,
                  layout={"barmode": "group", "bargap": 0.25, "xaxis": {"type": "category"}})


# --- Sectors ------------------------------------------------------------------------------------


def sector_compare(table: pd.DataFrame, lang: str, as_of: str, years: tuple[int, int] | None) -> go.Figure:
    """The sectors side by side in four panels sharing the sector axis: total investment, projects,
    completed investment (year range) and growth of completed investment over ``years``.

    ``table``: sector, projects, investment_yi, completed_yi, growth (see ``report.sector_table``).
    """
    factor, unit = money_unit(lang)
    d = table.sort_values("investment_yi")
    names = [sector_name(s, lang) for s in d["sector"]]
    slugs = [s if not pd.isna(s) else "unclassified" for s in d["sector"]]
    colors = [sector_color(s) for s in d["sector"]]
    growth_title = (t("sectors.growth_panel", lang, y0=years[0], y1=years[1]) if years
                    else t("sectors.growth_none", lang))
    titles = (t("sectors.investment_panel", lang, unit=unit), t("sectors.projects_panel", lang),
              t("sectors.completed_panel", lang, unit=unit), growth_title)
    fig = make_subplots(rows=1, cols=4, shared_yaxes=True, horizontal_spacing=0.035, subplot_titles=titles)
    panels = (
        (d["investment_yi"] * factor, [money(v, lang, 0) for v in d["investment_yi"]]),
        (d["projects"], [count(v, lang) for v in d["projects"]]),
        (d["completed_yi"].fillna(0) * factor, [money(v, lang, 0) for v in d["completed_yi"]]),
        (d["growth"] * 100, [percent(v, 1, signed=True) for v in d["growth"]]),
    )
    for i, (x, text) in enumerate(panels, start=1):
        fig.add_trace(go.Bar(
            x=x, y=names, orientation="h", marker={"color": colors}, text=text, textangle=0,
            textposition="outside" if i == 4 else "auto",
            customdata=[[s, tx] for s, tx in zip(slugs, text, strict=True)],
            hovertemplate="<b>%{y}</b><br>" + titles[i - 1] + "：%{customdata[1]}<extra></extra>",
            showlegend=False, cliponaxis=False), row=1, col=i)
    fig.update_xaxes(showticklabels=False, showgrid=False, zeroline=True, zerolinecolor="#999")
    growth = (d["growth"] * 100).dropna()
    if not growth.empty:  # room for the labels outside the growth bars, on both sides of zero
        lo, hi = min(0.0, float(growth.min())), max(0.0, float(growth.max()))
        pad = max(hi - lo, 1.0) * 0.45
        fig.update_xaxes(range=[lo - (pad if lo < 0 else 0), hi + (pad if hi > 0 else 0)], row=1, col=4)
    fig.update_annotations(font={"size": 12})
    fig = style(fig, t("sectors.compare_title", lang), as_of, height=max(240, 130 + 38 * len(d)), legend=False)
    # The growth labels stand outside their bars, the largest at the right edge of the last panel: the
    # right margin holds the widest of them (cut off at 1,280 px: '+125.4' without its '%').
    outside = [tx for tx, g in zip(panels[3][1], d["growth"], strict=True) if not pd.isna(g) and g > 0]
    right = max([fig.layout.margin.r or 0, *(text_px(tx, GROWTH_LABEL_PX) + 8 for tx in outside)])
    fig.update_layout(margin={"t": 110, "r": right})
    return fig


def subfield_bar(subs: pd.DataFrame, sector: str, lang: str, as_of: str) -> go.Figure:
    """A sector's sub-fields by total investment; customdata = sub-field slug."""
    factor, unit = money_unit(lang)
    d = subs[subs["sector"] == sector].sort_values("investment_yi")
    full = [taxonomy.label("subfield", None if pd.isna(s) else s, lang) for s in d["subfield"]]
    names = [short_label(n, 14 if lang == "zh" else 36) for n in full]
    fig = go.Figure(go.Bar(
        x=d["investment_yi"] * factor, y=names, orientation="h", marker={"color": sector_color(sector)},
        customdata=[[s, count(n, lang), money(v, lang), f]
                    for s, n, v, f in zip(d["subfield"], d["projects"], d["investment_yi"], full, strict=True)],
        text=[money(v, lang, 0) for v in d["investment_yi"]], textposition="auto", textangle=0,
        hovertemplate="<b>%{customdata[3]}</b><br>"
        + t("summary.hover_investment", lang, value="%{customdata[2]}") + "<br>"
        + t("summary.hover_projects", lang, n="%{customdata[1]}") + "<extra></extra>",
    ))
    return style(fig, t("sectors.subfield_title", lang, sector=sector_name(sector, lang)), as_of,
                 x_title=t("summary.sector_axis", lang, unit=unit), height=max(300, 90 + 30 * len(d)), legend=False)


def sector_trend(flows: pd.DataFrame, lang: str, as_of: str, as_of_year: int | None) -> go.Figure:
    """Completed investment by year, one line per sector (years up to the as-of year)."""
    factor, unit = money_unit(lang)
    d = flows[~flows["is_total"] & flows["completed_yi"].notna()]
    if as_of_year is not None:
        d = d[d["year"] <= as_of_year]
    fig = go.Figure()
    order = {s.slug: s.order for s in taxonomy.sectors()}
    for slug in sorted(d["sector"].dropna().unique(), key=lambda s: order.get(s, 99)):
        g = d[d["sector"] == slug].sort_values("year")
        name = sector_name(slug, lang)
        fig.add_scatter(x=[str(int(y)) for y in g["year"]], y=g["completed_yi"] * factor, name=name,
                        mode="lines+markers", line={"color": sector_color(slug), "width": 2},
                        customdata=[[slug, money(v, lang)] for v in g["completed_yi"]],
                        hovertemplate=name + " %{x}: %{customdata[1]}<extra></extra>")
    fig.update_xaxes(type="category")
    fig = style(fig, t("sectors.trend_title", lang), as_of, x_title=t("summary.year", lang),
                y_title=t("sectors.trend_axis", lang, unit=unit), height=440)
    fig.update_layout(legend={"orientation": "v", "x": 1.02, "xanchor": "left", "y": 1, "yanchor": "top"})
    return fig


def stage_mix(stages: pd.DataFrame, lang: str, as_of: str) -> go.Figure:
    """Each sector's projects by stage, as shares of its projects (100 % stacked bars); projects with no
    stage given are a segment of their own (left out, a sector's bar stopped short of 100 %)."""
    d = stages.copy()
    d["sector_key"] = d["sector"].fillna("unclassified")
    d["stage"] = d["stage"].fillna(NO_STAGE)
    totals = d.groupby("sector_key")["projects"].sum()
    inv = d.groupby("sector_key")["investment_yi"].sum().sort_values()
    fig = go.Figure()
    for stage in [*STAGE_ORDER, *([NO_STAGE] if (d["stage"] == NO_STAGE).any() else [])]:
        g = d[d["stage"] == stage].set_index("sector_key")
        keys = list(inv.index)
        n = [int(g["projects"].get(k, 0)) for k in keys]
        name = t("sectors.stage_none", lang) if stage == NO_STAGE else taxonomy.label("stage", stage, lang)
        marker = ({"color": "#ffffff", "line": {"color": "#9e9e9e", "width": 1},
                   "pattern": {"shape": "/", "fgcolor": "#9e9e9e", "size": 6}}
                  if stage == NO_STAGE else {"color": STAGE_COLORS[stage]})
        fig.add_bar(
            x=[v / totals[k] * 100 if totals[k] else 0 for v, k in zip(n, keys, strict=True)],
            y=[sector_name(None if k == "unclassified" else k, lang) for k in keys], orientation="h",
            name=name, marker=marker,
            customdata=[[k, count(v, lang)] for k, v in zip(keys, n, strict=True)],
            hovertemplate="<b>%{y}</b><br>" + name + "：%{customdata[1]} (%{x:.0f}%)<extra></extra>")
    fig.update_layout(barmode="stack")
    # ticks named, 100 % among them: Plotly's own ticks stopped at 80 %, the end of a 100 % stack unlabelled
    fig.update_xaxes(range=[0, 100], tickmode="array", tickvals=list(range(0, 101, 20)),
                     ticktext=[f"{v}%" for v in range(0, 101, 20)])
    height = max(290, 190 + 34 * len(inv))
    fig = style(fig, t("sectors.stage_title", lang), as_of, x_title=t("sectors.stage_axis", lang), height=height)
    # room right of the plot for half of "100%": a label that would run past the figure is not drawn
    fig.update_layout(margin={"r": max(fig.layout.margin.r or 0, 28)})
    return legend_below(fig, height)
