"""Issue 12: the classes round 10 (s30-hostile10, lists8) found and left, fixed at their root (s31-leftovers11).
A list imported again did not say what it changed and counted unchanged rows as updated; regions (苏锡常, 长三角)
were "unknown place", a city one character off kept only its province unsaid, 苏州（宿州） kept 苏州 unsaid; △500,
500-, 负500 were "not an amount", 上亿元 too, 1'500'000 was refused; lines quoted whole gave "no header"; a header
merged over two columns lost the second's figures; a note in an amount cell, 2026/13, &b; and 乙项目（已撤销） went
unsaid; a text's total whose figure a repost lost was stored as none unsaid; a GB/T 4754 行业类别 column said
sector_unknown on every row. Corpus: ``tests/corpus/make_corpus.py``, ``write_leftovers11``."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from importkit import (
    CORPUS,
    file_state,
    import_json,
    problem_codes,
    refused_rows,
    refused_unchanged,
    stored_projects,
    stored_rows,
    stored_stages,
)

# ---------------------------------------------------------------------------------- 1. imported again


@pytest.mark.parametrize(("lang", "said"), [("zh", ("总投资（万元） 150,000.00 → 160,000.00", "完全相同")),
                                            ("en", ("total investment (10k yuan) 150,000.00 → 160,000.00",
                                                    "exactly as stored"))])
def test_a_list_imported_again_says_what_it_changes(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                                     said: tuple[str, str]) -> None:
    """One amount changed (150000 → 160000), the other row as stored: the change said by row (old → new), the
    unchanged row counted once, and rows_updated 1 (it was 2)."""
    code, out = import_json(empty_db, capsys, "reimport_base.csv")
    assert code == 0 and out["rows_imported"] == 2
    code, out = import_json(empty_db, capsys, "reimport_amount_changed.csv", "--lang", lang)
    assert code == 0 and out["errors"] == [], out
    assert (out["rows_imported"], out["rows_updated"], out["rows_unchanged"]) == (2, 1, 1)
    assert problem_codes(out["warnings"]) == [(None, "duplicates_in_store"), (None, "duplicates_unchanged"),
                                              (2, "updated_values")]
    change = out["warnings"][2]
    assert change["column"] == "项目名称" and said[0] in change["message"] and "#1" in change["message"], change
    assert said[1] in out["warnings"][1]["message"]
    assert [v[2] for v in stored_projects(empty_db).values()] == [Decimal("160000.00"), Decimal("80000.00")]
    assert stored_rows(empty_db, "SELECT rows_updated FROM import_batches ORDER BY batch_id") == [(0,), (1,)]


def test_the_same_list_again_changes_nothing(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                             tmp_path: Path) -> None:
    """A copy of the first list (another file, the same rows): no row changes, none counted as updated."""
    import_json(empty_db, capsys, "reimport_base.csv")
    copy = tmp_path / "again.csv"
    copy.write_bytes((CORPUS / "reimport_base.csv").read_bytes() + b"\n")
    code, out = import_json(empty_db, capsys, copy)
    assert code == 0 and (out["rows_updated"], out["rows_unchanged"]) == (0, 2), out
    assert [c for _r, c in problem_codes(out["warnings"])] == ["duplicates_in_store", "duplicates_unchanged"]


# -------------------------------------------------------------------------------- 2. regions and typos

@pytest.mark.parametrize(("lang", "said"), [("zh", ("江苏省内跨几个市", "上海市、江苏省、浙江省、安徽省")),
                                            ("en", ("several cities of Jiangsu",
                                                    "Shanghai, Jiangsu, Zhejiang, Anhui"))])
def test_regions_across_cities_or_provinces(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                            said: tuple[str, str]) -> None:
    """苏锡常, 苏南, 珠三角 lie in one province: that province, no city, said; 长三角, 京津冀, 成渝 span provinces:
    refused by row naming them (the file refused whole without --skip-invalid, the store unchanged)."""
    out = refused_unchanged(empty_db, capsys, CORPUS / "place_regions.csv", "--lang", lang)
    assert sorted(problem_codes(out["errors"])) == [(3, "place_region_across"), (4, "place_region_across"),
                                                    (7, "place_region_across")]
    assert out["errors"][0]["column"] == "建设地点" and said[1] in out["errors"][0]["message"]
    assert problem_codes(out["warnings"]) == [(2, "place_region_in_province"), (5, "place_region_in_province"),
                                              (6, "place_region_in_province")]
    assert said[0] in out["warnings"][0]["message"] and "苏锡常" in out["warnings"][0]["message"]
    code, out = import_json(empty_db, capsys, "place_regions.csv", "--skip-invalid")
    assert code == 0
    assert {k: v[:2] for k, v in stored_projects(empty_db).items()} == {
        "甲项目": ("320000", None), "丁项目": ("320000", None), "戊项目": ("440000", None),
        "庚项目": ("320000", "320500")}


@pytest.mark.parametrize(("lang", "said"), [("zh", ("苏州市（江苏省）", "宿州市（安徽省）", "株洲市（湖南省）")),
                                            ("en", ("Suzhou (Jiangsu)", "Suzhou (Anhui)", "Zhuzhou (Hunan)"))])
def test_place_typos_say_the_likely_name(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                         said: tuple[str, str, str]) -> None:
    """江苏剩苏州市 and 江苏省苏洲市 keep their province only and name 苏州市 as likely (never stored on a guess);
    苏洲 alone is refused naming both cities one character off; 苏州（宿州） says the bracket's other place."""
    out = refused_rows(empty_db, capsys, "place_typos.csv", [(4, "place_unknown_typo")], said[0], said[2], lang=lang)
    assert problem_codes(out["warnings"]) == [(2, "place_city_typo"), (3, "place_city_typo"),
                                              (5, "place_bracket_other")]
    assert said[0] in out["warnings"][0]["message"] and out["warnings"][0]["column"] == "建设地点"
    assert said[1] in out["warnings"][2]["message"] and "苏州（宿州）" in out["warnings"][2]["message"]
    code, out = import_json(empty_db, capsys, "place_typos.csv", "--skip-invalid")
    assert code == 0
    assert {k: v[:2] for k, v in stored_projects(empty_db).items()} == {
        "甲项目": ("320000", None), "乙项目": ("320000", None), "丁项目": ("320000", "320500"),
        "戊项目": ("320000", "320500")}


