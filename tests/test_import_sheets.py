"""Issue 12 (s24-imports5): a workbook with one project table per sheet (per city, per batch) is ONE import.

It was read one sheet at a time: the first sheet read, the others named in a warning, each to be imported
in turn. Now every sheet with a project table of the first one's layout is read, as one batch: one
revert removes every sheet's rows, the same workbook (or one of its sheets) again is refused, and a bad
row on any sheet refuses the whole file (or, with --skip-invalid, that row alone). Every problem names its
sheet beside its row and column. Sheets of another layout, a 汇总 sheet, a list repeating the city sheets
and a sheet with no table are left out, each said with why. Corpus: ``make_corpus.write_imports5``."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from importkit import CORPUS, file_fingerprint, run_json, stored_projects

from dashboard.cli import main

CITIES = {"南京集成电路封装项目": Decimal("12000.00"), "南京储能电站项目": Decimal("3000.00"),
          "杭州生物医药产业园项目": Decimal("5000.00"), "合肥动力电池项目": Decimal("80000.00")}


def _run(db: Path, capsys: pytest.CaptureFixture[str], name: str, *extra: str) -> tuple[int, dict]:
    return run_json(capsys, "import", str(CORPUS / name), "--db", str(db), "--json", *extra)


def _amounts(db: Path) -> dict[str, Decimal]:
    return {name: v[2] for name, v in stored_projects(db).items()}


def test_every_sheet_of_one_layout_is_read_as_one_import(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Three city sheets (杭州市's amounts in 亿元 by its own header) read together; the notes sheet, the 汇总
    sheet, a list of every project under another name and a sheet of other columns are left out, said."""
    code, out = _run(empty_db, capsys, "sheets_one_import.xlsx", "--dry-run")
    assert code == 0 and out["errors"] == [], out
    assert out["sheets_read"] == ["南京市", "杭州市", "合肥市"] and out["rows_read"] == 4
    assert [(s["sheet"], s["header_row"], s["rows_read"], s["rows_rejected"]) for s in out["sheet_rows"]] == [
        ("南京市", 2, 2, 0), ("杭州市", 2, 1, 0), ("合肥市", 2, 1, 0)]
    left = {w["sheet"]: w["code"] for w in out["warnings"] if w["sheet"]}
    assert left == {"填报说明": "sheet_left_out_no_table", "汇总": "sheet_left_out_summary",
                    "全部项目": "sheet_left_out_repeats", "苏州市": "sheet_left_out_layout"}, out["warnings"]
    layout = next(w for w in out["warnings"] if w["code"] == "sheet_left_out_layout")
    # 苏州市's 建设性质 column holds only 新建 / 改扩建-like words: the kind of construction, an extra column and no
    # field since round 8 (tests/test_import_hostile8.py), so the missing period alone tells the layouts apart
    assert "建设起止年限" in layout["message"]
    # The sheets are listed as the message's language lists (the English one listed them with 、).
    for lang, words, sheets in (("zh", "读取了 3 个工作表", "南京市、杭州市、合肥市"),
                                ("en", "3 sheets read as one import", "南京市, 杭州市, 合肥市")):
        code, out = _run(empty_db, capsys, "sheets_one_import.xlsx", "--dry-run", "--lang", lang)
        assert words in out["warnings"][0]["message"] and sheets in out["warnings"][0]["message"]


