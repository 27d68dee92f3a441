"""What a reader sees on the pages, found by walking them in a browser (the review of 2026-12-02):
no "None" or "nan" in a table, each checked with AppTest on the demo store."""

from __future__ import annotations

import json
import numbers
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from tests.apptest_helpers import goto, html_frames, open_page, pdf_info
from tests.test_downloads import media, served  # noqa: F401 - the fixture is used by name

HAN = re.compile(r"[\u4e00-\u9fff]")
TABLE_PAGES = ["summary", "sectors", "clusters", "regions", "projects"]
CHART_PAGES = ["summary", "sectors", "clusters", "regions", "funding"]


@dataclass
class Shown:
    """What one page run drew: its exceptions, data grids' values, Plotly figures (specs) and metrics."""

    exception: list
    frames: list
    figures: list[dict]
    metrics: list[str]


@pytest.fixture(scope="module")
def walk(demo_db_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], dict[str, Shown]]:
    """The demo store's pages in one language, walked once per module as a reader does (the summary
    opened, then each page of TABLE_PAGES and CHART_PAGES chosen in turn): {page: what it drew}. The
    table, axis, subtitle and money-card tests read the same walk instead of each walking the pages again
    (each page run is an app run of its own; the app only reads the store)."""
    from conftest import copy_store

    walks: dict[str, dict[str, Shown]] = {}

    def walked(lang: str) -> dict[str, Shown]:
        if lang not in walks:
            db = copy_store(demo_db_template, tmp_path_factory.mktemp(f"walk-{lang}") / "demo.ducklake")
            with pytest.MonkeyPatch.context() as mp:
                at = open_page(db, mp, "summary", lang=lang)
                shown = {}
                for page in dict.fromkeys(TABLE_PAGES + CHART_PAGES):
                    if page != "summary":
                        goto(at, page).run()
                    shown[page] = Shown(list(at.exception), [f.value for f in at.dataframe], _figures(at),
                                        [m.value for m in at.metric])
            walks[lang] = shown
        return walks[lang]

    return walked


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_tables_show_no_missing_values(walk: Callable[[str], dict[str, Shown]], lang: str) -> None:
    """A data grid draws a missing number as "None": every table shows '—' instead (the clusters list's
    year of designation is empty for clusters still being cultivated)."""
    shown = walk(lang)
    seen = 0
    for page in TABLE_PAGES:
        assert not shown[page].exception, (page, shown[page].exception)
        for value in shown[page].frames:
            if not isinstance(value, pd.DataFrame):
                continue
            seen += 1
            missing = [c for c in value.columns if value[c].isna().any()]
            words = [c for c in value.columns if value[c].astype(str).isin(["None", "nan", "NaN", "<NA>"]).any()]
            assert missing == [] and words == [], (page, missing, words)
    assert seen >= 4


def _figures(at) -> list[dict]:  # noqa: ANN001
    return [json.loads(e.proto.spec) for e in at.get("plotly_chart")]


def _axis_values(fig: dict) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {}
    for trace in fig.get("data", []):
        for letter in ("x", "y"):
            data = trace.get(letter)
            if isinstance(data, dict):  # a typed array: {"dtype": ..., "bdata": ...}
                data = decode(data)
            numeric = isinstance(data, list) and all(isinstance(v, int | float) for v in data if v is not None)
            if not data or not numeric:
                continue
            axis = (trace.get(f"{letter}axis") or letter).replace(letter, f"{letter}axis", 1)
            out.setdefault(axis, []).extend(float(v) for v in data if v is not None)
    return out


