"""Data-quality checks over the store or one import batch (the data-quality notebook uses these)."""

from __future__ import annotations

import duckdb
import pandas as pd

from ..filters import Filters, project_where
from .common import YI, df

# 10,000 亿元 in 万元: above this an amount is almost certainly a unit error.
IMPLAUSIBLE_WAN = 100_000_000
# Columns a complete project record should have, in the order a steward would fix them.
KEY_COLUMNS = ("name", "province_code", "city_code", "sector", "owner", "ownership", "stage", "start_year",
               "end_year", "total_investment_wan")


def missing_fields(cur: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """For each key column: how many projects leave it empty, and the share."""
    where, params = project_where(f)
    counts = ", ".join(f"count(*) FILTER (WHERE p.{c} IS NULL) AS {c}" for c in KEY_COLUMNS)
    wide = df(cur, f"SELECT count(*) AS projects, {counts} FROM projects p {where}", params)
    total = int(wide.at[0, "projects"])
    out = pd.DataFrame({"column": list(KEY_COLUMNS),
                        "missing": [int(wide.at[0, c]) for c in KEY_COLUMNS]})
    out["share"] = out["missing"] / total if total else 0.0
    return out


def implausible_amounts(cur: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Projects whose amounts look wrong, one row per problem (project, kind, value in 亿元)."""
    where, params = project_where(f)
    return df(cur, f"""
        WITH p AS (SELECT * FROM projects p {where}),
        flows AS (
            SELECT project_id, sum(planned_wan) AS planned, sum(completed_wan) AS completed
            FROM project_investments WHERE project_id IN (SELECT project_id FROM p) GROUP BY ALL
        )
        SELECT p.project_id, p.name, kind, CAST(value AS DOUBLE) {YI} AS value_yi,
               CAST(p.total_investment_wan AS DOUBLE) {YI} AS total_yi
        FROM p JOIN (
            SELECT project_id, 'above_10000_yi' AS kind, total_investment_wan AS value FROM p
            WHERE total_investment_wan > $limit
            UNION ALL
            SELECT project_id, 'zero_or_negative', total_investment_wan FROM p WHERE total_investment_wan <= 0
            UNION ALL
            SELECT project_id, 'planned_above_total', planned FROM flows JOIN p USING (project_id)
            WHERE planned > total_investment_wan
            UNION ALL
            SELECT project_id, 'completed_above_total', completed FROM flows JOIN p USING (project_id)
            WHERE completed > total_investment_wan
            UNION ALL
            SELECT project_id, 'end_before_start', NULL FROM p WHERE end_year < start_year
        ) problems USING (project_id)
        ORDER BY kind, value_yi DESC NULLS LAST, p.project_id
    """, {**params, "limit": IMPLAUSIBLE_WAN})


def duplicates(cur: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Groups of projects with the same name, province and start year (the import's identity)."""
    where, params = project_where(f)
    return df(cur, f"""
        SELECT regexp_replace(p.name, '\\s+', '', 'g') AS name, p.province_code, p.start_year,
               count(*) AS copies, list(p.project_id ORDER BY p.project_id) AS project_ids
        FROM projects p {where}
        GROUP BY ALL HAVING count(*) > 1
        ORDER BY copies DESC, name
    """, params)


def place_resolution(cur: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """How precisely places resolved: to a city, only to a province, or to an unknown code."""
    where, params = project_where(f)
    return df(cur, f"""
        SELECT CASE
                 WHEN p.province_code NOT IN (SELECT code FROM regions WHERE level = 'province') THEN 'unknown_code'
                 WHEN p.city_code IS NULL THEN 'province_only'
                 ELSE 'city' END AS resolved_to,
               count(*) AS projects
        FROM projects p {where} GROUP BY ALL ORDER BY projects DESC
    """, params)


def unmapped_columns(cur: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Columns an import could not map, kept with their batch: how many cells each holds."""
    condition = "WHERE batch_id = $batch" if f.batch_id is not None else ""
    params = {"batch": f.batch_id} if f.batch_id is not None else {}
    return df(cur, f"""
        SELECT batch_id, column_name, count(*) AS cells, any_value(value) AS example
        FROM batch_extra_values {condition} GROUP BY ALL ORDER BY batch_id, cells DESC
    """, params)


def tagging_confidence(cur: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Projects by how their sector was set and, for automatic tags, confidence in tenths."""
    where, params = project_where(f)
    return df(cur, f"""
        SELECT coalesce(p.sector_source, 'none') AS sector_source,
               CASE WHEN p.sector IS NULL THEN NULL
                    WHEN p.sector_source = 'auto' THEN floor(p.sector_confidence * 10) / 10 END AS confidence,
               count(*) AS projects
        FROM projects p {where} GROUP BY ALL ORDER BY sector_source, confidence NULLS FIRST
    """, params)


def unclassified(cur: duckdb.DuckDBPyConnection, f: Filters, limit: int = 50) -> pd.DataFrame:
    """The largest projects the tagger left without a sector, for a person to decide."""
    where, params = project_where(f)
    return df(cur, f"""
        SELECT p.project_id, p.name, p.province_code, p.start_year,
               CAST(p.total_investment_wan AS DOUBLE) {YI} AS total_yi
        FROM projects p {where} AND p.sector IS NULL
        ORDER BY p.total_investment_wan DESC NULLS LAST, p.project_id LIMIT $limit
    """, {**params, "limit": limit})
