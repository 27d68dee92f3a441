"""Issue 12, fourth hostile round (s23-hostile4): classes an outside tester's files reached that the corpus
had not. Header units with a multiplier (千元 read as 元: 1,000 times too small, silently), a unit on its own
row under the header, a table under 40 note rows, a workbook with one project table per sheet (all but the
first left out without a word, and the others could not be imported: "the same file"), and files that are
no table the import reads (Numbers, OpenDocument, Word, PDF, an encrypted workbook), each named with what
to do. Corpus: ``tests/corpus/make_corpus.py``, ``write_hostile4`` / ``write_legacy4``."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from importkit import CORPUS, file_fingerprint, problem_codes, run_json, stored_projects

from dashboard import store


def _run(db: Path, capsys: pytest.CaptureFixture[str], name: str, *extra: str) -> tuple[int, dict]:
    return run_json(capsys, "import", str(CORPUS / name), "--db", str(db), "--json", *extra)


def _amounts(db: Path) -> dict[str, Decimal]:
    return {name: v[2] for name, v in stored_projects(db).items()}


def test_a_header_unit_with_a_multiplier_is_the_whole_unit(empty_db: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """总投资（千元）: 120000 千元 is 12,000 万元 (was read as 元: 12 万元, no word said); a cell's own 十亿元 or
    千美元 is its unit too (were refused as unreadable)."""
    code, out = _run(empty_db, capsys, "unit_multipliers.csv", "--usd-rate", "7")
    assert code == 0 and out["errors"] == [], out
    assert _amounts(empty_db) == {"南京集成电路封装项目": Decimal("12000.00"),
                                  "杭州生物医药产业园项目": Decimal("120000.00"),
                                  "合肥动力电池项目": Decimal("2.10")}


def test_a_unit_row_under_the_header_is_read_as_the_units(empty_db: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """总投资 over a row holding only （亿元）: the row was read as a project (refused: no name) and the
    amounts as 万元 (1.2 万元 for 1.2 亿元 with --skip-invalid). Now the row is the header's units."""
    code, out = _run(empty_db, capsys, "unit_row_below_header.csv")
    assert code == 0 and out["errors"] == [] and out["rows_read"] == 2, out
    assert "unit_assumed" not in [w["code"] for w in out["warnings"]]
    assert _amounts(empty_db) == {"南京集成电路封装项目": Decimal("12000.00"),
                                  "杭州生物医药产业园项目": Decimal("5000.00")}
    con = store.connect(empty_db, read_only=True)
    try:  # the annual plan's own unit (万元) from the same row
        plans = sorted(v for (v,) in con.execute("SELECT planned_wan FROM project_investments").fetchall())
    finally:
        con.close()
    assert plans == [Decimal("1000.00"), Decimal("3000.00")]


