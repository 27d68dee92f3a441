"""Issue 12, round 12 of hostile and odd import inputs (s33-hostile12). Round 11's two classes left: a name
cell holding a place alone beside a place cell holding the project's name (refused as "a name that is only a
place"), and a table pasted one cell per line (refused whole); and what round 12's 80 new inputs found: an OA
export's hidden 总投资（亿元） column moved its unit onto the visible 总投资（万元） figures (10,000 times too
large), radicals from a PDF's text layer (⻓沙市: no city, unsaid; 项⽬名称: no header), cheque-style amounts
(人民币捌仟万元整: refused), a province followed by another province's city (浙江省 | 苏州市: the province
alone, "an old name or a typo?"), number formats that scale without naming a unit (#,##0,: the held figure,
1,000 times the one shown), a short UTF-8 file with one damaged character (refused as binary), fields set apart
by full-width commas ("no header"), and an autofilter's hidden rows (read, and said so). Corpus:
``tests/corpus/make_corpus.py``, ``write_hostile12``."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from importkit import (
    CORPUS,
    file_state,
    import_json,
    problem_codes,
    refused_file,
    refused_rows,
    stored_projects,
)

SUZHOU = ("320000", "320500", Decimal("150000.00"), 2024, 2026, "info_tech")
NANJING = ("320000", "320100", Decimal("80000.00"), 2024, 2027, "biotech")

# ---------------------------------------------------------------------------- part 1: round 11's two classes


@pytest.mark.parametrize(("lang", "said"), [("zh", ("只是一个地名", "填反了", "南京生物医药中心")),
                                            ("en", ("only a place", "each other's column", "南京生物医药中心"))])
def test_a_name_and_a_place_swapped_are_read_back(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                                  said: tuple[str, ...]) -> None:
    """江苏省南京市 under 项目名称 and 南京生物医药中心 under 建设地点: refused as "a name that is only a place" before;
    the swap is the one reading under which every typed cell fits, so it is read so, said by row."""
    code, out = import_json(empty_db, capsys, "name_is_place_swapped.csv", "--lang", lang)
    assert code == 0 and out["errors"] == [], out
    assert problem_codes(out["warnings"]) == [(3, "row_name_place_swapped"), (4, "row_name_place_swapped")]
    first = out["warnings"][0]
    assert first["column"] == "项目名称" and all(s in first["message"] for s in said)
    assert "江苏省南京市" in first["message"]
    assert stored_projects(empty_db) == {
        "苏州晶圆封装项目": SUZHOU, "南京生物医药中心": NANJING,
        "无锡储能项目": ("320000", "320200", Decimal("1000.00"), 2024, 2026, "new_energy")}


@pytest.mark.parametrize(("lang", "said"), [("zh", ("无法确定", "“项目名称”与“城市”互换", "“项目名称”与“区县”互换")),
                                            ("en", ("cannot be told", "项目名称 and 城市 swapped",
                                                    "项目名称 and 区县 swapped"))])
def test_a_name_swapped_with_one_of_two_named_places_is_refused(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                                lang: str, said: tuple[str, ...]) -> None:
    """南京市 under 项目名称, a name under both 城市 and 区县: which is the project's cannot be told; the row is refused
    once, naming both readings, the store as it was."""
    refused_rows(empty_db, capsys, "name_is_place_unclear.csv", [(3, "项目名称", "row_shifted_unclear")], *said,
                 lang=lang)


@pytest.mark.parametrize(("lang", "said"), [("zh", ("还原成表格", "2 个项目", "第 2 行")),
                                            ("en", ("rebuilt", "2 projects", "from line 2"))])
def test_one_cell_per_line_is_rebuilt_when_the_file_tells_the_width(empty_db: Path,
                                                                    capsys: pytest.CaptureFixture[str], lang: str,
                                                                    said: tuple[str, ...]) -> None:
    """A title, then 项目名称 / 建设地点 / 总投资（万元） / 建设起止年限 one per line and eight values: four recognised
    labels give the width, the values are two whole rows and every rebuilt cell fits its column. Refused whole
    before; read, said, each project numbered by the line of its first cell."""
    code, out = import_json(empty_db, capsys, "one_cell_rebuilt.txt", "--lang", lang)
    assert code == 0 and out["errors"] == [], out
    assert problem_codes(out["warnings"]) == [(None, "one_cell_per_line_rebuilt")]
    assert all(s in out["warnings"][0]["message"] for s in said), out["warnings"][0]
    assert stored_projects(empty_db) == {"苏州晶圆封装项目": SUZHOU, "南京生物医药中心": NANJING}


@pytest.mark.parametrize(("name", "error", "zh", "en"), [
    ("one_cell_uneven.txt", "one_cell_per_line_uneven", ("7 个值", "多出 3 个"), ("7 values", "3 over")),
    ("one_cell_misfit.txt", "one_cell_per_line_misfit", ("第 5 行", "“建设地点”列是“150000”"),
     ("from line 5", '"150000" under "建设地点"')),
    ("one_cell_blank.txt", "one_cell_per_line_blank", ("第 9 行是空行",), ("line 9 is blank",))])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_one_cell_per_line_is_refused_saying_why_when_the_width_is_not_certain(
        empty_db: Path, capsys: pytest.CaptureFixture[str], name: str, error: str, zh: tuple[str, ...],
        en: tuple[str, ...], lang: str) -> None:
    """A value missing (seven values under four headers), two values in each other's place (the amount under 建设
    地点 once rebuilt), a blank line among the values (an empty cell or a gap?): refused, saying which, the line
    and the column; the store as it was."""
    out = refused_file(empty_db, capsys, name, error, *(zh if lang == "zh" else en), lang=lang)
    assert "建设起止年限" in out["message"]
    assert not any(w["code"] == "one_cell_per_line_rebuilt" for w in out.get("warnings", []))


# ---------------------------------------------------------------------------- part 2: round 12's classes


@pytest.mark.parametrize(("lang", "said"), [("zh", ("“总投资（亿元）”", "“总投资（万元）”", "按它自己表头的单位")),
                                            ("en", ('"总投资（亿元）"', '"总投资（万元）"',
                                                    "in the unit its own header"))])
def test_a_hidden_twin_column_keeps_its_unit_to_itself(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                       lang: str, said: tuple[str, ...]) -> None:
    """总投资（亿元） hidden beside 总投资（万元） shown: the visible 万元 figures were read in 亿元 (8 stored as
    80,000万元, 150000 refused as too large) and the message said both were headed 总投资（万元）."""
    code, out = import_json(empty_db, capsys, "hidden_twin_units.xlsx", "--lang", lang)
    assert code == 0 and out["errors"] == [], out
    assert problem_codes(out["warnings"]) == [(None, "column_hidden_twin")]
    assert all(s in out["warnings"][0]["message"] for s in said)
    stored = stored_projects(empty_db)
    assert stored["苏州晶圆封装项目"][2] == Decimal("150000.00") and stored["南京生物医药中心"][2] == Decimal("8.00")


def test_radicals_from_a_pdf_are_read_as_the_characters(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """⻓沙⾼新区 (CJK radicals supplement ⻓, Kangxi radical ⾼) and a header 项⽬名称: the city was lost unsaid and
    the name stored with the radicals (another project than 长沙…); the header was none. Read as the characters, said
    by cell."""
    code, out = import_json(empty_db, capsys, "pdf_radicals.csv")
    assert code == 0 and out["errors"] == [], out
    assert out["mapping"]["项⽬名称"] == "name"
    assert problem_codes(out["warnings"]) == [(2, "text_composed"), (2, "text_composed"), (3, "text_composed")]
    assert "长沙高新区智能制造项目" in out["warnings"][0]["message"]
    assert stored_projects(empty_db) == {
        "长沙高新区智能制造项目": ("430000", "430100", Decimal("150000.00"), 2024, 2026, None),
        "门窗生产线项目": ("320000", "320100", Decimal("80000.00"), 2024, 2027, None)}


def test_cheque_style_amounts_are_read(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """人民币捌仟万元整 was "not an amount" (叁亿伍仟万元 was read); 人民币：8000万元 and 1500万元整 too."""
    code, out = import_json(empty_db, capsys, "amount_cheque_words.csv")
    assert code == 0 and out["errors"] == [], out
    assert problem_codes(out["warnings"]) == [(2, "amount_words")]
    assert {k: v[2] for k, v in stored_projects(empty_db).items()} == {
        "苏州晶圆封装项目": Decimal("8000.00"), "南京生物医药中心": Decimal("8000.00"),
        "无锡储能项目": Decimal("1500.00")}


@pytest.mark.parametrize(("lang", "said"), [("zh", ("浙江省", "苏州市", "江苏省的城市", "此行不导入")),
                                            ("en", ("浙江省", "苏州市", "a city of 江苏省", "not imported"))])
def test_a_province_and_another_provinces_city_are_refused(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                           lang: str, said: tuple[str, ...]) -> None:
    """浙江省 | 苏州市: stored in 浙江 with no city, said as "the city is not known (an old name or a
    typo?)"; 浙江苏州 in one cell stored so unsaid. One of the two is wrong: refused by row, naming both; a
    street named after a city (浙江省南京路) is no clash."""
    refused_rows(empty_db, capsys, "province_city_clash.csv", [(2, "城市", "place_province_city_clash")], *said,
                 lang=lang)
    refused_rows(empty_db, capsys, "province_city_clash_cell.csv", [(2, "建设地点", "place_province_city_clash")],
                 "浙江苏州", said[0], lang=lang)
    code, _out = import_json(empty_db, capsys, "province_city_clash_cell.csv", "--skip-invalid")
    assert code == 0
    assert {k: v[:2] for k, v in stored_projects(empty_db).items()} == {
        "杭州储能项目": ("330000", None), "南京生物医药中心": ("320000", "320100")}


def test_number_formats_scaling_without_a_unit_read_the_shown_figure(empty_db: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """150,000,000 shown 150,000 by #,##0, and 800,000,000 shown 80000.0000 by 0!.0000 under 总投资（万元）: the held
    figures were stored (1,000 and 10,000 times the shown ones; refused only past 1万亿)."""
    code, out = import_json(empty_db, capsys, "format_scaled_no_unit.xlsx")
    assert code == 0 and out["errors"] == [], out
    assert {k: v[2] for k, v in stored_projects(empty_db).items()} == {
        "苏州晶圆封装项目": Decimal("150000.00"), "南京生物医药中心": Decimal("80000.00"),
        "无锡储能项目": Decimal("1000.00")}


def test_one_damaged_character_in_a_short_utf8_file(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A UTF-16 surrogate written as three UTF-8 bytes (ED B3 BF) in a two-row file: "not a text table"; read, the
    bytes replaced and said with their line."""
    code, out = import_json(empty_db, capsys, "utf8_surrogate_bytes.csv")
    assert code == 0, out
    assert (None, "bytes_replaced") in problem_codes(out["warnings"])
    assert "第 3 行" in next(w["message"] for w in out["warnings"] if w["code"] == "bytes_replaced")
    assert stored_projects(empty_db)["苏州晶圆封装项目"] == SUZHOU


