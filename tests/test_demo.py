"""The demo dataset: deterministic, realistic in shape, internally consistent, removable in one go."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
import pytest
from conftest import copy_store

from dashboard import demo, store, taxonomy

TABLES = ("projects", "project_investments", "project_funding", "clusters", "cluster_metrics")


def fingerprint(con: duckdb.DuckDBPyConnection, table: str) -> str:
    rows = con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def build(empty: Path, path: Path, seed: int, scale: float = 1.0) -> duckdb.DuckDBPyConnection:
    """The demo data of ``seed`` in a copy of the session's empty store (creating a store costs ~5 CPU-s,
    and is tested in test_store and test_store_lake)."""
    con = store.connect(copy_store(empty, path))
    demo.generate(con, seed=seed, scale=scale)
    return con


@pytest.mark.slow  # builds whole demo stores: ~8 s of CPU each
def test_same_seed_same_data_other_seed_other_data(tmp_path: Path, demo_db_template: Path,
                                                   empty_db_template: Path) -> None:
    again = build(empty_db_template, tmp_path / "again.ducklake", seed=1409)
    other = build(empty_db_template, tmp_path / "other.ducklake", seed=7)
    first = store.connect(demo_db_template, read_only=True)
    for table in TABLES:
        assert fingerprint(first, table) == fingerprint(again, table), table
    assert fingerprint(first, "projects") != fingerprint(other, "projects")


@pytest.fixture(scope="module")
def con(demo_db_template: Path) -> duckdb.DuckDBPyConnection:
    return store.connect(demo_db_template, read_only=True)


def one(con: duckdb.DuckDBPyConnection, sql: str) -> object:
    return con.execute(sql).fetchall()[0][0]


def test_about_three_thousand_projects_2018_to_2025(con: duckdb.DuckDBPyConnection) -> None:
    assert one(con, "SELECT count(*) FROM projects") == 3000
    assert one(con, "SELECT min(start_year) FROM projects") == 2018
    assert one(con, "SELECT max(start_year) FROM projects") == 2025
    assert one(con, "SELECT count(DISTINCT project_id) FROM projects") == 3000


def test_every_mainland_province_present_and_hubs_heavier(con: duckdb.DuckDBPyConnection) -> None:
    per_province = dict(con.execute(
        "SELECT province_code, count(*) FROM projects GROUP BY ALL").fetchall())
    mainland = {c for (c,) in con.execute(
        "SELECT code FROM regions WHERE level = 'province' AND region_group IS NOT NULL").fetchall()}
    assert set(per_province) == mainland and len(mainland) == 31
    assert per_province["440000"] > 5 * per_province["540000"]  # Guangdong vs Tibet
    assert per_province["320000"] > per_province["620000"]      # Jiangsu vs Gansu


def test_codes_exist_in_regions(con: duckdb.DuckDBPyConnection) -> None:
    for table in ("projects", "clusters"):
        missing = one(con, f"""
            SELECT count(*) FROM {table} t
            WHERE t.province_code NOT IN (SELECT code FROM regions WHERE level = 'province')
               OR (t.city_code IS NOT NULL AND t.city_code NOT IN (SELECT code FROM regions WHERE level = 'city'))
               OR (t.city_code IS NOT NULL AND
                   (SELECT parent_code FROM regions r WHERE r.code = t.city_code) <> t.province_code)
        """)
        assert missing == 0, table


def test_sectors_subfields_and_codes_come_from_the_taxonomy(con: duckdb.DuckDBPyConnection) -> None:
    sectors = {s for (s,) in con.execute("SELECT DISTINCT sector FROM projects").fetchall()}
    assert sectors == {s.slug for s in taxonomy.sectors()} | {None}  # a few non-SEI projects
    unclassified = one(con, "SELECT count(*) FROM projects WHERE sector IS NULL")
    assert 20 <= unclassified <= 90
    pairs = set(con.execute("SELECT DISTINCT sector, subfield FROM projects WHERE sector IS NOT NULL").fetchall())
    known = {(sf.sector, sf.slug) for sf in taxonomy.subfields()}
    assert pairs <= known
    assert len(pairs) >= 0.9 * len(known)
    for column, values in (("stage", 4), ("ownership", 4), ("programme", 4), ("sector_source", 2)):
        assert one(con, f"SELECT count(DISTINCT {column}) FROM projects") == values, column


def test_names_are_unique_per_province_and_start_year(con: duckdb.DuckDBPyConnection) -> None:
    assert one(con, "SELECT count(*) FROM (SELECT name, province_code, start_year FROM projects "
                    "GROUP BY ALL HAVING count(*) > 1)") == 0
    assert one(con, "SELECT count(*) FROM projects WHERE name LIKE '%{%'") == 0


def test_flows_never_exceed_totals(con: duckdb.DuckDBPyConnection) -> None:
    over = one(con, """
        SELECT count(*) FROM projects p JOIN (
            SELECT project_id, sum(planned_wan) AS planned, sum(coalesce(completed_wan, 0)) AS completed
            FROM project_investments GROUP BY ALL) f USING (project_id)
        WHERE f.planned > p.total_investment_wan OR f.completed > p.total_investment_wan
    """)
    assert over == 0
    outside = one(con, """
        SELECT count(*) FROM project_investments i JOIN projects p USING (project_id)
        WHERE i.year NOT BETWEEN p.start_year AND p.end_year OR i.completed_wan > i.planned_wan
    """)
    assert outside == 0
    funded_over = one(con, """
        SELECT count(*) FROM projects p JOIN (
            SELECT project_id, sum(amount_wan) AS amount FROM project_funding GROUP BY ALL) f USING (project_id)
        WHERE f.amount > p.total_investment_wan
    """)
    assert funded_over == 0
    assert one(con, "SELECT count(DISTINCT source) FROM project_funding") == len(taxonomy.funding_sources())


def test_clusters_below_at_and_near_target(con: duckdb.DuckDBPyConnection) -> None:
    designated = dict(con.execute(
        "SELECT tier, count(*) FROM clusters WHERE status = 'designated' GROUP BY ALL").fetchall())
    assert designated["base"] < 10                  # below target
    assert designated["cluster"] == 100             # at target
    assert 800 <= designated["ecosystem"] < 1000    # near target
    assert one(con, "SELECT count(DISTINCT status) FROM clusters") == 3
    assert one(con, "SELECT count(DISTINCT name) FROM clusters") == one(con, "SELECT count(*) FROM clusters")
    assert one(con, "SELECT count(*) FROM cluster_metrics m LEFT JOIN clusters c USING (cluster_id) "
                    "WHERE c.cluster_id IS NULL") == 0


def test_demo_is_one_labelled_batch_and_removable(demo_db: Path) -> None:
    con = store.connect(demo_db)
    batches = con.execute("SELECT batch_id, file_name, is_demo FROM import_batches").fetchall()
    assert len(batches) == 1 and batches[0][2] is True and "演示" in batches[0][1]
    assert store.remove_demo(con) == 3000
    counts = store.table_counts(con)
    for table in TABLES:
        assert counts[table] == 0, table
    assert counts["regions"] > 0 and counts["targets"] == 3
    assert store.demo_batches(con) == []


@pytest.mark.slow  # builds whole demo stores: ~8 s of CPU each
def test_scale_factor_builds_larger_sets(tmp_path: Path, empty_db_template: Path) -> None:
    con = build(empty_db_template, tmp_path / "big.ducklake", seed=1, scale=20)
    assert one(con, "SELECT count(*) FROM projects") == 60_000
    assert one(con, "SELECT count(DISTINCT project_id) FROM projects") == 60_000
