"""The second hostile corpus (round 2, after the speed passes): one file per class an outside corpus
found (``tests/corpus/make_corpus.py``, ``write_hostile2``), each imported through the command line
with ``--json`` and its exact outcome stated: exit status, problem codes with rows, stored values."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from importkit import CORPUS, file_fingerprint, problem_codes, run_json, stored_projects

from dashboard import store


def imported(db: Path, capsys: pytest.CaptureFixture[str], name: str, *extra: str) -> dict:
    code, out = run_json(capsys, "import", str(CORPUS / name), "--db", str(db), "--json", *extra)
    assert code == 0, out
    return out


def test_pipe_separated_text(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    imported(empty_db, capsys, "pipe_separated.csv")
    assert {k: v[2] for k, v in stored_projects(empty_db).items()} == {"南京集成电路设计中心": Decimal("1000.00"),
                                                               "苏州生物医药产业园": Decimal("2000.00")}


def test_legacy_error_and_boolean_cells_are_no_amounts(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """xlrd hands #DIV/0!, #REF! and TRUE over as 7, 23 and 1: they were stored as 7, 23 and 1 亿元."""
    before = file_fingerprint(empty_db)
    code, out = run_json(capsys, "import", str(CORPUS / "legacy_error_cells.xls"), "--db", str(empty_db), "--json")
    assert code == 1 and out["error"] == "has_errors"
    # Since round 6 each is named as what it is (Excel's error value, a logical value), not "not an amount".
    assert problem_codes(out["errors"]) == [(3, "cell_excel_error"), (4, "cell_excel_error"), (5, "cell_logical")]
    assert [e["value"] for e in out["errors"]] == ["#DIV/0!", "#REF!", "TRUE"]
    assert all(e["column"] == "总投资（亿元）" for e in out["errors"])
    assert file_fingerprint(empty_db) == before


