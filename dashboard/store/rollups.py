"""Rollups: the heavy joins of the pages, pre-aggregated (migration 005), rebuilt inside the write.

:func:`refresh` runs at the end of every :func:`dashboard.store.write` that changes data (imports,
reverts, demo data), in the same transaction, so a page never sees rollups and base tables disagree.
The grain keeps every dimension a sidebar filter can narrow (sector, province, stage, ownership, the
cluster's tier, batch, year) except the sub-field: queries read the base tables when one is chosen
(:func:`dashboard.queries.common.rollups_serve`).
"""

from __future__ import annotations

from .engine import Connection

TABLES = ("rollup_flows", "rollup_funding", "rollup_projects")

# Each project once, with the tier of its cluster.
_KEYS = """
    SELECT p.project_id, p.sector, p.province_code, p.start_year, p.stage, p.ownership, c.tier, p.batch_id
    FROM projects p
    LEFT JOIN (SELECT cluster_id, min(tier) AS tier FROM clusters GROUP BY 1) c ON c.cluster_id = p.cluster_id
"""

_FLOWS = f"""
    INSERT INTO rollup_flows
    WITH k AS ({_KEYS})
    SELECT k.sector, k.province_code, k.stage, k.ownership, k.tier, k.batch_id, i.year,
           sum(i.planned_wan), sum(i.completed_wan), count(i.completed_wan)
    FROM project_investments i JOIN k ON k.project_id = i.project_id
    GROUP BY ALL
"""

_FUNDING = f"""
    INSERT INTO rollup_funding
    WITH k AS ({_KEYS})
    SELECT f.source, k.sector, k.province_code, k.start_year, k.stage, k.ownership, k.tier, k.batch_id,
           sum(f.amount_wan), count(*)
    FROM project_funding f JOIN k ON k.project_id = f.project_id
    GROUP BY ALL
"""


_PROJECTS = """
    INSERT INTO rollup_projects
    SELECT p.sector, p.province_code, p.start_year, p.stage, p.ownership, c.tier, p.batch_id, p.programme,
           p.cluster_id,
           CASE p.stage WHEN 'planned' THEN p.start_year + 1 WHEN 'under_construction' THEN p.end_year + 1 END,
           count(*), sum(p.total_investment_wan)
    FROM projects p
    LEFT JOIN (SELECT cluster_id, min(tier) AS tier FROM clusters GROUP BY 1) c ON c.cluster_id = p.cluster_id
    GROUP BY ALL
"""


def refresh(con: Connection) -> None:
    """Rebuild every rollup from the base tables (call inside the write transaction)."""
    for table in existing(con):
        con.execute(f"DELETE FROM {table}")
    con.execute(_FLOWS)
    con.execute(_FUNDING)
    if "rollup_projects" in existing(con):
        con.execute(_PROJECTS)


def existing(con: Connection) -> list[str]:
    """The rollup tables this store has (a store being upgraded may not have the later ones yet)."""
    found = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_catalog = current_database()"
    ).fetchall()}
    return [t for t in TABLES if t in found]
