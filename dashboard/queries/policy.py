"""Queries of the Policy page: the data that tracks each of the guidance's twenty measures.

Sectors track (一)–(八) (``overview.sector_totals``), designated clusters against 10 / 100 / 1000
track (九) (``clusters.tier_progress``); this module adds the programme tags of (十)–(十三) and the
funding channels of (十四)–(十六).
"""

from __future__ import annotations

import duckdb
import pandas as pd

from ..filters import Filters, project_where
from .common import R_MONEY, R_PROJECTS, YI, df, rollup_where, rollups_serve


def programme_totals(cur: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Projects and investment tagged with each of the four cluster programmes."""
    if rollups_serve(f):
        rw, rp = rollup_where(f, "r")
        return df(cur, f"""
            SELECT r.programme, {R_PROJECTS} AS projects, coalesce({R_MONEY}, 0) {YI} AS investment_yi
            FROM rollup_projects r {rw} AND r.programme IS NOT NULL GROUP BY 1 ORDER BY 1
        """, rp)
    pw, pp = project_where(f, "p")
    return df(cur, f"""
        SELECT p.programme, count(*) AS projects,
               coalesce(sum(CAST(p.total_investment_wan AS DOUBLE)), 0) {YI} AS investment_yi
        FROM projects p {pw} AND p.programme IS NOT NULL GROUP BY 1 ORDER BY 1
    """, pp)


def channel_totals(cur: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Amount and funded projects by funding channel (the unfiltered case skips the join)."""
    if rollups_serve(f):
        rw, rp = rollup_where(f, "r")
        return df(cur, f"""
            SELECT r.source, CAST(sum(r.amount_wan) AS DOUBLE) {YI} AS amount_yi,
                   CAST(sum(r.rows) AS BIGINT) AS projects
            FROM rollup_funding r {rw}
            GROUP BY 1 ORDER BY amount_yi DESC
        """, rp)
    pw, pp = project_where(f, "p")
    scope = "" if not pp else f"WHERE pf.project_id IN (SELECT p.project_id FROM projects p {pw})"
    return df(cur, f"""
        SELECT pf.source, sum(CAST(pf.amount_wan AS DOUBLE)) {YI} AS amount_yi, count(*) AS projects
        FROM project_funding pf {scope}
        GROUP BY 1 ORDER BY amount_yi DESC
    """, pp)
