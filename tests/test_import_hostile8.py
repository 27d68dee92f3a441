"""Issue 12, eighth hostile round (s28-hostile8): round 7's leftovers and classes the corpus had not reached.
Leftovers: Windows-1252 quotes and dashes in a GBK file paired into rare characters unsaid (苏州“晶圆” stored as
苏州摼г眬); former prefecture-level names (襄樊市, 思茅市, 莱芜市, 巢湖市) gave the province only or were unknown;
pinyin places of two levels with a space (Jiangsu Suzhou) were unknown; an environmental-impact notice's 建设性质
(新建, 改扩建, 技改) was stored as the stage "under construction". New: a 元 figure shown in 万 by an escaped point
(0!.0,"万") was stored 10x; US$5m and RMB 50m were 5万元 and 50元; ￥1.5亿 "not an amount"; HTML character
references and footnote marks were kept in names (footnotes refused amounts); a byte-order mark inside a file hid
a repeated header; a subtotal spaced out (小 计) was checked as the grand total.
Corpus: ``tests/corpus/make_corpus.py``, ``write_hostile8``."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from importkit import import_json, problem_codes, refused_rows, stored_projects, stored_stages, upload_shows

from dashboard import store
from dashboard.ingest import values


@pytest.mark.parametrize(("lang", "said"), [("zh", ("襄樊市", "2010", "襄阳市")),
                                            ("en", ("襄樊市", "2010", "Xiangyang"))])
def test_former_prefecture_names_are_read_as_their_successor(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                            lang: str, said: tuple[str, ...]) -> None:
    """襄樊市 (renamed 襄阳市 2010), 思茅市 (普洱市 2007), 莱芜市 (merged into 济南市 2019), 东川市 (昆明市 1998) are
    stored as their successor with a warning by row; 巢湖市 (split 2011) as 安徽省 with the city empty and said,
    unless a city before it decides (合肥市巢湖市: Hefei's county-level city); Xiangfan in pinyin likewise."""
    code, out = import_json(empty_db, capsys, "former_cities.csv", "--lang", lang)
    assert code == 0 and out["errors"] == [], out
    assert problem_codes(out["warnings"]) == [(2, "place_former_name"), (3, "place_former_name"),
                                              (4, "place_former_split"), (6, "place_former_name"),
                                              (7, "place_former_name"), (8, "place_former_name")]
    assert all(s in out["warnings"][0]["message"] for s in said), out["warnings"][0]
    assert {k: v[:2] for k, v in stored_projects(empty_db).items()} == {
        "襄樊项目": ("420000", "420600"), "思茅项目": ("530000", "530800"), "巢湖项目": ("340000", None),
        "合肥巢湖项目": ("340000", "340100"), "莱芜项目": ("370000", "370100"), "东川项目": ("530000", "530100"),
        "襄阳项目": ("420000", "420600")}


def test_every_former_name_has_its_year_source_and_a_known_successor(empty_db: Path) -> None:
    import csv

    from dashboard.config import DATA_DIR

    con = store.connect(empty_db, read_only=True)
    try:
        codes = {r[0] for r in con.execute("SELECT code FROM regions").fetchall()}
    finally:
        con.close()
    with (DATA_DIR / "region_former_names.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) >= 15
    for r in rows:
        assert r["kind"] in ("renamed", "merged", "split") and 1980 <= int(r["year"]) <= 2026, r
        assert (r["successor_code"] or r["province_code"]) in codes and "http" in r["source"], r
        assert bool(r["successor_code"]) == (r["kind"] != "split"), r


def test_pinyin_places_with_a_space_between_the_levels(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Jiangsu Suzhou, Guangdong Shenzhen, Inner Mongolia Ordos, Heilongjiang Harbin, Jiangsu-Suzhou and full-width
    ＧＵＡＮＧＸＩ　ＮＡＮＮＩＮＧ (a Chinese input method's letters): unknown. Read as runs of words."""
    code, out = import_json(empty_db, capsys, "pinyin_spaced.csv")
    assert code == 0 and out["errors"] == [], out
    assert [v[:2] for v in stored_projects(empty_db).values()] == [
        ("320000", "320500"), ("440000", "440300"), ("150000", "150600"), ("320000", "320500"),
        ("320000", "320500"), ("230000", "230100"), ("320000", "320500"), ("450000", "450100")]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_construction_kind_column_is_no_stage(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str) -> None:
    """建设性质 of 新建 / 改扩建 / 技改 was stored as "under construction": it is the kind of construction. Kept as
    an extra column, said, the stage empty."""
    code, out = import_json(empty_db, capsys, "construction_kind.csv", "--lang", lang)
    assert code == 0, out
    assert "建设性质" not in out["mapping"]
    said = [w for w in out["warnings"] if w["code"] == "column_construction_kind"]
    assert len(said) == 1 and "改扩建" in said[0]["message"], out["warnings"]
    assert set(stored_stages(empty_db).values()) == {None}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_windows_1252_marks_in_a_gbk_file_are_read_and_said_by_cell(empty_db: Path,
                                                                   capsys: pytest.CaptureFixture[str],
                                                                   lang: str) -> None:
    """Bytes 93/94/96 (“ ” –) in a GBK file: 苏州“晶圆” was stored as 苏州摼г眬 and unsaid, “AI” made the file
    undecodable. Read as the marks, each cell said with its row and column."""
    code, out = import_json(empty_db, capsys, "cp1252_in_gbk.csv", "--lang", lang)
    assert code == 0 and out["encoding"] == "gbk", out
    said = [(w["row"], w["column"]) for w in out["warnings"] if w["code"] == "cp1252_marks_cell"]
    assert said == [(2, "项目名称"), (3, "项目名称"), (3, "建设起止年限")], out["warnings"]
    assert "Windows-1252" in out["warnings"][0]["message"]
    assert {k: v[3:5] for k, v in stored_projects(empty_db).items()} == {
        "苏州“晶圆”封装项目": (2024, 2026), "苏州“AI”算力中心": (2024, 2026), "南京项目": (2024, 2026)}


def test_windows_1252_marks_in_a_utf8_file(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = import_json(empty_db, capsys, "cp1252_in_utf8.csv")
    assert code == 0 and out["encoding"] == "utf-8", out
    assert problem_codes(out["warnings"]) == [(2, "cp1252_marks_cell")]
    assert list(stored_projects(empty_db)) == ["苏州“晶圆”封装项目"]


def test_a_rare_gbk_character_is_not_taken_for_a_mark() -> None:
    """A line whose GBK reading is all common characters keeps it; one where neither reading is sure is said."""
    from dashboard.ingest.encodings import decode

    plain = "项目名称,建设地点\n苏州晶圆封装项目,江苏省苏州市\n".encode("gbk")
    said: list = []
    assert decode(plain, said) == (plain.decode("gbk"), "gbk") and said == []
    rare = "项目名称,建设地点\n苏州丒项目,江苏省苏州市\n".encode("gbk")  # 丒: GBK 81 xx, no mark byte
    said = []
    assert decode(rare, said)[0] == rare.decode("gbk")


def test_a_point_among_the_digit_places_shows_yuan_in_wan(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """0!.0,"万" and 0!.0000"万元" show 150000000 元 as 15000万: it was stored as 150000万元 (10x)."""
    code, out = import_json(empty_db, capsys, "wan_point_format.xlsx")
    assert code == 0, out
    assert [v[2] for v in stored_projects(empty_db).values()] == [Decimal("15000.00"), Decimal("8000.00")]


def test_currency_signs_and_english_suffixes_against_the_figure(empty_db: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """￥1.5亿 was "not an amount"; US$5m was stored as 5万元 and RMB 50m as 50元 (0.005万元); USD 500 under a 万元
    header as 500万元, the dollar dropped unsaid (now 500万美元 at the rate, said)."""
    code, out = import_json(empty_db, capsys, "amount_signs.csv")
    assert code == 0 and out["errors"] == [], out
    assert [v[2] for v in stored_projects(empty_db).values()] == [
        Decimal("15000.00"), Decimal("8000.00"), Decimal("3550.00"), Decimal("5000.00"), Decimal("3550.00")]
    assert [r for r, c in problem_codes(out["warnings"]) if c == "amount_usd"] == [4, 6]
    assert values.parse_amount("RMB2.5bn", values.WAN, 7.1).wan == 250_000.0


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_html_character_references_are_read_as_characters(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                          lang: str) -> None:
    code, out = import_json(empty_db, capsys, "html_entities.csv", "--lang", lang)
    assert code == 0, out
    assert problem_codes(out["warnings"]) == [(2, "html_entity_decoded"), (3, "html_entity_decoded"),
                                              (4, "html_entity_decoded")]
    assert "苏州 晶圆&封装项目" in out["warnings"][0]["message"]
    assert list(stored_projects(empty_db)) == ["苏州 晶圆&封装项目", "南京<生物>医药中心", "无锡“储能”项目"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_footnote_marks_after_names_and_amounts_are_removed_and_said(empty_db: Path,
                                                                     capsys: pytest.CaptureFixture[str],
                                                                     lang: str) -> None:
    """1) ※ [注1] after a name were stored in it; 注 * ① after an amount refused the row. （二期） and (2) stay.
    A name wrapped whole in quotes or title marks (“…”, 《…》) is read without them."""
    code, out = import_json(empty_db, capsys, "footnote_marks.csv", "--lang", lang)
    assert code == 0 and out["errors"] == [], out
    assert [(w["row"], w["column"]) for w in out["warnings"] if w["code"] == "footnote_stripped"] == [
        (2, "项目名称"), (2, "总投资（万元）"), (3, "项目名称"), (3, "总投资（万元）"), (4, "项目名称"),
        (4, "总投资（万元）")]
    assert {k: v[2] for k, v in stored_projects(empty_db).items()} == {
        "苏州晶圆封装项目": Decimal("150000.00"), "南京生物医药中心": Decimal("80000.00"),
        "无锡储能项目": Decimal("12000.00"), "常州氢能项目（二期）": Decimal("1500.00"),
        "扬州项目(2)": Decimal("1500.00"), "泰州晶圆封装项目": Decimal("1500.00"), "镇江储能项目": Decimal("1500.00")}
    assert [r for r, c in problem_codes(out["warnings"]) if c == "name_quoted"] == [7, 8]


def test_a_byte_order_mark_inside_the_file(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two files joined end to end: the second header's BOM made it a project row (refused, four errors)."""
    code, out = import_json(empty_db, capsys, "bom_inside.csv")
    assert code == 0 and out["rows_imported"] == 2, out
    assert ("bom_inside" in [w["code"] for w in out["warnings"]]
            and (3, "row_skipped_header") in problem_codes(out["warnings"])), out["warnings"]


def test_a_spaced_subtotal_is_no_grand_total(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """小 计 (spaced to the column's width) was checked against every row above: a false "total differs"."""
    code, out = import_json(empty_db, capsys, "subtotal_spaced.csv")
    assert code == 0 and out["rows_imported"] == 3, out
    assert "total_mismatch" not in [w["code"] for w in out["warnings"]], out["warnings"]


@pytest.mark.parametrize(("file_name", "corpus", "said"), [
    ("弯引号.csv", "cp1252_in_gbk.csv", "Windows-1252"),
    ("旧地名.csv", "former_cities.csv", "襄阳市"),
    ("建设性质.csv", "construction_kind.csv", "不是项目所处的阶段"),
    ("万元格式.xlsx", "wan_point_format.xlsx", "项目行全部通过校验"),
])
def test_the_upload_page_says_what_the_importer_found(empty_db: Path, monkeypatch: pytest.MonkeyPatch,
                                                      file_name: str, corpus: str, said: str) -> None:
    """The upload page, not only the command line: each file's message shown, no exception."""
    upload_shows(empty_db, monkeypatch, file_name, corpus, said)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_placeholder_is_no_name(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str) -> None:
    """None, null, nan (a script's empty value) and 无 were stored as projects of those names."""
    refused_rows(empty_db, capsys, "placeholder_names.csv", [(r, "name_placeholder") for r in range(2, 6)],
                 {"zh": "占位词", "en": "placeholder"}[lang], lang=lang)


def test_a_minus_sign_is_a_negative_amount(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """−300 (U+2212, as a word processor writes it) was "not an amount"; it is a negative one."""
    refused_rows(empty_db, capsys, "minus_sign.csv", [(2, "amount_negative")])


def test_an_export_tools_comment_lines_are_notes(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """# exported … above the header and # end under the table were projects without a place (refused)."""
    code, out = import_json(empty_db, capsys, "comment_lines.csv")
    assert code == 0 and out["rows_imported"] == 1, out
    assert (4, "row_skipped_note") in problem_codes(out["warnings"]), out["warnings"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_amount_merged_over_rows_counts_once(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str) -> None:
    """3000 merged over 甲项目一期 and 二期 was given to both rows: 6000万元 stored for a 3000万元 figure. Kept on the
    first row, the second left empty, said with the rows; a place or a period merged down is still every row's."""
    code, out = import_json(empty_db, capsys, "amount_merged_rows.xlsx", "--lang", lang)
    assert code == 0, out
    assert problem_codes(out["warnings"]) == [(2, "amount_merged")], out["warnings"]
    assert "2–3" in out["warnings"][0]["message"]
    assert {k: v[2] for k, v in stored_projects(empty_db).items()} == {
        "甲项目一期": Decimal("3000.00"), "甲项目二期": None, "乙项目": Decimal("500.00")}


def test_one_year_after_until_is_the_end(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """至2026年 (until 2026) was stored as the start year 2026."""
    code, out = import_json(empty_db, capsys, "until_year.csv")
    assert code == 0, out
    assert [v[3:5] for v in stored_projects(empty_db).values()] == [(None, 2026), (2024, None), (None, 2027)]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_unit_note_against_the_header_is_said(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str) -> None:
    """单位：万元 above a column headed 总投资（亿元）: the header's 亿元 was read without a word."""
    code, out = import_json(empty_db, capsys, "unit_note_conflict.csv", "--lang", lang)
    assert code == 0, out
    said = [w["message"] for w in out["warnings"] if w["code"] == "unit_conflict"]
    assert len(said) == 1 and "亿元" in said[0] and "万元" in said[0], out["warnings"]
    assert [v[2] for v in stored_projects(empty_db).values()] == [Decimal("15000.00")]