def decode(typed: dict) -> list[float]:
    import base64

    import numpy as np

    return np.frombuffer(base64.b64decode(typed["bdata"]), dtype=np.dtype(typed["dtype"])).tolist()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_value_axes_write_numbers_with_separators(walk: Callable[[str], dict[str, Shown]], lang: str) -> None:
    """Ticks of 10,000 and more were Plotly's '10k' (meaningless in Chinese) and 1,000–9,999 had no
    separator ('8000'); an axis of years must not get one ('2,024')."""
    shown = walk(lang)
    problems, axes = [], 0
    for page in CHART_PAGES:
        assert not shown[page].exception, (page, shown[page].exception)
        for fig in shown[page].figures:
            title = fig["layout"].get("title", {}).get("text")
            for axis, values in _axis_values(fig).items():
                layout = fig["layout"].get(axis, {})
                axes += 1
                if all(v.is_integer() and 1949 <= v <= 2100 for v in values):
                    if layout.get("tickformat") != "d" or layout.get("separatethousands"):
                        problems.append(f"{page} {title} {axis}: years {layout}")
                elif layout.get("exponentformat") != "none" or not layout.get("separatethousands"):
                    problems.append(f"{page} {title} {axis}: numbers {max(values):.0f} {layout}")
    assert axes >= 15
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_export_target_chart_has_room_for_its_labels_and_legend(demo_db_template: Path, lang: str) -> None:
    """The meeting export drew the progress chart 250 px tall: its three two-line tier labels stood on
    each other and the legend on the axis title. Asked for less, the chart takes the room it needs,
    and the export renders it at the height it came out."""
    from dashboard import report, store
    from dashboard.charts import overview as charts
    from dashboard.filters import Filters
    from dashboard.queries import clusters as cq

    con = store.connect(demo_db_template, read_only=True)
    try:
        tiers = cq.tier_progress(con, Filters())
        cur = con.cursor()
        data = report.load_summary(lambda fn, flt, **kw: fn(cur, flt, **kw), Filters(), 2025)
    finally:
        con.close()
    for as_of in ("as of", ""):
        fig = charts.target_bullets(tiers, lang, as_of, 2025, height=250)
        m = fig.layout.margin
        plot = fig.layout.height - m.t - m.b
        assert plot / len(tiers) >= 44, (as_of, fig.layout.height, m)
        legend_top = -fig.layout.legend.y * plot  # px under the plot's bottom edge
        assert legend_top >= 50 and m.b - legend_top >= 40, (legend_top, m.b)
    fig, _width, height = report.figures(data, lang, "as of")[0]
    assert height == fig.layout.height


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs the system Chromium")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_meeting_pdf_is_two_pages(demo_db_template: Path, lang: str) -> None:
    """With the progress chart at the height it needs, the export still prints on two A4 pages: KPIs,
    progress, highlights and the ten projects on the first, the three charts on the second."""
    from dashboard import report, store
    from dashboard.filters import Filters

    con = store.connect(demo_db_template, read_only=True)
    try:
        cur = con.cursor()
        data = report.load_summary(lambda fn, flt, **kw: fn(cur, flt, **kw), Filters(), 2025)
    finally:
        con.close()
    pdf = report.html_to_pdf(report.build_html(data, lang, "数据截至2025年 · 演示数据" if lang == "zh"
                                               else "Data as of 2025 · demo data"))
    assert pdf is not None
    info = pdf_info(pdf)
    assert re.search(r"^Pages:\s+2$", info, re.M), info


def _text_px(text: str, size: float) -> float:
    """A line's width as Noto Sans CJK draws it, near enough: a Han or full-width character is one em,
    anything else about 0.6 em (a bold tier name included)."""
    plain = re.sub(r"<[^>]+>", "", text)
    return sum(size if ord(c) >= 0x2E80 else 0.6 * size for c in plain)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_pyramid_labels_fit_a_half_page_column(demo_db_template: Path, lang: str) -> None:
    """The tier pyramid's labels ran past the chart's right edge in a half-page column at 1,280 px
    ('已形成 862 / 目标 1,000（86%' lost its bracket, '150 in rese…'): every line fits in 400 px."""
    from dashboard import store
    from dashboard.charts import clusters as charts
    from dashboard.filters import Filters
    from dashboard.queries import clusters as cq

    con = store.connect(demo_db_template, read_only=True)
    try:
        tiers = cq.tier_progress(con, Filters())
    finally:
        con.close()
    fig = charts.tier_pyramid(tiers, lang, "as of")
    lo, hi = fig.layout.xaxis.range
    plot_px = 400 - fig.layout.margin.l - fig.layout.margin.r
    labels = [a for a in fig.layout.annotations if a.xref in (None, "x")]
    assert len(labels) == 3
    for a in labels:
        room = (hi - a.x) / (hi - lo) * plot_px
        size = (a.font.size if a.font and a.font.size else 12)
        widest = max(_text_px(line, size) for line in a.text.split("<br>"))
        assert widest <= room, (a.text, widest, room)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_chart_subtitles_fit_the_chart(walk: Callable[[str], dict[str, Shown]], lang: str) -> None:
    """A Plotly subtitle does not wrap: the cumulative-designations chart's as-of line and pace hint on
    one line ran past its right edge. Every line of every subtitle fits a half-page column (400 px) or,
    for a full-width chart, 820 px (a 1,280 px screen)."""
    shown = walk(lang)
    problems = []
    for page in CHART_PAGES:
        for fig in shown[page].figures:
            sub = ((fig["layout"].get("title") or {}).get("subtitle") or {}).get("text") or ""
            for line in sub.split("<br>"):
                if _text_px(line, 12) > 820:
                    problems.append((page, line))
    assert problems == []


