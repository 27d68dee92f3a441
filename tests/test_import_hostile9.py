"""Issue 12, ninth hostile round (s29-hostile9): classes the corpus had not reached.
Found and fixed: a text-direction override in an amount or a place (\\u202e0001 shows 1000, stored 1万元); forms that
read alike but differ (a CJK compatibility ideograph, a decomposed accent, a tag character) made twin projects; a
list's numbers and bullets (1. （二） ★) and a hand line break (read as a space) were stored in names; a name of
emoji only was stored; 1.5个亿 was "not an amount"; DOS's Ctrl-Z after the last line refused the file; the header
repeated in English under the Chinese one refused the file; a repeated header over a hidden column and a visible
one read the hidden figure; NBS 2018 sector codes (1.1.1) were unknown; a CSV row of 200,000 cells took 30 CPU-s
and 1.7 GB before it was refused. Corpus: ``tests/corpus/make_corpus.py``, ``write_hostile9``."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from importkit import (
    import_json,
    problem_codes,
    refused_file,
    refused_rows,
    refused_unchanged,
    stored_projects,
    upload_shows,
)


@pytest.mark.parametrize(("lang", "said"), [("zh", "文字方向控制符"), ("en", "text-direction controls")])
def test_a_direction_override_in_a_value_cell_refuses_its_row(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                             lang: str, said: str) -> None:
    """\\u202e0001 shows 1000 and was stored as 1万元; 江苏省\\u202e市州扬 shows 江苏省扬州市 and lost its city;
    an isolate around a period likewise. Each row refused with its column and the controls made visible."""
    refused_rows(empty_db, capsys, "direction_override_values.csv", [
        (3, "建设地点", "cell_direction_override"), (4, "总投资（万元）", "cell_direction_override"),
        (5, "建设起止年限", "cell_direction_override")], said, "[U+202E]0001", lang=lang, at=1)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_characters_that_read_alike_are_stored_in_one_form(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                          lang: str) -> None:
    """U+F9DC (a compatibility 隆) and Cafe + U+0301 are composed (NFC) and said by cell; an invisible tag
    character (U+E0041) is removed like the other invisible characters."""
    code, out = import_json(empty_db, capsys, "names_composed.csv", "--lang", lang)
    assert code == 0, out
    assert problem_codes(out["warnings"]) == [(2, "text_composed"), (3, "text_composed"), (4, "control_stripped")]
    assert list(stored_projects(empty_db)) == ["隆基光伏项目", "Café 苏州项目", "常州项目"]
    assert "隆基光伏项目" in out["warnings"][0]["message"]


def test_a_compatibility_ideograph_twin_is_the_same_project(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                           tmp_path: Path) -> None:
    path = tmp_path / "twins.csv"
    path.write_bytes((
        "项目名称,建设地点,总投资（万元）,建设起止年限\n\uf9dc基光伏项目,陕西省西安市,1000,2024-2026\n"
        "隆基光伏项目,陕西省西安市,2000,2024-2026\n").encode())
    out = refused_unchanged(empty_db, capsys, path)
    assert (3, "duplicate_in_file") in problem_codes(out["errors"]), out["errors"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_lists_numbering_before_a_name_is_left_out(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                    lang: str) -> None:
    """1. （二） 3、 ★ ④ before a name were stored in it; 2024年…, 1.5万吨… and 5G… begin names and stay."""
    code, out = import_json(empty_db, capsys, "numbered_names.csv", "--lang", lang)
    assert code == 0, out
    assert [r for r, c in problem_codes(out["warnings"]) if c == "name_numbered"] == [2, 3, 4, 5, 6]
    assert "苏州晶圆封装项目" in out["warnings"][0]["message"] and "1." in out["warnings"][0]["message"]
    assert list(stored_projects(empty_db)) == [
        "苏州晶圆封装项目", "南京生物医药中心", "无锡储能项目", "常州充电桩项目", "扬州新材料项目",
        "2024年泰州光伏项目", "1.5万吨镇江锂电材料项目", "5G宿迁基站项目"]


def test_a_hand_line_break_inside_a_name_is_no_space(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """苏州晶圆⏎封装项目 was stored as 苏州晶圆 封装项目; between Latin words the break stays a space."""
    code, out = import_json(empty_db, capsys, "name_line_break.csv")
    assert code == 0, out
    assert list(stored_projects(empty_db)) == ["苏州晶圆封装项目", "南京生物医药中心（一期）", "Wafer plant 无锡"]


@pytest.mark.parametrize(("lang", "said"), [("zh", "没有任何文字或数字"), ("en", "no letter, character or digit")])
def test_a_name_of_symbols_only_is_no_name(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                           said: str) -> None:
    out = refused_rows(empty_db, capsys, "symbol_names.csv", [(3, "name_no_words"), (4, "name_no_words")], said,
                       lang=lang)
    assert out["errors"][0]["column"] == "项目名称"


def test_an_amount_said_with_a_measure_word(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """1.5个亿 and 3个亿元 were "not an amount"; 一个亿 is read as Chinese numerals (said)."""
    code, out = import_json(empty_db, capsys, "measure_word_amounts.csv")
    assert code == 0 and out["errors"] == [], out
    assert [v[2] for v in stored_projects(empty_db).values()] == [
        Decimal("15000.00"), Decimal("10000.00"), Decimal("30000.00")]


def test_a_dos_end_of_file_mark(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A Ctrl-Z after the last line was a nameless project that refused the file."""
    code, out = import_json(empty_db, capsys, "ctrl_z_end.csv")
    assert code == 0 and out["rows_imported"] == 2 and out["errors"] == [], out