def test_a_header_under_forty_note_rows_is_found(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run(empty_db, capsys, "header_below_30.csv", "--dry-run")
    assert code == 0 and out["rows_read"] == 1 and out["errors"] == [], out


def test_no_header_names_how_far_it_was_looked_for(empty_db: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.csv"
    notes.write_text("".join(f"说明第{i}条\n" for i in range(150)), encoding="utf-8")
    for lang, words in (("zh", "前 100 行"), ("en", "first 100 rows")):
        code, out = run_json(capsys, "import", str(notes), "--db", str(empty_db), "--json", "--lang", lang)
        assert code == 1 and out["error"] == "no_header" and words in out["message"], out


@pytest.mark.parametrize("name", ["city_sheets.xlsx", "legacy_city_sheets.xls"])
def test_project_tables_on_other_sheets_are_read_and_each_can_be_imported(
        empty_db: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    """One sheet per city: only the first was read and nothing said; importing the next sheet of the same
    file was refused as "the same file imported before". Since s24-imports5 every sheet of the layout is
    read as one import (tests/test_import_sheets.py); each sheet can still be imported alone, the same
    sheet twice is refused, leaving the store as it was, and so is the workbook once a sheet of it is in."""
    for lang, words in (("zh", "南京市、杭州市、合肥市"), ("en", "3 sheets read as one import")):
        code, out = _run(empty_db, capsys, name, "--dry-run", "--lang", lang)
        assert code == 0 and problem_codes(out["warnings"]) == [(None, "sheets_read")], out
        assert words in out["warnings"][0]["message"] and "--sheet" in out["warnings"][0]["message"]
        assert out["rows_read"] == 4
    for sheet in ("南京市", "杭州市", "合肥市"):
        code, out = _run(empty_db, capsys, name, "--sheet", sheet)
        assert code == 0 and out["rows_imported"] == (2 if sheet == "南京市" else 1) and out["warnings"] == [], out
    assert _amounts(empty_db) == {"南京集成电路封装项目": Decimal("12000.00"), "南京储能电站项目": Decimal("3000.00"),
                                  "杭州生物医药产业园项目": Decimal("5000.00"), "合肥动力电池项目": Decimal("80000.00")}
    before = file_fingerprint(empty_db)
    for extra in (("--sheet", "杭州市"), ()):
        code, out = _run(empty_db, capsys, name, *extra)
        assert code == 1 and out["error"] == "already_imported", out
        assert file_fingerprint(empty_db) == before


def test_a_text_file_copied_under_another_name_is_still_the_same_file(
        empty_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A text file's sheet is its file name: it takes no part in "the same file" (a renamed copy is refused)."""
    copy = tmp_path / "copy.csv"
    copy.write_bytes((CORPUS / "unit_multipliers.csv").read_bytes())
    assert _run(empty_db, capsys, "unit_multipliers.csv")[0] == 0
    code, out = run_json(capsys, "import", str(copy), "--db", str(empty_db), "--json")
    assert code == 1 and out["error"] == "already_imported"


FORMATS = [("apple_numbers.numbers", "format_numbers", "Numbers", "Numbers"),
           ("opendocument.ods", "format_ods", ".ods", ".ods"),
           ("word_as_xlsx.xlsx", "format_word", "Word 文档", "Word document"),
           ("pdf_as_csv.csv", "format_pdf", "PDF", "PDF"),
           ("encrypted.xlsx", "workbook_encrypted", "密码", "password")]


@pytest.mark.parametrize(("name", "code_", "zh", "en"), FORMATS)
def test_a_format_the_import_cannot_read_is_named(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                  name: str, code_: str, zh: str, en: str) -> None:
    """Was "this Excel workbook cannot be read (damaged or password-protected)" for all of them, or "not a
    text table" for a PDF: now the format, and to save it as .xlsx or CSV; the store is left as it was."""
    before = file_fingerprint(empty_db)
    for lang, words in (("zh", zh), ("en", en)):
        code, out = _run(empty_db, capsys, name, "--lang", lang)
        assert code == 1 and out["error"] == code_ and words in out["message"], out
        assert (".xlsx" in out["message"] or "Excel" in out["message"]), out
    assert file_fingerprint(empty_db) == before


def test_a_legacy_workbook_with_merged_headers_places_and_dates(empty_db: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """A real BIFF8 .xls (xlwt): merged title and 单位：亿元 line, a two-row merged header, the place merged
    down three rows, date cells, amounts stored as text."""
    code, out = _run(empty_db, capsys, "legacy_merged_dates.xls")
    assert code == 0 and out["errors"] == [], out
    got = {k: (v[0], v[1], v[2], v[3], v[4]) for k, v in stored_projects(empty_db).items()}
    assert got == {"南京集成电路封装项目": ("320000", "320100", Decimal("12000.00"), 2024, 2026),
                   "南京生物医药产业园项目": ("320000", "320100", Decimal("5000.00"), 2025, 2027),
                   "南京动力电池项目": ("320000", "320100", Decimal("80000.00"), 2024, 2025)}


@pytest.mark.parametrize(("name", "rows"), [("hidden_rows.xlsx", "3、4"), ("legacy_hidden_rows.xls", "3")])
def test_rows_hidden_in_excel_are_read_and_said(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                name: str, rows: str) -> None:
    """Rows hidden by hand or by a filter were imported without a word: a steward who filtered the list
    to one city before saving may not mean them. They are read like the others, and named."""
    for lang, words in (("zh", f"第 {rows} 行"), ("en", f" {rows} (")):
        code, out = _run(empty_db, capsys, name, "--dry-run", "--lang", lang)
        assert code == 0 and out["rows_read"] == 4, out
        hidden = [w for w in out["warnings"] if w["code"] == "rows_hidden"]
        assert len(hidden) == 1 and hidden[0]["row"] == 3 and words in hidden[0]["message"], out


def test_a_formatted_empty_cell_neither_widens_nor_lengthens_the_sheet() -> None:
    """A style on XFD1048576 made the sheet 16,384 columns wide (20 CPU-s for a 5 KB file, measured outside
    the tests: 2 CPU-s now); cells without a value are no cells."""
    from dashboard.ingest import reading

    raw = reading.read((CORPUS / "formatted_last_cell.xlsx").read_bytes(), "formatted_last_cell.xlsx")
    sheet = raw.sheets[0]
    assert sheet.cells.shape == (2, 4) and list(sheet.rows) == [1, 2]