def test_hidden_sheet_is_not_chosen(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = imported(empty_db, capsys, "hidden_sheet.xlsx")
    assert out["sheet"] == "清单" and "sheet_hidden_skipped" in [w["code"] for w in out["warnings"]]
    assert list(stored_projects(empty_db)) == ["南京集成电路设计中心"]
    # Asked for by name, the hidden sheet is read (and nothing more said about it).
    code, out = run_json(capsys, "import", str(CORPUS / "hidden_sheet.xlsx"), "--db", str(empty_db), "--json",
                         "--dry-run", "--sheet", "旧版")
    assert code == 0 and out["rows_read"] == 1 and out["sheet"] == "旧版"


@pytest.mark.parametrize("file", ["merged_body.xlsx", "merged_body.xls"])
def test_cells_merged_down_the_body(empty_db: Path, capsys: pytest.CaptureFixture[str], file: str) -> None:
    """Place and period merged over three rows belong to all three, in either workbook format (in the
    xlsx, a million-row merge costs nothing)."""
    imported(empty_db, capsys, file)
    got = stored_projects(empty_db)
    assert {k: (v[0], v[1], v[3], v[4]) for k, v in got.items()} == {
        name: ("320000", "320600", 2024, 2026) for name in ("合并甲项目", "合并乙项目", "合并丙项目")}


def test_formula_without_saved_result_is_named(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = imported(empty_db, capsys, "formulas_unsaved.xlsx", "--dry-run")
    [w] = [w for w in out["warnings"] if w["code"] == "formula_no_value"]
    assert (w["row"], w["column"]) == (2, "总投资（万元）") and "E2" in w["message"]


def test_infinite_amounts_are_unparsable(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_json(capsys, "import", str(CORPUS / "infinite_amounts.csv"), "--db", str(empty_db), "--json",
                         "--skip-invalid")
    assert code == 0 and problem_codes(out["errors"]) == [(2, "amount_unparsable"), (3, "amount_unparsable")]
    assert {k: v[2] for k, v in stored_projects(empty_db).items()} == {"正常项目": Decimal("8000.00")}


@pytest.mark.parametrize("name,encoding", [("utf16le_no_bom.csv", "utf-16-le"), ("utf16be_no_bom.csv", "utf-16-be")])
def test_utf16_without_bom(empty_db: Path, name: str, encoding: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = imported(empty_db, capsys, name)
    assert out["encoding"] == encoding and out["rows_imported"] == 3
    assert stored_projects(empty_db)["无锡物联网感知产业基地项目"][:3] == ("320000", "320200", Decimal("3000.00"))


def test_utf8_with_a_damaged_byte_is_read_and_said(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = imported(empty_db, capsys, "utf8_damaged.csv", "--dry-run")
    assert out["encoding"] == "utf-8" and out["rows_read"] == 2
    [w] = [w for w in out["warnings"] if w["code"] == "bytes_replaced"]
    assert "第 3 行" in w["message"]


def test_invisible_characters_are_stripped(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A right-to-left override shows a name backwards; zero-width characters split duplicates; in a
    header they hid the name column."""
    out = imported(empty_db, capsys, "invisible_chars.csv")
    assert out["mapping"] == {"项目名称": "name", "建设地点": "place", "总投资（万元）": "total_investment"}
    # the header's are said too, by row (round 7)
    assert problem_codes(out["warnings"]) == [(1, "header_control_stripped"), (2, "control_stripped"),
                                              (3, "control_stripped"), (4, "control_stripped")]
    assert list(stored_projects(empty_db)) == ["目项站电能储", "零宽连接项目", "方向标记项目"]


def test_county_short_names_and_unknown_cities(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = imported(empty_db, capsys, "county_old_names.csv")
    # 襄樊市 and 莱芜市 are former names, read as 襄阳市 and 济南市 since round 8 (data/region_former_names.csv)
    assert problem_codes(out["warnings"]) == [(4, "place_former_name"), (5, "place_former_name")]
    got = {k: v[:2] for k, v in stored_projects(empty_db).items()}
    assert got == {"义乌物流智慧项目": ("330000", "330700"), "浙江长兴储能项目": ("330000", "330500"),
                   "襄樊旧名项目": ("420000", "420600"), "莱芜旧名项目": ("370000", "370100")}


def test_compound_amounts_and_plan_periods(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    imported(empty_db, capsys, "plan_years_amounts.csv")
    assert {k: (v[2], v[3], v[4]) for k, v in stored_projects(empty_db).items()} == {
        "亿加万项目": (Decimal("12000.00"), 2021, 2025),      # 1亿2000万, 十四五期间
        "亿零万项目": (Decimal("30500.00"), 2024, 2026),      # 3亿零500万元, 2024-2026年 in the start column
    }


def test_html_table_saved_as_xls(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = imported(empty_db, capsys, "html_export.xls")
    assert out["encoding"] == "gbk" and "html_workbook" in [w["code"] for w in out["warnings"]]
    got = stored_projects(empty_db)
    assert {k: (v[0], v[2], v[3], v[4]) for k, v in got.items()} == {
        "南京集成电路设计中心": ("320000", Decimal("1000.00"), 2024, 2026),
        "南京生物医药产业园": ("320000", Decimal("2000.00"), 2024, 2026),   # place and period spanned down
        "苏州&无锡联合 储能项目": ("320000", Decimal("3000.00"), 2025, 2027),
    }


def test_a_workbook_suffix_on_anything_else_is_still_refused(empty_db: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """Text that is no table, named .xls, is refused as no workbook. (A comma- or tab-separated table named
    .xls is read as the text table it is since round 7: tests/test_import_hostile7.py.)"""
    fake = tmp_path / "notes.xls"
    fake.write_text("会议纪要\n这是一份会议纪要，没有表格。\n", encoding="utf-8")
    code, out = run_json(capsys, "import", str(fake), "--db", str(empty_db), "--json")
    assert code == 1 and out["error"] == "not_a_workbook"


def test_very_wide_sheet(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """2,000 extra columns: mapped as usual, each kept as an extra value with its row (its CPU cost is
    measured outside the tests: 3,000 columns took 19 CPU-s to preview, now 2)."""
    out = imported(empty_db, capsys, "very_wide.xlsx")
    assert out["mapping"] == {"项目名称": "name", "建设地点": "place", "总投资（万元）": "total_investment"}
    assert len(out["unmapped"]) == 2000 and out["rows_imported"] == 2
    con = store.connect(empty_db, read_only=True)
    try:
        extras = con.execute("SELECT count(*), count(*) FILTER (WHERE value = '末列') FROM batch_extra_values"
                             ).fetchone()
    finally:
        con.close()
    assert extras == (2001, 1)


def test_inflated_spans_in_an_html_table_are_refused_as_read(empty_db: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    """colspan/rowspan multiply: a 10 KB page must not become hundreds of millions of cells (it filled the
    memory); past Excel's width or ten million cells the file is refused with a clear message, both languages."""
    before = file_fingerprint(empty_db)
    for lang in ("zh", "en"):
        code, out = run_json(capsys, "import", str(CORPUS / "html_span_bomb.xls"), "--db", str(empty_db), "--json",
                             "--lang", lang)
        assert code != 0 and out["error"] == "html_too_large", out
        assert ("16,384" in out["message"]) and ("10,000,000" in out["message"])  # both counts with separators
    assert file_fingerprint(empty_db) == before


def test_a_cell_far_to_the_right_is_refused_not_padded_out(empty_db: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """One header cell in column XFD over 1,000 rows would make 16 million cells (it took 47 CPU-s and
    1 GB at 2,000 rows): refused with the sheet's size, the store unchanged."""
    before = file_fingerprint(empty_db)
    code, out = run_json(capsys, "import", str(CORPUS / "far_right_cell.xlsx"), "--db", str(empty_db), "--json",
                         "--lang", "en")
    assert code != 0 and out["error"] == "sheet_too_large", out
    assert "1,001 rows × 16,384 columns" in out["message"]
    assert file_fingerprint(empty_db) == before