def test_money_is_written_with_two_decimals() -> None:
    """亿元 amounts in KPI cards, highlights and hovers had one decimal (5,892.4亿元) where every table
    has two; bar labels keep none."""
    from dashboard.formatting import money

    assert money(5892.4) == "5,892.40亿元" and money(0.125) == "0.12亿元"
    assert money(38_412.7) == "3.84万亿元" and money(9724.2, "zh", 0) == "9,724亿元"
    assert money(5892.4, "en") == "CNY 589.24 bn" and money(38_412.7, "en") == "CNY 3.84 tn"
    assert money(None) == "—"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_summary_cards_show_money_with_two_decimals(walk: Callable[[str], dict[str, Shown]], lang: str) -> None:
    amounts = [m for m in walk(lang)["summary"].metrics if ("亿元" in m or " bn" in m or " tn" in m)]
    assert amounts and all(re.search(r"\d\.\d\d(万亿元|亿元| bn| tn)$", v) for v in amounts), amounts


def test_ownership_donuts_write_every_share_with_one_decimal() -> None:
    """The donuts wrote 46%, 33.9% and 9.03% side by side (Plotly's three significant digits)."""
    from dashboard.charts import funding as charts

    df = pd.DataFrame({"ownership": ["state", "private", "foreign"], "projects": [338, 462, 87],
                       "investment_yi": [13007.6, 17686.4, 3468.2]})
    fig = charts.ownership(df, "zh", "as of", title="t", names={}, investment_title="a", projects_title="b")
    pies = [tr for tr in fig.data if tr.type == "pie"]
    assert len(pies) == 2
    for pie in pies:
        assert pie.texttemplate and "%{percent:.1%}" in pie.texttemplate and "%{label}" in pie.texttemplate
        assert "%{percent}" not in (pie.hovertemplate or "")


def test_region_groups_leave_room_under_a_small_negative_bar() -> None:
    """The growth panel's -0.8 (西部) beside +41.5 was written over the region names under the axis."""
    from dashboard.charts import regions as charts

    df = pd.DataFrame({"region_group": ["东部", "中部", "西部", "东北"], "projects": [1600, 660, 624, 116],
                       "investment_yi": [21347.0, 8357.0, 7206.0, 1501.0],
                       "completed_yi": [14060.0, 5194.0, 4830.0, 943.0],
                       "last_year": [2025] * 4, "prev_year": [2024] * 4, "growth": [0.013, 0.214, -0.008, 0.415]})
    fig = charts.region_groups(df, "zh", "as of")
    low, high = fig.layout.yaxis4.range
    assert low < 0 and (-0.8 - low) / (high - low) >= 0.15, (low, high)
    for axis in ("yaxis", "yaxis2", "yaxis3"):  # all positive: the panels start at zero
        assert fig.layout[axis].range[0] == 0


def test_designation_batches_read_in_english() -> None:
    from dashboard.formatting import batch

    assert [batch(b, "en") for b in ("第一批", "第二批", "第十批", "第十二批", "第 3 批", "2022年", "2019年公布")] \
        == ["batch 1", "batch 2", "batch 10", "batch 12", "batch 3", "2022", "2019年公布"]
    assert batch("第二批", "zh") == "第二批" and batch(None, "en") == "—"


