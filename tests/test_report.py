"""The Summary's export: a self-contained HTML page with the KPI numbers, highlights and embedded PNG
charts; the PNGs come from kaleido and the PDF from the system Chromium when they are available."""

from __future__ import annotations

import dataclasses
import html
import re
from pathlib import Path

import pytest

from dashboard import formatting, report, store
from dashboard.charts import overview as charts
from dashboard.filters import Filters
from dashboard.i18n import t
from tests.apptest_helpers import headline_sql, pdf_info

PNG = b"\x89PNG\r\n\x1a\n"
CHROMIUM = Path("/usr/bin/chromium")


def summary(path: Path, f: Filters = Filters()) -> report.SummaryData:
    con = store.connect(path, read_only=True)
    try:
        cur = con.cursor()
        as_of = cur.execute("SELECT max(year) FROM project_investments "
                            "WHERE completed_wan IS NOT NULL").fetchall()[0][0]
        return report.load_summary(lambda fn, flt, **kw: fn(cur, flt, **kw), f, as_of)
    finally:
        con.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_html_holds_kpis_highlights_and_images(demo_db_template: Path, lang: str) -> None:
    data = summary(demo_db_template)
    fake = [PNG + bytes([i]) for i in range(len(report.figures(data, lang, "as of")))]
    page = report.build_html(data, lang, "as of", images=fake).decode("utf-8")
    expected = headline_sql(demo_db_template)
    assert formatting.money(expected["investment"], lang) in page
    assert formatting.count(expected["projects"], lang) in page
    assert formatting.money(expected["completed"], lang) in page
    assert fake and page.count('src="data:image/png;base64,') == len(fake)
    assert "@page { size: A4 landscape" in page and "Noto Sans CJK SC" in page
    block = page.split('<ul class="highlights">', 1)[1].split("</ul>", 1)[0]
    items = re.findall(r"<li>(.*?)</li>", block)
    sentences = report.highlights(data, lang)
    assert sentences and [html.unescape(re.sub(r"<[^>]+>", "", li)) for li in items] == \
        [s.replace("**", "") for s in sentences]
    assert all("<b>" in li for li, s in zip(items, sentences, strict=True) if "**" in s)
    assert "<table>" in page and data.projects["name"].iloc[0] in page


def test_filters_are_named_in_the_export(demo_db_template: Path) -> None:
    f = Filters(sectors=("new_energy",), year_from=2020, year_to=2023)
    data = summary(demo_db_template, f)
    page = report.build_html(data, "zh", "as of", images=[PNG] * 4).decode("utf-8")
    assert "新能源" in page and "2020–2023" in page
    assert data.year == 2023  # the completed-investment KPI follows the end of the year filter


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs the system Chromium")
@pytest.mark.slow  # kaleido renders a chart, Chromium prints the PDF
def test_real_images_and_pdf(demo_db_template: Path) -> None:
    data = summary(demo_db_template)
    figs = report.figures(data, "zh", "数据截至2025年")
    pngs = report.render_png(figs[:1], scale=1)
    assert pngs[0].startswith(PNG) and len(pngs[0]) > 5000
    page = report.build_html(data, "zh", "数据截至2025年", images=pngs * len(figs))
    pdf = report.html_to_pdf(page)
    assert pdf is not None and pdf.startswith(b"%PDF")
    assert "841.92 x 594.96 pts (A4)" in pdf_info(pdf)  # landscape


