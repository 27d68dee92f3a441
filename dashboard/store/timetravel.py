"""Time travel: every import, revert and change is a snapshot; read the store as it was at any kept one."""

from __future__ import annotations

import duckdb
import pandas as pd

from . import engine
from .core import scalar
from .errors import StoreError


def snapshots(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every snapshot still kept, oldest first: id, time (UTC), author, message, batch, what changed, and
    whether it changed data (``changes_data``: not a migration, an audit record or a sign-in)."""
    df = con.execute(
        """
        SELECT snapshot_id, timezone('UTC', snapshot_time) AS snapshot_time, author, commit_message,
               TRY_CAST(json_extract_string(commit_extra_info, '$.batch') AS INTEGER) AS batch_id,
               changes::VARCHAR AS changes,
               coalesce(TRY_CAST(json_extract_string(commit_extra_info, '$.data') AS BOOLEAN), true)
                   AND commit_message IS NOT NULL AND author IS DISTINCT FROM 'migrate' AS changes_data
        FROM ducklake_snapshots(current_database()) ORDER BY snapshot_id
        """
    ).df()
    return df


def snapshot_for(con: duckdb.DuckDBPyConnection, *, snapshot: int | None = None, when: object = None,
                 batch: int | None = None) -> int:
    """The snapshot a reader asks for: by id, by date/time (the last at or before it; a bare date means
    the end of that day, UTC) or by import batch (the snapshot its import committed). Raises StoreError."""
    import datetime as dt

    if snapshot is not None:
        found = scalar(con, "SELECT max(snapshot_id) FROM ducklake_snapshots(current_database()) "
                            "WHERE snapshot_id = ?", [snapshot])
        if found is None:
            raise StoreError("no_snapshot", snapshot=snapshot)
        return int(found)
    if batch is not None:
        found = scalar(con, "SELECT min(snapshot_id) FROM ducklake_snapshots(current_database()) WHERE "
                            "TRY_CAST(json_extract_string(commit_extra_info, '$.batch') AS INTEGER) = ?", [batch])
        if found is None:
            raise StoreError("no_batch_snapshot", batch=batch)
        return int(found)
    if when is not None:
        if isinstance(when, str):
            text = when.strip()
            try:
                when = dt.date.fromisoformat(text) if len(text) == 10 else dt.datetime.fromisoformat(text)
            except ValueError:
                raise StoreError("not_a_date", text=text) from None
        if isinstance(when, dt.datetime):
            limit = when.replace(tzinfo=None)
            op = "<="
        else:
            limit = dt.datetime.combine(when, dt.time()) + dt.timedelta(days=1)
            op = "<"
        found = scalar(con, "SELECT max(snapshot_id) FROM ducklake_snapshots(current_database()) "
                            f"WHERE timezone('UTC', snapshot_time) {op} ?", [limit])
        if found is None:
            raise StoreError("no_snapshot_before", when=when)
        return int(found)
    return engine.snapshot_id(con)


def snapshot_cursor(con: duckdb.DuckDBPyConnection, snapshot: int) -> duckdb.DuckDBPyConnection:
    """A cursor that reads the store as it was at ``snapshot`` (same tables, same SQL, read-only)."""
    name = f"sei_at_{int(snapshot)}"
    cur = con.cursor()
    try:
        attached = scalar(cur, "SELECT count(*) FROM duckdb_databases() WHERE database_name = ?", [name])
        if not attached:
            kind, target = engine.catalog_path(cur)
            uri = f"ducklake:{kind}:{target}".replace("'", "''")
            cur.execute(f"ATTACH '{uri}' AS {name} (SNAPSHOT_VERSION {int(snapshot)}, READ_ONLY)")
        cur.execute(f"USE {name}")
    except duckdb.Error as exc:
        cur.close()
        raise StoreError("snapshot_unreadable", snapshot=snapshot, reason=str(exc).splitlines()[0]) from None
    return cur
