"""Issue 12: the classes round 8 (s28-hostile8) found and left, fixed at their root (s29-leftovers9).
Names differing only in ASCII case (5G基站 / 5g基站) were two projects; a number cell holding text (1,500) refused
its sheet as damaged; 0.004万元 was stored as 0 unsaid; 5m / 5 mn without a currency were 5万元; 30% was "not an
amount"; 45292-46022 (two Excel serial dates) was no year; a subtotal's formula without a saved result was said as
if a project's; an HTML page (.html, .htm) was read as a comma-separated text, its rowspan amounts given to every
row; a line of real GBK text holding a traditional or rare character (東 96 7C, 昇 95 4E) was said to maybe hold
Windows-1252 marks, 東莞 at a line's start read as "–|莞". The match key's migration (013) is tested in
tests/test_name_key.py. Corpus: ``tests/corpus/make_corpus.py``, ``write_leftovers9``."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from importkit import CORPUS, import_json, problem_codes, refused_unchanged, stored_projects, stored_rows

from dashboard.ingest import reading

# ------------------------------------------------------------------------------------- 1. ASCII case

def test_names_differing_in_case_update_the_stored_project(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A second list writing the names in lower case (5g基站建设项目, ai产业园（一期）, ai算力中心 for ＡＩ算力中心)
    updates the three projects instead of storing them again; Ai Park is new."""
    code, out = import_json(empty_db, capsys, "case_upper.csv")
    assert code == 0 and out["rows_imported"] == 3, out
    code, out = import_json(empty_db, capsys, "case_lower.csv")
    assert code == 0 and (out["rows_updated"], out["rows_imported"]) == (3, 4), out
    assert {k: v[2] for k, v in stored_projects(empty_db).items()} == {
        "5g基站建设项目": Decimal("1100.00"), "ai产业园（一期）": Decimal("2200.00"), "ai算力中心": Decimal("3300.00"),
        "Ai Park": Decimal("400.00")}


@pytest.mark.parametrize(("lang", "said"), [("zh", "与第 2 行重复"), ("en", "row 2")])
def test_names_differing_in_case_in_one_file_are_a_duplicate(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                             lang: str, said: str) -> None:
    out = refused_unchanged(empty_db, capsys, CORPUS / "case_in_file.csv", "--lang", lang)
    assert problem_codes(out["errors"]) == [(3, "duplicate_in_file")], out
    assert out["errors"][0]["column"] == "项目名称" and said in out["errors"][0]["message"], out["errors"][0]


# -------------------------------------------------------------------------------- 2. number cells of text

@pytest.mark.parametrize(("lang", "said"), [("zh", ("4 个单元格", "C2、C3、C4、D5", "1500")),
                                            ("en", ("4 cells", "C2、C3、C4、D5", "1500"))])
def test_number_cells_holding_text_are_read_as_their_text(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                          lang: str, said: tuple[str, ...]) -> None:
    """<c t="n"><v>1,500</v> (and 1，500, １,５００, a year range 2024-2026 in a number cell): openpyxl cannot
    read it, and the whole sheet was refused as damaged. Read as the text, in the column's unit, said once."""
    code, out = import_json(empty_db, capsys, "number_cells_text.xlsx", "--lang", lang)
    assert code == 0 and out["errors"] == [], out
    typed = [w for w in out["warnings"] if w["code"] == "cell_typed_text"]
    assert len(typed) == 1 and all(s in typed[0]["message"] for s in said), out["warnings"]
    assert {k: v[2:5] for k, v in stored_projects(empty_db).items()} == {
        n: (Decimal("1500.00"), 2024, 2026) for n in ("甲项目", "乙项目", "丙项目", "丁项目")}


