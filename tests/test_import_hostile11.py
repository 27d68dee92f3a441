"""Issue 12, eleventh hostile round (s31-hostile11): classes the corpus had not reached.
Found and fixed: a sheet copied with an edited figure (项目表 (2), 修改稿) was left out as "the same projects",
its figure lost unsaid; a row numbered past Excel's last (r="2000000000") kept the reader busy for hours, and 60 MB
of empty rows in a 90 KB workbook took 21 CPU-s and 1 GB; RMB '000 was read as yuan (1,000 times too small); an
English title's province was no context for its short city names (Suzhou); an OA export's 导出人 / 导出时间 / 共N条记录
lines, a notice's 抄送 line and a PDF's page numbers (- 1 -, 1/3) were stored as projects or refused the file; a
template's example rows (例：…, （示例）…, XX市…) were stored; a WPS in-cell picture in a name cell became a project
named =DISPIMG(…); a year typed in the amount column was stored as 2024万元; names copied from a PDF kept a space
between every character; an HTML export's held figure (x:num 15.2345 shown 15.23) was read as shown; ditto marks
(同上, 〃) refused their rows as unknown places; an amount written in 备注 was lost unsaid; a row a PDF copy broke in
two was refused as a project with no place or name; OCR letters in an amount (15OOOO) were "not an amount"; a
YEAR(TODAY()) start year was read unsaid. Corpus: ``tests/corpus/make_corpus.py``, ``write_hostile11``."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest
from importkit import (
    CORPUS,
    import_json,
    problem_codes,
    refused_file,
    refused_rows,
    refused_unchanged,
    stored_projects,
    upload_shows,
)


@pytest.mark.parametrize(("lang", "said"), [("zh", "副本"), ("en", "is a copy of sheet")])
def test_a_sheet_copy_with_other_figures_is_refused(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                                    said: str) -> None:
    """项目表 (2) holds 160000 where 项目表 holds 150000: it was left out as an identical copy (the edit lost)."""
    refused_file(empty_db, capsys, "sheet_copy_edited.xlsx", "sheet_copy_differs", said, "160,000.00", "150,000.00",
                 "总投资（万元）", "项目表", "2", lang=lang)


def test_a_sheet_copy_with_other_figures_can_be_chosen(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = import_json(empty_db, capsys, "sheet_copy_edited.xlsx", "--sheet", "项目表 (2)")
    assert code == 0, out
    assert stored_projects(empty_db)["苏州晶圆封装项目"][2] == Decimal("160000.00")


@pytest.mark.parametrize(("lang", "said"), [("zh", "超过 Excel 的最后一行"), ("en", "past Excel's last row")])
def test_a_row_past_excels_last_is_refused(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                           said: str) -> None:
    refused_file(empty_db, capsys, "row_number_billion.xlsx", "sheet_rows_beyond_excel", said, "2,000,000,000",
                 lang=lang)


def test_a_workbook_of_empty_rows_packed_tight_is_refused(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    refused_file(empty_db, capsys, "empty_rows_bomb.xlsx", "workbook_unsafe")


def test_rmb_thousands_in_an_english_header(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """RMB '000: 1,500,000 thousand yuan is 150,000 万元 (150 was stored)."""
    code, out = import_json(empty_db, capsys, "en_rmb_thousand.csv")
    assert code == 0, out
    assert [v[2] for v in stored_projects(empty_db).values()] == [Decimal("150000.00"), Decimal("80000.00")]


