"""Summary page: renders in both languages; its headline numbers equal direct SQL on the same store,
with and without filters; a filter that leaves nothing shows the empty state; the overview queries
sum exactly on a hand-built store."""

from __future__ import annotations

import re
import string
from pathlib import Path

import duckdb
import pytest

from dashboard import formatting, store, taxonomy, ui
from dashboard.charts import overview as charts
from dashboard.filters import Filters
from dashboard.i18n import t
from dashboard.queries import clusters as cq
from dashboard.queries import overview as oq
from tests.apptest_helpers import chart_titles, empty_combination, headline_sql, html_tables, one, open_page, texts


def check_headline(at, expected: dict[str, object], lang: str = "zh") -> None:
    shown = {m.label: m.value for m in at.metric}
    zh = lang == "zh"
    assert shown["项目数" if zh else "Projects"] == formatting.count(expected["projects"], lang)
    assert shown["项目总投资" if zh else "Total investment"] == formatting.money(expected["investment"], lang)
    year = expected["as_of"]
    assert shown[f"{year}年完成投资" if zh else f"Completed in {year}"] == formatting.money(expected["completed"], lang)
    for tier, name_zh, name_en in (("base", "产业基地", "Bases"), ("cluster", "产业集群", "Clusters"),
                                   ("ecosystem", "产业生态", "Ecosystems")):
        value = shown[f"{name_zh}（计入目标）" if zh else f"{name_en} counted"]
        assert value.startswith(formatting.count(expected["tiers"][tier], lang) + (" / " if zh else " of "))


def check_top_projects(at, path: Path, lang: str) -> None:
    """The top-projects table is one static HTML table (no data grid, no ``st.table`` of Markdown cells) of
    the ten largest projects by SQL: their names and total investment (two decimals) in the language's
    unit, under the localised header cells; the numbers right-aligned."""
    assert len(at.dataframe) == 0 and len(at.table) == 0
    [shown] = html_tables(at)
    factor, unit = formatting.money_unit(lang)
    assert shown["head"] == [t(f"summary.col_{c}", lang) for c in ("name", "sector", "province", "start", "stage")
                             ] + [t("summary.col_investment", lang, unit=unit)]
    assert shown["scopes"] == ["col"] * 6
    assert shown["right"] == [False, False, False, True, False, True]  # start year, money
    names, amounts = one(path, "SELECT list(name ORDER BY w DESC), list(w ORDER BY w DESC) FROM (SELECT name, CAST("
                               "total_investment_wan AS DOUBLE) AS w FROM projects ORDER BY w DESC LIMIT 10)")
    assert len(shown["rows"]) == 10
    assert sorted(row[0] for row in shown["rows"]) == sorted(names)
    money = [row[-1] for row in shown["rows"]]
    assert all(re.fullmatch(r"[\d,]+\.\d\d", m) for m in money), money
    assert [float(m.replace(",", "")) for m in money] == pytest.approx([round(w / 10000 * factor, 2) for w in amounts],
                                                                        abs=0.006)


def test_money_has_two_decimals() -> None:
    assert ui._money(1234.5) == "1,234.50" and ui._money(0.004) == "0.00"


TRICKY = ["a*b*c", "x_y_", "5~10~吨", "`c`", "[l](u)", "# 标题", "- 列", "1. one", "$x$", ":red[红]", "<b>粗</b>",
          "a | b", "\\反", "年产5万吨（一期）", string.punctuation, "<script>alert(1)</script>",
          "&amp; &lt;", "\"q\" 'q'", "</td></tr></table>"]


