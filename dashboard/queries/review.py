"""Cross-tabulations for the analysts' notebooks: sector × region group × year."""

from __future__ import annotations

import duckdb
import pandas as pd

from ..filters import Filters, project_where
from .common import YI, df


def sector_region_year(cur: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Projects and total investment (亿元) by sector, region group and start year."""
    pw, pp = project_where(f, "p")
    return df(cur, f"""
        SELECT p.sector, r.region_group, p.start_year AS year, count(*) AS projects,
               coalesce(sum(CAST(p.total_investment_wan AS DOUBLE)), 0) {YI} AS investment_yi
        FROM projects p JOIN regions r ON r.code = p.province_code
        {pw}
        GROUP BY ALL ORDER BY p.sector NULLS LAST, r.region_group, year
    """, pp)
