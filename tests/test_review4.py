"""The pages' defects a browser review found (session 31's review13, "not fixed"), with the lead's decisions:
one growth period everywhere, language-neutral links, the upload caption from the reader's own list, the import
history within a 1,280 px screen, the projects outside the region groups said, the stage chart's 100 % tick and
demo cluster names that agree with their sector. Each checked with AppTest on the demo store (or a pure function)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from dashboard import report
from dashboard.filters import Filters
from dashboard.i18n import t
from dashboard.queries import common
from tests.apptest_helpers import goto, html_frames, one, open_page

LANGS = {"zh": "中文", "en": "English"}


def figure_texts(at: object) -> str:
    """Every chart's title, subplot titles and axis titles, as one text."""
    out = []
    for e in at.get("plotly_chart"):  # type: ignore[attr-defined]
        layout = json.loads(e.proto.spec)["layout"]
        out.append(layout["title"]["text"])
        out += [a.get("text", "") for a in layout.get("annotations", [])]
    return "\n".join(out)


# --- 1. one growth period ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("years", "f", "as_of", "expect"), [
    (range(2018, 2026), Filters(), dt.date(2026, 12, 3), (2024, 2025)),
    # a partial current year is no full year: the year before the as-of date's year is
    (range(2018, 2027), Filters(), dt.date(2026, 12, 3), (2024, 2025)),
    # data that stop earlier: the last year with data before the as-of date's year
    (range(2018, 2024), Filters(), dt.date(2026, 12, 3), (2022, 2023)),
    (range(2018, 2026), Filters(), dt.date(2025, 6, 30), (2023, 2024)),  # a snapshot of mid-2025
    (range(2018, 2026), Filters(year_from=2019, year_to=2022), dt.date(2026, 12, 3), (2021, 2022)),
    (range(2018, 2026), Filters(year_from=2025, year_to=2025), dt.date(2026, 12, 3), None),  # no year before
    ([2026], Filters(), dt.date(2026, 12, 3), None),
    ([], Filters(), dt.date(2026, 12, 3), None),
])
def test_the_growth_period_is_the_latest_full_year_and_the_year_before(years: object, f: Filters, as_of: dt.date,
                                                                      expect: object) -> None:
    assert common.growth_years(years, f, as_of) == expect


def _period(lang: str, y0: int, y1: int) -> str:
    return f"{y1}年比{y0}年" if lang == "zh" else f"{y1} vs {y0}"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_states_the_same_growth_period_with_both_years(demo_db: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  lang: str) -> None:
    """The summary's KPI compared 2025 with 2024, the sectors' panel and the highlight 2023 with 2024 ("the last
    two full years"), the region groups said only "2025年完成投资增速". One rule now, and each label names both
    years; the figures are those years' completed investment."""
    last = one(demo_db, "SELECT max(year) FROM project_investments WHERE completed_wan IS NOT NULL "
                        "AND year < ?", [dt.date.today().year])[0]
    period = _period(lang, last - 1, last)
    at = open_page(demo_db, monkeypatch, "summary", lang=lang)
    assert not at.exception
    [kpi] = [m for m in at.metric if m.label == t("summary.kpi_completed", lang, year=last)]
    assert period in kpi.proto.delta
    now, before = (one(demo_db, "SELECT sum(CAST(completed_wan AS DOUBLE)) FROM project_investments WHERE year = ?",
                       [y])[0] for y in (last, last - 1))
    assert kpi.proto.delta.startswith(f"{(now / before - 1) * 100:+.1f}%")
    highlights = "\n".join(m.value for m in at.markdown)
    assert period in highlights and f"{last - 2}" not in highlights.split(period)[0][-12:]
    for page in ("sectors", "regions"):
        goto(at, page).run()
        assert not at.exception, page
        assert period in figure_texts(at), page


def test_the_meeting_copy_states_the_same_period(demo_db_template: Path) -> None:
    from dashboard import store

    con = store.connect(demo_db_template, read_only=True)
    try:
        data = report.load_summary(lambda fn, f, **kw: fn(con, f, **kw), Filters(), 2025, dt.date(2026, 12, 3))
        html = report.build_html(data, "zh", "数据截至2025年", demo=True).decode()
    finally:
        con.close()
    assert data.growth_years == (2024, 2025) and data.year == 2025
    assert "2025年比2024年" in html and "较2024年" not in html and "2024—2025年" not in html


# --- 2. links in either language ---------------------------------------------------------------------------

KEYS = {"sector": ["new_energy"], "province": ["330000"], "stage": ["under_construction"], "group": ["east"],
        "own": ["private"], "tier": ["cluster"], "subfield": ["energy_storage"]}
