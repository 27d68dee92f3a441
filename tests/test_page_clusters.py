"""Clusters page: renders in both languages; its tier counts and cluster list equal direct SQL, with
and without filters; a filter that leaves nothing shows the empty state; the cluster queries are exact
on a hand-built store."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from dashboard import store
from dashboard.filters import Filters
from dashboard.queries import clusters as cq
from tests.apptest_helpers import chart_titles, empty_combination, one, open_page, texts


def store_table(at: object) -> object:
    """The list of the store's own clusters (the one with a tier column), not the public lists."""
    tables = [d.value for d in at.dataframe if d.value.columns[1] in ("层级", "Tier")]
    assert len(tables) == 1
    return tables[0]


def tier_sql(path: Path, where: str = "TRUE") -> dict[str, int]:
    return {t: one(path, f"SELECT count(*) FROM clusters c WHERE tier = ? AND status = 'designated' AND {where}",
                   [t])[0] for t in ("base", "cluster", "ecosystem")}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_page_renders_with_sql_numbers(demo_db: Path, demo_db_template: Path, monkeypatch: pytest.MonkeyPatch,
                                       lang: str) -> None:
    at = open_page(demo_db, monkeypatch, "clusters", lang=lang)
    assert not at.exception, at.exception
    titles = chart_titles(at)
    assert ("三级集群体系与目标" if lang == "zh" else "The three tiers against their targets") in titles
    listed = store_table(at)
    assert len(listed) == one(demo_db_template, "SELECT count(*) FROM clusters")[0]
    tiers = tier_sql(demo_db_template)
    status_col, tier_col = listed.columns[2], listed.columns[1]
    names = {"base": "产业基地", "cluster": "产业集群", "ecosystem": "产业生态"} if lang == "zh" else \
        {"base": "Bases", "cluster": "Clusters", "ecosystem": "Ecosystems"}
    # each tier's status in its own words: only clusters are designated; bases are built, ecosystems formed
    counted = {"base": ("已打造", "built"), "cluster": ("已认定", "designated"), "ecosystem": ("已形成", "formed")}
    for tier, n in tiers.items():
        word = counted[tier][0 if lang == "zh" else 1]
        assert ((listed[tier_col] == names[tier]) & (listed[status_col] == word)).sum() == n
    assert not ((listed[tier_col] != names["cluster"]) & (listed[status_col].isin(["已认定", "designated"]))).any()
    # the pyramid states each tier's designated count against its target
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    labels = " ".join(a["text"] for s in specs for a in s["layout"].get("annotations", []))
    base = tiers["base"]
    assert (f"已打造 {base} / 目标 10" if lang == "zh" else f"{base} built of 10") in labels
    # the pace line starts with the first national batch (2019), not with the guidance (2020)
    paces = [tr for s in specs for tr in s["data"] if (tr.get("line") or {}).get("dash") == "dot"]
    assert paces and all(tr["x"][0] == 2019 for tr in paces)


