"""A sixth round of real published lists (issue 12): 生态环境部's 环评 acceptance list and county, zone and city 环评
notices as reposting sites print them (pinyin after some characters, the header repeated above each project
with line breaks in its cells, a row that lost its name cell, words hidden by #, a site written as a direction
from a road), a province's supplement list of names, a prefecture's progress table by county (单位:个、亿元) and
a city's bond disclosure form. Each is a corpus file transcribed from its page (sources in
``tests/corpus/make_corpus.py``, ``write_lists6``), imported through the command line with ``--json`` and
checked row by row against the published table."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from importkit import CORPUS, import_json, problem_codes, refused_unchanged, stored_projects

from dashboard.ingest import headers as hd
from dashboard.ingest import places, traditional

MEE_FIRST = "新疆广汇实业投资集团伊吾广汇矿业有限公司淖毛湖矿区马朗一号煤矿1000万吨/年项目"
MEE_SECOND = "晋能控股装备制造集团山西高平源野煤业有限公司晋城矿区沟底矿井及选煤厂新建工程(500万吨/年)"


def test_a_ministry_list_with_pinyin_and_a_row_that_lost_its_name(empty_db: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """生态环境部's acceptance list as a repost prints it: traditional characters with pinyin in brackets after
    some (項(xiàng)目名稱), and a third row that lost its name cell (3 | 天津市濱海新區 | 國能(天津)港務… | …).
    The pinyin was stored inside the names and kept 受理日期 and the headers from being read; the third row
    was stored as a project named 天津市滨海新区, placed in 天津 by its owner's name. Now the glosses are left
    out (said once), the third row is refused as a name that is only a place, and the two others store as
    published: their places resolve to 哈密 and 晋城, no amount, year or stage made up."""
    out = refused_unchanged(empty_db, capsys, "lists6_mee_acceptance.csv")
    assert problem_codes(out["errors"]) == [(5, "name_is_place")]
    assert out["errors"][0]["value"] == "天津市滨海新区"
    assert (None, "pinyin_removed") in problem_codes(out["warnings"])
    assert out["mapping"] == {"项目名称": "name", "建设地点": "place", "建设单位": "owner"}
    code, out = import_json(empty_db, capsys, "lists6_mee_acceptance.csv", "--skip-invalid")
    assert code == 0 and out["rows_imported"] == 2
    assert stored_projects(empty_db) == {MEE_FIRST: ("650000", "650500", None, None, None, None),
                                         MEE_SECOND: ("140000", "140500", None, None, None, None)}


@pytest.mark.parametrize(("lang", "words"), [("zh", ("拼音", "少了一格")), ("en", ("pinyin", "lost a cell"))])
def test_glosses_and_a_shifted_row_are_said_in_both_languages(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                              lang: str, words: tuple[str, str]) -> None:
    out = refused_unchanged(empty_db, capsys, "lists6_mee_acceptance.csv", "--lang", lang)
    pinyin = next(w for w in out["warnings"] if w["code"] == "pinyin_removed")
    assert words[0] in pinyin["message"] and "14" in pinyin["message"]
    assert words[1] in out["errors"][0]["message"]


def test_a_header_repeated_above_each_project_is_skipped(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """卤阳湖's notice prints its header (cells broken over two lines: 项目\\n名称) above each project. The
    second header was read as a project whose place, 建设\\n地点, is unknown; it is now skipped as a repeated
    header. Both projects name their site 卤阳湖开发区, a zone the regions do not hold: refused until s29-zones9,
    now read from data/development_zones.csv as 渭南市 (where 卤阳湖现代产业开发区 lies), said by row."""
    code, out = import_json(empty_db, capsys, "lists6_luyanghu_eia.csv")
    assert code == 0 and out["errors"] == [] and out["rows_read"] == 2, out
    assert problem_codes(out["warnings"]) == [(9, "place_zone"), (11, "row_skipped_header"), (17, "place_zone")]
    assert {v[:2] for v in stored_projects(empty_db).values()} == {("610000", "610500")}


def test_a_site_written_as_a_direction_is_not_a_district(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """包头's acceptance notice (a repost with pinyin) places the plant "110国道南侧,巨福路以北,新七号桥以西区域":
    以西区域 held 西区, 攀枝花's district, and the project was stored in 四川省攀枝花市. The site names no city:
    refused as a place the tool cannot resolve, the name read without its pinyin."""
    out = refused_unchanged(empty_db, capsys, "lists6_baotou_eia.csv")
    assert problem_codes(out["errors"]) == [(3, "place_unknown")]
    assert out["errors"][0]["value"] == "110国道南侧,巨福路以北,新七号桥以西区域"
    assert out["mapping"] == {"建设单位": "owner", "建设项目名称": "name", "建设地点": "place", "建设内容": "content"}


@pytest.mark.parametrize(("name", "stored", "mapping"), [
    ("lists6_pucheng_eia.csv",
     {"蒲城排碱渠改造提升综合利用二期 8 万千瓦光伏发电项目(升压站)":
      ("610000", "610500", Decimal("2882.00"), None, None, None)},
     {"项目名称": "name", "建设地点": "place", "建设单位": "owner", "项目概况": "content"}),
    ("lists6_taijiang_eia.csv", {"福州华伦中学搬迁新建校区": ("350000", "350100", None, None, None, None)},
     {"项目名称": "name", "建设地点": "place", "建设单位": "owner"}),
    ("lists6_gaoyou_eia.csv",
     {"高邮聚合光伏发电有限公司高邮周山镇 100MW 渔光互补发电项目配套110kV升压站工程":
      ("320000", "321000", None, None, None, None)},
     {"项目名称": "name", "建设地点": "place", "建设单位": "owner", "项目概况": "content"}),
])
def test_notices_stored_as_published(empty_db: Path, capsys: pytest.CaptureFixture[str], name: str,
                                     stored: dict, mapping: dict) -> None:
    """One project each: 蒲城县 (渭南), 福州市台江区, 高邮市周山镇 (扬州); 蒲城 has no amount column, and the total its
    项目概况 names (项目总投资2882万元,环保投资47万元) is stored, said by row (test_import_text_amount.py); the others
    name none, and no amount is made up; a substation (升压站) is the grid work, not the plant (the taxonomy's
    decision): no sector. 台江's note under the table is skipped."""
    code, out = import_json(empty_db, capsys, name)
    assert code == 0 and out["errors"] == [], out
    assert out["mapping"] == mapping
    assert stored_projects(empty_db) == stored
    if name == "lists6_taijiang_eia.csv":
        assert problem_codes(out["warnings"]) == [(5, "row_skipped_note")]
    if name == "lists6_pucheng_eia.csv":
        assert "项目总投资2882万元," in (CORPUS / name).read_text(encoding="utf-8")
        assert problem_codes(out["warnings"]) == [(3, "amount_from_text")]


