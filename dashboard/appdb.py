"""The app's view of the store: one connection per process, cached query results.

Results are cached on (store, data version, query, filters, arguments, snapshot). The data version is
a counter every data write raises, read from the store on every page run: a commit by any process (an
import from the command line, another app server) shows on the next run, without a restart.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import importlib
import json
import logging
import os
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from . import store
from .config import cache_dir
from .filters import Filters
from .queries.common import base_tables_only
from .store import engine

log = logging.getLogger(__name__)


# Called with (query name, seconds) after each uncached query and each read of the data version; the
# page benchmark listens here.
QUERY_OBSERVERS: list[Callable[[str, float], None]] = []


def location() -> engine.Location:
    """The store the app serves: ``$SEI_DB``/``$SEI_DATA_PATH`` or the embedded default."""
    return engine.locate()


def db_key(loc: engine.Location | None = None) -> str:
    """The key of the store the app serves (or of ``loc``): its caches and landing file go by it."""
    loc = loc or location()
    return f"{loc.catalog}|{loc.data_path or ''}"


@st.cache_resource(show_spinner=False)
def _connection(key: str) -> duckdb.DuckDBPyConnection:
    """Open the store once per process; a store this call creates is filled with the demo dataset."""
    catalog, _, data_path = key.partition("|")
    con, created = store.open_store(catalog, data_path=data_path or None)
    # DuckDB's buffer pool would otherwise keep up to 80% of the machine's memory of table pages
    # after a few pages at ~10M projects; the app's reads are aggregates that need far less.
    con.execute(f"SET memory_limit = '{memory_limit()}'")
    if created:
        from . import demo  # only here: a new store

        log.info("New store at %s: adding the demo dataset", catalog)
        demo.generate(con)
    return con


@st.cache_resource(show_spinner=False)
def _lake(key: str) -> str:
    """The lake's name inside DuckDB, fixed for the connection (a statement of its own: ~5 ms of CPU)."""
    with store.cursor(_connection(key)) as cur:
        return engine.catalog_name(cur)


def memory_limit() -> str:
    """DuckDB's memory limit for the app process (``SEI_DB_MEMORY``, default 512MB)."""
    value = os.environ.get("SEI_DB_MEMORY", "512MB").strip()
    if not re.fullmatch(r"\d+(\.\d+)?\s*(KB|MB|GB|KiB|MiB|GiB)", value, flags=re.IGNORECASE):
        raise ValueError(f"SEI_DB_MEMORY={value!r}: give a size such as 512MB or 1GB")
    return value


def connection() -> duckdb.DuckDBPyConnection:
    """The process-wide connection; take ``.cursor()`` for reads in a page."""
    return _connection(db_key())


def cursor() -> AbstractContextManager[duckdb.DuckDBPyConnection]:
    """``with appdb.cursor() as cur:`` — a cursor of the process-wide connection, closed after the block."""
    return store.cursor(connection())


def data_version() -> int:
    """The store's data version, read once per script run (each page run reads it afresh, so a commit by
    any process shows on the next run; the queries of one run share it instead of each paying a
    catalog look-up). Outside a Streamlit run it is read every time."""
    ctx = get_script_run_ctx(suppress_warning=True)
    if ctx is None:
        return _read_version()
    # ``ctx.cursors`` is a new dict at the start of every run: holding the one we saw keeps its identity
    # from being reused, so a match means the same run.
    seen = getattr(ctx, _VERSION_ATTR, None)
    if seen is not None and seen[0] is ctx.cursors and seen[1] == db_key():
        return seen[2]
    version = _read_version()
    setattr(ctx, _VERSION_ATTR, (ctx.cursors, db_key(), version))
    return version


_VERSION_ATTR = "_sei_data_version"


# Per store, the newest lake snapshot this process has read the data version of: (snapshot id, its commit
# time, data version). A run whose snapshot is that one needs no read of store_meta (a DuckLake table:
# its stats and files, ~10-18 ms of CPU at ~1M projects, against ~5 for the snapshot). Any commit by any
# process makes a new snapshot, so the version is read again after every commit, and a commit that
# changes no data (an audit record, maintenance) keeps the version it read. The commit time is part of
# the match: a store made again or restored at the same place (or a PostgreSQL catalog made anew) starts
# its snapshot ids again, and the one connection sees it (the catalog is read afresh per transaction).
_heads: dict[str, tuple[int, str, int]] = {}


