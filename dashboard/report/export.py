"""The Summary's printable export: charts as PNG (kaleido), an A4 HTML page, and PDF via Chromium."""

from __future__ import annotations

import base64
import html
import os
import shutil
import subprocess
import tempfile
import threading
import warnings
from datetime import datetime
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from .. import taxonomy
from ..charts import overview as charts
from ..downloads import FORMULA_START
from ..filters import Filters
from ..formatting import count, money
from ..i18n import t
from .summary import SummaryData, highlights, top_projects_table

CHROMIUM = os.environ.get("BROWSER_PATH", "/usr/bin/chromium")
_KALEIDO_LOCK = threading.Lock()


def figures(data: SummaryData, lang: str, as_of: str) -> list[tuple[go.Figure, int, int]]:
    """The charts of the export with their print size in pixels (width, height)."""
    # The first page's chart, under the page header that already carries the as-of line: it goes
    # without its own, and is as tall as its labels and legend need at A4 width (1,400 px: the page
    # holds the KPIs, this chart, the highlights and ten projects).
    bullets = charts.target_bullets(data.tiers, lang, "", data.as_of_year, width=charts.EXPORT_WIDTH)
    out = [(bullets, charts.EXPORT_WIDTH, int(bullets.layout.height))]
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
    now, change = data.completed(year), data.growth_text(lang)
    cards = [
        (t("summary.kpi_investment", lang), money(float(k["investment_yi"]), lang), ""),
        (t("summary.kpi_projects", lang), count(int(k["projects"]), lang), ""),
        (t("summary.kpi_completed", lang, year=year), money(now, lang), change),
    ]
    for r in data.tiers.itertuples():
        cards.append((t("summary.kpi_tier", lang, tier=taxonomy.label("tier", r.tier, lang)),
                      t("summary.kpi_tier_value", lang, n=count(r.designated, lang),
                        target=count(r.target_count, lang)),
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
        return t("summary.report_no_filters", lang)
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
    return t("summary.report_filters", lang, text="；".join(parts) if lang == "zh" else "; ".join(parts))


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
th, td { border-bottom: 1px solid #ddd; padding: 0 6px; line-height: 1.3; text-align: left; }
th { background: #eef2f8; }
td.num, th.num { text-align: right; white-space: nowrap; }
.demo { border: 1px solid #e0b000; background: #fff8e1; color: #6b4f00; padding: 3px 8px; margin: 0 0 6px;
        font-weight: 700; }
footer { margin-top: 8px; font-size: 8pt; color: #777; }
figure { margin: 0; break-inside: avoid; }
"""


def build_html(data: SummaryData, lang: str, as_of: str, *, images: list[bytes] | None = None,
               generated: datetime | None = None, demo: bool = False) -> bytes:
    """A print-ready, self-contained HTML page of the summary (A4 landscape, two pages).

    ``images``: PNGs of :func:`figures` in order; rendered with kaleido when None. ``demo``: the store
    holds the demo data; the copy says so under its title, as the page's banner does (a copy taken into a
    meeting carried it only as two grey words in the corner).
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
    body = "".join("<tr>" + "".join(_cell(v, "num" if c in num_cols else "") for c, v in row.items()) + "</tr>"
                   for _, row in table.iterrows())
    imgs = [f'<figure><img alt="" src="{s}"></figure>' for s in src]
    first, rest = (imgs[0], imgs[1:]) if imgs else ("", [])
    pair, wide = (rest[:2], rest[2:]) if len(rest) >= 3 else ([], rest)
    doc = f"""<!DOCTYPE html>
<html lang="{'zh-CN' if lang == 'zh' else 'en'}" xmlns:x="urn:schemas-microsoft-com:office:excel">
<head><meta charset="utf-8">
<title>{esc(t('summary.report_title', lang))}</title><style>{CSS}</style></head>
<body>
<header><h1>{esc(t('summary.report_title', lang))}</h1>
<div class="meta">{esc(as_of)}<br>{esc(filters_text(data.filters, lang))}<br>
{esc(t('summary.report_generated', lang, time=generated.strftime('%Y-%m-%d %H:%M')))}</div></header>
{f'<div class="demo">{esc(t("summary.report_demo", lang))}</div>' if demo else ''}
<section class="kpis">{cards}</section>
{first}
<h2>{esc(t('summary.highlights_title', lang))}</h2>
<ul class="highlights">{items}</ul>
<h2>{esc(t('summary.top_title', lang))}</h2>
<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>
<div class="page-break"></div>
<div class="row">{''.join(pair)}</div>
{''.join(wide)}
<footer>{esc(t('summary.report_source', lang))}</footer>
</body></html>"""
    return doc.encode("utf-8")


def _cell(value: object, css: str) -> str:
    """A table cell of the export. A text that a spreadsheet would read as a formula (=HYPERLINK(…), +cmd…:
    ``downloads.FORMULA_START``) is marked as text for Excel, which opens a saved .html as a sheet: ``x:str``
    and the text number format, which browsers ignore; the page shows the text as it is."""
    text = "" if pd.isna(value) else str(value)
    marked = ' x:str style="mso-number-format:\'\\@\'"' if text.startswith(FORMULA_START) else ""
    return f'<td class="{css}"{marked}>{html.escape(text)}</td>'


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
