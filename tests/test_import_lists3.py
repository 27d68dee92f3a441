"""Classes found by a third round of real published lists (counties' bond disclosures — 专项债券 / 一般债券
情况表 —, 环评 batches, county and zone 开工 / 签约 summaries; issue 12): one synthetic corpus file each
(``tests/corpus/make_corpus.py``, ``write_lists3``), imported through the command line with ``--json``."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from importkit import CORPUS, problem_codes, run_json, stored_projects

from dashboard import store
from dashboard.ingest import headers as hd


def imported(db: Path, capsys: pytest.CaptureFixture[str], name: str, *extra: str) -> dict:
    code, out = run_json(capsys, "import", str(CORPUS / name), "--db", str(db), "--json", *extra)
    assert code == 0, out
    return out


def plans(db: Path) -> list[tuple]:
    con = store.connect(db, read_only=True)
    try:
        return con.execute("SELECT year, planned_wan FROM project_investments ORDER BY project_id").fetchall()
    finally:
        con.close()


def test_a_header_of_three_rows_and_column_numbers(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A bond disclosure stacks three header rows (跟踪期情况 / 已实现投资情况 / 合计) over a row of column numbers
    ((1) | (2)…): the lower header rows and the numbers were read as nameless projects ("(2)" a negative amount)
    and the file refused. The sub-headers name their columns, and what is earned (预期收益 / 2024年起至项目全周期
    结束) is no end year."""
    out = imported(empty_db, capsys, "header_three_rows.csv")
    assert out["errors"] == [] and out["warnings"] == [] and out["rows_read"] == 2
    assert out["mapping"] == {"项目名称": "name", "区县": "district", "项目全周期总投资 / 合计": "total_investment"}
    assert "跟踪期情况(截至2023年末) / 已实现投资情况 / 其中:债券资金安排" in out["unmapped"]
    assert "预期收益 / 2024年起至项目全周期结束" in out["unmapped"]
    assert {k: v[:5] for k, v in stored_projects(empty_db).items()} == {
        "临江产业园基础设施项目": ("320000", "320100", Decimal("125000.00"), None, None),
        "滨湖污水处理厂扩建工程": ("320000", "320100", Decimal("38000.00"), None, None)}


