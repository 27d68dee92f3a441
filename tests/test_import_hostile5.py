"""Issue 12, fifth hostile round (s25-hostile5): classes an outside tester's files reached that the corpus had
not. Silent wrong numbers: a currency with no rate (万港元, 亿日元, 万欧元) read as 万元; a list whose second part
repeats the header in 亿元 read in the first header's 万元; a unit or a percentage in a cell's number format,
and a date in the amount column, read from the bare number. Good rows refused or lost: ="12000" text formulas,
a sign-off line under the table, an Excel table's 汇总 row, years in Chinese numerals. Formats: an XML
Spreadsheet 2003 and a single-file web page read; .xlsb, Strict Open XML and archives named with what to do.
Corpus: ``tests/corpus/make_corpus.py``, ``write_hostile5``."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from importkit import (
    CORPUS,
    file_fingerprint,
    import_json,
    problem_codes,
    refused_unchanged,
    run_json,
    stored_projects,
)


def _amounts(db: Path) -> dict[str, Decimal | None]:
    return {name: v[2] for name, v in stored_projects(db).items()}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_currency_without_a_rate_in_the_header_is_refused_not_read_as_wan(
        empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str) -> None:
    """总投资（万港元）: 5000 万港元 was stored as 5000 万元, no word said. Every stated amount is refused with its
    row and column, the message naming the currency; an empty amount (—) is no problem."""
    out = refused_unchanged(empty_db, capsys, CORPUS / "currency_header.csv")
    code, out = import_json(empty_db, capsys, "currency_header.csv", "--dry-run", "--lang", lang)
    assert problem_codes(out["errors"]) == [(2, "amount_currency_column")], out
    err = out["errors"][0]
    assert err["column"] == "总投资（万港元）" and "港元" in err["message"]
    assert ("人民币" if lang == "zh" else "CNY") in err["message"]


def test_currencies_without_a_rate_in_a_unit_column_and_a_cell_refuse_their_rows(
        empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A 单位 column of 万港元 / 亿日元 / 万欧元 / 万元 was dropped as "mostly not money" and every amount read as
    万元 (10 亿日元 stored as 10 万元). Now those rows are refused by row and column, a cell's 300万欧元 too,
    and the 万元 row is stored."""
    out = refused_unchanged(empty_db, capsys, CORPUS / "currency_units.csv")
    assert problem_codes(out["errors"]) == [(2, "currency_unknown"), (3, "currency_unknown"), (4, "currency_unknown"),
                                            (6, "amount_currency")], out
    assert "unit_column_ignored" not in [w["code"] for w in out["warnings"]]
    code, out = import_json(empty_db, capsys, "currency_units.csv", "--skip-invalid")
    assert code == 0, out
    assert _amounts(empty_db) == {"南京内资芯片项目": Decimal("3000.00")}


