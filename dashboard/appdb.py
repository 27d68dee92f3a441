"""The app's view of the store: one connection per process, cached query results.

Results are cached on (database path, data version, query, filters, arguments). Every import,
revert or demo change bumps the data version, so no page ever shows stale numbers.
"""

from __future__ import annotations

import importlib
import logging
import os
import re
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import streamlit as st

from . import demo, store
from .config import default_db_path
from .filters import Filters

log = logging.getLogger(__name__)


# Called with (query name, seconds) after each uncached query; the page benchmark listens here.
QUERY_OBSERVERS: list[Callable[[str, float], None]] = []


def db_path() -> Path:
    return default_db_path().resolve()


@st.cache_resource(show_spinner=False)
def _connection(path: str) -> duckdb.DuckDBPyConnection:
    """Open the store once per process; a new file is filled with the demo dataset."""
    is_new = not Path(path).exists()
    con = store.connect(path)
    # DuckDB's buffer pool would otherwise keep up to 80% of the machine's memory of table pages
    # after a few pages at ~10M projects; the app's reads are aggregates that need far less.
    con.execute(f"SET memory_limit = '{memory_limit()}'")
    if is_new:
        log.info("New store at %s: adding the demo dataset", path)
        demo.generate(con)
    return con


def memory_limit() -> str:
    """DuckDB's memory limit for the app process (``SEI_DB_MEMORY``, default 512MB)."""
    value = os.environ.get("SEI_DB_MEMORY", "512MB").strip()
    if not re.fullmatch(r"\d+(\.\d+)?\s*(KB|MB|GB|KiB|MiB|GiB)", value, flags=re.IGNORECASE):
        raise ValueError(f"SEI_DB_MEMORY={value!r}: give a size such as 512MB or 1GB")
    return value


def connection() -> duckdb.DuckDBPyConnection:
    """The process-wide connection; take ``.cursor()`` for reads in a page."""
    return _connection(str(db_path()))


def cursor() -> AbstractContextManager[duckdb.DuckDBPyConnection]:
    """``with appdb.cursor() as cur:`` — a cursor of the process-wide connection, closed after the block."""
    return store.cursor(connection())


def data_version() -> int:
    with cursor() as cur:
        return store.data_version(cur)


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
def _load(path: str, version: int, name: str, filters: Filters, kwargs: tuple[tuple[str, Any], ...]
          ) -> pd.DataFrame:
    fn = _resolve(name)
    started = time.perf_counter()
    try:
        with store.cursor(_connection(path)) as cur:
            return fn(cur, filters, **dict(kwargs))
    finally:
        for observer in QUERY_OBSERVERS:
            observer(name, time.perf_counter() - started)


def scoped(filters: Filters | None) -> Filters:
    """The filters cut to the signed-in account's province scope: every page query passes here, so
    no page, chart, download or export can leave the scope out."""
    from .auth import session

    return (filters or Filters()).replace(scope=session.scope())


def load(fn: Callable[..., pd.DataFrame], filters: Filters | None = None, **kwargs: Any) -> pd.DataFrame:
    """Run a query function from :mod:`dashboard.queries`, cached on the data version."""
    name = f"{fn.__module__}:{fn.__name__}"
    if _resolve(name) is not fn:
        raise ValueError(f"{name} is not a module-level query function")
    return _load(str(db_path()), data_version(), name, scoped(filters), tuple(sorted(kwargs.items())))


def stream(fn: Callable[..., Iterator[pd.DataFrame]], filters: Filters | None = None, **kwargs: Any
           ) -> Iterator[pd.DataFrame]:
    """Run a streaming query generator (e.g. an export) uncached, on its own cursor."""
    name = f"{fn.__module__}:{fn.__name__}"
    if _resolve(name) is not fn:
        raise ValueError(f"{name} is not a module-level query function")
    with cursor() as cur:
        yield from fn(cur, scoped(filters), **kwargs)
