"""Regions page: renders in both languages; the province profile equals direct SQL; filters apply."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dashboard import formatting, store, taxonomy
from dashboard.charts.regions import counted_parts
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
    assert shown["计入目标数"] == formatting.count(clusters, "zh")
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


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_profile_names_each_tier_in_its_words_and_shows_the_national_lists(
        demo_db: Path, demo_db_template: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    """Only clusters are designated (已认定); bases are built, ecosystems formed. The province's real
    national designations (public lists) are listed apart, each with its source."""
    at = open_page(demo_db, monkeypatch, "regions", lang=lang, filters={"province": ["420000"]})
    assert not at.exception, at.exception
    zh = lang == "zh"
    tables = [d.value for d in at.dataframe]
    store_rows = next(d for d in tables if ("层级" if zh else "Tier") in d.columns)
    tier_col, status_col = store_rows.columns[1], store_rows.columns[2]
    names = {tier.slug: taxonomy.label("tier", tier.slug, lang) for tier in taxonomy.tiers()}
    for slug, name in names.items():
        shown = store_rows.loc[store_rows[tier_col] == name, status_col]
        assert set(shown) <= {taxonomy.status_label(slug, s, lang) for s in taxonomy.STATUSES}
        designated = one(demo_db_template, "SELECT count(*) FROM clusters WHERE province_code = '420000' "
                                           "AND tier = ? AND status = 'designated'", [slug])[0]
        assert (shown == taxonomy.status_label(slug, "designated", lang)).sum() == designated
    word = taxonomy.status_label("cluster", "designated", lang)
    assert not ((store_rows[tier_col] != names["cluster"]) & (store_rows[status_col] == word)).any()
    text = texts(at)
    assert taxonomy.status_phrase("designated", lang, sep="、" if zh else ", ") in text  # the map note
    assert ("已认定集群" if zh else "Designated clusters") not in text

    public = next(d for d in tables if ("名单" if zh else "List") in d.columns)
    assert len(public) == one(demo_db_template,
                              "SELECT count(*) FROM public_clusters WHERE province_code = '420000'")[0] > 0
    ndrc = one(demo_db_template, "SELECT name_zh, name_en FROM public_lists "
                                 "WHERE list_slug = 'ndrc_sei_clusters_2019'")[0 if zh else 1]
    assert (public[public.columns[1]] == ndrc).sum() == one(
        demo_db_template, "SELECT count(*) FROM public_clusters WHERE province_code = '420000' "
                          "AND list_slug = 'ndrc_sei_clusters_2019'")[0]
    assert public[public.columns[-1]].str.startswith("http").all()
    assert ("湖北：国家级名单（公开来源）" if zh else "Hubei: national lists (public sources)") in text


def test_map_bubbles_count_each_tier_in_its_words() -> None:
    row = pd.Series({"bases": 1, "cluster_tier": 2, "ecosystems": 3})
    assert counted_parts(row, "zh") == "产业基地已打造 1 · 产业集群已认定 2 · 产业生态已形成 3"
    assert counted_parts(row, "en") == "Bases built 1 · Clusters designated 2 · Ecosystems formed 3"
