"""Public reference lists (data/public_lists/): real national designations and national statistics.

They are reference data, neither demo nor a user's batch: they live in their own tables
(``public_lists``, ``public_clusters``, ``public_statistics``), are loaded when migration 003 runs
and reloaded by ``python -m dashboard init`` (so a fresh init and an upgraded store hold the same
rows as the files), and every row carries its source.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..config import DATA_DIR
from .engine import Connection

PUBLIC_DIR = DATA_DIR / "public_lists"
# file -> (table, integer columns, float columns); the columns are those of migration 003
FILES = {
    "lists.csv": ("public_lists", ("announced_year", "announced_total"), ()),
    "clusters.csv": ("public_clusters", ("seq", "designated_year"), ()),
    "statistics.csv": ("public_statistics", ("year",), ("value",)),
}
REQUIRED = {
    "public_lists": ("list_slug", "name_zh", "name_en", "publisher_zh", "document_en", "announced_total",
                     "source_url"),
    "public_clusters": ("list_slug", "name", "province_code", "designated_year", "source_url",
                        "source_publisher", "source_publisher_en", "source_kind"),
    "public_statistics": ("indicator", "year", "value", "unit", "source_url", "source_publisher",
                          "source_publisher_en"),
}
# What kind of page a cluster's source is (clusters.csv's source_kind; named in locales/clusters.toml as
# clusters.source_kind_<kind>): the publisher's own page, another outlet or body carrying the report with its
# origin named, or a repost site unrelated to the publisher (kept where no original was found).
SOURCE_KINDS = ("publisher", "media", "repost")


class PublicListError(ValueError):
    """A data file of data/public_lists/ is malformed (a missing source, an unknown list, ...)."""


def read(folder: Path = PUBLIC_DIR) -> dict[str, pd.DataFrame]:
    """The three files as frames typed for their tables; checks that every row names its source."""
    frames: dict[str, pd.DataFrame] = {}
    for name, (table, ints, floats) in FILES.items():
        d = pd.read_csv(folder / name, dtype=str, keep_default_na=False, encoding="utf-8")
        d = d.apply(lambda s: s.str.strip())
        for col in REQUIRED[table]:
            empty = d.index[d[col] == ""].tolist()
            if empty:
                raise PublicListError(f"{name}: rows {[i + 2 for i in empty]} have no {col}")
        d = d.replace("", None)
        for col in ints:
            d[col] = pd.to_numeric(d[col]).astype("Int64")
        for col in floats:
            d[col] = pd.to_numeric(d[col]).astype(float)
        frames[table] = d
    kinds = set(frames["public_clusters"]["source_kind"]) - set(SOURCE_KINDS)
    if kinds:
        raise PublicListError(f"clusters.csv: source_kind {sorted(kinds)} is not one of {list(SOURCE_KINDS)}")
    unknown = set(frames["public_clusters"]["list_slug"]) - set(frames["public_lists"]["list_slug"])
    if unknown:
        raise PublicListError(f"clusters.csv names lists that lists.csv does not define: {sorted(unknown)}")
    return frames


def load(con: Connection, folder: Path = PUBLIC_DIR) -> dict[str, int]:
    """Replace the public tables' rows with the files' rows (one INSERT per table, inside the
    caller's transaction); returns the row count per table."""
    frames = read(folder)
    counts = {}
    for table, frame in frames.items():
        columns = [r[0] for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
            [table]).fetchall()]
        con.execute(f"DELETE FROM {table}")
        con.register("public_rows", frame[columns])
        try:
            con.execute(f"INSERT INTO {table} SELECT * FROM public_rows")
        finally:
            con.unregister("public_rows")
        counts[table] = len(frame)
    return counts
