"""A language switch keeps every choice and shows it in the new language.

The browser keeps showing a select box's or multiselect's chosen options in the labels it was sent when they
were chosen, and a widget bound to the URL writes those labels into the link: after 中文 → English the
sidebar still said 新能源 / 浙江 / 在建 and the link read ``?lang=English&sector=新能源``, which the English page
reads as no filter when the link is opened again. The first run after a switch hands those widgets their
value again (``i18n.relabel``), so the browser gets the new labels; the link holds the values (new_energy),
the same in both languages (test_review4).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.apptest_helpers import open_page

FILTERS = {"sector": ["new_energy"], "province": ["330000"], "stage": ["under_construction"]}
SHOWN = {"zh": {"sector": "新能源", "province": "浙江", "stage": "在建"},
         "en": {"sector": "New energy", "province": "Zhejiang", "stage": "Under construction"}}
LABEL = {"zh": "中文", "en": "English"}


def sent(at: object, key: str) -> list[str] | None:
    """The labels the run sent to the browser as the widget's value, None if it sent none (the browser
    keeps what it shows)."""
    proto = at.multiselect(key=key).proto  # type: ignore[attr-defined]
    return list(proto.raw_values) if proto.set_value else None


@pytest.mark.parametrize(("first", "then"), [("zh", "en"), ("en", "zh")])
def test_the_sidebar_filters_follow_a_language_switch(demo_db: Path, monkeypatch: pytest.MonkeyPatch,
                                                      first: str, then: str) -> None:
    at = open_page(demo_db, monkeypatch, "sectors", lang=first, filters=FILTERS)
    at.session_state["lang"] = LABEL[then]
    at.run()
    assert not at.exception
    for key, value in FILTERS.items():
        assert at.multiselect(key=key).value == value  # the choice is kept …
        assert sent(at, key) == [SHOWN[then][key]]  # … and shown in the new language
        assert at.query_params[key] in (value, value[0])  # the link holds the value, in either language


def test_a_page_choice_survives_a_language_switch(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The projects page's sort order had a key per language: switching language sorted by investment again."""
    at = open_page(demo_db, monkeypatch, "projects")
    at.selectbox(key="projects_sort").set_value("start_year").run()
    assert at.selectbox(key="projects_sort").value == "start_year"
    at.session_state["lang"] = "English"
    at.run()
    assert not at.exception
    picker = at.selectbox(key="projects_sort")
    assert picker.value == "start_year" and picker.proto.set_value
    assert picker.proto.raw_value == "Start year"

