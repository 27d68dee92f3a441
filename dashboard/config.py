"""Where things live: the project's data folder and the default store."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
DEFAULT_DB = DATA_DIR / "sei.ducklake"


def default_db() -> str:
    """The store to open when none is named: ``$SEI_DB`` if set, else ``data/sei.ducklake``.

    A plain path names an embedded store (its SQLite catalog file); ``postgresql://…`` a shared one.
    """
    return os.environ.get("SEI_DB", "").strip() or str(DEFAULT_DB)


def default_data_path() -> str | None:
    """Where the data files live when ``--data-path`` is not given: ``$SEI_DATA_PATH``, else the store's own."""
    return os.environ.get("SEI_DATA_PATH", "").strip() or None


def default_db_path() -> Path:
    """The default store as a path (an embedded store's catalog file)."""
    return Path(default_db())
