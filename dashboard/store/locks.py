"""The store's single-writer lock: a file lock beside an embedded (SQLite) catalog, which takes one
writer at a time, or a PostgreSQL advisory lock for a shared catalog, so ids made max+1 stay unique."""

from __future__ import annotations

import fcntl
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from . import engine
from .errors import StoreError

WAIT_MESSAGE_AFTER = 1.0  # seconds before a waiting writer says why it waits
_ADVISORY_KEY = 1409_2020  # the writer lock's key on a PostgreSQL catalog


def _say_waiting(what: str) -> None:
    print(f"waiting for another {what} to finish…", file=sys.stderr, flush=True)


@contextmanager
def writer_lock(con: duckdb.DuckDBPyConnection, *, what: str = "import",
                on_wait: Callable[[str], None] | None = None, timeout: float | None = None) -> Iterator[None]:
    """Hold the store's single-writer lock; after a second of waiting, say so once (never fail)."""
    kind, target = engine.catalog_path(con)
    on_wait = on_wait or _say_waiting
    if kind == "sqlite":
        with _file_lock(Path(target + ".lock"), what, on_wait, timeout):
            yield
    else:
        with _advisory_lock(target, what, on_wait, timeout):
            yield


def _wait_loop(try_once: Callable[[], bool], what: str, on_wait: Callable[[str], None],
               timeout: float | None) -> None:
    started = time.monotonic()
    said = False
    delay = 0.02
    while not try_once():
        waited = time.monotonic() - started
        if not said and waited >= WAIT_MESSAGE_AFTER:
            on_wait(what)
            said = True
        if timeout is not None and waited > timeout:
            raise StoreError("lock_timeout", seconds=f"{timeout:.0f}", what=what)
        time.sleep(delay)
        delay = min(delay * 1.5, 0.25)


@contextmanager
def _file_lock(path: Path, what: str, on_wait: Callable[[str], None], timeout: float | None) -> Iterator[None]:
    with open(path, "a+") as f:
        def try_once() -> bool:
            try:
                fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return True
            except BlockingIOError:
                return False

        _wait_loop(try_once, what, on_wait, timeout)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


@contextmanager
def _advisory_lock(dsn: str, what: str, on_wait: Callable[[str], None], timeout: float | None) -> Iterator[None]:
    """A transaction-scoped PostgreSQL advisory lock, held on a connection of its own."""
    engine.install_extensions()
    con = duckdb.connect(config=engine.engine_config())
    try:
        con.execute(f"ATTACH '{engine._sql_text(dsn)}' AS sei_lock (TYPE postgres)")
        con.execute("BEGIN")

        def try_once() -> bool:
            return bool(con.execute(
                f"SELECT * FROM postgres_query('sei_lock', 'SELECT pg_try_advisory_xact_lock({_ADVISORY_KEY})')"
            ).fetchall()[0][0])

        _wait_loop(try_once, what, on_wait, timeout)
        try:
            yield
        finally:
            con.execute("ROLLBACK")
    finally:
        con.close()
