"""What constraints guarded before DuckLake (which has none): checked inside every write, and by
``python -m dashboard check``.

Unique ids, rows pointing to rows that exist, values from ``data/taxonomy.toml``, money not negative.
"""

from __future__ import annotations

import duckdb

from .core import scalar
from .errors import StoreError


class IntegrityError(StoreError):
    """A write would break one of the store's rules; nothing of it was committed."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("integrity_refused", problems="; ".join(problems))
        self.problems = problems


def rules() -> list[tuple[str, str, dict]]:
    """(rule, SQL counting the rows that break it, parameters): what constraints guarded before DuckLake."""
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
        ("project ids are unique", unique("projects", "project_id"), {}),
        ("cluster ids are unique", unique("clusters", "cluster_id"), {}),
        ("batch ids are unique", unique("import_batches", "batch_id"), {}),
        ("region codes are unique", unique("regions", "code"), {}),
        ("one target per tier", unique("targets", "tier"), {}),
        ("one cluster metric per cluster and year", unique("cluster_metrics", "cluster_id, year"), {}),
        ("investment flows point to stored projects", orphan("project_investments", "project_id", "projects"), {}),
        ("funding rows point to stored projects", orphan("project_funding", "project_id", "projects"), {}),
        ("cluster metrics point to stored clusters", orphan("cluster_metrics", "cluster_id", "clusters"), {}),
        ("projects point to stored clusters", orphan("projects", "cluster_id", "clusters"), {}),
        ("projects belong to an import batch", orphan("projects", "batch_id", "import_batches"), {}),
        ("clusters belong to an import batch", orphan("clusters", "batch_id", "import_batches"), {}),
        ("project provinces are known regions", orphan("projects", "province_code", "regions", "code"), {}),
        ("project sectors come from the taxonomy", outside("projects", "sector", "sectors"), p["sectors"]),
        ("project sub-fields come from the taxonomy", outside("projects", "subfield", "subfields"), p["subfields"]),
        ("project stages come from the taxonomy", outside("projects", "stage", "stages"), p["stages"]),
        ("project ownership comes from the taxonomy", outside("projects", "ownership", "ownership"),
         p["ownership"]),
        ("project programmes come from the taxonomy", outside("projects", "programme", "programmes"),
         p["programmes"]),
        ("cluster tiers come from the taxonomy", outside("clusters", "tier", "tiers"), p["tiers"]),
        ("cluster sectors come from the taxonomy", outside("clusters", "sector", "sectors"), p["sectors"]),
        ("target tiers come from the taxonomy", outside("targets", "tier", "tiers"), p["tiers"]),
        ("funding channels come from the taxonomy", outside("project_funding", "source", "channels"),
         p["channels"]),
        ("batch status is committed or reverted",
         "SELECT count(*) FROM import_batches WHERE status NOT IN ('committed', 'reverted')", {}),
        ("project money is not negative", negative("projects", "total_investment_wan"), {}),
        ("investment flows are not negative", negative("project_investments", "planned_wan", "completed_wan"), {}),
        ("funding amounts are not negative", negative("project_funding", "amount_wan"), {}),
        ("cluster metrics are not negative",
         negative("cluster_metrics", "investment_wan", "output_value_wan", "enterprises", "innovation_platforms"),
         {}),
        ("target counts are positive", "SELECT count(*) FROM targets WHERE target_count <= 0", {}),
    ]


def check(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every integrity rule the store keeps, as 'rule: N rows break it' for each broken one (empty: all hold)."""
    problems = []
    for rule, sql, params in rules():
        broken = scalar(con, sql, params) if params else scalar(con, sql)
        if broken:
            problems.append(f"{rule}: {broken:,} {'row breaks' if broken == 1 else 'rows break'} it")
    return problems