def test_a_repeated_header_in_another_unit_reads_the_rows_under_it_in_that_unit(
        empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """二、续建项目 under its own header 总投资（亿元）: 8 亿元 was stored as 8 万元 (10,000 times too small), the
    header row skipped as a repeat. Now read as 80,000 万元, and the change said at that row."""
    code, out = import_json(empty_db, capsys, "repeated_header_units.csv")
    assert code == 0 and out["errors"] == [], out
    assert _amounts(empty_db) == {"南京集成电路封装项目": Decimal("12000.00"),
                                  "杭州生物医药产业园项目": Decimal("5000.00"),
                                  "合肥动力电池项目": Decimal("80000.00"), "芜湖储能电站项目": Decimal("15000.00")}
    said = [w for w in out["warnings"] if w["code"] == "unit_changed_below"]
    assert [(w["row"], w["column"]) for w in said] == [(7, "总投资（万元）")] and "亿元" in said[0]["message"]


def test_an_amount_is_read_as_the_cell_shows_it(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """1.2 formatted 0.00"亿元" was stored as 1.2 万元 (only "unit assumed" said); 50,000,000 shown in 百万 is
    5,000 万元; 0.5 shown as 50% was stored as 0.5 万元, and a date (Excel's 5 March for 3-5) as 2026 万元, "a
    range". Now the share and the date are refused by row, each saying what it is."""
    out = refused_unchanged(empty_db, capsys, CORPUS / "shown_amounts.xlsx")
    assert problem_codes(out["errors"]) == [(4, "amount_share"), (5, "amount_date")], out
    assert "50%" in out["errors"][0]["message"] and "日期" in out["errors"][1]["message"]
    code, out = import_json(empty_db, capsys, "shown_amounts.xlsx", "--skip-invalid")
    assert code == 0, out
    assert "unit_assumed" not in [w["code"] for w in out["warnings"]]
    assert _amounts(empty_db) == {"南京集成电路封装项目": Decimal("12000.00"),
                                  "杭州生物医药产业园项目": Decimal("5000.00"),
                                  "常州光伏组件项目": Decimal("3000.00")}


def test_excel_text_formulas_are_read_as_their_text(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """="12000" (a one-string formula exporters write to keep text as text) was refused as no amount."""
    code, out = import_json(empty_db, capsys, "excel_text_formulas.csv")
    assert code == 0 and out["errors"] == [], out
    stored = stored_projects(empty_db)
    assert stored["南京集成电路封装项目"][2:4] == (Decimal("12000.00"), 2024)
    assert stored["南京集成电路封装项目"][4] == 2026 and stored["杭州生物医药产业园项目"][2] == Decimal("5000.00")


@pytest.mark.parametrize("name", ["signoff_footer.csv", "table_totals_row.xlsx"])
def test_a_signoff_line_and_a_tables_totals_row_are_no_projects(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                                name: str) -> None:
    """填报单位：… 制表人：… under the table, and an Excel table's 汇总 row, were projects without a name: the
    whole file refused."""
    code, out = import_json(empty_db, capsys, name)
    assert code == 0 and out["errors"] == [], out
    assert _amounts(empty_db) == {"南京集成电路封装项目": Decimal("12000.00"),
                                  "杭州生物医药产业园项目": Decimal("5000.00")}


def test_years_in_chinese_numerals(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """二〇二四至二〇二六年 and 二〇二五 were left empty ("no year can be read")."""
    code, out = import_json(empty_db, capsys, "numeral_years.csv")
    assert code == 0 and "year_unparsable" not in [w["code"] for w in out["warnings"]], out
    years = {name: (v[3], v[4]) for name, v in stored_projects(empty_db).items()}
    assert years == {"南京汉字年份项目": (2024, 2026), "苏州汉字开工项目": (2025, None),
                     "无锡零字年份项目": (2024, 2027)}


def test_names_differing_only_by_width_are_one_project(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """ＡＢＣ新材料项目 beside ABC新材料项目 were stored as two projects; a soft hyphen stayed inside a name.
    Since round 6 the second row, the same in every column read, is the same project listed again: imported
    once and said (it was refused as a duplicate)."""
    code, out = import_json(empty_db, capsys, "width_duplicates.csv")
    assert code == 0 and out["errors"] == [], out
    assert (3, "row_repeats_project") in problem_codes(out["warnings"])
    assert set(stored_projects(empty_db)) == {"ＡＢＣ新材料项目", "软连字符储能项目", "５Ｇ基站建设项目"}


@pytest.mark.parametrize("name", ["spreadsheetml_2003.xls", "single_file_web.mht"])
def test_xml_spreadsheet_2003_and_a_single_file_web_page_are_read(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                                   name: str) -> None:
    """Web systems' "export to Excel" as XML Spreadsheet 2003 (named .xls) was "not an Excel workbook", and
    Excel's single-file web page (.mht) "no header found"."""
    code, out = import_json(empty_db, capsys, name)
    assert code == 0 and out["errors"] == [], out
    want = {"南京集成电路封装项目": Decimal("12000.00"), "杭州生物医药产业园项目": Decimal("5000.00")}
    if name.endswith(".xls"):  # its third row after skipped rows (ss:Index="9"), numbered as Excel shows it
        want["合肥动力电池项目"] = Decimal("80000.00")
        assert out["rows_read"] == 3
    assert _amounts(empty_db) == want


@pytest.mark.parametrize(("name", "code", "words_zh", "words_en"), [
    ("binary_workbook.xlsb", "format_xlsb", ".xlsb", ".xlsb"),
    ("strict_open_xml.xlsx", "format_strict", "Strict", "Strict"),
    ("list_in_archive.zip", "format_archive", "解压", "Unpack"),
    ("list_in_archive.csv.gz", "format_archive", "解压", "Unpack"),
])
def test_unreadable_formats_are_named_with_what_to_do(empty_db: Path, capsys: pytest.CaptureFixture[str], name: str,
                                                      code: str, words_zh: str, words_en: str) -> None:
    """Were "damaged or password-protected" (.xlsb, a .zip), "the file is empty" (Strict Open XML) or "not a
    text table" (.gz)."""
    out = refused_unchanged(empty_db, capsys, CORPUS / name)
    assert out["error"] == code and words_zh in out["message"], out
    _rc, out = import_json(empty_db, capsys, name, "--lang", "en")
    assert out["error"] == code and words_en in out["message"], out


def test_the_upload_page_takes_these_formats_and_answers_with_the_importers_message(
        empty_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The uploader refused .xlsb (and .zip, .xml, .mht) itself, in English on the zh page too, naming the file
    "application/vnd.ms-excel.sheet.binary.macroEnabled.12": it takes them, and the importer reads them or
    says what to do."""
    from dashboard.views import upload
    from tests.apptest_helpers import open_page

    assert {"xlsb", "xml", "mht", "mhtml", "zip", "gz"} <= set(upload.ACCEPTED)
    app = open_page(empty_db, monkeypatch, "upload")
    app.file_uploader[0].set_value(("清单.xlsb", (CORPUS / "binary_workbook.xlsb").read_bytes(),
                                    "application/vnd.ms-excel.sheet.binary.macroEnabled.12")).run()
    assert not app.exception
    assert any("二进制工作簿（.xlsb）" in e.value and "另存为" in e.value for e in app.error)


@pytest.mark.parametrize(("cell", "wan", "code"), [
    ("5000万港元", None, "amount_currency"), ("300万欧元", None, "amount_currency"),
    ("10亿日元", None, "amount_currency"),
    ("5000（含欧元贷款）", 5000.0, "amount_note"), ("100万美元", 710.0, "amount_usd"),
    ("2026-03-05", None, "amount_date"),
    ("2026/3/5 00:00:00", None, "amount_date"), ("3-5亿", 30000.0, "amount_range")])
def test_amount_cells_in_other_currencies_and_dates(cell: str, wan: float | None, code: str | None) -> None:
    """A currency named outside brackets refuses the cell; one named in a note in brackets does not (the note
    is said: amount_note)."""
    from dashboard.ingest import values

    got = values.parse_amount(cell, values.WAN, 7.1)
    assert (got.wan, got.code) == (pytest.approx(wan) if wan is not None else None, code)


@pytest.mark.parametrize(("row", "cell"), [("99999999999999999999", "1"), ("0", "1"), ("1048577", "1"), ("2", "-2")])
def test_an_xml_spreadsheet_with_rows_or_cells_excel_cannot_hold_is_unreadable(
        empty_db: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, row: str, cell: str) -> None:
    """A row number (ss:Index) past Excel's 1,048,576 or below 1, or a cell before column 1, is no sheet Excel
    wrote: a clear refusal, not an internal error ("OverflowError: Python int too large" for the first)."""
    header = ("项目名称", "建设地点", "总投资（万元）")
    cells = "".join(f'<Cell><Data ss:Type="String">{v}</Data></Cell>' for v in header)
    path = tmp_path / "odd.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="S"><Table>'
        f'<Row>{cells}</Row><Row ss:Index="{row}"><Cell ss:Index="{cell}"><Data ss:Type="String">南京集成电路项目'
        '</Data></Cell><Cell><Data ss:Type="String">江苏省南京市</Data></Cell>'
        '<Cell><Data ss:Type="Number">1000</Data></Cell></Row></Table></Worksheet></Workbook>', encoding="utf-8")
    before = file_fingerprint(empty_db)
    code, out = run_json(capsys, "import", str(path), "--db", str(empty_db), "--json")
    assert code == 1 and out["error"] == "workbook_unreadable", out
    assert file_fingerprint(empty_db) == before
