"""Queries every page shares: data status, year bounds, batches and region pickers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import fields

import duckdb
import pandas as pd

from ..filters import Filters, project_where
from ..formatting import WAN_PER_YI

YI = f"/ {WAN_PER_YI:.1f}"  # 万元 (stored) → 亿元 (returned), after CAST(... AS DOUBLE)


# Read the rollups (migrations 005, 006) whenever the filters allow, and take the other fast paths (lists
# split so that DuckDB can push every condition into the file scan); the equivalence test switches this
# off to run the plain reference form of every query over the base tables.
USE_ROLLUPS = True
# Set for a query on a snapshot taken before the rollups existed (see :func:`base_tables_only`).
_BASE_ONLY: ContextVar[bool] = ContextVar("base_only", default=False)


@contextmanager
def base_tables_only() -> Iterator[None]:
    """Within the block (this thread), queries read the base tables only: for a snapshot from before a
    rollup's migration, where the rollup tables do not exist yet."""
    token = _BASE_ONLY.set(True)
    try:
        yield
    finally:
        _BASE_ONLY.reset(token)


def fast() -> bool:
    """Whether queries may read the rollups and take their other fast paths."""
    return USE_ROLLUPS and not _BASE_ONLY.get()
# The Filters fields the rollups keep as dimensions. A filter on any other field (the sub-field, or a
# field added later) sends the query to the base tables.
ROLLUP_FIELDS = frozenset({"year_from", "year_to", "sectors", "provinces", "region_groups", "tiers", "stages",
                           "ownership", "batch_id", "scope"})


def rollups_serve(f: Filters) -> bool:
    """Whether a query under these filters can read the rollups instead of the base tables."""
    if not fast():
        return False
    empty = Filters()
    return all(getattr(f, fld.name) == getattr(empty, fld.name) for fld in fields(Filters)
               if fld.name not in ROLLUP_FIELDS)


def rollup_where(f: Filters, alias: str = "r", *, years: bool = True) -> tuple[str, dict[str, object]]:
    """:func:`dashboard.filters.project_where` over a rollup table (same columns; the tier is stored)."""
    return project_where(f, alias, years=years, tier_column="tier")


# Over rollup_projects (alias r): the projects counted and their total investment, as the base tables'
# count(*) and sum(total_investment_wan) give them.
R_PROJECTS = "coalesce(CAST(sum(r.projects) AS BIGINT), 0)"
R_MONEY = "CAST(sum(r.investment_wan) AS DOUBLE)"


# Overdue (the summary's count and the Projects page's watch list), over projects p: still planned after
# the start year, still under construction after the end year, relative to the as-of year. The rollups
# keep the same rule as a year (dashboard.store.rollups.DUE_YEAR); this form is the base tables'
# reference that the equivalence test holds them to.
OVERDUE = """((p.stage = 'planned' AND p.start_year < $as_of)
              OR (p.stage = 'under_construction' AND p.end_year < $as_of))"""

# The as-of year of the overdue rule and the watch list: the latest year with a completed amount (NULL when
# there is none; the pages and the rollups then take the current year). From the base tables, or from
# rollup_flows (the same year while the rollups are right: completed_n counts the completed amounts).
AS_OF_BASE = "SELECT max(year) FROM project_investments WHERE completed_wan IS NOT NULL"
# An aggregate FILTER, not a WHERE: pushed down into the DuckLake scan, a WHERE costs ~10-15 ms of catalog
# look-ups per read even of an empty table; the FILTER reads two columns of the small rollup table, same year.
AS_OF_COMPLETED = "max(year) FILTER (WHERE completed_n > 0)"  # over rollup_flows or a delta of it
AS_OF_ROLLUP = f"SELECT {AS_OF_COMPLETED} FROM rollup_flows"


def growth_years(years_with_data: Iterable[object], f: Filters, as_of: dt.date | None = None
                 ) -> tuple[int, int] | None:
    """The one rule of every growth figure (the summary's KPI, the sectors' panel and highlight, the region
    groups, the meeting copy, the notebooks): the latest FULL year, the last calendar year before the as-of
    date's year (today, or the date of the snapshot shown) that has data, within the year filter, compared
    with the year before it. ``years_with_data``: the years with a completed amount under the filters.
    None when there is no such year or the year before lies outside the year filter. Pages had three rules
    (2025 vs 2024 on the summary, 2023-2024 on the sectors, the latest year with data on the regions)."""
    before = (as_of or dt.date.today()).year
    years = [int(y) for y in years_with_data if y is not None and not pd.isna(y)]
    full = [y for y in years if y < before and (f.year_to is None or y <= f.year_to)
            and (f.year_from is None or y >= f.year_from)]
    if not full:
        return None
    y1 = max(full)
    if f.year_from is not None and y1 - 1 < f.year_from:
        return None
    return y1 - 1, y1


def df(cur: duckdb.DuckDBPyConnection, sql: str, params: dict[str, object] | None = None) -> pd.DataFrame:
    return cur.execute(sql, params or {}).df()


def data_status(cur: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """One row: latest flow year, when the data last changed (an import still in, or a revert: the pages'
    "updated" stamp went back to an older import after a revert, on newer data), whether demo data is
    present, project count."""
    as_of = AS_OF_ROLLUP if fast() else AS_OF_BASE
    # the rollup holds every project once (a group's count): read from the app's copy in memory, not the lake
    count = "CAST(coalesce(sum(projects), 0) AS BIGINT) FROM rollup_projects" if fast() else "count(*) FROM projects"
    return df(cur, f"""
        SELECT
            ({as_of}) AS as_of_year,
            (SELECT max(CASE WHEN status = 'committed' THEN imported_at ELSE reverted_at END)
             FROM import_batches) AS last_import,
            (SELECT count(*) > 0 FROM import_batches WHERE is_demo AND status = 'committed') AS has_demo,
            (SELECT {count}) AS projects
    """)


def year_bounds(cur: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """The range of project start years in the store, for the year slider."""
    table = "rollup_projects" if fast() else "projects"
    return df(cur, f"SELECT min(start_year) AS first, max(start_year) AS last FROM {table}")


def batches(cur: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Committed import batches, newest first (for the batch filter)."""
    return df(cur, """
        SELECT batch_id, file_name, imported_at, rows_imported, is_demo
        FROM import_batches WHERE status = 'committed' ORDER BY batch_id DESC
    """)


def provinces(cur: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Provincial-level regions, for pickers."""
    return df(cur, """
        SELECT code, name, short_name, name_en, region_group FROM regions
        WHERE level = 'province' ORDER BY code
    """)

