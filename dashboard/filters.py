"""The analyst's filters: one frozen value, turned into SQL WHERE clauses with named parameters.

The sidebar's choices live in URL query parameters (their keys below) as language-neutral values
(taxonomy keys, region codes, batch ids; the years as numbers), so a copied link reopens the same view
in either language. Queries never format user input into SQL: every value is a parameter.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields

# Widget keys = query-parameter names.
KEY_YEARS = "years"
KEY_SECTOR = "sector"
KEY_SUBFIELD = "subfield"
KEY_PROVINCE = "province"
KEY_GROUP = "group"
KEY_TIER = "tier"
KEY_STAGE = "stage"
KEY_OWNERSHIP = "own"
KEY_BATCH = "batch"
FILTER_KEYS = (KEY_YEARS, KEY_SECTOR, KEY_SUBFIELD, KEY_PROVINCE, KEY_GROUP, KEY_TIER, KEY_STAGE,
               KEY_OWNERSHIP, KEY_BATCH)

UNCLASSIFIED = "unclassified"  # pseudo-sector for projects the tagger left without a sector
YEAR_MIN, YEAR_MAX = 2018, 2030


@dataclass(frozen=True)
class Filters:
    """What the analyst has narrowed the data to; empty means 'all'."""

    year_from: int | None = None
    year_to: int | None = None
    sectors: tuple[str, ...] = ()
    subfields: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()
    region_groups: tuple[str, ...] = ()
    tiers: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()
    ownership: tuple[str, ...] = ()
    batch_id: int | None = None
    # The signed-in account's province scope (GB/T 2260 codes), set by the app from the session, never
    # by a widget. Applied by every WHERE builder below on top of the filters; empty = all provinces.
    scope: tuple[str, ...] = ()

    def is_empty(self) -> bool:
        """No filter chosen (the province scope is not a filter: it is who is looking)."""
        return self.replace(scope=()) == Filters()

    def replace(self, **changes: object) -> Filters:
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values.update(changes)
        return Filters(**values)  # type: ignore[arg-type]


def _tuple(value: object) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)  # type: ignore[union-attr]


def from_state(state: Mapping[str, object], year_bounds: tuple[int, int] | None = None) -> Filters:
    """Build Filters from widget values (session state); a full year range counts as no filter."""
    years = state.get(KEY_YEARS)
    year_from = year_to = None
    if isinstance(years, list | tuple) and len(years) == 2:
        year_from, year_to = int(years[0]), int(years[1])
        if year_bounds and (year_from, year_to) == tuple(year_bounds):
            year_from = year_to = None
    batch = state.get(KEY_BATCH)
    return Filters(
        year_from=year_from,
        year_to=year_to,
        sectors=_tuple(state.get(KEY_SECTOR)),
        subfields=_tuple(state.get(KEY_SUBFIELD)),
        provinces=_tuple(state.get(KEY_PROVINCE)),
        region_groups=_tuple(state.get(KEY_GROUP)),
        tiers=_tuple(state.get(KEY_TIER)),
        stages=_tuple(state.get(KEY_STAGE)),
        ownership=_tuple(state.get(KEY_OWNERSHIP)),
        batch_id=int(batch) if batch not in (None, "") else None,
    )


def _member(parts: list[str], params: dict[str, object], column: str, name: str,
            values: tuple[str, ...]) -> None:
    """Add ``column`` ∈ values as a condition with one list parameter (no-op when values is empty)."""
    if values:
        parts.append(f"list_contains(${name}, {column})")
        params[name] = list(values)


def _in_region_groups(parts: list[str], params: dict[str, object], column: str, name: str,
                      groups: tuple[str, ...]) -> None:
    if groups:
        parts.append(f"{column} IN (SELECT code FROM regions WHERE list_contains(${name}, region_group))")
        params[name] = list(groups)


def project_where(f: Filters, alias: str = "p", *, years: bool = True, tier_column: str | None = None
                  ) -> tuple[str, dict[str, object]]:
    """WHERE clause (starting with 'WHERE TRUE') over ``projects`` and its parameters.

    The year range keeps projects that *start* in it; pass ``years=False`` when the query
    filters a yearly column itself (see :func:`year_where`). ``tier_column`` names a column that
    holds the tier of the project's cluster (the rollups have one) instead of looking it up.
    """
    a = alias
    parts: list[str] = ["TRUE"]
    params: dict[str, object] = {}
    if years and f.year_from is not None:
        parts.append(f"{a}.start_year >= $f_year_from")
        params["f_year_from"] = f.year_from
    if years and f.year_to is not None:
        parts.append(f"{a}.start_year <= $f_year_to")
        params["f_year_to"] = f.year_to
    if f.sectors:
        named = tuple(s for s in f.sectors if s != UNCLASSIFIED)
        cond = [f"list_contains($f_sectors, {a}.sector)"] if named else []
        if UNCLASSIFIED in f.sectors:
            cond.append(f"{a}.sector IS NULL")
        parts.append("(" + " OR ".join(cond) + ")")
        if named:
            params["f_sectors"] = list(named)
    _member(parts, params, f"{a}.subfield", "f_subfields", f.subfields)
    _member(parts, params, f"{a}.province_code", "f_provinces", f.provinces)
    _member(parts, params, f"{a}.province_code", "f_scope", f.scope)
    _in_region_groups(parts, params, f"{a}.province_code", "f_groups", f.region_groups)
    if f.tiers:
        parts.append(
            f"list_contains($f_tiers, {a}.{tier_column})" if tier_column else
            f"{a}.cluster_id IN (SELECT cluster_id FROM clusters WHERE list_contains($f_tiers, tier))"
        )
        params["f_tiers"] = list(f.tiers)
    _member(parts, params, f"{a}.stage", "f_stages", f.stages)
    _member(parts, params, f"{a}.ownership", "f_ownership", f.ownership)
    if f.batch_id is not None:
        parts.append(f"{a}.batch_id = $f_batch")
        params["f_batch"] = f.batch_id
    return "WHERE " + " AND ".join(parts), params


def year_where(f: Filters, column: str) -> tuple[str, dict[str, object]]:
    """'AND ...' conditions on a yearly column (e.g. project_investments.year)."""
    parts, params = [], {}
    if f.year_from is not None:
        parts.append(f"{column} >= $y_from")
        params["y_from"] = f.year_from
    if f.year_to is not None:
        parts.append(f"{column} <= $y_to")
        params["y_to"] = f.year_to
    return "".join(f" AND {p}" for p in parts), params


def cluster_where(f: Filters, alias: str = "c") -> tuple[str, dict[str, object]]:
    """WHERE clause over ``clusters``: sector, sub-field, place, region group and tier apply."""
    a = alias
    parts: list[str] = ["TRUE"]
    params: dict[str, object] = {}
    if f.sectors:  # clusters always have a sector, so 'unclassified' alone matches none
        parts.append(f"list_contains($c_sectors, {a}.sector)")
        params["c_sectors"] = [s for s in f.sectors if s != UNCLASSIFIED]
    _member(parts, params, f"{a}.subfield", "c_subfields", f.subfields)
    _member(parts, params, f"{a}.province_code", "c_provinces", f.provinces)
    _member(parts, params, f"{a}.province_code", "c_scope", f.scope)
    _in_region_groups(parts, params, f"{a}.province_code", "c_groups", f.region_groups)
    _member(parts, params, f"{a}.tier", "c_tiers", f.tiers)
    if f.batch_id is not None:
        parts.append(f"{a}.batch_id = $c_batch")
        params["c_batch"] = f.batch_id
    return "WHERE " + " AND ".join(parts), params


def scope_where(f: Filters, column: str, table: str) -> tuple[str, dict[str, object]]:
    """' AND column IN (...)' keeping only ids of ``table`` (projects or clusters) inside the province
    scope, for queries that look one record up by id instead of filtering. ``column`` is the outer
    query's (qualified) id column; the table's id column has the same name unqualified."""
    if not f.scope:
        return "", {}
    key = column.rsplit(".", 1)[-1]
    return (f" AND {column} IN (SELECT {key} FROM {table} WHERE list_contains($s_scope, province_code))",
            {"s_scope": list(f.scope)})
