"""The store: opens the database, runs the migrations, and owns every write.

One connection per process; readers take a ``.cursor()`` per thread. Every write goes through
:func:`write`, which runs it in one transaction and bumps the data version that page caches key on.

Modules: ``engine`` (everything specific to DuckDB: opening, recognising a file, lock errors),
``core`` (connect, migrate, ``write``, data version), ``reference`` (regions and targets every store
starts with), ``batches`` (import batches: write, revert, list), ``demo`` (the demo dataset),
``targets`` (the clause (九) targets), ``public_lists`` (real national lists and statistics from
data/public_lists/, kept apart from demo and imported data).
"""

from . import batches, demo, public_lists, rollups, targets
from .batches import demo_batches, new_batch, next_project_id
from .core import (
    COUNTED_TABLES,
    LATEST_VERSION,
    MIGRATIONS_DIR,
    connect,
    cursor,
    data_version,
    migrate,
    migrations,
    opened,
    scalar,
    schema_version,
    table_counts,
    write,
)
from .engine import Connection
from .errors import StoreError
from .reference import DEFAULT_TARGET_YEAR
from .targets import set_target_year

remove_demo = demo.remove


def reload_public_lists(con: Connection) -> dict[str, int]:
    """Reload data/public_lists/ into the store in one transaction; returns rows per table."""
    with write(con):
        return public_lists.load(con)


__all__ = [
    "COUNTED_TABLES", "DEFAULT_TARGET_YEAR", "LATEST_VERSION", "MIGRATIONS_DIR", "StoreError", "batches", "connect",
    "cursor", "data_version", "demo", "demo_batches", "migrate", "migrations", "new_batch", "next_project_id",
    "opened", "public_lists", "reload_public_lists", "remove_demo", "rollups", "scalar", "schema_version",
    "set_target_year", "table_counts", "targets", "write",
]