def test_html_table_shows_each_cell_as_its_text() -> None:
    """``ui.html_table`` (the summary's top projects): one table whose every cell and header shows its text as
    it is (HTML-escaped: no tag, entity or Markdown of a project's name takes effect), a missing value as an
    empty cell, money with two decimals, number columns right-aligned, header cells scoped to their column."""
    import pandas as pd

    from tests.apptest_helpers import _Table

    years = pd.array([2023, None] + [2020] * (len(TRICKY) - 2), dtype="Int64")
    frame = pd.DataFrame({"名称 <b>": TRICKY, "年份": years,
                          "金额": [1234.5, 0.004] + [float("nan")] + [1.0] * (len(TRICKY) - 3)})
    body = ui.html_table(frame, money="金额")
    parser = _Table()
    parser.feed(body)
    [table] = parser.tables
    rows = [row for row in table["rows"] if row]
    assert table["head"] == ["名称 <b>", "年份", "金额"] and table["scopes"] == ["col"] * 3
    assert [row[0] for row in rows] == TRICKY
    assert [row[1] for row in rows][:3] == ["2023", "", "2020"]
    assert [row[2] for row in rows][:4] == ["1,234.50", "0.00", "", "1.00"]
    assert table["right"] == [False, True, True]
    assert body.count("<table") == 1 and "<script>" not in body and "<b>" not in body
    assert body.startswith(f"<style>{ui.TABLE_CSS}</style>")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_page_renders_with_sql_headline(demo_db: Path, demo_db_template: Path, monkeypatch: pytest.MonkeyPatch,
                                        lang: str) -> None:
    at = open_page(demo_db, monkeypatch, "summary", lang=lang)
    assert not at.exception, at.exception
    check_headline(at, headline_sql(demo_db_template), lang)
    text = texts(at)
    assert ("要点" if lang == "zh" else "Highlights") in text
    assert ("进度滞后" if lang == "zh" else "behind schedule") in text
    check_top_projects(at, demo_db_template, lang)
    titles = chart_titles(at)
    expected = ({"各产业领域项目总投资", "项目总投资前十的省份", "年度计划投资与完成投资"}
                if lang == "zh" else
                {"Total investment by sector", "Top 10 provinces by total investment",
                 "Planned and completed investment by year"})
    assert expected <= set(titles)
    assert len(at.get("progress")) == 3  # the targets: a bar in each tier's card (the export keeps the chart)
    # the national statistics name their publisher in the page's language
    assert ("国家统计局" in text) == (lang == "zh")
    assert ("National Bureau of Statistics" in text) == (lang == "en")


@pytest.mark.parametrize(("filters", "where", "cwhere"), [
    ({"sector": ["new_energy"]}, "p.sector = 'new_energy'", "c.sector = 'new_energy'"),
    ({"province": ["320000"]}, "p.province_code = '320000'", "c.province_code = '320000'"),
])
def test_filters_change_the_headline(demo_db: Path, demo_db_template: Path, monkeypatch: pytest.MonkeyPatch,
                                     filters: dict, where: str, cwhere: str) -> None:
    at = open_page(demo_db, monkeypatch, "summary", filters=filters)
    assert not at.exception, at.exception
    expected = headline_sql(demo_db_template, where, cwhere)
    assert 0 < expected["projects"] < headline_sql(demo_db_template)["projects"]
    check_headline(at, expected)


