"""Projects page: paging, sorting and search in SQL, the overdue watch list, the export, and the page."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from dashboard import formatting, store
from dashboard.downloads import csv_bytes as to_csv
from dashboard.downloads import xlsx_bytes as to_xlsx
from dashboard.filters import Filters
from dashboard.i18n import t
from dashboard.queries import projects as q
from dashboard.views import projects as projects_page
from tests.apptest_helpers import open_page, texts

# id, name, owner, sector, stage, start, end, total 万元, province
ROWS = [
    (1, "芯片封测项目", "甲公司", "info_tech", "planned", 2022, 2024, 50_000, "320000"),
    (2, "光伏组件项目", "乙集团", "new_energy", "under_construction", 2020, 2023, 120_000, "440000"),
    (3, "生物医药基地", "丙药业", "biotech", "under_construction", 2024, 2026, 80_000, "440000"),
    (4, "芯片设计中心", "丁科技", "info_tech", "completed", 2019, 2021, 30_000, "110000"),
    (5, "储能电站50%_项目", "甲公司", "new_energy", "planned", 2025, 2026, None, "320000"),
    (6, "新材料产业园", "戊材料", "new_materials", "planned", 2025, 2027, 10_000, "330000"),
    (7, "动力电池工厂", "己汽车", "smart_nev", "under_construction", 2021, 2025, 200_000, "340000"),
]


@pytest.fixture
def small_db(empty_db: Path) -> Path:
    con = store.connect(empty_db)
    con.execute("INSERT INTO import_batches (batch_id, file_name, status) VALUES (1, 'test.csv', 'committed')")
    for pid, name, owner, sector, stage, start, end, total, prov in ROWS:
        con.execute(
            "INSERT INTO projects (project_id, name, owner, sector, stage, start_year, end_year, "
            "total_investment_wan, province_code, ownership, batch_id) VALUES (?,?,?,?,?,?,?,?,?, 'private', 1)",
            [pid, name, owner, sector, stage, start, end, total, prov])
    con.execute("INSERT INTO project_investments VALUES (2, 2020, 30000, 29000), (2, 2021, 40000, 38000)")
    con.execute("INSERT INTO project_funding VALUES (2, 'bank_loans', 60000), (2, 'self_raised', 60000)")
    store.rollups.refresh(con)  # the raw inserts above bypass store.write, which rebuilds the rollups
    con.close()
    return empty_db


@pytest.fixture
def cur(small_db: Path):
    con = store.connect(small_db, read_only=True)
    yield con.cursor()
    con.close()


def ids(df: pd.DataFrame) -> list[int]:
    return [int(i) for i in df["project_id"]]


def test_search_is_a_substring_of_name_or_owner(cur) -> None:
    assert ids(q.project_page(cur, Filters(), search="芯片", sort="project_id", descending=False)) == [1, 4]
    assert ids(q.project_page(cur, Filters(), search="甲公司", sort="project_id", descending=False)) == [1, 5]
    # LIKE wildcards in the search are literal characters
    assert ids(q.project_page(cur, Filters(), search="50%_", sort="project_id", descending=False)) == [5]
    assert ids(q.project_page(cur, Filters(), search="%", sort="project_id", descending=False)) == [5]
    assert int(q.project_count(cur, Filters(), search="芯片").iloc[0]["projects"]) == 2


def test_sorting_and_paging_in_sql(cur) -> None:
    by_money = q.project_page(cur, Filters(), sort="total_investment", descending=True, page_size=3)
    assert ids(by_money) == [7, 2, 3]
    assert ids(q.project_page(cur, Filters(), sort="total_investment", descending=True, page=3,
                              page_size=3)) == [5]  # NULL money sorts last
    assert ids(q.project_page(cur, Filters(), sort="start_year", descending=False, page=2, page_size=2)) == [7, 1]
    assert ids(q.project_page(cur, Filters(), sort="total_investment", descending=False, page_size=2)) == [6, 4]
    with pytest.raises(ValueError):
        q.project_page(cur, Filters(), sort="name; DROP TABLE projects")


def test_filters_apply_to_the_table(cur) -> None:
    f = Filters(sectors=("new_energy",))
    assert ids(q.project_page(cur, f, sort="project_id", descending=False)) == [2, 5]
    row = q.project_count(cur, f).iloc[0]
    assert int(row["projects"]) == 2 and row["investment_yi"] == pytest.approx(12.0)


def test_overdue_watch_list_picks_exactly_the_late_projects(cur) -> None:
    late = q.overdue_list(cur, Filters(), as_of=2025)
    # 1: planned, start 2022 < 2025; 2: under construction, end 2023 < 2025.
    # Not 5/6 (start 2025), not 3 (end 2026), not 7 (end 2025), not 4 (completed).
    assert sorted(ids(late)) == [1, 2]
    assert dict(zip(late["project_id"], late["reason"], strict=True)) == {1: "not_started", 2: "not_finished"}
    assert dict(zip(late["project_id"], late["years_overdue"], strict=True)) == {1: 3, 2: 2}
    counts = q.overdue_counts(cur, Filters(), as_of=2025).set_index("reason")["projects"].to_dict()
    assert counts == {"not_started": 1, "not_finished": 1}
    assert sorted(ids(q.overdue_list(cur, Filters(), as_of=2026))) == [1, 2, 5, 6, 7]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_export_holds_exactly_the_filtered_rows(cur, lang: str) -> None:
    """The page's export path: the query's batches through the page's own table() (localised headers)."""
    f = Filters(provinces=("320000", "440000"))

    def frames(**kw):
        return (projects_page.table(c, lang) for c in q.export_batches(cur, f, sort="project_id", descending=False,
                                                                       **kw))

    id_col, name_col = t("projects.col_id", lang), t("projects.col_name", lang)
    csv_bytes = to_csv(frames(batch_rows=2048))
    assert csv_bytes.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(csv_bytes), encoding="utf-8-sig")
    assert back.columns[:2].tolist() == [id_col, name_col]
    assert [id_col, name_col] == (["编号", "项目名称"] if lang == "zh" else ["ID", "Project"])
    assert back[id_col].tolist() == [1, 2, 3, 5]
    assert back[name_col].tolist()[0] == "芯片封测项目"
    wb = load_workbook(io.BytesIO(to_xlsx(frames())))
    rows = list(wb.active.iter_rows(values_only=True))
    assert rows[0][0] == id_col and [r[0] for r in rows[1:]] == ["1", "2", "3", "5"]
    capped = list(q.export_batches(cur, Filters(), cap=3))
    assert sum(len(c) for c in capped) == 3


