"""What a reader saw on the pages in the browser review of 2026-12-02, round 3, each checked with AppTest on
the demo store: the public clusters' source notes and the import history in the page's language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dashboard.i18n import t
from tests.apptest_helpers import html_frames, open_page

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
    # the NDRC list's line names its notice in the page's language (the English one wrote its Chinese title)
    line = next(m.value for m in at.markdown if "1473" in m.value)
    assert ("《" in line) == (lang == "zh"), line


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_import_history_names_the_demo_batch_in_the_pages_language(demo_db: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   lang: str) -> None:
    """The import history showed the demo batch as '演示数据（虚构）Demo dataset (synthetic)' imported by
    'demo' in both languages; the revert picker likewise."""
    at = open_page(demo_db, monkeypatch, "upload", lang=lang)
    assert not at.exception, at.exception
    who, file = t("upload.col_who", lang), t("upload.col_file", lang)
    grid = next(f for f in html_frames(at) if who in f.columns)
    demo = grid[grid[t("upload.col_batch", lang)] == "1"].iloc[0]
    assert demo[file] == t("upload.demo_batch", lang)
    assert demo[who] == t("upload.who_demo", lang)
    assert (HAN.search(demo[file] + demo[who]) is not None) == (lang == "zh")
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


def test_cluster_metric_panels_keep_their_years_level() -> None:
    """One cluster's four metric panels wrote 2018 … 2025 on their side under each quarter-page panel; as
    numbers, Plotly leaves out ticks to keep them level."""
    import numbers

    import pandas as pd

    from dashboard.charts import clusters as charts

    df = pd.DataFrame({"year": list(range(2018, 2026)), "investment_yi": [1.0] * 8, "output_value_yi": [2.0] * 8,
                       "enterprises": [10] * 8, "innovation_platforms": [3] * 8})
    fig = charts.cluster_metrics(df, "zh", "as of")
    axes = [fig.layout[a] for a in ("xaxis", "xaxis2", "xaxis3", "xaxis4")]
    assert all(a.type != "category" and a.tickangle == 0 and a.tickformat == "d" and a.nticks == 4 for a in axes)
    assert all(isinstance(x, numbers.Real) for trace in fig.data for x in trace.x)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_audit_trail_reads_in_the_pages_words(demo_db: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    """The audit table showed 'cli', 'demo_add', 'ok' and 'local' in the Chinese page: each way in, action,
    outcome and the local administrator reads as a word in the page's language; a person's name and an
    action with no word stay as they are; the download keeps the stored values."""
    from dashboard import store
    from dashboard.auth.accounts import Principal
    from dashboard.auth.permissions import Role
    from dashboard.store import auth as auth_store

    con = store.connect(demo_db)
    try:
        auth_store.record(con, Principal("local", Role.ADMIN, via="local"), "demo_remove")
        auth_store.record(con, Principal("wang", Role.ADMIN, via="cli"), "sign_in", outcome="failed")
        auth_store.record(con, Principal("li", Role.ADMIN, via="app"), "brand_new_action")
    finally:
        con.close()
    at = open_page(demo_db, monkeypatch, "audit", lang=lang)
    assert not at.exception, at.exception
    grid = next(f for f in at.dataframe if "action" in f.value.columns).value
    rows = {r["action"]: r for r in grid.to_dict("records")}
    removed = rows[t("audit.action_demo_remove", lang)]
    assert (removed["actor"], removed["via"], removed["outcome"]) == (
        t("audit.actor_local", lang), t("audit.via_local", lang), t("audit.outcome_ok", lang))
    failed = rows[t("audit.action_sign_in", lang)]
    assert (failed["actor"], failed["via"], failed["outcome"]) == ("wang", t("audit.via_cli", lang),
                                                                   t("audit.outcome_failed", lang))
    assert "brand_new_action" in rows
    if lang == "zh":
        assert not any(re.fullmatch(r"[a-z_]+", str(r[c])) for r in rows.values() if r["action"] != "brand_new_action"
                       for c in ("via", "action", "outcome"))
    picker = next(s for s in at.selectbox if s.label == t("audit.action", lang))
    assert t("audit.action_demo_remove", lang) in picker.options


def test_public_sources_from_an_older_backup_still_read(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A store restored from a backup made before migration 011 has no kind or English note on its public
    clusters (restore inserts by name): the English page shows '—' and the Chinese note, no key."""
    from dashboard import store

    con = store.connect(demo_db)
    try:
        with store.write(con, message="old backup"):
            con.execute("UPDATE public_clusters SET source_kind = NULL, source_publisher_en = NULL")
    finally:
        con.close()
    at = open_page(demo_db, monkeypatch, "clusters", lang="en")
    assert not at.exception, at.exception
    table = next(d.value for d in at.dataframe if t("clusters.col_source_kind", "en") in d.value.columns)
    assert set(table[t("clusters.col_source_kind", "en")]) == {"—"}
    assert table[t("clusters.col_source_note", "en")].str.contains(HAN).all()