def test_empty_filter_shows_empty_state(demo_db: Path, demo_db_template: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    sector, province = empty_combination(demo_db_template)
    at = open_page(demo_db, monkeypatch, "summary", filters={"sector": [sector], "province": [province]})
    assert not at.exception, at.exception
    assert "没有数据" in texts(at)
    assert not at.metric


# --- queries on a hand-built store ------------------------------------------------------------------

@pytest.fixture
def tiny(empty_db: Path) -> duckdb.DuckDBPyConnection:
    """Four projects with known amounts (万元), their yearly flows and two clusters."""
    con = store.connect(empty_db)
    con.execute("""INSERT INTO projects (project_id, name, sector, subfield, province_code, stage, start_year,
                                         end_year, total_investment_wan, cluster_id, ownership, batch_id) VALUES
        (1, 'A', 'new_energy', 'hydrogen', '320000', 'completed', 2022, 2023, 150000, 1, 'state', 1),
        (2, 'B', 'new_energy', 'wind_solar_hybrid', '440000', 'planned', 2023, 2026, 50000, NULL, 'private', 1),
        (3, 'C', 'biotech', 'vaccines', '320000', 'under_construction', 2023, 2024, 100000, 1, 'state', 1),
        (4, 'D', NULL, NULL, '110000', 'completed', 2021, 2022, 20000, NULL, 'mixed', 1)""")
    con.execute("""INSERT INTO project_investments VALUES
        (1, 2022, 70000, 60000), (1, 2023, 80000, 90000), (3, 2023, 40000, 30000), (3, 2024, 60000, 45000),
        (2, 2024, 10000, NULL), (4, 2022, 20000, 20000)""")
    con.execute("""INSERT INTO clusters (cluster_id, name, tier, status, sector, province_code, designated_year,
                                         batch_id) VALUES
        (1, '苏州集群', 'cluster', 'designated', 'new_energy', '320000', 2021, 1),
        (2, '广州生态', 'ecosystem', 'cultivating', 'biotech', '440000', NULL, 1)""")
    store.rollups.refresh(con)  # the raw inserts above bypass store.write, which rebuilds the rollups
    yield con.cursor()
    con.close()


def test_kpis_and_sector_totals_are_exact(tiny: duckdb.DuckDBPyConnection) -> None:
    k = oq.kpis(tiny, Filters(), as_of=2025).iloc[0]
    assert (k["projects"], k["investment_yi"]) == (4, 32.0)
    # B still planned after its 2023 start; C still under construction after its 2024 end
    assert k["overdue"] == 2
    s = oq.sector_totals(tiny, Filters()).set_index("sector")
    assert s.loc["new_energy", "investment_yi"] == 20.0 and s.loc["new_energy", "projects"] == 2
    assert s.loc["biotech", "investment_yi"] == 10.0
    k = oq.kpis(tiny, Filters(sectors=("new_energy",), year_from=2023), as_of=2025).iloc[0]
    assert (k["projects"], k["investment_yi"]) == (1, 5.0)


def test_flows_sum_by_year_and_sector(tiny: duckdb.DuckDBPyConnection) -> None:
    flows = oq.sector_year_flows(tiny, Filters())
    total = flows[flows["is_total"]].set_index("year")
    assert total.loc[2023, "completed_yi"] == 12.0 and total.loc[2023, "planned_yi"] == 12.0
    assert total.loc[2022, "completed_yi"] == 8.0
    assert total.loc[2024, "planned_yi"] == 7.0 and total.loc[2024, "completed_yi"] == 4.5
    per = flows[~flows["is_total"]]
    assert per[(per["sector"] == "new_energy") & (per["year"] == 2023)]["completed_yi"].item() == 9.0
    years = oq.sector_year_flows(tiny, Filters(year_from=2023, year_to=2023))
    assert set(years["year"]) == {2023}


def test_top_provinces_share_and_top_projects(tiny: duckdb.DuckDBPyConnection) -> None:
    top = oq.top_provinces(tiny, Filters(), limit=2)
    assert list(top["province_code"]) == ["320000", "440000"]
    assert top["investment_yi"].iloc[0] == 25.0 and top["share"].iloc[0] == pytest.approx(25 / 32)
    projects = oq.top_projects(tiny, Filters(), limit=3)
    assert list(projects["name"]) == ["A", "C", "B"] and projects["investment_yi"].iloc[0] == 15.0


def test_tier_progress_counts_and_targets(tiny: duckdb.DuckDBPyConnection) -> None:
    tiers = cq.tier_progress(tiny, Filters()).set_index("tier")
    assert list(tiers.index) == ["base", "cluster", "ecosystem"]
    assert tiers.loc["cluster", "designated"] == 1 and tiers.loc["ecosystem", "cultivating"] == 1
    assert list(tiers["target_count"]) == [10, 100, 1000]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_tier_cards_show_progress_pace_and_what_is_not_counted(demo_db: Path, demo_db_template: Path,
                                                               monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    """Each tier's card: counted / target, a bar of the share (full when met) with the yearly pace still
    needed, and the statuses not counted yet in the tier's own words (being guided, in reserve ...)."""
    at = open_page(demo_db, monkeypatch, "summary", lang=lang)
    assert not at.exception, at.exception
    con = store.connect(demo_db_template, read_only=True)
    try:
        tiers = cq.tier_progress(con, Filters()).set_index("tier")
    finally:
        con.close()
    bars = [b.proto for b in at.get("progress")]
    captions = [c.value for c in at.caption]
    assert len(bars) == len(tiers) == 3
    for bar, (tier, r) in zip(bars, tiers.iterrows(), strict=True):
        share = r["designated"] / r["target_count"]
        assert bar.value == int(min(1.0, share) * 100)
        assert formatting.percent(share, 0) in bar.text
        met = t("summary.progress_met", lang, share=formatting.percent(share, 0))
        assert (bar.text == met) == (r["designated"] >= r["target_count"])
        rest = t("summary.kpi_tier_rest", lang, cultivating=taxonomy.status_label(tier, "cultivating", lang),
                 reserve=taxonomy.status_label(tier, "reserve", lang), c=formatting.count(r["cultivating"], lang),
                 r=formatting.count(r["reserve"], lang))
        assert rest in captions
    words = ("引导中", "储备") if lang == "zh" else ("being guided", "in reserve")
    assert any(all(w in c for w in words) for c in captions), "the ecosystems' card uses their own words"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_export_target_legend_names_the_series_in_each_tiers_words(demo_db_template: Path, lang: str) -> None:
    """The export's progress chart's legend says what the series are (clusters designated, bases built,
    ecosystems formed; then cultivating or guided; then reserve), not a generic status."""
    con = store.connect(demo_db_template, read_only=True)
    try:
        tiers = cq.tier_progress(con, Filters())
    finally:
        con.close()
    fig = charts.target_bullets(tiers, lang, "as of", 2025)
    assert fig.layout.title.text == ("集群培育目标进度" if lang == "zh" else "Progress towards the cluster targets")
    legend = [trace.name for trace in fig.data if trace.showlegend]
    assert legend == [t(f"summary.legend_{s}", lang, statuses=taxonomy.status_phrase(s, lang))
                      for s in taxonomy.STATUSES]
    assert ("产业集群已认定" if lang == "zh" else "Clusters: designated") in legend[0]
    assert ("产业生态引导中" if lang == "zh" else "Ecosystems: being guided") in legend[1]
    assert ("产业生态储备" if lang == "zh" else "Ecosystems: in reserve") in legend[2]
