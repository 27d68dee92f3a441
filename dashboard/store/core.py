"""Opening and upgrading the store, the write transaction, and the data version caches key on.

Every write goes through :func:`write`: it takes the single-writer lock, runs the block in one
transaction, checks the integrity rules that DuckLake has no constraints for
(:mod:`dashboard.store.integrity`), and commits one snapshot, labelled with what made it. The data
version is a counter in store_meta that every data write raises.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

import duckdb

from . import engine, locks, namekeys, public_lists, reference
from . import rollups as _rollups
from .engine import Connection
from .errors import StoreError

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) for every ``NNN_name.sql`` file, in order."""
    found = []
    for path in sorted(MIGRATIONS_DIR.glob("[0-9][0-9][0-9]_*.sql")):
        version = int(path.name[:3])
        found.append((version, path.stem[4:], path.read_text(encoding="utf-8")))
    return found


LATEST_VERSION = migrations()[-1][0]


def connect(db: str | Path | None = None, *, data_path: str | Path | None = None,
            read_only: bool = False) -> Connection:
    """Open (creating if needed) and upgrade the store, or raise :class:`StoreError`.

    ``db`` is a catalog file path (embedded) or a ``postgresql://`` URL (shared), default ``$SEI_DB``
    or ``data/sei.ducklake``; ``data_path`` where the data files live (default ``$SEI_DATA_PATH``, else
    ``<catalog>.files/`` for an embedded store). ``read_only`` neither creates nor upgrades.
    """
    return open_store(db, data_path=data_path, read_only=read_only)[0]


def open_store(db: str | Path | None = None, *, data_path: str | Path | None = None,
               read_only: bool = False) -> tuple[Connection, bool]:
    """:func:`connect`, and whether this call created the store (so the caller may fill it)."""
    loc = engine.locate(db, data_path)
    con = engine.open_lake(loc, create=not read_only)
    created = False
    try:
        done = _applied_at_open(con)
        version = max(done, default=0)
        if version > LATEST_VERSION:
            raise StoreError("newer_schema", store=loc.display, version=version, latest=LATEST_VERSION)
        if any(v not in done for v, _, _ in migrations()):
            if read_only:
                raise StoreError("needs_upgrade", store=loc.display, version=version, latest=LATEST_VERSION)
            with locks.writer_lock(con, what="upgrade"):
                created = schema_version(con) == 0  # re-read: another process may have done it meanwhile
                migrate(con)
    except BaseException:
        con.close()
        raise
    return con, created


def location(con: Connection) -> dict[str, str | None]:
    """kind ('embedded'/'shared'), catalog and data path of the store a connection has open."""
    kind, target = engine.catalog_path(con)
    return {"kind": "embedded" if kind == "sqlite" else "shared",
            "catalog": target if kind == "sqlite" else _hide_password(target),
            "data_path": engine.stored_data_path(con)}


def _hide_password(dsn: str) -> str:
    return " ".join("password=***" if p.startswith("password=") else p for p in dsn.split())


@contextmanager
def opened(path: str | Path | None = None, *, data_path: str | Path | None = None,
           read_only: bool = False) -> Iterator[Connection]:
    """``with store.opened(path) as con:`` — :func:`connect`, closed again however the block ends."""
    con = connect(path, data_path=data_path, read_only=read_only)
    try:
        yield con
    finally:
        con.close()


@contextmanager
def cursor(con: Connection) -> Iterator[Connection]:
    """A cursor of a shared connection (one per thread), closed however the block ends."""
    cur = con.cursor()
    try:
        yield cur
    finally:
        cur.close()


def scalar(con: Connection, sql: str, params: object = None) -> object:
    """The first value of a query's single row.

    Uses ``fetchall``: DuckDB 2 keeps a half-fetched result open on the connection (``fetchone``),
    which then refuses ``register`` and similar calls.
    """
    rows = con.execute(sql, params).fetchall() if params is not None else con.execute(sql).fetchall()
    return rows[0][0] if rows else None


def schema_version(con: Connection) -> int:
    """The highest applied migration, 0 for an empty store."""
    exists = scalar(con, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version' "
                         "AND table_catalog = current_database()")
    if not exists:
        return 0
    return scalar(con, "SELECT coalesce(max(version), 0) FROM schema_version")


_AFTER_MIGRATION = {1: reference.seed, 3: public_lists.load, 5: _rollups.refresh, 6: _rollups.refresh,
                    7: _rollups.refresh, 8: reference.add_regions, 9: public_lists.load,
                    11: public_lists.load, 12: namekeys.fill, 13: namekeys.refold}


def _applied(con: Connection) -> set[int]:
    if not scalar(con, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version' "
                       "AND table_catalog = current_database()"):
        return set()
    return {r[0] for r in con.execute("SELECT version FROM schema_version").fetchall()}


def _applied_at_open(con: Connection) -> set[int]:
    """:func:`_applied` on a connection just opened (no transaction open): one read of the table, where
    a missing one raises, instead of listing the lake's tables first, which costs a catalog-wide load
    (0.1-0.4 s at ~10M projects) at every start."""
    try:
        return {r[0] for r in con.execute("SELECT version FROM schema_version").fetchall()}
    except (duckdb.CatalogException, duckdb.InvalidInputException):  # no such table (the latter: DuckDB
        return set()                                                  # found the function of that name)


