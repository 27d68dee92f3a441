"""A read-side copy of the small tables and the rollups, in the app process's memory, one per data version.

On DuckLake every query pays a fixed cost of catalog look-ups (the snapshot, the table, its files) and
reads Parquet, where a page runs ten or more small queries. The app therefore copies the tables those
queries read — reference data, clusters, batches and the rollups, at most a few hundred thousand rows at
~10M projects — into an in-memory database, all from one snapshot, labelled with the data version read in
that same snapshot. A cursor whose search path puts the copy first reads those tables from memory and
everything else (projects, flows, funding) from the lake, with the same SQL. A new data version gets a
new copy; the one before stays until the next, for queries still running on it.
"""

from __future__ import annotations

import duckdb

from .core import data_version
from .engine import catalog_name, quoted

DATABASE = "sei_replica"
TABLES = ("regions", "targets", "import_batches", "clusters", "cluster_metrics", "public_lists",
          "public_clusters", "public_statistics", "rollup_flows", "rollup_funding", "rollup_projects")
KEEP = 2  # copies kept: the newest and the one before


def _schema(version: int) -> str:
    return f"v{int(version)}"


def versions(con: duckdb.DuckDBPyConnection) -> list[int]:
    """The data versions copied, oldest first."""
    rows = con.execute("SELECT schema_name FROM duckdb_schemas() WHERE database_name = ? "
                       "AND starts_with(schema_name, 'v')", [DATABASE]).fetchall()
    return sorted(int(r[0][1:]) for r in rows if r[0][1:].isdigit())


def build(con: duckdb.DuckDBPyConnection) -> int:
    """Copy :data:`TABLES` as of the newest snapshot, unless that data version is copied already; return
    the version. Call under a lock: one builder at a time per process."""
    lake = catalog_name(con)
    con.execute(f"ATTACH IF NOT EXISTS ':memory:' AS {DATABASE}")
    con.execute("BEGIN TRANSACTION")  # one snapshot of the lake for the version and every table
    try:
        version = data_version(con)
        if version in versions(con):
            con.execute("ROLLBACK")
            return version
        schema = f"{DATABASE}.{_schema(version)}"
        con.execute(f"CREATE SCHEMA {schema}")
        for table in TABLES:
            con.execute(f"CREATE TABLE {schema}.{table} AS SELECT * FROM {quoted(lake)}.main.{table}")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    for old in versions(con)[:-KEEP]:
        con.execute(f"DROP SCHEMA IF EXISTS {DATABASE}.{_schema(old)} CASCADE")
    return version


def search_path(con: duckdb.DuckDBPyConnection, version: int) -> str | None:
    """The search path that reads ``version``'s copy first and the lake after, None without a copy."""
    if version not in versions(con):
        return None
    return f"{DATABASE}.{_schema(version)},{quoted(catalog_name(con))}.main"