def _read_version() -> int:
    started = time.perf_counter()
    key = db_key()
    try:
        with cursor() as cur:
            snapshot, committed = engine.head(cur, _lake(key))
            known = _heads.get(key)
            if known is not None and known[:2] == (snapshot, committed):
                return known[2]
            version = store.data_version(cur, snapshot=snapshot)  # as of that snapshot, whatever commits since
            _heads[key] = (snapshot, committed, version)
            return version
    finally:
        for observer in QUERY_OBSERVERS:
            observer("dashboard.appdb:data_version", time.perf_counter() - started)


_attach_lock = threading.Lock()


# From the server's start until its first page is out (see :func:`warm`), queries read the lake and
# note here the tables they name, to be copied afterwards; None: queries copy what they read.
_deferred: set[str] | None = None


def _cursor(key: str, snapshot: int | None, version: int | None = None) -> duckdb.DuckDBPyConnection:
    con = _connection(key)
    if snapshot is None:
        noting = _deferred
        if noting is not None:
            return _NotingCursor(con.cursor(), noting)  # type: ignore[return-value]
        copy = _copies.get(key, {}).get(version) if version is not None else None
        if copy is None:
            return con.cursor()
        return _CopyingCursor(_kept_cursor(con, copy.search_path), key, copy)  # type: ignore[return-value]
    with _attach_lock:
        return store.snapshot_cursor(con, snapshot)


# Each thread's cursor reading a copy first, kept from one query to the next: (connection, search path,
# cursor). Setting the search path costs a statement that checks the lake's schema (a DuckLake
# transaction, ~5 ms of CPU), once per query on a fresh cursor; a page runs ten or more. The queries set
# nothing else on it, and a cursor is one thread's only (DuckDB's rule for cursors).
_kept = threading.local()


def _kept_cursor(con: duckdb.DuckDBPyConnection, search_path: str) -> duckdb.DuckDBPyConnection:
    kept = getattr(_kept, "cursor", None)
    if kept is not None and kept[0] is con and kept[1] == search_path:
        return kept[2]
    cur = con.cursor()
    cur.execute(f"SET search_path = '{search_path}'")
    if kept is not None:
        with contextlib.suppress(duckdb.Error):  # its connection closed already
            kept[2].close()
    _kept.cursor = (con, search_path, cur)
    return cur


@dataclass
class _Copy:
    """One data version's copy in memory (see dashboard.store.replica): the lake snapshot its tables are
    read from, the search path that reads it first, and the tables copied so far."""

    version: int
    snapshot: int
    search_path: str
    tables: set[str] = field(default_factory=set)


# The copies in the process's memory, per store and data version.
_copies: dict[str, dict[int, _Copy]] = {}
_replica_lock = threading.Lock()


def _pin(key: str, version: int) -> _Copy | None:
    """This data version's copy (begun, empty, if new); None when the store has moved past the version
    meanwhile (the page's queries then read the lake). Cheap after the first call per version."""
    copy = _copies.get(key, {}).get(version)
    if copy is not None:
        return copy
    with _replica_lock:
        copy = _copies.get(key, {}).get(version)
        if copy is not None:
            return copy
        try:
            with store.cursor(_connection(key)) as cur:
                pinned, snapshot = store.replica.pin(cur)
                search_path = store.replica.path(engine.catalog_name(cur), pinned)
                alive = set(store.replica.versions(cur))
        except duckdb.Error:
            log.exception("Could not start a copy in memory; reading the store")
            return None
        copies = {v: c for v, c in _copies.get(key, {}).items() if v in alive}
        copies[pinned] = _Copy(pinned, snapshot, search_path)
        _copies[key] = copies
        return copies.get(version)


