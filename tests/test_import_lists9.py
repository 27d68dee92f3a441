"""A ninth round of real published lists (issue 12), looking for tables with an amount: 香港's Finance Committee
papers (traditional, HK dollars written as 元 inside each recommendation), a 厦门 专项债 disclosure whose amounts a
bid site masked, and press items naming projects with their amounts (English: 河池, 永兴; 台湾 in 新台币; reposts
from 徐州, 芜湖, 临港). Each is a corpus file transcribed from its page (sources in ``tests/corpus/make_corpus.py``,
``write_lists9``), imported through the command line with ``--json`` and checked against the published table."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from importkit import CORPUS, import_json, problem_codes, refused_unchanged, stored_projects

from dashboard.ingest import headers as hd
from dashboard.ingest import traditional

HK = ["lists9_hk_fcr_1997_13.csv", "lists9_hk_fcr_1997_65.csv", "lists9_hk_fcr_1998_21.csv",
      "lists9_hk_fcr_1999_73.csv", "lists9_hk_fcr_1999_28.csv", "lists9_hk_fcr_1999_33.csv"]
HK_ROWS = {"lists9_hk_fcr_1997_13.csv": 4, "lists9_hk_fcr_1997_65.csv": 3, "lists9_hk_fcr_1998_21.csv": 4,
           "lists9_hk_fcr_1999_73.csv": 3, "lists9_hk_fcr_1999_28.csv": 4, "lists9_hk_fcr_1999_33.csv": 2}
PROSE = ["lists9_hechi_signed_en.txt", "lists9_yongxing_signed_en.txt", "lists9_taiwan_rail_budget.txt",
         "lists9_taiwan_invest_3.txt", "lists9_xuzhou_jkq_signed.txt", "lists9_wuhu_named.txt",
         "lists9_lingang_2025_signed.txt"]


@pytest.mark.parametrize("name", HK)
def test_hong_kong_papers_name_their_projects_and_lack_a_place(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                              name: str) -> None:
    """工程計劃說明 is the project's name (香港's 工程計劃 = project): found without a --map. The papers name no
    place (the publisher is 香港's legislature): refused for that, not for a missing header (1997_13, 1998_21:
    "map such as 备注") nor as a one-project form (its 第3階段 read as a stage label: transposed_table)."""
    out = refused_unchanged(empty_db, capsys, name)
    assert out["error"] == "no_place_column", out
    assert out["mapping"] == {"工程计划说明": "name"}
    assert out["unmapped"] == ["工程计划编号", "建议"]
    assert out["rows_read"] == HK_ROWS[name]
    assert problem_codes(out["errors"]) == [(None, "no_place_column")]


def test_a_big5_paper_is_read_as_big5(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = refused_unchanged(empty_db, capsys, "lists9_hk_fcr_1997_65.csv")
    assert out["encoding"] in ("big5", "big5hkscs", "cp950")
    assert problem_codes(out["warnings"]) == [(None, "encoding_guessed")]


def test_xiamen_bond_rows_stored_as_published(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """厦门's 专项债券八期 as a bid site shows it: the bond's form above the project table, every figure masked
    (*.**, *****). Two projects stored in 厦门 (350200), no amount; 项目领域 is a bond category, no sector."""
    code, out = import_json(empty_db, capsys, "lists9_xiamen_bond_masked.csv")
    assert code == 0 and out["errors"] == [], out
    assert problem_codes(out["warnings"]) == [(7, "sector_unknown"), (8, "sector_unknown")]
    assert stored_projects(empty_db) == {
        "厦门市翔安粮库三期工程": ("350000", "350200", None, None, None, None),
        "凯旋农贸市场翻建项目": ("350000", "350200", None, None, None, None)}


@pytest.mark.parametrize("name", PROSE)
def test_press_items_are_told_to_be_made_tables(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                name: str) -> None:
    """Projects named in sentences with their amounts: running text, to be put in a table first. 河池's English
    item, split at its commas, was a "table" of fragments (with a total investment of 4.88 billion yuan mapped as
    the amount) refused for having no name column; 永兴's was told to map "such as 备注"."""
    out = refused_unchanged(empty_db, capsys, name)
    assert out["error"] == "no_header"
    assert "成段的文字" in out["message"] and "整理成表格" in out["message"], out["message"]
    assert out["mapping"] == {} and out["unmapped"] == []


