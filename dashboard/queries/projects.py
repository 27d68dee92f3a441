"""Queries of the Projects page: a searched, sorted, paged table, one project's detail, the export
and the watch list of overdue projects.

Search is a parameterised ILIKE on name and owner; sorting takes a column from a whitelist;
paging is LIMIT/OFFSET in SQL. Money in 亿元 (``*_yi``).
"""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pandas as pd

from ..filters import Filters, project_where, scope_where
from . import common
from .common import OVERDUE, R_MONEY, R_PROJECTS, YI, df, rollup_where, rollups_serve

# Sort key → SQL expression (fixed identifiers only; anything else is refused).
SORT_COLUMNS = {
    "total_investment": "p.total_investment_wan",
    "start_year": "p.start_year",
    "end_year": "p.end_year",
    "name": "p.name",
    "owner": "p.owner",
    "province": "p.province_code",
    "sector": "p.sector",
    "stage": "p.stage",
    "ownership": "p.ownership",
    "project_id": "p.project_id",
}
PAGE_SIZES = (25, 50, 100, 200)
EXPORT_CAP = 200_000
OVERDUE_REASONS = ("not_started", "not_finished")

_COLUMNS = f"""
    p.project_id, p.name, p.owner, p.province_code, pr.short_name AS province_short,
    pr.name_en AS province_en, p.city_code, ci.short_name AS city_short, ci.name_en AS city_en,
    p.sector, p.subfield, p.stage, p.ownership, p.programme, p.start_year, p.end_year,
    CAST(p.total_investment_wan AS DOUBLE) {YI} AS total_investment_yi
"""
# The projects columns _COLUMNS reads.
_LIST_FIELDS = """p.project_id, p.name, p.owner, p.province_code, p.city_code, p.sector, p.subfield, p.stage,
    p.ownership, p.programme, p.start_year, p.end_year, p.total_investment_wan"""
_JOINS = """
    LEFT JOIN regions pr ON pr.code = p.province_code
    LEFT JOIN regions ci ON ci.code = p.city_code
"""


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _where(f: Filters, search: str) -> tuple[str, dict[str, object]]:
    """The sidebar filters plus the search box (substring of name or owner, case-insensitive)."""
    where, params = project_where(f, "p")
    text = (search or "").strip()
    if text:
        where += " AND (p.name ILIKE $q ESCAPE '\\' OR p.owner ILIKE $q ESCAPE '\\')"
        params["q"] = f"%{_escape_like(text)}%"
    return where, params


def _order(sort: str, descending: bool) -> str:
    if sort not in SORT_COLUMNS:
        raise ValueError(f"cannot sort by {sort!r}; choose one of {', '.join(SORT_COLUMNS)}")
    direction = "DESC" if descending else "ASC"
    tie = "" if sort == "project_id" else ", p.project_id ASC"
    return f"ORDER BY {SORT_COLUMNS[sort]} {direction} NULLS LAST{tie}"


def project_count(cur: duckdb.DuckDBPyConnection, f: Filters, search: str = "") -> pd.DataFrame:
    """One row: how many projects the filters and the search leave, and their investment."""
    if not (search or "").strip() and rollups_serve(f):
        rw, rp = rollup_where(f, "r")
        return df(cur, f"""
            SELECT {R_PROJECTS} AS projects, coalesce({R_MONEY}, 0) {YI} AS investment_yi
            FROM rollup_projects r {rw}
        """, rp)
    where, params = _where(f, search)
    return df(cur, f"""
        SELECT count(*) AS projects,
               coalesce(sum(CAST(p.total_investment_wan AS DOUBLE)), 0) {YI} AS investment_yi
        FROM projects p {where}
    """, params)


def project_page(cur: duckdb.DuckDBPyConnection, f: Filters, search: str = "",
                 sort: str = "total_investment", descending: bool = True, page: int = 1,
                 page_size: int = 50) -> pd.DataFrame:
    """One page (1-based) of the filtered, searched, sorted projects."""
    where, params = _where(f, search)
    page_size = max(1, min(int(page_size), 1000))
    page = max(1, int(page))
    # Sort and cut the page in one pass over the projects table (a second pass to fetch the page's rows
    # by id would read every file again), then join place names to those rows only. Sorted largest
    # first, the files' statistics (migration 006 sorts them by investment) let DuckDB skip most of them.
    return df(cur, f"""
        WITH p AS (
            SELECT {_LIST_FIELDS} FROM projects p {where} {_order(sort, descending)}
            LIMIT $limit OFFSET $offset
        )
        SELECT {_COLUMNS}
        FROM p {_JOINS}
        {_order(sort, descending)}
    """, {**params, "limit": page_size, "offset": (page - 1) * page_size})


def project_detail(cur: duckdb.DuckDBPyConnection, f: Filters, project_id: int) -> pd.DataFrame:
    """One project's fields with its place names, cluster and import batch (filters do not apply; the
    province scope does)."""
    sw, sp = scope_where(f, "p.project_id", "projects")
    return df(cur, f"""
        SELECT {_COLUMNS}, p.content, p.sector_source, p.sector_confidence, p.sector_keywords,
               p.cluster_id, c.name AS cluster_name, c.tier AS cluster_tier,
               p.batch_id, b.file_name AS batch_file, b.imported_at AS batch_imported_at,
               b.is_demo AS batch_is_demo
        FROM projects p {_JOINS}
        LEFT JOIN clusters c ON c.cluster_id = p.cluster_id
        LEFT JOIN import_batches b ON b.batch_id = p.batch_id
        WHERE p.project_id = $id {sw}
    """, {"id": int(project_id), **sp})


