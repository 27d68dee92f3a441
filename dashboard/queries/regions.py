"""Queries of the Regions page: provinces on the map, cluster cities, region groups, a province's profile.

Money comes back in 亿元 (``*_yi``, DOUBLE). Every query applies the sidebar filters; the profile
queries narrow them to one province on top.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from .. import taxonomy
from ..filters import Filters, cluster_where, project_where, year_where
from .common import R_MONEY, R_PROJECTS, YI, df, growth_years, rollup_where, rollups_serve

# The provinces in a region group (东部, 中部, 西部, 东北), with their group: the one subquery of the groups'
# figures and of the projects outside them (香港, 澳门, 台湾, no province), so the two add up to every project.
GROUPED = "SELECT code, region_group FROM regions WHERE level = 'province' AND region_group IS NOT NULL"


def province_totals(cur: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Every provincial-level region with its projects, investment and designated clusters (zeros kept)."""
    cw, cp = cluster_where(f, "c")
    if rollups_serve(f):
        pw, pp = rollup_where(f, "r")
        pr = f"""SELECT r.province_code, {R_PROJECTS} AS projects, {R_MONEY} {YI} AS investment_yi
                 FROM rollup_projects r {pw} GROUP BY 1"""
    else:
        pw, pp = project_where(f, "p")
        pr = f"""SELECT p.province_code, count(*) AS projects,
                        sum(CAST(p.total_investment_wan AS DOUBLE)) {YI} AS investment_yi
                 FROM projects p {pw} GROUP BY 1"""
    return df(cur, f"""
        WITH pr AS ({pr}), cl AS (
            SELECT c.province_code, count(*) AS clusters
            FROM clusters c {cw} AND c.status = 'designated' GROUP BY 1
        )
        SELECT r.code, r.short_name, r.name_en, r.region_group,
               coalesce(pr.projects, 0) AS projects,
               coalesce(pr.investment_yi, 0.0) AS investment_yi,
               coalesce(cl.clusters, 0) AS clusters
        FROM regions r
        LEFT JOIN pr ON pr.province_code = r.code
        LEFT JOIN cl ON cl.province_code = r.code
        WHERE r.level = 'province'
        ORDER BY r.code
    """, {**pp, **cp})


