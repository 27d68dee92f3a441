"""Real lists and hostile files (issue 12): each class of trouble has a generated corpus file
(``tests/corpus/make_corpus.py``) and an exact outcome here: exit status, message code, stored values.

Every import goes through the command line with ``--json`` (one JSON object on stdout, always), and
every refused one must leave the store exactly as it was (``importkit.fingerprint`` covers every
table, including the data version).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import importkit
import pytest
from conftest import copy_store
from importkit import CORPUS, file_fingerprint, file_state, problem_codes, run_json, stored_projects

from dashboard import store
from dashboard.cli import main
from dashboard.ingest import preview

ROOT = Path(__file__).resolve().parent.parent


# --------------------------------------------------------------------------------------- amounts, units

def test_per_row_unit_column_applies_row_by_row(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = file_fingerprint(empty_db)
    code, out = run_json(capsys, "import", str(CORPUS / "per_row_units.csv"), "--db", str(empty_db), "--json")
    # 万吨 is not money: that row is rejected, so the whole file is refused and nothing is written.
    assert code == 1 and out["error"] == "has_errors"
    assert problem_codes(out["errors"]) == [(8, "unit_unknown")] and out["errors"][0]["column"] == "单位"
    assert file_fingerprint(empty_db) == before
    code, out = run_json(capsys, "import", str(CORPUS / "per_row_units.csv"), "--db", str(empty_db), "--json",
                         "--skip-invalid", "--usd-rate", "7.2")
    assert code == 0 and out["rows_imported"] == 6
    assert out["usd_rate"] == 7.2 and out["usd_rows"] == 2
    assert "unit_assumed" not in [w["code"] for w in out["warnings"]]
    wan = {name: v[2] for name, v in stored_projects(empty_db).items()}
    assert wan == {
        "苏州先进封装测试基地": Decimal("150000.00"),        # 15 亿元
        "杭州智能传感器产业园": Decimal("3000.00"),          # 3000 万元
        "合肥储能电池工厂": Decimal("25000.00"),             # 250,000,000 元
        "外资半导体材料项目": Decimal("36000.00"),           # 5000 万美元 × 7.2
        "外资新能源整车项目": Decimal("86400.00"),           # 1.2 亿美元 × 7.2
        "宁波新材料中试线": Decimal("8000.00"),              # "8,000" 人民币万元
    }


def test_english_unit_and_currency_columns(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_json(capsys, "import", str(CORPUS / "unit_currency_en.csv"), "--db", str(empty_db), "--json",
                         "--skip-invalid", "--lang", "en")
    assert code == 0 and out["mapping"]["Unit"] == "unit" and out["mapping"]["Currency"] == "currency"
    assert problem_codes(out["errors"]) == [(6, "currency_unknown")]
    assert "EUR" in out["errors"][0]["message"]
    got = stored_projects(empty_db)
    assert got["Ordos coal-to-hydrogen demonstration"][:5] == ("150000", "150600", Decimal("250000.00"), 2024, 2026)
    assert got["Harbin aero-engine parts plant"][:5] == ("230000", "230100", Decimal("568000.00"), 2025, 2027)
    assert got["Nanning EV battery recycling"][:5] == ("450000", "450100", Decimal("120000.00"), 2025, 2027)
    assert got["Lhasa solar microgrid"][:5] == ("540000", "540100", Decimal("6000.00"), 2024, 2025)


@pytest.mark.parametrize("rate", ["nan", "inf", "-inf", "0", "-7", "abc"])
def test_usd_rate_must_be_positive_and_finite(empty_db: Path, rate: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["import", str(CORPUS / "per_row_units.csv"), "--db", str(empty_db), "--usd-rate", rate])
    assert exc.value.code == 2
    assert "usd-rate" in capsys.readouterr().err


def test_library_refuses_a_nan_rate(empty_db: Path) -> None:
    con = store.connect(empty_db)
    try:
        with pytest.raises(ValueError, match="usd_rate"):
            preview(con, CORPUS / "per_row_units.csv", usd_rate=float("nan"))
    finally:
        con.close()


def test_commas_that_do_not_group_thousands(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_json(capsys, "import", str(CORPUS / "grouping.csv"), "--db", str(empty_db), "--json",
                         "--skip-invalid")
    assert code == 0
    assert problem_codes(out["errors"]) == [(2, "amount_grouping"), (4, "amount_grouping")]
    assert stored_projects(empty_db) == {"乙项目": ("320000", "320500", Decimal("1250000.00"), None, None, None)}


# ---------------------------------------------------------------------------------- years, headers, places

def test_year_months_and_dates(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_json(capsys, "import", str(CORPUS / "year_months.csv"), "--db", str(empty_db), "--json")
    assert code == 0 and out["errors"] == [] and out["warnings"] == []
    years = {name: v[3:5] for name, v in stored_projects(empty_db).items()}
    assert years == {
        "甲数据中心": (2024, None),          # 2024-12 is December 2024, not 2024 to 2012
        "乙智能工厂": (2024, 2026),
        "丙光伏电站": (2025, 2026),
        "丁生物药厂": (2024, 2026),
        "戊机器人项目": (2025, 2027),        # 202503 / 202712
        "己储能项目": (2024, 2026),          # 2024-26
    }


@pytest.mark.parametrize("name", ["two_row_header.csv", "two_row_header.xlsx"])
def test_two_row_header(empty_db: Path, name: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_json(capsys, "import", str(CORPUS / name), "--db", str(empty_db), "--json")
    assert code == 0 and out["rows_read"] == 2 and out["errors"] == []
    assert sorted(out["mapping"].values()) == sorted(
        ["name", "place", "total_investment", "annual_plan"] + (["start_year", "end_year"] if name.endswith("csv")
                                                                 else ["years"]))
    got = stored_projects(empty_db)
    con = store.connect(empty_db, read_only=True)
    plans = con.execute("SELECT year, planned_wan FROM project_investments ORDER BY project_id").fetchall()
    con.close()
    if name.endswith("csv"):
        assert got["新型显示面板项目"][:5] == ("340000", "340100", Decimal("1200000.00"), 2024, 2027)
        assert got["动力电池回收项目"][2] == Decimal("155000.00")
        assert plans == [(2025, Decimal("300000.00")), (2025, Decimal("50000.00"))]
    else:
        assert got["长沙先进储能材料项目"][:5] == ("430000", "430100", Decimal("200000.00"), 2025, 2027)
        assert got["株洲轨道交通装备项目"][2] == Decimal("85000.00")
        assert plans == [(2025, Decimal("50000.00")), (2025, Decimal("20000.00"))]


def test_english_provinces_cities_and_sectors(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_json(capsys, "import", str(CORPUS / "english_places_sectors.csv"), "--db", str(empty_db), "--json")
    assert code == 0 and out["errors"] == [] and out["warnings"] == []
    got = {name: (v[0], v[1], v[5]) for name, v in stored_projects(empty_db).items()}
    assert got == {
        "Ordos hydrogen trucks": ("150000", "150600", "smart_nev"),
        "Harbin robot plant": ("230000", "230100", "high_end_equipment"),
        "Nanning biopharma base": ("450000", "450100", "biotech"),
        "Lhasa data center": ("540000", "540100", "info_tech"),
        "Yinchuan graphite anode plant": ("640000", "640100", "new_materials"),
        "Kashgar solar park": ("650000", "653100", "new_energy"),
        "Hong Kong chip design hub": ("810000", None, "info_tech"),
        "Macau digital content studio": ("820000", None, "digital_creative"),
        "Hohhot dairy biotech": ("150000", "150100", "biotech"),
    }


def test_duplicated_header_columns_saved_once(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_json(capsys, "import", str(CORPUS / "duplicate_columns.csv"), "--db", str(empty_db), "--json")
    assert code == 0
    assert [(w["code"], w["column"]) for w in out["warnings"]] == [
        ("column_repeated", "备注"), ("column_repeated", "总投资（万元）")]
    assert out["unmapped"] == ["备注"]
    con = store.connect(empty_db, read_only=True)
    extra = con.execute("SELECT source_row, column_name, value FROM batch_extra_values").fetchall()
    con.close()
    assert extra == [(2, "备注", "第一列")]
    assert {n: v[2] for n, v in stored_projects(empty_db).items()} == {"甲项目": Decimal("1000.00"),
                                                                 "乙项目": Decimal("2000.00")}


# ------------------------------------------------------------------------------------- sanity warnings

def test_sanity_warnings_name_their_rows(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_json(capsys, "import", str(CORPUS / "sanity.csv"), "--db", str(empty_db), "--json")
    assert code == 0
    assert problem_codes(out["warnings"]) == [(2, "amount_zero"), (3, "year_implausible"), (4, "year_implausible"),
                                      (5, "name_too_long"), (6, "control_stripped")]
    got = stored_projects(empty_db)
    assert got["年份太早项目"][3:5] == (None, 2025)       # 1900 is left empty, not stored
    assert got["年份太晚项目"][3:5] == (2024, None)
    assert "控制字符项目" in got                            # BEL and ESC removed


def test_dry_run_without_place_column_says_so(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_json(capsys, "import", str(CORPUS / "no_place_column.csv"), "--db", str(empty_db), "--json",
                         "--dry-run", "--lang", "en")
    assert code == 1 and out["error"] == "no_place_column"
    assert out["message"].startswith("No location") and "0 rows" not in out["message"]


# ------------------------------------------------------------------------------------ reader repairs

@pytest.mark.parametrize(("name", "encoding", "warning"), [
    ("odd_utf16.txt", "utf-16", "bytes_replaced"),
    ("utf32.csv", "utf-32", None),
    ("bom_mismatch.csv", "gbk", "bom_mismatch"),
    ("utf16_bom_utf8_body.csv", "utf-8", "bom_mismatch"),
    ("mixed_encoding.csv", "utf-8+gbk", "mixed_encoding"),
    ("long_field.csv", "utf-8", None),
    ("multiline_cell.csv", "utf-8", None),
])
def test_encodings_and_long_fields_read_right(empty_db: Path, name: str, encoding: str, warning: str | None,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_json(capsys, "import", str(CORPUS / name), "--db", str(empty_db), "--json", "--lang", "en")
    assert code == 0 and out["encoding"] == encoding and out["errors"] == []
    assert [w["code"] for w in out["warnings"]] == ([warning] if warning else [])
    got = stored_projects(empty_db)
    if name == "multiline_cell.csv":
        assert list(got) == ["甲项目", "乙项目"]
    else:
        assert got["南京集成电路设计中心"][:3] == ("320000", "320100", Decimal("1000.00"))
        assert got["苏州生物医药产业园"][:3] == ("320000", "320500", Decimal("2000.00"))


def test_latin1_is_not_read_as_cp1250(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_json(capsys, "import", str(CORPUS / "latin1.csv"), "--db", str(empty_db), "--json")
    assert code == 0 and out["encoding"] == "latin-1"
    con = store.connect(empty_db, read_only=True)
    owners = [r[0] for r in con.execute("SELECT owner FROM projects ORDER BY project_id").fetchall()]
    con.close()
    assert owners == ["Société Générale Énergie", "Müller & Söhne GmbH"]


def test_nul_byte_after_first_4kb_is_stripped(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_json(capsys, "import", str(CORPUS / "nul_bytes.csv"), "--db", str(empty_db), "--json")
    assert code == 0 and out["rows_imported"] == 202
    assert [w["code"] for w in out["warnings"]] == ["nul_stripped"]
    con = store.connect(empty_db, read_only=True)
    assert con.execute("SELECT count(*) FROM projects WHERE name LIKE '%' || chr(0) || '%'").fetchall() == [(0,)]
    con.close()


def test_unbalanced_quote_reported_rows_kept(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_json(capsys, "import", str(CORPUS / "unbalanced_quote.csv"), "--db", str(empty_db), "--json")
    assert code == 0 and out["rows_read"] == 4
    assert [(w["row"], w["code"], w["column"]) for w in out["warnings"]] == [(3, "quote_unbalanced", "项目名称")]
    assert {n: v[2] for n, v in stored_projects(empty_db).items()} == {
        "甲项目": Decimal("1000.00"), "乙项目": Decimal("2000.00"), "丙项目": Decimal("3000.00"),
        "丁项目": Decimal("4000.00")}


# ------------------------------------------------------------------------ refusals leave the store as it was

@pytest.fixture(scope="module")
def one_batch_db(empty_db_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with a batch in it (year_months.csv imported through the command line), built once per
    module; each test copies it."""
    db = copy_store(empty_db_template, tmp_path_factory.mktemp("one_batch") / "one.ducklake")
    with contextlib.redirect_stdout(io.StringIO()) as out:
        code = main(["import", str(CORPUS / "year_months.csv"), "--db", str(db), "--json"])
    assert code == 0, out.getvalue()
    return db


