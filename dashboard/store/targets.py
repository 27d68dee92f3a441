"""The 10 / 100 / 1000 targets of clause (九) and their target years."""

from __future__ import annotations

from .core import write
from .engine import Connection
from .errors import StoreError


def listed(con: Connection) -> list[tuple[str, int, int, str]]:
    """(tier, target count, target year, source clause), smallest target first."""
    return con.execute(
        "SELECT tier, target_count, target_year, source_clause FROM targets ORDER BY target_count").fetchall()


def set_target_year(con: Connection, year: int, tier: str | None = None) -> None:
    if not 2020 <= year <= 2100:
        raise StoreError("target_year_range", year=year)
    with write(con, message=f"target year {year}", what="change", rollups=False):
        if tier is None:
            con.execute("UPDATE targets SET target_year = ?", [year])
        else:
            con.execute("UPDATE targets SET target_year = ? WHERE tier = ?", [year, tier])