def test_detail_queries(cur) -> None:
    d = q.project_detail(cur, Filters(), project_id=2).iloc[0]
    assert d["name"] == "光伏组件项目" and d["batch_file"] == "test.csv"
    assert q.project_flows(cur, Filters(), project_id=2)["completed_yi"].sum() == pytest.approx(6.7)
    assert q.project_funding(cur, Filters(), project_id=2)["amount_yi"].sum() == pytest.approx(12.0)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_page_renders_with_the_store_count(demo_db: Path, demo_db_template: Path,
                                           monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    at = open_page(demo_db, monkeypatch, "projects", lang=lang)
    assert not at.exception
    con = store.connect(demo_db_template, read_only=True)  # same data; the app holds demo_db
    total = con.execute("SELECT count(*) FROM projects").fetchone()[0]
    con.close()
    assert formatting.count(total, lang) in texts(at)
    assert len(at.dataframe) >= 2  # the table and the watch list
    # The watch list is a table: its download says so (it said "download chart data", beside no chart).
    [watch] = [e.proto.label for e in at.get("download_button") if "projects_watch_download" in e.proto.id]
    assert watch == {"zh": "下载表格 (CSV)", "en": "Download table (CSV)"}[lang]


def test_filter_changes_count_and_empty_filter_shows_empty_state(demo_db: Path, demo_db_template: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    at = open_page(demo_db, monkeypatch, "projects", filters={"sector": ["biotech"]})
    con = store.connect(demo_db_template, read_only=True)
    n = con.execute("SELECT count(*) FROM projects WHERE sector = 'biotech'").fetchone()[0]
    con.close()
    assert not at.exception
    assert f"共 {formatting.count(n, 'zh')} 个项目" in texts(at)
    # demo projects belong to tier-'cluster' clusters only, so the 'base' tier leaves nothing
    at = open_page(demo_db, monkeypatch, "projects", filters={"tier": ["base"]})
    assert not at.exception
    assert any("没有数据" in i.value for i in at.info)
