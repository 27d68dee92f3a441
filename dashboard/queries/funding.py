"""Queries of the Funding page: where the money of the filtered projects comes from, and who owns them.

One pass over ``project_funding`` joined with the filtered projects gives the amount by
(channel, sector, start year); the page rolls that small frame up into totals, the sector view
and the year view. Money in 亿元 (``*_yi``).
"""

from __future__ import annotations

import duckdb
import pandas as pd

from ..filters import Filters, project_where
from .common import R_MONEY, R_PROJECTS, YI, df, rollup_where, rollups_serve


def funding_mix(cur: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Amount and funded projects by (source, sector, start_year).

    ``projects`` counts funding rows, i.e. projects funded by the channel (the store keeps one row
    per project and channel); a project has one sector and one start year, so it adds up across
    sectors and years. (An exact DISTINCT count would cost ~4x the time at 1M projects.)
    """
    if rollups_serve(f):
        rw, rp = rollup_where(f, "r")
        return df(cur, f"""
            SELECT r.source, coalesce(r.sector, 'unclassified') AS sector, r.start_year,
                   CAST(sum(r.amount_wan) AS DOUBLE) {YI} AS amount_yi,
                   CAST(sum(r.rows) AS BIGINT) AS projects
            FROM rollup_funding r
            {rw}
            GROUP BY ALL
            ORDER BY 1, 2, 3
        """, rp)
    pw, pp = project_where(f, "p")
    return df(cur, f"""
        SELECT pf.source, coalesce(p.sector, 'unclassified') AS sector, p.start_year,
               sum(CAST(pf.amount_wan AS DOUBLE)) {YI} AS amount_yi,
               count(*) AS projects
        FROM project_funding pf JOIN projects p ON p.project_id = pf.project_id
        {pw}
        GROUP BY ALL
        ORDER BY 1, 2, 3
    """, pp)


def ownership_mix(cur: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Projects and investment by ownership (state / private / foreign / mixed; NULL = unknown)."""
    if rollups_serve(f):
        pw, pp = rollup_where(f, "r")
        inner = f"""
            SELECT coalesce(r.ownership, 'unknown') AS ownership, {R_PROJECTS} AS projects,
                   coalesce({R_MONEY}, 0) {YI} AS investment_yi
            FROM rollup_projects r {pw} GROUP BY 1"""
    else:
        pw, pp = project_where(f, "p")
        inner = f"""
            SELECT coalesce(p.ownership, 'unknown') AS ownership, count(*) AS projects,
                   coalesce(sum(CAST(p.total_investment_wan AS DOUBLE)), 0) {YI} AS investment_yi
            FROM projects p {pw} GROUP BY 1"""
    return df(cur, f"""
        SELECT * FROM ({inner}) t
        ORDER BY CASE t.ownership WHEN 'state' THEN 1 WHEN 'private' THEN 2 WHEN 'foreign' THEN 3
                 WHEN 'mixed' THEN 4 ELSE 5 END
    """, pp)