def test_sector_filter_narrows_the_clusters(demo_db: Path, demo_db_template: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    at = open_page(demo_db, monkeypatch, "clusters", filters={"sector": ["new_energy"]})
    assert not at.exception, at.exception
    n = one(demo_db_template, "SELECT count(*) FROM clusters WHERE sector = 'new_energy'")[0]
    assert 0 < n < one(demo_db_template, "SELECT count(*) FROM clusters")[0]
    assert len(store_table(at)) == n


def test_cluster_view_lists_its_projects(demo_db: Path, demo_db_template: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    cid, n = one(demo_db_template, "SELECT cluster_id, count(*) FROM projects WHERE cluster_id IS NOT NULL "
                                   "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1")
    at = open_page(demo_db, monkeypatch, "clusters")
    at.selectbox(key="clusters_pick").set_value(cid).run()
    assert not at.exception, at.exception
    assert len(at.dataframe[-1].value) == n
    name = one(demo_db_template, "SELECT name FROM clusters WHERE cluster_id = ?", [cid])[0]
    assert name in texts(at)


def test_empty_filter_shows_empty_state(demo_db: Path, demo_db_template: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    sector, province = empty_combination(demo_db_template)
    at = open_page(demo_db, monkeypatch, "clusters", filters={"sector": [sector], "province": [province]})
    assert not at.exception, at.exception
    assert "没有数据" in texts(at)
    # the store's clusters are filtered away; the public lists (reference data) stay
    assert not [d for d in at.dataframe if d.value.columns[1] == "层级"]
    assert len(at.dataframe) == 2


@pytest.fixture
def tiny(empty_db: Path) -> duckdb.DuckDBPyConnection:
    con = store.connect(empty_db)
    con.execute("""INSERT INTO clusters (cluster_id, name, tier, status, sector, province_code, city_code,
                                         designated_year, batch_id) VALUES
        (1, '甲', 'cluster', 'designated', 'new_energy', '320000', '320500', 2021, 1),
        (2, '乙', 'cluster', 'designated', 'biotech', '440000', NULL, 2023, 1),
        (3, '丙', 'ecosystem', 'designated', 'biotech', '440000', NULL, 2023, 1),
        (4, '丁', 'base', 'reserve', 'new_energy', '110000', NULL, NULL, 1)""")
    con.execute("""INSERT INTO projects (project_id, name, sector, province_code, stage, start_year, end_year,
                                         total_investment_wan, cluster_id, batch_id) VALUES
        (1, 'A', 'new_energy', '320000', 'completed', 2021, 2022, 30000, 1, 1),
        (2, 'B', 'new_energy', '320000', 'planned', 2024, 2025, 10000, 1, 1)""")
    con.execute("INSERT INTO project_investments VALUES (1, 2021, 10000, 10000), (1, 2022, 20000, 15000), "
                "(2, 2024, 10000, NULL)")
    con.execute("INSERT INTO cluster_metrics VALUES (1, 2022, 500000, 2000000, 40, 3)")
    store.rollups.refresh(con)  # the raw inserts above bypass store.write, which rebuilds the rollups
    yield con.cursor()
    con.close()


def test_cluster_queries_are_exact(tiny: duckdb.DuckDBPyConnection) -> None:
    tiers = cq.tier_progress(tiny, Filters()).set_index("tier")
    assert tiers.loc["cluster", "designated"] == 2 and tiers.loc["base", "reserve"] == 1
    hist = cq.designations_by_year(tiny, Filters())
    cluster = hist[hist["tier"] == "cluster"].set_index("year")["cumulative"]
    assert (cluster.loc[2021], cluster.loc[2022], cluster.loc[2023]) == (1, 1, 2)
    assert hist["year"].max() == 2025  # runs on to the target year
    by_sector = cq.clusters_by_sector(tiny, Filters())
    assert by_sector[by_sector["sector"] == "biotech"]["clusters"].sum() == 2
    groups = cq.clusters_by_region(tiny, Filters(), level="group")
    assert groups.groupby("region")["clusters"].sum().to_dict() == {"东部": 3}
    table = cq.cluster_table(tiny, Filters()).set_index("cluster_id")
    assert table.loc[1, "projects"] == 2 and table.loc[1, "investment_yi"] == 4.0
    assert table.loc[1, "city_short"] == "苏州"
    assert list(cq.cluster_table(tiny, Filters(sectors=("biotech",)))["cluster_id"]) == [2, 3]
    years = cq.cluster_investment_years(tiny, Filters(), cluster_id=1).set_index("year")
    assert years.loc[2022, "completed_yi"] == 1.5 and years.loc[2024, "planned_yi"] == 1.0
    assert len(cq.cluster_projects(tiny, Filters(stages=("planned",)), cluster_id=1)) == 1
    m = cq.cluster_metrics(tiny, Filters(), cluster_id=1).iloc[0]
    assert (m["investment_yi"], m["output_value_yi"], m["enterprises"]) == (50.0, 200.0, 40)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_public_lists_shown_apart_with_sources(demo_db: Path, demo_db_template: Path,
                                              monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    """The real national designations come first, against the 100-cluster target, each row with its
    source; MIIT's list is labelled as a different programme; the demo's clusters are counted apart."""
    at = open_page(demo_db, monkeypatch, "clusters", lang=lang)
    assert not at.exception, at.exception
    text = texts(at)
    shipped = one(demo_db_template,
                  "SELECT count(*) FROM public_clusters WHERE list_slug = 'ndrc_sei_clusters_2019'")[0]
    if lang == "zh":
        assert "国家级认定（公开名单）" in text and f"公布66个，本工具已核对来源并收录{shipped}个" in text
        assert "工业和信息化部的先进制造业集群是另一项计划" in text
        assert "本库中的集群（演示数据与导入数据）" in text
    else:
        assert "National designations (public lists)" in text
        assert f"66 announced; this tool has checked and ships {shipped}" in text
        assert "a different programme" in text
    titles = chart_titles(at)
    assert ("国家级战略性新兴产业集群：公布数、已收录数与第（九）条目标" if lang == "zh" else
            "National SEI clusters: announced, verified and shipped, against the clause (IX) target") in titles
    source_col = "来源" if lang == "zh" else "Source"
    public = [d.value for d in at.dataframe if source_col in d.value.columns]
    assert len(public) == 2  # the NDRC list, and MIIT's in its expander
    assert len(public[0]) == shipped and public[0][source_col].str.startswith("http").all()
    miit = one(demo_db_template, "SELECT count(*) FROM public_clusters WHERE list_slug LIKE 'miit%'")[0]
    assert len(public[1]) == miit
    # the store's own list holds the demo clusters only
    assert len(store_table(at)) == one(demo_db_template, "SELECT count(*) FROM clusters")[0]