def test_formula_like_names_are_text_for_excel(demo_db_template: Path) -> None:
    """Excel opens a saved .html as a sheet and would read =HYPERLINK(…) in a cell as a formula: such cells are
    marked as text (x:str and the text number format); the page shows every name as it is."""
    data = summary(demo_db_template)
    hostile = ["=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "@SUM(1)", "-1+1", "＝1+1"]
    names = hostile + data.projects["name"].tolist()[len(hostile):]
    data = dataclasses.replace(data, projects=data.projects.assign(name=names[:len(data.projects)]))
    page = report.build_html(data, "zh", "as of", images=[PNG] * 4).decode("utf-8")
    rows = re.findall(r"<tr>(.*?)</tr>", page.split("<tbody>", 1)[1].split("</tbody>", 1)[0])
    first = [re.match(r"<td([^>]*)>(.*?)</td>", r).groups() for r in rows]
    for (attrs, text), name in zip(first, names, strict=False):
        assert html.unescape(text) == name
        assert ("x:str" in attrs and "mso-number-format:'\\@'" in attrs) == name.startswith(tuple(hostile))
    assert sum("x:str" in a for a, _ in first) == len(hostile)
    assert 'xmlns:x="urn:schemas-microsoft-com:office:excel"' in page


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_copy_of_demo_data_says_so_under_its_title(demo_db_template: Path, lang: str) -> None:
    """The page warns in a banner that the data is made up; the meeting copy carried it only as two grey words
    in the corner of its as-of line. It now says it under the title, in the copy's language."""
    data = summary(demo_db_template)
    notice = t("summary.report_demo", lang)
    assert ("虚构" if lang == "zh" else "synthetic") in notice
    demo = report.build_html(data, lang, "as of", images=[PNG] * 4, demo=True).decode("utf-8")
    real = report.build_html(data, lang, "as of", images=[PNG] * 4).decode("utf-8")
    assert html.escape(notice) in demo and demo.index(html.escape(notice)) < demo.index('class="kpis"')
    assert notice not in real and html.escape(notice) not in real


def test_a_target_year_reached_says_what_is_short_not_a_pace_a_year() -> None:
    assert charts.pace_words(4, 10, 2025, 2023, "zh") == ("needed", {"pace": "3"})
    assert charts.pace_words(4, 10, 2025, 2025, "zh") == ("short", {"short": "6", "year": 2025})
    assert charts.pace_words(4, 1000, 2025, 2026, "en") == ("short", {"short": "996", "year": 2025})
    assert charts.pace_words(10, 10, 2025, 2026, "en") == ("met", {})


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_summary_says_what_is_short_once_the_data_reach_the_target_year(demo_db_template: Path,
                                                                            lang: str) -> None:
    """The demo's data reach 2025, the year the tool assumes for the targets: the highlight, the bullets of the
    meeting copy said "每年还需6个" / "6 a year needed" as if a year were left (and past the target year, too)."""
    data = summary(demo_db_template)
    assert data.as_of_year == 2025 and set(data.tiers["target_year"]) == {2025}
    bases = data.tiers.set_index("tier").loc["base"]
    short = formatting.count(int(bases["target_count"] - bases["designated"]), lang)
    bullets = charts.target_bullets(data.tiers, lang, "as of", data.as_of_year)
    said = " ".join([*report.highlights(data, lang), *(a.text for a in bullets.layout.annotations)])
    assert ("每年还需" if lang == "zh" else "a year") not in said
    assert (f"到假定的2025年尚差{short}个" if lang == "zh" else f"{short} short at 2025") in said
    later = dataclasses.replace(data, tiers=data.tiers.assign(target_year=2027))
    pace = charts.pace_text((int(bases["target_count"]) - int(bases["designated"])) / 2)
    assert (f"每年还需{pace}个" if lang == "zh" else f"{pace} a year") in " ".join(report.highlights(later, lang))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_growth_highlight_names_the_sector_that_added_most(demo_db_template: Path, lang: str) -> None:
    """The growth sentence names the sector whose completed investment rose most in 亿元 between the growth
    years (counted here over the base tables), not the fastest rate: a small sector doubling from a low base
    must not be the meeting's headline."""
    data = summary(demo_db_template)
    assert data.growth_years
    y0, y1 = data.growth_years
    con = store.connect(demo_db_template, read_only=True)
    try:
        rows = con.execute(
            "SELECT p.sector, sum(i.completed_wan) FILTER (WHERE i.year = ?) / 1e4, "
            "sum(i.completed_wan) FILTER (WHERE i.year = ?) / 1e4 FROM project_investments i "
            "JOIN projects p USING (project_id) WHERE p.sector IS NOT NULL GROUP BY p.sector", [y0, y1]).fetchall()
    finally:
        con.close()
    deltas = {s: v1 - v0 for s, v0, v1 in rows if v0 and v1 is not None}
    most = max(deltas, key=lambda s: (deltas[s], s))
    sentence = report.highlights(data, lang)[0]
    assert f"**{charts.sector_name(most, lang)}**" in sentence
    assert formatting.money(abs(deltas[most]), lang) in sentence
