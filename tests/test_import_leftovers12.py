"""Issue 12: the classes round 11 (s31-hostile11, leftovers11) found and left, fixed at their root (s32-leftovers12).
Rows shifted a cell or with two columns' values swapped were refused or lost cell by cell; OCR letters in years
(2O24-2O26, l998) were "no year" (2O24-2026 was read as 2026 alone), 150000。 and 1 5 0 0 0 0 "not an amount";
Suzhou alone, English districts, project codes and city clusters (中原城市群, 呼包鄂榆) were unknown places; a header
merged over three columns filled only the second; PDF text in runs of spaces and one cell per line were "no
header"; an xlsx with backslash part names was refused as damaged, a GIF or PDF signature before CSV text was read
as CSV; an HTML export holding 150000 while showing 15.00 kept the shown figure unsaid; a 行业类别 column of GB/T
4754 classes was no hint at all. Corpus: ``tests/corpus/make_corpus.py``, ``write_leftovers12``."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from importkit import (
    CORPUS,
    file_state,
    import_json,
    problem_codes,
    refused_unchanged,
    stored_projects,
    stored_stages,
)

# ---------------------------------------------------------------------------- 2. OCR letters in years


@pytest.mark.parametrize(("lang", "said"), [("zh", ("扫描件", "2024-2026", "句号", "每个数字之间都有空格", "小数点")),
                                            ("en", ("OCR", "2024-2026", "full stop", "space after every digit",
                                                    "decimal point"))])
def test_ocr_letters_in_years_and_amounts_said(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                               said: tuple[str, ...]) -> None:
    """2O24-2O26, 2〇24-2〇26, l998, 2o25, 2O24-2026: the year left empty (as an unreadable year is; never read as
    digits, as an amount's OCR letters are not), said with the digits they may be; 2O24-2026 was read as 2026 alone.
    150000。 and 1 5 0 0 0 0 read and said; 1。5亿元 and 15〇〇〇〇 (was read as 15) refused saying what they are."""
    out = refused_unchanged(empty_db, capsys, CORPUS / "ocr_years.csv", "--lang", lang)
    assert problem_codes(out["errors"]) == [(9, "amount_ideographic_point"), (10, "amount_ocr_letters")]
    assert said[4] in out["errors"][0]["message"] and "150000" in out["errors"][1]["message"]
    assert problem_codes(out["warnings"]) == [(r, "year_ocr_letters") for r in (2, 3, 4, 5, 6)] + [
        (7, "amount_full_stop"), (8, "amount_spaced_out")]
    ocr = out["warnings"][0]
    assert ocr["column"] == "建设起止年限" and said[0] in ocr["message"] and said[1] in ocr["message"]
    assert "1998" in out["warnings"][2]["message"] and "2024-2026" in out["warnings"][4]["message"]
    assert said[2] in out["warnings"][5]["message"] and "150,000.00" in out["warnings"][5]["message"]
    assert said[3] in out["warnings"][6]["message"] and out["warnings"][6]["column"] == "总投资（万元）"
    code, _out = import_json(empty_db, capsys, "ocr_years.csv", "--skip-invalid")
    assert code == 0
    assert {k: v[2:5] for k, v in stored_projects(empty_db).items()} == {
        "甲项目": (Decimal("150000.00"), None, None), "乙项目": (Decimal("150000.00"), None, None),
        "丙项目": (Decimal("150000.00"), None, None), "丁项目": (Decimal("150000.00"), None, None),
        "戊项目": (Decimal("150000.00"), None, None), "己项目": (Decimal("150000.00"), 2024, 2026),
        "庚项目": (Decimal("150000.00"), 2024, 2026)}


# ---------------------------------------------------------------------------- 1. shifted and swapped rows


@pytest.mark.parametrize(("lang", "said"), [("zh", ("多出一个空单元格", "互换了位置", "少了一个单元格",
                                                    "南京生物医药中心")),
                                            ("en", ("extra empty cell", "swapped back", "lacks a cell",
                                                    "南京生物医药中心"))])
def test_shifted_and_swapped_rows_are_read_back(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                                said: tuple[str, ...]) -> None:
    """A row one cell right (an empty cell first), 2024-2026 and 在建 in each other's column, a row lacking its amount:
    each refused or misread cell by cell before ("江苏省南京市 is not an amount", "the stage 2024-2026"); now each has
    one reading under which every cell fits, stored so and said once by row, naming the columns."""
    code, out = import_json(empty_db, capsys, "rows_shifted.csv", "--lang", lang)
    assert code == 0 and out["errors"] == [] and out["unmapped"] == [], out
    assert problem_codes(out["warnings"]) == [(3, "row_shifted_right"), (4, "row_swapped"), (5, "row_shifted_left")]
    right, swapped, left = out["warnings"]
    assert said[0] in right["message"] and said[3] in right["message"] and right["column"] == "项目名称"
    assert said[1] in swapped["message"] and "2024-2026" in swapped["message"] and swapped["column"] == "建设阶段"
    assert said[2] in left["message"] and left["column"] == "总投资（万元）"
    assert stored_projects(empty_db) == {
        "苏州晶圆封装项目": ("320000", "320500", Decimal("150000.00"), 2024, 2026, "info_tech"),
        "南京生物医药中心": ("320000", "320100", Decimal("80000.00"), 2024, 2027, "biotech"),
        "无锡储能项目": ("320000", "320200", Decimal("1000.00"), 2024, 2026, "new_energy"),
        "常州电池项目": ("320000", "320400", None, 2024, 2026, "new_energy")}
    assert set(stored_stages(empty_db).values()) == {"under_construction"}


@pytest.mark.parametrize(("lang", "said"), [("zh", ("几种移位", "总投资（万元）", "2024年计划投资（万元）")),
                                            ("en", ("several shifts", "总投资（万元）", "2024年计划投资（万元）"))])
def test_a_row_with_two_readings_is_refused_once(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                                 said: tuple[str, ...]) -> None:
    """50000 and 2024-2026 under two amount columns and the years: the missing cell may be either amount's. Refused
    by row with that reason (2024-2026 was read as an annual plan of 2024万元), no other problem of the row said."""
    out = refused_unchanged(empty_db, capsys, CORPUS / "rows_shifted_unclear.csv", "--lang", lang)
    assert problem_codes(out["errors"]) == [(2, "row_shifted_unclear")]
    assert all(s in out["errors"][0]["message"] for s in said)
    assert out["warnings"] == []
    code, _out = import_json(empty_db, capsys, "rows_shifted_unclear.csv", "--skip-invalid")
    assert code == 0
    assert {k: v[2:5] for k, v in stored_projects(empty_db).items()} == {"乙项目": (Decimal("50000.00"), 2024, 2026)}


# ------------------------------------------------------------------------------------------ 3. places


@pytest.mark.parametrize(("lang", "said"), [("zh", ("苏州市（江苏省）", "宿州市（安徽省）", "河南省、河北省")),
                                            ("en", ("Suzhou (Jiangsu)", "Suzhou (Anhui)", "Henan, Hebei"))])
def test_places_suzhou_districts_and_city_clusters(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                                   said: tuple[str, ...]) -> None:
    """Suzhou alone names both cities, never one picked; Binhai alone two districts; Pudong New Area and Binhai New
    Area resolved; 中原城市群, 呼包鄂榆城市群, 兰州—西宁城市群 (State Council approvals) refused naming their
    provinces."""
    out = refused_unchanged(empty_db, capsys, CORPUS / "places12.csv", "--lang", lang)
    assert problem_codes(out["errors"]) == [(2, "place_ambiguous"), (5, "place_ambiguous"),
                                            (6, "place_region_across"), (7, "place_region_across"),
                                            (8, "place_region_across")]
    assert said[0] in out["errors"][0]["message"] and said[1] in out["errors"][0]["message"]
    assert "滨海新区" in out["errors"][1]["message"] and "滨海县" in out["errors"][1]["message"]
    assert said[2] in out["errors"][2]["message"]
    assert out["warnings"] == []
    code, _out = import_json(empty_db, capsys, "places12.csv", "--skip-invalid")
    assert code == 0
    assert {k: v[:2] for k, v in stored_projects(empty_db).items()} == {
        "乙项目": ("310000", "310100"), "丙项目": ("120000", "120100"), "辛项目": ("320000", "320100")}


@pytest.mark.parametrize(("lang", "said"), [("zh", ("320505", "苏州市（江苏省）", "武汉市（湖北省）")),
                                            ("en", ("320505", "Suzhou (Jiangsu)", "Wuhan (Hubei)"))])
def test_project_codes_place_rows_with_no_place(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                                said: tuple[str, ...]) -> None:
    """2020-320505-39-03-123456: the six digits are the county's GB/T 2260 code. An empty place cell was refused;
    now the code's place, said by row; a place cell written wins; a list with codes and no place column is placed."""
    code, out = import_json(empty_db, capsys, "project_codes.csv", "--lang", lang)
    assert code == 0 and out["errors"] == [], out
    assert problem_codes(out["warnings"]) == [(2, "place_from_project_code")]
    assert said[0] in out["warnings"][0]["message"] and said[1] in out["warnings"][0]["message"]
    assert out["warnings"][0]["column"] == "项目代码"
    assert {k: v[:2] for k, v in stored_projects(empty_db).items()} == {
        "甲项目": ("320000", "320500"), "乙项目": ("320000", "320100")}
    code, out = import_json(empty_db, capsys, "project_codes_only.csv", "--lang", lang)
    assert code == 0 and problem_codes(out["warnings"])[-2:] == [(2, "place_from_project_code"),
                                                                 (3, "place_from_project_code")], out
    assert said[2] in out["warnings"][-1]["message"]
    assert stored_projects(empty_db)["乙项目"][:2] == ("420000", "420100")


# ----------------------------------------------------------------------------------------- 4. headers


@pytest.mark.parametrize(("lang", "said"), [("zh", "跨第 3–5 列"), ("en", "merged over columns 3–5")])
def test_a_header_merged_over_three_columns(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                            said: str) -> None:
    """总投资（万元） merged over C, D and E: D was read under it, E an unmapped column (无锡's 1000 lost)."""
    code, out = import_json(empty_db, capsys, "header_merged_three.xlsx", "--lang", lang)
    assert code == 0 and out["errors"] == [] and out["unmapped"] == [], out
    assert problem_codes(out["warnings"]) == [(None, "column_label_merged_wide"), (3, "column_twin_filled"),
                                              (4, "column_twin_filled")]
    assert said in out["warnings"][0]["message"] and out["warnings"][0]["column"] == "总投资（万元）"
    assert [v[2] for v in stored_projects(empty_db).values()] == [Decimal("150000.00"), Decimal("80000.00"),
                                                                   Decimal("1000.00")]


@pytest.mark.parametrize(("lang", "said"), [("zh", ("两个以上的空格", "一行一个")),
                                            ("en", ("runs of two or more spaces", "one per line"))])
def test_pdf_text_in_runs_of_spaces_and_one_cell_per_line(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                          lang: str, said: tuple[str, str]) -> None:
    """Columns set apart by runs of spaces: read as a table, said (was "no header"); one cell per line: said as
    what it looks like, naming the headers (was "no header")."""
    code, out = import_json(empty_db, capsys, "pdf_columns_spaces.txt", "--lang", lang)
    assert code == 0 and out["errors"] == [], out
    assert (None, "columns_by_spaces") in problem_codes(out["warnings"])
    assert said[0] in next(p["message"] for p in out["warnings"] if p["code"] == "columns_by_spaces")
    assert stored_projects(empty_db) == {
        "苏州晶圆封装项目": ("320000", "320500", Decimal("150000.00"), 2024, 2026, "info_tech"),
        "南京生物医药中心": ("320000", "320100", Decimal("80000.00"), 2024, 2027, "biotech")}
    # one cell per line, its width told by its headers and every rebuilt row fitting: rebuilt since round 12
    # (test_import_hostile12.py holds the refusals that remain)
    code, out = import_json(empty_db, capsys, CORPUS / "one_cell_per_line.txt", "--lang", lang)
    assert code == 0 and (None, "one_cell_per_line_rebuilt") in problem_codes(out["warnings"]), out


# ------------------------------------------------------------------------------------------- 5. files


@pytest.mark.parametrize("name", ["xlsx_backslash_parts.xlsx", "xlsx_case_parts.xlsx"])
@pytest.mark.parametrize(("lang", "said"), [("zh", "Excel 打开时会自动修复"), ("en", "Excel repairs this")])
def test_part_names_excel_repairs_are_read(empty_db: Path, capsys: pytest.CaptureFixture[str], name: str,
                                           lang: str, said: str) -> None:
    """Backslashes in part names, a sheet's part in capitals: refused as damaged before; read, said as repaired."""
    code, out = import_json(empty_db, capsys, name, "--lang", lang)
    assert code == 0 and out["errors"] == [], out
    assert problem_codes(out["warnings"]) == [(None, "workbook_part_names_repaired")]
    assert said in out["warnings"][0]["message"]
    assert [v[2] for v in stored_projects(empty_db).values()] == [Decimal("150000.00"), Decimal("80000.00")]


@pytest.mark.parametrize(("name", "image"), [("gif_polyglot.csv", "GIF"), ("png_polyglot.csv", "PNG")])
@pytest.mark.parametrize(("lang", "said"), [("zh", "这不是表格文件"), ("en", "not a table file")])
def test_an_image_signature_before_text_is_refused(empty_db: Path, capsys: pytest.CaptureFixture[str], name: str,
                                                   image: str, lang: str, said: str) -> None:
    """GIF89a then CSV text was read as CSV (the signature stripped as control characters)."""
    out = refused_unchanged(empty_db, capsys, CORPUS / name, "--lang", lang)
    assert out["error"] == "format_image" and said in out["message"] and image in out["message"]


@pytest.mark.parametrize(("lang", "said"), [("zh", ("显示 15.00", "150000", "已按显示的")),
                                            ("en", ("shows 15.00", "150000", "shown 15.00 was read"))])
def test_an_html_figure_held_at_another_scale_is_said(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                      lang: str, said: tuple[str, ...]) -> None:
    code, out = import_json(empty_db, capsys, "html_other_scale.xls", "--lang", lang)
    assert code == 0 and out["errors"] == [], out
    assert problem_codes(out["warnings"]) == [(None, "html_workbook"), (2, "html_number_other_scale")]
    assert all(s in out["warnings"][1]["message"] for s in said) and out["warnings"][1]["column"] == "总投资（亿元）"
    assert [v[2] for v in stored_projects(empty_db).values()] == [Decimal("150000.00"), Decimal("80000.00")]


# ------------------------------------------------------------------------------ 6. GB/T 4754 classes


@pytest.mark.parametrize(("lang", "said"), [("zh", ("2720 化学药品制剂制造", "分属几个领域", "C3985 电子专用材料制造")),
                                            ("en", ("2720 化学药品制剂制造", "several SEI sectors",
                                                    "C3985 电子专用材料制造"))])
def test_industry_classes_hint_a_sector_only_when_one(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                                      said: tuple[str, ...]) -> None:
    """乙公司技改项目 (no sector from its name) under 2720 化学药品制剂制造: the NBS 2018 lists that class under the
    biotech items only, so biotech, said once; C3985 and C3842 lie under several sectors: unused, said once; a name
    that tags (南京生物医药中心) keeps its own sector; 061 (coal) is no SEI class."""
    code, out = import_json(empty_db, capsys, "industry_class_hint.csv", "--lang", lang)
    assert code == 0 and out["errors"] == [], out
    assert problem_codes(out["warnings"]) == [(None, "sector_column_industry_class"),
                                              (None, "sector_from_industry_class"),
                                              (None, "sector_industry_class_shared")]
    assert said[0] in out["warnings"][1]["message"] and said[1] in out["warnings"][2]["message"]
    assert said[2] in out["warnings"][2]["message"]
    assert {k: v[5] for k, v in stored_projects(empty_db).items()} == {
        "某煤矿洗选项目": None, "甲公司扩建项目": None, "乙公司技改项目": "biotech", "南京生物医药中心": "biotech",
        "丙公司新建项目": None}


def test_a_sector_from_an_industry_class_is_listed_for_review(empty_db: Path) -> None:
    """A class says what a plant makes, not whether this project is SEI: the row it tags is listed for review."""
    from dashboard import store
    from dashboard.ingest import preview

    con = store.connect(empty_db, read_only=True)
    try:
        review = preview(con, CORPUS / "industry_class_hint.csv").review_rows()
    finally:
        con.close()
    assert review.loc[review["name"] == "乙公司技改项目", "sector"].tolist() == ["biotech"]
    assert "南京生物医药中心" not in set(review["name"])


def test_the_crosswalk_speaks_the_taxonomys_keys() -> None:
    """Every sector of data/nbs_sei_crosswalk.csv is a taxonomy key, each row cites the NBS document and the
    repository it was parsed from; a class the NBS lists under two sectors has none."""
    import csv

    from dashboard import taxonomy
    from dashboard.config import DATA_DIR

    rows = list(csv.DictReader((DATA_DIR / "nbs_sei_crosswalk.csv").open(encoding="utf-8", newline="")))
    keys = {s.slug for s in taxonomy.sectors()}
    assert len(rows) == 469 and {r["sector"] for r in rows} <= keys | {""}
    assert all("战略性新兴产业分类（2018）" in r["source"] and "swifthu/industrial_classifi" in r["source"]
               for r in rows)
    assert all((r["sector"] == "") == ("；" in r["nbs_sectors"] or r["nbs_sectors"] == "相关服务业") for r in rows)
    by_code = {r["gbt4754_code"]: r["sector"] for r in rows}
    assert (by_code["2720"], by_code["3985"]) == ("biotech", "")


# ------------------------------------------------------------------------------------------- siblings


def test_siblings_in_other_columns_and_spellings(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """OCR letters in start and end columns (2O26, 2O28), 15亿元。 with its unit, 1 5 0 0 万元 spaced out, the stage
    and a year swapped between 开工年份 and 项目状态."""
    code, out = import_json(empty_db, capsys, "leftovers12_siblings.csv")
    assert code == 0 and out["errors"] == [], out
    assert problem_codes(out["warnings"]) == [(None, "unit_assumed"), (2, "amount_full_stop"),
                                              (2, "year_ocr_letters"), (2, "year_ocr_letters"),
                                              (3, "amount_spaced_out"), (4, "row_swapped")]
    assert {k: v[2:5] for k, v in stored_projects(empty_db).items()} == {
        "甲项目": (Decimal("150000.00"), None, None), "乙项目": (Decimal("1500.00"), 2026, 2028),
        "丙项目": (Decimal("2000.00"), 2021, 2023), "丁项目": (Decimal("2000.00"), 2024, 2026)}
    assert stored_stages(empty_db)["丙项目"] == "completed"


def test_siblings_swaps_shared_names_and_ideographic_spaces(empty_db: Path, capsys: pytest.CaptureFixture[str]
                                                           ) -> None:
    """A place and an amount swapped, an amount and the years swapped: read back, said; Taizhou (泰州, 台州) and
    Suzhou City named as shared; a GBK text whose columns are runs of ideographic spaces read as a table."""
    out = refused_unchanged(empty_db, capsys, CORPUS / "leftovers12_siblings2.csv", "--lang", "en")
    assert problem_codes(out["errors"]) == [(3, "place_ambiguous"), (4, "place_ambiguous")]
    assert "Taizhou (Jiangsu) or Taizhou (Zhejiang)" in out["errors"][0]["message"]
    assert problem_codes(out["warnings"]) == [(2, "row_swapped"), (5, "row_swapped")]
    code, _out = import_json(empty_db, capsys, "leftovers12_siblings2.csv", "--skip-invalid")
    assert code == 0
    assert {k: v[:5] for k, v in stored_projects(empty_db).items()} == {
        "甲项目": ("320000", "320500", Decimal("150000.00"), 2024, 2026),
        "丁项目": ("320000", "320500", Decimal("150000.00"), 2024, 2026)}
    code, out = import_json(empty_db, capsys, "pdf_columns_ideographic.txt")
    assert code == 0 and (None, "columns_by_spaces") in problem_codes(out["warnings"]), out
    assert stored_projects(empty_db)["南京生物医药中心"][2] == Decimal("80000.00")


def test_refusals_leave_the_store_as_it_was(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import_json(empty_db, capsys, "rows_shifted.csv")
    before = file_state(empty_db)
    for name in ("rows_shifted_unclear.csv", "places12.csv", "ocr_years.csv", "gif_polyglot.csv"):
        code, _out = import_json(empty_db, capsys, name)
        assert code != 0 and file_state(empty_db) == before, name