@pytest.mark.parametrize("name", ["lists9_hechi_signed_en.txt", "lists9_yongxing_signed_en.txt"])
def test_english_items_in_english(empty_db: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    out = refused_unchanged(empty_db, capsys, name, "--lang", "en")
    assert "running text" in out["message"] and "one row per project" in out["message"], out["message"]


@pytest.mark.parametrize(("label", "field"), [
    ("工程計劃說明", "name"), ("工程计划说明", "name"), ("工程名称", "name"), ("計畫名稱", "name"),
    ("计划名称", "name"), ("项目名称", "name"),
    # neighbours keep their fields
    ("工程概况", "content"), ("工程内容", "content"), ("计划投资", "total_investment"), ("工程计划编号", None),
])
def test_name_headers_of_hong_kong_and_taiwan(label: str, field: str | None) -> None:
    assert hd.field_of(hd.label_key(label)) == field


def test_english_prose_reads_as_prose() -> None:
    text = pd.DataFrame([["Hechi signed five contracted projects", " with a total investment of 9.88 billion yuan "
                          "($1.45 billion)", " with enterprises from the Greater Bay Area."]])
    assert hd.reads_as_prose(text)
    # an English table: short cells, decimals, no sentence
    table = pd.DataFrame([["Project", "Location", "Total investment (100 million yuan)"],
                          ["Big data industrial park", "Hechi, Guangxi", "5.3"],
                          ["Tourism complex project", "Yizhou district, Hechi", "12.0"]])
    assert not hd.reads_as_prose(table)


def test_a_copy_with_the_place_added_stores_the_hong_kong_names(empty_db: Path, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """The steward's next step: the paper with a 建設地點 column (香港) added. The names are stored simplified,
    香港's variant 衞 as 卫 (it was kept: 公共衞生化验大楼), in 香港 (810000); the estimates stand inside the
    recommendation's sentence, in HK dollars (估計費用為4億9,160萬元), and no column holds an amount: none stored."""
    rows = (CORPUS / "lists9_hk_fcr_1998_21.csv").read_text(encoding="utf-8-sig").splitlines()
    at = next(i for i, line in enumerate(rows) if line.startswith("工程計劃編號"))
    copy = rows[:at] + [rows[at] + ",建設地點"] + [line + ",香港" for line in rows[at + 1:]]
    path = tmp_path / "fcr_1998_21_with_place.csv"
    path.write_text("\n".join(copy) + "\n", encoding="utf-8")
    code, out = import_json(empty_db, capsys, path)
    assert code == 0 and out["errors"] == [] and out["warnings"] == [], out
    assert stored_projects(empty_db) == {
        "粉岭裁判法院大楼": ("810000", None, None, None, None, None),
        "川龙污水收集系统": ("810000", None, None, None, None, "green_env"),
        "薄扶林道与沙宣道交界的交汇处": ("810000", None, None, None, None, None),
        "公共卫生化验大楼": ("810000", None, None, None, None, None)}


@pytest.mark.parametrize(("text", "simplified"), [
    ("公共衞生化驗大樓", "公共卫生化验大楼"), ("衞生", "卫生"), ("衹", "只"), ("粧", "妆"), ("糭", "粽"),
    # simplified characters (hk2s makes 抬 擡) stay as written
    ("抬头", "抬头"), ("著名", "著名"),
])
def test_hong_kong_variants_fold(text: str, simplified: str) -> None:
    assert traditional.to_simplified(text) == simplified
    assert traditional.simplify_text(text) == simplified


def _with_place_and_total(tmp_path: Path, header: str = "總投資") -> Path:
    """FCR(98-99)21 as a steward would take it on: a place column (香港) and the estimate of each recommendation
    (估計費用為…萬元) copied into a column of its own."""
    import csv
    import re

    with (CORPUS / "lists9_hk_fcr_1998_21.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    out = []
    for row in rows:
        if row and row[0] == "工程計劃編號":
            row = [*row, "建設地點", header]
        elif len(row) == 3:
            row = [*row, "香港", re.search(r"估計費用為\s*(.*?萬元)", row[2]).group(1)]
        out.append(row)
    path = tmp_path / "fcr_1998_21_with_totals.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(out)
    return path


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_hong_kong_dollars_as_yuan_are_said(empty_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            lang: str) -> None:
    """4億9,160萬元 in a 香港 paper is HK dollars: stored as 49,160 万元 (人民币) without a word before. Stored as
    written (a mainland list may give a 香港 project in 人民币), said row by row with the currency to convert."""
    code, out = import_json(empty_db, capsys, _with_place_and_total(tmp_path), "--lang", lang)
    assert code == 0 and out["errors"] == [], out
    assert problem_codes(out["warnings"]) == [(r, "amount_local_currency") for r in (9, 10, 11, 12)]
    first = out["warnings"][0]
    assert first["value"] == "4亿9,160万元"
    assert ("港元" in first["message"] and "换算为人民币" in first["message"]) if lang == "zh" else (
        "HK dollars" in first["message"] and "convert" in first["message"]), first["message"]
    assert {n: v[2] for n, v in stored_projects(empty_db).items()} == {
        "粉岭裁判法院大楼": Decimal("49160.00"), "川龙污水收集系统": Decimal("2440.00"),
        "薄扶林道与沙宣道交界的交汇处": Decimal("49160.00"), "公共卫生化验大楼": Decimal("131300.00")}


def test_a_header_naming_renminbi_is_not_said(empty_db: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    code, out = import_json(empty_db, capsys, _with_place_and_total(tmp_path, "總投資（人民幣）"))
    assert code == 0 and out["warnings"] == [], out
