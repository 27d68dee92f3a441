"""Where things live: the project's data folder and the default database path."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
DEFAULT_DB = DATA_DIR / "sei.duckdb"


def default_db_path() -> Path:
    """The store to open when none is named: ``$SEI_DB`` if set, else ``data/sei.duckdb``."""
    env = os.environ.get("SEI_DB", "").strip()
    return Path(env) if env else DEFAULT_DB