@pytest.mark.parametrize(("name", "error"), [
    ("truncated_sheet.xlsx", "sheet_damaged"),
    ("entity_bomb.xlsx", "workbook_unsafe"),
    ("no_place_column.csv", "no_place_column"),
    ("per_row_units.csv", "has_errors"),
    ("binary.csv", "file_binary"),
    ("empty.csv", "file_empty"),
])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_refused_file_leaves_store_unchanged(one_batch_db: Path, tmp_path: Path, name: str, error: str, lang: str,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    # A store with a batch in it, so that "unchanged" means something.
    db = copy_store(one_batch_db, tmp_path / "one.ducklake")
    before, version = file_state(db)
    assert version > 0 and before["projects"][0] == 6
    code, out = run_json(capsys, "import", str(CORPUS / name), "--db", str(db), "--json", "--lang", lang)
    assert code == 1 and out["batch_id"] is None and out["error"] == error and out["message"]
    assert ("。" in out["message"]) == (lang == "zh")
    assert file_state(db) == (before, version)  # every table's rows, and the data version


def test_a_copy_reads_as_its_source(one_batch_db: Path, empty_db: Path, tmp_path: Path) -> None:
    """importkit.file_state gives a store copied by copy_store, unchanged since, the state it read from the copy's
    source (the refused-file tests' "before"): read from each copy itself, the same rows and data version."""
    db = copy_store(one_batch_db, tmp_path / "one.ducklake")
    for copied, source in ((db, one_batch_db), (empty_db, None)):
        remembered = file_state(copied)
        assert remembered == importkit._read_state(copied)
        if source is not None:
            assert remembered == importkit._read_state(source)
    assert file_state(db) != file_state(empty_db)


def test_unreadable_file_is_a_message(empty_db: Path, tmp_path: Path) -> None:
    con = store.connect(empty_db)
    try:
        plan = preview(con, tmp_path)  # a folder: read_bytes raises IsADirectoryError
        assert plan.refused is not None and plan.refused.code == "file_unreadable"
        if os.geteuid() != 0:  # root reads anything; as anyone else, a file without read permission
            locked = tmp_path / "locked.csv"
            locked.write_bytes((CORPUS / "grouping.csv").read_bytes())
            locked.chmod(0)
            assert preview(con, locked).refused.code == "file_unreadable"
    finally:
        con.close()


# ----------------------------------------------------------------------------- store errors, --json

def test_store_errors_are_one_json_object(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = str(CORPUS / "grouping.csv")
    not_a_store = tmp_path / "notes.txt"
    not_a_store.write_text("hello, this is not a database " * 10)
    cases = {
        "not a store": str(not_a_store),
        "missing folder": str(tmp_path / "nope" / "x.ducklake"),
        "a folder": str(tmp_path),
    }
    for what, db in cases.items():
        code, out = run_json(capsys, "import", f, "--db", db, "--json")
        assert code == 1 and out["error"] == "store" and out["message"], what


def test_truncated_store_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "cut.ducklake"
    store.connect(db).close()
    size = db.stat().st_size
    with db.open("r+b") as fh:
        fh.truncate(size // 4)
    code, out = run_json(capsys, "import", str(CORPUS / "grouping.csv"), "--db", str(db), "--json")
    assert code == 1 and out["error"] in ("store", "store_damaged") and str(db) in out["message"]
    code = main(["import", str(CORPUS / "grouping.csv"), "--db", str(db)])
    captured = capsys.readouterr()
    assert code == 1 and "Traceback" not in captured.err and str(db) in captured.err


def test_store_open_in_another_process_is_no_obstacle(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The single-file store refused a second process ("open in another program"); the lake does not."""
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from dashboard import store; c = store.connect(sys.argv[1]); "
         "c.execute('SELECT count(*) FROM projects').fetchall(); print('ready', flush=True); time.sleep(60)",
         str(empty_db)], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert holder.stdout.readline().strip() == "ready"
        code, out = run_json(capsys, "import", str(CORPUS / "grouping.csv"), "--db", str(empty_db), "--json",
                             "--skip-invalid")
        assert code == 0 and out["error"] is None and out["batch_id"] == 1 and out["rows_imported"] == 1
    finally:
        holder.kill()
        holder.wait()


def test_legacy_reader_chatter_stays_off_stdout(empty_db: Path) -> None:
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "dashboard", "import", str(CORPUS / "legacy_padded.xls"), "--db", str(empty_db),
         "--json", "--dry-run"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["rows_read"] == 3 and out["error"] is None
    assert time.perf_counter() - started < 120


def test_missing_file_with_json(empty_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_json(capsys, "import", str(tmp_path / "none.csv"), "--db", str(empty_db), "--json")
    assert code == 2 and out["error"] == "file_missing"
    code, out = run_json(capsys, "import", str(tmp_path), "--db", str(empty_db), "--json")
    assert code == 2 and out["error"] == "not_a_file"


# ---------------------------------------------------------------------------------- bounded problem list

def test_problem_list_is_bounded(empty_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "junk.csv"
    lines = ["项目名称,建设地点,总投资（万元）"] + [f"项目{i},火星{i}号基地,一大笔" for i in range(5000)]
    junk.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = file_fingerprint(empty_db)
    code, out = run_json(capsys, "import", str(junk), "--db", str(empty_db), "--json", "--lang", "en")
    assert code == 1 and out["rows_rejected"] == 5000
    assert out["problem_counts"] == {"place_unknown": 5000, "amount_unparsable": 5000}
    by_code: dict[str, list[dict]] = {}
    for e in out["errors"]:
        by_code.setdefault(e["code"], []).append(e)
    for entries in by_code.values():
        listed = [e for e in entries if "more" not in e]
        summary = [e for e in entries if "more" in e]
        assert len(listed) == 20 and [e["row"] for e in listed] == list(range(2, 22))
        assert len(summary) == 1 and summary[0]["more"] == 4980 and "4,980 more rows" in summary[0]["message"]
    assert len(json.dumps(out)) < 20_000
    assert file_fingerprint(empty_db) == before


# ------------------------------------------------------------------------------------ value parsers

@pytest.mark.parametrize(("cell", "years"), [
    ("2026-12", (2026, 2026)), ("2026年12月", (2026, 2026)), ("2026.12", (2026, 2026)), ("202612", (2026, 2026)),
    ("2026-12-31", (2026, 2026)), ("2026/12/31", (2026, 2026)), ("2024-26", (2024, 2026)),
    ("2024.03-2026.12", (2024, 2026)), ("2024年3月—2026年12月", (2024, 2026)), ("20240301-20261231", (2024, 2026)),
    ("46022", (2025, 2025)),
])
def test_year_cells(cell: str, years: tuple[int, int]) -> None:
    from dashboard.ingest import values

    first, last, _n = values._years_of(cell)
    assert (int(first), int(last)) == years


@pytest.mark.parametrize(("cell", "wan", "usd"), [
    ("亿元", 10_000, False), ("万元", 1, False), ("元", 0.0001, False), ("万美元", 1, True), ("亿美元", 10_000, True),
    ("人民币万元", 1, False), ("USD million", 100, True), ("CNY 100m", 10_000, False), ("10k CNY", 1, False),
    ("billion yuan", 100_000, False), ("百万美元", 100, True), ("（亿元）", 10_000, False),
])
def test_unit_cells(cell: str, wan: float, usd: bool) -> None:
    from dashboard.ingest import values

    unit = values.unit_cell(cell)
    assert unit is not None and unit.wan == pytest.approx(wan) and unit.usd is usd


@pytest.mark.parametrize("cell", ["万吨", "亩", "个", "吨/年", "MW"])
def test_not_money_units(cell: str) -> None:
    from dashboard.ingest import values

    assert values.unit_cell(cell) is None


@pytest.mark.parametrize("cell", ["欧元", "EUR", "万港元", "亿日元"])
def test_other_currencies_are_money_without_a_rate(cell: str) -> None:
    """A unit cell in a currency other than CNY and USD is money (the column stays a unit column) that no
    rate converts: marked, so its row is refused (s25-hostile5: the column was dropped and 10亿日元 stored
    as 10万元)."""
    from dashboard.ingest import values

    unit = values.unit_cell(cell)
    assert unit is not None and unit.other


@pytest.mark.parametrize(("cell", "sector"), [
    ("Intelligent and new energy vehicles", "smart_nev"), ("Intelligent connected vehicles", "smart_nev"),
    ("Next generation IT industry", "info_tech"), ("Bio-pharmaceutical", "biotech"),
    ("Energy saving & environmental protection", "green_env"), ("Integrated circuits", "info_tech"),
    ("新能源汽车零部件", "smart_nev"), ("属新材料领域", "new_materials"), ("Real estate", None), ("其他", None),
])
def test_sector_wordings(cell: str, sector: str | None) -> None:
    from dashboard.ingest import vocab

    assert vocab.sector_from_name(cell) == sector
