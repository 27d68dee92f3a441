"""The Summary's data, its highlight sentences and its printable export (HTML, and PDF via Chromium).

Everything here is plain Python over query results, usable without Streamlit: the page passes
``appdb.load`` as ``run``; tests and scripts pass ``lambda fn, f, **kw: fn(cursor, f, **kw)``.
"""

from __future__ import annotations

import base64
import html
import os
import shutil
import subprocess
import tempfile
import threading
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from . import taxonomy
from .charts import overview as charts
from .filters import Filters
from .formatting import count, money, percent
from .i18n import t
from .queries import clusters as cq
from .queries import overview as oq

Run = Callable[..., pd.DataFrame]
CHROMIUM = os.environ.get("BROWSER_PATH", "/usr/bin/chromium")
_KALEIDO_LOCK = threading.Lock()


def _s(key: str, lang: str, **values: object) -> str:
    return t(f"summary.{key}", lang, **values)


# --- which years ---------------------------------------------------------------------------------

def kpi_year(as_of_year: int, f: Filters) -> int:
    """The 'latest year' of the KPI: the as-of year, or the end of the year filter if earlier."""
    return min(as_of_year, f.year_to) if f.year_to is not None else as_of_year


def growth_years(as_of_year: int, f: Filters) -> tuple[int, int] | None:
    """The last two full years (before the as-of year, inside the year filter), or None."""
    y1 = as_of_year - 1
    if f.year_to is not None:
        y1 = min(y1, f.year_to)
    y0 = y1 - 1
    if f.year_from is not None and y0 < f.year_from:
        return None
    return y0, y1


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

    @property
    def year(self) -> int:
        return kpi_year(self.as_of_year, self.filters)

    def completed(self, year: int) -> float | None:
        rows = self.flows[self.flows["is_total"] & (self.flows["year"] == year)]
        if rows.empty or pd.isna(rows["completed_yi"].iloc[0]):
            return None
        return float(rows["completed_yi"].iloc[0])

    @property
    def is_empty(self) -> bool:
        return int(self.kpis["projects"].iloc[0]) == 0 and int(self.tiers["designated"].sum()) == 0


SUMMARY_QUERIES = (  # (query, extra arguments) — what the Summary page runs, for the benchmark
    (oq.kpis, ("as_of",)), (cq.tier_progress, ()), (oq.sector_totals, ()), (oq.sector_year_flows, ()),
    (oq.top_provinces, ()), (oq.top_projects, ()),
)