def test_the_header_again_in_another_language(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Project name | Location | … under 项目名称 | 建设地点 | …: read as a project ("Location" is no place)."""
    code, out = import_json(empty_db, capsys, "bilingual_header.csv")
    assert code == 0 and out["errors"] == [] and out["rows_imported"] == 1, out
    assert stored_projects(empty_db)["苏州晶圆封装项目"][2] == Decimal("150000.00")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_hidden_column_gives_way_to_its_visible_twin(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                      lang: str) -> None:
    """总投资 hidden (999, an old figure) beside 总投资 shown (150000): the hidden one was stored."""
    code, out = import_json(empty_db, capsys, "hidden_twin_column.xlsx", "--lang", lang)
    assert code == 0, out
    assert [w["code"] for w in out["warnings"] if w["code"].startswith("column_")] == ["column_hidden_twin"]
    assert stored_projects(empty_db)["苏州晶圆封装项目"][2] == Decimal("150000.00")


def test_a_hidden_amount_column_is_read_and_said(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = import_json(empty_db, capsys, "hidden_amount_column.xlsx")
    assert code == 0, out
    said = [w for w in out["warnings"] if w["code"] == "column_hidden_read"]
    assert len(said) == 1 and said[0]["column"] == "总投资（万元）", out["warnings"]
    assert stored_projects(empty_db)["苏州晶圆封装项目"][2] == Decimal("150000.00")


def test_nbs_2018_codes_in_the_sector_column(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """1.1.1 → new-generation IT, 3.1.2 先进钢铁材料 → new materials, 5.1 → NEV; a bare 4 and 9.9.9 (NBS group 9,
    related services: no sector of the guidance) stay unknown, said."""
    code, out = import_json(empty_db, capsys, "nbs_sector_codes.csv")
    assert code == 0, out
    assert [v[5] for v in stored_projects(empty_db).values()] == ["info_tech", "new_materials", "smart_nev", None, None]
    assert problem_codes(out["warnings"]) == [(5, "sector_unknown"), (6, "sector_unknown")]


def test_a_csv_row_too_wide_is_refused_before_it_is_read(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                        tmp_path: Path) -> None:
    """One row of 200,000 cells (400 KB): 30 CPU-s and 1.7 GB to read before it was refused. A row of trailing
    separators (an export's padding) is no wider than its last cell."""
    path = tmp_path / "wide.csv"
    path.write_bytes(("项目名称,建设地点,总投资（万元）\n苏州晶圆封装项目,江苏省苏州市,150000" + ",x" * 200_000
                      + "\n").encode())
    refused_file(empty_db, capsys, path, "table_too_wide", "200,003")
    padded = tmp_path / "padded.csv"
    padded.write_bytes(("项目名称,建设地点,总投资（万元）" + "," * 5000 + "\n苏州晶圆封装项目,江苏省苏州市,150000"
                        + "," * 5000 + "\n").encode())
    code, out = import_json(empty_db, capsys, padded)
    assert code == 0 and out["rows_imported"] == 1, out


@pytest.mark.parametrize(("lang", "said"), [("zh", "删除线"), ("en", "struck through")])
def test_a_struck_through_row_is_said(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                      said: str) -> None:
    """A row struck through (a withdrawn project) was imported unsaid; it is read, and said by its row."""
    code, out = import_json(empty_db, capsys, "struck_row.xlsx", "--lang", lang)
    assert code == 0 and out["rows_imported"] == 3, out
    assert problem_codes(out["warnings"]) == [(3, "rows_struck")] and said in out["warnings"][0]["message"]


@pytest.mark.parametrize(("file", "stored"), [
    ("rich_text_runs.xlsx", ("苏州晶圆封装项目", Decimal("150000.00"), 2024, 2026)),
    ("data_validation_list.xlsx", ("苏州晶圆封装项目", Decimal("150000.00"), None, None)),
    ("chartsheet_first.xlsx", ("苏州晶圆封装项目", Decimal("150000.00"), 2024, 2026)),
    ("dates_1904.xlsx", ("苏州晶圆封装项目", Decimal("150000.00"), 2024, 2026)),
    ("iso_date_cells.xlsx", ("苏州晶圆封装项目", Decimal("150000.00"), 2024, 2026)),
    ("cr_only.csv", ("苏州晶圆封装项目", Decimal("150000.00"), 2024, 2026)),
    ("tsv_quoted_tabs.tsv", ("苏州晶圆封装项目", Decimal("150000.00"), None, None)),
])
def test_read_right_already(empty_db: Path, capsys: pytest.CaptureFixture[str], file: str, stored: tuple) -> None:
    """The round's inputs that were read right from the start, kept so that they stay so: rich-text runs in a
    cell, a data-validation list, a chart sheet before the list, dates of the 1904 system, ISO date cells
    (t="d"), a GBK file with CR line ends only, a TSV with a tab inside quotes."""
    code, out = import_json(empty_db, capsys, file)
    assert code == 0 and out["errors"] == [], out
    name, total, start, end = stored
    assert stored_projects(empty_db)[name][2:5] == (total, start, end)


@pytest.mark.parametrize(("file_name", "corpus", "said"), [
    ("方向控制符.csv", "direction_override_values.csv", "文字方向控制符"),
    ("序号名称.csv", "numbered_names.csv", "序号或项目符号"),
    ("隐藏列.xlsx", "hidden_twin_column.xlsx", "隐藏"),
])
def test_the_upload_page_says_what_the_importer_found(empty_db: Path, monkeypatch: pytest.MonkeyPatch,
                                                      file_name: str, corpus: str, said: str) -> None:
    upload_shows(empty_db, monkeypatch, file_name, corpus, said)