@pytest.mark.parametrize(("name", "error", "extra"), [
    ("lists6_guanyun_eia.csv", "no_place_column", ()),          # 建设单位 | 项目名称 | 拟批复意见: no place
    ("lists6_shenxian_acceptance.csv", "no_place_column", ()),  # the county only in the owner's name
    ("lists6_zhejiang_2016_names.txt", "no_header", ()),         # names under a title, no table
    ("lists6_ningbo_bond_form.csv", "no_header", ()),            # a bond's form: label | value pairs
    ("lists6_xiangxi_progress.xlsx", "no_header", ()),           # counties' progress, no project in it
    ("lists6_xiangxi_progress.xlsx", "no_rows", ("--map", "隶属=name")),
    ("lists6_juxian_eia_transposed.csv", "transposed_table", ()),
    ("lists6_xiangxiang_eia_decision.csv", "transposed_table", ()),
])
def test_lists_of_no_projects_are_refused_whole(empty_db: Path, capsys: pytest.CaptureFixture[str], name: str,
                                                error: str, extra: tuple[str, ...]) -> None:
    """Refused, nothing stored: 灌云's table has no place (its address line is the bureau's window), nor has
    莘县's acceptance notice (traditional, with pinyin: the county only in its owner's name); 浙江's
    supplement is names under a title; 宁波's bond form and 湘西州's table of counties hold no project (a
    steward who maps 隶属 to the name gets every county skipped as a group counted by its projects); 莒县's
    (traditional, with pinyin) and 湘乡's notices write one project down the rows."""
    out = refused_unchanged(empty_db, capsys, name, *extra)
    assert out["error"] == error
    if error == "transposed_table":
        assert "项目名称" in out["message"] and "建设单位" in out["message"]
    if extra:
        assert out["mapping"] == {"隶 属": "name", "年投资计划": "annual_plan"}
        assert [c for _, c in problem_codes(out["warnings"])].count("row_skipped_group") == 10


def test_words_hidden_by_hashes(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """景县's notice as a bid site reprints it: every word but 工程 hidden by # (### ### 工程)."""
    out = refused_unchanged(empty_db, capsys, "lists6_jingxian_eia_hashes.csv", "--lang", "en")
    assert problem_codes(out["errors"]) == [(3, "name_redacted")]
    assert "###" in out["errors"][0]["message"]


def test_pinyin_glosses_are_left_out_of_cells() -> None:
    said: list[tuple[str, dict]] = []
    cells = pd.DataFrame({0: ["項(xiàng)目名稱", "國能(天津)港務(wù)", "110kV(a)線路", "区(qū)域（ü）"]})
    out = traditional.simplify(cells, said)
    assert out[0].tolist() == ["项目名称", "国能(天津)港务", "110kV(a)线路", "区域（ü）"]
    assert said == [("pinyin_removed", {"count": 3, "example": "項(xiàng)目名稱"})]


@pytest.mark.parametrize(("text", "expected"), [
    ("新七号桥以西区域", (None, None, False)), ("城东区域", (None, None, False)),
    ("攀枝花市西区", ("510000", "510400", False)), ("西宁市城东区", ("630000", "630100", False)),
    ("南京市江北新区核心区域", ("320000", "320100", False)),
])
def test_an_area_is_no_district(place_index: places.PlaceIndex, text: str, expected: tuple) -> None:
    assert place_index.resolve(text) == expected


@pytest.mark.parametrize(("name", "only"), [
    ("天津市滨海新区", True), ("江苏省南京市", True), ("哈密市", True),
    ("天津市滨海新区港口项目", False), ("深圳湾", False), ("",  False),
])
def test_a_name_of_places_only(place_index: places.PlaceIndex, name: str, only: bool) -> None:
    assert place_index.only_places(name) is only


@pytest.mark.parametrize(("label", "field"), [
    ("年计划投资完成率", None), ("投资完成率", None), ("资本金比例", None), ("年投资计划", "annual_plan"),
    ("2024年计划投资", "annual_plan"), ("总投资", "total_investment"),
])
def test_rates_are_no_amounts(label: str, field: str | None) -> None:
    """湘西州's 年计划投资完成率 (78.9%) was mapped to the year's plan and 年投资计划 to nothing."""
    assert hd.field_of(label) == field
