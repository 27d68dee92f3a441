"""Rollups: the heavy joins of the pages, pre-aggregated (migrations 005, 006), rebuilt inside the write.

:func:`refresh` runs at the end of every :func:`dashboard.store.write` that changes data (imports,
reverts, demo data), in the same transaction, so a page never sees rollups and base tables disagree.
The grain keeps every dimension a sidebar filter can narrow (sector, province, stage, ownership, the
cluster's tier, batch, year) except the sub-field: queries read the base tables when one is chosen
(:func:`dashboard.queries.common.rollups_serve`). ``rollup_watch`` is not an aggregate: the overdue
watch list's candidate projects, kept sorted by the year they fell due.
"""

from __future__ import annotations

from .engine import Connection

TABLES = ("rollup_flows", "rollup_funding", "rollup_projects", "rollup_watch")

# A project's tier: its cluster's (alias c, joined to projects p).
_TIERS = "LEFT JOIN (SELECT cluster_id, min(tier) AS tier FROM clusters GROUP BY 1) c ON c.cluster_id = p.cluster_id"

# Each project once, with the tier of its cluster.
_KEYS = f"""
    SELECT p.project_id, p.sector, p.province_code, p.start_year, p.stage, p.ownership, c.tier, p.batch_id,
           p.cluster_id
    FROM projects p {_TIERS}
"""


def _flows(by_cluster: bool) -> str:
    cluster = ", k.cluster_id" if by_cluster else ""
    return f"""
    INSERT INTO rollup_flows BY NAME
    WITH k AS ({_KEYS})
    SELECT k.sector, k.province_code, k.stage, k.ownership, k.tier, k.batch_id, i.year{cluster},
           sum(i.planned_wan) AS planned_wan, sum(i.completed_wan) AS completed_wan,
           count(i.completed_wan) AS completed_n
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


# The first year in which a project counts as overdue (see migration 006).
DUE_YEAR = ("CASE p.stage WHEN 'planned' THEN p.start_year + 1 "
            "WHEN 'under_construction' THEN p.end_year + 1 END")

_PROJECTS = f"""
    INSERT INTO rollup_projects
    SELECT p.sector, p.province_code, p.start_year, p.stage, p.ownership, c.tier, p.batch_id, p.programme,
           p.cluster_id, {DUE_YEAR}, count(*), sum(p.total_investment_wan)
    FROM projects p {_TIERS}
    GROUP BY ALL
"""

# Every project overdue as of the year the pages take as "now": the latest year with a completed amount,
# else the current year (dashboard.views.projects.as_of_year).
_WATCH = f"""
    INSERT INTO rollup_watch
    SELECT p.project_id, p.name, p.owner, p.province_code, p.city_code, p.sector, p.subfield, p.stage,
           p.ownership, p.programme, p.start_year, p.end_year, p.total_investment_wan, c.tier, p.batch_id,
           {DUE_YEAR} AS due_year
    FROM projects p {_TIERS}
    WHERE p.stage IN ('planned', 'under_construction')
      AND {DUE_YEAR} <= coalesce((SELECT max(year) FROM project_investments WHERE completed_wan IS NOT NULL),
                                 year(current_date))
"""


def refresh(con: Connection) -> None:
    """Rebuild every rollup from the base tables (call inside the write transaction)."""
    tables = existing(con)
    for table in tables:
        con.execute(f"DELETE FROM {table}")
    con.execute(_flows(by_cluster="rollup_projects" in tables))  # migration 006 added the cluster
    con.execute(_FUNDING)
    if "rollup_projects" in tables:
        con.execute(_PROJECTS)
        con.execute(_WATCH)


def existing(con: Connection) -> list[str]:
    """The rollup tables this store has (a store being upgraded may not have the later ones yet)."""
    found = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_catalog = current_database()"
    ).fetchall()}
    return [t for t in TABLES if t in found]