def project_flows(cur: duckdb.DuckDBPyConnection, f: Filters, project_id: int) -> pd.DataFrame:
    """One project's planned and completed investment by year."""
    sw, sp = scope_where(f, "project_id", "projects")
    return df(cur, f"""
        SELECT year, CAST(planned_wan AS DOUBLE) {YI} AS planned_yi,
               CAST(completed_wan AS DOUBLE) {YI} AS completed_yi
        FROM project_investments WHERE project_id = $id {sw} ORDER BY year
    """, {"id": int(project_id), **sp})


def project_funding(cur: duckdb.DuckDBPyConnection, f: Filters, project_id: int) -> pd.DataFrame:
    """One project's funding by channel."""
    sw, sp = scope_where(f, "project_id", "projects")
    return df(cur, f"""
        SELECT source, sum(CAST(amount_wan AS DOUBLE)) {YI} AS amount_yi
        FROM project_funding WHERE project_id = $id {sw} GROUP BY 1 ORDER BY amount_yi DESC
    """, {"id": int(project_id), **sp})


def export_batches(cur: duckdb.DuckDBPyConnection, f: Filters, search: str = "",
                   sort: str = "total_investment", descending: bool = True, cap: int = EXPORT_CAP,
                   batch_rows: int = 51_200) -> Iterator[pd.DataFrame]:
    """The filtered rows for download, streamed in record batches (at most ``cap`` rows)."""
    where, params = _where(f, search)
    result = cur.execute(f"""
        SELECT {_COLUMNS}
        FROM projects p {_JOINS} {where} {_order(sort, descending)} LIMIT $cap
    """, {**params, "cap": int(cap)})
    vectors = max(1, batch_rows // 2048)  # DuckDB hands out rows in vectors of 2,048
    while True:
        chunk = result.fetch_df_chunk(vectors)
        if chunk.empty:
            return
        yield chunk


def _overdue_where(f: Filters, as_of: int) -> tuple[str, dict[str, object]]:
    where, params = project_where(f, "p")
    where += f" AND {OVERDUE}"
    return where, {**params, "as_of": int(as_of)}


def _watch_is_complete(cur: duckdb.DuckDBPyConnection, as_of: int) -> bool:
    """Whether rollup_watch holds every project overdue as of ``as_of`` (it keeps those overdue as of the
    pages' year at the last write; another year may ask the projects table)."""
    held, due = cur.execute("""
        SELECT (SELECT count(*) FROM rollup_watch WHERE due_year <= $as_of),
               (SELECT coalesce(sum(projects), 0) FROM rollup_projects WHERE due_year <= $as_of)
    """, {"as_of": int(as_of)}).fetchall()[0]
    return held == due


def _reason(alias: str = "p") -> str:
    """Why a project is overdue: 'not_started' (still planned) or 'not_finished' (still under construction)."""
    return f"CASE WHEN {alias}.stage = 'planned' THEN 'not_started' ELSE 'not_finished' END"


def overdue_counts(cur: duckdb.DuckDBPyConnection, f: Filters, as_of: int) -> pd.DataFrame:
    """Overdue projects by reason: still planned after the start year ('not_started'), still under
    construction after the end year ('not_finished'), relative to the as-of year."""
    if rollups_serve(f):
        # due_year: the first year a project counts as overdue (migration 006).
        rw, params = rollup_where(f, "r")
        counted = f"""
            SELECT {_reason('r')} AS reason,
                   {R_PROJECTS} AS projects, coalesce({R_MONEY}, 0) {YI} AS investment_yi
            FROM rollup_projects r {rw} AND r.due_year <= $as_of GROUP BY 1"""
        params = {**params, "as_of": int(as_of)}
    else:
        where, params = _overdue_where(f, as_of)
        counted = f"""
            SELECT {_reason()} AS reason, count(*) AS projects,
                   coalesce(sum(CAST(p.total_investment_wan AS DOUBLE)), 0) {YI} AS investment_yi
            FROM projects p {where} GROUP BY 1"""
    return df(cur, f"""
        SELECT r.reason, coalesce(t.projects, 0) AS projects, coalesce(t.investment_yi, 0.0) AS investment_yi
        FROM (VALUES ('not_started', 1), ('not_finished', 2)) r(reason, o)
        LEFT JOIN ({counted}) t USING (reason)
        ORDER BY r.o
    """, params)


def overdue_list(cur: duckdb.DuckDBPyConnection, f: Filters, as_of: int, limit: int = 500) -> pd.DataFrame:
    """The overdue projects, longest overdue first, then largest; at most ``limit`` rows."""
    order = "ORDER BY years_overdue DESC, p.total_investment_wan DESC NULLS LAST, p.project_id"
    if common.fast() and _watch_is_complete(cur, as_of):
        # rollup_watch holds every project due by ``as_of``, sorted by the year it fell due: the first
        # rows of its file are the answer, where the projects table would be read whole.
        where, params = project_where(f, "p", tier_column="tier")
        branches = f"""
            SELECT {_LIST_FIELDS}, {_reason()} AS reason, $as_of + 1 - p.due_year AS years_overdue
            FROM rollup_watch p {where} AND p.due_year <= $as_of
            ORDER BY p.due_year, p.total_investment_wan DESC NULLS LAST, p.project_id LIMIT $limit"""
        params = {**params, "as_of": int(as_of)}
    else:
        where, params = _overdue_where(f, as_of)
        branches = f"""
            SELECT {_LIST_FIELDS}, {_reason()} AS reason,
                   $as_of - CASE WHEN p.stage = 'planned' THEN p.start_year ELSE p.end_year END AS years_overdue
            FROM projects p {where}"""
    return df(cur, f"""
        WITH p AS (SELECT * FROM ({branches}) p {order} LIMIT $limit)
        SELECT p.reason, p.years_overdue, {_COLUMNS}
        FROM p {_JOINS}
        {order}
    """, {**params, "limit": int(limit)})