# ------------------------------------------------------------------------------------------ 3. amounts

@pytest.mark.parametrize(("lang", "said"), [("zh", "为负数"), ("en", "is negative")])
def test_negative_marks_are_said_negative(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                          said: str) -> None:
    out = refused_rows(empty_db, capsys, "amount_negative_marks.csv", [(r, "amount_negative") for r in range(2, 8)],
                       lang=lang)
    assert all(said in p["message"] and p["column"] == "总投资（万元）" for p in out["errors"])
    assert [p["value"] for p in out["errors"]] == ["△500", "▲500", "500-", "负500", "(500)", "-500"]


@pytest.mark.parametrize(("lang", "said"), [("zh", ("没有具体数字", "千位分隔符", "1,500,000.00")),
                                            ("en", ("gives no figure", "group thousands", "1,500,000.00"))])
def test_vague_amounts_and_other_thousands_marks(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                                 said: tuple[str, str, str]) -> None:
    """上亿元, 数亿元, 几千万: no figure, said so (was "not an amount"); 1'500'000 and 1_500_000 read, said."""
    out = refused_rows(empty_db, capsys, "amount_vague_grouped.csv", [(r, "amount_vague") for r in (2, 3, 4)],
                       said[0], lang=lang)
    assert problem_codes(out["warnings"]) == [(5, "amount_apostrophe_grouping"), (6, "amount_apostrophe_grouping")]
    assert said[1] in out["warnings"][0]["message"] and said[2] in out["warnings"][0]["message"]
    code, _out = import_json(empty_db, capsys, "amount_vague_grouped.csv", "--skip-invalid")
    assert code == 0
    assert {k: v[2] for k, v in stored_projects(empty_db).items()} == {
        "丁项目": Decimal("1500000.00"), "戊项目": Decimal("1500000.00"), "己项目": Decimal("2000.00")}


# ------------------------------------------------------------------------- 4. quoted lines, merged header

@pytest.mark.parametrize(("lang", "said"), [("zh", "整行都在一对引号里"), ("en", "quoted whole")])
def test_lines_quoted_whole_are_read_inside(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                            said: str) -> None:
    code, out = import_json(empty_db, capsys, "lines_quoted_whole.csv", "--lang", lang)
    assert code == 0 and out["errors"] == [], out
    assert (None, "lines_quoted_whole") in problem_codes(out["warnings"])
    assert said in next(p["message"] for p in out["warnings"] if p["code"] == "lines_quoted_whole")
    assert stored_projects(empty_db) == {
        "苏州晶圆封装项目": ("320000", "320500", Decimal("150000.00"), 2024, 2026, "info_tech"),
        "南京生物医药中心": ("320000", "320100", Decimal("80000.00"), 2024, 2027, "biotech")}