def _fill(key: str, copy: _Copy, tables: set[str]) -> None:
    """Copy those of ``tables`` not yet in ``copy`` (once per data version; the statement about to name
    them then reads them from memory)."""
    if tables <= copy.tables:
        return
    with _replica_lock:
        missing = tables - copy.tables
        if not missing:
            return
        started = time.perf_counter()
        try:
            with store.cursor(_connection(key)) as cur:
                store.replica.copy(cur, copy.version, copy.snapshot, missing)
        except duckdb.Error:
            log.exception("Could not copy %s into memory; reading them from the store", sorted(missing))
            return
        finally:
            copy.tables |= missing  # copied, or read from the store from now on: not tried at every query
            for observer in QUERY_OBSERVERS:
                observer("dashboard.appdb:replica", time.perf_counter() - started)
        log.info("Copied %s of data version %s into memory in %.0f ms", ", ".join(sorted(missing)),
                 copy.version, (time.perf_counter() - started) * 1000)


class _CopyingCursor:
    """A page query's cursor reading a copy in memory first: before each statement, the copied tables it
    names are copied if they are not yet (so a page pays only for the tables it reads)."""

    def __init__(self, cur: duckdb.DuckDBPyConnection, key: str, copy: _Copy) -> None:
        self._cur, self._key, self._copy = cur, key, copy

    def execute(self, query: str, parameters: object = None) -> duckdb.DuckDBPyConnection:
        _fill(self._key, self._copy, store.replica.named(query))
        return self._cur.execute(query, parameters)

    def close(self) -> None:
        """Nothing: the cursor is the thread's kept one (see :func:`_kept_cursor`)."""

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cur, name)


class _NotingCursor:
    """A cursor reading the lake that notes the copied tables each statement names."""

    def __init__(self, cur: duckdb.DuckDBPyConnection, tables: set[str]) -> None:
        self._cur, self._tables = cur, tables

    def execute(self, query: str, parameters: object = None) -> duckdb.DuckDBPyConnection:
        self._tables |= store.replica.named(query)
        return self._cur.execute(query, parameters)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cur, name)


@dataclass
class Warm:
    """:func:`load` fixed to the data version the warm-up read (its queries read the lake)."""

    version: int
    stamp: tuple[Any, ...] = ()  # what the landing file must match (see :func:`_landing_stamp`)
    results: dict[tuple[Any, ...], pd.DataFrame] = field(default_factory=dict)
    from_disk: bool = False

    def __call__(self, fn: Callable[..., pd.DataFrame], filters: Filters | None = None, **kwargs: Any
                 ) -> pd.DataFrame:
        args = (_name(fn), scoped(filters), tuple(sorted(kwargs.items())))
        result = _load(db_key(), self.version, *args, None)
        self.results[args] = result
        return result

    def save(self) -> None:
        """Keep the results of this warm-up's queries on disk for the next server start (unless they
        came from there, or the store has moved on since the version was read: they may be newer)."""
        if self.from_disk or not self.results or not self.stamp or _read_version() != self.version:
            return
        path = landing_path(db_key())
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            partial = path.with_suffix(f".{os.getpid()}.tmp")
            partial.write_bytes(_landing_bytes(self.stamp, self.results))
            partial.replace(path)
            path.with_suffix(".pickle").unlink(missing_ok=True)  # the format before (code ran on reading it)
        except OSError:
            log.exception("Could not keep the landing page's results in %s", path)

    def copy(self) -> None:
        """End the deferral: copy into memory the tables the queries since :func:`warm` named (unless the
        store has moved on meanwhile: the next page run copies what it reads)."""
        global _deferred
        tables, _deferred = _deferred, None
        if not tables:
            return
        key = db_key()
        if _read_version() == self.version and (copy := _pin(key, self.version)) is not None:
            _fill(key, copy, tables)


# The landing page's query results, kept on disk from one server start to the next (one file per store,
# in the user's cache folder) so that a cold start reads them instead of running the queries. A file is
# used only when its stamp matches: the store's data version (raised by every data write of any
# process), the store's first snapshot's time (a store deleted and made again at the same place starts
# its versions anew) and the app's code (a changed query computes differently). The file holds data
# only (Arrow IPC: one row per result, its key as JSON and the frame as an Arrow stream; the stamp in
# the schema's metadata): reading it runs no code, whoever wrote it.
_preloaded: dict[tuple[Any, ...], pd.DataFrame] = {}
LANDING_FORMAT = 2


def landing_path(key: str) -> Path:
    return cache_dir() / f"landing-{hashlib.sha256(key.encode()).hexdigest()[:24]}.arrow"


