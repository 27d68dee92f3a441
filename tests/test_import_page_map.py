"""The upload page's mapping by hand (issue 12): a list whose project names stand under another header has
no header the importer can find, and the page offered no way on; it now shows the file's first rows and maps
a cell to a field, as ``--map 备注=name`` does on the command line. Driven with AppTest on a real store."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.i18n import t
from tests.apptest_helpers import open_page
from tests.importkit import CORPUS
from tests.test_import_lists4 import LIANGSHAN

LIANGSHAN_FILE = CORPUS / "lists4_liangshan_general_bonds.xlsx"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _box(at: AppTest, key: str, lang: str):  # noqa: ANN202
    return next(s for s in at.selectbox if s.label == t(f"upload.{key}", lang))


def _button(at: AppTest, key: str, lang: str):  # noqa: ANN202
    return next(b for b in at.button if b.label == t(f"upload.{key}", lang))


def _projects(db: Path) -> dict[str, tuple]:
    from dashboard import appdb

    cur = appdb.connection().cursor()  # the app holds the file open: ask through its connection
    return {r[0]: r[1:] for r in cur.execute(
        "SELECT name, province_code, city_code, total_investment_wan FROM projects ORDER BY project_id").fetchall()}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_header_offers_the_mapping_by_hand_and_imports_the_file_whole(
        empty_db: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    at = open_page(empty_db, monkeypatch, "upload", lang=lang)
    at.file_uploader[0].set_value(("凉山.xlsx", LIANGSHAN_FILE.read_bytes(), XLSX)).run()
    assert not at.exception, at.exception
    assert any("--map 备注=name" in e.value for e in at.error)  # the refusal says what to map
    assert any(s.value == t("upload.hand_title", lang) for s in at.subheader)
    top = next(d.value for d in at.dataframe if "row" in d.value.columns)
    assert len(top) >= 10
    column = _box(at, "hand_column", lang)
    assert "备注" in column.options and "债券项目总投资" in column.options
    assert not any(o.replace(".", "").isdigit() for o in column.options)  # numbers head no column
    assert _box(at, "hand_field", lang).value == "name"
    assert _button(at, "hand_add", lang).disabled  # nothing picked yet
    column.set_value("备注").run()
    _button(at, "hand_add", lang).click().run()
    assert not at.exception, at.exception
    assert at.session_state["upload_overrides"] == {"备注": "name"}
    # the header is found: the ordinary steps follow, every row valid
    assert not any("--map" in e.value for e in at.error)
    assert any(t("upload.valid", lang, rows=10) == s.value for s in at.success)
    assert not any(s.value == t("upload.hand_title", lang) for s in at.subheader)
    _button(at, "commit", lang).click().run()
    assert not at.exception, at.exception
    assert any(t("upload.committed", lang, batch=1, rows=10, updated=0) == s.value for s in at.success)
    got = _projects(empty_db)
    assert list(got) == LIANGSHAN
    assert {v[:2] for v in got.values()} == {("510000", "513400")}


def test_a_cell_that_finds_no_header_is_said_and_can_be_cleared(empty_db: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Mapping a cell whose row holds no other known column finds no header: the page says why (zh), keeps
    the picker, and the hand mapping can be cleared; nothing is written."""
    at = open_page(empty_db, monkeypatch, "upload")
    at.file_uploader[0].set_value(("凉山.xlsx", LIANGSHAN_FILE.read_bytes(), XLSX)).run()
    column = _box(at, "hand_column", "zh")
    column.set_value("表3-1").run()  # the table's number, alone on its row
    _button(at, "hand_add", "zh").click().run()
    assert not at.exception, at.exception
    assert any("仍找不到表头" in w.value for w in at.warning)
    assert any("已手动指定" in c.value for c in at.caption)
    assert not [b for b in at.button if b.label == t("upload.commit", "zh")]
    _button(at, "hand_clear", "zh").click().run()
    assert at.session_state["upload_overrides"] == {}
    assert not any("仍找不到表头" in w.value for w in at.warning)
    assert _projects(empty_db) == {}


def test_a_mapping_error_reads_in_the_pages_language() -> None:
    from dashboard.ingest import MappingError

    exc = MappingError("map_no_column", column="备注", columns="项目名称, 总投资")
    assert "没有“备注”这一列" in exc.message("zh")
    assert exc.message("en") == str(exc) and "no column \"备注\"" in str(exc)


def test_two_lists_of_round_5_through_the_page(empty_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """黄冈's notice through the uploader: every row valid, committed whole, stored as the CLI stores it; 增城's
    one project down the rows: the refusal says so, and no hand mapping is offered (no column mapping can
    read such a sheet)."""
    at = open_page(empty_db, monkeypatch, "upload")
    data = (CORPUS / "lists5_huanggang_eia.csv").read_bytes()
    at.file_uploader[0].set_value(("黄冈.csv", data, "text/csv")).run()
    assert not at.exception, at.exception
    assert any(t("upload.valid", "zh", rows=1) == s.value for s in at.success)
    _button(at, "commit", "zh").click().run()
    assert not at.exception, at.exception
    name = "湖北岚湖华源智能机械包装有限公司年产3万吨塑料颗粒综合利用项目"
    assert _projects(empty_db) == {name: ("420000", "421100", None)}
    at = open_page(empty_db, monkeypatch, "upload")
    data = (CORPUS / "lists5_zengcheng_eia_transposed.csv").read_bytes()
    at.file_uploader[0].set_value(("增城.csv", data, "text/csv")).run()
    assert not at.exception, at.exception
    assert any("竖排表" in e.value for e in at.error)
    assert not any(s.value == t("upload.hand_title", "zh") for s in at.subheader)
    assert len(_projects(empty_db)) == 1
