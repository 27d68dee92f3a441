"""Issue 12, seventh hostile round (s27-hostile7): round 6's leftovers and classes the corpus had not reached.
A 16,384-column CSV took 37-52 s to preview and a sheet formatted to its last row 11-26 s; one cell reference
twice in an xlsx row kept the later value unsaid; terminal colour codes left "[31m" in a header or an amount;
lower bounds and approximations (≥5000万元, 约2000万) were read as the figure without a word. New: a text table
named .xls was refused as "not a workbook"; a formula's cached 0 in the name column was stored as a project
named "0"; a variation selector kept a name unlike its stored twin; '150000 was no amount; a printed list's page
and as-of lines were refused as projects; a NUL-padded file was "binary"; 朝阳区 alone was Liaoning's 朝阳市.
Corpus: ``tests/corpus/make_corpus.py``, ``write_hostile7``."""

from __future__ import annotations

import io
import time
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from importkit import CORPUS, import_json, problem_codes, refused_unchanged, stored_projects

from dashboard.ingest import values


def test_a_csv_wider_than_any_table_is_refused_at_once(empty_db: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """16,384 named columns: 37-52 s per preview (every step looked at each column). Refused, saying the limit,
    in a few seconds; the store unchanged."""
    header = "项目名称,建设地点,总投资（万元）," + ",".join(f"c{i}" for i in range(16_381))
    path = tmp_path / "wide.csv"
    path.write_text(header + "\n" + "苏州晶圆封装项目,江苏省苏州市,150000" + "," * 16_381 + "\n", encoding="utf-8")
    start = time.process_time()
    out = refused_unchanged(empty_db, capsys, path)
    assert time.process_time() - start < 15  # CPU seconds: the host's load does not count
    assert out["error"] == "table_too_wide" and "16,384" in out["message"] and "3,000" in out["message"], out


def test_empty_columns_far_to_the_right_are_left_off(empty_db: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """5,000 trailing separators on every line (no header in them): read as the four columns it has."""
    path = tmp_path / "trailing.csv"
    lines = ["项目名称,建设地点,总投资（万元）,建设起止年限", "苏州晶圆封装项目,江苏省苏州市,150000,2024-2026"]
    path.write_text("\n".join(line + "," * 5000 for line in lines) + "\n", encoding="utf-8")
    code, out = import_json(empty_db, capsys, path)
    assert code == 0 and out["rows_imported"] == 1, out


def _sheet_to_the_last_row(styled: bool) -> bytes:
    rows = ['<row r="1"><c r="A1" t="inlineStr"><is><t>项目名称</t></is></c><c r="B1" t="inlineStr"><is><t>建设地点'
            '</t></is></c><c r="C1" t="inlineStr"><is><t>总投资（万元）</t></is></c></row>',
            '<row r="2"><c r="A2" t="inlineStr"><is><t>苏州晶圆封装项目</t></is></c><c r="B2" t="inlineStr"><is><t>'
            '江苏省苏州市</t></is></c><c r="C2"><v>150000</v></c></row>']
    blank = ('<row r="{0}"><c r="A{0}" s="0"/><c r="B{0}" s="0"/></row>' if styled else '<row r="{0}"/>')
    xml = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
           '2006/main"><sheetData>' + "".join(rows) + "".join(blank.format(i) for i in range(3, 1_048_577))
           + "</sheetData></worksheet>")
    ns = "http://schemas.openxmlformats.org/"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", f'<Types xmlns="{ns}package/2006/content-types"><Default Extension="rels" '
                   f'ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
                   'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
                   'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override '
                   'PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
                   'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
        z.writestr("_rels/.rels", f'<Relationships xmlns="{ns}package/2006/relationships"><Relationship Id="rId1" '
                   f'Type="{ns}officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                   '</Relationships>')
        z.writestr("xl/workbook.xml", f'<workbook xmlns="{ns}spreadsheetml/2006/main" xmlns:r="{ns}officeDocument/'
                   '2006/relationships"><sheets><sheet name="项目" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{ns}package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{ns}officeDocument/2006/relationships/worksheet" '
                   'Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", xml)
    return out.getvalue()


@pytest.mark.parametrize("styled", [False, True])
def test_a_sheet_formatted_to_its_last_row_reads_in_seconds(empty_db: Path, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str], styled: bool) -> None:
    """1,048,576 rows, empty or holding styled empty cells, under one project: 11 s and 26 s (openpyxl parsed
    every row, and the whole sheet once more to size it). Now the blanks are left out before it parses."""
    path = tmp_path / "rows.xlsx"
    path.write_bytes(_sheet_to_the_last_row(styled))
    start = time.process_time()
    code, out = import_json(empty_db, capsys, path)
    assert time.process_time() - start < 15  # CPU seconds (was 11 and 26)
    assert code == 0 and out["rows_imported"] == 1, out
    assert [v[2] for v in stored_projects(empty_db).values()] == [Decimal("150000.00")]


def test_one_cell_reference_twice_is_refused_with_both_values(empty_db: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """Two <c r="A2"> in one row: openpyxl kept 另一个项目 as the project's name, unsaid. Refused, naming the
    cell, its row and both values (which is right no one can tell)."""
    out = refused_unchanged(empty_db, capsys, CORPUS / "cell_ref_twice.xlsx")
    assert out["error"] == "sheet_cell_repeated", out
    assert all(s in out["message"] for s in ("A2", "第 2 行", "苏州晶圆封装项目", "另一个项目")), out["message"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_terminal_colour_codes_are_removed_whole_and_said(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                          lang: str) -> None:
    """ESC[1m项目名称ESC[0m was the label "[1m项目名称[0m" and ESC[31m150000ESC[0m "not an amount". The codes go
    whole, the header's said by row and column, the cells' as before."""
    code, out = import_json(empty_db, capsys, "ansi_colours.csv", "--lang", lang)
    assert code == 0 and out["errors"] == [], out
    assert out["mapping"] == {"项目名称": "name", "建设地点": "place", "总投资（万元）": "total_investment",
                              "建设起止年限": "years"}
    assert problem_codes(out["warnings"])[:1] == [(1, "header_control_stripped")]
    # The columns listed as the message's language lists them.
    assert {"zh": "项目名称、建设地点", "en": "项目名称, 建设地点"}[lang] in out["warnings"][0]["message"]
    assert "ESC[31m" in out["warnings"][0]["message"]
    assert {k: v[2] for k, v in stored_projects(empty_db).items()} == {
        "苏州晶圆封装项目": Decimal("150000.00"), "南京生物医药中心": Decimal("80000.00")}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_bounds_and_approximations_are_stored_with_a_warning(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                             lang: str) -> None:
    """≥5000万元, 5000万元以上, 不低于, 超过1亿元, 5000余万元 (bounds) and 约2000万, 1亿元左右 (approximations) were
    read as the figure without a word. Each is stored as its figure, with a warning by row saying which."""
    code, out = import_json(empty_db, capsys, "amount_bounds.csv", "--lang", lang)
    assert code == 0, out
    said = [(r, c) for r, c in problem_codes(out["warnings"]) if c.startswith("amount_")]
    assert said == [(2, "amount_lower_bound"), (3, "amount_lower_bound"), (4, "amount_lower_bound"),
                    (5, "amount_lower_bound"), (6, "amount_lower_bound"), (7, "amount_approximate"),
                    (8, "amount_approximate")], out["warnings"]
    word = {"zh": "下限", "en": "lower bound"}[lang]
    assert word in out["warnings"][1]["message"], out["warnings"]
    assert {k: v[2] for k, v in stored_projects(empty_db).items()}["丁项目"] == Decimal("10000.00")


def test_upper_bounds_are_refused(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """5000万元以下 was "not an amount", 不超过1亿元 likewise: now named as an upper bound, which is no amount."""
    out = refused_unchanged(empty_db, capsys, CORPUS / "amount_upper_bound.csv")
    assert problem_codes(out["errors"]) == [(2, "amount_upper_bound"), (3, "amount_upper_bound")], out


def test_the_vectorised_amounts_mark_bounds_only_where_written() -> None:
    """The warning rides on the rare written amounts only: plain numbers carry no code."""
    cells = __import__("pandas").Series(["3000", "约3000", "3000万元以上", "3000万", "1,250"])
    wan, codes = values.parse_amounts(cells, values.WAN, 7.1)
    assert list(wan) == [3000.0, 3000.0, 3000.0, 3000.0, 1250.0]
    assert list(codes) == [None, "amount_approximate", "amount_lower_bound", None, None]


@pytest.mark.parametrize(("name", "delimiter"), [("text_named.xls", ","), ("tabs_gbk_named.xls", "Tab")])
def test_a_text_table_named_xls_is_read_as_text(empty_db: Path, capsys: pytest.CaptureFixture[str], name: str,
                                                delimiter: str) -> None:
    """A comma- or tab-separated text saved as .xls (web systems' exports): "not an Excel workbook". Read as
    the text table it is, said with its separator."""
    code, out = import_json(empty_db, capsys, name)
    assert code == 0 and out["rows_imported"] == 2, out
    text = [w for w in out["warnings"] if w["code"] == "text_workbook"]
    assert text and f"“{delimiter}”" in text[0]["message"], out["warnings"]


def test_a_name_that_is_only_a_number_is_refused(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A formula pointing at an empty cell (=B9, cached 0) in the name column: a project named "0" was stored."""
    out = refused_unchanged(empty_db, capsys, CORPUS / "formula_zero_name.xlsx")
    assert problem_codes(out["errors"]) == [(3, "name_numeric")], out


def test_variation_selectors_and_apostrophes_are_read_through(empty_db: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """南京生物医药中心 + U+FE0F (invisible) was stored unlike its twin; '80000 (Excel's text mark) was no amount."""
    code, out = import_json(empty_db, capsys, "invisible_selector.csv")
    assert code == 0 and out["errors"] == [], out
    assert {k: v[2] for k, v in stored_projects(empty_db).items()} == {"南京生物医药中心": Decimal("80000.00")}


def test_a_printed_lists_page_and_as_of_lines_are_notes(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """第 1 页 共 2 页 under each page and 数据截至2024年6月30日 under the table were projects without a place
    (the file refused)."""
    code, out = import_json(empty_db, capsys, "printed_pages.csv")
    assert code == 0 and out["errors"] == [] and out["rows_imported"] == 6, out
    notes = [r for r, c in problem_codes(out["warnings"]) if c == "row_skipped_note"]
    assert notes == [5, 10, 11, 12, 13], out["warnings"]


def test_a_file_padded_with_nuls_is_read(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """4,096 NULs after a small table: "not a text table". The padding is removed and said."""
    code, out = import_json(empty_db, capsys, "nul_padded.csv")
    assert code == 0 and out["rows_imported"] == 2, out
    assert "nul_stripped" in [w["code"] for w in out["warnings"]]


def test_a_district_two_provinces_bear_is_not_a_city_of_a_third(empty_db: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """朝阳区 alone (Beijing's or Changchun's) was stored in Liaoning's 朝阳市. Now ambiguous, said; 昆山市 alone
    still resolves (Suzhou)."""
    out = refused_unchanged(empty_db, capsys, CORPUS / "district_alone.csv")
    assert problem_codes(out["errors"]) == [(2, "place_ambiguous")], out


@pytest.mark.parametrize(("file_name", "data", "said"), [
    ("导出.xls", (CORPUS / "tabs_gbk_named.xls").read_bytes(), "文本表格"),
    ("清单.tsv", (CORPUS / "text_named.xls").read_bytes().replace(b",", b"\t"), "项目行全部通过校验"),
    ("颜色.csv", (CORPUS / "ansi_colours.csv").read_bytes(), "终端颜色代码"),
    ("约数.csv", (CORPUS / "amount_bounds.csv").read_bytes(), "只给出下限"),
    ("重复单元格.xlsx", (CORPUS / "cell_ref_twice.xlsx").read_bytes(), "另一个项目"),
])
def test_the_upload_page_says_what_the_importer_found(empty_db: Path, monkeypatch: pytest.MonkeyPatch,
                                                      file_name: str, data: bytes, said: str) -> None:
    """The upload page, not only the command line: a .tsv is taken (the uploader refused it, and .xltx), each
    file's message shown, no exception."""
    from dashboard.views import upload
    from tests.apptest_helpers import upload_says

    assert {"tsv", "xltx"} <= set(upload.ACCEPTED)
    shown = upload_says(empty_db, monkeypatch, file_name, data)
    assert any(said in s for s in shown), shown


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_figures_in_wan_under_a_yi_header_are_said(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                  lang: str) -> None:
    """8000, 6500, 3000, 9500 under 总投资（亿元）: each under the 1万亿元 limit, so stored as 8000亿元 and on,
    unsaid. The column's middle amount, 7,250亿元, is no project's: said once (the figures may be 万元)."""
    code, out = import_json(empty_db, capsys, "yi_header_wan_figures.csv", "--dry-run", "--lang", lang)
    assert code == 0, out
    said = [w for w in out["warnings"] if w["code"] == "unit_implausible"]
    assert len(said) == 1 and "7,250" in said[0]["message"] and "万元" in said[0]["message"], out["warnings"]
    code, out = import_json(empty_db, capsys, "amount_bounds.csv", "--dry-run")
    assert "unit_implausible" not in [w["code"] for w in out["warnings"]]


def test_a_sheet_too_wide_beside_a_table_is_left_out_and_said(empty_db: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """A workbook's second sheet of 3,500 columns (a pivot's data, an export's raw dump): the table is read,
    the wide sheet left out with a warning naming it and the limit."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "项目"
    book.active.append(["项目名称", "建设地点", "总投资（万元）"])
    book.active.append(["苏州晶圆封装项目", "江苏省苏州市", 150000])
    wide = book.create_sheet("明细")
    for _ in range(2):
        wide.append([f"v{j}" for j in range(3500)])
    path = tmp_path / "two.xlsx"
    book.save(path)
    code, out = import_json(empty_db, capsys, path)
    assert code == 0 and out["rows_imported"] == 1, out
    said = [w["message"] for w in out["warnings"] if w["code"] == "sheet_too_wide_skipped"]
    assert len(said) == 1 and "明细" in said[0] and "3,500" in said[0] and "3,000" in said[0], out["warnings"]
