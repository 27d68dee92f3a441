"""A fourth round of real published lists (issue 12): county bond disclosures of three more layouts, a
district's 2009 list of names grouped by department and stage, 环评 batches as an aggregator stores them
(words hidden by (略) and *), a prefecture's 以工代赈 table of counties, a hospital's bond tables and a
province's disclosure form. Each is a corpus file transcribed from its page (sources in
``tests/corpus/make_corpus.py``, ``write_lists4``), imported through the command line with ``--json`` and
checked row by row against the published table."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest
from importkit import CORPUS, problem_codes, run_json, stored_projects, stored_stages

from dashboard import store
from dashboard.ingest import normalise


def imported(db: Path, capsys: pytest.CaptureFixture[str], path: Path, *extra: str) -> tuple[int, dict]:
    return run_json(capsys, "import", str(path), "--db", str(db), "--json", *extra)


def stored_count(db: Path) -> int:
    con = store.connect(db, read_only=True)
    try:
        return con.execute("SELECT count(*) FROM projects").fetchone()[0]
    finally:
        con.close()


@pytest.mark.parametrize("name", ["lists4_yangling_general_bonds.xlsx", "lists4_lezhi_special_bonds.xlsx",
                                  "lists4_baoding_work_relief.csv"])
def test_tables_of_bonds_or_counties_are_no_project_lists(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                          name: str) -> None:
    """杨凌's and 乐至's disclosures list bonds (债券名称, 债券编码…) with no project's name, 杨凌's with its 合计
    first and thousands separators; 保定's 以工代赈 table lists counties (共计, 阜平县 500万). None is a list
    of projects: refused as having no header, nothing stored (no bond or county stored as a project)."""
    code, out = imported(empty_db, capsys, CORPUS / name)
    assert code != 0 and out["error"] == "no_header"
    assert stored_count(empty_db) == 0


LIANGSHAN = ["交通安保工程", "盐源航空护林直升机场扩建", "西昌卫星发射基地航空护林直升机场",
             "交通应急抢险及 灾毁恢复 专项资金", "凉山州地方公路在役长大桥隧结构安全监测项目(一期)",
             "购置移动激光测风雷达", "雷电监测设施建设", "漫水湾镇森林草原防灭火教育实训基地一期项目",
             "卫星林火监测系统建设项目", "S309椅子垭口隧道"]


def test_names_under_another_header_are_read_when_mapped(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """凉山州's disclosure prints each project's name under 备注. With no 项目名称 cell no header was found, so
    ``--map 备注=name`` was never applied and all ten projects were refused; the map now finds the header.
    The message of the refusal without it says what to do."""
    path = CORPUS / "lists4_liangshan_general_bonds.xlsx"
    code, out = imported(empty_db, capsys, path, "--dry-run")
    assert code != 0 and out["error"] == "no_header" and "--map 备注=name" in out["message"]
    code, out = imported(empty_db, capsys, path, "--map", "备注=name")
    assert code == 0, out
    assert out["rows_imported"] == 10 and out["errors"] == []
    assert out["mapping"] == {"债券项目总投资": "total_investment", "备注": "name"}
    got = stored_projects(empty_db)
    assert list(got) == LIANGSHAN
    # 凉山彝族自治州 (the title) for every row; an amount only where the table gives one (3.95 亿元).
    assert {v[:2] for v in got.values()} == {("510000", "513400")}
    assert {k: v[2] for k, v in got.items() if v[2] is not None} == {"S309椅子垭口隧道": Decimal("39500.00")}


def test_a_traditional_bond_table_without_a_place(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """遂宁's disclosure as a reposting site stores it (traditional characters, 万元): its columns are read
    (項目名稱, 債券項目總投資 / 總投資), but nothing in the file names a place: refused, saying so."""
    code, out = imported(empty_db, capsys, CORPUS / "lists4_suining_general_bonds.csv")
    assert code != 0 and out["error"] == "no_place_column" and out["rows_read"] == 2
    assert out["mapping"] == {"项目名称": "name", "债券项目总投资 / 总投资": "total_investment"}


def with_place(path: Path, tmp: Path, place: str) -> Path:
    """The list with a 建设地点 column of ``place`` on every row under its header (the first row): what a
    steward who knows the publisher adds, nothing else changed."""
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([rows[0] + ["建设地点"]] + [r + [place] for r in rows[1:]])
    dest = tmp / path.name
    dest.write_text(out.getvalue(), encoding="utf-8")
    return dest


XINDU_STAGES = {
    "航空发动机零部件生产线": "completed",
    **dict.fromkeys(["健康药品生产线", "食品饮料、金属包装生产线", "中药饮片生产线", "天锡发动机关键零部件生产线",
                     "新都卫星城工业东区污水处理厂"], "completed"),
    **dict.fromkeys(["汽车钢圈和真空轮胎生产线", "啤酒生产线(迁建)", "电缆生产线", "石油机械生产线",
                     "特种金属及母合金生产", "标准厂房建设", "工业东区基础设施建设"], "under_construction"),
    **dict.fromkeys(["汽车零部件生产", "液压设备生产", "中国西部特种功能性新材料加工基地", "洗衣机生产",
                     "贵重中药材饮片加工", "高压铁塔、通信铁塔及附件生产线", "双零铝箔生产线"], "under_construction"),
}


def test_a_list_of_names_grouped_by_department_then_stage(empty_db: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """新都's 2009 list: 合計(129項), departments (一 區經濟局(1項)), stages under them ((一) 竣工項目(5項),
    (二) 加快建設項目(7項), (三) 新開工項目(7項)). As published (no place anywhere) it is refused, its 20
    projects read and no group row among them. With the district added: 加快建設 was no stage word, so its 7
    projects were stored as 竣工 (the stage of the heading before it, carried on); and the department with
    one project wrote its stage heading and the project in one cell, kept in the name."""
    code, out = imported(empty_db, capsys, CORPUS / "lists4_xindu_2009.csv")
    assert code != 0 and out["error"] == "no_place_column" and out["rows_read"] == 20
    code, out = imported(empty_db, capsys, with_place(CORPUS / "lists4_xindu_2009.csv", tmp_path, "四川省成都市新都区"))
    assert code == 0, out
    assert out["rows_imported"] == 20
    assert stored_stages(empty_db) == XINDU_STAGES
    assert {v[:2] for v in stored_projects(empty_db).values()} == {("510000", "510100")}
    assert (4, "heading_in_name") in problem_codes(out["warnings"])


NESTED = """序号,项目名称,建设地点,总投资（万元）
一、,新开工项目,,
(一),工业项目,,
1,合肥动力电池项目,安徽省合肥市,8000
(二),社会事业项目,,
2,合肥市第一人民医院新院区,安徽省合肥市,5000
二、,竣工项目,,
1,芜湖储能电站项目,安徽省芜湖市,3000
三、,其他项目,,
1,芜湖物流园项目,安徽省芜湖市,2000
"""


def test_a_stage_heading_holds_over_the_groups_under_it(empty_db: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """The rule above keeps a stage over the groups under its heading (一、新开工项目 over （一）工业项目 and
    （二）社会事业项目) and ends it at the next heading of its rank (三、其他项目 names no stage)."""
    path = tmp_path / "nested.csv"
    path.write_text(NESTED, encoding="utf-8")
    code, out = imported(empty_db, capsys, path)
    assert code == 0, out
    assert stored_stages(empty_db) == {"合肥动力电池项目": "under_construction",
                                "合肥市第一人民医院新院区": "under_construction",
                                "芜湖储能电站项目": "completed", "芜湖物流园项目": None}


def test_names_with_words_hidden_are_refused(empty_db: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """兰州's 环评 batch as an aggregator stores it: names and sites with words hidden ((略) 中佑 (略) 实验室项目).
    Refused as published (the sites are unreadable too); with the sites readable the names were stored as
    they stood. Each name is refused now, saying why."""
    path = CORPUS / "lists4_lanzhou_eia_masked.csv"
    code, out = imported(empty_db, capsys, path)
    assert code != 0
    assert [c for c in problem_codes(out["errors"]) if c[1] == "name_redacted"] == [(2, "name_redacted"),
                                                                                     (3, "name_redacted")]
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("gbk"))))
    for row in rows[1:]:
        row[2] = "甘肃省兰州市城关区"   # 城关区 of 兰州, as the masked cells show it (…关区)
    readable = tmp_path / "lanzhou.csv"
    readable.write_text("".join(",".join(r) + "\n" for r in rows), encoding="utf-8")
    code, out = imported(empty_db, capsys, readable)
    assert code != 0 and out["rows_rejected"] == 2
    assert {c for _r, c in problem_codes(out["errors"])} == {"name_redacted"}
    assert stored_count(empty_db) == 0


@pytest.mark.parametrize("name", ["(略) 中佑 (略) 实验室项目", "电气安塞化子坪镇 * 兆瓦风电项目", "某某***项目",
                                  "（略）新材料项目"])
def test_redaction_marks(name: str) -> None:
    assert normalise._REDACTED.search(name)


@pytest.mark.parametrize("name", ["华能2*660MW热电联产项目", "年产5*10万吨项目", "*新材料项目", "三期项目*",
                                  "C#语言培训中心", "略阳县城区供水项目"])
def test_not_redaction_marks(name: str) -> None:
    """A multiplication (2*660MW), a footnote mark, a # and 略 in a place's name (略阳县) are no hidden words."""
    assert not normalise._REDACTED.search(name)


