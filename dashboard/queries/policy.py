"""Queries of the Policy page: the data that tracks each of the guidance's twenty measures.

Sectors track (一)–(八), designated clusters against 10 / 100 / 1000 track (九), programme tags
track (十)–(十三) and funding channels (十四)–(十六) (see :mod:`dashboard.queries.funding`).
"""

from __future__ import annotations

import duckdb
import pandas as pd

from ..filters import Filters, cluster_where, project_where
from .common import df


def sector_totals(cur: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Projects and investment by sector (NULL sector = 'unclassified')."""
    pw, pp = project_where(f, "p")
    return df(cur, f"""
        SELECT coalesce(p.sector, 'unclassified') AS sector, count(*) AS projects,
               coalesce(sum(CAST(p.total_investment_wan AS DOUBLE)), 0) / 10000.0 AS investment_yi
        FROM projects p {pw} GROUP BY 1 ORDER BY 1
    """, pp)


def programme_totals(cur: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Projects and investment tagged with each of the four cluster programmes."""
    pw, pp = project_where(f, "p")
    return df(cur, f"""
        SELECT p.programme, count(*) AS projects,
               coalesce(sum(CAST(p.total_investment_wan AS DOUBLE)), 0) / 10000.0 AS investment_yi
        FROM projects p {pw} AND p.programme IS NOT NULL GROUP BY 1 ORDER BY 1
    """, pp)


def tier_progress(cur: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Designated clusters per tier against the target (10 / 100 / 1000) and its year."""
    cw, cp = cluster_where(f, "c")
    return df(cur, f"""
        SELECT t.tier, t.target_count, t.target_year, t.source_clause,
               coalesce(d.designated, 0) AS designated
        FROM targets t
        LEFT JOIN (SELECT c.tier, count(*) AS designated FROM clusters c
                   {cw} AND c.status = 'designated' GROUP BY 1) d USING (tier)
        ORDER BY t.target_count
    """, cp)


def channel_totals(cur: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Amount and funded projects by funding channel (the unfiltered case skips the join)."""
    pw, pp = project_where(f, "p")
    scope = "" if not pp else f"WHERE pf.project_id IN (SELECT p.project_id FROM projects p {pw})"
    return df(cur, f"""
        SELECT pf.source, sum(CAST(pf.amount_wan AS DOUBLE)) / 10000.0 AS amount_yi, count(*) AS projects
        FROM project_funding pf {scope}
        GROUP BY 1 ORDER BY amount_yi DESC
    """, pp)