def pending(con: Connection) -> list[int]:
    """Migrations not yet applied. Numbers are reserved per issue and may land out of order (004 before
    003), so a gap is filled later rather than skipped."""
    done = _applied(con)
    return [v for v, _, _ in migrations() if v not in done]


def migrate(con: Connection, *, target: int | None = None) -> list[int]:
    """Apply pending migrations up to ``target`` (default: all), each in its own transaction.

    Call under :func:`dashboard.store.locks.writer_lock`. Migrations are DuckLake DDL: no PRIMARY KEY,
    UNIQUE, CHECK, indexes, sequences or ENUM; the rules those guarded live in :func:`check`.
    """
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        " version INTEGER NOT NULL, name VARCHAR NOT NULL,"
        " applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)"
    )
    done = _applied(con)
    applied = []
    for version, name, sql in migrations():
        if version in done or (target is not None and version > target):
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
    if applied:
        _flush_schema_rows(con, applied[-1])
    return applied


def _flush_schema_rows(con: Connection, version: int) -> None:
    """Write schema_version's inlined rows into a data file, so that DuckLake, committing that, drops the
    empty inlined-row tables older schema versions left behind (a migration that changes a table's
    columns starts a new one). Each read of a table otherwise reads every such table too, each with the
    catalog as of its schema version: the first read of import_batches in a store just opened read three
    (~80 CPU-ms more for an import's first statement)."""
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("CALL ducklake_flush_inlined_data(?, table_name => 'schema_version')", [engine.catalog_name(con)])
        _commit_message(con, "migrate", "schema migrations: inlined rows flushed", {"migration": version})
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


DATA_VERSION = "SELECT value FROM store_meta WHERE key = 'data_version'"


def data_version(con: Connection, *, snapshot: int | None = None) -> int:
    """A counter that every committed data write raises, by any process; caches key on it.

    Kept in the store (``store_meta``) rather than taken from the snapshot id, so that writes that
    change no data (audit records, maintenance) leave cached pages alone. Writers are serialised by
    the writer lock, so the counter's update never conflicts. ``snapshot``: as of that lake snapshot.
    """
    sql = DATA_VERSION if snapshot is None else DATA_VERSION.replace(
        "store_meta", f"store_meta AT (VERSION => {int(snapshot)})")
    value = scalar(con, sql)
    return int(value) if value is not None else 0


def _commit_message(con: Connection, author: str, message: str, extra: dict | None) -> None:
    con.execute(f"CALL {engine.quoted(engine.catalog_name(con))}.set_commit_message(?, ?, extra_info => ?)",
                [author, message, json.dumps(extra or {}, ensure_ascii=False)])


def _integrity():  # noqa: ANN202 - the module (imported late: it uses this one)
    from . import integrity

    return integrity


@contextmanager
def write(con: Connection, *, message: str = "write", author: str | None = None,
          what: str = "import", on_wait: Callable[[str], None] | None = None,
          extra: dict | None = None, bump: bool = True, rollups: bool | None = None,
          scope: object | None = None) -> Iterator[Connection]:
    """Run a block of writes as one transaction and one snapshot: all of it lands, or none of it does.

    Takes the single-writer lock first (waiting, with a message after a second, for another writer),
    and checks the rules of :func:`dashboard.store.integrity.check` before committing: a write that
    would break one is rolled back and raises :class:`IntegrityError`. ``message``, ``author`` and
    ``extra`` label the snapshot.

    ``bump=False`` for writes that touch no data table (audit records, accounts): the data version
    stays, so a sign-in or a download does not empty every cached chart, and the data rules are not
    re-checked. The rollups are brought up to date in the same transaction whenever the data version
    moves (``rollups=False`` for writes that touch no project or cluster, such as target years):
    incrementally when the block's store functions said which projects they change
    (:func:`dashboard.store.rollups.changing`), else rebuilt.

    ``scope`` (an :class:`dashboard.store.integrity.Scope`, filled in by the block) limits the rules on
    the large tables to the projects the block wrote; without it every rule reads the whole store.
    """
    upkeep = bump if rollups is None else rollups
    with locks.writer_lock(con, what=what, on_wait=on_wait):
        con.execute("BEGIN TRANSACTION")
        try:
            # A write whose scope names its tables (an import) and not clusters leaves every tier as it is.
            tables = getattr(scope, "tables", None)
            fixed = tables is not None and "clusters" not in tables
            with _rollups.tracking(con, clusters_fixed=fixed) if upkeep else nullcontext() as changes:
                yield con
                if upkeep:
                    _rollups.apply(con, changes)
                if bump:  # inside the tracking: the rows the rollups read back are still there to reuse
                    ids = getattr(scope, "project_ids", None)
                    problems = _integrity().check(con, scope, rows=_rollups.changed_rows(changes, ids),
                                                  clusters=_rollups.cluster_tiers(changes))
                    if problems:
                        raise _integrity().IntegrityError(problems)
            if bump:
                con.execute("UPDATE store_meta SET value = CAST(CAST(value AS BIGINT) + 1 AS VARCHAR) "
                            "WHERE key = 'data_version'")
            _commit_message(con, author or "dashboard", message, extra if bump else {**(extra or {}), "data": False})
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise


COUNTED_TABLES = (
    "regions", "targets", "import_batches", "clusters", "cluster_metrics", "projects",
    "project_investments", "project_funding", "public_lists", "public_clusters", "public_statistics",
)


def table_counts(con: Connection) -> dict[str, int]:
    return {t: scalar(con, f"SELECT count(*) FROM {t}") for t in COUNTED_TABLES}