@pytest.mark.parametrize(("lang", "said"), [("zh", "合并单元格"), ("en", "merged over columns 3 and 4")])
def test_a_header_merged_over_two_columns(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                          said: str) -> None:
    """总投资（万元） merged over C and D, 南京's 80000 in D: it was an unmapped column (no amount stored)."""
    code, out = import_json(empty_db, capsys, "header_merged_two.xlsx", "--lang", lang)
    assert code == 0 and out["errors"] == [] and out["unmapped"] == [], out
    assert problem_codes(out["warnings"]) == [(None, "column_label_merged"), (3, "column_twin_filled")]
    assert said in out["warnings"][0]["message"] and out["warnings"][0]["column"] == "总投资（万元）"
    assert [v[2] for v in stored_projects(empty_db).values()] == [Decimal("150000.00"), Decimal("80000.00")]


def test_a_headerless_text_column_beside_an_amount_is_not_taken(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                                tmp_path: Path) -> None:
    """Text beside numbers is another kind: the headerless column stays unmapped."""
    path = tmp_path / "beside.csv"
    path.write_text("项目名称,建设地点,总投资（万元）,\n苏州晶圆封装项目,江苏省苏州市,150000,备注文字\n",
                    encoding="utf-8")
    code, out = import_json(empty_db, capsys, path)
    assert code == 0 and out["unmapped"] == ["column 4"], out
    assert "column_label_merged" not in [c for _r, c in problem_codes(out["warnings"])]


# ---------------------------------------------------- 5. notes, slash years, entities, withdrawn names

@pytest.mark.parametrize(("lang", "said"), [("zh", ("其中中央资金5000", "中央预算内投资", "含土地款", "2026/13",
                                                    "&b;")),
                                            ("en", ("其中中央资金5000", "Central budget investment", "含土地款",
                                                    "2026/13", "&b;"))])
def test_notes_slash_years_and_entities_are_said(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                                 said: tuple[str, ...]) -> None:
    code, out = import_json(empty_db, capsys, "amount_notes.csv", "--lang", lang)
    assert code == 0 and out["errors"] == [], out
    assert sorted(problem_codes(out["warnings"])) == [(2, "amount_note_channel"), (3, "amount_note"),
                                                      (4, "year_slash_unclear"), (5, "html_entity_unknown")]
    by_code = {p["code"]: p for p in out["warnings"]}
    note = by_code["amount_note_channel"]["message"]
    assert said[0] in note and said[1] in note
    assert by_code["amount_note_channel"]["column"] == "总投资（万元）"
    assert said[2] in by_code["amount_note"]["message"]
    assert said[3] in by_code["year_slash_unclear"]["message"] and "2026" in by_code["year_slash_unclear"]["message"]
    assert by_code["year_slash_unclear"]["column"] == "建设起止年限"
    entity = by_code["html_entity_unknown"]
    assert said[4] in entity["message"] and entity["column"] == "项目名称"
    assert stored_projects(empty_db) == {
        "苏州晶圆封装项目": ("320000", "320500", Decimal("150000.00"), 2024, 2026, "info_tech"),
        "南京生物医药中心": ("320000", "320100", Decimal("80000.00"), 2024, 2027, "biotech"),
        "无锡储能项目": ("320000", "320200", Decimal("1000.00"), 2026, None, "new_energy"),
        "常州电池&b;项目": ("320000", "320400", Decimal("2000.00"), 2024, 2026, "new_energy")}
    assert stored_rows(empty_db, "SELECT count(*) FROM project_funding") == [(0,)]


@pytest.mark.parametrize(("lang", "said"), [("zh", "撤销标记"), ("en", "withdrawn mark")])
def test_withdrawn_names_are_cancelled(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                       said: str) -> None:
    """乙项目（已撤销）, （已取消）, （取消）, (撤销): the cancelled stage, the name without the mark, said by row."""
    code, out = import_json(empty_db, capsys, "withdrawn_names.csv", "--lang", lang)
    assert code == 0 and out["errors"] == [], out
    assert problem_codes(out["warnings"]) == [(r, "name_withdrawn") for r in (3, 4, 5, 6)]
    assert said in out["warnings"][0]["message"] and "乙项目（已撤销）" in out["warnings"][0]["message"]
    assert stored_stages(empty_db) == {"甲项目": None, "乙项目": "cancelled", "丙项目": "cancelled",
                                       "丁项目": "cancelled", "戊项目": "cancelled"}


