"""What a reader saw on the pages in the browser review of 2026-12-02 (s25): each defect found there,
checked where it is made (a chart builder, a page under AppTest, the chrome style sheet)."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest


def _ink_columns(png: bytes) -> np.ndarray:
    """The x of every pixel column holding something darker than the page's white."""
    from PIL import Image

    grey = np.asarray(Image.open(io.BytesIO(png)).convert("L"))
    return np.where((grey < 200).any(axis=0))[0]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sector_growth_labels_stay_inside_the_chart(lang: str) -> None:
    """The sectors page's four-panel comparison at 1,280 px (820 px wide) cut the largest growth label,
    '+125.4%', at its right edge: the label stands outside its bar and the figure had a 10 px margin."""
    from dashboard.charts import overview as charts
    from dashboard.charts.base import text_px

    table = pd.DataFrame({
        "sector": ["info_tech", "new_energy", "smart_nev", "digital_creative", None],
        "projects": [646, 506, 348, 105, 44],
        "investment_yi": [9840.0, 8813.0, 7666.0, 290.0, 572.0],
        "completed_yi": [6370.0, 5751.0, 4460.0, 182.0, 361.0],
        "growth": [0.083, 0.04, 1.254, -0.08, 0.272],
    })
    fig = charts.sector_compare(table, lang, "as of", (2023, 2024))
    assert fig.layout.margin.r >= text_px("+125.4%", 13), fig.layout.margin
    png = fig.to_image(format="png", width=820, height=int(fig.layout.height))
    ink = _ink_columns(png)
    assert ink.max() < 820 - 3, f"something is drawn up to the right edge (x={ink.max()})"


def _summary(demo_db_template: object) -> object:
    from dashboard import report, store
    from dashboard.filters import Filters

    con = store.connect(demo_db_template, read_only=True)
    try:
        cur = con.cursor()
        return report.load_summary(lambda fn, flt, **kw: fn(cur, flt, **kw), Filters(), 2025)
    finally:
        con.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_export_progress_chart_keeps_its_axis_title_off_the_legend(demo_db_template: object, lang: str) -> None:
    """The meeting PDF in English drew 'Share of target (%)' over the first line of the progress chart's
    legend: at 1,400 px the legend wrapped to three lines, Plotly took the room from the plot and the
    axis title rose into it. Rendered at the export's size, the axis title's ink and the legend's ink
    are apart: there is a blank band of pixel rows between them, and the legend ends inside the image."""
    from PIL import Image

    from dashboard import report

    fig, width, height = report.figures(_summary(demo_db_template), lang, "as of")[0]
    # the axis title in pure red, the legend's words in pure blue: where each draws its ink
    one = go_copy(fig)
    one.update_xaxes(title_font_color="#ff0000")
    one.update_layout(legend_font_color="#0000ff")
    png = report.render_png([(one, width, height)], scale=1)[0]  # as the export renders it
    rgb = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    title = np.where(((r > 200) & (g < 80) & (b < 80)).any(axis=1))[0]
    legend = np.where(((b > 200) & (r < 80) & (g < 80)).any(axis=1))[0]
    assert len(title) and len(legend), (len(title), len(legend))
    assert legend.min() - title.max() >= 8, (lang, title.max(), legend.min())  # a blank band between
    assert legend.max() < height - 4, (lang, legend.max(), height)  # and the legend's last line whole


def go_copy(fig: object) -> object:
    import plotly.graph_objects as go

    return go.Figure(fig)


@pytest.mark.parametrize(("lang", "fmt"), [("zh", "#,##0.00"), ("en", "#,##0.000")])
def test_xlsx_money_reads_as_the_pages_write_it(lang: str, fmt: str) -> None:
    """The XLSX downloads held money as bare numbers ('General'): 12937.66 and 40.2 in Excel where every page
    writes 12,937.66 and 40.20. Money cells (a header naming 亿元 / CNY bn) carry a number format with
    thousands separators and the pages' decimals; ids, years and counts stay plain numbers."""
    from openpyxl import load_workbook

    from dashboard import downloads

    frame = pd.DataFrame({"project_id": [824, 1577], "start_year": [2025, 2021], "projects": [3, 12],
                          "investment_yi": [12937.66, 40.2]})
    table = downloads.labelled(frame, lang)
    ws = load_workbook(io.BytesIO(downloads.xlsx_bytes(table))).active
    header = [c.value for c in ws[1]]
    money = header.index(table.columns[-1]) + 1
    assert [ws.cell(r, money).number_format for r in (2, 3)] == [fmt, fmt]
    assert ws.cell(2, money).value == pytest.approx(12937.66 * (1 if lang == "zh" else 0.1))
    for col in range(1, money):
        assert ws.cell(2, col).number_format == "General", header[col - 1]
        assert isinstance(ws.cell(2, col).value, int)
