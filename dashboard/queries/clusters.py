"""Queries of the Clusters page (and the Summary's target bullets): tiers against the 10 / 100 / 1000
targets of clause (九), designations over time, clusters by sector and region, a cluster's own view.

Clusters follow ``cluster_where`` (sector, sub-field, place, region group, tier, batch); a cluster's
projects follow ``project_where`` on top. Money in 亿元 (``*_yi``).
"""

from __future__ import annotations

import duckdb
import pandas as pd

from ..filters import Filters, cluster_where, project_where, scope_where, year_where
from .common import R_MONEY, R_PROJECTS, YI, df, rollup_where, rollups_serve

TIER_ORDER = "CASE t.tier WHEN 'base' THEN 1 WHEN 'cluster' THEN 2 ELSE 3 END"


def tier_progress(cur: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Per tier (base, cluster, ecosystem): designated, cultivating and reserve counts, the target
    count and target year (every tier of ``targets`` is listed, zeros kept)."""
    cw, cp = cluster_where(f, "c")
    return df(cur, f"""
        WITH n AS (
            SELECT c.tier,
                   count(*) FILTER (WHERE c.status = 'designated') AS designated,
                   count(*) FILTER (WHERE c.status = 'cultivating') AS cultivating,
                   count(*) FILTER (WHERE c.status = 'reserve') AS reserve
            FROM clusters c {cw} GROUP BY 1
        )
        SELECT t.tier, coalesce(n.designated, 0) AS designated, coalesce(n.cultivating, 0) AS cultivating,
               coalesce(n.reserve, 0) AS reserve, t.target_count, t.target_year
        FROM targets t LEFT JOIN n ON n.tier = t.tier
        ORDER BY {TIER_ORDER}
    """, cp)


def designations_by_year(cur: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Per tier and designation year: clusters designated that year and cumulative to that year.

    Years run without gaps from the first designation to the last designation or target year.
    """
    cw, cp = cluster_where(f, "c")
    return df(cur, f"""
        WITH d AS (
            SELECT c.tier, c.designated_year AS year, count(*) AS designated
            FROM clusters c {cw} AND c.status = 'designated' AND c.designated_year IS NOT NULL
            GROUP BY 1, 2
        ), span AS (
            SELECT min(year) AS y0, greatest(max(year), (SELECT max(target_year) FROM targets)) AS y1 FROM d
        ), grid AS (
            SELECT t.tier, y.year
            FROM targets t, span, range(span.y0, span.y1 + 1) y(year)
        )
        SELECT g.tier, CAST(g.year AS INTEGER) AS year, coalesce(d.designated, 0) AS designated,
               CAST(sum(coalesce(d.designated, 0)) OVER (PARTITION BY g.tier ORDER BY g.year) AS BIGINT) AS cumulative
        FROM grid g LEFT JOIN d ON d.tier = g.tier AND d.year = g.year
        ORDER BY g.tier, g.year
    """, cp)


def clusters_by_sector(cur: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Designated clusters per sector (NULL = unclassified) and tier."""
    cw, cp = cluster_where(f, "c")
    return df(cur, f"""
        SELECT c.sector, c.tier, count(*) AS clusters
        FROM clusters c {cw} AND c.status = 'designated'
        GROUP BY 1, 2 ORDER BY 1, 2
    """, cp)


def clusters_by_region(cur: duckdb.DuckDBPyConnection, f: Filters, level: str = "group") -> pd.DataFrame:
    """Designated clusters per region group (``level='group'``) or province (``'province'``) and tier."""
    cw, cp = cluster_where(f, "c")
    if level == "group":
        keys, names = "r.region_group AS region", "r.region_group AS name_zh, r.region_group AS name_en"
    elif level == "province":
        keys, names = "c.province_code AS region", "r.short_name AS name_zh, r.name_en AS name_en"
    else:
        raise ValueError(f"level must be 'group' or 'province', not {level!r}")
    return df(cur, f"""
        SELECT {keys}, {names}, c.tier, count(*) AS clusters
        FROM clusters c LEFT JOIN regions r ON r.code = c.province_code
        {cw} AND c.status = 'designated'
        GROUP BY ALL ORDER BY region, c.tier
    """, cp)


def cluster_table(cur: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Every cluster the filters keep, with place names and its projects' count and investment
    (the projects under the project filters)."""
    cw, cp = cluster_where(f, "c")
    if rollups_serve(f):
        pw, pp = rollup_where(f, "r")
        pr = f"""SELECT r.cluster_id, {R_PROJECTS} AS projects, coalesce({R_MONEY}, 0) {YI} AS investment_yi
                 FROM rollup_projects r {pw} AND r.cluster_id IS NOT NULL GROUP BY 1"""
    else:
        pw, pp = project_where(f, "p")
        pr = f"""SELECT p.cluster_id, count(*) AS projects,
                        coalesce(sum(CAST(p.total_investment_wan AS DOUBLE)), 0) {YI} AS investment_yi
                 FROM projects p {pw} AND p.cluster_id IS NOT NULL GROUP BY 1"""
    return df(cur, f"""
        WITH pr AS ({pr})
        SELECT c.cluster_id, c.name, c.tier, c.status, c.sector, c.subfield, c.province_code,
               rp.short_name AS province_short, rp.name_en AS province_en,
               c.city_code, rc.short_name AS city_short, rc.name_en AS city_en,
               c.batch, c.designated_year,
               coalesce(pr.projects, 0) AS projects, coalesce(pr.investment_yi, 0.0) AS investment_yi
        FROM clusters c
        LEFT JOIN regions rp ON rp.code = c.province_code
        LEFT JOIN regions rc ON rc.code = c.city_code
        LEFT JOIN pr ON pr.cluster_id = c.cluster_id
        {cw}
        ORDER BY CASE c.tier WHEN 'base' THEN 1 WHEN 'cluster' THEN 2 ELSE 3 END,
                 CASE c.status WHEN 'designated' THEN 1 WHEN 'cultivating' THEN 2 ELSE 3 END,
                 c.designated_year NULLS LAST, c.cluster_id
    """, {**cp, **pp})


def cluster_projects(cur: duckdb.DuckDBPyConnection, f: Filters, cluster_id: int, limit: int = 500
                     ) -> pd.DataFrame:
    """One cluster's projects under the project filters, largest first."""
    pw, pp = project_where(f, "p")
    return df(cur, f"""
        WITH t AS (
            SELECT p.project_id, p.name, p.sector, p.subfield, p.stage, p.start_year, p.end_year, p.city_code,
                   p.total_investment_wan
            FROM projects p {pw} AND p.cluster_id = $cluster_id
            ORDER BY p.total_investment_wan DESC NULLS LAST, p.project_id
            LIMIT $limit
        )
        SELECT t.project_id, t.name, t.sector, t.subfield, t.stage, t.start_year, t.end_year,
               rc.short_name AS city_short, rc.name_en AS city_en,
               CAST(t.total_investment_wan AS DOUBLE) {YI} AS investment_yi
        FROM t LEFT JOIN regions rc ON rc.code = t.city_code
        ORDER BY t.total_investment_wan DESC NULLS LAST, t.project_id
    """, {**pp, "cluster_id": int(cluster_id), "limit": int(limit)})


def cluster_investment_years(cur: duckdb.DuckDBPyConnection, f: Filters, cluster_id: int) -> pd.DataFrame:
    """Planned and completed investment by year of one cluster's projects."""
    if rollups_serve(f):
        rw, rp = rollup_where(f, "r", years=False)
        yw, yp = year_where(f, "r.year")
        return df(cur, f"""
            SELECT r.year, coalesce(CAST(sum(r.planned_wan) AS DOUBLE), 0) {YI} AS planned_yi,
                   CAST(sum(r.completed_wan) AS DOUBLE) {YI} AS completed_yi
            FROM rollup_flows r {rw} AND r.cluster_id = $cluster_id {yw}
            GROUP BY 1 ORDER BY 1
        """, {**rp, **yp, "cluster_id": int(cluster_id)})
    pw, pp = project_where(f, "p", years=False)
    yw, yp = year_where(f, "i.year")
    return df(cur, f"""
        SELECT i.year, coalesce(sum(CAST(i.planned_wan AS DOUBLE)), 0) {YI} AS planned_yi,
               sum(CAST(i.completed_wan AS DOUBLE)) {YI} AS completed_yi
        FROM project_investments i
        WHERE i.project_id IN (SELECT p.project_id FROM projects p {pw} AND p.cluster_id = $cluster_id)
        {yw}
        GROUP BY 1 ORDER BY 1
    """, {**pp, **yp, "cluster_id": int(cluster_id)})


def cluster_metrics(cur: duckdb.DuckDBPyConnection, f: Filters, cluster_id: int) -> pd.DataFrame:
    """One cluster's yearly metrics: investment and output value (亿元), enterprises, innovation platforms."""
    yw, yp = year_where(f, "m.year")
    sw, sp = scope_where(f, "m.cluster_id", "clusters")
    return df(cur, f"""
        SELECT m.year, CAST(m.investment_wan AS DOUBLE) {YI} AS investment_yi,
               CAST(m.output_value_wan AS DOUBLE) {YI} AS output_value_yi,
               m.enterprises, m.innovation_platforms
        FROM cluster_metrics m
        WHERE m.cluster_id = $cluster_id {yw} {sw}
        ORDER BY m.year
    """, {**yp, **sp, "cluster_id": int(cluster_id)})
