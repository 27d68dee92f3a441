"""Rollups: the heavy joins of the pages, pre-aggregated (migrations 005-007), kept up to date inside the write.

The grain keeps every dimension a sidebar filter can narrow (sector, province, stage, ownership, the
cluster's tier, batch, year) except the sub-field: queries read the base tables when one is chosen
(:func:`dashboard.queries.common.rollups_serve`). ``rollup_watch`` is not an aggregate: the overdue
watch list's candidate projects, kept sorted by the year they fell due.

Two ways to bring them up to date, both inside the write's transaction, so a reader (a page, the app's
in-memory copy) only ever sees rollups and base tables of the same snapshot:

* :func:`refresh` rebuilds every rollup from the base tables (migrations, restores, ``maintain
  --rollups``, and any write that does not say which projects it changed).
* Incrementally, for the writes that say which projects they change (imports, reverts, the demo data):
  each store function that writes a project's row, yearly flows or funding first calls :func:`changing`
  with those project ids, which records the rollup rows those projects contribute now, negated; at the
  end of the write :func:`apply` adds the rows the same projects contribute after it and merges the sum
  into each rollup: a group's counts and sums move by exactly the difference, a group left with no row
  is deleted, a new group is inserted. Both ways use one SELECT per rollup (:func:`_aggregate`), over
  every project or over the changed ones only, so the incremental result is the full rebuild's by
  construction: a group's value is a sum over its projects, and only the changed projects' terms moved.

  A sum over no value is NULL in the full rebuild; each such sum has a count beside it (``planned_n``,
  ``completed_n``, ``investment_n``; ``rows`` counts a group's rows) so the merge can tell a NULL sum
  from zero and an empty group from a group of zeros.

  A project's tier is its cluster's: a write that changes the tier of a cluster (or removes one) that a
  project outside the changed ones points to falls back to :func:`refresh`. The watch list holds the
  projects overdue as of the latest year with a completed amount: the changed projects' rows are
  replaced, unless that year moved, in which case the list is rebuilt whole.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa

from ..queries.common import AS_OF_BASE, AS_OF_COMPLETED, AS_OF_ROLLUP
from .engine import Connection

TABLES = ("rollup_flows", "rollup_funding", "rollup_projects", "rollup_watch")

# A project's tier: its cluster's (alias c, joined to projects p).
_TIERS = "LEFT JOIN (SELECT cluster_id, min(tier) AS tier FROM clusters GROUP BY 1) c ON c.cluster_id = p.cluster_id"

# The first year in which a project counts as overdue (see migration 006).
DUE_YEAR = ("CASE p.stage WHEN 'planned' THEN p.start_year + 1 "
            "WHEN 'under_construction' THEN p.end_year + 1 END")


@dataclass(frozen=True)
class _Rollup:
    """One aggregate rollup: its group columns and measures as SELECT expressions over projects p (tier c)
    and the child table (``child``, alias ``alias``) if any."""

    table: str
    keys: tuple[tuple[str, str], ...]          # (column, expression)
    sums: tuple[tuple[str, str, str], ...]     # (column, summed expression, count column: NULL when it is 0)
    counts: tuple[tuple[str, str], ...]        # (column, counted expression)
    rows: str                                  # the count column that is 0 exactly when the group is empty
    child: tuple[str, str] | None = None       # (table, alias) joined on project_id

    def measures(self) -> list[str]:
        return [c for c, _e, _n in self.sums] + [c for c, _e in self.counts]


_DIMS = (("sector", "p.sector"), ("province_code", "p.province_code"))
_AGGREGATES = (
    _Rollup(
        "rollup_flows",
        keys=(*_DIMS, ("stage", "p.stage"), ("ownership", "p.ownership"), ("tier", "c.tier"),
              ("batch_id", "p.batch_id"), ("year", "i.year"), ("cluster_id", "p.cluster_id")),
        sums=(("planned_wan", "i.planned_wan", "planned_n"), ("completed_wan", "i.completed_wan", "completed_n")),
        counts=(("planned_n", "i.planned_wan"), ("completed_n", "i.completed_wan"), ("rows", "*")),
        rows="rows", child=("project_investments", "i")),
    _Rollup(
        "rollup_funding",
        keys=(("source", "f.source"), *_DIMS, ("start_year", "p.start_year"), ("stage", "p.stage"),
              ("ownership", "p.ownership"), ("tier", "c.tier"), ("batch_id", "p.batch_id")),
        sums=(("amount_wan", "f.amount_wan", "rows"),),   # amount_wan is NOT NULL
        counts=(("rows", "*"),),
        rows="rows", child=("project_funding", "f")),
    _Rollup(
        "rollup_projects",
        keys=(*_DIMS, ("start_year", "p.start_year"), ("stage", "p.stage"), ("ownership", "p.ownership"),
              ("tier", "c.tier"), ("batch_id", "p.batch_id"), ("programme", "p.programme"),
              ("cluster_id", "p.cluster_id"), ("due_year", DUE_YEAR)),
        sums=(("investment_wan", "p.total_investment_wan", "investment_n"),),
        counts=(("projects", "*"), ("investment_n", "p.total_investment_wan")),
        rows="projects"),
)

# The tables holding a project's rows besides its own (its yearly flows, its funding).
CHILD_TABLES = tuple(r.child[0] for r in _AGGREGATES if r.child)

# The projects' columns the rollups and the watch list read (what :data:`_CHANGED` holds).
_READ_COLUMNS = ("project_id, name, owner, province_code, city_code, sector, subfield, stage, ownership, programme, "
                 "start_year, end_year, total_investment_wan, cluster_id, batch_id")
_WATCH_COLUMNS = (
    "p.project_id, p.name, p.owner, p.province_code, p.city_code, p.sector, p.subfield, p.stage, p.ownership, "
    f"p.programme, p.start_year, p.end_year, p.total_investment_wan, c.tier, p.batch_id, {DUE_YEAR} AS due_year")

# The year the pages take as "now" (dashboard.views.projects.as_of_year): the latest year with a completed
# amount (dashboard.queries.common), else the current year; from the base tables (the full rebuild) or
# from rollup_flows.
_AS_OF_BASE = f"coalesce(({AS_OF_BASE}), year(current_date))"
_AS_OF_ROLLUP = f"coalesce(({AS_OF_ROLLUP}), year(current_date))"

# The changed projects' ids while a write runs (registered from Arrow), and the temporary tables.
SCOPE_VIEW = "rollup_scope_ids"
_DELTA = "rollup_delta_"
_MOVED = "rollup_moved"
_TIERS_BEFORE = "rollup_tiers_before"
_TIERS_AFTER = "rollup_tiers_after"      # the tiers at the write's end, read once
_TIERS_READ = "rollup_tiers_read"        # … as the write's first read found them (known_first), registered
_TIERS_SELECT = "SELECT cluster_id, min(tier) AS tier FROM clusters GROUP BY 1"
_CHANGED = "rollup_changed_projects"     # the changed projects' rows at the write's end, read once
_WRITTEN_VIEW = "rollup_written_"       # … or, for new projects the write holds (writing), a view over them
_MAX_ID = "SELECT max(project_id) FROM projects"


def _first_reads(with_max: bool = True) -> str:
    """What a write's first change needs: the as-of year found in rollup_flows (or NULL), the current year
    and, ``with_max``, the largest stored project id (else NULL)."""
    return f"SELECT ({AS_OF_ROLLUP}), year(current_date), {f'({_MAX_ID})' if with_max else 'NULL'}"


def _columns(con: Connection) -> dict[str, set[str]]:
    """The columns of each rollup table this store has (a store being upgraded may lack the later ones)."""
    return _catalog(con)[0]


# The columns of the rollups, projects and its child tables, from the lake's column list.
_CATALOG_WHERE = ("FROM information_schema.columns WHERE table_catalog = current_database() AND (starts_with("
                  f"table_name, 'rollup_') OR table_name IN ('projects', {', '.join(repr(t) for t in CHILD_TABLES)}))")


def _catalog(con: Connection) -> tuple[dict[str, set[str]], dict[str, dict[str, str]]]:
    """(:func:`_columns`, the type of each column of projects and its child tables), in one read of the
    lake's column list."""
    return _catalog_of(con.execute(f"SELECT table_name, column_name, data_type {_CATALOG_WHERE} "
                                   "ORDER BY table_name, ordinal_position").fetchall())


