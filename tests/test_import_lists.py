"""Classes found by importing real published lists (集中开工, 签约 and 重点项目 announcements transcribed as a
publisher hands them over; issue 12): one synthetic corpus file each (``tests/corpus/make_corpus.py``,
``write_lists``), imported through the command line with ``--json``: what is stored, what is said."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from importkit import CORPUS, problem_codes, run_json, stored_projects, stored_stages


def imported(db: Path, capsys: pytest.CaptureFixture[str], name: str, *extra: str) -> dict:
    code, out = run_json(capsys, "import", str(CORPUS / name), "--db", str(db), "--json", *extra)
    assert code == 0, out
    return out


def test_group_numerals_in_the_seq_column_are_headings(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """一 / 二 in the 序号 column with the group's heading and subtotal beside it, and an "其中" row: none of
    them a project (each was stored as one, carrying its subtotal: 30 + 50 + 50 亿元 too many)."""
    out = imported(empty_db, capsys, "group_numerals.csv")
    assert out["rows_read"] == 3 and out["rows_imported"] == 3
    assert problem_codes(out["warnings"]) == [(8, "row_skipped_part")]   # the 合计 (80) now adds up
    got = stored_projects(empty_db)
    assert {k: v[2] for k, v in got.items()} == {"徐州高端装备产业园项目": Decimal("200000.00"),
                                                 "徐州智能传感器项目": Decimal("100000.00"),
                                                 "徐州储能电池项目": Decimal("500000.00")}
    # The headings still give their rows a stage: 新开工 (under construction), 竣工 (completed).
    assert stored_stages(empty_db) == {"徐州高端装备产业园项目": "under_construction",
                                "徐州智能传感器项目": "under_construction", "徐州储能电池项目": "completed"}


def test_a_batch_column_left_of_the_name(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """第一批 in the first column made a three-cell project row a section heading (dropped without a word),
    and the 合计 in the name column was stored as a project of 12 亿元."""
    out = imported(empty_db, capsys, "batch_column.csv")
    assert out["rows_read"] == 3
    assert {k: (v[1], v[2]) for k, v in stored_projects(empty_db).items()} == {
        "南京光电芯片项目": ("320100", None), "南京生物制药项目": ("320100", Decimal("120000.00")),
        "苏州氢能装备项目": ("320500", Decimal("80000.00"))}


def test_rows_told_by_their_count_are_groups(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """集中签约项目（3个） or 1至10月新增签约项目（113个): a batch or period total, never one project (30 and
    541.05 亿元 were stored as projects); each is said, since a bundled project could be written so."""
    for lang, word in (("zh", "未作为项目导入"), ("en", "not imported as a project")):
        code, out = run_json(capsys, "import", str(CORPUS / "counted_groups.csv"), "--db", str(empty_db), "--json",
                             "--dry-run", "--lang", lang)
        assert code == 0 and out["rows_read"] == 2
        # 集中签约项目（3个） is a stage heading since 签约 is a stage word (planned, s30-leftovers10): a heading, as
        # 一、新开工项目（12个） is, giving its rows their stage, and not said
        assert problem_codes(out["warnings"]) == [(4, "row_skipped_group"), (6, "row_skipped_part")]
        assert all(word in w["message"] and w["value"] in w["message"] for w in out["warnings"])
    imported(empty_db, capsys, "counted_groups.csv")
    assert {k: v[2] for k, v in stored_projects(empty_db).items()} == {
        "连云港动力电池项目": Decimal("80000.00"), "连云港新材料项目": Decimal("120000.00")}
    assert stored_stages(empty_db) == {"连云港动力电池项目": "planned", "连云港新材料项目": "planned"}


def test_place_from_the_title_when_there_is_no_location_column(empty_db: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """A city's list names its place once, in its title: the file was refused for want of a location column."""
    out = imported(empty_db, capsys, "place_in_title.csv")
    assert problem_codes(out["warnings"]) == [(None, "place_from_title"), (4, "amount_usd")]
    assert "徐州市" in out["warnings"][0]["message"]
    assert {k: v[:3] for k, v in stored_projects(empty_db).items()} == {
        "徐州工程机械零部件项目": ("320000", "320300", Decimal("50000.00")),
        "徐州光伏组件项目": ("320000", "320300", Decimal("21300.00"))}   # 3000万美元 at 7.1


def test_no_place_in_the_title_is_still_refused(empty_db: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """A title that does not start with a place names none: its other words are never read as one."""
    for title in ("2024年重大项目集中签约清单", "重大项目清单（新区、高新区）", ""):
        f = tmp_path / "list.csv"
        f.write_text((title + "\n" if title else "") + "项目名称,总投资（万元）\n甲项目,100\n", encoding="utf-8")
        code, out = run_json(capsys, "import", str(f), "--db", str(empty_db), "--json", "--dry-run")
        assert code == 1 and out["error"] == "no_place_column", title


def test_title_place_for_sites_the_index_cannot_know(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Under a title naming 徐州市, 经开区 and an empty 所在地 refused their rows (place_unknown, place_missing):
    they are the city's, said per row; a cell naming another known place keeps it."""
    out = imported(empty_db, capsys, "title_place_rows.csv")
    assert problem_codes(out["warnings"]) == [(3, "place_title_used"), (5, "place_title_used")]
    assert "徐州市" in out["warnings"][0]["message"] and "经开区" in out["warnings"][0]["message"]
    assert {k: v[:2] for k, v in stored_projects(empty_db).items()} == {
        "徐州经开区装备项目": ("320000", "320300"), "徐州铜山电子项目": ("320000", "320300"),
        "徐州空地点项目": ("320000", "320300"), "南京材料项目": ("320000", "320100")}


def test_county_short_names_with_their_zones(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """义乌经济技术开发区, 江华高新区, 江华县 (for 江华瑶族自治县) under a 落户地 header: the header was not a
    location and the sites were unknown; a zone found inside a longer name (慈溪滨海经济开发区) is not
    read as 滨海县's: it stayed unknown until s29-zones9, and is now 浙江慈溪滨海经济开发区 of
    data/development_zones.csv, in 宁波市 (慈溪 is Ningbo's), said as a zone."""
    code, out = run_json(capsys, "import", str(CORPUS / "zone_places.csv"), "--db", str(empty_db), "--json",
                         "--skip-invalid")
    assert code == 0 and out["mapping"]["落户地"] == "place"
    assert problem_codes(out["errors"]) == []
    assert (6, "place_zone") in problem_codes(out["warnings"])
    assert {k: v[:2] for k, v in stored_projects(empty_db).items()} == {
        "义乌园区项目": ("330000", "330700"), "长兴园区项目": ("330000", "330500"),
        "江华园区项目": ("430000", "431100"), "江华县城项目": ("430000", "431100"),
        "慈溪园区项目": ("330000", "330200")}


def test_a_skipped_row_is_named_in_its_message(empty_db: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """A note row's message showed "{value}" where its text belongs."""
    f = tmp_path / "list.csv"
    f.write_text("项目名称,建设地点,总投资（万元）\n甲项目,江苏省南京市,100\n注：金额为计划数,,\n", encoding="utf-8")
    for lang in ("zh", "en"):
        code, out = run_json(capsys, "import", str(f), "--db", str(empty_db), "--json", "--dry-run", "--lang", lang)
        [w] = out["warnings"]
        assert code == 0 and w["code"] == "row_skipped_note" and "注：金额为计划数" in w["message"]
        assert "{" not in w["message"]
