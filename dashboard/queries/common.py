"""Queries every page shares: data status, year bounds, batches and region pickers."""

from __future__ import annotations

import duckdb
import pandas as pd

from ..filters import Filters
from ..formatting import WAN_PER_YI

YI = f"/ {WAN_PER_YI:.1f}"  # 万元 (stored) → 亿元 (returned), after CAST(... AS DOUBLE)


def df(cur: duckdb.DuckDBPyConnection, sql: str, params: dict[str, object] | None = None) -> pd.DataFrame:
    return cur.execute(sql, params or {}).df()


def data_status(cur: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """One row: latest flow year, last import time, whether demo data is present, project count."""
    return df(cur, """
        SELECT
            (SELECT max(year) FROM project_investments WHERE completed_wan IS NOT NULL) AS as_of_year,
            (SELECT max(imported_at) FROM import_batches WHERE status = 'committed') AS last_import,
            (SELECT count(*) > 0 FROM import_batches WHERE is_demo AND status = 'committed') AS has_demo,
            (SELECT count(*) FROM projects) AS projects
    """)


def year_bounds(cur: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """The range of project start years in the store, for the year slider."""
    return df(cur, "SELECT min(start_year) AS first, max(start_year) AS last FROM projects")


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