def _catalog_of(rows: list) -> tuple[dict[str, set[str]], dict[str, dict[str, str]]]:
    """:func:`_catalog` from the column list's rows (table, column, type), in the tables' column order."""
    found: dict[str, set[str]] = {}
    types: dict[str, dict[str, str]] = {}
    for table, column, kind in rows:
        if table.startswith("rollup_"):
            found.setdefault(table, set()).add(column)
        else:
            types.setdefault(table, {})[column] = kind
    return found, types


# What a tracked write's first change needs (:func:`_catalog`'s column list, then :func:`_first_reads`) and
# every cluster's tier, as expressions that the write's own first read selects beside what it reads
# (:func:`dashboard.store.batches.next_batch_and_earlier`) and hands to :func:`known_first`: each statement
# naming a lake table costs a catalog look-up, however little it reads.
FIRST_FACTS = ("(SELECT list({'t': table_name, 'c': column_name, 'k': data_type} ORDER BY table_name, "
               f"ordinal_position) {_CATALOG_WHERE})", f"({AS_OF_ROLLUP})", "year(current_date)", f"({_MAX_ID})",
               f"(SELECT list({{'cluster_id': cluster_id, 'tier': tier}}) FROM ({_TIERS_SELECT}))")


def _aggregate(r: _Rollup, have: set[str], *, scoped: np.ndarray | None = None, sign: int = 1,
               tiers: str = _TIERS, projects: str | None = None, children: dict[str, str] | None = None) -> str:
    """The SELECT of rollup ``r``'s rows, with the columns the table has: over every project, or with
    ``scoped`` (the ids, unique, registered as :data:`SCOPE_VIEW`) over those projects only,
    each measure times ``sign``; ``tiers`` joins the tier (alias c). ``projects`` names a table that
    holds the scoped projects' rows already (read once for every rollup); ``children`` likewise, by child
    table, relations holding every row the scoped projects have there."""
    keys = [(c, e) for c, e in r.keys if c in have]
    parts = [f"{e} AS {c}" for c, e in keys]
    parts += [f"{sign} * sum({e}) AS {c}" for c, e, _n in r.sums if c in have]
    parts += [f"{sign} * count({e}) AS {c}" for c, e in r.counts if c in have]

    def source(table: str) -> str:
        if scoped is None:
            return table
        if table == "projects" and projects:
            return projects
        if children and table in children:
            return children[table]
        return f"(SELECT * FROM {table} WHERE {in_scope(scoped)})"

    joined = f"{source('projects')} p {tiers}"
    if r.child:
        table, alias = r.child
        joined += f" JOIN {source(table)} {alias} ON {alias}.project_id = p.project_id"
    return f"SELECT {', '.join(parts)} FROM {joined} GROUP BY ALL"


