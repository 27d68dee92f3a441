"""The sidebar filters as SQL: each narrows exactly the rows it names, with values as parameters."""

from __future__ import annotations

import duckdb
import pytest

from dashboard.filters import UNCLASSIFIED, Filters, cluster_where, from_state, project_where, year_where

# id, sector, subfield, province, stage, ownership, start, end, cluster, batch
PROJECTS = [
    (1, "info_tech", "chips", "320000", "planned", "state", 2019, 2021, 1, 1),
    (2, "new_energy", "hydrogen", "320000", "under_construction", "private", 2021, 2023, None, 1),
    (3, "new_energy", "energy_storage", "510000", "completed", "foreign", 2023, 2024, 2, 2),
    (4, None, None, "230000", "cancelled", "mixed", 2024, 2025, None, 2),
]


@pytest.fixture
def con(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """The shared empty store with four projects and two clusters."""
    con.executemany(
        "INSERT INTO projects (project_id, name, sector, subfield, province_code, stage, ownership, start_year, "
        "end_year, cluster_id, batch_id) VALUES (?, 'p' || ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(p[0], p[0], *p[1:]) for p in PROJECTS])
    con.executemany(
        "INSERT INTO clusters (cluster_id, name, tier, status, sector, province_code, batch_id) "
        "VALUES (?, ?, ?, 'designated', ?, ?, ?)",
        [(1, "苏州集成电路", "cluster", "info_tech", "320000", 1),
         (2, "成都储能", "ecosystem", "new_energy", "510000", 2)])
    return con


def ids(con: duckdb.DuckDBPyConnection, f: Filters) -> set[int]:
    where, params = project_where(f)
    return {r[0] for r in con.execute(f"SELECT project_id FROM projects p {where}", params).fetchall()}


@pytest.mark.parametrize(("filters", "expected"), [
    (Filters(), {1, 2, 3, 4}),
    (Filters(year_from=2021, year_to=2023), {2, 3}),
    (Filters(sectors=("new_energy",)), {2, 3}),
    (Filters(sectors=(UNCLASSIFIED,)), {4}),
    (Filters(sectors=("info_tech", UNCLASSIFIED)), {1, 4}),
    (Filters(subfields=("hydrogen",)), {2}),
    (Filters(provinces=("320000",)), {1, 2}),
    (Filters(region_groups=("西部", "东北")), {3, 4}),
    (Filters(tiers=("ecosystem",)), {3}),
    (Filters(stages=("planned", "completed")), {1, 3}),
    (Filters(ownership=("foreign",)), {3}),
    (Filters(batch_id=1), {1, 2}),
    (Filters(sectors=("new_energy",), provinces=("320000",), year_to=2022), {2}),
    (Filters(provinces=("110000",)), set()),
])
def test_project_filters(con: duckdb.DuckDBPyConnection, filters: Filters, expected: set[int]) -> None:
    assert ids(con, filters) == expected


def test_cluster_filters(con: duckdb.DuckDBPyConnection) -> None:
    def names(f: Filters) -> set[str]:
        where, params = cluster_where(f)
        return {r[0] for r in con.execute(f"SELECT name FROM clusters c {where}", params).fetchall()}

    assert names(Filters()) == {"苏州集成电路", "成都储能"}
    assert names(Filters(tiers=("cluster",))) == {"苏州集成电路"}
    assert names(Filters(region_groups=("西部",))) == {"成都储能"}
    assert names(Filters(sectors=(UNCLASSIFIED,))) == set()


def test_values_are_parameters_not_sql() -> None:
    hostile = "x'); DROP TABLE projects; --"
    where, params = project_where(Filters(sectors=(hostile,), provinces=(hostile,)))
    assert hostile not in where and hostile in params["f_sectors"]


def test_year_where_and_state() -> None:
    assert year_where(Filters(year_from=2020), "i.year") == (" AND i.year >= $y_from", {"y_from": 2020})
    state = {"years": (2018, 2025), "sector": ["biotech"], "batch": "3", "province": []}
    assert from_state(state, (2018, 2025)) == Filters(sectors=("biotech",), batch_id=3)
    assert from_state({"years": (2020, 2022)}, (2018, 2025)) == Filters(year_from=2020, year_to=2022)