def _code_stamp() -> str:
    """The app's code as it is on disk (every module's path, size and modification time)."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.rglob("*.py")):
        info = path.stat()
        digest.update(f"{path}|{info.st_size}|{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _landing_stamp(cur: duckdb.DuckDBPyConnection) -> tuple[int, tuple[Any, ...]]:
    """The data version and the stamp a landing file must carry, read in one statement."""
    version, born = cur.execute(
        "SELECT (SELECT value FROM store_meta WHERE key = 'data_version'), "
        "(SELECT min(snapshot_time)::VARCHAR FROM ducklake_snapshots(current_database()))").fetchone()
    version = int(version) if version is not None else 0
    return version, (LANDING_FORMAT, version, born, _code_stamp())


def _key_json(args: tuple[Any, ...]) -> str:
    """A result's key (query name, filters, keyword arguments) as JSON (tuples as lists)."""
    name, filters, kwargs = args
    return json.dumps([name, {f.name: getattr(filters, f.name) for f in dataclasses.fields(filters)},
                       [list(kv) for kv in kwargs]], ensure_ascii=False, sort_keys=True)


def _thaw(value: Any) -> Any:
    return tuple(_thaw(v) for v in value) if isinstance(value, list) else value


def _key_from_json(text: str) -> tuple[Any, ...]:
    name, filters, kwargs = json.loads(text)
    return (name, Filters(**{k: _thaw(v) for k, v in filters.items()}),
            tuple((k, _thaw(v)) for k, v in kwargs))


def _frame_bytes(frame: pd.DataFrame) -> bytes:
    table = pa.Table.from_pandas(frame)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def _frame_from_bytes(data: bytes) -> pd.DataFrame:
    return pa.ipc.open_stream(data).read_all().to_pandas()


def _same_frame(a: pd.DataFrame, b: pd.DataFrame) -> bool:
    try:
        pd.testing.assert_frame_equal(a, b, check_exact=True)
    except AssertionError:
        return False
    return a.attrs == b.attrs