def in_scope(ids: np.ndarray, view: str = SCOPE_VIEW) -> str:
    """The condition on ``project_id`` that picks the ids (unique; registered as ``view``): their range,
    which lets DuckLake skip the files that hold none of them, and, unless the range holds nothing else
    (a batch of new projects), membership in the view."""
    lo, hi = (int(ids.min()), int(ids.max())) if len(ids) else (0, -1)
    within = f"project_id BETWEEN {lo} AND {hi}"
    return within if hi - lo + 1 == len(ids) else f"{within} AND project_id IN (SELECT project_id FROM {view})"


def refresh(con: Connection) -> None:
    """Rebuild every rollup from the base tables (call inside the write transaction)."""
    have = _columns(con)
    for table in existing(con):
        con.execute(f"DELETE FROM {table}")
    for r in _AGGREGATES:
        if r.table in have:
            con.execute(f"INSERT INTO {r.table} BY NAME {_aggregate(r, have[r.table])}")
    if "rollup_watch" in have:
        con.execute(f"INSERT INTO rollup_watch SELECT {_WATCH_COLUMNS} FROM projects p {_TIERS} "
                    f"WHERE p.stage IN ('planned', 'under_construction') AND {DUE_YEAR} <= {_AS_OF_BASE}")


def existing(con: Connection) -> list[str]:
    """The rollup tables this store has (a store being upgraded may not have the later ones yet)."""
    found = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_catalog = current_database()"
    ).fetchall()}
    return [t for t in TABLES if t in found]


# ====================================================================================== incremental