def load_summary(run: Run, f: Filters, as_of_year: int) -> SummaryData:
    """Run the Summary's queries through ``run(query, filters, **kwargs)``."""
    return SummaryData(
        as_of_year=as_of_year, filters=f,
        kpis=run(oq.kpis, f, as_of=as_of_year),
        tiers=run(cq.tier_progress, f),
        sectors=run(oq.sector_totals, f),
        flows=run(oq.sector_year_flows, f),
        provinces=run(oq.top_provinces, f, limit=10),
        projects=run(oq.top_projects, f, limit=10),
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
    out = totals.set_index("sector").join(completed, how="left").join(growth, how="left")
    return out.reset_index(names="sector")


# --- highlights ----------------------------------------------------------------------------------

def highlights(data: SummaryData, lang: str) -> list[str]:
    """Three to five sentences, each computed from the data (Markdown bold for the subject)."""
    out: list[str] = []
    years = growth_years(data.as_of_year, data.filters)
    g = sector_growth(data.flows, years).dropna(subset=["growth"])
    g = g[g["sector"].notna()]
    if years and not g.empty:
        best = g.sort_values(["growth", "sector"], ascending=[False, True]).iloc[0]
        key = "hl_growth" if best["growth"] > 0 else "hl_decline"
        out.append(_s(key, lang, y0=years[0], y1=years[1], sector=charts.sector_name(best["sector"], lang),
                      growth=percent(best["growth"], 1, signed=True), v0=money(best["v0"], lang),
                      v1=money(best["v1"], lang)))
    total = float(data.kpis["investment_yi"].iloc[0])
    if not data.sectors.empty and total > 0:
        top = data.sectors.iloc[0]
        out.append(_s("hl_top_sector", lang, sector=charts.sector_name(top["sector"], lang),
                      value=money(top["investment_yi"], lang), share=percent(top["investment_yi"] / total)))
    if not data.provinces.empty and total > 0:
        top = data.provinces.iloc[0]
        out.append(_s("hl_top_province", lang, province=top["short_name"] if lang == "zh" else top["name_en"],
                      value=money(top["investment_yi"], lang), share=percent(top["share"])))
    projects = int(data.kpis["projects"].iloc[0])
    if projects:
        overdue = int(data.kpis["overdue"].iloc[0])
        out.append(_s("hl_overdue", lang, n=count(overdue, lang), share=percent(overdue / projects))
                   if overdue else _s("hl_no_overdue", lang, year=data.as_of_year))
    tiers = data.tiers.assign(progress=data.tiers["designated"] / data.tiers["target_count"])
    behind = tiers[tiers["designated"] < tiers["target_count"]]
    if behind.empty:
        out.append(_s("hl_tier_met", lang))
    else:
        r = behind.sort_values("progress").iloc[0]
        pace = charts.pace_needed(int(r["designated"]), int(r["target_count"]), int(r["target_year"]),
                                  data.as_of_year)
        out.append(_s("hl_tier", lang, tier=taxonomy.label("tier", r["tier"], lang), n=count(r["designated"], lang),
                      target=count(r["target_count"], lang), share=percent(r["progress"], 0),
                      year=int(r["target_year"]), pace=charts.pace_text(pace or 0)))
    return out[:5]


# --- export --------------------------------------------------------------------------------------

def figures(data: SummaryData, lang: str, as_of: str) -> list[tuple[go.Figure, int, int]]:
    """The charts of the export with their print size in pixels (width, height)."""
    out = [(charts.target_bullets(data.tiers, lang, as_of, data.as_of_year, height=250, legend_gap=40), 1200, 250)]
    if not data.sectors.empty:
        out.append((charts.sector_bar(data.sectors, lang, as_of), 700, 420))
    if not data.provinces.empty:
        out.append((charts.province_bar(data.provinces, lang, as_of), 700, 420))
    if not data.flows.empty:
        out.append((charts.trend(data.flows, lang, as_of), 1400, 360))
    return out


def render_png(figs: list[tuple[go.Figure, int, int]], scale: float = 2) -> list[bytes]:
    """Static PNGs through Plotly's kaleido (Chromium at BROWSER_PATH, one browser for all)."""
    os.environ.setdefault("BROWSER_PATH", "/usr/bin/chromium")
    import kaleido

    with _KALEIDO_LOCK, warnings.catch_warnings():
        # plotly passes browser options that a running kaleido server ignores (and says so)
        warnings.filterwarnings("ignore", message="The kopts argument is ignored")
        kaleido.start_sync_server(silence_warnings=True)
        try:
            return [fig.to_image(format="png", width=w, height=h, scale=scale) for fig, w, h in figs]
        finally:
            kaleido.stop_sync_server(silence_warnings=True)


def _md_bold(text: str) -> str:
    """The highlights' **bold** as HTML, everything else escaped."""
    parts = html.escape(text).split("**")
    return "".join(f"<b>{p}</b>" if i % 2 else p for i, p in enumerate(parts))


def kpi_cards(data: SummaryData, lang: str) -> list[tuple[str, str, str]]:
    """(label, value, note) of the KPI cards, shared by the page and the export."""
    k = data.kpis.iloc[0]
    year = data.year
    now, before = data.completed(year), data.completed(year - 1)
    change = "" if now is None or not before else _s("kpi_delta", lang, year=year - 1,
                                                        change=percent(now / before - 1, 1, signed=True))
    cards = [
        (_s("kpi_investment", lang), money(float(k["investment_yi"]), lang), ""),
        (_s("kpi_projects", lang), count(int(k["projects"]), lang), ""),
        (_s("kpi_completed", lang, year=year), money(now, lang), change),
    ]
    for r in data.tiers.itertuples():
        cards.append((_s("kpi_tier", lang, tier=taxonomy.label("tier", r.tier, lang)),
                      _s("kpi_tier_value", lang, n=count(r.designated, lang), target=count(r.target_count, lang)),
                      ""))
    return cards


def filters_text(f: Filters, lang: str) -> str:
    """The active filters in words, for the export's header; an account's province scope is named too,
    so a scoped export never reads as the whole country."""
    text = _filter_words(f, lang)
    if f.scope:
        sep = "；" if lang == "zh" else "; "
        text += sep + t("auth.scope", lang, provinces=("、" if lang == "zh" else ", ").join(f.scope))
    return text


def _filter_words(f: Filters, lang: str) -> str:
    if f.is_empty():
        return _s("report_no_filters", lang)
    parts = []
    if f.year_from is not None or f.year_to is not None:
        parts.append(f"{t('filters.years', lang)} {f.year_from or ''}–{f.year_to or ''}")
    if f.sectors:
        parts.append(t("filters.sectors", lang) + " " + "、".join(charts.sector_name(
            None if s == "unclassified" else s, lang) for s in f.sectors))
    if f.subfields:
        parts.append(t("filters.subfields", lang) + " " + "、".join(taxonomy.label("subfield", s, lang)
                                                                    for s in f.subfields))
    for name, values in (("provinces", f.provinces), ("groups", f.region_groups), ("stages", f.stages),
                         ("ownership", f.ownership)):
        if values:
            parts.append(t(f"filters.{name}", lang) + " " + "、".join(values))
    if f.tiers:
        parts.append(t("filters.tiers", lang) + " " + "、".join(taxonomy.label("tier", s, lang) for s in f.tiers))
    if f.batch_id is not None:
        parts.append(f"{t('filters.batch', lang)} #{f.batch_id}")
    return _s("report_filters", lang, text="；".join(parts) if lang == "zh" else "; ".join(parts))


def top_projects_table(projects: pd.DataFrame, lang: str, *, text: bool = False, place: str = "province"
                       ) -> pd.DataFrame:
    """The top-projects table with localised headers and money in the language's unit
    (``text``: money as formatted strings, for print; ``place``: 'province' or 'city' — which
    place the ``province_short`` / ``province_en`` columns hold)."""
    factor, unit = charts.money_unit(lang)
    amounts = projects["investment_yi"] * factor
    return pd.DataFrame({
        _s("col_name", lang): projects["name"],
        _s("col_sector", lang): [charts.sector_name(s, lang) for s in projects["sector"]],
        _s(f"col_{place}", lang): projects["province_short"] if lang == "zh" else projects["province_en"],
        _s("col_start", lang): projects["start_year"].astype("Int64"),
        _s("col_stage", lang): [taxonomy.label("stage", None if pd.isna(s) else s, lang) for s in projects["stage"]],
        _s("col_investment", lang, unit=unit): [f"{v:,.2f}" for v in amounts] if text else amounts.round(2),
    })


CSS = """
@page { size: A4 landscape; margin: 8mm 10mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei",
       "PingFang SC", "Hiragino Sans GB", "SimHei", sans-serif; color: #222; margin: 0; font-size: 9.5pt; }
header { display: flex; justify-content: space-between; align-items: baseline;
         border-bottom: 2px solid #1f5aa6; padding-bottom: 4px; margin-bottom: 8px; }
h1 { font-size: 17pt; margin: 0; color: #1f5aa6; }
h2 { font-size: 11pt; margin: 5px 0 3px; color: #1f5aa6; }
.meta { font-size: 8.5pt; color: #666; text-align: right; }
.kpis { display: grid; grid-template-columns: repeat(6, 1fr); gap: 6px; margin-bottom: 6px; }
.kpi { border: 1px solid #d6dde8; border-radius: 4px; padding: 5px 8px; background: #f7f9fc; }
.kpi .label { font-size: 8.5pt; color: #555; }
.kpi .value { font-size: 13pt; font-weight: 700; color: #1f5aa6; white-space: nowrap; }
.kpi .note { font-size: 8pt; color: #666; min-height: 1em; }
img { width: 100%; display: block; }
.row { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; }
.page-break { break-before: page; page-break-before: always; }
ul.highlights { margin: 2px 0 4px 18px; padding: 0; }
ul.highlights li { margin: 1px 0; }
table { border-collapse: collapse; width: 100%; font-size: 8pt; }
tr { break-inside: avoid; }
th, td { border-bottom: 1px solid #ddd; padding: 1px 6px; text-align: left; }
th { background: #eef2f8; }
td.num, th.num { text-align: right; white-space: nowrap; }
footer { margin-top: 8px; font-size: 8pt; color: #777; }
figure { margin: 0; break-inside: avoid; }
"""


def build_html(data: SummaryData, lang: str, as_of: str, *, images: list[bytes] | None = None,
               generated: datetime | None = None) -> bytes:
    """A print-ready, self-contained HTML page of the summary (A4 landscape, two pages).

    ``images``: PNGs of :func:`figures` in order; rendered with kaleido when None.
    """
    figs = figures(data, lang, as_of)
    pngs = images if images is not None else render_png(figs)
    src = [f"data:image/png;base64,{base64.b64encode(p).decode('ascii')}" for p in pngs]
    esc = html.escape
    generated = generated or datetime.now()
    cards = "".join(
        f'<div class="kpi"><div class="label">{esc(label)}</div><div class="value">{esc(value)}</div>'
        f'<div class="note">{esc(note)}</div></div>' for label, value, note in kpi_cards(data, lang))
    items = "".join(f"<li>{_md_bold(s)}</li>" for s in highlights(data, lang))
    table = top_projects_table(data.projects, lang, text=True)
    num_cols = {table.columns[3], table.columns[5]}
    head = "".join(f'<th class="{"num" if c in num_cols else ""}">{esc(str(c))}</th>' for c in table.columns)
    body = "".join(
        "<tr>" + "".join(f'<td class="{"num" if c in num_cols else ""}">{esc("" if pd.isna(v) else str(v))}</td>'
                         for c, v in row.items()) + "</tr>" for _, row in table.iterrows())
    imgs = [f'<figure><img alt="" src="{s}"></figure>' for s in src]
    first, rest = (imgs[0], imgs[1:]) if imgs else ("", [])
    pair, wide = (rest[:2], rest[2:]) if len(rest) >= 3 else ([], rest)
    doc = f"""<!DOCTYPE html>
<html lang="{'zh-CN' if lang == 'zh' else 'en'}"><head><meta charset="utf-8">
<title>{esc(_s('report_title', lang))}</title><style>{CSS}</style></head>
<body>
<header><h1>{esc(_s('report_title', lang))}</h1>
<div class="meta">{esc(as_of)}<br>{esc(filters_text(data.filters, lang))}<br>
{esc(_s('report_generated', lang, time=generated.strftime('%Y-%m-%d %H:%M')))}</div></header>
<section class="kpis">{cards}</section>
{first}
<h2>{esc(_s('highlights_title', lang))}</h2>
<ul class="highlights">{items}</ul>
<h2>{esc(_s('top_title', lang))}</h2>
<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>
<div class="page-break"></div>
<div class="row">{''.join(pair)}</div>
{''.join(wide)}
<footer>{esc(_s('report_source', lang))}</footer>
</body></html>"""
    return doc.encode("utf-8")


def html_to_pdf(html_bytes: bytes, timeout: float = 60) -> bytes | None:
    """Print the export to PDF with the system Chromium (headless); None if Chromium is missing or fails."""
    exe = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    if not exe:
        return None
    with tempfile.TemporaryDirectory(prefix="sei-report-") as tmp:
        src, out = Path(tmp) / "summary.html", Path(tmp) / "summary.pdf"
        src.write_bytes(html_bytes)
        cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run", "--no-pdf-header-footer",
               f"--user-data-dir={tmp}/profile", f"--print-to-pdf={out}", src.as_uri()]
        try:
            subprocess.run(cmd, capture_output=True, timeout=timeout, check=False)
        except (OSError, subprocess.TimeoutExpired):
            return None
        return out.read_bytes() if out.exists() and out.stat().st_size > 0 else None