VALUES = {**KEYS, "group": ["东部"]}  # the filters' values: a region group's stored value is its Chinese slug
OLD_LINKS = {  # what links carried before: the labels shown, in each language
    "zh": {"sector": "新能源", "province": "浙江", "stage": "在建", "group": "东部", "own": "民营", "tier": "产业集群",
           "subfield": "高效储能与新型储能"},
    "en": {"sector": "New energy", "province": "Zhejiang", "stage": "Under construction", "group": "East",
           "own": "Private", "tier": "Clusters", "subfield": "Efficient and new-type energy storage"},
}


def _link_params(kind: str) -> dict[str, str]:
    if kind == "keys":
        return {k: v[0] for k, v in KEYS.items()}
    return {k: v for k, v in OLD_LINKS[kind].items() if v is not None}


@pytest.mark.parametrize("link", ["keys", "zh", "en"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_link_opens_with_its_filters_in_either_language(demo_db: Path, monkeypatch: pytest.MonkeyPatch,
                                                          link: str, lang: str) -> None:
    """A link copied on the Chinese page and opened on the English one (or the other way) lost every filter its
    labels carried (?sector=新能源 means nothing to the English page). Links carry the taxonomy's keys and region
    codes now, and links that carry labels of either language still open with their filters."""
    from streamlit.testing.v1 import AppTest

    from tests.apptest_helpers import APP
    monkeypatch.setenv("SEI_DB", str(demo_db))
    at = AppTest.from_file(str(APP), default_timeout=90)
    at.session_state["lang"] = LANGS[lang]
    params = _link_params(link)
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, at.exception
    f = at.session_state["filters"]
    got = {"sector": f.sectors, "province": f.provinces, "stage": f.stages, "group": f.region_groups,
           "own": f.ownership, "tier": f.tiers, "subfield": f.subfields}
    assert {k: list(got[k]) for k in params} == {k: VALUES[k] for k in params}
    for k in params:  # the link now carries the language-neutral values
        assert at.query_params[k] in (KEYS[k], KEYS[k][0]), (k, at.query_params[k])


def test_choosing_a_filter_writes_values_not_labels_into_the_link(demo_db: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    at = open_page(demo_db, monkeypatch, "sectors")
    at.multiselect(key="sector").set_value(["new_energy"]).run()
    at.multiselect(key="province").set_value(["330000"]).run()
    assert not at.exception
    assert at.query_params["sector"] in (["new_energy"], "new_energy")
    assert at.query_params["province"] in (["330000"], "330000")
    at.session_state["lang"] = "English"  # the link is the same in the other language
    at.run()
    assert at.query_params["sector"] in (["new_energy"], "new_energy")
    at.multiselect(key="sector").set_value([]).run()
    assert "sector" not in at.query_params


# --- 3. the upload caption from the reader's list ------------------------------------------------------------

@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_upload_caption_names_what_the_reader_reads_and_the_limit(demo_db: Path, monkeypatch: pytest.MonkeyPatch,
                                                                    lang: str) -> None:
    """The caption said "CSV、TXT 或 Excel" while the uploader took some twenty types: it is made from the reader's
    own list now, grouped, with the size limit; the uploader takes that list's every type."""
    from dashboard.ingest import reading

    at = open_page(demo_db, monkeypatch, "upload", lang=lang)
    assert not at.exception
    caption = at.caption[0].value
    assert "1 GB" in caption and "CSV、TXT 或 Excel" not in caption and "CSV, TXT or Excel" not in caption
    read = [e for _, exts, ok in reading.FORMATS if ok for e in exts]
    assert all(e.upper() in caption for e in read) and len(read) >= 12
    assert "ZIP" not in caption and "XLSB" not in caption  # taken only to be answered: not read
    assert ("网页导出 HTML" in caption) == (lang == "zh") and ("web page exports HTML" in caption) == (lang == "en")
    assert set(at.get("file_uploader")[0].proto.type) == {f".{e}" for e in reading.ACCEPTED}


# --- 4. the import history within the page -------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_import_history_is_a_table_whose_cells_wrap(demo_db: Path, monkeypatch: pytest.MonkeyPatch,
                                                        lang: str) -> None:
    """The data grid let its last column scroll out of view at 1,280 px (1,400 px in English); a plain table
    wraps its cells at the column's edge (the browser test measures it)."""
    at = open_page(demo_db, monkeypatch, "upload", lang=lang)
    assert not at.exception
    [history] = [e for e in html_frames(at) if t("upload.col_projects", lang) in e.columns]
    assert list(history.columns) == [t(f"upload.col_{k}", lang) for k in (
        "batch", "status", "file", "when", "who", "imported", "updated", "rejected", "projects")]
    assert history.iloc[0][t("upload.col_imported", lang)] == "3,000"
    assert not [d for d in at.dataframe if "rows_imported" in d.value.columns]


# --- 5. the projects outside the region groups ---------------------------------------------------------------

def _import_outside(db: Path, tmp_path: Path) -> None:
    from dashboard import store
    from dashboard.ingest import commit, preview

    path = tmp_path / "港澳项目清单.csv"
    path.write_text("项目名称,建设地点,总投资（万元）,开工年份\n"
                    "香港新型储能电站项目,香港特别行政区,60000,2024\n"
                    "香港集成电路设计中心项目,香港特别行政区,40000,2024\n"
                    "澳门中医药科技产业园项目,澳门特别行政区,25000,2023\n", encoding="utf-8")
    con = store.connect(db)
    try:
        result = commit(con, preview(con, path))
        assert result.rows_imported == 3, result
    finally:
        con.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_region_groups_say_what_lies_outside_them(demo_db: Path, monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path, lang: str) -> None:
    """The four region groups' chart left out the projects of 香港 / 澳门 unsaid, so its sums fell short of the
    other pages' totals. Under the chart: how many projects and how much investment lie outside, and where."""
    from dashboard.formatting import money

    _import_outside(demo_db, tmp_path)
    n, total = one(demo_db, "SELECT count(*), sum(CAST(total_investment_wan AS DOUBLE)) / 10000.0 FROM projects p "
                            "WHERE province_code IN (SELECT code FROM regions WHERE region_group IS NULL)")
    assert n == 3 and total == pytest.approx(12.5)
    at = open_page(demo_db, monkeypatch, "regions", lang=lang)
    assert not at.exception
    said = [c.value for c in at.caption if money(12.5, lang) in c.value]
    assert len(said) == 1, [c.value for c in at.caption]
    assert ("3 个项目" in said[0] and "香港、澳门" in said[0]) if lang == "zh" else (
        "3 more projects" in said[0] and "Hong Kong, Macao" in said[0])
    # the groups and what lies outside add up to the store's total
    grid = at.session_state["filters"]
    from dashboard import store
    from dashboard.queries import regions as rq
    con = store.connect(demo_db, read_only=True)
    try:
        groups, outside = rq.region_groups(con.cursor(), grid), rq.outside_groups(con.cursor(), grid)
        everything = one(demo_db, "SELECT count(*) FROM projects")[0]
    finally:
        con.close()
    assert int(groups["projects"].sum()) + int(outside["projects"].sum()) == everything


def test_nothing_is_said_when_every_project_lies_in_a_group(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = open_page(demo_db, monkeypatch, "regions")
    assert not at.exception
    assert not [c.value for c in at.caption if "不属于上图的四大区域板块" in c.value]


# --- 6. the stage chart's 100 % and the demo clusters' names -------------------------------------------------

def test_the_stage_chart_names_its_100_percent_tick_and_adds_up_to_it() -> None:
    """The 100 % stacked stage chart's ticks stopped at 80 % (the "100%" label ran past the figure, which Plotly
    then leaves out), and a sector with projects of no stage stopped short of 100 % (they were left out)."""
    import pandas as pd

    from dashboard.charts import overview as charts

    stages = pd.DataFrame({"sector": ["new_energy"] * 3, "stage": ["planned", "completed", None],
                           "projects": [3, 1, 1], "investment_yi": [3.0, 1.0, 0.5]})
    fig = charts.stage_mix(stages, "zh", "数据截至2025年")
    axis = fig.layout.xaxis
    assert "100%" in axis.ticktext and 100 in axis.tickvals and axis.range[1] == 100
    assert fig.layout.margin.r >= 28  # room for the label's right half
    assert sum(tr.x[0] for tr in fig.data) == pytest.approx(100)
    assert t("sectors.stage_none", "zh") in [tr.name for tr in fig.data]


def test_demo_clusters_are_named_after_their_own_sector(demo_db_template: Path) -> None:
    """Demo cluster names contradicted their sector: 上海市基础材料产业集群 filed under 新一代信息技术, 车联网 under it
    too, 工业互联网平台 under 高端装备. Every demo base, cluster and ecosystem is named from a sub-field of its own
    sector (data/taxonomy.toml) that the app's tagger reads back as that sector."""
    from dashboard import store, tagging

    con = store.connect(demo_db_template, read_only=True)
    try:
        rows = con.execute("SELECT name, sector FROM clusters WHERE batch_id IS NOT NULL").fetchall()
    finally:
        con.close()
    assert len(rows) > 1000
    wrong = [(name, sector, tagging.tag(name).sector) for name, sector in rows if tagging.tag(name).sector != sector]
    assert wrong == []
    assert not [name for name, _ in rows if "东莞东莞" in name]
