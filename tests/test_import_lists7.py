"""A seventh round of real published lists (issue 12): county, zone and prefecture notices from the west and
the northeast (兰州, 渭源, 甘肃省厅, 吴起, 兵团第四师, 锡林郭勒's 多伦 and 苏尼特右旗, 辽宁省厅, 营口, 盘锦辽东湾新区,
鞍山, 西宁城中区, 盘锦大洼), a province's decision table whose names are pictures the copy lost, and a
ministry's list of cities. Each is a corpus file transcribed from its page (sources in
``tests/corpus/make_corpus.py``, ``write_lists7``), imported through the command line with ``--json`` and
checked row by row against the published table."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pytest
from importkit import import_json, problem_codes, refused_unchanged, stored_projects

from dashboard import store
from dashboard.ingest import headers as hd
from dashboard.ingest import normalise, places, values


def owners(db: Path) -> dict[str, str | None]:
    con = store.connect(db, read_only=True)
    try:
        return dict(con.execute("SELECT name, owner FROM projects ORDER BY project_id").fetchall())
    finally:
        con.close()


SUNITE = "苏尼特右旗新蒙新材料有限公司46.5万吨铁合金新能源冶炼、尾渣及余气余热综合利用高质量发展循环经济项目"
NOTES = [(4, "row_skipped_note"), (5, "row_skipped_note"), (6, "row_skipped_note")]


@pytest.mark.parametrize(("name", "stored", "owner", "warnings"), [
    # 兰州: the site is two districts of 兰州 in one cell; the total stands in 基本情况 (工程总投资为6834万元), a
    # column that was not read, so no amount was stored; the name is the report's title.
    ("lists7_lanzhou_matan_eia.csv",
     {"马滩110kV送变电工程": ("620000", "620100", Decimal("6834.00"), None, None, None)},
     "国网甘肃省电力公司兰州供电公司", [(4, "name_report_title"), (4, "amount_from_text")]),
    # 渭源: a year at the head of the name is no start year; a river's ecological works are green_env.
    ("lists7_weiyuan_eia.csv",
     {"2022年黄河流域渭源县水生态综合治理及生态廊道建设工程": ("620000", "621100", None, None, None, "green_env")},
     "渭源县水利工程建设与质量安全中心", []),
    # 甘肃省厅 as a bid site copies it: the site (略) 、 (略) is the title's province (said); the owner 中国铁 (略)
    # 兰州工程建设指挥部 was stored with the mask in it.
    ("lists7_gansu_masked_eia.csv", {"新建平凉至庆阳铁路": ("620000", None, None, None, None, None)}, None,
     [(4, "owner_redacted"), (4, "place_title_used_redacted")]),  # (略) 、 (略): said as hidden (s30-leftovers10)
    # 多伦: the name is the report's title; its owner is hidden (内 (略)); three lines of notes under the table
    # (注:1.…, 公众反馈意见联系方式:…, 2.根据…) refused the file as a project with no name.
    ("lists7_duolun_acceptance.csv",
     {"内蒙古多伦县宏盛化工综合利用项目": ("150000", "152500", None, None, None, None)}, None,
     [(3, "name_report_title"), (3, "owner_redacted"), *NOTES]),
    # 苏尼特右旗 (锡林郭勒盟), a workbook: the same notes; slag and waste-heat recovery is green_env.
    ("lists7_sunite_acceptance.xlsx", {SUNITE: ("150000", "152500", None, None, None, "green_env")},
     "苏尼特右旗新蒙新材料有限公司", NOTES),
])
def test_notices_stored_as_published(empty_db: Path, capsys: pytest.CaptureFixture[str], name: str, stored: dict,
                                     owner: str | None, warnings: list) -> None:
    code, out = import_json(empty_db, capsys, name)
    assert code == 0 and out["errors"] == [], out
    assert problem_codes(out["warnings"]) == warnings
    assert stored_projects(empty_db) == stored
    assert owners(empty_db) == {n: owner for n in stored}


def test_a_summary_column_named_basic_facts_gives_the_total(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = import_json(empty_db, capsys, "lists7_lanzhou_matan_eia.csv", "--lang", "en")
    assert out["mapping"] == {"项目名称": "name", "建设地点": "place", "建设单位": "owner", "基本情况": "content"}
    said = {w["code"]: w for w in out["warnings"]}
    assert said["amount_from_text"]["value"] == "6834万元" and "基本情况" in said["amount_from_text"]["message"]
    assert said["name_report_title"]["value"] == "马滩110kV送变电工程环境影响报告表"
    assert "马滩110kV送变电工程\"" in said["name_report_title"]["message"]


@pytest.mark.parametrize(("name", "errors", "warnings", "extra"), [
    # 西宁城中区 as a repost prints it: traditional with pinyin, and the name's 燃氣(qì)鍋爐 broken into 燃?xì)忮仩t
    # (stored so); the page's source line under the table refused the file as a project with no name.
    ("lists7_xining_trad_eia.csv", [(4, "name_garbled")], [(None, "pinyin_removed"), (5, "row_skipped_note")], ()),
    # 吴起: (略) before each name, and the totals hidden too (项目总投资*元): nothing read from them.
    # 项目总投资*元: the hidden total said (amount_masked, s30-leftovers10); row 5's text is cut before its total.
    ("lists7_wuqi_masked_amounts.csv", [(4, "name_redacted"), (5, "name_redacted")], [(4, "amount_masked")], ()),
    # 兵团第四师: the sites are regiments (62团, 61团), which the regions do not hold.
    ("lists7_kekedala_regiments_eia.csv", [(4, "place_unknown"), (5, "place_unknown")], [(4, "amount_from_text")],
     ()),
    ("lists7_liaoning_masked_eia.xlsx", [(4, "name_redacted")], [(4, "owner_redacted")], ()),
    # 内蒙古's decisions mapped by hand (文件名称 = name): two rows lost their picture name and moved left.
    ("lists7_nmg_decisions_shifted.csv",
     [(None, "no_place_column"), (3, "name_missing"), (4, "name_doc_number"), (5, "name_doc_number"),
      (6, "name_missing"), (7, "name_missing")], [], ("--map", "文件名称=name")),
])
def test_rows_refused_with_their_reason(empty_db: Path, capsys: pytest.CaptureFixture[str], name: str, errors: list,
                                        warnings: list, extra: tuple[str, ...]) -> None:
    out = refused_unchanged(empty_db, capsys, name, *extra)
    assert problem_codes(out["errors"]) == errors
    assert problem_codes(out["warnings"]) == warnings
    code, out = import_json(empty_db, capsys, name, "--skip-invalid", *extra)
    assert stored_projects(empty_db) == {}


@pytest.mark.parametrize(("name", "error", "mapping"), [
    # 营口's decisions: 项目名称 | 审批文号 | 审批时间 (a gambling ad pasted into one cell). Refused as having no
    # header, told to map a name column it has; it has no place.
    ("lists7_yingkou_decisions.csv", "no_place_column", {"项目名称": "name"}),
    # 鞍山: names only, under a spaced 项 目 名 称, and a line under the table.
    ("lists7_anshan_names.csv", "no_place_column", {"项 目 名 称": "name"}),
    # 盘锦辽东湾新区 and 内蒙古: names under 文件名称 (pictures in 内蒙古's): mapping it is the steward's call.
    ("lists7_panjin_zone_decisions.csv", "no_header", {}),
    ("lists7_nmg_decisions_shifted.csv", "no_header", {}),
    # 工信部's list of cities (traditional, a repost): no project in it.
    ("lists7_miit_cities_2022.csv", "no_header", {}),
    # 大洼: one project as lines of label:value.
    ("lists7_dawa_form.txt", "transposed_table", {}),
])
def test_lists_refused_whole(empty_db: Path, capsys: pytest.CaptureFixture[str], name: str, error: str,
                             mapping: dict) -> None:
    out = refused_unchanged(empty_db, capsys, name)
    assert out["error"] == error
    assert out["mapping"] == mapping
    if name == "lists7_anshan_names.csv":
        assert (7, "row_skipped_note") in problem_codes(out["warnings"])


@pytest.mark.parametrize(("lang", "words"), [("zh", "字段名:值"), ("en", "field: value")])
def test_label_value_lines_are_called_a_form(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                             words: str) -> None:
    """大洼's notice: 项目名称:田家街道污水处理厂工程, 建设地点:…, one line each. It was refused as having no
    header and told to map a column to the name."""
    out = refused_unchanged(empty_db, capsys, "lists7_dawa_form.txt", "--lang", lang)
    assert words in out["message"] and "项目名称" in out["message"] and "建设地点" in out["message"]


@pytest.mark.parametrize(("lang", "codes", "words"), [
    ("zh", ("name_garbled", "name_doc_number"), ("乱码", "文号")),
    ("en", ("name_garbled", "name_doc_number"), ("garbled", "document number")),
])
def test_new_refusals_in_both_languages(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                        codes: tuple[str, str], words: tuple[str, str]) -> None:
    out = refused_unchanged(empty_db, capsys, "lists7_xining_trad_eia.csv", "--lang", lang)
    assert words[0] in next(e for e in out["errors"] if e["code"] == codes[0])["message"]
    out = refused_unchanged(empty_db, capsys, "lists7_nmg_decisions_shifted.csv", "--lang", lang,
                            "--map", "文件名称=name")
    assert words[1] in next(e for e in out["errors"] if e["code"] == codes[1])["message"]
    out = refused_unchanged(empty_db, capsys, "lists7_liaoning_masked_eia.xlsx", "--lang", lang)
    assert "(略)" in next(w for w in out["warnings"] if w["code"] == "owner_redacted")["message"]


def test_lines_under_a_table_are_notes_but_a_row_inside_it_is_not(empty_db: Path, tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """Past the last row with a name, a lone line of words is a note; a nameless row between projects, or one
    holding only a figure, is still a row with no name."""
    path = tmp_path / "list.csv"
    path.write_text("项目名称,建设地点,总投资（万元）\n甲项目,江苏省苏州市,100\n,江苏省南京市,200\n乙项目,江苏省无锡市,300\n"
                    "文章来源:某市发展改革委\n,,400\n", encoding="utf-8")
    out = refused_unchanged(empty_db, capsys, path)
    assert problem_codes(out["errors"]) == [(3, "name_missing"), (6, "name_missing")]
    assert problem_codes(out["warnings"]) == [(5, "row_skipped_note")]


@pytest.mark.parametrize(("text", "expected"), [
    ("青海省西宁市城中区南川西路105号、107号", ("630000", "630100", False)),  # not 柳州's 城中区
    ("兰州市 七里河、安宁区", ("620000", "620100", False)),
    ("内蒙古锡林郭勒盟苏尼特右旗朱日和工业园区南区治金产业园", ("150000", "152500", False)),
    ("62团", (None, None, False)),
])
def test_places_of_the_round(place_index: places.PlaceIndex, text: str, expected: tuple) -> None:
    assert place_index.resolve(text) == expected


@pytest.mark.parametrize(("label", "field"), [("基本情况", "content"), ("项目基本情况", "content"),
                                              ("文件名称", None), ("审批文号", None)])
def test_headers(label: str, field: str | None) -> None:
    assert hd.field_of(label) == field


def test_a_header_naming_only_the_name() -> None:
    cells = pd.DataFrame([["项目名称", "审批文号", "审批时间"], ["甲项目", "营行审〔2023〕52号", "2023/3/21"]])
    assert hd.find_header(cells) is None
    assert hd.find_header(cells, lone_name=True).index == 0
    # a form's line (项目名称 | its value) is no header row
    assert hd.find_header(pd.DataFrame([["项目名称", "甲项目"], ["备注", "1.5"]]), lone_name=True) is None


@pytest.mark.parametrize(("text", "bare"), [
    ("马滩110kV送变电工程环境影响报告表", "马滩110kV送变电工程"),
    ("内蒙古多伦县宏盛化工综合利用项目环境影响报告书(报批稿)", "内蒙古多伦县宏盛化工综合利用项目"),
    ("某某产业园项目的环境影响评价报告书", "某某产业园项目"), ("环境影响报告书", None),
    ("某项目环境影响报告书编制服务", None),
])
def test_report_titles(text: str, bare: str | None) -> None:
    m = normalise._REPORT_TITLE.match(text)
    assert (m[1] if m else None) == bare


@pytest.mark.parametrize(("name", "garbled", "docno"), [
    ("青海省地质调查院燃?xì)忮仩t房建设项目", True, False), ("\ufffd苏州生物医药产业园", False, False),
    ("Café项目", False, False), ("2*660MW项目", False, False), ("内环审〔2026〕19号", False, True),
    ("营行审[2023]52号", False, True), ("2023年第52号地块项目", False, False), ("辽东湾行审", False, False),
])
def test_garbled_names_and_document_numbers(name: str, garbled: bool, docno: bool) -> None:
    arr = pa.array([name])
    assert pc.match_substring_regex(arr, normalise._GARBLED)[0].as_py() is garbled
    assert pc.match_substring_regex(arr, normalise._DOC_NUMBER)[0].as_py() is docno


def test_masked_totals_are_not_read() -> None:
    # the hidden total is found, to be said as hidden (s30-leftovers10), and is no amount
    assert values.total_in_text("项目总投资*元,其中环保投资*元,占总投资的3.31%。") == ["*元"]
    assert values.parse_amount("*元", values.WAN, 7.1) == values.Amount(None, "amount_masked")
    assert values.total_in_text("工程总投资为6834万元,其中环保投资约76.495万元") == ["6834万元"]
