"""Maintenance, backup, restore and export of the store."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import duckdb

from . import engine, locks, namekeys, rollups
from .core import LATEST_VERSION, scalar, schema_version, write
from .errors import StoreError
from .timetravel import snapshot_cursor


def tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The store's tables, by name."""
    return [r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_catalog = current_database() "
        "AND table_schema = 'main' AND table_type = 'BASE TABLE' ORDER BY table_name").fetchall()]


def file_stats(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Data files the current snapshot reads (and their bytes), and for a local data folder every file
    kept on disk (older snapshots' files included)."""
    name = engine.catalog_name(con)
    live = live_bytes = 0
    for table in tables(con):
        rows = con.execute("SELECT count(*), coalesce(sum(data_file_size_bytes), 0), count(delete_file), "
                           "coalesce(sum(delete_file_size_bytes), 0) FROM ducklake_list_files(?, ?)",
                           [name, table]).fetchall()[0]
        live += rows[0] + rows[2]
        live_bytes += rows[1] + rows[3]
    stats = {"live_files": live, "live_bytes": live_bytes}
    data_path = engine.stored_data_path(con)
    if data_path and "://" not in data_path and Path(data_path).is_dir():
        files = [p for p in Path(data_path).rglob("*") if p.is_file()]
        stats.update(disk_files=len(files), disk_bytes=sum(p.stat().st_size for p in files))
    return stats


def rebuild_rollups(con: duckdb.DuckDBPyConnection, *, on_wait: Callable[[str], None] | None = None) -> None:
    """Rebuild every rollup from the base tables, as one write (a repair: every data write keeps them)."""
    with write(con, message="rebuild rollups", what="maintenance", on_wait=on_wait, rollups=False):
        rollups.refresh(con)


def maintain(con: duckdb.DuckDBPyConnection, *, keep_days: float | None = None,
             on_wait: Callable[[str], None] | None = None, rebuild: bool = False) -> dict[str, dict[str, int]]:
    """Merge small files, rewrite files with many deleted rows, expire snapshots older than
    ``keep_days`` (None: keep all) and delete the files no kept snapshot needs, and those a killed
    writer left behind; with ``rebuild`` first rebuild the rollups (:func:`rebuild_rollups`). Returns
    file stats before and after. Holds the writer lock; readers go on reading."""
    if rebuild:
        rebuild_rollups(con, on_wait=on_wait)
    before = file_stats(con)
    name = engine.catalog_name(con)
    with locks.writer_lock(con, what="maintenance", on_wait=on_wait):
        con.execute("CALL ducklake_flush_inlined_data(?)", [name])
        con.execute("CALL ducklake_merge_adjacent_files(?)", [name])
        con.execute("CALL ducklake_rewrite_data_files(?)", [name])
        if keep_days is not None:
            con.execute("CALL ducklake_expire_snapshots(?, older_than => now() - to_microseconds(?))",
                        [name, int(keep_days * 86_400_000_000)])
        con.execute("CALL ducklake_cleanup_old_files(?, cleanup_all => true)", [name])
        # files no snapshot knows (left by a writer that was killed): safe only while we hold the lock
        con.execute("CALL ducklake_delete_orphaned_files(?, cleanup_all => true)", [name])
    return {"before": before, "after": file_stats(con)}


# ---------------------------------------------------------------------------------- backup and restore

MANIFEST = "manifest.json"


def _sha256(path: Path) -> str:
    import hashlib

    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def backup(con: duckdb.DuckDBPyConnection, folder: str | Path, *, source: str = "") -> dict:
    """Write every table as ``<table>.parquet`` into ``folder`` plus a manifest (schema version, row
    counts, checksums), all read from one consistent snapshot. Returns the manifest."""
    import datetime as dt

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if (folder / MANIFEST).exists():
        raise StoreError("backup_exists", folder=folder)
    cur = con.cursor()
    try:
        cur.execute("BEGIN TRANSACTION")  # one snapshot for every table
        version = schema_version(cur)
        snapshot = engine.snapshot_id(cur) if _is_lake(cur) else None
        manifest: dict = {"format": "sei-dashboard backup 1", "schema_version": version,
                          "snapshot": snapshot, "source": source,
                          "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "tables": {}}
        for table in tables(cur):
            if table == "schema_version":
                continue
            target = folder / f"{table}.parquet"
            cur.execute(f"COPY (SELECT * FROM {engine.quoted(table)}) TO '{_text(target)}' "
                        "(FORMAT parquet, COMPRESSION zstd)")
            rows = scalar(cur, f"SELECT count(*) FROM {engine.quoted(table)}")
            columns = [[r[0], r[1]] for r in cur.execute(f"DESCRIBE {engine.quoted(table)}").fetchall()]
            manifest["tables"][table] = {"file": target.name, "rows": rows, "sha256": _sha256(target),
                                         "columns": columns}
        cur.execute("COMMIT")
    finally:
        cur.close()
    (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    return manifest


def _is_lake(con: duckdb.DuckDBPyConnection) -> bool:
    return scalar(con, "SELECT type FROM duckdb_databases() WHERE database_name = current_database()") == "ducklake"


def _text(path: Path | str) -> str:
    return str(path).replace("'", "''")


def read_manifest(folder: str | Path) -> dict:
    """The backup's manifest, after checking every file against its checksum; raises StoreError."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StoreError("no_backup", folder=folder, manifest=MANIFEST) from None
    except ValueError as exc:
        raise StoreError("bad_manifest", path=folder / MANIFEST, reason=exc) from None
    if manifest.get("schema_version", 0) > LATEST_VERSION:
        raise StoreError("backup_newer", version=manifest["schema_version"], latest=LATEST_VERSION)
    for table, entry in manifest["tables"].items():
        path = folder / entry["file"]
        if not path.is_file():
            raise StoreError("backup_incomplete", file=path.name, table=table)
        if _sha256(path) != entry["sha256"]:
            raise StoreError("backup_damaged", file=path.name)
    return manifest


def restore(con: duckdb.DuckDBPyConnection, folder: str | Path, *, replace: bool = False,
            on_wait: Callable[[str], None] | None = None) -> dict[str, int]:
    """Load a backup into this store as one snapshot; returns rows per table.

    The store must hold no import batch yet unless ``replace``; its reference rows (regions, targets)
    are replaced by the backup's. The integrity check runs before the commit, as on every write.
    """
    folder = Path(folder)
    manifest = read_manifest(folder)
    known = set(tables(con))
    missing = [t for t in manifest["tables"] if t not in known]
    if missing:
        raise StoreError("restore_missing_tables", tables=", ".join(missing), version=manifest["schema_version"])
    counts = {}
    with write(con, message=f"restore from {folder.name}", what="restore", on_wait=on_wait,
               extra={"restored_from": str(folder), "source_snapshot": manifest.get("snapshot")}):
        if not replace and scalar(con, "SELECT count(*) FROM import_batches"):
            raise StoreError("restore_not_empty")
        for table, entry in manifest["tables"].items():
            con.execute(f"DELETE FROM {engine.quoted(table)}")
            path = _text(folder / entry["file"])
            con.execute(f"INSERT INTO {engine.quoted(table)} BY NAME SELECT * FROM read_parquet('{path}')")
            counts[table] = scalar(con, f"SELECT count(*) FROM {engine.quoted(table)}")
            if counts[table] != entry["rows"]:
                raise StoreError("restore_count_mismatch", table=table, loaded=f"{counts[table]:,}",
                                 expected=f"{entry['rows']:,}")
        # A backup from before migration 012 has no match keys: its projects get theirs here.
        keyless = tuple(t for t in ("projects", "replaced_projects") if t in manifest["tables"]
                        and "name_key" not in {c[0] for c in manifest["tables"][t].get("columns", [])})
        if keyless:
            namekeys.fill(con, keyless)
        # A backup from before migration 013 has keys of either case (5G基站 / 5g基站): lowered here.
        if manifest.get("schema_version", 0) < 13:
            namekeys.refold(con, tuple(t for t in ("projects", "replaced_projects") if t in manifest["tables"]))
    return counts


def export_table(con: duckdb.DuckDBPyConnection, table: str, target: str | Path, *, as_of: int | None = None) -> int:
    """Write one table to ``.parquet``, ``.csv`` or ``.xlsx`` (by extension); returns the rows written.

    CSV and Excel files go through :mod:`dashboard.downloads` like every other download (formula
    neutralisation, UTF-8 with BOM); Parquet keeps the column types."""
    from .. import downloads

    target = Path(target)
    suffix = target.suffix.lower()
    if suffix not in (".parquet", ".csv", ".xlsx"):
        raise StoreError("export_suffix", name=target.name)
    if table not in tables(con):
        raise StoreError("export_no_table", table=table, tables=", ".join(tables(con)))
    cur = snapshot_cursor(con, as_of) if as_of is not None else con.cursor()
    try:
        rows = int(scalar(cur, f"SELECT count(*) FROM {engine.quoted(table)}"))
        if suffix == ".parquet":
            cur.execute(f"COPY (SELECT * FROM {engine.quoted(table)}) TO '{_text(target)}' "
                        "(FORMAT parquet, COMPRESSION zstd)")
            return rows
        if suffix == ".xlsx" and rows > 1_048_575:
            raise StoreError("export_too_many_rows", table=table, rows=f"{rows:,}")

        def frames():  # noqa: ANN202 - a generator of DataFrames, 100k rows at a time
            result = cur.execute(f"SELECT * FROM {engine.quoted(table)}")
            while True:
                chunk = result.fetch_df_chunk(50)
                if chunk.empty:
                    break
                yield chunk

        data = downloads.csv_bytes(frames()) if suffix == ".csv" else downloads.xlsx_bytes(frames(), sheet=table[:31])
        target.write_bytes(data)
    finally:
        cur.close()
    return rows