def test_a_withdrawn_project_updates_the_stored_one(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                    tmp_path: Path) -> None:
    """The list again with 南京生物医药中心（已撤销）: the stored project is updated to cancelled, said."""
    import_json(empty_db, capsys, "reimport_base.csv")
    path = tmp_path / "withdrawn_again.csv"
    path.write_text((CORPUS / "reimport_base.csv").read_text(encoding="utf-8").replace(
        "南京生物医药中心,", "南京生物医药中心（已撤销）,"), encoding="utf-8")
    code, out = import_json(empty_db, capsys, path, "--lang", "en")
    assert code == 0 and out["rows_updated"] == 1, out
    change = next(p for p in out["warnings"] if p["code"] == "updated_values")
    assert change["row"] == 3 and "stage — → Cancelled" in change["message"], change
    assert stored_stages(empty_db) == {"苏州晶圆封装项目": None, "南京生物医药中心": "cancelled"}


# ------------------------------------------------------------------------------- 6. text totals lost

@pytest.mark.parametrize(("lang", "said"), [("zh", "没有数字"), ("en", "no figure")])
def test_a_text_total_whose_figure_is_lost_is_said(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                                   said: str) -> None:
    code, out = import_json(empty_db, capsys, "text_total_lost.csv", "--lang", lang)
    assert code == 0 and out["errors"] == [], out
    assert problem_codes(out["warnings"]) == [(2, "amount_missing_in_text"), (3, "amount_masked"),
                                              (4, "amount_from_text")]
    assert said in out["warnings"][0]["message"] and out["warnings"][0]["column"] == "项目概况"
    assert {k: v[2] for k, v in stored_projects(empty_db).items()} == {
        "甲项目": None, "乙项目": None, "丙项目": Decimal("2882.00")}


# --------------------------------------------------------------------------- 7. industry class column

@pytest.mark.parametrize(("lang", "said"), [("zh", "国民经济行业分类"), ("en", "GB/T 4754")])
def test_an_industry_class_column_is_said_once(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                               said: str) -> None:
    """061 烟煤和无烟煤开采洗选, C3985 电子专用材料制造: sector_unknown on every row before; now one warning for the
    file and the projects tagged from their names."""
    code, out = import_json(empty_db, capsys, "industry_class_column.csv", "--lang", lang)
    assert code == 0 and out["errors"] == [], out
    assert problem_codes(out["warnings"]) == [(None, "sector_column_industry_class")]
    assert said in out["warnings"][0]["message"] and out["warnings"][0]["column"] == "行业类别"
    assert {k: v[5] for k, v in stored_projects(empty_db).items()} == {
        "某煤矿洗选项目": None, "苏州电子材料项目": "new_materials", "南京生物医药中心": "biotech"}


def test_refusals_leave_the_store_as_it_was(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import_json(empty_db, capsys, "reimport_base.csv")
    before = file_state(empty_db)
    for name in ("place_regions.csv", "place_typos.csv", "amount_negative_marks.csv", "amount_vague_grouped.csv"):
        code, _out = import_json(empty_db, capsys, name)
        assert code != 0 and file_state(empty_db) == before, name


def test_siblings_in_other_spellings(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The same classes spelt otherwise: 江苏省苏锡常地区 (a region after its province), 长三角地区 and
    成渝地区双城经济圈, 上千万元 / 数十亿元 / 亿元以上 / 过亿, 2026.13, 丁项目【已撤销】, 戊项目（已终止）,
    15亿元（其中中央预算内资金2亿元）, （500）, △1.5亿元, －500."""
    out = refused_unchanged(empty_db, capsys, CORPUS / "leftovers11_siblings.csv")
    assert sorted(problem_codes(out["errors"])) == [
        (2, "amount_vague"), (3, "amount_vague"), (3, "place_region_across"), (4, "amount_vague"),
        (6, "amount_negative"), (7, "amount_vague"), (8, "amount_negative"), (8, "place_region_across"),
        (9, "amount_negative")]
    assert sorted(problem_codes(out["warnings"])) == [
        (2, "place_region_in_province"), (3, "year_slash_unclear"), (5, "amount_note_channel"),
        (5, "name_withdrawn"), (6, "name_withdrawn")]
    code, _out = import_json(empty_db, capsys, "leftovers11_siblings.csv", "--skip-invalid")
    assert code == 0
    assert stored_projects(empty_db) == {
        "丁项目": ("320000", "320500", Decimal("150000.00"), 2024, 2026, None)}
    assert stored_stages(empty_db) == {"丁项目": "cancelled"}
