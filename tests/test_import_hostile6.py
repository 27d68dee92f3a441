"""Issue 12, sixth hostile round (s26-hostile6): classes the corpus had not reached, and round 5's leftovers.
A bond disclosure's project listed once per bond issue was refused as duplicates; a stored name in full-width
letters was a new project against the file's half-width one; Excel's error values (#REF!, #N/A) and logical
values (TRUE) were "not an amount" or stored as a project's name; 全省 / 省本级 / 跨市 and 贵安新区 were unknown
places; rows out of order, a negative shared-string index and a sheet listed without its part were read
silently wrong or as "empty"; a few control characters in a short file's header made it "not a text table".
Corpus: ``tests/corpus/make_corpus.py``, ``write_hostile6``."""

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
    stored_projects,
)


def test_a_project_listed_once_per_bond_issue_is_imported_once(empty_db: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """A 专项债券 disclosure lists 城东产业园 three times, once per bond issue (债券名称 and 发行金额 differ, its place
    and 项目总投资 do not): refused as duplicates. Now one project with its total investment (not three times
    it, nor the bonds' sum), the repeats said as such."""
    code, out = import_json(empty_db, capsys, "bond_per_bond.csv")
    assert code == 0 and out["errors"] == [], out
    # (债券发行金额 is a bond issue's amount, no field's: said since round 13)
    assert problem_codes(out["warnings"]) == [(None, "column_bond_issue_amount"), (3, "row_repeats_project"),
                                              (4, "row_repeats_project")]
    assert "第 2 行" in out["warnings"][1]["message"]
    assert out["rows_read"] == 4 and out["rows_imported"] == 2
    assert {k: v[2] for k, v in stored_projects(empty_db).items()} == {
        "城东产业园基础设施项目": Decimal("125000.00"), "城南污水处理厂扩建工程": Decimal("38000.00")}


def test_the_same_name_with_another_amount_is_still_a_duplicate(empty_db: Path, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """Only a row repeating every value read is the same project again; another total is a conflict."""
    path = tmp_path / "dup.csv"
    path.write_text("项目名称,建设地点,总投资（万元）,债券名称\n甲项目,江苏省南京市,1000,一期\n甲项目,江苏省南京市,1200,二期\n",
                    encoding="utf-8")
    before = file_fingerprint(empty_db)
    code, out = import_json(empty_db, capsys, path)
    assert code == 1 and problem_codes(out["errors"]) == [(3, "duplicate_in_file")], out
    assert file_fingerprint(empty_db) == before


@pytest.mark.parametrize(("first", "second"), [("width_store_wide.csv", "width_store_narrow.csv"),
                                               ("width_store_narrow.csv", "width_store_wide.csv")])
def test_full_width_and_half_width_names_are_one_project_against_the_store(
        empty_db: Path, capsys: pytest.CaptureFixture[str], first: str, second: str) -> None:
    """苏州ＡＩ算力中心（一期） stored, 苏州AI算力中心(一期) imported (and the other way round): a second project
    was made. Now the stored one is updated."""
    assert import_json(empty_db, capsys, first)[0] == 0
    code, out = import_json(empty_db, capsys, second)
    assert code == 0 and out["duplicates_in_store"] == 1 and out["rows_updated"] == 1, out
    wide = second == "width_store_wide.csv"
    assert [v[2] for v in stored_projects(empty_db).values()] == [Decimal("1000.00" if wide else "2000.00")]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_excel_error_and_logical_values_are_named_as_such(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                          lang: str) -> None:
    """A cached #REF! (a formula's) or #DIV/0! in an amount was "not an amount", #VALUE! in a place "not a
    place", #NAME? in a year a warning (the row stored without it), #N/A or FALSE as a name stored as the
    project's name, TRUE in an amount "True is not an amount". Each is now an error naming Excel's value,
    and no second message about the same cell."""
    out = refused_unchanged(empty_db, capsys, CORPUS / "excel_error_cells.xlsx", "--lang", lang)
    assert problem_codes(out["errors"]) == [
        (2, "cell_excel_error"), (3, "cell_excel_error"), (4, "cell_excel_error"), (5, "cell_excel_error"),
        (6, "cell_excel_error"), (6, "cell_excel_error"), (7, "cell_logical"), (8, "cell_logical")], out
    assert [e["value"] for e in out["errors"]] == ["#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NAME?", "#NUM!",
                                                   "TRUE", "FALSE"]
    assert out["warnings"] == []
    assert all("Excel" in e["message"] for e in out["errors"])
    code, out = import_json(empty_db, capsys, "excel_error_cells.xlsx", "--skip-invalid")
    assert code == 0, out
    assert {k: v[2] for k, v in stored_projects(empty_db).items()} == {"镇江庚项目": Decimal("3000.00")}


def test_excel_error_values_in_a_text_file_and_an_absurd_amount(empty_db: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    """#N/A, #REF!, #VALUE! copied into a CSV are Excel's error values there too; 1.8e308 万元 was said as a
    309-digit figure in the message."""
    out = refused_unchanged(empty_db, capsys, CORPUS / "excel_errors_text.csv", "--lang", "en")
    assert problem_codes(out["errors"]) == [(2, "cell_excel_error"), (3, "cell_excel_error"),
                                            (4, "cell_excel_error"), (5, "amount_too_large")], out
    assert "1.80e+303" in out["errors"][3]["message"] and len(out["errors"][3]["message"]) < 200


def test_province_wide_places_and_a_new_area_across_cities(empty_db: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """全省 / 省本级 / 跨市 (a provincial list's projects in no one city) and 贵安新区 (Guizhou's state-level new
    area, across Guiyang and Anshun) were unknown places, the file refused. Now the province with no city
    (the store and its pages take that: counted in the province, in no city), the words said per row."""
    code, out = import_json(empty_db, capsys, "province_wide.csv")
    assert code == 0 and out["errors"] == [], out
    assert problem_codes(out["warnings"]) == [(3, "place_province_wide"), (4, "place_province_wide"),
                                              (5, "place_province_wide"), (6, "place_zone")]  # 贵安新区 (s29-zones9)
    assert "贵州省" in out["warnings"][0]["message"]
    assert {k: v[:2] for k, v in stored_projects(empty_db).items()} == {
        "全省高速公路服务区充电设施项目": ("520000", None), "省级大数据灾备中心项目": ("520000", None),
        "黔中城际铁路前期工程": ("520000", None), "贵安数据中心集群项目": ("520000", None),
        "贵阳市轨道交通3号线": ("520000", "520100")}


def test_a_province_wide_word_without_a_province_stays_unknown(empty_db: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """全省 in a list of several provinces' places, with no title: which province is not known; refused, saying
    so (s29-zones9: it was "an unknown place")."""
    path = tmp_path / "mixed.csv"
    path.write_text("项目名称,建设地点,总投资（万元）\n甲项目,全省,1000\n乙项目,南京市,1000\n丙项目,杭州市,1000\n",
                    encoding="utf-8")
    code, out = import_json(empty_db, capsys, path, "--dry-run")
    assert problem_codes(out["errors"]) == [(2, "place_province_wide_unknown")], out


def test_a_few_control_characters_in_a_short_files_header(empty_db: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """Three control characters (a terminal colour code, a bell) in a 200-character file's header: "not a
    text table". They are stripped and the rows read."""
    code, out = import_json(empty_db, capsys, "control_header.csv")
    assert code == 0 and out["rows_imported"] == 2, out
    assert out["mapping"]["总投资（万元）"] == "total_investment"


@pytest.mark.parametrize(("name", "error"), [("rows_disordered.xlsx", "sheet_rows_disordered"),
                                             ("shared_string_negative.xlsx", "sheet_damaged"),
                                             ("sheet_part_missing.xlsx", "sheet_damaged")])
def test_workbooks_read_silently_wrong_are_refused(empty_db: Path, capsys: pytest.CaptureFixture[str], name: str,
                                                   error: str) -> None:
    """Rows out of order (one of three kept), a shared string at index -1 (the workbook's last string, a
    place, stored as a name), the only sheet listed without its part ("the file is empty")."""
    out = refused_unchanged(empty_db, capsys, CORPUS / name)
    assert out["error"] == error and "项目" in out["message"], out


def test_a_sheet_listed_without_its_part_beside_a_whole_one_is_said(empty_db: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    code, out = import_json(empty_db, capsys, "sheet_part_missing_second.xlsx")
    assert code == 0 and out["rows_imported"] == 1, out
    assert [(w["code"], "续建项目" in w["message"]) for w in out["warnings"]] == [("sheet_part_missing", True)]


def test_the_uploader_takes_7z_and_rar_so_the_importer_can_name_them(empty_db: Path, tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """The uploader refused .7z / .rar by its own message before the importer could say "unpack it first"."""
    from dashboard.views import upload

    assert {"7z", "rar"} <= set(upload.ACCEPTED)
    for suffix, magic in ((".7z", b"7z\xbc\xaf\x27\x1c"), (".rar", b"Rar!\x1a\x07\x01\x00")):
        path = tmp_path / f"list{suffix}"
        path.write_bytes(magic + b"\0" * 64)
        code, out = import_json(empty_db, capsys, path, "--dry-run")
        assert code == 1 and out["error"] == "format_archive", out


@pytest.mark.parametrize(("file_name", "data", "said"), [
    ("债券.csv", (CORPUS / "bond_per_bond.csv").read_bytes(), "只导入一次"),
    ("错误值.xlsx", (CORPUS / "excel_error_cells.xlsx").read_bytes(), "Excel 的错误值"),
    ("全省.csv", (CORPUS / "province_wide.csv").read_bytes(), "所在城市留空"),
    ("清单.7z", b"7z\xbc\xaf\x27\x1c" + b"\0" * 64, "请先解压"),
    ("清单.rar", b"Rar!\x1a\x07\x01\x00" + b"\0" * 64, "请先解压"),
])
def test_the_upload_page_says_what_the_importer_found(empty_db: Path, monkeypatch: pytest.MonkeyPatch,
                                                      file_name: str, data: bytes, said: str) -> None:
    """The upload page, not only the command line: each file's message shown, no exception."""
    from tests.apptest_helpers import upload_says

    shown = upload_says(empty_db, monkeypatch, file_name, data)
    assert any(said in s for s in shown), shown


def test_a_one_line_file_of_megabytes_is_refused_in_seconds(empty_db: Path, tmp_path: Path) -> None:
    """A header followed by a 5 MB cell on the same line: the header rules' and unit patterns ran over it for
    every candidate (a 2 MB cell took 34 CPU-s to preview, 50 MB over 300 s). A cell longer than any header
    names no field, unit or currency; the file is refused as having no rows."""
    import time

    from dashboard import store
    from dashboard.ingest import preview

    path = tmp_path / "line.csv"
    path.write_text("项目名称,建设地点,总投资（万元）," + "x" * 5_000_000, encoding="utf-8")
    con = store.connect(empty_db, read_only=True)
    try:
        start = time.process_time()
        plan = preview(con, path)
        spent = time.process_time() - start
    finally:
        con.close()
    assert plan.refused is not None and plan.refused.code == "no_rows"
    assert spent < 20, spent