def test_one_batch_refused_twice_and_reverted_whole(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run(empty_db, capsys, "sheets_one_import.xlsx")
    assert code == 0 and out["rows_imported"] == 4 and out["batch_id"] == 1, out
    assert _amounts(empty_db) == CITIES
    before = file_fingerprint(empty_db)
    for extra in ((), ("--sheet", "杭州市")):  # the workbook again, or one of the sheets it read
        code, out = _run(empty_db, capsys, "sheets_one_import.xlsx", *extra)
        assert code == 1 and out["error"] == "already_imported", out
        assert file_fingerprint(empty_db) == before
    code, out = _run(empty_db, capsys, "sheets_one_import.xlsx", "--sheet", "苏州市")  # a sheet it left out
    assert code == 0 and out["rows_imported"] == 1 and out["sheet"] == "苏州市", out
    code, batches = run_json(capsys, "batches", "--db", str(empty_db), "--json")
    assert [(b["batch_id"], b["rows_imported"], b["sheets"]) for b in batches["batches"]] == [
        (2, 1, ["苏州市"]), (1, 4, ["南京市", "杭州市", "合肥市"])]  # each batch says which sheets it holds
    assert main(["batches", "--db", str(empty_db)]) == 0
    listed = capsys.readouterr().out
    assert "sheets_one_import.xlsx  [sheets: 南京市, 杭州市, 合肥市]" in listed and "[sheets: 苏州市]" in listed
    assert main(["revert", "1", "--db", str(empty_db)]) == 0
    capsys.readouterr()
    assert list(_amounts(empty_db)) == ["苏州纳米材料项目"]


def test_a_sheet_imported_alone_makes_the_whole_workbook_already_imported(
        empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(empty_db, capsys, "sheets_one_import.xlsx", "--sheet", "南京市")[0] == 0
    code, out = _run(empty_db, capsys, "sheets_one_import.xlsx")
    assert code == 1 and out["error"] == "already_imported", out


def test_a_bad_row_on_one_sheet_refuses_the_workbook_naming_its_sheet(
        empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = file_fingerprint(empty_db)
    code, out = _run(empty_db, capsys, "sheets_bad_row.xlsx")
    assert code == 1 and out["error"] == "has_errors" and out["rows_imported"] == 0, out
    assert [(e["sheet"], e["row"], e["column"], e["code"]) for e in out["errors"]] == [
        ("杭州市", 3, "总投资（亿元）", "amount_grouping")]
    assert [s["rows_rejected"] for s in out["sheet_rows"]] == [0, 1, 0]
    assert file_fingerprint(empty_db) == before
    code, out = _run(empty_db, capsys, "sheets_bad_row.xlsx", "--skip-invalid")
    assert code == 0 and out["rows_imported"] == 4 and out["rows_rejected"] == 1, out
    assert out["errors"][0]["sheet"] == "杭州市" and out["errors"][0]["row"] == 3
    assert _amounts(empty_db) == CITIES


@pytest.mark.parametrize(("lang", "words"), [("zh", "工作表“杭州市” 第 3 行  [总投资（亿元）]"),
                                             ("en", 'sheet "杭州市" row 3  [总投资（亿元）]')])
def test_the_text_report_names_the_sheet(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                         words: str) -> None:
    code = main(["import", str(CORPUS / "sheets_bad_row.xlsx"), "--db", str(empty_db), "--dry-run", "--lang", lang])
    out = capsys.readouterr().out
    assert code == 1 and words in out, out
    assert ("工作表“杭州市”：表头在第 1 行，读到 2 行，未通过 1 行" if lang == "zh"
            else 'sheet "杭州市": header on row 1, 2 rows read, 1 rejected') in out


def test_the_same_project_on_two_sheets_is_an_error_naming_both(empty_db: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    for lang, words in (("zh", "与工作表“南京市”第 2 行重复"), ("en", 'Duplicates row 2 of sheet "南京市"')):
        code, out = _run(empty_db, capsys, "sheets_duplicate.xlsx", "--dry-run", "--lang", lang)
        assert code == 1 and [(e["sheet"], e["row"], e["code"]) for e in out["errors"]] == [
            ("合肥市", 3, "duplicate_in_sheets")], out
        assert words in out["errors"][0]["message"]


def test_one_sheet_left_reads_as_a_file_of_one_sheet(empty_db: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """Two tables of different layouts: the first is read as before (its rows keep their numbers, no
    sheet on its problems), and the other is said."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "清单"
    book.active.append(["项目名称", "建设地点", "总投资（万元）"])
    book.active.append(["南京集成电路封装项目", "江苏省南京市", "abc"])
    other = book.create_sheet("进度")
    other.append(["项目名称", "开工时间", "完成投资"])
    other.append(["南京集成电路封装项目", "2024", "100"])
    book.save(tmp_path / "two.xlsx")
    code, out = run_json(capsys, "import", str(tmp_path / "two.xlsx"), "--db", str(empty_db), "--json", "--dry-run")
    assert out["sheet"] == "清单" and out["sheets_read"] == [] and out["sheet_rows"] == [], out
    assert [(e["sheet"], e["row"]) for e in out["errors"]] == [(None, 2)]
    assert [(w["sheet"], w["code"]) for w in out["warnings"]] == [("进度", "sheet_left_out_layout")]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_upload_page_shows_each_sheet_and_names_it_in_every_problem(
        empty_db: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    """The dry run on the page: a table of the sheets read (rows read and rejected each), the sheet beside
    every problem and every row as read; choosing one sheet reads it alone."""
    from tests.apptest_helpers import html_frames, open_page

    sheet = {"zh": "工作表", "en": "Sheet"}[lang]
    at = open_page(empty_db, monkeypatch, "upload", lang=lang)
    at.file_uploader[0].set_value(("b.xlsx", (CORPUS / "sheets_bad_row.xlsx").read_bytes(),
                                   "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).run()
    assert not at.exception
    frames = [d.value for d in at.dataframe]
    [sheets] = [f for f in frames if "rows_rejected" in f.columns]
    assert sheets[["sheet", "rows_read", "rows_rejected"]].values.tolist() == [
        ["南京市", 2, 0], ["杭州市", 2, 1], ["合肥市", 1, 0]]
    [problems] = [d for d in html_frames(at) if sheet in d.columns and "1,2,3" in d.to_string()]
    errors = problems[problems.iloc[:, -1].astype(str).str.contains("1,2,3")]
    assert errors[[sheet, {"zh": "行号", "en": "Row"}[lang]]].values.tolist() == [["杭州市", "3"]]
    rows = next(f for f in frames if "__sheet__" in getattr(f, "columns", []))
    assert rows[["__sheet__", "row"]].values.tolist() == [["南京市", 2], ["南京市", 3], ["杭州市", 2],
                                                          ["杭州市", 3], ["合肥市", 2]]
    if lang == "en":  # (AppTest formats the page's other widgets outside the page, in zh, when one is set)
        return
    at.selectbox[0].set_value("杭州市").run()
    assert not at.exception
    assert not [d for d in at.dataframe if "rows_rejected" in d.value.columns]
