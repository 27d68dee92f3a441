"""Queries of the Summary and Sectors pages: headline figures, sectors, provinces, yearly flows.

Money comes back in 亿元 (``*_yi``, DOUBLE). Every query applies the sidebar filters: the year
range keeps projects that start in it, except on yearly flows, where it keeps the flow years
(``project_where(..., years=False)`` + ``year_where``).

Speed: counts and sums of projects read ``rollup_projects`` whenever the filters allow (migration
006); the one expensive statement is the join of ``project_investments`` with ``projects``
(``sector_year_flows``); each page runs it once and derives the trend, the completed-investment
KPI and sector growth from its grouping sets.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from ..filters import Filters, project_where, year_where
from .common import OVERDUE, R_MONEY, R_PROJECTS, YI, df, rollup_where, rollups_serve

MONEY = "CAST(p.total_investment_wan AS DOUBLE)"



def kpis(cur: duckdb.DuckDBPyConnection, f: Filters, as_of: int) -> pd.DataFrame:
    """One row: projects, total investment, overdue projects (relative to ``as_of``)."""
    if rollups_serve(f):
        rw, rp = rollup_where(f, "r")
        return df(cur, f"""
            SELECT {R_PROJECTS} AS projects, coalesce({R_MONEY}, 0) {YI} AS investment_yi,
                   coalesce(CAST(sum(r.projects) FILTER (WHERE r.due_year <= $as_of) AS BIGINT), 0) AS overdue
            FROM rollup_projects r {rw}
        """, {**rp, "as_of": int(as_of)})
    pw, pp = project_where(f, "p")
    return df(cur, f"""
        SELECT count(*) AS projects,
               coalesce(sum({MONEY}), 0) {YI} AS investment_yi,
               count(*) FILTER (WHERE {OVERDUE}) AS overdue
        FROM projects p {pw}
    """, {**pp, "as_of": int(as_of)})


def sector_totals(cur: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Per sector (NULL = unclassified): projects and total investment, largest first."""
    if rollups_serve(f):
        rw, rp = rollup_where(f, "r")
        return df(cur, f"""
            SELECT r.sector, {R_PROJECTS} AS projects, coalesce({R_MONEY}, 0) {YI} AS investment_yi
            FROM rollup_projects r {rw}
            GROUP BY 1 ORDER BY investment_yi DESC, r.sector
        """, rp)
    pw, pp = project_where(f, "p")
    return df(cur, f"""
        SELECT p.sector, count(*) AS projects, coalesce(sum({MONEY}), 0) {YI} AS investment_yi
        FROM projects p {pw}
        GROUP BY 1 ORDER BY investment_yi DESC, p.sector
    """, pp)