@dataclass
class Changes:
    """What the running write said it changes (:func:`changing`): the projects, each id in one part once."""

    parts: list[np.ndarray] = field(default_factory=list)   # sorted, unique, disjoint
    declared: bool = False
    off: bool = False                 # this store cannot be kept incrementally: the write rebuilds
    have: dict[str, set[str]] = field(default_factory=dict)   # the rollups' columns
    types: dict[str, dict[str, str]] = field(default_factory=dict)  # projects' and its child tables' column types
    as_of: int | None = None          # the watch list's year before the write
    as_of_found: int | None = None    # … the latest year with a completed amount it came from (None: none)
    stored_max: int | None = None     # the largest project id before the write
    max_read: bool = False            # stored_max was read (by project_id_max, before any project was written)
    children: set[str] | None = field(default_factory=set)  # child tables written for the projects (None: any)
    fresh_batches: set[int] = field(default_factory=set)    # batch ids above every stored one (fresh_batch)
    clusters_fixed: bool = False      # the write writes no cluster: the tiers before it are those after it
    tiers_read: bool = False          # _TIERS_AFTER holds every cluster's tier as the write leaves them
    delta_rows: dict[str, int] = field(default_factory=dict)  # rollup -> rows added to its delta table
    taken_out: bool = False           # a negated contribution was added: a delta's groups may repeat
    changed: dict[str, str] = field(default_factory=dict)   # table -> where apply read the changed projects' rows
    written_ids: np.ndarray | None = None   # new projects whose rows the write holds (see writing)
    written: dict[str, str] = field(default_factory=dict)   # table -> the SELECT of their rows there
    frames: set[str] = field(default_factory=set)           # the registered frames those SELECTs read
    first: tuple | None = None        # what changing needs first, read by the write's first read (known_first)

    @property
    def ids(self) -> np.ndarray:
        return np.concatenate(self.parts) if self.parts else np.empty(0, dtype="int64")

    def record(self, ids: np.ndarray) -> np.ndarray:
        """Record ``ids`` (sorted, unique); return those not recorded before."""
        top = max((int(p[-1]) for p in self.parts), default=None)
        fresh = ids if top is None or ids[0] > top else ids[~np.isin(ids, self.ids)]  # ascending chunks: no search
        if len(fresh):
            self.parts.append(fresh)
        return fresh


_CURRENT: ContextVar[Changes | None] = ContextVar("rollup_changes", default=None)


def incremental_ready(have: dict[str, set[str]]) -> bool:
    """Whether a store with these rollup columns (:func:`_columns`) has every one the incremental upkeep
    needs (migration 007)."""
    return all(r.table in have and {c for c, _e in r.keys} | set(r.measures()) <= have[r.table]
               for r in _AGGREGATES) and "rollup_watch" in have


@contextmanager
def tracking(con: Connection, *, clusters_fixed: bool = False) -> Iterator[Changes]:
    """Within a write: collect what :func:`changing` is told (the write calls :func:`apply` at its end).

    ``clusters_fixed``: the write says it writes no cluster (an import's scope); the tiers are then read
    once, when first needed, and serve as both the tiers before and after it."""
    changes = Changes(clusters_fixed=clusters_fixed)
    if not clusters_fixed:
        con.execute(f"CREATE OR REPLACE TEMP TABLE {_TIERS_BEFORE} AS {_TIERS_SELECT}")
    token = _CURRENT.set(changes)
    try:
        yield changes
    finally:
        _CURRENT.reset(token)
        if changes.frames:  # (registrations are no part of the transaction)
            _forget_written(con, changes)
    # (a failed write's ROLLBACK takes the temporary tables with it)
    for r in _AGGREGATES:
        con.execute(f"DROP TABLE IF EXISTS {_DELTA}{r.table}")
    for table in (_TIERS_BEFORE, _TIERS_AFTER, _CHANGED, _MOVED):
        con.execute(f"DROP TABLE IF EXISTS {table}")
    for table in ("projects", *CHILD_TABLES):
        con.execute(f"DROP VIEW IF EXISTS {_WRITTEN_VIEW}{table}")


