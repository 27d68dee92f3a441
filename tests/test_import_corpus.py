"""The import over a corpus of real-shaped files: exact counts, stored values and rejected rows.

Every refused import must leave the store unchanged in content (see ``importkit.fingerprint``).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from dashboard import store
from dashboard.ingest import commit, preview
from tests.importkit import CORPUS, fingerprint


def stored(con: duckdb.DuckDBPyConnection, batch_id: int) -> dict[str, tuple]:
    rows = con.execute(
        "SELECT name, province_code, city_code, total_investment_wan, start_year, end_year, stage, sector, "
        "sector_source FROM projects WHERE batch_id = ? ORDER BY project_id", [batch_id]).fetchall()
    return {r[0]: r[1:] for r in rows}


def refused_unchanged(con: duckdb.DuckDBPyConnection, name: str, code: str, **kw: object) -> None:
    before = fingerprint(con)
    plan = preview(con, CORPUS / name)
    result = commit(con, plan, **kw)
    assert result.batch_id is None
    assert result.refused is not None and result.refused.code == code
    assert fingerprint(con) == before


def test_gbk_with_title_sections_subtotal_and_total(con: duckdb.DuckDBPyConnection) -> None:
    plan = preview(con, CORPUS / "gbk_title_total.csv")
    assert plan.encoding == "gbk"
    assert plan.header_row == 3
    assert plan.list_year == 2024
    assert plan.rows_read == 5 and plan.errors == []
    assert plan.unmapped == ["备注"]
    # 小计 and 合计 rows match their rows: no total warning, and neither is a project.
    assert [w.code for w in plan.warnings] == []
    assert list(plan.records["row"]) == [5, 6, 9, 10, 11]
    result = commit(con, plan, imported_by="test")
    assert (result.rows_imported, result.rows_rejected, result.rows_updated) == (5, 0, 0)
    got = stored(con, result.batch_id)
    assert got["苏州晶圆级先进封装测试项目"][:6] == (
        "320000", "320500", Decimal("150000.00"), 2024, 2026, "under_construction")
    assert got["南京生物医药创新中心"][1] == "320100"
    assert got["常州动力电池二期项目"][1:6] == ("320400", Decimal("300000.00"), 2021, 2024, "completed")
    assert got["无锡风电装备制造基地"][5] == "under_construction"  # from the 二、续建项目 heading
    # A road is not forced into a sector.
    assert got["徐州市民服务中心配套道路工程"][6:] == (None, None)
    assert got["苏州晶圆级先进封装测试项目"][6:] == ("info_tech", "auto")
    inv = con.execute("SELECT year, sum(planned_wan) FROM project_investments GROUP BY 1").fetchall()
    assert inv == [(2024, Decimal("235000.00"))]
    extra = con.execute("SELECT source_row, column_name, value FROM batch_extra_values ORDER BY ALL").fetchall()
    # 南京市江北新区: the zone (南京江北新区) kept beside the project (s29-zones9), unsaid as 南京市 names the city
    assert extra == [(6, "development_zone", "南京江北新区"), (6, "备注", "省重点")]
    batch = con.execute("SELECT file_name, sha256, imported_by, rows_read, rows_imported, rows_rejected, status "
                        "FROM import_batches WHERE batch_id = ?", [result.batch_id]).fetchone()
    assert batch[0] == "gbk_title_total.csv" and len(batch[1]) == 64 and batch[2:] == ("test", 5, 5, 0, "committed")


def test_utf8_bom_english_headers(con: duckdb.DuckDBPyConnection) -> None:
    plan = preview(con, CORPUS / "utf8_bom_english.csv")
    assert plan.encoding == "utf-8-sig"
    assert plan.mapping["Total investment (100 million CNY)"] == "total_investment"
    result = commit(con, plan)
    got = stored(con, result.batch_id)
    assert got["Hefei 12-inch DRAM wafer fab phase II"] == (
        "340000", "340100", Decimal("1200000.00"), 2023, 2026, "under_construction", "info_tech", "given")
    assert got["Baotou rare-earth permanent magnet project"][:3] == ("150000", None, Decimal("255000.00"))
    assert got["Suzhou biomedicine park"][:2] == ("320000", "320500")
    assert got["Shenzhen hydrogen fuel cell plant"][5:] == ("completed", "new_energy", "given")


def test_xlsx_notes_sheet_merged_traditional_title(con: duckdb.DuckDBPyConnection) -> None:
    plan = preview(con, CORPUS / "notes_sheet_merged_title.xlsx")
    assert plan.sheets == ["填報說明", "項目清單"]
    assert plan.sheet == "項目清單" and plan.header_row == 2
    assert "总投资（亿元）" in plan.mapping  # read as simplified
    assert [(w.code, w.row) for w in plan.warnings] == [("total_mismatch", 6)]
    result = commit(con, plan)
    got = stored(con, result.batch_id)
    assert got["杭州智能网联汽车测试基地"] == (
        "330000", "330100", Decimal("125000.00"), 2024, 2026, "under_construction", "smart_nev", "given")
    assert got["宁波石墨烯材料产业园"][:2] == ("330000", "330200")
    assert got["温州数字文化创意园"][6] == "digital_creative"


def test_xlsx_sheet_by_name(con: duckdb.DuckDBPyConnection) -> None:
    plan = preview(con, CORPUS / "notes_sheet_merged_title.xlsx", sheet="填報說明")
    assert plan.refused is not None and plan.refused.code == "no_header"
    plan = preview(con, CORPUS / "notes_sheet_merged_title.xlsx", sheet="nope")
    assert plan.refused.code == "sheet_not_found"


def test_utf16_tab_with_funding_columns(con: duckdb.DuckDBPyConnection) -> None:
    plan = preview(con, CORPUS / "utf16_tab.txt")
    assert plan.encoding == "utf-16" and plan.delimiter == "\t"
    assert [(w.code, w.row) for w in plan.warnings] == [("cluster_unknown", 3)]
    result = commit(con, plan)
    assert result.rows_imported == 3
    funding = con.execute(
        "SELECT p.name, f.source, f.amount_wan FROM project_funding f JOIN projects p USING (project_id) "
        "WHERE p.name = '合肥新型显示模组项目' ORDER BY source").fetchall()
    assert [(s, a) for _, s, a in funding] == [
        ("bank_loans", Decimal("30000.00")), ("central_budget", Decimal("5000.00")),
        ("self_raised", Decimal("15000.00"))]
    inv = con.execute("SELECT p.name, i.year, i.planned_wan FROM project_investments i JOIN projects p "
                      "USING (project_id) ORDER BY 1").fetchall()
    assert inv == [("合肥新型显示模组项目", 2023, Decimal("10000.00")),
                   ("武汉光谷基因检测平台", 2022, Decimal("8000.00"))]
    assert stored(con, result.batch_id)["西安航空发动机叶片项目"][5:] == ("planned", "high_end_equipment", "given")


def test_messy_amounts_rejected_rows_and_values(con: duckdb.DuckDBPyConnection) -> None:
    plan = preview(con, CORPUS / "messy_amounts.csv")
    assert plan.rows_read == 16
    assert [(e.row, e.column, e.value, e.code) for e in plan.errors] == [
        (13, "总投资", "一大笔", "amount_unparsable"),
        (14, "总投资", "-500", "amount_negative"),
        (15, "总投资", "500000000", "amount_too_large"),
        (16, "建设起止年限", "2026-2024", "years_reversed"),
    ]
    assert {(w.row, w.code) for w in plan.warnings} == {
        (None, "unit_assumed"), (10, "amount_range"), (11, "amount_usd"),
        # 约5亿元 an approximation, 超10亿元 and 2000多万元 lower bounds: stored as the figure, said (round 7)
        (5, "amount_approximate"), (6, "amount_lower_bound"), (7, "amount_lower_bound")}
    # The amount too large is said in the pages' money: 亿元 (CNY bn in English), separators, two decimals.
    too_large = plan.errors[2]
    assert "折合 50,000.00 亿元" in too_large.message("zh"), too_large.message("zh")
    assert "CNY 5,000.00 bn" in too_large.message("en"), too_large.message("en")
    # Refused whole: the store is unchanged.
    before = fingerprint(con)
    result = commit(con, plan)
    assert result.batch_id is None and result.refused.code == "has_errors"
    assert fingerprint(con) == before
    # Valid rows only, on request.
    result = commit(con, plan, skip_invalid=True)
    assert (result.rows_imported, result.rows_rejected) == (12, 4)
    amounts = dict(con.execute("SELECT name, total_investment_wan FROM projects").fetchall())
    assert amounts == {
        "甲数据中心项目": Decimal("1250000.00"), "乙集成电路项目": Decimal("12000.00"),
        "丙光伏组件项目": Decimal("3000.00"), "丁储能电站项目": Decimal("50000.00"),
        "戊生物制药项目": Decimal("100000.00"), "己新材料项目": Decimal("2000.00"),
        "庚机器人项目": Decimal("30000.00"), "辛锂电池项目": Decimal("12345.00"),
        "壬氢能项目": Decimal("300000.00"), "癸外资芯片项目": Decimal("106500.00"),
        "子动漫产业园项目": Decimal("3000.00"), "巳待定项目": None,
    }
    years = {r[0]: r[1:] for r in con.execute("SELECT name, start_year, end_year FROM projects").fetchall()}
    assert years["丙光伏组件项目"] == (2023, 2025)
    assert years["丁储能电站项目"] == (2024, None)
    assert con.execute("SELECT year, planned_wan FROM project_investments").fetchall() == [(2025, Decimal("800.00"))]
    assert con.execute("SELECT rows_rejected FROM import_batches").fetchone() == (4,)


def test_unknown_places_name_the_rows(con: duckdb.DuckDBPyConnection) -> None:
    plan = preview(con, CORPUS / "unknown_places.csv", lang="en")
    assert [(e.row, e.code) for e in plan.errors] == [
        (3, "place_unknown"), (4, "place_ambiguous"), (5, "place_missing"), (6, "place_unknown"),
        (7, "name_missing")]
    report = plan.report()
    assert report["errors"][0] == {"sheet": None, "row": 3, "column": "建设地点", "value": "火星基地",
                                   "code": "place_unknown",
                                   "message": "\"火星基地\" is not a place this tool can resolve to a province."}
    refused_unchanged(con, "unknown_places.csv", "has_errors")
    result = commit(con, plan, skip_invalid=True)
    assert result.rows_imported == 2


@pytest.mark.parametrize(
    ("name", "code"),
    [("empty.csv", "file_empty"), ("header_only.csv", "no_rows"), ("binary.csv", "file_binary"),
     ("no_name_column.csv", "no_name_column")],
)
def test_files_refused_whole(con: duckdb.DuckDBPyConnection, name: str, code: str) -> None:
    refused_unchanged(con, name, code)
    refused_unchanged(con, name, code, skip_invalid=True, force=True)


def test_refusals_on_the_demo_store_leave_it_unchanged(demo_db: Path) -> None:
    con = store.connect(demo_db)
    try:
        for name, code in [("binary.csv", "file_binary"), ("messy_amounts.csv", "has_errors")]:
            refused_unchanged(con, name, code)
    finally:
        con.close()


def test_same_file_twice_is_refused_unless_forced(con: duckdb.DuckDBPyConnection) -> None:
    first = commit(con, preview(con, CORPUS / "gbk_title_total.csv"))
    assert first.rows_imported == 5
    refused_unchanged(con, "gbk_title_total.csv", "already_imported")
    again = commit(con, preview(con, CORPUS / "gbk_title_total.csv"), force=True)
    assert (again.rows_imported, again.rows_updated, again.rows_unchanged) == (5, 0, 5)  # nothing changes
    assert con.execute("SELECT count(*) FROM projects").fetchone() == (5,)


def test_mapping_override(con: duckdb.DuckDBPyConnection) -> None:
    plan = preview(con, CORPUS / "gbk_title_total.csv", mapping_overrides={"备注": "content",
                                                                                 "建设内容": "ignore"})
    assert plan.mapping["备注"] == "content" and "建设内容" in plan.unmapped
    from dashboard.ingest import MappingError

    with pytest.raises(MappingError):
        preview(con, CORPUS / "gbk_title_total.csv", mapping_overrides={"无此列": "name"})
    with pytest.raises(MappingError):
        preview(con, CORPUS / "gbk_title_total.csv", mapping_overrides={"备注": "nonsense"})


def test_legacy_xls_with_merged_title_and_amounts_in_yi(con: duckdb.DuckDBPyConnection) -> None:
    """An old-format .xls (read with xlrd): 亿元 in the header, a merged title, a 合计 row that adds up."""
    plan = preview(con, CORPUS / "legacy_hubei.xls")
    assert plan.header_row == 2 and plan.rows_read == 3
    assert plan.errors == [] and plan.warnings == []
    result = commit(con, plan)
    got = stored(con, result.batch_id)
    assert got["武汉新型显示面板产业化项目"][:5] == ("420000", "420100", Decimal("1205000.00"), 2025, 2028)
    assert got["襄阳新能源汽车动力电池项目"][1:3] == ("420600", Decimal("450000.00"))
    assert got["宜昌磷酸铁锂正极材料项目"][6:] == ("new_materials", "auto")