def test_clusters_page_names_batches_in_english(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The clusters list and a cluster's facts said 第一批 in English."""
    at = open_page(demo_db, monkeypatch, "clusters", lang="en")
    listed = next(f.value for f in at.dataframe if "Batch" in f.value.columns)
    assert not listed["Batch"].str.contains(HAN).any()
    assert "batch 1" in set(listed["Batch"])
    assert not any("第" in c.value for c in at.caption)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_project_export_keeps_ids_and_years_as_numbers(demo_db: Path, monkeypatch: pytest.MonkeyPatch,
                                                        media: list, lang: str) -> None:  # noqa: F811
    """The XLSX export held ids and years as text ('2025'), which a spreadsheet flags and sorts as text."""
    import io

    from openpyxl import load_workbook

    at = open_page(demo_db, monkeypatch, "projects", lang=lang)
    files = [data for name, data in served(at, media).values() if name.endswith(".xlsx")]
    assert len(files) == 1
    ws = load_workbook(io.BytesIO(files[0])).active
    header = [c.value for c in next(ws.iter_rows(max_row=1))]
    unit = "亿元" if lang == "zh" else "CNY bn"
    assert unit in header[-1]
    row = [c for c in next(ws.iter_rows(min_row=2, max_row=2))]
    numeric = {header.index(h) for h in header if h in (("编号", "开工年份", "竣工年份") if lang == "zh"
                                                      else ("ID", "Start year", "End year"))}
    assert len(numeric) == 3
    assert all(row[i].data_type == "n" and isinstance(row[i].value, int) for i in numeric), row
    assert row[-1].data_type == "n"
    assert not any(c.data_type == "f" for r in ws.iter_rows() for c in r)


def test_province_trend_spaces_its_years_instead_of_turning_them() -> None:
    """Eleven years as categories in a half-page column were drawn on their side and ran into the axis
    title and legend; as numbers, Plotly leaves out ticks to keep them level."""
    from dashboard.charts import regions as charts

    df = pd.DataFrame({"year": list(range(2019, 2030)), "planned_yi": [1.0] * 11, "completed_yi": [1.0] * 11})
    fig = charts.province_trend(df, "江苏", "zh", "as of")
    assert fig.layout.xaxis.type != "category" and fig.layout.xaxis.tickangle == 0
    assert all(isinstance(x, numbers.Real) for x in fig.data[0].x)
    assert fig.layout.xaxis.tickformat == "d"  # 2019, not 2,019


def test_import_history_writes_counts_with_separators(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The import history showed the demo batch's 3000 rows as '3000'."""
    at = open_page(demo_db, monkeypatch, "upload", lang="zh")
    from dashboard.i18n import t

    grid = next(f for f in html_frames(at) if t("upload.col_imported", "zh") in f.columns)
    assert grid[t("upload.col_imported", "zh")].tolist() == ["3,000"]
    assert grid[t("upload.col_projects", "zh")].tolist() == ["3,000"]


def test_the_updated_stamp_follows_a_revert(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every chart's "更新于 …" named the newest import still in: after a revert it went back to an older
    import's time, on data that had just changed. It names the revert's time now."""
    from storekit import run, write_projects_csv

    from dashboard import store
    from dashboard.filters import Filters
    from dashboard.queries import common

    # the import and the revert in-process (dashboard.cli.main; the processes are test_cli's and test_import_cli's)
    assert run(capsys, "import", str(write_projects_csv(tmp_path / "a.csv", 5, tag="甲")), "--db", str(demo_db))[0] == 0
    assert run(capsys, "revert", "2", "--db", str(demo_db))[0] == 0
    con = store.connect(demo_db, read_only=True)
    try:
        status = common.data_status(con.cursor(), Filters()).iloc[0]
        reverted = con.execute("SELECT reverted_at FROM import_batches WHERE batch_id = 2").fetchone()[0]
        demo = con.execute("SELECT imported_at FROM import_batches WHERE batch_id = 1").fetchone()[0]
    finally:
        con.close()
    assert reverted is not None and reverted > demo
    assert status["last_import"] == reverted