def changing(con: Connection, ids: object, *, writes: Collection[str] | None = None) -> None:
    """Call before writing any row (the project, its yearly flows or funding) of the projects ``ids``:
    records what they contribute to the rollups now, negated, so the write's end can add what they
    contribute then. Ids already recorded in this write are skipped (their rows may have changed
    since). Outside a tracked write (see :func:`tracking`) it does nothing: that write rebuilds.

    ``writes`` names the child tables (of :data:`CHILD_TABLES`) the write writes rows of these projects
    in; None (the default): any of them. A write of new projects only that wrote no row in a child
    table leaves nothing there for them to contribute, so its rollup is not read at the write's end."""
    changes = _CURRENT.get()
    if changes is None or changes.off:
        return
    if writes is None:
        changes.children = None
    elif changes.children is not None:
        changes.children |= set(writes)
    ids = unique_ids(np.asarray(ids, dtype="int64"))
    if changes.written_ids is not None and len(ids) and bool(np.isin(ids, changes.written_ids).any()):
        _forget_written(con, changes)  # their rows change again: the write's end reads them back
    if not changes.declared:  # the first call: nothing of any project written yet
        before = changes.first
        # once per write: listing the lake's columns costs a catalog load
        changes.have, changes.types = before[0] if before is not None else _catalog(con)
        if not incremental_ready(changes.have):  # a store not yet at migration 007 (upgrade tests): rebuild
            changes.off = True
            return
        changes.declared = True
        found, year, stored_max = before[1] if before is not None else con.execute(
            _first_reads(with_max=not changes.max_read)).fetchall()[0]
        changes.as_of_found, changes.as_of = found, found if found is not None else year
        if not changes.max_read:
            changes.stored_max, changes.max_read = stored_max, True
        for r in _AGGREGATES:
            con.execute(f"CREATE OR REPLACE TEMP TABLE {_DELTA}{r.table} AS SELECT * FROM {r.table} LIMIT 0")
    fresh = changes.record(ids) if len(ids) else ids
    if not len(fresh) or changes.stored_max is None or fresh[0] > changes.stored_max:
        # Ids past every id stored before the write: no project had them, so (no orphans, by the integrity
        # rules) neither had any flow or funding; and this write wrote none before saying so.
        return
    _contribute(con, changes, fresh, sign=-1)


def unique_ids(ids: np.ndarray) -> np.ndarray:
    """The ids sorted, each once (an ascending run, such as a batch's new ids, as it is)."""
    return ids if len(ids) < 2 or bool((ids[1:] > ids[:-1]).all()) else np.unique(ids)


def writing(con: Connection, ids: object, selects: dict[str, str], frames: dict[str, pa.Table]) -> bool:
    """Within a tracked write, right before the INSERTs of every row the new projects ``ids`` have:
    ``selects`` holds, by table (projects, and each child table the write writes their rows in), that
    INSERT's SELECT, its columns named as the table's, reading only ``frames`` (registered on ``con``
    under those names). The write's end then reads these rows from the frames, which the write holds,
    instead of reading them back from the lake, and unregisters the frames (True: the caller must not).

    New means past every id stored before the write (:func:`changing` was told of them already): no
    row of theirs was stored before, so the INSERTs' rows are all they have. A later :func:`changing`
    naming one of them (a row of theirs written again) forgets all of it. False: not taken (nothing to do)."""
    changes = _CURRENT.get()
    ids = unique_ids(np.asarray(ids, dtype="int64"))
    if (changes is None or changes.off or not changes.declared or not len(ids) or "projects" not in selects
            or changes.written_ids is not None):
        return False
    if changes.stored_max is not None and int(ids[0]) <= changes.stored_max:
        return False
    changes.written_ids, changes.written, changes.frames = ids, dict(selects), set(frames)
    return True


def _typed(types: dict[str, str], select: str) -> str:
    """``select``'s rows with each column cast to its table's type (``types``), as the table holds them."""
    return f"SELECT {', '.join(f'CAST({c} AS {t}) AS {c}' for c, t in types.items())} FROM ({select})"


def _forget_written(con: Connection, changes: Changes) -> None:
    changes.written, changes.written_ids = {}, None
    for frame in changes.frames:
        with suppress(Exception):  # a connection in a failed transaction: the next registration replaces it
            con.unregister(frame)
    changes.frames = set()


def project_id_max(con: Connection) -> int | None:
    """The largest stored project id (None: no project). Within a tracked write that has not yet said it
    changes a project (so has written none), the figure is kept for :func:`changing`, which needs the
    largest id before the write: the lake is read once for both."""
    changes = _CURRENT.get()
    if changes is None or changes.off or changes.declared:
        return con.execute(_MAX_ID).fetchall()[0][0]
    if not changes.max_read:
        changes.stored_max = (changes.first[1][2] if changes.first is not None else
                              con.execute(_MAX_ID).fetchall()[0][0])
        changes.max_read = True
    return changes.stored_max


