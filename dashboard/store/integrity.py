"""What constraints guarded before DuckLake (which has none): checked inside every write, and by
``python -m dashboard check``.

Unique ids, rows pointing to rows that exist, values from ``data/taxonomy.toml``, money not negative.

All rules run as one query (DuckLake pays a fixed cost per statement). ``check`` verifies the whole
store. A write that names its :class:`Scope` (an import: the project ids it wrote) has the rules on the
large tables (projects, their flows and funding) checked for those projects' rows only, against the
whole store: the cost follows the batch, not the store. The small tables are always checked whole.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import duckdb
import numpy as np
import pyarrow as pa

from .errors import StoreError
from .rollups import in_scope, unique_ids

SCOPE_VIEW = "integrity_scope_ids"
BATCHES_READ = "read_import_batches"   # a scoped check's one read of import_batches (see _scoped_rows)


class IntegrityError(StoreError):
    """A write would break one of the store's rules; nothing of it was committed."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("integrity_refused", problems="; ".join(problems))
        self.problems = problems


#: The tables an import writes (besides its own bookkeeping): its scope's rules.
IMPORT_TABLES = frozenset({"projects", "project_investments", "project_funding", "import_batches"})


@dataclass
class Scope:
    """What a write wrote: the projects (new or updated, with their flows and funding) and the tables.

    Rules about a table the write left alone are not run (they held before it, and it changed nothing
    there); rules on projects, flows and funding read only ``project_ids``' rows. ``project_ids`` None:
    check everything."""

    project_ids: np.ndarray | None = None
    tables: frozenset[str] = IMPORT_TABLES


def rules(scoped: bool = False, clusters: str = "clusters") -> list[tuple[str, str, str, dict]]:
    """(rule, the table it is about, SQL counting the rows that break it, parameters): what constraints
    guarded before DuckLake.

    With ``scoped`` the large tables' rules read only the rows of the projects in :data:`SCOPE_VIEW`
    (the views of :func:`_scoped_rows`). ``clusters`` names the table the projects' cluster ids must be
    found in (a table holding every stored cluster id)."""
    from .. import taxonomy

    lists = {
        "sectors": [s.slug for s in taxonomy.sectors()],
        "subfields": [sf.slug for sf in taxonomy.subfields()],
        "tiers": [t.slug for t in taxonomy.tiers()],
        "stages": [t.slug for t in taxonomy.stage_terms()],
        "ownership": [t.slug for t in taxonomy.ownership_terms()],
        "programmes": [p.slug for p in taxonomy.programmes()],
        "channels": [f.slug for f in taxonomy.funding_sources()],
    }

    def part(table: str) -> str:
        """The table, or with ``scoped`` its rows of the projects the write wrote (see :func:`_scoped_rows`)."""
        return f"scoped_{table}" if scoped else table

    # A flow or funding row of the scope's projects can only point to one of them: with ``scoped``, the
    # scope's projects are all the parents those rules need.
    projects, flows, funding = part("projects"), part("project_investments"), part("project_funding")
    # With ``scoped``, import_batches (small, but each DuckLake read costs a catalog look-up) is read once.
    batches = BATCHES_READ if scoped else "import_batches"

    def unique(table: str, key: str) -> str:
        return f"SELECT count(*) FROM (SELECT {key} FROM {table} GROUP BY ALL HAVING count(*) > 1)"

    def orphan(table: str, key: str, parent: str, parent_key: str | None = None) -> str:
        return (f"SELECT count(*) FROM {table} c WHERE c.{key} IS NOT NULL AND NOT EXISTS "
                f"(SELECT 1 FROM {parent} p WHERE p.{parent_key or key} = c.{key})")

    def outside(table: str, column: str, values: str) -> str:
        return f"SELECT count(*) FROM {table} WHERE {column} IS NOT NULL AND NOT list_contains(${values}, {column})"

    def negative(table: str, *columns: str) -> str:
        return f"SELECT count(*) FROM {table} WHERE " + " OR ".join(f"{c} < 0" for c in columns)

    p = {k: {k: v} for k, v in lists.items()}
    return [
        ("project ids are unique", "projects", unique(projects, "project_id"), {}),
        ("cluster ids are unique", "clusters", unique("clusters", "cluster_id"), {}),
        ("batch ids are unique", "import_batches", unique(batches, "batch_id"), {}),
        ("region codes are unique", "regions", unique("regions", "code"), {}),
        ("one target per tier", "targets", unique("targets", "tier"), {}),
        ("one cluster metric per cluster and year", "cluster_metrics",
         unique("cluster_metrics", "cluster_id, year"), {}),
        ("investment flows point to stored projects", "project_investments",
         orphan(flows, "project_id", projects), {}),
        ("funding rows point to stored projects", "project_funding", orphan(funding, "project_id", projects), {}),
        ("cluster metrics point to stored clusters", "cluster_metrics",
         orphan("cluster_metrics", "cluster_id", "clusters"), {}),
        ("projects point to stored clusters", "projects", orphan(projects, "cluster_id", clusters), {}),
        ("projects belong to an import batch", "projects", orphan(projects, "batch_id", batches), {}),
        ("clusters belong to an import batch", "clusters", orphan("clusters", "batch_id", batches), {}),
        ("project provinces are known regions", "projects", orphan(projects, "province_code", "regions", "code"), {}),
        ("project sectors come from the taxonomy", "projects", outside(projects, "sector", "sectors"), p["sectors"]),
        ("project sub-fields come from the taxonomy", "projects",
         outside(projects, "subfield", "subfields"), p["subfields"]),
        ("project stages come from the taxonomy", "projects", outside(projects, "stage", "stages"), p["stages"]),
        ("project ownership comes from the taxonomy", "projects", outside(projects, "ownership", "ownership"),
         p["ownership"]),
        ("project programmes come from the taxonomy", "projects", outside(projects, "programme", "programmes"),
         p["programmes"]),
        ("cluster tiers come from the taxonomy", "clusters", outside("clusters", "tier", "tiers"), p["tiers"]),
        ("cluster sectors come from the taxonomy", "clusters", outside("clusters", "sector", "sectors"), p["sectors"]),
        ("target tiers come from the taxonomy", "targets", outside("targets", "tier", "tiers"), p["tiers"]),
        ("funding channels come from the taxonomy", "project_funding",
         outside(funding, "source", "channels"), p["channels"]),
        ("batch status is committed or reverted", "import_batches",
         f"SELECT count(*) FROM {batches} WHERE status NOT IN ('committed', 'reverted')", {}),
        ("project money is not negative", "projects", negative(projects, "total_investment_wan"), {}),
        ("investment flows are not negative", "project_investments",
         negative(flows, "planned_wan", "completed_wan"), {}),
        ("funding amounts are not negative", "project_funding", negative(funding, "amount_wan"), {}),
        ("cluster metrics are not negative", "cluster_metrics",
         negative("cluster_metrics", "investment_wan", "output_value_wan", "enterprises", "innovation_platforms"),
         {}),
        ("target counts are positive", "targets", "SELECT count(*) FROM targets WHERE target_count <= 0", {}),
    ]


