"""A fifth round of real published lists (issue 12): 环评 approval notices and decisions as county portals and
reposting sites print them: a 性质 column, words hidden by (略) and runs of *, one project written down the
rows (field | value), traditional characters with a note under the table, decision tables with no place, and a
numbered list of names. Each is a corpus file transcribed from its page (sources in
``tests/corpus/make_corpus.py``, ``write_lists5``), imported through the command line with ``--json`` (and
``--dry-run``) and checked row by row against the published table."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from importkit import CORPUS, problem_codes, refused_unchanged, run_json, stored_projects, stored_stages

from dashboard.ingest import headers as hd
from dashboard.ingest import normalise


def imported(db: Path, capsys: pytest.CaptureFixture[str], path: Path, *extra: str) -> tuple[int, dict]:
    return run_json(capsys, "import", str(path), "--db", str(db), "--json", *extra)


def test_a_notice_with_a_nature_column_is_stored_as_published(empty_db: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """黄冈's notice: 序号 | 项目名称 | 性质 | 建设地点 | 主要建设内容, one project, no amount. Stored with its place
    (湖北省黄冈市 from 黄冈市黄州区南湖工业园), no amount or years made up; the dry run says the same and writes
    nothing. 性质 holding 新建 is the kind of construction, not the stage (round 8): kept as an extra column, said,
    the stage empty (it was stored as 在建)."""
    path = CORPUS / "lists5_huanggang_eia.csv"
    code, dry = imported(empty_db, capsys, path, "--dry-run")
    assert code == 0 and dry["rows_imported"] == 0 and dry["errors"] == []
    code, out = imported(empty_db, capsys, path)
    assert code == 0 and out["rows_imported"] == 1, out
    assert out["mapping"] == {"项目名称": "name", "建设地点": "place", "主要建设内容": "content"}
    assert "column_construction_kind" in [w["code"] for w in out["warnings"]]
    name = "湖北岚湖华源智能机械包装有限公司年产3万吨塑料颗粒综合利用项目"
    assert stored_projects(empty_db) == {name: ("420000", "421100", None, None, None, None)}
    assert stored_stages(empty_db) == {name: None}


@pytest.mark.parametrize(("lang", "words"), [("zh", "遮盖标记"), ("en", "hid words")])
def test_places_hidden_by_a_reposting_site_are_said_as_hidden(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                              lang: str, words: str) -> None:
    """A 陕西 county's notice as a bid site reprints it: the county in each place is ** (**县**街道办…) and one
    name is ****医院建设项目. Each place was refused as "not a place this tool can resolve" (a typo to look
    for); it is now said as hidden words, as names were in round 4. Nothing is stored."""
    out = refused_unchanged(empty_db, capsys, CORPUS / "lists5_shaanxi_eia_masked.csv", "--lang", lang)
    assert problem_codes(out["errors"]) == [(2, "place_redacted"), (3, "name_redacted"), (3, "place_redacted")]
    assert all(words in e["message"] for e in out["errors"])


def test_a_traditional_notice_with_hidden_words_and_a_note(empty_db: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """新津's notice (traditional characters): the name and the site hidden by (略), a note row under the table.
    The row is refused for both, the note skipped and said, nothing stored."""
    out = refused_unchanged(empty_db, capsys, CORPUS / "lists5_xinjin_eia_trad.csv")
    assert problem_codes(out["errors"]) == [(2, "name_redacted"), (2, "place_redacted")]
    assert (3, "row_skipped_note") in problem_codes(out["warnings"])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_one_project_down_the_rows_is_named_as_such(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                    lang: str) -> None:
    """增城's notice prints one project as field | value rows (项目名称 | …, 建设地点 | …). It was refused as
    having no header, with the advice to map a column to the name, which cannot help; the refusal now says
    the sheet lists a project down its rows, names the labels, and says how to turn it into a table."""
    out = refused_unchanged(empty_db, capsys, CORPUS / "lists5_zengcheng_eia_transposed.csv", "--lang", lang)
    assert out["error"] == "transposed_table"
    labels = {"zh": "项目名称、建设地点、建设单位、项目概况", "en": "项目名称, 建设地点, 建设单位, 项目概况"}[lang]
    assert labels in out["message"] and "--map" not in out["message"]  # listed as the message's language lists


@pytest.mark.parametrize(("name", "error", "redacted"), [
    ("lists5_wenshui_eia_decisions.csv", "no_place_column", []),
    ("lists5_yichun_eia_decisions.csv", "no_place_column", [2, 3]),
    ("lists5_gaomi_eia_decisions.csv", "no_header", []),
    ("lists5_west_ten_numbered.txt", "no_header", []),
])
def test_decision_tables_and_a_numbered_list_are_refused(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                         name: str, error: str, redacted: list[int]) -> None:
    """Decision tables list a name, a document number and a date, and nothing of a place (文水, 宜春); 高密's
    lists documents (关于《…》批复), not projects; the 西部 list is numbered lines of names. Each is refused
    whole, saying why, and nothing is stored; 宜春's hidden names (4.(略)吨) are said too."""
    out = refused_unchanged(empty_db, capsys, CORPUS / name)
    assert out["error"] == error
    assert [r for r, c in problem_codes(out["warnings"] + out["errors"]) if c == "name_redacted"] == redacted


def test_a_national_list_of_pilot_cities_is_no_project_list(empty_db: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """工信部 and 财政部's 26 pilot cities (序号 | 市(区), two districts in some cells, a note under the table): a
    list of places, not projects. Refused as having no header; a steward who maps 市(区) to the name gets a
    header but no place column: refused again, nothing stored either way (no city stored as a project)."""
    path = CORPUS / "lists5_miit_techreform_cities.csv"
    assert refused_unchanged(empty_db, capsys, path)["error"] == "no_header"
    out = refused_unchanged(empty_db, capsys, path, "--map", "市(区)=name")
    assert out["error"] == "no_place_column" and out["rows_read"] == 26


def test_field_column_needs_a_name_and_another_field_with_values() -> None:
    """The down-the-rows check looks at the first columns of the first rows only, and wants a project name
    and one more field, each with a value to its right."""
    form = pd.DataFrame([["项目名称", "甲项目"], ["建设地点", "南京市"], ["总投资（万元）", "500"]])
    assert hd.field_column(form) == (0, ["项目名称", "建设地点", "总投资（万元）"])
    numbered = pd.DataFrame([["", "项目名称", "甲"], ["", "建设地点", "南京市"]])
    assert hd.field_column(numbered) == (1, ["项目名称", "建设地点"])
    assert hd.field_column(pd.DataFrame([["项目名称", ""], ["建设地点", ""]])) is None  # labels, no values
    assert hd.field_column(pd.DataFrame([["项目名称", "甲"], ["说明", "乙"]])) is None   # a name alone
    assert hd.field_column(pd.DataFrame([["表3-1", ""], ["单位:亿元", ""]])) is None


@pytest.mark.parametrize(("place", "hidden"), [
    ("**县**街道办关中环线七一村66号", True), ("(略) (略) (略) 509号", True), ("******区新塘镇", True),
    ("甘 (略) 关区", True), ("3#厂房", False), ("A*区", False), ("江苏省南京市", False),
])
def test_place_redaction_pattern(place: str, hidden: bool) -> None:
    assert bool(normalise._PLACE_REDACTED.search(place)) is hidden
