"""Where things live: the project's data folder and the default database path."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_CHECKOUT_DATA = ROOT / "data"
_INSTALLED_DATA = Path(sys.prefix) / "share" / "sei-dashboard"   # `pip install .` puts data/ here
# A checkout (or `pip install -e .`) reads data/ beside the package and keeps its store there;
# an installed copy reads its reference data from the environment and keeps the store in the
# working folder.
IN_CHECKOUT = (_CHECKOUT_DATA / "taxonomy.toml").is_file()
DATA_DIR = _CHECKOUT_DATA if IN_CHECKOUT else _INSTALLED_DATA
DEFAULT_DB = DATA_DIR / "sei.ducklake" if IN_CHECKOUT else Path.cwd() / "sei.ducklake"


def default_db() -> str:
    """The store to open when none is named: ``$SEI_DB`` if set, else ``data/sei.ducklake`` (in a
    checkout) or ``./sei.ducklake`` (an installed copy).

    A plain path names an embedded store (its SQLite catalog file); ``postgresql://…`` a shared one.
    """
    return os.environ.get("SEI_DB", "").strip() or str(DEFAULT_DB)


def default_data_path() -> str | None:
    """Where the data files live when ``--data-path`` is not given: ``$SEI_DATA_PATH``, else the store's own."""
    return os.environ.get("SEI_DATA_PATH", "").strip() or None


def default_db_path() -> Path:
    """The default store as a path (an embedded store's catalog file)."""
    return Path(default_db())


def cache_dir() -> Path:
    """The app's folder in the user's cache (``$XDG_CACHE_HOME/sei-dashboard``, else ``~/.cache/...``): files
    kept from one run to the next that can always be made again (the landing page's results, parsed TOML)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sei-dashboard"