def fresh_batch(batch_id: int) -> None:
    """Note, within a tracked write, that ``batch_id`` is above every batch id stored (as read in the
    write, under the writer lock): no project, so no rollup row, can have it before the write."""
    changes = _CURRENT.get()
    if changes is not None:
        changes.fresh_batches.add(int(batch_id))


def known_first(values: tuple) -> None:
    """Hand a tracked write what :data:`FIRST_FACTS` selected in its first read (before it wrote anything):
    :func:`changing` and :func:`project_id_max` then read none of it again."""
    changes = _CURRENT.get()
    if changes is None or changes.off or changes.declared or changes.max_read:
        return
    columns, found, year, stored_max, tiers = values
    changes.first = (_catalog_of([tuple(c.values()) for c in columns or []]), (found, year, stored_max),
                     tiers or [])


def _contribute(con: Connection, changes: Changes, ids: np.ndarray, *, sign: int) -> None:
    """Add the rollup rows the projects ``ids`` contribute now, times ``sign``, to the delta tables.

    What they contribute before the write is read with their clusters' tiers before it; at its end
    (``sign`` 1) with the tiers then (:data:`_TIERS_AFTER`), from their rows read once into
    :data:`_CHANGED`, which the watch list reads too."""
    con.register(SCOPE_VIEW, pa.table({"project_id": ids}))
    try:
        have = changes.have
        projects = None
        changes.taken_out |= sign < 0
        children: dict[str, str] = {}
        if sign > 0:
            if changes.written_ids is not None and np.array_equal(unique_ids(ids), changes.written_ids):
                # Every changed project is a new one the write holds: its rows as written, not read back.
                for table, select in changes.written.items():
                    con.execute(f"CREATE OR REPLACE TEMP VIEW {_WRITTEN_VIEW}{table} AS "
                                f"{_typed(changes.types[table], select)}")
                    changes.changed[table] = f"{_WRITTEN_VIEW}{table}"
                children = {t: v for t, v in changes.changed.items() if t != "projects"}
            else:
                con.execute(f"CREATE OR REPLACE TEMP TABLE {_CHANGED} AS "
                            f"SELECT {_READ_COLUMNS} FROM projects WHERE {in_scope(ids)}")
                changes.changed = {"projects": _CHANGED}
            projects = changes.changed["projects"]
        before = _TIERS_BEFORE if sign < 0 and not changes.clusters_fixed else _tiers_after(con, changes)
        tiers = f"LEFT JOIN {before} c ON c.cluster_id = p.cluster_id"
        # New projects (none stored before the write) have rows only in the child tables it wrote.
        new_only = changes.stored_max is None or int(ids.min()) > changes.stored_max
        for r in _AGGREGATES:
            if (sign > 0 and r.child and new_only and changes.children is not None
                    and r.child[0] not in changes.children):
                continue
            rows = _aggregate(r, have[r.table], scoped=ids, sign=sign, tiers=tiers, projects=projects,
                              children=children)
            added = con.execute(f"INSERT INTO {_DELTA}{r.table} BY NAME {rows}").fetchall()[0][0]
            changes.delta_rows[r.table] = changes.delta_rows.get(r.table, 0) + int(added)
    finally:
        con.unregister(SCOPE_VIEW)


def apply(con: Connection, changes: Changes | None) -> None:
    """Bring every rollup up to date at the end of a write: incrementally when the write said which
    projects it changed and every tier it left alone, else by :func:`refresh`."""
    if changes is None or not changes.declared:
        refresh(con)
        return
    if not changes.clusters_fixed and _tiers_moved(con, changes):
        refresh(con)
        return
    if not len(changes.ids):
        return
    _contribute(con, changes, changes.ids, sign=1)
    for r in _AGGREGATES:
        if changes.delta_rows.get(r.table):  # no delta row (a batch without funding): nothing to merge
            _merge(con, r, changes, grouped=not changes.taken_out)
    _watch(con, changes)


def changed_rows(changes: Changes | None, ids: object) -> dict[str, str]:
    """By table (projects: its :data:`_READ_COLUMNS`; a child table: every column), the relation holding
    the rows of every project in ``ids`` as the write leaves them, as :func:`apply` read them (it runs
    after the write's last statement): read back into a temporary table, or views over the frames the
    write holds (:func:`writing`); empty when it read none. Only within :func:`tracking` (its end drops them)."""
    if changes is None or not changes.changed or ids is None:
        return {}
    ids = np.asarray(ids, dtype="int64")
    return dict(changes.changed) if bool(np.isin(ids, changes.ids).all()) else {}


