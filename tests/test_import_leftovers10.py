"""Issue 12: the classes round 9 (s29-hostile9, leftovers9, lists7, zones9) found and left, fixed at their root
(s30-leftovers10). Korean and Japanese files read as GBK ended in "no header found"; NEL line ends made one line;
an indented part under a 其中 row was stored as a project; 2024-2026-2028 was stored as 2024-2028 unsaid; 缓建 and
签约 were unknown stages, 未开工 read as 开工; 12.500.000 was "not an amount" and 1.500 beside it 1.5; 45292/46387
was no year; 华昇 was stored as 华升; a total hidden by * was stored as none unsaid; a text's total below the
precision was not said; cluster names folded only blanks; a redacted place was "empty or unknown"; 2,000 sheets
were all previewed. Corpus: ``tests/corpus/make_corpus.py``, ``write_leftovers10``."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from importkit import import_json, problem_codes, refused_file, stored_projects, stored_stages

from dashboard.ingest import preview

# ------------------------------------------------------------------------------ 1. Korean and Japanese files


@pytest.mark.parametrize(("name", "code", "encoding"), [
    ("korean_euc_kr.csv", "file_korean", "EUC-KR (CP949)"), ("korean_utf8.csv", "file_korean", "UTF-8"),
    ("japanese_shift_jis.csv", "file_japanese", "Shift_JIS (Windows-31J)"),
    ("japanese_euc_jp.csv", "file_japanese", "EUC-JP"), ("japanese_iso2022.csv", "file_japanese", "ISO-2022-JP")])
@pytest.mark.parametrize(("lang", "said"), [("zh", ("韩文", "日文")), ("en", ("Korean", "Japanese"))])
def test_korean_and_japanese_files_are_refused_saying_so(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                         name: str, code: str, encoding: str, lang: str,
                                                         said: tuple[str, str]) -> None:
    """EUC-KR's Hangul are GB2312 hanzi byte for byte (사업명 reads as 荤诀疙): read as GBK, the file ended in
    "no header found", encoding GBK. Now refused as Korean or Japanese text in its encoding; store unchanged."""
    refused_file(empty_db, capsys, name, code, encoding, said[code == "file_japanese"], lang=lang)


def test_hz_and_unicode_line_ends_are_read(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """HZ-GB-2312 (~{...~}, 7-bit Chinese) was read as ASCII; NEL (U+0085) and LINE SEPARATOR line ends made the
    file one line ("no header")."""
    for name in ("hz_gb2312.csv", "nel_line_ends.csv", "line_separator_ends.csv"):
        code, out = import_json(empty_db, capsys, name, "--dry-run")
        assert code == 0 and out["rows_read"] == 2 and out["errors"] == [], (name, out)
    code, out = import_json(empty_db, capsys, "hz_gb2312.csv")
    assert out["encoding"] == "hz" and problem_codes(out["warnings"]) == [(None, "encoding_guessed")], out
    assert stored_projects(empty_db) == {
        "苏州晶圆封装项目": ("320000", "320500", Decimal("150000.00"), 2024, 2026, "info_tech"),
        "南京生物医药中心": ("320000", "320100", Decimal("80000.00"), 2024, 2027, "biotech")}


# --------------------------------------------------------------------------------- 2. indented 其中 parts

@pytest.mark.parametrize(("lang", "said"), [("zh", "缩进"), ("en", "indented")])
def test_indented_rows_under_a_part_are_parts(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                              said: str) -> None:
    """其中：一期工程 80000, then "    二期工程" 50000 and "　　三期工程" 20000 (ideographic spaces): the last two were
    stored as projects (a double count). An indented row under a project with no 其中 stays a project."""
    code, out = import_json(empty_db, capsys, "indented_parts.csv", "--lang", lang)
    assert code == 0 and out["errors"] == [], out
    assert problem_codes(out["warnings"]) == [(3, "row_skipped_part"), (4, "row_skipped_part_indented"),
                                              (5, "row_skipped_part_indented")]
    assert said in out["warnings"][1]["message"] and "二期工程" in out["warnings"][1]["message"]
    assert {k: v[2] for k, v in stored_projects(empty_db).items()} == {
        "苏州晶圆封装项目": Decimal("150000.00"), "南京生物医药中心": Decimal("80000.00"),
        "配套工程": Decimal("6000.00")}


# ------------------------------------------------------------------------ 3, 6. year chains, slash serials

@pytest.mark.parametrize(("lang", "said"), [("zh", "三个以上年份"), ("en", "three or more years")])
def test_three_years_in_a_range_are_said_and_left_empty(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                        lang: str, said: str) -> None:
    code, out = import_json(empty_db, capsys, "year_chains.csv", "--lang", lang)
    assert code == 0 and problem_codes(out["warnings"]) == [(2, "year_chain"), (3, "year_chain")], out
    first = out["warnings"][0]
    assert first["column"] == "建设起止年限" and said in first["message"] and "2024-2026-2028" in first["message"]
    assert {k: v[3:5] for k, v in stored_projects(empty_db).items()} == {
        "甲项目": (None, None), "乙项目": (None, None), "丙项目": (2024, 2026), "丁项目": (2024, 2026)}


# --------------------------------------------------------------------------------------------- 4. stages

@pytest.mark.parametrize(("lang", "said"), [("zh", ("缓建", "前期/计划、在建、竣工、取消", "招商洽谈")),
                                            ("en", ("deferred", "Planned, Under construction", "negotiation"))])
def test_stage_words_mapped_or_said(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                    said: tuple[str, str, str]) -> None:
    """签约 / 立项 / 未开工 are a project not started (planned; 未开工 was read as 开工), 试生产 completed, 停工
    cancelled (as 停建); 缓建 and 暂缓开工 (not 开工) are a deferral, 在谈 a lead: no stage holds them, said so."""
    code, out = import_json(empty_db, capsys, "stage_words.csv", "--lang", lang)
    assert code == 0 and out["errors"] == [], out
    assert problem_codes(out["warnings"]) == [(2, "stage_outside_deferred"), (8, "stage_outside_deferred"),
                                              (9, "stage_outside_lead"), (13, "stage_outside_lead")]
    assert said[0] in out["warnings"][0]["message"] and said[1] in out["warnings"][0]["message"]
    assert said[2] in out["warnings"][2]["message"] and out["warnings"][2]["column"] == "建设阶段"
    assert list(stored_stages(empty_db).values()) == [
        None, "planned", "cancelled", "planned", "planned", "planned", None, None, "completed", "cancelled",
        "planned", None]


# ------------------------------------------------------------------------------------ 5. dot thousands

@pytest.mark.parametrize(("lang", "said"), [("zh", "千位分隔"), ("en", "group thousands")])
def test_dot_grouped_thousands(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str, said: str) -> None:
    """12.500.000 can only be thousands (it was "not an amount"), so its column's 1.500 and 3.250万元 are too
    (1.5 before); 2.5 stays 2.5. Each said with what it was read as."""
    code, out = import_json(empty_db, capsys, "dot_thousands.csv", "--lang", lang)
    assert code == 0 and problem_codes(out["warnings"]) == [
        (2, "amount_dot_grouping"), (3, "amount_dot_grouping"), (5, "amount_dot_grouping")], out
    assert said in out["warnings"][0]["message"] and "1,500.00" in out["warnings"][0]["message"]
    assert [v[2] for v in stored_projects(empty_db).values()] == [
        Decimal("1500.00"), Decimal("12500000.00"), Decimal("2.50"), Decimal("3250.00")]


def test_a_lone_dot_group_stays_a_decimal(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = import_json(empty_db, capsys, "dot_decimal.csv")
    assert code == 0 and out["warnings"] == [], out
    assert [v[2] for v in stored_projects(empty_db).values()] == [Decimal("1.50"), Decimal("2.50")]


# ----------------------------------------------------------------------------- 7. characters kept in names

def test_standard_characters_are_kept_through_simplification(empty_db: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    """OpenCC's t2s turned 华昇 into 华升 (a company's name) and 乾縣 into 干县 (a county): characters that are
    standard simplified ones too are kept; 喆 and 堃 were kept already. A simplified file with 昇 is untouched."""
    code, out = import_json(empty_db, capsys, "name_variants_trad.csv")
    assert code == 0, out
    code, out = import_json(empty_db, capsys, "name_variants_simplified.csv")
    # 广西华昇新材料项目 is the same project, stored as it is (nothing to update)
    assert code == 0 and (out["rows_updated"], out["rows_unchanged"]) == (0, 1), out
    assert {k: v[:2] for k, v in stored_projects(empty_db).items()} == {
        "广西华昇新材料项目": ("450000", "450100"), "乾县产业园项目": ("610000", "610400"),
        "喆堃科技园区项目": ("320000", "320500"), "南京毕昇印刷产业园": ("320000", "320100")}


# -------------------------------------------------------------------------------------- 8, 9. masked amounts

@pytest.mark.parametrize(("lang", "said"), [("zh", "被遮盖"), ("en", "hidden")])
def test_masked_amounts_are_said(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str, said: str) -> None:
    """*, ***, ×××万元, （略）, 1**万元: refused as "not an amount" before; a hidden figure is none, said by row."""
    code, out = import_json(empty_db, capsys, "masked_amounts.csv", "--lang", lang)
    assert code == 0 and out["errors"] == [], out
    assert problem_codes(out["warnings"]) == [(r, "amount_masked") for r in range(2, 7)]
    assert out["warnings"][2]["column"] == "总投资（万元）" and said in out["warnings"][2]["message"]
    assert "×××万元" in out["warnings"][2]["message"]
    assert [v[2] for v in stored_projects(empty_db).values()] == [None] * 5 + [Decimal("1000.00")]


@pytest.mark.parametrize(("lang", "said"), [("zh", ("被遮盖", "40 元")), ("en", ("hidden", "40 yuan"))])
def test_totals_in_text_masked_or_below_the_precision(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                                      said: tuple[str, str]) -> None:
    """项目总投资*元 in a 项目概况 was stored as no amount unsaid; 总投资40元 as 0 unsaid (a column's is said)."""
    code, out = import_json(empty_db, capsys, "masked_text_total.csv", "--lang", lang)
    assert code == 0 and problem_codes(out["warnings"]) == [
        (2, "amount_masked"), (3, "amount_from_text"), (4, "amount_from_text"), (4, "amount_rounds_to_zero")], out
    assert out["warnings"][0]["column"] == "项目概况" and said[0] in out["warnings"][0]["message"]
    assert said[1] in out["warnings"][3]["message"]
    assert [v[2] for v in stored_projects(empty_db).values()] == [None, Decimal("2882.00"), Decimal("0.00")]


def test_cluster_names_fold_width_and_case(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    """A cluster named ＡＩ 产业集群 or ai产业集群 in the file is the stored AI产业集群 (only blanks were folded)."""
    con.execute("INSERT INTO clusters (cluster_id, name, tier, status, sector, province_code, batch_id) "
                "VALUES (7, 'AI产业集群', 'cluster', 'designated', 'info_tech', '320000', 1)")
    path = tmp_path / "clusters.csv"
    path.write_text("项目名称,建设地点,总投资（万元）,所属集群\n甲项目,江苏省苏州市,1000,ＡＩ 产业集群\n"
                    "乙项目,江苏省苏州市,1000,ai产业集群\n丙项目,江苏省苏州市,1000,BI产业集群\n", encoding="utf-8")
    plan = preview(con, path)
    assert [None if pd.isna(x) else int(x) for x in plan.records["cluster_id"]] == [7, 7, None]
    assert [(w.code, w.row) for w in plan.warnings] == [("cluster_unknown", 4)]


# --------------------------------------------------------------------------------------- 10. hidden places

@pytest.mark.parametrize(("lang", "said"), [("zh", ("被遮盖", "为空或无法识别")), ("en", ("hidden", "is empty"))])
def test_a_redacted_place_filled_from_the_title_is_said_as_hidden(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                                  lang: str, said: tuple[str, str]) -> None:
    code, out = import_json(empty_db, capsys, "redacted_places_title.csv", "--lang", lang)
    assert code == 0 and problem_codes(out["warnings"]) == [
        (3, "place_title_used_redacted"), (4, "place_title_used_redacted"), (5, "place_title_used")], out
    assert said[0] in out["warnings"][0]["message"] and "江苏省" in out["warnings"][0]["message"]
    assert said[1] in out["warnings"][2]["message"] and out["warnings"][0]["column"] == "建设地点"
    assert [v[:2] for v in stored_projects(empty_db).values()] == [("320000", None)] * 3 + [("320000", "320500")]


# ------------------------------------------------------------------------------------------ 11. many sheets

def test_sheets_past_the_limit_are_not_previewed(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """205 one-row sheets: the first 200 are read, the rest said in one warning and never previewed (sheet 203's
    unknown place, 火星, is no error); 2,000 such sheets took 308 CPU-s when every one was previewed."""
    code, out = import_json(empty_db, capsys, "sheets_past_limit.xlsx", "--dry-run")
    assert code == 0 and out["errors"] == [] and out["rows_read"] == 200, out
    assert len(out["sheets_read"]) == 200 and out["sheets_read"][-1] == "S200"
    left = [w for w in out["warnings"] if w["code"] == "sheet_left_out_too_many"]
    assert len(left) == 1 and all(s in left[0]["message"] for s in ("S201", "S205")), out["warnings"]
