"""Regions page: renders in both languages; the province profile equals direct SQL; filters apply."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard import formatting, store
from dashboard.filters import Filters
from dashboard.queries import regions as q
from tests.apptest_helpers import one, open_page, texts


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_page_renders(demo_db: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    at = open_page(demo_db, monkeypatch, "regions", lang=lang)
    assert not at.exception
    picker = at.selectbox(key=f"regions_province_picker_{lang}")
    assert picker.value is None  # no province chosen yet
    assert ("广东" if lang == "zh" else "Guangdong") in picker.options and len(picker.options) == 35  # 34 + none
    assert ("投资前五省份" if lang == "zh" else "Top five provinces") in texts(at)


def test_province_profile_equals_sql(demo_db: Path, demo_db_template: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    at = open_page(demo_db, monkeypatch, "regions", filters={"province": ["440000"]})
    assert not at.exception
    n, inv = one(demo_db_template, "SELECT count(*), sum(total_investment_wan) FROM projects "
                                   "WHERE province_code = '440000'")
    shown = {m.label: m.value for m in at.metric}
    assert shown["项目数"] == formatting.count(n, "zh")
    assert shown["投资总额"] == formatting.money(float(inv) / formatting.WAN_PER_YI, "zh")
    clusters = one(demo_db_template, "SELECT count(*) FROM clusters WHERE province_code = '440000' "
                                     "AND status = 'designated'")[0]
    assert shown["已认定集群"] == formatting.count(clusters, "zh")
    assert "广东概况" in texts(at)


def test_picker_sets_the_province_filter(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = open_page(demo_db, monkeypatch, "regions")
    at.selectbox(key="regions_province_picker_zh").set_value("320000").run()
    assert not at.exception
    assert at.session_state["province"] == ["320000"]
    assert "江苏概况" in texts(at)


def test_queries_follow_filters(demo_db_template: Path) -> None:
    con = store.connect(demo_db_template, read_only=True)
    cur = con.cursor()
    allp = q.province_totals(cur, Filters())
    assert len(allp) == 34 and int(allp["projects"].sum()) == con.execute(
        "SELECT count(*) FROM projects").fetchone()[0]
    energy = q.province_totals(cur, Filters(sectors=("new_energy",)))
    assert int(energy["projects"].sum()) == con.execute(
        "SELECT count(*) FROM projects WHERE sector = 'new_energy'").fetchone()[0]
    groups = q.region_groups(cur, Filters()).set_index("region_group")
    east = con.execute("SELECT count(*) FROM projects p JOIN regions r ON r.code = p.province_code "
                       "WHERE r.region_group = '东部'").fetchone()[0]
    assert int(groups.loc["东部", "projects"]) == east
    completed = con.execute("SELECT sum(completed_wan) FROM project_investments").fetchone()[0]
    assert groups["completed_yi"].sum() == pytest.approx(float(completed) / 10_000)
    con.close()


def test_empty_filter_shows_empty_state(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = open_page(demo_db, monkeypatch, "regions", filters={"province": ["710000"]})  # no demo data there
    assert not at.exception
    assert any("没有数据" in i.value for i in at.info)