def _tiers_after(con: Connection, changes: Changes) -> str:
    """:data:`_TIERS_AFTER`, read from clusters the first time it is asked for in this write: at the
    write's end (:func:`apply`), or at any time in a write that writes no cluster: then from the tiers its
    first read found (:func:`known_first`), if it said them."""
    if not changes.tiers_read:
        if changes.clusters_fixed and changes.first is not None:
            tiers = changes.first[2]
            con.register(_TIERS_READ, pa.table({"cluster_id": pa.array([t["cluster_id"] for t in tiers], pa.int64()),
                                                "tier": pa.array([t["tier"] for t in tiers], pa.string())}))
            try:
                con.execute(f"CREATE OR REPLACE TEMP TABLE {_TIERS_AFTER} AS "
                            f"SELECT CAST(cluster_id AS INTEGER) AS cluster_id, tier FROM {_TIERS_READ}")
            finally:
                con.unregister(_TIERS_READ)
        else:
            con.execute(f"CREATE OR REPLACE TEMP TABLE {_TIERS_AFTER} AS {_TIERS_SELECT}")
        changes.tiers_read = True
    return _TIERS_AFTER


def cluster_tiers(changes: Changes | None) -> str | None:
    """The temporary table holding (cluster_id, tier) of every stored cluster as the write leaves them,
    if :func:`apply` read it (after the write's last statement), else None. Only within
    :func:`tracking` (its end drops the table)."""
    return _TIERS_AFTER if changes is not None and changes.tiers_read else None


def _tiers_moved(con: Connection, changes: Changes) -> bool:
    """Whether a cluster's tier changed (or the cluster went) under a project the write did not change."""
    _tiers_after(con, changes)
    moved = (f"SELECT coalesce(b.cluster_id, a.cluster_id) FROM {_TIERS_BEFORE} b "
             f"FULL JOIN {_TIERS_AFTER} a USING (cluster_id) "
             "WHERE a.tier IS DISTINCT FROM b.tier OR a.cluster_id IS NULL OR b.cluster_id IS NULL")
    if not con.execute(f"SELECT count(*) FROM ({moved})").fetchall()[0][0]:
        return False
    con.register(SCOPE_VIEW, pa.table({"project_id": changes.ids}))
    try:
        return bool(con.execute(f"SELECT count(*) FROM projects WHERE cluster_id IN ({moved}) "
                                f"AND project_id NOT IN (SELECT project_id FROM {SCOPE_VIEW})").fetchall()[0][0])
    finally:
        con.unregister(SCOPE_VIEW)


def _merge(con: Connection, r: _Rollup, changes: Changes, *, grouped: bool = False) -> None:
    """Add the summed delta rows to rollup ``r``: matching groups move, new groups are inserted, groups
    left empty are deleted.

    Each moved group is first paired with its stored row, if any (one join); the stored rows of those
    that have one are deleted and every moved group is inserted with its new totals, unless it is left
    empty. A write of new projects only (a batch's groups carry its new batch id) pairs none: it
    deletes nothing and costs one INSERT, where a MERGE would rewrite and a DELETE scan the rollup.

    ``grouped``: the delta holds one GROUP BY's rows (only added contributions), so each group once,
    none empty. Then, when no stored row has one of its batch ids (a batch of new projects; a stored
    row matches only on every key), the delta rows are the new groups as they are: inserted without
    the pairing join."""
    keys = [c for c, _e in r.keys]
    measures = r.measures()
    if grouped and not _shares_batch(con, r, changes.fresh_batches):
        con.execute(f"INSERT INTO {r.table} ({', '.join(keys + measures)}) "
                    f"SELECT {', '.join(keys + measures)} FROM {_DELTA}{r.table} WHERE {r.rows} <> 0")
        return
    moved = " OR ".join(f"sum({c}) <> 0" for c in measures)
    delta = (f"SELECT {', '.join(keys)}, {', '.join(f'sum({c}) AS {c}' for c in measures)} "
             f"FROM {_DELTA}{r.table} GROUP BY ALL HAVING {moved}")  # groups whose terms cancel stay as they are
    same = " AND ".join(f"t.{k} IS NOT DISTINCT FROM d.{k}" for k in keys)
    con.execute(f"CREATE OR REPLACE TEMP TABLE {_MOVED} AS SELECT d.*, t.stored, "
                f"{', '.join(f't.{c} AS old_{c}' for c in measures)} "
                f"FROM ({delta}) d LEFT JOIN (SELECT *, true AS stored FROM {r.table}) t ON {same}")
    if con.execute(f"SELECT count(*) FROM {_MOVED} WHERE stored").fetchall()[0][0]:
        con.execute(f"MERGE INTO {r.table} t USING (SELECT {', '.join(keys)} FROM {_MOVED} WHERE stored) d "
                    f"ON {same} WHEN MATCHED THEN DELETE")
    # A group's counts move by the delta's; a sum is NULL exactly when its count is 0 (no stored row: 0, NULL).
    total = {c: f"coalesce(old_{c}, 0) + {c}" for c, _e in r.counts}
    for c, _e, n in r.sums:
        total[c] = f"CASE WHEN {total[n]} = 0 THEN NULL ELSE coalesce(old_{c}, 0) + coalesce({c}, 0) END"
    con.execute(f"INSERT INTO {r.table} ({', '.join(keys + measures)}) "
                f"SELECT {', '.join(keys + [total[c] for c in measures])} FROM {_MOVED} "
                f"WHERE {total[r.rows]} <> 0")