def test_a_number_cell_of_text_takes_its_columns_unit(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = import_json(empty_db, capsys, "number_cells_text_yi.xlsx")
    assert code == 0, out
    assert stored_projects(empty_db)["甲项目"][2] == Decimal("15005000.00")  # 1,500.5亿元


# ---------------------------------------------------------------------------------- 3. below the precision

@pytest.mark.parametrize(("lang", "said"), [("zh", ("“0.004”", "40 元", "存为 0")),
                                            ("en", ("\"0.004\"", "40 yuan", "stored as 0"))])
def test_amounts_rounding_to_zero_are_said_by_row(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                  lang: str, said: tuple[str, ...]) -> None:
    """The store keeps 万元 to two decimals (DECIMAL(18, 2): 100元): 0.004万元, 40元, 0.0049万元 are stored as 0,
    now with a warning by row naming the figure in 元; 0.006 rounds to 0.01 (stored, unsaid); 0 is amount_zero."""
    code, out = import_json(empty_db, capsys, "tiny_amounts.csv", "--lang", lang)
    assert code == 0 and out["errors"] == [], out
    assert problem_codes(out["warnings"]) == [(2, "amount_rounds_to_zero"), (3, "amount_rounds_to_zero"),
                                              (4, "amount_rounds_to_zero"), (7, "amount_zero")]
    first = out["warnings"][0]
    assert first["column"] == "总投资（万元）" and all(s in first["message"] for s in said), first
    assert "49 " in out["warnings"][2]["message"]
    assert [v[2] for v in stored_projects(empty_db).values()] == [Decimal(x) for x in (
        "0.00", "0.00", "0.00", "0.01", "0.01", "0.00")]


# ------------------------------------------------------------------------------------------ 4. 5m, 5 mn

def test_scale_words_without_a_currency(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """5m, 5M, 5 mn, 5MM, 2.5 million: millions of yuan (500万元; were 5万元); 3.2bn 32亿; 800k 80万元; 5w
    (a Chinese shorthand of 5万) 5万元; 5百万 as before."""
    code, out = import_json(empty_db, capsys, "scale_words.csv")
    assert code == 0 and out["errors"] == [], out
    assert [v[2] for v in stored_projects(empty_db).values()] == [Decimal(x) for x in (
        "500.00", "500.00", "500.00", "500.00", "320000.00", "80.00", "5.00", "500.00", "250.00")]


def test_a_scale_word_takes_the_columns_currency_not_its_scale(empty_db: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """5m under 总投资（亿元）: 5 million yuan (500万元), not 5m亿; under 外资（万美元）: 5 million dollars, at the
    rate."""
    code, out = import_json(empty_db, capsys, "scale_words_yi_usd.csv")
    assert code == 0, out
    assert [v[2] for v in stored_projects(empty_db).values()] == [Decimal("500.00"), Decimal("20000.00")]
    funding = stored_rows(empty_db, "SELECT p.name, f.amount_wan FROM project_funding f "
                                    "JOIN projects p USING (project_id) ORDER BY p.project_id")
    assert funding == [("甲项目", Decimal("3550.00")), ("乙项目", Decimal("2130.00"))]
    assert problem_codes(out["warnings"]) == [(2, "amount_usd"), (3, "amount_usd")]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_word_after_a_figure_that_is_no_scale_is_refused(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                           lang: str) -> None:
    """5 MW, 5kw: were stored as 5万元 (the word dropped). Refused by row, the store unchanged."""
    out = refused_unchanged(empty_db, capsys, CORPUS / "scale_word_unknown.csv", "--lang", lang)
    assert problem_codes(out["errors"]) == [(3, "amount_unparsable"), (4, "amount_unparsable")], out
    assert [e["column"] for e in out["errors"]] == ["总投资（万元）"] * 2
    assert "5 MW" in out["errors"][0]["message"]


# ------------------------------------------------------------------------------------------------ 5. 30%

@pytest.mark.parametrize(("lang", "said"), [("zh", "比例"), ("en", "share")])
def test_a_share_is_said_to_be_no_amount(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                         said: str) -> None:
    """30%, ３０％, 5‰, 百分之三十: "not an amount" sent the steward looking for a typo; they are shares. A share in
    a note beside a figure (1500（其中自筹30%）) leaves the figure read."""
    out = refused_unchanged(empty_db, capsys, CORPUS / "share_amounts.csv", "--lang", lang)
    assert problem_codes(out["errors"]) == [(r, "amount_share") for r in (2, 3, 4, 5)], out
    assert all(said in e["message"] and e["column"] == "总投资（万元）" for e in out["errors"]), out["errors"]
    assert "“30%”" in out["errors"][0]["message"] or "\"30%\"" in out["errors"][0]["message"]


def test_a_percentage_formatted_cell_is_a_share() -> None:
    from dashboard.ingest import values

    assert values.parse_amount("15%", values.WAN, 7.1).code == "amount_share"
    assert values.parse_amount("(30%)", values.WAN, 7.1).code == "amount_share"
    assert values.parse_amount("1500万元(占30%)", values.WAN, 7.1).wan == 1500.0


# ------------------------------------------------------------------------- 6. serial years, subtotal, HTML

def test_a_year_range_of_two_excel_serial_dates(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """45292-46387 (2024-01-01 to 2026-12-31), with ~ or 至 or a fraction of a day: the two years (were
    "no year", left empty)."""
    code, out = import_json(empty_db, capsys, "serial_year_ranges.csv")
    assert code == 0 and out["warnings"] == [w for w in out["warnings"] if not w["code"].startswith("year")], out
    assert [v[3:5] for v in stored_projects(empty_db).values()] == [(2024, 2026), (2024, 2025), (2025, None),
                                                                     (2024, 2026)]


def test_a_subtotal_formula_without_a_value_is_not_said(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """小计 =SUM(C2:C3) and 合计 without saved results: no project's value, so nothing to say; a project's own
    formula without a result (C5) is said, as before."""
    code, out = import_json(empty_db, capsys, "subtotal_formula.xlsx")
    assert code == 0, out
    said = [(w["row"], w["column"]) for w in out["warnings"] if w["code"] == "formula_no_value"]
    assert said == [(5, "总投资（万元）")], out["warnings"]
    assert {k: v[2] for k, v in stored_projects(empty_db).items()} == {
        "甲项目": Decimal("1000.00"), "乙项目": Decimal("2000.00"), "丙项目": None}


@pytest.mark.parametrize("file", ["rowspan_amounts.html", "rowspan_amounts.htm", "mergedown_amounts.xml"])
def test_an_amount_spanning_rows_of_a_web_table_counts_once(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                            file: str) -> None:
    """A web page saved as .html / .htm (GBK or UTF-8) was read as a comma-separated text ("no header"); its
    table's rowspan="2" amount, and an XML Spreadsheet's MergeDown one, was given to both projects' rows
    (3000 counted twice). Read as a table; the amount on the first row, said by range."""
    code, out = import_json(empty_db, capsys, file)
    assert code == 0 and out["errors"] == [], out
    merged = [w for w in out["warnings"] if w["code"] == "amount_merged"]
    assert [(w["row"], w["column"]) for w in merged] == [(2, "总投资（万元）")] and "2–3" in merged[0]["message"]
    got = {k: v[2] for k, v in stored_projects(empty_db).items()}
    assert got["甲项目一期"] == Decimal("3000.00") and got["甲项目二期"] is None
    assert sum(v for v in got.values() if v is not None) == Decimal("3000.00") + (
        Decimal("1500.00") if "乙项目" in got else 0)


@pytest.mark.parametrize(("lang", "said"), [("zh", "没有表格"), ("en", "no table")])
def test_a_web_page_without_a_table_is_refused_clearly(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                                       said: str) -> None:
    out = refused_unchanged(empty_db, capsys, CORPUS / "web_page_no_table.html", "--lang", lang)
    assert out["error"] == "html_no_table" and said in out["message"], out


def test_the_upload_page_takes_web_pages() -> None:
    from dashboard.views import upload

    assert {"html", "htm"} <= set(upload.ACCEPTED)


# --------------------------------------------------------------------------------- 7. real rare GBK text

def test_real_traditional_and_rare_names_in_gbk_raise_no_mark_warning() -> None:
    """867 real names (the labelled and held-out project names and the region names in traditional characters,
    and given names' rare characters 昇 旻 犇 堃 喆 燊 鑫 淼 焱) in GBK, each holding a character whose first
    byte is 91-97: read exactly as the same file in UTF-8, with no Windows-1252 warning (cp1252_unsure fired on
    every such line)."""
    gbk = reading.read((CORPUS / "rare_gbk_names.csv").read_bytes(), "rare_gbk_names.csv")
    utf8 = reading.read((CORPUS / "rare_gbk_names_utf8.csv").read_bytes(), "rare_gbk_names_utf8.csv")
    assert len(gbk.sheets[0].cells) > 800
    assert gbk.sheets[0].cells.equals(utf8.sheets[0].cells)
    codes = [c for c, _v in gbk.warnings + gbk.sheets[0].warnings]
    assert not [c for c in codes if c.startswith("cp1252")], codes
    assert gbk.encoding == "gbk"


def test_a_traditional_character_at_a_lines_start_is_not_a_dash(empty_db: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """東 is GBK 96 7C: read as Windows-1252's – and "|", 東莞项目 was stored as –|莞项目 (said as a repaired mark)."""
    code, out = import_json(empty_db, capsys, "traditional_gbk.csv")
    assert code == 0 and out["warnings"] == [w for w in out["warnings"] if not w["code"].startswith("cp1252")], out
    # 華昇 is 华昇, not 华升: 昇 is a standard character for names (s30-leftovers10, data/name_variants.csv)
    assert list(stored_projects(empty_db)) == ["东莞项目", "广东项目", "时代项目", "华昇新材料项目", "旻泰科技园"]


def test_windows_marks_in_gbk_are_still_repaired(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Round 8's file: 苏州“晶圆”封装项目 and “AI” in GBK are still read as the marks."""
    code, out = import_json(empty_db, capsys, "cp1252_in_gbk.csv")
    assert code == 0, out
    assert list(stored_projects(empty_db))[:2] == ["苏州“晶圆”封装项目", "苏州“AI”算力中心"]
