"""The store: opens the lake, runs the migrations, and owns every write.

One connection per process; readers take a ``.cursor()`` per thread and never wait for a writer.
Every write goes through :func:`write`: the single-writer lock, one transaction, the integrity check,
one snapshot. The data version that page caches key on is a counter every data write raises.

Modules: ``engine`` (everything specific to the engine: DuckLake on a SQLite or PostgreSQL catalog,
extensions from the pinned wheels, the single-writer lock), ``core`` (connect, migrate, ``write``,
data version), ``integrity`` (the rules constraints would guard, checked in every write),
``timetravel`` (snapshots), ``maintenance`` (maintain, backup, restore, export), ``reference``
(regions and targets every store starts with), ``batches`` (import batches: write, revert, list),
``demo`` (the demo dataset), ``targets`` (the clause (九) targets), ``public_lists`` (real national
lists and statistics from data/public_lists/, kept apart from demo and imported data). See docs/store.md.
"""

from . import batches, demo, engine, integrity, maintenance, public_lists, replica, rollups, targets, timetravel
from .batches import demo_batches, new_batch, next_project_id
from .core import (
    COUNTED_TABLES,
    LATEST_VERSION,
    MIGRATIONS_DIR,
    connect,
    cursor,
    data_version,
    location,
    migrate,
    migrations,
    open_store,
    opened,
    scalar,
    schema_version,
    table_counts,
    write,
)
from .engine import Connection, Location
from .errors import StoreError
from .integrity import IntegrityError, check
from .maintenance import backup, export_table, file_stats, maintain, read_manifest, restore, tables
from .reference import DEFAULT_TARGET_YEAR
from .targets import set_target_year
from .timetravel import snapshot_cursor, snapshot_for, snapshots

remove_demo = demo.remove


def reload_public_lists(con: Connection) -> dict[str, int]:
    """Reload data/public_lists/ into the store in one transaction; returns rows per table."""
    with write(con, rollups=False):  # the rollups read no public list
        return public_lists.load(con)


__all__ = [
    "COUNTED_TABLES", "DEFAULT_TARGET_YEAR", "LATEST_VERSION", "MIGRATIONS_DIR", "IntegrityError", "Location",
    "StoreError", "backup", "batches", "check", "connect", "cursor", "data_version", "demo", "demo_batches", "engine",
    "export_table", "file_stats", "integrity", "location", "maintain", "maintenance", "migrate", "migrations",
    "new_batch", "next_project_id", "open_store", "opened", "public_lists", "read_manifest", "reload_public_lists",
    "remove_demo", "replica", "restore", "rollups", "scalar",
    "schema_version", "set_target_year", "snapshot_cursor", "snapshot_for", "snapshots", "table_counts", "tables",
    "targets", "timetravel", "write",
]
