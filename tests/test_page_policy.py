"""Policy page: all twenty measures, each with its tracking data or a plain statement."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard import formatting, store, taxonomy
from tests.apptest_helpers import open_page, texts


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_measure_appears(demo_db: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    at = open_page(demo_db, monkeypatch, "policy", lang=lang)
    assert not at.exception
    text = texts(at)
    measures = taxonomy.measures()
    assert len(measures) == 20
    for m in measures:
        marker = f"（{m.clause}） {m.title_zh}" if lang == "zh" else f"({m.number}) {m.title_en}"
        assert marker in text, marker
        if m.tracked_by == "none":
            assert (m.note_zh if lang == "zh" else m.note_en) in text
    assert len(at.get("page_link")) >= 8 + 1 + 3  # sectors, targets, funding


def test_sector_numbers_equal_sql(demo_db: Path, demo_db_template: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = open_page(demo_db, monkeypatch, "policy", filters={"stage": ["completed"]})
    assert not at.exception
    con = store.connect(demo_db_template, read_only=True)
    n, inv = con.execute("SELECT count(*), sum(total_investment_wan) FROM projects "
                         "WHERE sector = 'new_energy' AND stage = 'completed'").fetchone()
    designated = con.execute("SELECT count(*) FROM clusters WHERE tier = 'cluster' AND status = 'designated'"
                             ).fetchone()[0]
    con.close()
    text = texts(at)
    inv_yi = float(inv) / formatting.WAN_PER_YI
    assert f"新能源**：{formatting.count(n, 'zh')} 个项目，总投资 {formatting.money(inv_yi, 'zh')}" in text
    assert f"产业集群**：已认定 {formatting.count(designated, 'zh')} 个 / 目标 100 个" in text
    assert "本工具假定的目标年份" in text and "原文未设期限" in text
