"""A read-side copy of the small tables and the rollups, in the app process's memory, one per data version.

On DuckLake every query pays a fixed cost of catalog look-ups (the snapshot, the table, its files) and
reads Parquet, where a page runs ten or more small queries. The app therefore copies the tables those
queries read — reference data, clusters, batches and the rollups, at most a few hundred thousand rows at
~10M projects — into an in-memory database. A cursor whose search path puts the copy first reads those
tables from memory and everything else (projects, flows, funding) from the lake, with the same SQL.

A copy is made table by table, when a statement first names the table (:func:`named`): a page pays only
for the tables it reads, and the first page after a start or a commit does not wait for the rest. Every
table of one copy is read from the same lake snapshot, the one the data version was read in
(:func:`pin`), so a copy made piecemeal is the same as one made at once. A new data version gets a new
copy; the one before stays until the next, for queries still running on it.
"""

from __future__ import annotations

import re

import duckdb

from .engine import catalog_name, quoted, snapshot_id

DATABASE = "sei_replica"
TABLES = ("regions", "targets", "import_batches", "clusters", "cluster_metrics", "public_lists",
          "public_clusters", "public_statistics", "rollup_flows", "rollup_funding", "rollup_projects")
KEEP = 2  # copies kept: the newest and the one before

# A table name as a whole word (``clusters`` is not found in ``public_clusters``, nor ``projects`` in
# ``rollup_projects``). A column of the same name only costs copying a table for nothing.
_NAMED = re.compile(r"\b(" + "|".join(TABLES) + r")\b", re.IGNORECASE)


def _schema(version: int) -> str:
    return f"v{int(version)}"


def named(sql: str) -> set[str]:
    """The copied tables a statement names."""
    return {m.lower() for m in _NAMED.findall(sql)}


def _attach(con: duckdb.DuckDBPyConnection) -> None:
    """The in-memory database and its record of what it holds (read there, not from DuckDB's catalog
    listings, which would load the lake's whole catalog: ~0.1-0.4 s each at ~10M projects)."""
    con.execute(f"ATTACH IF NOT EXISTS ':memory:' AS {DATABASE}")
    con.execute(f"CREATE TABLE IF NOT EXISTS {DATABASE}.main.copied "
                "(version BIGINT NOT NULL, snapshot BIGINT NOT NULL, table_name VARCHAR)")


def versions(con: duckdb.DuckDBPyConnection) -> list[int]:
    """The data versions with a copy (perhaps of some tables only, or none yet), oldest first."""
    _attach(con)
    return [r[0] for r in con.execute(f"SELECT DISTINCT version FROM {DATABASE}.main.copied ORDER BY 1"
                                      ).fetchall()]


def copied(con: duckdb.DuckDBPyConnection, version: int) -> set[str]:
    """The tables of ``version``'s copy made so far."""
    _attach(con)
    return {r[0] for r in con.execute(f"SELECT table_name FROM {DATABASE}.main.copied WHERE version = ? "
                                      "AND table_name IS NOT NULL", [version]).fetchall()}


def pin(con: duckdb.DuckDBPyConnection) -> tuple[int, int]:
    """The store's data version and the lake snapshot it was read in; the copy of that version (empty
    at first) exists afterwards, and copies older than the last :data:`KEEP` are dropped.

    Every table of the version's copy is read from that snapshot (:func:`copy`). Two snapshots with the
    same data version hold the same data (every data write raises the version), so a copy begun by an
    earlier pin of the same version stays right."""
    snapshot = snapshot_id(con)
    lake = quoted(catalog_name(con))
    rows = con.execute(f"SELECT value FROM {lake}.main.store_meta AT (VERSION => {snapshot}) "
                       "WHERE key = 'data_version'").fetchall()
    version = int(rows[0][0]) if rows and rows[0][0] is not None else 0  # as core.data_version reads it
    have = versions(con)
    if version not in have:
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(f"CREATE SCHEMA IF NOT EXISTS {DATABASE}.{_schema(version)}")
            con.execute(f"INSERT INTO {DATABASE}.main.copied VALUES (?, ?, NULL)", [version, snapshot])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        for old in [v for v in have if v < version][:-(KEEP - 1) or None]:
            con.execute(f"DROP SCHEMA IF EXISTS {DATABASE}.{_schema(old)} CASCADE")
            con.execute(f"DELETE FROM {DATABASE}.main.copied WHERE version = ?", [old])
    return version, snapshot


def copy(con: duckdb.DuckDBPyConnection, version: int, snapshot: int, tables: set[str] | tuple[str, ...]
         ) -> list[str]:
    """Copy those of ``tables`` that ``version``'s copy lacks, as of the lake's ``snapshot`` (from
    :func:`pin`); return the ones copied. Call under a lock: one copier at a time per process."""
    lake = quoted(catalog_name(con))
    schema = f"{DATABASE}.{_schema(version)}"
    wanted = [t for t in TABLES if t in set(tables) - copied(con, version)]
    for table in wanted:
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(f"CREATE TABLE {schema}.{table} AS "
                        f"SELECT * FROM {lake}.main.{table} AT (VERSION => {int(snapshot)})")
            con.execute(f"INSERT INTO {DATABASE}.main.copied VALUES (?, ?, ?)", [version, snapshot, table])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    return wanted


def build(con: duckdb.DuckDBPyConnection) -> int:
    """Copy every table of :data:`TABLES` as of the newest snapshot, unless done already; return the data
    version. Call under a lock: one builder at a time per process."""
    version, snapshot = pin(con)
    copy(con, version, snapshot, TABLES)
    return version


def path(lake: str, version: int) -> str:
    """The search path that reads ``version``'s copy first and the lake ``lake`` after."""
    return f"{DATABASE}.{_schema(version)},{quoted(lake)}.main"


def search_path(con: duckdb.DuckDBPyConnection, version: int) -> str | None:
    """:func:`path` for the lake ``con`` has open, None without a copy of ``version``."""
    if version not in versions(con):
        return None
    return path(catalog_name(con), version)
