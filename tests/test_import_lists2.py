"""Classes found by a second round of real published lists (county and zone 集中开工 / 签约 lists, a free-trade
zone's 重大项目清单, a province's 省重点 progress list; issue 12): one synthetic corpus file each
(``tests/corpus/make_corpus.py``, ``write_lists2``), imported through the command line with ``--json``."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from importkit import CORPUS, problem_codes, run_json, stored_projects

from dashboard import store
from dashboard.ingest import values


def imported(db: Path, capsys: pytest.CaptureFixture[str], name: str, *extra: str) -> dict:
    code, out = run_json(capsys, "import", str(CORPUS / name), "--db", str(db), "--json", *extra)
    assert code == 0, out
    return out


def column(db: Path, field: str) -> dict[str, object]:
    con = store.connect(db, read_only=True)
    try:
        return dict(con.execute(f"SELECT name, {field} FROM projects ORDER BY project_id").fetchall())
    finally:
        con.close()


def test_district_and_signing_company_headers(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """所在县 (a county list's place column) and 签约单位 (the company of a signing list): the file was refused
    for want of a location column, and the companies were kept as an unnamed extra."""
    out = imported(empty_db, capsys, "district_header.csv")
    assert out["mapping"]["所在县"] == "district" and out["mapping"]["签约单位"] == "owner"
    assert out["rows_imported"] == 2 and out["errors"] == []
    got = stored_projects(empty_db)
    assert {k: v[:3] for k, v in got.items()} == {
        "江宁芯片封装项目": ("320000", "320100", Decimal("120000.00")),
        "宜兴储能电池项目": ("320000", "320200", Decimal("85000.00"))}
    assert column(empty_db, "owner") == {"江宁芯片封装项目": "南京某电子有限公司",
                                         "宜兴储能电池项目": "无锡某能源有限公司"}


def test_site_header_is_the_place(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """选址 (where a signed project will be built): read as the place, county short name and park included."""
    out = imported(empty_db, capsys, "site_header.csv")
    assert out["mapping"]["选址"] == "place"
    assert {k: v[:3] for k, v in stored_projects(empty_db).items()} == {
        "惠东新能源项目": ("440000", "441300", Decimal("250000.00")),
        "博罗储能项目": ("440000", "441300", Decimal("40000.00"))}


def test_free_trade_zone_title_and_short_stage(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """中国（江苏）自由贸易试验区…: the bracketed province is the title's place (every row was refused); 新开 is
    新开工 (under construction), not an unknown stage."""
    out = imported(empty_db, capsys, "ftz_title.csv")
    assert problem_codes(out["warnings"]) == [(None, "place_from_title")]
    assert out["warnings"][0]["value"] == "江苏"
    assert {k: v[:3] for k, v in stored_projects(empty_db).items()} == {
        "苏州片区纳米材料项目": ("320000", None, Decimal("200000.00")),
        "苏州片区生物药项目": ("320000", None, Decimal("300000.00"))}
    assert set(column(empty_db, "stage").values()) == {"under_construction"}


def test_a_total_printed_first_totals_the_rows_below(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A 合计 as the table's first row was compared with the rows above it: "the projects add up to 0.00"."""
    out = imported(empty_db, capsys, "total_first.csv", "--dry-run")
    assert problem_codes(out["warnings"]) == [(2, "total_mismatch")]
    assert "2,500.00" in out["warnings"][0]["message"] and "3,000.00" in out["warnings"][0]["message"]


def test_one_year_said_to_be_the_end(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """2024年底完成…, 2025年前建成投产, 2026年6月竣工 in a 建设期限 column: the end year (each was stored as the
    start year); a year said to be the start, a range and a bare year read as before."""
    imported(empty_db, capsys, "end_year_phrases.csv")
    got = {k: (v[3], v[4]) for k, v in stored_projects(empty_db).items()}
    assert got == {"南京一期主体项目": (None, 2024), "苏州建成投产项目": (None, 2025), "无锡竣工项目": (None, 2026),
                   "常州开工项目": (2024, None), "徐州起止项目": (2023, 2025), "扬州单年项目": (2024, None)}


@pytest.mark.parametrize(("cell", "code"), [
    ("2024年底完成一期主体建设", "year_end"), ("2025年前建成", "year_end"), ("2026.6竣工", "year_end"),
    ("2024年3月底开工", None), ("2024年开工，年底建成", None), ("2024年", None), ("2023-2025年底", None),
    # 前期 is the stage before the works, not their end
    ("2023年前期工作", None), ("2023年完成前期手续", None)])
def test_end_year_codes(cell: str, code: str | None) -> None:
    assert values.parse_years(pd.Series([cell]))[2].iloc[0] == code


def test_lone_group_text_left_of_the_name(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A heading without a numeral, alone in a column left of the empty name cell, counting its projects
    (…重点项目155个（在建118个…）): a group, said and skipped (it was refused, and with it the file). A lone
    text that counts nothing is still refused with its row: no row is dropped on a guess."""
    code, out = run_json(capsys, "import", str(CORPUS / "lone_group_text.csv"), "--db", str(empty_db), "--json",
                         "--dry-run")
    assert code == 1 and out["rows_read"] == 3
    assert (3, "row_skipped_group") in problem_codes(out["warnings"])
    assert problem_codes(out["errors"]) == [(6, "name_missing")]
    imported(empty_db, capsys, "lone_group_text.csv", "--skip-invalid")
    assert {k: v[2] for k, v in stored_projects(empty_db).items()} == {
        "西安硅产业基地项目": Decimal("1000000.00"), "西安创新药物产业园": Decimal("200000.00")}


def test_rows_counting_projects_in_a_count_column(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A 项目个数 column: a row counting more than one project is a category, numbered (3) or not, said and
    skipped (重大产业转型升级类 39 亿元 and 重大基础设施建设类 11 亿元 were stored as projects); a row counting
    one, or nothing, is a project."""
    out = imported(empty_db, capsys, "count_column.csv")
    assert [(r, c) for r, c in problem_codes(out["warnings"]) if c == "row_skipped_group"] == [
        (4, "row_skipped_group"), (7, "row_skipped_group")]
    assert {k: v[2] for k, v in stored_projects(empty_db).items()} == {
        "房县农产品物流园项目": Decimal("50000.00"), "房县再生铅项目": Decimal("30000.00"),
        "房县国道改建项目": Decimal("20000.00")}


def test_projects_numbered_with_chinese_numerals(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """一、二、三 numbering every project (nothing numbered 1, 2, 3 under them): projects, not group headings
    (every row was read as a heading and the file refused with "no project rows")."""
    out = imported(empty_db, capsys, "numeral_projects.csv")
    assert out["rows_imported"] == 3
    assert problem_codes(out["warnings"]) == [(None, "numerals_number_projects"), (None, "place_from_title")]
    assert out["warnings"][0]["column"] == "序号" and out["warnings"][0]["value"] == "一"
    assert {k: v[:3] for k, v in stored_projects(empty_db).items()} == {
        "周口防水材料有限公司年产1500万平方米防水卷材项目": ("410000", "411600", Decimal("30000.00")),
        "周口制衣有限公司年产5000万件服装加工项目": ("410000", "411600", Decimal("50000.00")),
        "周口桥涵工程建设项目(一期)": ("410000", "411600", Decimal("20000.00"))}


def test_numbered_categories_are_no_projects(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                            tmp_path: Path) -> None:
    """Guard: a table of categories numbered 一、二 (重大产业转型升级类 | 39) is still no list of projects."""
    f = tmp_path / "categories.csv"
    f.write_text("序号,项目名称,建设地点,总投资（亿元）\n一,重大产业转型升级类,湖北省十堰市,39\n"
                 "二,重大基础设施建设类,湖北省十堰市,11\n", encoding="utf-8")
    code, out = run_json(capsys, "import", str(f), "--db", str(empty_db), "--json")
    assert code == 1 and out["error"] == "no_rows"


def test_numerals_over_numbered_projects_stay_groups(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Guard: 一 / 二 over rows numbered 1, 2 are still group headings (group_numerals.csv)."""
    out = imported(empty_db, capsys, "group_numerals.csv", "--dry-run")
    assert out["rows_read"] == 3


def plans(db: Path) -> list[tuple]:
    con = store.connect(db, read_only=True)
    try:
        return con.execute("SELECT p.name, i.year, i.planned_wan FROM project_investments i "
                           "JOIN projects p USING (project_id) ORDER BY p.project_id").fetchall()
    finally:
        con.close()


@pytest.mark.parametrize("name", ["plan_expected.csv", "plan_year_header.csv"])
def test_the_plan_column_names_its_year(empty_db: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    """2023年预计完成投资 (or 2023年计划投资) under a title of 2022: the plan of 2023. The first was kept as an extra
    column (read as money spent), the second stored as the plan of 2022."""
    out = imported(empty_db, capsys, name)
    assert "annual_plan" in out["mapping"].values()
    assert plans(empty_db) == [("重庆储能电池项目", 2023, Decimal("600000.00")),
                               ("重庆负极材料项目", 2023, Decimal("40000.00"))]


@pytest.mark.parametrize(("header", "field"), [
    ("所在区", "district"), ("所在县", "district"), ("所属区", "district"), ("选址", "place"), ("项目选址", "place"),
    ("签约单位", "owner"), ("2023年预计完成投资", "annual_plan"), ("年内计划完成投资（亿元）", "annual_plan"),
    # guards: an approval document is no place; money spent, or planned for part of a year, is no annual plan
    ("选址意见书", None), ("用地预审与选址意见书", None), ("累计完成投资", None), ("1-6月计划完成投资", None),
    ("所在区域", "place")])
def test_header_words_of_real_lists(header: str, field: str | None) -> None:
    from dashboard.ingest.headers import field_of
    assert field_of(header) == field


def test_a_quantity_column_is_no_project_count(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                               tmp_path: Path) -> None:
    """Guard: 数量 (vehicles, machines bought) is no count of projects: rows with 50 in it stay projects."""
    f = tmp_path / "quantity.csv"
    f.write_text("项目名称,建设地点,数量,总投资（万元）\n南京新能源公交车购置项目,江苏省南京市,50,1000\n"
                 "苏州充电桩项目,江苏省苏州市,200,2000\n", encoding="utf-8")
    code, out = run_json(capsys, "import", str(f), "--db", str(empty_db), "--json")
    assert code == 0 and out["rows_imported"] == 2