def check(con: duckdb.DuckDBPyConnection, scope: Scope | None = None, *, rows: Mapping[str, str] | None = None,
          clusters: str | None = None) -> list[str]:
    """Every integrity rule the store keeps, as 'rule: N rows break it' for each broken one (empty: all hold).

    Without ``scope`` (``python -m dashboard check``) over the whole store; with one, the large tables'
    rules over the scope's projects only. ``rows`` names, by large table, a relation that holds every row
    the scoped projects have there as the write leaves them (with the columns the rules read): the
    write's rollups read them already (:func:`dashboard.store.rollups.changed_rows`), so they are not
    read from the lake again. Likewise
    ``clusters``, a table holding every stored cluster's id as the write leaves them
    (:func:`dashboard.store.rollups.cluster_tiers`), for the projects' cluster ids."""
    ids = None if scope is None or scope.project_ids is None else np.asarray(scope.project_ids, dtype="int64")
    scoped = ids is not None
    found = rules(scoped, clusters or "clusters")
    if scoped:
        found = [r for r in found if r[1] in scope.tables]
    counts = _count(con, found, unique_ids(ids) if scoped else None, rows)
    return [f"{rule}: {n:,} {'row breaks' if n == 1 else 'rows break'} it"
            for (rule, _t, _q, _p), n in zip(found, counts, strict=True) if n]


def _count(con: duckdb.DuckDBPyConnection, found: list[tuple[str, str, str, dict]], ids: np.ndarray | None,
           rows: Mapping[str, str] | None) -> tuple[int, ...]:
    """How many rows break each rule, in one query (scoped to ``ids`` if given)."""
    params: dict = {}
    for *_r, p in found:
        params.update(p)
    sql = "SELECT " + ", ".join(f"({q}) AS r{i}" for i, (_r, _t, q, _p) in enumerate(found))
    if ids is not None:
        sql = _scoped_rows(ids, rows) + sql
        con.register(SCOPE_VIEW, pa.table({"project_id": ids}))
    try:
        return tuple(con.execute(sql, params).fetchall()[0])
    finally:
        if ids is not None:
            con.unregister(SCOPE_VIEW)


# The large tables and the columns their rules read.
_LARGE = {
    "projects": "project_id, cluster_id, batch_id, province_code, sector, subfield, stage, ownership, programme, "
                "total_investment_wan",
    "project_investments": "*",
    "project_funding": "*",
}


def _scoped_rows(ids: np.ndarray, rows: Mapping[str, str] | None = None) -> str:
    """The WITH clause of a scoped check: each large table's rows of the scope's projects (``ids``,
    unique), read once (from ``rows``' relation for that table if it names one). The id range lets
    DuckLake skip the files that hold none of them."""
    where = in_scope(ids, SCOPE_VIEW)
    source = dict(rows or {})
    return "WITH " + ", ".join(
        [f"scoped_{t} AS MATERIALIZED (SELECT {columns} FROM {source.get(t, t)} WHERE {where})"
         for t, columns in _LARGE.items()]
        + [f"{BATCHES_READ} AS MATERIALIZED (SELECT batch_id, status FROM import_batches)"]) + " "