def test_column_numbers_under_a_one_row_header(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """甲 | 乙 | 1 | 2 | 3 | 4 under the header: read as a project, its place "1" was refused (the file with it)."""
    out = imported(empty_db, capsys, "column_numbers.csv")
    assert out["errors"] == [] and out["rows_read"] == 2
    got = stored_projects(empty_db)
    assert {k: v[:5] for k, v in got.items()} == {
        "常州智能装备产业园项目": ("320000", "320400", Decimal("56000.00"), 2024, 2026),
        "镇江新型储能电站项目": ("320000", "321100", Decimal("30000.00"), 2024, 2025)}
    assert plans(empty_db) == [(2024, Decimal("12000.00")), (2024, Decimal("8000.00"))]


@pytest.mark.parametrize("row", [["1", "2", "3"], ["(1)", "(2)", "", "(4)"], ["甲", "乙", "1", "2"], ["①", "②", "③"]])
def test_rows_of_column_numbers(row: list[str]) -> None:
    assert hd._column_numbers(row)


@pytest.mark.parametrize("row", [["1", "城北学校", "3"], ["3", "2", "1"], ["1", ""], ["2024", "2025"], ["甲", "乙"]])
def test_rows_that_are_not_column_numbers(row: list[str]) -> None:
    """A project's cells, numbers falling or repeated, a lone number, years and 甲 | 乙 without a number."""
    assert not hd._column_numbers(row)


def test_revenue_is_no_planned_amount(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """已取得项目收益 / 其中:2024年当年实现收益 (what the project earned in 2024) was stored as the 2024 plan; the
    bond's type (其他自平衡专项债券) was read as the sector, "unknown" on every row. Neither is mapped now."""
    out = imported(empty_db, capsys, "revenue_columns.csv")
    assert out["mapping"] == {"项目名称": "name", "项目所在地区": "place", "债券项目总投资 / 合计": "total_investment"}
    assert out["errors"] == [] and out["warnings"] == []
    assert plans(empty_db) == []
    assert {k: v[:3] for k, v in stored_projects(empty_db).items()} == {
        "城东养老服务中心建设工程": ("330000", "330300", Decimal("13000.00")),
        "城南综合客运枢纽工程": ("330000", "330300", Decimal("46000.00"))}


@pytest.mark.parametrize(("header", "field"), [
    ("已取得项目收益", None), ("其中:2024年当年实现收益", None), ("预期收益", None), ("营业收入（万元）", None),
    ("已实现投资", None), ("债券类型", None), ("债券规模", None), ("债券项目资产类型", None),
    ("债券项目总投资", "total_investment"), ("项目全周期总投资", "total_investment"),
    ("2024年计划投资", "annual_plan"), ("行业类型", "sector")])
def test_header_words_of_bond_tables(header: str, field: str | None) -> None:
    assert hd.field_of(header) == field


def test_a_signing_count_column_tells_groups(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """签约项目数 counts each county's signed projects: the county rows (江宁区签约项目 | 12 | 103.9亿元) were stored
    as projects with the county's total (312亿元 too many). Skipped and said now."""
    out = imported(empty_db, capsys, "count_header_signed.csv")
    assert problem_codes(out["warnings"]) == [(3, "row_skipped_group"), (5, "row_skipped_group")]
    assert {k: v[2] for k, v in stored_projects(empty_db).items()} == {
        "江宁新能源电池材料项目": Decimal("350000.00"), "浦口智能装备产业园项目": Decimal("600000.00")}


def test_a_nameless_group_row_is_told_by_its_cells(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                  tmp_path: Path) -> None:
    """A county row with no name (2 | 灵武市 | | 21 | 208.56) was said as "…not imported as a project: 2"."""
    path = tmp_path / "counties.csv"
    path.write_text("序号,县（市、区）,项目名称,签约项目数,总投资（亿元）\n1,江宁区,,12,103.9\n"
                    ",江宁区,江宁新能源电池材料项目,,35\n", encoding="utf-8")
    code, out = run_json(capsys, "import", str(path), "--db", str(empty_db), "--json", "--dry-run")
    assert code == 0, out
    assert [w["value"] for w in out["warnings"] if w["code"] == "row_skipped_group"] == ["1 江宁区 12 103.9"]


def test_a_second_table_on_the_sheet_is_left_out(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A bond disclosure's second table (项目收入及对应资产情况表, after a blank row, the name one column further
    right): its title, unit line, header and rows were read as this table's projects and refused ("the name is
    empty", places "项目名称", amounts "区教育局"), and the file with them. Left out now, and said once."""
    out = imported(empty_db, capsys, "second_table.xlsx")
    assert out["errors"] == [] and out["rows_read"] == 2
    assert problem_codes(out["warnings"]) == [(7, "other_table_left_out")]
    assert "第 9 行" in out["warnings"][0]["message"]
    assert {k: v[2] for k, v in stored_projects(empty_db).items()} == {
        "城北学校新建工程": Decimal("19900.00"), "城南医院病房楼扩建工程": Decimal("8600.00")}
    code, out = run_json(capsys, "import", str(CORPUS / "second_table.xlsx"), "--db", str(empty_db), "--json",
                         "--dry-run", "--lang", "en", "--force")
    said = [w["message"] for w in out["warnings"] if w["code"] == "other_table_left_out"]
    assert len(said) == 1 and "another table" in said[0] and "row 9" in said[0]


def test_the_same_header_again_is_no_other_table(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                 tmp_path: Path) -> None:
    """A header printed again after a blank row (a page break) keeps the rows under it."""
    path = tmp_path / "again.csv"
    path.write_text("项目名称,建设地点,总投资（万元）\n城北学校新建工程,安徽省铜陵市,19900\n\n"
                    "项目名称,建设地点,总投资（万元）\n城南医院病房楼扩建工程,安徽省铜陵市,8600\n", encoding="utf-8")
    code, out = run_json(capsys, "import", str(path), "--db", str(empty_db), "--json", "--dry-run")
    assert code == 0, out
    assert out["rows_read"] == 2 and "other_table_left_out" not in {w["code"] for w in out["warnings"]}


def test_a_duplicate_names_its_first_row_without_a_year(empty_db: Path, capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    """One project on two rows (one per bond) in a list without years: the message said "duplicates row nan".
    Since round 6 the rows, alike in every column read (only the bond's amount differs), are one project listed
    twice: imported once, the second row said with the first's number."""
    code, out = run_json(capsys, "import", str(CORPUS / "duplicate_no_year.csv"), "--db", str(empty_db), "--json",
                         "--dry-run", "--lang", "en")
    assert code == 0 and out["errors"] == [], out
    assert problem_codes(out["warnings"]) == [(3, "row_repeats_project")]
    assert out["warnings"][0]["message"].startswith("The same project as row 2,")
