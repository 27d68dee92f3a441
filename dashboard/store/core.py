"""Opening and upgrading the store, the write transaction, and the data version caches key on."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..config import default_db_path
from . import engine, public_lists, reference
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


def connect(path: str | Path | None = None, *, read_only: bool = False) -> Connection:
    """Open (creating if needed) and upgrade the store, or raise :class:`StoreError`."""
    path = Path(path) if path is not None else default_db_path()
    con = engine.open_connection(path, read_only=read_only)
    try:
        version = schema_version(con)
        if version > LATEST_VERSION:
            raise StoreError(
                f"{path} was written by a newer version of this tool (schema {version}, this one knows "
                f"{LATEST_VERSION}); upgrade the tool before opening it."
            )
        if pending(con):
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


@contextmanager
def opened(path: str | Path | None = None, *, read_only: bool = False) -> Iterator[Connection]:
    """``with store.opened(path) as con:`` — :func:`connect`, closed again however the block ends."""
    con = connect(path, read_only=read_only)
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
    """The highest applied migration, 0 for an empty file."""
    exists = scalar(con, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'")
    if not exists:
        return 0
    return scalar(con, "SELECT coalesce(max(version), 0) FROM schema_version")


_AFTER_MIGRATION = {1: reference.seed, 3: public_lists.load, 5: _rollups.refresh}


def _applied(con: Connection) -> set[int]:
    if not scalar(con, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"):
        return set()
    return {r[0] for r in con.execute("SELECT version FROM schema_version").fetchall()}


def pending(con: Connection) -> list[int]:
    """Migrations not yet applied. Numbers are reserved per issue and may land out of order (004 before
    003), so a gap is filled later rather than skipped."""
    done = _applied(con)
    return [v for v, _, _ in migrations() if v not in done]


def migrate(con: Connection, *, target: int | None = None) -> list[int]:
    """Apply pending migrations up to ``target`` (default: all), each in its own transaction."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
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
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        applied.append(version)
    return applied


def data_version(con: Connection) -> int:
    """A counter that every committed write raises; caches key on it."""
    value = scalar(con, "SELECT value FROM store_meta WHERE key = 'data_version'")
    return int(value) if value is not None else 0


@contextmanager
def write(con: Connection, *, bump: bool = True, rollups: bool | None = None) -> Iterator[Connection]:
    """Run a block of writes as one transaction: all of it lands, or none of it does.

    ``bump=False`` for writes no page cache depends on (audit records, accounts), so a sign-in or a
    download does not empty every cached chart. The rollups are rebuilt in the same transaction
    whenever the data version moves (``rollups=False`` for writes that touch no project or cluster,
    such as target years)."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
        if bump if rollups is None else rollups:
            _rollups.refresh(con)
        if bump:
            con.execute("UPDATE store_meta SET value = CAST(CAST(value AS BIGINT) + 1 AS VARCHAR) "
                        "WHERE key = 'data_version'")
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
