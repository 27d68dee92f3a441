"""Funding page: renders in both languages; the totals equal direct SQL; filters apply."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard import formatting, taxonomy
from tests.apptest_helpers import chart_titles, one, open_page

GOV = [s.slug for s in taxonomy.funding_sources() if s.kind == "government"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_page_renders_with_sql_totals(demo_db: Path, demo_db_template: Path, monkeypatch: pytest.MonkeyPatch,
                                      lang: str) -> None:
    at = open_page(demo_db, monkeypatch, "funding", lang=lang)
    assert not at.exception
    total, gov = one(demo_db_template, "SELECT sum(amount_wan), sum(amount_wan) FILTER (WHERE list_contains(?, "
                                       "source)) FROM project_funding", [GOV])
    values = [m.value for m in at.metric]
    assert values[0] == formatting.money(float(total) / formatting.WAN_PER_YI, lang)
    assert values[1] == formatting.money(float(gov) / formatting.WAN_PER_YI, lang)
    expected = ({"各融资渠道资金", "各产业领域的资金渠道构成", "按开工年份的资金渠道", "投资主体所有制构成"}
                if lang == "zh" else
                {"Funding by channel", "Funding channels within each sector",
                 "Funding channels by project start year", "Ownership of the investing entities"})
    assert expected <= set(chart_titles(at))


def test_sector_filter_changes_the_totals(demo_db: Path, demo_db_template: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    at = open_page(demo_db, monkeypatch, "funding", filters={"sector": ["biotech"]})
    assert not at.exception
    total = one(demo_db_template, "SELECT sum(f.amount_wan) FROM project_funding f JOIN projects p "
                                  "USING (project_id) WHERE p.sector = 'biotech'")[0]
    assert at.metric[0].value == formatting.money(float(total) / formatting.WAN_PER_YI, "zh")


def test_empty_filter_shows_empty_state(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = open_page(demo_db, monkeypatch, "funding", filters={"tier": ["base"]})
    assert not at.exception
    assert any("没有数据" in i.value for i in at.info)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_clause_14_is_quoted_as_written(demo_db: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    """(十四) names government funds of all kinds, venture capital and government-backed industry funds;
    special bonds and central budget investment are marked as channels the text does not name."""
    at = open_page(demo_db, monkeypatch, "funding", lang=lang)
    text = "\n".join(m.value for m in at.markdown)
    if lang == "zh":
        assert "“统筹用好各级各类政府资金、创业投资和政府出资产业投资基金" in text
        assert "战略性新兴产业专项资金计划" in text and "保险等中长期资金" in text
        clause_14 = next(line for line in text.splitlines() if "第（十四）条" in line)
        assert "专项债" not in clause_14 and "中央预算内" not in clause_14
        unnamed = next(line for line in text.splitlines() if "原文未列明的常见渠道" in line)
    else:
        assert "government funds at all levels and of all kinds, venture capital, and government-backed" in text
        clause_14 = next(line for line in text.splitlines() if "Clause (14)" in line)
        assert "special bonds" not in clause_14
        unnamed = next(line for line in text.splitlines() if "Common channels the text does not name" in line)
    for s in taxonomy.funding_sources():
        assert (taxonomy.label("funding", s.slug, lang) in unnamed) == (not s.named_in_text), s.slug
