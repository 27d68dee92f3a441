"""The Summary's data and its highlight sentences: plain Python over query results.

Usable without Streamlit: the page passes ``appdb.load`` as ``run``; tests and scripts pass
``lambda fn, f, **kw: fn(cursor, f, **kw)``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from .. import taxonomy
from ..charts import overview as charts
from ..filters import Filters
from ..formatting import count, money, percent
from ..i18n import t
from ..queries import clusters as cq
from ..queries import common as qc
from ..queries import overview as oq

Run = Callable[..., pd.DataFrame]



# --- which years ---------------------------------------------------------------------------------

def kpi_year(as_of_year: int, f: Filters) -> int:
    """The 'latest year' of the KPI when no growth period applies: the as-of year, or the end of the year
    filter if earlier."""
    return min(as_of_year, f.year_to) if f.year_to is not None else as_of_year


def growth_years(flows: pd.DataFrame, f: Filters, as_of: dt.date | None = None) -> tuple[int, int] | None:
    """The growth period of ``sector_year_flows`` under ``f`` (:func:`dashboard.queries.common.growth_years`:
    the latest full year with a completed amount before the as-of date's year, and the year before it)."""
    total = flows[flows["is_total"] & flows["completed_yi"].notna()]
    return qc.growth_years(total["year"], f, as_of)


# --- data ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SummaryData:
    as_of_year: int
    filters: Filters
    kpis: pd.DataFrame        # one row: projects, investment_yi, overdue
    tiers: pd.DataFrame       # tier_progress
    sectors: pd.DataFrame     # sector_totals
    flows: pd.DataFrame       # sector_year_flows
    provinces: pd.DataFrame   # top_provinces (10)
    projects: pd.DataFrame    # top_projects (10)
    as_of_date: dt.date | None = None  # the date the data are shown as of (a snapshot's); None: today

    @cached_property
    def growth_years(self) -> tuple[int, int] | None:
        """The years the growth compares (the one rule: :func:`growth_years`), found once: the KPI's year, its
        change, the highlights and the meeting copy each ask."""
        return growth_years(self.flows, self.filters, self.as_of_date)

    @property
    def year(self) -> int:
        """The year of the completed-investment KPI: the growth period's latest full year."""
        years = self.growth_years
        return years[1] if years else kpi_year(self.as_of_year, self.filters)

    def completed(self, year: int) -> float | None:
        rows = self.flows[self.flows["is_total"] & (self.flows["year"] == year)]
        if rows.empty or pd.isna(rows["completed_yi"].iloc[0]):
            return None
        return float(rows["completed_yi"].iloc[0])

    def growth(self) -> float | None:
        """Completed investment's growth over :attr:`growth_years` (None without both years' amounts)."""
        years = self.growth_years
        if years is None:
            return None
        now, before = self.completed(years[1]), self.completed(years[0])
        return now / before - 1 if now is not None and before else None

    def growth_text(self, lang: str) -> str:
        """The KPI's change with both years ("+4.2%（2025年比2024年）"), '' without one."""
        years, growth = self.growth_years, self.growth()
        if years is None or growth is None:
            return ""
        return t("summary.kpi_delta", lang, y0=years[0], y1=years[1], change=percent(growth, 1, signed=True))

    @property
    def is_empty(self) -> bool:
        return int(self.kpis["projects"].iloc[0]) == 0 and int(self.tiers["designated"].sum()) == 0


def load_summary(run: Run, f: Filters, as_of_year: int, as_of_date: dt.date | None = None) -> SummaryData:
    """Run the Summary's queries through ``run(query, filters, **kwargs)``."""
    return SummaryData(
        as_of_year=as_of_year, filters=f,
        kpis=run(oq.kpis, f, as_of=as_of_year),
        tiers=run(cq.tier_progress, f),
        sectors=run(oq.sector_totals, f),
        flows=run(oq.sector_year_flows, f),
        provinces=run(oq.top_provinces, f, limit=10),
        projects=run(oq.top_projects, f, limit=10),
        as_of_date=as_of_date,
    )


def sector_growth(flows: pd.DataFrame, years: tuple[int, int] | None) -> pd.DataFrame:
    """Per sector: completed investment in the two years and the growth between them."""
    cols = ["sector", "v0", "v1", "growth"]
    if years is None:
        return pd.DataFrame(columns=cols)
    d = flows[~flows["is_total"]]
    v0 = d[d["year"] == years[0]].set_index("sector")["completed_yi"]
    v1 = d[d["year"] == years[1]].set_index("sector")["completed_yi"]
    out = pd.concat([v0.rename("v0"), v1.rename("v1")], axis=1).reset_index(names="sector")
    out["growth"] = (out["v1"] / out["v0"].where(out["v0"] > 0)) - 1
    return out[cols]


def sector_table(totals: pd.DataFrame, flows: pd.DataFrame, years: tuple[int, int] | None) -> pd.DataFrame:
    """Sectors side by side: projects, total investment, completed (year range), growth over ``years``."""
    d = flows[~flows["is_total"]]
    completed = d.groupby("sector", dropna=False)["completed_yi"].sum(min_count=1).rename("completed_yi")
    growth = sector_growth(flows, years).set_index("sector")["growth"]
    out = totals.set_index("sector").join(completed, how="left").join(growth, how="left").reset_index(names="sector")
    # the years the growth compares, in the table (and its download) as in the chart's title
    return out.assign(prev_year=years[0], last_year=years[1]) if years else out


# --- highlights ----------------------------------------------------------------------------------

def highlights(data: SummaryData, lang: str) -> list[str]:
    """Three to five sentences, each computed from the data (Markdown bold for the subject)."""
    out: list[str] = []
    years = data.growth_years
    g = sector_growth(data.flows, years).dropna(subset=["growth"])
    g = g[g["sector"].notna()].assign(delta=lambda d: d["v1"] - d["v0"])
    if years and not g.empty:
        # the sector that added the most 亿元, not the fastest rate: a small sector doubling from a low base
        # (25亿元 → 61亿元) would otherwise be a meeting's headline over one that added hundreds of 亿元
        best = g.sort_values(["delta", "sector"], ascending=[False, True]).iloc[0]
        key = "hl_growth" if best["delta"] > 0 else "hl_decline"
        out.append(t(f"summary.{key}", lang, y0=years[0], y1=years[1], sector=charts.sector_name(best["sector"], lang),
                      growth=percent(best["growth"], 1, signed=True), v0=money(best["v0"], lang),
                      v1=money(best["v1"], lang), delta=money(abs(best["delta"]), lang)))
    total = float(data.kpis["investment_yi"].iloc[0])
    if not data.sectors.empty and total > 0:
        top = data.sectors.iloc[0]
        out.append(t("summary.hl_top_sector", lang, sector=charts.sector_name(top["sector"], lang),
                      value=money(top["investment_yi"], lang), share=percent(top["investment_yi"] / total)))
    if not data.provinces.empty and total > 0:
        top = data.provinces.iloc[0]
        out.append(t("summary.hl_top_province", lang, province=top["short_name"] if lang == "zh" else top["name_en"],
                      value=money(top["investment_yi"], lang), share=percent(top["share"])))
    projects = int(data.kpis["projects"].iloc[0])
    if projects:
        overdue = int(data.kpis["overdue"].iloc[0])
        out.append(t("summary.hl_overdue", lang, n=count(overdue, lang), share=percent(overdue / projects))
                   if overdue else t("summary.hl_no_overdue", lang, year=data.as_of_year))
    tiers = data.tiers.assign(progress=data.tiers["designated"] / data.tiers["target_count"])
    behind = tiers[tiers["designated"] < tiers["target_count"]]
    if behind.empty:
        out.append(t("summary.hl_tier_met", lang))
    else:
        r = behind.sort_values("progress").iloc[0]
        kind, values = charts.pace_words(int(r["designated"]), int(r["target_count"]), int(r["target_year"]),
                                         data.as_of_year, lang)
        out.append(t("summary.hl_tier_short" if kind == "short" else "summary.hl_tier", lang,
                     tier=taxonomy.label("tier", r["tier"], lang), n=count(r["designated"], lang),
                     target=count(r["target_count"], lang), share=percent(r["progress"], 0),
                     **{"year": int(r["target_year"]), "pace": "0", **values}))
    return out[:5]


def top_projects_table(projects: pd.DataFrame, lang: str, *, text: bool = False, place: str = "province"
                       ) -> pd.DataFrame:
    """The top-projects table with localised headers and money in the language's unit
    (``text``: money as formatted strings, for print; ``place``: 'province' or 'city' — which
    place the ``province_short`` / ``province_en`` columns hold)."""
    factor, unit = charts.money_unit(lang)
    amounts = projects["investment_yi"] * factor
    return pd.DataFrame({
        t("summary.col_name", lang): projects["name"],
        t("summary.col_sector", lang): [charts.sector_name(s, lang) for s in projects["sector"]],
        t(f"summary.col_{place}", lang): projects["province_short"] if lang == "zh" else projects["province_en"],
        t("summary.col_start", lang): projects["start_year"].astype("Int64"),
        # a stage left empty is "—", as on the projects page (taxonomy.label called it 未分类, "unclassified")
        t("summary.col_stage", lang): ["—" if pd.isna(s) else taxonomy.label("stage", s, lang)
                                       for s in projects["stage"]],
        t("summary.col_investment", lang, unit=unit): [f"{v:,.2f}" for v in amounts] if text else amounts.round(2),
    })