def _landing_bytes(stamp: tuple[Any, ...], results: dict[tuple[Any, ...], pd.DataFrame]) -> bytes:
    """The landing file: each result whose key and frame read back as they are (a frame Arrow cannot
    carry as it is is left out: the page runs its query)."""
    keys, frames = [], []
    for args, frame in results.items():
        try:
            key, data = _key_json(args), _frame_bytes(frame)
            same = _key_from_json(key) == args and _same_frame(_frame_from_bytes(data), frame)
        except (pa.ArrowException, TypeError, ValueError):  # a value Arrow or JSON cannot hold
            same = False
        if same:
            keys.append(key)
            frames.append(data)
        else:
            log.info("Landing result %s not kept: it does not read back the same", args[0])
    table = pa.table({"key": pa.array(keys, pa.string()), "frame": pa.array(frames, pa.binary())},
                     metadata={"stamp": json.dumps(stamp)})
    sink = pa.BufferOutputStream()
    with pa.ipc.new_file(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def _read_landing(key: str, stamp: tuple[Any, ...]) -> dict[tuple[Any, ...], pd.DataFrame] | None:
    path = landing_path(key)
    try:
        table = pa.ipc.open_file(pa.memory_map(str(path))).read_all()
        if (table.schema.metadata or {}).get(b"stamp") != json.dumps(stamp).encode():
            return None
        return {_key_from_json(k): _frame_from_bytes(f)
                for k, f in zip(table.column("key").to_pylist(), table.column("frame").to_pylist(), strict=True)}
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - a damaged or foreign file is only a miss
        log.warning("Ignoring the unreadable landing file %s", path)
        return None


def warm() -> Warm:
    """Open the store outside any page run (the server's start-up hook calls this so that the first page
    finds it open) and return :func:`load` fixed to the current data version, for the caller to run
    the queries a first page will ask for (their results read from the landing file when its stamp
    matches; :meth:`Warm.save` writes it).

    Until :meth:`Warm.copy`, every query (the warm-up's and the first page's) reads the lake directly
    instead of copying its tables into memory first: at ~10M projects a copy of the summary's tables
    costs ~0.4 s, twice the queries that read them once, and every result of the first page is cached
    anyway. The copy, for the pages and filter changes that follow, is made once the first page is out."""
    global _deferred
    key = db_key()
    con = _connection(key)
    started = time.perf_counter()
    try:
        with store.cursor(con) as cur:
            version, stamp = _landing_stamp(cur)
    finally:
        for observer in QUERY_OBSERVERS:
            observer("dashboard.appdb:data_version", time.perf_counter() - started)
    if _deferred is None:
        _deferred = set()
    saved = _read_landing(key, stamp)
    if saved:
        _preloaded.update({(key, version, *args): frame for args, frame in saved.items()})
    return Warm(version, stamp, from_disk=bool(saved))


def _resolve(name: str) -> Callable[..., pd.DataFrame]:
    module, _, func = name.partition(":")
    if not module.startswith("dashboard.queries."):
        raise ValueError(f"{name} is not a query of dashboard.queries")
    return getattr(importlib.import_module(module), func)


# Bounded: query results are small (aggregates, one page of projects), and at most this many are kept,
# none longer than an hour; a new data version makes the old entries unreachable and they age out.
CACHE_ENTRIES = 512
CACHE_TTL_S = 3600


@st.cache_data(show_spinner=False, max_entries=CACHE_ENTRIES, ttl=CACHE_TTL_S)
def _load(key: str, version: int, name: str, filters: Filters, kwargs: tuple[tuple[str, Any], ...],
          snapshot: int | None = None) -> pd.DataFrame:
    if snapshot is None and (kept := _preloaded.pop((key, version, name, filters, kwargs), None)) is not None:
        return kept  # the landing file's result of this very data version (see :func:`warm`)
    fn = _resolve(name)
    # a fresh cursor (reading this version's copy in memory first), or one reading the snapshot
    cur = _cursor(key, snapshot, version)
    started = time.perf_counter()
    try:
        if snapshot is not None and len(store.rollups.existing(cur)) < len(store.rollups.TABLES):
            with base_tables_only():  # a snapshot from before the rollups' migrations
                return fn(cur, filters, **dict(kwargs))
        return fn(cur, filters, **dict(kwargs))
    finally:
        cur.close()
        for observer in QUERY_OBSERVERS:
            observer(name, time.perf_counter() - started)


def scoped(filters: Filters | None) -> Filters:
    """The filters cut to the signed-in account's province scope: every page query passes here, so
    no page, chart, download or export can leave the scope out."""
    from .auth import session

    return (filters or Filters()).replace(scope=session.scope())


def load(fn: Callable[..., pd.DataFrame], filters: Filters | None = None, **kwargs: Any) -> pd.DataFrame:
    """Run a query function from :mod:`dashboard.queries`, cached on the data version."""
    return load_at(None, fn, filters, **kwargs)


def load_at(snapshot: int | None, fn: Callable[..., pd.DataFrame], filters: Filters | None = None,
            **kwargs: Any) -> pd.DataFrame:
    """:func:`load` on the store as it was at ``snapshot`` (None: as it is now)."""
    name = _name(fn)
    if snapshot is None:
        version = data_version()
        if _deferred is None:  # until the first page is out its queries read the lake: nothing to pin yet
            _pin(db_key(), version)
    else:
        version = snapshot
    return _load(db_key(), version, name, scoped(filters), tuple(sorted(kwargs.items())), snapshot)


def _name(fn: Callable[..., Any]) -> str:
    name = f"{fn.__module__}:{fn.__name__}"
    if _resolve(name) is not fn:
        raise ValueError(f"{name} is not a module-level query function")
    return name


def stream(fn: Callable[..., Iterator[pd.DataFrame]], filters: Filters | None = None, **kwargs: Any
           ) -> Iterator[pd.DataFrame]:
    """Run a streaming query generator (e.g. an export) uncached, on its own cursor."""
    _name(fn)
    with cursor() as cur:
        yield from fn(cur, scoped(filters), **kwargs)


@st.cache_data(show_spinner=False, max_entries=64)
def _snapshots(key: str, version: int) -> pd.DataFrame:
    with store.cursor(_connection(key)) as cur:
        return store.snapshots(cur)


def snapshots() -> pd.DataFrame:
    """The store's snapshots (see :func:`dashboard.store.snapshots`), cached on the data version."""
    return _snapshots(db_key(), data_version())
