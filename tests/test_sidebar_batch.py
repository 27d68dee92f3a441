"""The sidebar's batch filter: the demo batch named in the page's language, and a link that names the batch
by its id (the stable key) in either language, older links' labels still read (issue 12, review round 3)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dashboard import sidebar
from dashboard.i18n import t
from tests.apptest_helpers import open_page

HAN = re.compile(r"[\u3400-\u9fff]")


def _batch_box(at, lang: str):  # noqa: ANN001, ANN202
    return next(s for s in at.selectbox if s.label == t("filters.batch", lang))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_demo_batch_reads_in_the_pages_language(demo_db: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    """The filter offered '#1 演示数据（虚构）Demo dataset (synthetic)' on both pages."""
    at = open_page(demo_db, monkeypatch, lang=lang)
    assert not at.exception, at.exception
    box = _batch_box(at, lang)
    assert box.options == [f"#1 {t('upload.demo_batch', lang)}"]
    assert (HAN.search(box.options[0]) is not None) == (lang == "zh")
    assert "batch" not in at.query_params  # nothing chosen, nothing in the link


@pytest.mark.parametrize(("lang", "link"), [
    ("zh", "1"), ("en", "1"),
    ("en", "#1 演示数据（虚构）Demo dataset (synthetic)"),  # the label older links carried
    ("zh", "#1 Demo dataset (synthetic)"),
])
def test_a_link_names_the_batch_by_its_id(demo_db: Path, monkeypatch: pytest.MonkeyPatch, lang: str,
                                          link: str) -> None:
    monkeypatch.setenv("SEI_DB", str(demo_db))
    from streamlit.testing.v1 import AppTest

    from tests.apptest_helpers import APP
    at = AppTest.from_file(str(APP), default_timeout=90)
    at.session_state["lang"] = {"zh": "中文", "en": "English"}[lang]
    at.query_params["batch"] = link
    at.run()
    assert not at.exception, at.exception
    assert _batch_box(at, lang).value == "1"
    assert at.session_state["filters"].batch_id == 1
    assert at.query_params["batch"] == "1"  # the link now carries the id, whatever it carried


def test_choosing_a_batch_puts_its_id_in_the_link_and_survives_the_language_switch(
        demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = open_page(demo_db, monkeypatch, lang="zh")
    _batch_box(at, "zh").set_value("1").run()
    assert not at.exception, at.exception
    assert at.query_params["batch"] == "1" and at.session_state["filters"].batch_id == 1
    at.session_state["lang"] = "English"
    at.run()
    box = _batch_box(at, "en")
    assert box.value == "1" and box.options == ["#1 Demo dataset (synthetic)"]
    assert at.query_params["batch"] == "1"
    box.set_value(None).run()
    assert "batch" not in at.query_params and at.session_state["filters"].batch_id is None


def test_batch_from_url() -> None:
    ids = {"1", "12"}
    assert sidebar.batch_from_url("12", ids) == "12"
    assert sidebar.batch_from_url("#12 江苏.xlsx", ids) == "12"
    assert sidebar.batch_from_url(" # 1 Demo", ids) == "1"
    assert sidebar.batch_from_url("99", ids) is None  # reverted or never committed
    assert sidebar.batch_from_url("江苏.xlsx", ids) is None
    assert sidebar.batch_from_url(None, ids) is None and sidebar.batch_from_url("", ids) is None
