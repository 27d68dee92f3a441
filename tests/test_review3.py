"""What a reader saw on the pages in the browser review of 2026-12-02, round 3, each checked with AppTest on
the demo store: the public clusters' source notes and the import history in the page's language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dashboard.i18n import t
from tests.apptest_helpers import open_page

HAN = re.compile(r"[\u3400-\u9fff]")
ENGLISH_WORDS = re.compile(r"\b[A-Za-z]{2,}\s+[A-Za-z]{2,}\b")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_public_cluster_sources_read_in_the_pages_language(demo_db: Path, monkeypatch: pytest.MonkeyPatch,
                                                           lang: str) -> None:
    """The clusters page's public lists said "repost of a news report: 武汉市…" in the Chinese table (and
    the Chinese note in the English one). Each note is in the page's language, and each source names its
    kind of page (the publisher's, another outlet's, a repost site) in the page's words."""
    at = open_page(demo_db, monkeypatch, "clusters", lang=lang)
    assert not at.exception, at.exception
    note, kind = t("clusters.col_source_note", lang), t("clusters.col_source_kind", lang)
    tables = [d.value for d in at.dataframe if note in d.value.columns]
    assert len(tables) == 2  # the NDRC list and MIIT's
    kinds = {t(f"clusters.source_kind_{k}", lang) for k in ("publisher", "media", "repost")}
    for table in tables:
        notes = table[note]
        if lang == "zh":
            assert not notes.str.contains(ENGLISH_WORDS).any(), notes[notes.str.contains(ENGLISH_WORDS)].tolist()
        else:
            assert not notes.str.contains(HAN).any(), notes[notes.str.contains(HAN)].tolist()
        assert set(table[kind]) <= kinds and len(set(table[kind])) >= 2
    reposts = sum((table[kind] == t("clusters.source_kind_repost", lang)).sum() for table in tables)
    assert 0 < reposts < sum(len(table) for table in tables)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_import_history_names_the_demo_batch_in_the_pages_language(demo_db: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   lang: str) -> None:
    """The import history showed the demo batch as '演示数据（虚构）Demo dataset (synthetic)' imported by
    'demo' in both languages; the revert picker likewise."""
    at = open_page(demo_db, monkeypatch, "upload", lang=lang)
    assert not at.exception, at.exception
    grid = next(f for f in at.dataframe if "imported_by" in f.value.columns).value
    demo = grid[grid["batch_id"] == 1].iloc[0]
    assert demo["file_name"] == t("upload.demo_batch", lang)
    assert demo["imported_by"] == t("upload.who_demo", lang)
    assert (HAN.search(demo["file_name"] + demo["imported_by"]) is not None) == (lang == "zh")
    picker = next(s for s in at.selectbox if s.label == t("upload.revert_pick", lang))
    assert picker.options == [f"#1 · {t('upload.demo_batch', lang)}"]


def test_the_apps_own_importers_read_as_words() -> None:
    """Who imported: the demo generator, the single-user mode's local administrator and the app with no one
    signed in read as words in each language; a person's account name is kept as it is."""
    from dashboard.auth import session
    from dashboard.views import upload

    for lang in ("zh", "en"):
        monkey = {"demo": "upload.who_demo", session.LOCAL_NAME: "upload.who_local", "app": "upload.who_app"}
        for name, key in monkey.items():
            word = t(key, lang)
            assert word != key and word != name
    assert upload.operator_name("wang") == "wang" and upload.operator_name(None) == "—"
    assert upload.batch_file("江苏.xlsx", False) == "江苏.xlsx"