def _shares_batch(con: Connection, r: _Rollup, fresh: set[int]) -> bool:
    """Whether a stored row of rollup ``r`` has a batch id (NULL included) that a delta row has: none
    when every one of them is ``fresh`` (:func:`fresh_batch`); else read from the one column, where the
    pairing join reads every key."""
    if fresh:
        ids = {b for (b,) in con.execute(f"SELECT DISTINCT batch_id FROM {_DELTA}{r.table}").fetchall()}
        if ids <= fresh:
            return False
    return bool(con.execute(
        f"SELECT count(*) FROM {r.table} t WHERE EXISTS (SELECT 1 FROM (SELECT DISTINCT batch_id FROM "
        f"{_DELTA}{r.table}) d WHERE t.batch_id IS NOT DISTINCT FROM d.batch_id)").fetchall()[0][0])


def _as_of_after(con: Connection, changes: Changes) -> int:
    """The watch list's year after the write's rollup merges. A write that only added contributions
    (nothing taken out) moves no completed count down: the latest year with one is the later of the
    year before the write and the delta's (the small delta table is read, not rollup_flows)."""
    if changes.taken_out:
        return int(con.execute(f"SELECT {_AS_OF_ROLLUP}").fetchall()[0][0])
    added, year = con.execute(f"SELECT {AS_OF_COMPLETED}, year(current_date) FROM {_DELTA}rollup_flows").fetchall()[0]
    found = max((y for y in (changes.as_of_found, added) if y is not None), default=None)
    return int(found if found is not None else year)


def _watch(con: Connection, changes: Changes) -> None:
    """The watch list after the write: the changed projects' rows replaced, or all rebuilt when the year
    it is as of moved."""
    as_of = _as_of_after(con, changes)
    # A store that held no project before the write (its first import) holds only the changed ones now:
    # their rows, read already, are every row the list needs, whatever year it moved to.
    nothing_before = changes.max_read and changes.stored_max is None
    if as_of != changes.as_of and not nothing_before:
        con.execute("DELETE FROM rollup_watch")
        con.execute(f"INSERT INTO rollup_watch SELECT {_WATCH_COLUMNS} FROM projects p {_TIERS} "
                    f"WHERE p.stage IN ('planned', 'under_construction') AND {DUE_YEAR} <= {as_of}")
        return
    ids = changes.ids
    con.register(SCOPE_VIEW, pa.table({"project_id": ids}))
    try:
        # Only a project stored before the write can have a row in the list (new ids: nothing to delete).
        if changes.stored_max is not None and bool((ids <= changes.stored_max).any()):
            con.execute(f"DELETE FROM rollup_watch WHERE {in_scope(ids)}")
        con.execute(  # the changed projects' rows and tiers as apply read them (nothing wrote them since)
            f"INSERT INTO rollup_watch SELECT {_WATCH_COLUMNS} FROM {changes.changed['projects']} p "
            f"LEFT JOIN {_tiers_after(con, changes)} c ON c.cluster_id = p.cluster_id "
            f"WHERE p.stage IN ('planned', 'under_construction') AND {DUE_YEAR} <= {as_of}")
    finally:
        con.unregister(SCOPE_VIEW)
