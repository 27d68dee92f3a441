"""Everything specific to the storage engine (DuckDB): opening a file, recognising one, lock errors.

The rest of the store speaks SQL over the connection this module hands out.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from .errors import StoreError

Connection = duckdb.DuckDBPyConnection
_DUCKDB_MAGIC = b"DUCK"


def check_file(path: Path) -> None:
    """Refuse a path that cannot be a DuckDB database: a missing folder, a folder, an empty or foreign file."""
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


def open_connection(path: Path, *, read_only: bool = False) -> Connection:
    """A connection to the file (created if missing and not read-only), or :class:`StoreError`."""
    check_file(path)
    if read_only and not path.exists():
        raise StoreError(f"{path} does not exist; create it with `python -m dashboard init --db {path}`.")
    try:
        return duckdb.connect(str(path), read_only=read_only)
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