def test_an_eia_batch_whose_site_hides_its_city(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """延安's batch hides the city in the site ((略) 宝塔区李渠镇…) but not in the name: 宝塔区 places it; the
    note under the table (备注：该项目内容不涉及涉密信息) is no project."""
    code, out = imported(empty_db, capsys, CORPUS / "lists4_yanan_eia.csv")
    assert code == 0, out
    assert out["rows_imported"] == 1 and out["errors"] == []
    # its owner hides words too ((略)): not stored as the owner, said (round 7)
    assert problem_codes(out["warnings"]) == [(2, "owner_redacted"), (3, "row_skipped_note")]
    assert {k: v[:3] for k, v in stored_projects(empty_db).items()} == {
        "延安功鼎新型环保建材建设项目": ("610000", "610600", None)}


def test_a_hospital_bond_table_and_its_revenue_table(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """铜陵's hospital: 部门名称 first, three header rows; its revenue and assets table below is left out."""
    code, out = imported(empty_db, capsys, CORPUS / "lists4_tongling_hospital_bonds.xlsx")
    assert code == 0, out
    assert out["mapping"] == {"项目名称": "name", "项目所在地区": "place", "项目总投资 / 总投资": "total_investment"}
    assert (8, "other_table_left_out") in problem_codes(out["warnings"])
    assert {k: v[:3] for k, v in stored_projects(empty_db).items()} == {
        "铜陵市第二人民医院(传染病医院)病房楼扩建工程": ("340000", "340700", Decimal("19900.00"))}


def test_a_province_disclosure_form(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """椒江's rows of the province's form (亿元): 项目全周期总投资 / 合计 is the total, not the bond's share
    (本期债券使用额度), the realised amounts or the expected revenue; 发行期限(年) is no year."""
    code, out = imported(empty_db, capsys, CORPUS / "lists4_jiaojiang_special_bonds.csv")
    assert code == 0, out
    assert out["mapping"] == {"地市": "city", "区县": "district", "项目名称": "name",
                              "项目全周期总投资 / 合计": "total_investment"}
    assert {k: v[:5] for k, v in stored_projects(empty_db).items()} == {
        "大陈岛海上大花园项目": ("330000", "331000", Decimal("103600.00"), None, None),
        "大陈岛甲午岩景区配套设施改造提升工程": ("330000", "331000", Decimal("9900.00"), None, None)}