@pytest.mark.parametrize(("lang", "said"), [("zh", "中文逗号"), ("en", "full-width commas")])
def test_full_width_commas_between_fields(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                          said: str) -> None:
    """项目名称，建设地点，总投资（万元），… with full-width digits: "no header found"; read split at the ，, said."""
    code, out = import_json(empty_db, capsys, "wide_commas.csv", "--lang", lang)
    assert code == 0 and out["errors"] == [], out
    assert problem_codes(out["warnings"]) == [(None, "columns_by_wide_commas")]
    assert said in out["warnings"][0]["message"]
    assert stored_projects(empty_db) == {"苏州晶圆封装项目": SUZHOU, "南京生物医药中心": NANJING}


@pytest.mark.parametrize(("lang", "said"), [("zh", ("第 3、4 行", "被筛选隐藏", "已和其他行一样读取")),
                                            ("en", ("Rows 3", "by a filter", "were read like the other rows"))])
def test_rows_an_autofilter_hides_are_imported_and_said(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                        lang: str, said: tuple[str, ...]) -> None:
    """A sheet filtered to 江苏省苏州市: the rows the filter hides are imported like the others, and the report says
    which rows were hidden (a steward who filtered to check one city sends the whole list)."""
    code, out = import_json(empty_db, capsys, "autofilter_hidden.xlsx", "--lang", lang)
    assert code == 0 and problem_codes(out["warnings"]) == [(3, "rows_hidden")], out
    assert all(s in out["warnings"][0]["message"] for s in said)
    assert len(stored_projects(empty_db)) == 3


def test_refusals_leave_the_store_as_it_was(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import_json(empty_db, capsys, "name_is_place_swapped.csv")
    before = file_state(empty_db)
    for name in ("name_is_place_unclear.csv", "one_cell_uneven.txt", "one_cell_misfit.txt", "one_cell_blank.txt",
                 "province_city_clash.csv", "province_city_clash_cell.csv"):
        code, _out = import_json(empty_db, capsys, name)
        assert code != 0 and file_state(empty_db) == before, name
    assert (CORPUS / "one_cell_rebuilt.txt").exists()
