"""An installed (non-editable) copy reads its reference data from ``share/sei-dashboard``
(dashboard.config): every data file the package names must be listed in pyproject's data-files, or such
a copy fails where a checkout works (data/region_areas.csv and data/public_lists/ were once missing)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from dashboard.config import DATA_DIR

ROOT = Path(__file__).resolve().parent.parent


def _shipped() -> set[str]:
    """The data files pyproject installs, as paths relative to data/."""
    spec = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    files = spec["tool"]["setuptools"]["data-files"]
    return {f.removeprefix("data/") for listed in files.values() for f in listed}


def _named() -> set[str]:
    """Every ``DATA_DIR / "…"`` the package names, with the files inside a named folder."""
    named: set[str] = set()
    for source in (ROOT / "dashboard").rglob("*.py"):
        for name in re.findall(r'DATA_DIR / "([^"]+)"', source.read_text(encoding="utf-8")):
            path = DATA_DIR / name
            if path.is_dir():
                named |= {str(f.relative_to(DATA_DIR)) for f in path.iterdir() if f.suffix in (".csv", ".xlsx")}
            elif path.suffix != ".ducklake":  # the store itself is made at run time, not shipped
                named.add(name)
    return named


def test_every_data_file_the_package_reads_is_installed() -> None:
    named = _named()
    assert {"taxonomy.toml", "region_areas.csv", "public_lists/clusters.csv"} <= named  # the scan finds them
    assert named - _shipped() == set()


def test_every_installed_data_file_exists() -> None:
    assert all((DATA_DIR / f).is_file() for f in _shipped())