def sector_year_flows(cur: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Planned and completed investment by year, per sector and in total.

    Rows with ``is_total`` true carry the year's total over all sectors (``sector`` NULL);
    the others one sector each (``sector`` NULL there means unclassified).
    """
    if rollups_serve(f):
        rw, rp = rollup_where(f, "r", years=False)
        yw, yp = year_where(f, "r.year")
        return df(cur, f"""
            SELECT r.sector, r.year, grouping(r.sector) = 1 AS is_total,
                   coalesce(CAST(sum(r.planned_wan) AS DOUBLE), 0) {YI} AS planned_yi,
                   CAST(sum(r.completed_wan) AS DOUBLE) {YI} AS completed_yi
            FROM rollup_flows r
            {rw} {yw}
            GROUP BY GROUPING SETS ((r.sector, r.year), (r.year))
            ORDER BY is_total DESC, r.sector, r.year
        """, {**rp, **yp})
    pw, pp = project_where(f, "p", years=False)
    yw, yp = year_where(f, "i.year")
    return df(cur, f"""
        SELECT p.sector, i.year, grouping(p.sector) = 1 AS is_total,
               coalesce(sum(CAST(i.planned_wan AS DOUBLE)), 0) {YI} AS planned_yi,
               sum(CAST(i.completed_wan AS DOUBLE)) {YI} AS completed_yi
        FROM project_investments i
        JOIN projects p ON p.project_id = i.project_id
        {pw} {yw}
        GROUP BY GROUPING SETS ((p.sector, i.year), (i.year))
        ORDER BY is_total DESC, p.sector, i.year
    """, {**pp, **yp})


def top_provinces(cur: duckdb.DuckDBPyConnection, f: Filters, limit: int = 10) -> pd.DataFrame:
    """The provinces with most investment: projects, investment and share of the filtered total."""
    if rollups_serve(f):
        pw, pp = rollup_where(f, "r")
        totals = f"""
            SELECT r.province_code, {R_PROJECTS} AS projects, coalesce({R_MONEY}, 0) {YI} AS investment_yi
            FROM rollup_projects r {pw} GROUP BY 1"""
    else:
        pw, pp = project_where(f, "p")
        totals = f"""
            SELECT p.province_code, count(*) AS projects, coalesce(sum({MONEY}), 0) {YI} AS investment_yi
            FROM projects p {pw} GROUP BY 1"""
    return df(cur, f"""
        WITH t AS ({totals})
        SELECT t.province_code, r.short_name, r.name_en, r.region_group, t.projects, t.investment_yi,
               t.investment_yi / nullif(sum(t.investment_yi) OVER (), 0) AS share
        FROM t LEFT JOIN regions r ON r.code = t.province_code
        ORDER BY t.investment_yi DESC, t.province_code
        LIMIT $limit
    """, {**pp, "limit": int(limit)})


def top_projects(cur: duckdb.DuckDBPyConnection, f: Filters, limit: int = 10) -> pd.DataFrame:
    """The largest projects by total investment (the top N is taken before place names are joined)."""
    pw, pp = project_where(f, "p")
    return df(cur, f"""
        WITH t AS (
            SELECT p.project_id, p.name, p.sector, p.subfield, p.province_code, p.stage, p.start_year,
                   p.end_year, p.total_investment_wan
            FROM projects p {pw}
            ORDER BY p.total_investment_wan DESC NULLS LAST, p.project_id
            LIMIT $limit
        )
        SELECT t.project_id, t.name, t.sector, t.subfield, t.province_code, r.short_name AS province_short,
               r.name_en AS province_en, t.stage, t.start_year, t.end_year,
               CAST(t.total_investment_wan AS DOUBLE) {YI} AS investment_yi
        FROM t LEFT JOIN regions r ON r.code = t.province_code
        ORDER BY t.total_investment_wan DESC NULLS LAST, t.project_id
    """, {**pp, "limit": int(limit)})


def subfield_totals(cur: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Per sector and sub-field: projects and total investment (for the sector drill-down)."""
    pw, pp = project_where(f, "p")
    return df(cur, f"""
        SELECT p.sector, p.subfield, count(*) AS projects, coalesce(sum({MONEY}), 0) {YI} AS investment_yi
        FROM projects p {pw}
        GROUP BY 1, 2 ORDER BY p.sector, investment_yi DESC, p.subfield
    """, pp)


def stage_mix(cur: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Per sector and construction stage: projects and total investment."""
    if rollups_serve(f):
        rw, rp = rollup_where(f, "r")
        return df(cur, f"""
            SELECT r.sector, r.stage, {R_PROJECTS} AS projects, coalesce({R_MONEY}, 0) {YI} AS investment_yi
            FROM rollup_projects r {rw}
            GROUP BY 1, 2 ORDER BY r.sector, r.stage
        """, rp)
    pw, pp = project_where(f, "p")
    return df(cur, f"""
        SELECT p.sector, p.stage, count(*) AS projects, coalesce(sum({MONEY}), 0) {YI} AS investment_yi
        FROM projects p {pw}
        GROUP BY 1, 2 ORDER BY p.sector, p.stage
    """, pp)


def project_list(cur: duckdb.DuckDBPyConnection, f: Filters, limit: int = 200) -> pd.DataFrame:
    """The filtered projects, largest first, at most ``limit`` rows (the drill-down's last level)."""
    return top_projects(cur, f, limit=limit)