def test_an_english_titles_province_places_short_city_names(empty_db: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    """Suzhou is Jiangsu's 苏州 or Anhui's 宿州: the title's Jiangsu Province tells; the 'Total' row is no project."""
    code, out = import_json(empty_db, capsys, "en_title_cities.csv")
    assert code == 0 and out["rows_imported"] == 2, out
    assert {k: v[:3] for k, v in stored_projects(empty_db).items()} == {
        "Wafer Packaging": ("320000", "320500", Decimal("150000.00")),
        "Biomedicine Center": ("320000", "320100", Decimal("80000.00"))}


@pytest.mark.parametrize(("file", "stored"), [
    ("en_province_city_county.csv", {"Wafer Level Packaging Project": ("320000", "320500", Decimal("150000.00")),
                                     "Biomedicine Innovation Center": ("320000", "320100", Decimal("80000.00")),
                                     "Hydrogen Fuel Cell Base": ("310000", "310100", Decimal("60000.00"))}),
    ("en_bn_mn.csv", {"Project A": ("320000", "320500", Decimal("150000.00")),
                      "Project B": ("320000", "320500", Decimal("30000.00")),
                      "Project C": ("320000", "320500", Decimal("200000.00")),
                      "Project D": ("320000", "320500", Decimal("50000.00"))}),
    ("en_cny_100m.csv", {"Wafer Packaging": ("320000", "320500", Decimal("150000.00")),
                         "Biomedicine Center": ("320000", "320100", Decimal("85000.00"))}),
    ("trad_header_simplified.csv", {"苏州晶圆封装项目": ("320000", "320500", Decimal("150000.00"))}),
    ("traditional_big5.csv", {"苏州晶圆封装项目": ("320000", "320500", Decimal("150000.00"))}),
])
def test_read_right_already(empty_db: Path, capsys: pytest.CaptureFixture[str], file: str, stored: dict) -> None:
    """English lists (Province / City / County columns, RMB 10,000, bn / mn, CNY 100 million) and a header in
    traditional characters (over simplified data, or a Big5 file): read right from the start, kept so."""
    code, out = import_json(empty_db, capsys, file)
    assert code == 0 and out["errors"] == [], out
    assert {k: v[:3] for k, v in stored_projects(empty_db).items()} == stored


def test_export_and_page_lines_are_notes(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """导出人：张三, 导出时间：…, 共2条记录, 抄送：… were stored as projects placed by the query line; - 1 -, — 2 —
    and 1/3 refused the file (a project named - 1 - with no place)."""
    code, out = import_json(empty_db, capsys, "oa_export_lines.csv")
    assert code == 0 and out["rows_imported"] == 2, out
    assert [r for r, c in problem_codes(out["warnings"]) if c == "row_skipped_note"] == [5, 6, 7, 8]
    code, out = import_json(empty_db, capsys, "pdf_page_numbers.csv", "--dry-run")
    assert code == 0 and out["rows_read"] == 2 and out["errors"] == [], out
    assert [r for r, c in problem_codes(out["warnings"]) if c == "row_skipped_note"] == [3, 4, 5]


@pytest.mark.parametrize(("lang", "said"), [("zh", "模板里的示例"), ("en", "template's example")])
def test_a_templates_example_rows_are_refused(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                              said: str) -> None:
    out = refused_unchanged(empty_db, capsys, CORPUS / "template_examples.csv", "--lang", lang)
    found = [e for e in out["errors"] if e["code"] == "name_template_example"]
    assert [(e["row"], e["column"]) for e in found] == [(2, "项目名称"), (3, "项目名称"), (4, "项目名称")]
    assert said in found[0]["message"] and "例：苏州某某项目" in found[0]["message"]


@pytest.mark.parametrize(("lang", "said"), [("zh", "嵌入单元格的图片"), ("en", "picture WPS embedded")])
def test_a_wps_cell_picture_is_no_text(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                       said: str) -> None:
    """=DISPIMG("ID_99",1) in a name cell was stored as the project's name."""
    out = refused_rows(empty_db, capsys, "wps_cell_pictures.xlsx", [(3, "name_missing")], lang=lang)
    assert [(w["row"], w["column"], w["code"]) for w in out["warnings"]] == [
        (2, "效果图", "cell_picture"), (3, "项目名称", "cell_picture")]
    assert said in out["warnings"][1]["message"]


@pytest.mark.parametrize(("lang", "said"), [("zh", "填反了"), ("en", "look swapped")])
def test_an_amount_and_a_year_typed_into_each_others_column(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                            lang: str, said: str) -> None:
    """总投资 2024 and 开工年份 80000: 2024万元 was stored, the year said as implausible."""
    refused_rows(empty_db, capsys, "amount_year_swapped.csv", [(3, "总投资（万元）", "amount_year_swapped")], said,
                 "80000", lang=lang)


def test_a_name_spaced_out_by_a_pdf_copy(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """苏 州 晶 圆 封 装 项 目 is read as 苏州晶圆封装项目, said; spaces between words stay."""
    code, out = import_json(empty_db, capsys, "pdf_spaced_names.csv", "--lang", "en")
    assert code == 0, out
    assert problem_codes(out["warnings"]) == [(2, "name_spaced_out")]
    assert "space after every character" in out["warnings"][0]["message"]
    assert list(stored_projects(empty_db)) == ["苏州晶圆封装项目", "南京 生物医药 中心"]


def test_an_html_exports_held_number_is_read(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """x:num="15.2345" shown 15.23 (亿元): 152,345 万元, not 152,300; a held figure at another scale than the one
    shown (a format's scaling) keeps what is shown."""
    code, out = import_json(empty_db, capsys, "html_held_numbers.xls")
    assert code == 0, out
    assert [v[2] for v in stored_projects(empty_db).values()] == [Decimal("152345.00"), Decimal("150000.00")]


@pytest.mark.parametrize(("lang", "said"), [("zh", "与上一行相同"), ("en", "ditto")])
def test_ditto_marks_take_the_value_above(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                          said: str) -> None:
    code, out = import_json(empty_db, capsys, "ditto_marks.csv", "--lang", lang)
    assert code == 0, out
    assert problem_codes(out["warnings"]) == [(3, "cell_ditto"), (3, "cell_ditto"), (4, "cell_ditto"),
                                              (4, "cell_ditto"), (5, "cell_ditto")]
    assert said in out["warnings"][0]["message"] and "江苏省苏州市" in out["warnings"][0]["message"]
    assert [v[:2] + v[3:5] for v in stored_projects(empty_db).values()] == [
        ("320000", "320500", 2024, 2026), ("320000", "320500", 2024, 2026), ("320000", "320500", 2024, 2026),
        ("320000", "320500", 2024, 2027), ("320000", "320100", 2024, 2026)]


@pytest.mark.parametrize(("lang", "said"), [("zh", "金额填在了备注里"), ("en", "written in the remark")])
def test_an_amount_written_in_the_remark(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                         said: str) -> None:
    """总投资 empty, 备注 总投资15亿元 / 80000: the rows stored without an amount, unsaid. Said by row; with no
    amount column, the remark's 总投资…亿元 is read as a content column's is."""
    code, out = import_json(empty_db, capsys, "amount_in_remark.csv", "--lang", lang)
    assert code == 0, out
    assert [(w["row"], w["column"], w["code"]) for w in out["warnings"]] == [
        (2, "备注", "amount_in_remark"), (3, "备注", "amount_in_remark")]
    assert said in out["warnings"][0]["message"] and "总投资15亿元" in out["warnings"][0]["message"]
    # The same project with its amount now read from the remark: the re-import says what it changes.
    code, out = import_json(empty_db, capsys, "remark_total_only.csv", "--dry-run")
    assert code == 0 and [(r, c) for r, c in problem_codes(out["warnings"]) if r is not None] == [
        (2, "updated_values"), (2, "amount_from_text")], out


@pytest.mark.parametrize(("lang", "said"), [("zh", "断开的后半行"), ("en", "broken in two")])
def test_a_row_a_pdf_copy_broke_in_two(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                       said: str) -> None:
    refused_rows(empty_db, capsys, "pdf_broken_rows.csv", [
        (3, "项目名称", "row_continuation"), (5, "总投资（万元）", "row_continuation")], said, "测试项目", lang=lang)


@pytest.mark.parametrize(("lang", "said"), [("zh", "扫描件识别错误"), ("en", "OCR")])
def test_ocr_letters_in_an_amount_are_said(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                           said: str) -> None:
    refused_rows(empty_db, capsys, "ocr_amount_letters.csv", [(r, "amount_ocr_letters") for r in (2, 3, 4)], said,
                 "150000", lang=lang)


@pytest.mark.parametrize(("lang", "said"), [("zh", "随打开的日期"), ("en", "changes with the day")])
def test_a_today_formula_is_said(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str, said: str) -> None:
    code, out = import_json(empty_db, capsys, "volatile_formulas.xlsx", "--lang", lang)
    assert code == 0, out
    assert [(w["row"], w["column"], w["code"]) for w in out["warnings"]] == [(2, "开工年份", "formula_volatile")]
    assert said in out["warnings"][0]["message"] and "=YEAR(TODAY())" in out["warnings"][0]["message"]


def test_formula_text_in_every_column_never_leaves_as_a_formula(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                                tmp_path: Path) -> None:
    """Names and owners starting = + @ - ＝ are stored as written, and the export hands each to a spreadsheet as
    text (a ' in front in CSV; a string cell in XLSX)."""
    import openpyxl

    code, out = import_json(empty_db, capsys, "formula_text_names.csv")
    assert code == 0, out
    target = tmp_path / "projects.csv"
    from dashboard.cli import main

    assert main(["export", "--table", "projects", "-o", str(target), "--db", str(empty_db)]) == 0
    capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert [r["name"][:2] for r in rows] == ["'=", "'+", "'＝"]
    assert [r["owner"][:2] for r in rows] == ["'=", "'@", "'-"]
    book_path = tmp_path / "projects.xlsx"
    assert main(["export", "--table", "projects", "-o", str(book_path), "--db", str(empty_db)]) == 0
    capsys.readouterr()
    sheet = openpyxl.load_workbook(book_path).active
    header = [c.value for c in sheet[1]]
    names = [sheet.cell(row=r, column=header.index("name") + 1) for r in range(2, 5)]
    assert all(c.data_type == "s" and str(c.value).startswith("'") for c in names)


@pytest.mark.parametrize(("file_name", "corpus", "said"), [
    ("项目表.xlsx", "sheet_copy_edited.xlsx", "副本"),
    ("示例.csv", "template_examples.csv", "模板里的示例"),
])
def test_the_upload_page_says_what_the_importer_found(empty_db: Path, monkeypatch: pytest.MonkeyPatch,
                                                      file_name: str, corpus: str, said: str) -> None:
    upload_shows(empty_db, monkeypatch, file_name, corpus, said)