def cluster_cities(cur: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Cities with designated clusters (all tiers), with their position and counts by tier."""
    cw, cp = cluster_where(f, "c")
    return df(cur, f"""
        SELECT r.code AS city_code, r.short_name, r.name_en, r.lon, r.lat,
               c.province_code,
               count(*) AS clusters,
               count(*) FILTER (WHERE c.tier = 'base') AS bases,
               count(*) FILTER (WHERE c.tier = 'cluster') AS cluster_tier,
               count(*) FILTER (WHERE c.tier = 'ecosystem') AS ecosystems
        FROM clusters c
        JOIN regions r ON r.code = coalesce(c.city_code, c.province_code)
        {cw} AND c.status = 'designated' AND r.lon IS NOT NULL
        GROUP BY ALL
        ORDER BY clusters DESC, city_code
    """, cp)


def region_groups(cur: duckdb.DuckDBPyConnection, f: Filters, as_of_date: dt.date | None = None) -> pd.DataFrame:
    """东部 / 中部 / 西部 / 东北: projects, investment, completed investment and its growth.

    ``growth`` compares completed investment in ``last_year`` with ``prev_year``: the growth period every
    page uses (:func:`dashboard.queries.common.growth_years`: the latest full year before the as-of date's
    year, today by default); NULL when the year before has none. Two aggregates (totals, and completed
    investment by group and year, ~30 rows) are combined here.
    """
    pw_all, pp_all = project_where(f, "p", years=False)
    yw, yp = year_where(f, "i.year")
    grp = GROUPED
    if rollups_serve(f):
        pw, pp = rollup_where(f, "r")
        tot = f"""SELECT g.region_group, {R_PROJECTS} AS projects, {R_MONEY} {YI} AS investment_yi
                  FROM rollup_projects r JOIN grp g ON g.code = r.province_code {pw} GROUP BY 1"""
    else:
        pw, pp = project_where(f, "p")
        tot = f"""SELECT g.region_group, count(*) AS projects,
                         sum(CAST(p.total_investment_wan AS DOUBLE)) {YI} AS investment_yi
                  FROM projects p JOIN grp g ON g.code = p.province_code {pw} GROUP BY 1"""
    totals = df(cur, f"""
        WITH grp AS ({grp}),
        tot AS ({tot})
        SELECT g.region_group, coalesce(t.projects, 0) AS projects,
               coalesce(t.investment_yi, 0.0) AS investment_yi
        FROM (SELECT DISTINCT region_group FROM grp) g LEFT JOIN tot t USING (region_group)
        ORDER BY list_position($group_order, g.region_group)
    """, {**pp, "group_order": [g.slug for g in taxonomy.region_groups()]})
    # Aggregate to province × year inside the big join, then map the ~30 provinces to groups:
    # a third faster than joining regions into the 2.6M-row join at 1M projects.
    if rollups_serve(f):
        rw, rp = rollup_where(f, "r", years=False)
        ryw, ryp = year_where(f, "r.year")
        flows_sql, flows_params = f"""
            WITH f AS (
                SELECT r.province_code, r.year, CAST(sum(r.completed_wan) AS DOUBLE) AS completed
                FROM rollup_flows r
                {rw} AND r.completed_n > 0 {ryw}
                GROUP BY 1, 2
            )
            SELECT g.region_group, f.year, sum(f.completed) {YI} AS completed_yi
            FROM f JOIN ({grp}) g ON g.code = f.province_code
            GROUP BY 1, 2
        """, {**rp, **ryp}
    else:
        flows_sql, flows_params = f"""
        WITH f AS (
            SELECT p.province_code, i.year, sum(CAST(i.completed_wan AS DOUBLE)) AS completed
            FROM project_investments i
            JOIN projects p ON p.project_id = i.project_id
            {pw_all} AND i.completed_wan IS NOT NULL {yw}
            GROUP BY 1, 2
        )
        SELECT g.region_group, f.year, sum(f.completed) {YI} AS completed_yi
        FROM f JOIN ({grp}) g ON g.code = f.province_code
        GROUP BY 1, 2
    """, {**pp_all, **yp}
    flows = df(cur, flows_sql, flows_params)
    years = growth_years(flows["year"], f, as_of_date)
    prev, last = years if years else (None, None)
    by_year = flows.pivot_table(index="region_group", columns="year", values="completed_yi", aggfunc="sum")
    out = totals.assign(
        completed_yi=totals["region_group"].map(flows.groupby("region_group")["completed_yi"].sum()).fillna(0.0),
        last_year=last, prev_year=prev,
        completed_last_yi=totals["region_group"].map(by_year[last]) if last in by_year else float("nan"),
        completed_prev_yi=totals["region_group"].map(by_year[prev]) if prev in by_year else float("nan"),
    )
    return out.assign(growth=(out["completed_last_yi"] / out["completed_prev_yi"] - 1).where(
        out["completed_prev_yi"] > 0))


def outside_groups(cur: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """The projects in no region group (香港, 澳门, 台湾, or no province), by province: projects and investment,
    largest first. The four groups' chart leaves them out; the page says how many and how much, so the sums
    add up to the other pages' totals."""
    grp = "SELECT code FROM grp"
    if rollups_serve(f):
        pw, pp = rollup_where(f, "r")
        src = f"""SELECT r.province_code, {R_PROJECTS} AS projects, coalesce({R_MONEY}, 0) {YI} AS investment_yi
                  FROM rollup_projects r {pw} AND (r.province_code IS NULL OR r.province_code NOT IN ({grp}))
                  GROUP BY 1"""
    else:
        pw, pp = project_where(f, "p")
        src = f"""SELECT p.province_code, count(*) AS projects,
                         coalesce(sum(CAST(p.total_investment_wan AS DOUBLE)), 0) {YI} AS investment_yi
                  FROM projects p {pw} AND (p.province_code IS NULL OR p.province_code NOT IN ({grp}))
                  GROUP BY 1"""
    return df(cur, f"""
        WITH grp AS ({GROUPED}),
        o AS ({src})
        SELECT o.province_code, r.short_name, r.name_en, o.projects, o.investment_yi
        FROM o LEFT JOIN regions r ON r.code = o.province_code
        WHERE o.projects > 0
        ORDER BY o.investment_yi DESC, o.province_code
    """, pp)


def _one(f: Filters, province: str) -> Filters:
    return f.replace(provinces=(province,))


def province_kpis(cur: duckdb.DuckDBPyConnection, f: Filters, province: str) -> pd.DataFrame:
    """One row: projects, investment, completed investment and designated clusters of a province."""
    g = _one(f, province)
    pw, pp = project_where(g, "p")
    pw_all, pp_all = project_where(g, "p", years=False)
    yw, yp = year_where(g, "i.year")
    cw, cp = cluster_where(g, "c")
    projects = f"SELECT count(*) FROM projects p {pw}"
    investment = f"SELECT coalesce(sum(CAST(p.total_investment_wan AS DOUBLE)), 0) {YI} FROM projects p {pw}"
    if rollups_serve(g):
        rw, rp = rollup_where(g, "r", years=False)
        ryw, ryp = year_where(g, "r.year")
        completed = (f"SELECT coalesce(CAST(sum(r.completed_wan) AS DOUBLE), 0) {YI} "
                     f"FROM rollup_flows r {rw} {ryw}")
        pp_all, yp = rp, ryp
        pw, pp = rollup_where(g, "r")
        projects = f"SELECT {R_PROJECTS} FROM rollup_projects r {pw}"
        investment = f"SELECT coalesce({R_MONEY}, 0) {YI} FROM rollup_projects r {pw}"
    else:
        completed = (f"SELECT coalesce(sum(CAST(i.completed_wan AS DOUBLE)), 0) {YI} "
                     f"FROM project_investments i JOIN projects p ON p.project_id = i.project_id {pw_all} {yw}")
    return df(cur, f"""
        SELECT
            ({projects}) AS projects,
            ({investment}) AS investment_yi,
            ({completed}) AS completed_yi,
            (SELECT count(*) FROM clusters c {cw} AND c.status = 'designated') AS clusters
    """, {**pp, **pp_all, **yp, **cp})


def province_sectors(cur: duckdb.DuckDBPyConnection, f: Filters, province: str) -> pd.DataFrame:
    """A province's investment and projects by sector (NULL sector = unclassified)."""
    g = _one(f, province)
    if rollups_serve(g):
        rw, rp = rollup_where(g, "r")
        return df(cur, f"""
            SELECT coalesce(r.sector, 'unclassified') AS sector, {R_PROJECTS} AS projects,
                   coalesce({R_MONEY}, 0) {YI} AS investment_yi
            FROM rollup_projects r {rw} GROUP BY 1 ORDER BY investment_yi DESC
        """, rp)
    pw, pp = project_where(g, "p")
    return df(cur, f"""
        SELECT coalesce(p.sector, 'unclassified') AS sector, count(*) AS projects,
               coalesce(sum(CAST(p.total_investment_wan AS DOUBLE)), 0) {YI} AS investment_yi
        FROM projects p {pw} GROUP BY 1 ORDER BY investment_yi DESC
    """, pp)


def province_cities(cur: duckdb.DuckDBPyConnection, f: Filters, province: str, limit: int = 15
                    ) -> pd.DataFrame:
    """A province's cities ranked by investment."""
    pw, pp = project_where(_one(f, province), "p")
    return df(cur, f"""
        WITH t AS (
            SELECT coalesce(p.city_code, p.province_code) AS city_code, count(*) AS projects,
                   coalesce(sum(CAST(p.total_investment_wan AS DOUBLE)), 0) {YI} AS investment_yi
            FROM projects p {pw} GROUP BY 1
        )
        SELECT t.city_code, coalesce(r.short_name, t.city_code) AS short_name,
               coalesce(r.name_en, t.city_code) AS name_en, t.projects, t.investment_yi
        FROM t LEFT JOIN regions r ON r.code = t.city_code
        ORDER BY t.investment_yi DESC, t.city_code LIMIT $limit
    """, {**pp, "limit": int(limit)})


def province_clusters(cur: duckdb.DuckDBPyConnection, f: Filters, province: str) -> pd.DataFrame:
    """A province's clusters (every status), with their city."""
    cw, cp = cluster_where(_one(f, province), "c")
    return df(cur, f"""
        SELECT c.cluster_id, c.name, c.tier, c.status, c.sector, c.designated_year,
               r.short_name AS city_short, r.name_en AS city_en
        FROM clusters c LEFT JOIN regions r ON r.code = c.city_code
        {cw}
        ORDER BY CASE c.tier WHEN 'base' THEN 1 WHEN 'cluster' THEN 2 ELSE 3 END,
                 CASE c.status WHEN 'designated' THEN 1 WHEN 'cultivating' THEN 2 ELSE 3 END,
                 c.designated_year NULLS LAST, c.cluster_id
    """, cp)


def province_trend(cur: duckdb.DuckDBPyConnection, f: Filters, province: str) -> pd.DataFrame:
    """A province's planned and completed investment by year."""
    g = _one(f, province)
    if rollups_serve(g):
        rw, rp = rollup_where(g, "r", years=False)
        yw, yp = year_where(g, "r.year")
        return df(cur, f"""
            SELECT r.year,
                   coalesce(CAST(sum(r.planned_wan) AS DOUBLE), 0) {YI} AS planned_yi,
                   CAST(sum(r.completed_wan) AS DOUBLE) {YI} AS completed_yi
            FROM rollup_flows r {rw} {yw}
            GROUP BY 1 ORDER BY 1
        """, {**rp, **yp})
    pw, pp = project_where(g, "p", years=False)
    yw, yp = year_where(g, "i.year")
    return df(cur, f"""
        SELECT i.year,
               coalesce(sum(CAST(i.planned_wan AS DOUBLE)), 0) {YI} AS planned_yi,
               sum(CAST(i.completed_wan AS DOUBLE)) {YI} AS completed_yi
        FROM project_investments i JOIN projects p ON p.project_id = i.project_id
        {pw} {yw}
        GROUP BY 1 ORDER BY 1
    """, {**pp, **yp})
