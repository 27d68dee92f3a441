"""Issue 12, round 13 of hostile and odd import inputs (s34-hostile13). Round 12's leftovers: a word struck through
inside a rich-text cell (stored with the struck word), one short name in two cities refused as a duplicate without
naming the places, an amount written as a sum (100000+50000: "not an amount"), a Mac OS Roman file (read as
Windows-1252 or -1250), a stray cell at XFD1 (the sheet refused as 16,384 columns wide), a bond issue's amount
(本次发行额: no field, unsaid) and 台湾's cities (台北市: "an old name or a typo?", 台南市 alone: unknown). And what
round 13's ~120 new inputs found: Excel's _xHHHH_ escapes in strings stored as written, "more than" after the unit
(15亿余元: "not an amount") and a figure per year under 总投资 (150000万元/年: "not an amount"). Corpus:
``tests/corpus/make_corpus.py``, ``write_hostile13``."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from importkit import import_json, problem_codes, refused_file, refused_rows, stored_projects, stored_rows

SUZHOU = ("320000", "320500", Decimal("150000.00"), 2024, 2026, "info_tech")
NANJING = ("320000", "320100", Decimal("80000.00"), 2024, 2027, "biotech")


def _imported(db: Path, capsys: pytest.CaptureFixture[str], name: str, lang: str = "zh") -> dict:
    code, out = import_json(db, capsys, name, "--lang", lang)
    assert code == 0 and out["errors"] == [], out
    return out


# ---------------------------------------------------------------------------- part 1: round 12's leftovers


@pytest.mark.parametrize(("lang", "said"), [("zh", ("删除线", "“苏州晶圆封装项目”")),
                                            ("en", ("struck through", '"苏州晶圆封装项目"'))])
def test_a_struck_run_inside_a_cell_is_dropped_and_said(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                        lang: str, said: tuple[str, ...]) -> None:
    """苏州晶圆~~旧~~封装项目 (one run struck): stored with 旧 before, unsaid; the struck run is dropped, said by
    cell."""
    out = _imported(empty_db, capsys, "struck_run_rich.xlsx", lang)
    assert problem_codes(out["warnings"]) == [(2, "cell_struck_text_dropped")]
    assert out["warnings"][0]["column"] == "项目名称" and all(s in out["warnings"][0]["message"] for s in said)
    assert stored_projects(empty_db) == {"苏州晶圆封装项目": SUZHOU, "南京生物医药中心": NANJING}


@pytest.mark.parametrize(("lang", "said"), [
    ("zh", ("与第 2 行重复", "地点不同", "“江苏省苏州市”", "“江苏省南京市”", "名称、省份和开工年份")),
    ("en", ("Duplicates row 2", "places differ", '"江苏省苏州市"', '"江苏省南京市"', "name, province and start year"))])
def test_one_name_in_two_cities_says_both_places(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                                 said: tuple[str, ...]) -> None:
    """光伏项目 in 苏州市 and in 南京市 (a list numbering each city's projects apart): still one project by the store's
    key (name, province, start year), so refused; the message now names both places and why."""
    refused_rows(empty_db, capsys, "same_name_two_cities.csv", [(3, "项目名称", "duplicate_in_file")], *said,
                 lang=lang)


@pytest.mark.parametrize(("lang", "sum_said", "refused_said"), [
    ("zh", ("相加", "150,000.00 万元"), ("算式", "80000/60000")),
    ("en", ("sum written out", "150,000.00"), ("arithmetic expression", "80000/60000"))])
def test_an_amount_written_as_arithmetic_is_said_as_such(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                         lang: str, sum_said: tuple[str, ...],
                                                         refused_said: tuple[str, ...]) -> None:
    """100000+50000 was "not a recognisable amount": a sum is read as its total, said; a quotient is refused as an
    expression (row, column, reason), the store as it was."""
    out = refused_rows(empty_db, capsys, "amount_expressions.csv", [(3, "总投资（万元）", "amount_expression")],
                       *refused_said, lang=lang)
    assert problem_codes(out["warnings"]) == [(2, "amount_expression_sum"), (4, "amount_expression_sum")]
    assert all(s in out["warnings"][0]["message"] for s in sum_said), out["warnings"][0]
    code, out = import_json(empty_db, capsys, "amount_expressions.csv", "--skip-invalid")
    assert code == 0
    assert {k: v[2] for k, v in stored_projects(empty_db).items()} == {
        "苏州晶圆封装项目": Decimal("150000.00"), "无锡储能项目": Decimal("1000.00")}


def test_a_mac_roman_file_is_read_as_mac_roman(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Café as byte 8E: stored as CafŽ (Windows-1252) or read as Windows-1250; now Mac OS Roman, named."""
    out = _imported(empty_db, capsys, "mac_roman.csv", "en")
    assert problem_codes(out["warnings"]) == [(None, "encoding_guessed")]
    assert "Mac OS Roman" in out["warnings"][0]["message"]
    assert list(stored_projects(empty_db)) == ["Café Solar Plant", "Naïve Biotech – Centre"]


@pytest.mark.parametrize(("lang", "said"), [("zh", ("D 列", "XFD1“注：单位万元”", "未读取")),
                                            ("en", ("column D", 'XFD1 ("注：单位万元")', "not read"))])
def test_a_stray_cell_far_right_is_left_out_and_said(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                                     said: tuple[str, ...]) -> None:
    """A note at XFD1 made the sheet 16,384 columns wide and refused it; the table is read, the cell said."""
    out = _imported(empty_db, capsys, "stray_cell_xfd1.xlsx", lang)
    assert problem_codes(out["warnings"]) == [(None, "sheet_stray_cells_dropped")]
    assert all(s in out["warnings"][0]["message"] for s in said), out["warnings"][0]
    assert stored_projects(empty_db) == {"苏州晶圆封装项目": SUZHOU, "南京生物医药中心": NANJING}


@pytest.mark.parametrize(("lang", "said"), [("zh", ("债券发行的金额", "funding:local_special_bonds")),
                                            ("en", ("bond issue", "funding:local_special_bonds"))])
def test_a_bond_issue_amount_column_is_said(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                            said: tuple[str, ...]) -> None:
    """本次发行额 mapped to no field and nothing was said; it is still no field (an issue's loan, not the project's
    total nor surely one channel), and the column is said with how to map it."""
    out = _imported(empty_db, capsys, "bond_issue_amount.csv", lang)
    assert problem_codes(out["warnings"]) == [(None, "column_bond_issue_amount")]
    assert out["warnings"][0]["column"] == "本次发行额（亿元）"
    assert all(s in out["warnings"][0]["message"] for s in said)
    assert out["unmapped"] == ["本次发行额（亿元）"]
    assert stored_projects(empty_db) == {"苏州晶圆封装项目": ("320000", "320500", Decimal("150000.00"), None, None,
                                                        "info_tech")}
    assert stored_rows(empty_db, "SELECT count(*) FROM project_funding") == [(0,)]


@pytest.mark.parametrize(("lang", "said"), [("zh", ("台北市", "GB/T 2260", "不是错字")),
                                            ("en", ("台北市", "GB/T 2260", "not a typo"))])
def test_taiwan_cities_are_read_as_the_province_and_said(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                         lang: str, said: tuple[str, ...]) -> None:
    """臺灣省臺北市 was "city unknown (an old name or a typo?)", 臺南市 alone refused as unknown: 台湾's cities are
    in no division code, so each is 台湾省 with the city empty, said as such; the names are folded (臺 → 台)."""
    out = _imported(empty_db, capsys, "taiwan_places.csv", lang)
    assert [w for w in problem_codes(out["warnings"]) if w[1] != "amount_local_currency"] == [
        (2, "place_city_uncoded"), (3, "place_city_uncoded"), (4, "place_city_uncoded")]
    assert all(s in out["warnings"][0]["message"] for s in said), out["warnings"][0]
    assert stored_projects(empty_db) == {
        "台北半导体项目": ("710000", None, Decimal("150000.00"), 2024, 2026, "info_tech"),
        "台中精密机械项目": ("710000", None, Decimal("80000.00"), 2024, 2027, None),
        "台南光电项目": ("710000", None, Decimal("1000.00"), 2024, 2026, "info_tech")}


# ---------------------------------------------------------------------------- part 2: round 13's classes


def test_excel_string_escapes_are_read_as_their_characters(empty_db: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """项目_x000D__x000A_名称 (a header) and 苏州晶圆_x000D__x000A_封装项目: stored with the escapes as written; now the
    line break they stand for (a name's line break joined, as a typed one is); _x005F_ is an underscore."""
    _imported(empty_db, capsys, "xstring_escapes.xlsx")
    assert stored_projects(empty_db) == {"苏州晶圆封装项目": SUZHOU,
                                         "南京_x0041_中心": NANJING[:5] + (None,)}


def test_more_than_after_the_unit_is_read(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """15亿余元, 8亿多元, 1500万余元: "not an amount"; read as 15余亿元 (and 2000多万元) are: the figure, said by row
    as a lower bound."""
    out = _imported(empty_db, capsys, "amount_more_after_unit.csv")
    assert {k: v[2] for k, v in stored_projects(empty_db).items()} == {
        "苏州晶圆封装项目": Decimal("150000.00"), "南京生物医药中心": Decimal("80000.00"),
        "无锡储能项目": Decimal("1500.00")}
    said = [(r, c) for r, c in problem_codes(out["warnings"]) if c.startswith("amount_")]
    assert said == [(2, "amount_lower_bound"), (3, "amount_lower_bound"), (4, "amount_lower_bound")], said


@pytest.mark.parametrize(("lang", "said"), [("zh", ("每年", "不是项目的总投资")),
                                            ("en", ("per year", "not the project's total investment"))])
def test_a_figure_per_year_is_no_total(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                       said: tuple[str, ...]) -> None:
    """80000万元/年 under 总投资: "not an amount"; refused as a yearly figure. 5000万元/年 under a year's plan is that
    year's figure, read."""
    refused_rows(empty_db, capsys, "amount_per_year.csv", [(3, "总投资（万元）", "amount_per_year")], *said,
                 lang=lang)
    code, _out = import_json(empty_db, capsys, "amount_per_year.csv", "--skip-invalid")
    assert code == 0
    assert stored_rows(empty_db, "SELECT p.name, i.year, i.planned_wan FROM project_investments i "
                                 "JOIN projects p USING (project_id)") == [
        ("苏州晶圆封装项目", 2025, Decimal("5000.00"))]


@pytest.mark.parametrize(("lang", "said"), [("zh", ("A3（第 3 行）", "第 99 号共享文本", "只有 2 条")),
                                            ("en", ("cell A3 (row 3)", "shared string number 99", "only 2"))])
def test_a_cell_past_the_shared_strings_is_named(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                                 said: tuple[str, ...]) -> None:
    """<v>99</v> in a workbook of 2 shared strings: "damaged (the file may be cut off)", no cell named. Refused
    still (what the cell holds cannot be known), naming the cell and the strings held."""
    refused_file(empty_db, capsys, "shared_string_missing.xlsx", "sheet_string_missing", *said, lang=lang)


@pytest.mark.parametrize(("lang", "said"), [("zh", ("A2", "“苏州晶圆封装项目”和“另一个项目”")),
                                            ("en", ("A2", '"苏州晶圆封装项目"', '"另一个项目"'))])
def test_a_cell_written_twice_names_its_shared_texts(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                                     said: tuple[str, ...]) -> None:
    """A2 twice, each a shared string: the refusal said the values were "0" and "1" (the strings' numbers: a
    read-only workbook's list of shared strings is empty, the sheet holds them); now their texts."""
    refused_file(empty_db, capsys, "cell_twice_shared.xlsx", "sheet_cell_repeated", *said, lang=lang)
