"""Import batches: write a prepared batch, revert one, list them; and the reads an import needs.

The writes run inside :func:`dashboard.store.write` (the caller's transaction); each table gets one
INSERT from a registered frame.
"""

from __future__ import annotations

import json

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..textchars import fold_name
from . import rollups
from .core import DATA_VERSION, scalar

# The sheets of one batch, as import_batches.sheet records them: a character no sheet name may hold.
SHEET_SEPARATOR = "/"
_PROJECT_COLUMNS = (
    "project_id, name, content, sector, subfield, sector_source, sector_confidence, sector_keywords, "
    "cluster_id, province_code, city_code, owner, ownership, stage, programme, start_year, end_year, "
    "total_investment_wan, batch_id, name_key"
)
_NEW_COLUMNS = ["project_id", "is_update", "row", "name", "content", "sector", "subfield", "sector_source",
                "sector_confidence", "sector_keywords", "cluster_id", "province_code", "city_code", "owner",
                "ownership", "stage", "start_year", "end_year", "total_investment_wan", "name_key"]
_TEXT_COLUMNS = ("content", "sector", "subfield", "sector_source", "sector_keywords", "province_code", "city_code",
                 "owner", "ownership", "stage", "name", "name_key")


def next_batch_id(con: duckdb.DuckDBPyConnection) -> int:
    batch_id = int(scalar(con, "SELECT coalesce(max(batch_id), 0) + 1 FROM import_batches"))
    rollups.fresh_batch(batch_id)
    return batch_id


_COUNTS = ("rows_read", "rows_imported", "rows_rejected", "rows_updated", "warnings")


def new_batch(
    con: duckdb.DuckDBPyConnection,
    file_name: str,
    *,
    sha256: str | None = None,
    imported_by: str | None = None,
    is_demo: bool = False,
    batch_id: int | None = None,
    counts: dict[str, int] | None = None,
    mapping: dict[str, str] | None = None,
    sheet: str | None = None,
) -> int:
    """Register an import batch (call inside ``write``) and return its id (``batch_id``, else the next one).

    An import registers its batch after writing the rows, with their counts and mapping, in one INSERT. The
    sheet is named only when there is one (a workbook of several sheets), so a batch of no sheet can still be
    written to a store from before migration 010, as the demo is to a store built in steps (test_appdb)."""
    if batch_id is None:
        batch_id = next_batch_id(con)
    counts = counts or {}
    extra = {"sheet": sheet} if sheet is not None else {}
    con.execute(
        f"INSERT INTO import_batches (batch_id, file_name, sha256, imported_by, status, is_demo, {', '.join(_COUNTS)}, "
        f"mapping{''.join(f', {c}' for c in extra)}) VALUES (?, ?, ?, ?, 'committed', ?, "
        f"{', '.join('?' for _ in _COUNTS)}, ?{', ?' * len(extra)})",
        [batch_id, file_name, sha256, imported_by, is_demo, *(counts.get(c, 0) for c in _COUNTS),
         json.dumps(mapping, ensure_ascii=False) if mapping is not None else None, *extra.values()],
    )
    return batch_id


def next_project_id(con: duckdb.DuckDBPyConnection) -> int:
    """One past the largest stored project id (within a write, read once with the rollups' own need)."""
    return (rollups.project_id_max(con) or 0) + 1


def next_batch_and_earlier(con: duckdb.DuckDBPyConnection, sha256: str, sheet: str | None = None
                           ) -> tuple[int, int | None, int]:
    """(:func:`next_batch_id`, the first committed batch that imported a file with this checksum, if any, the
    data version), in one read (call inside ``write``: no other writer can commit the same file between the
    check and the write). With ``sheet``, a batch that read only other sheets of the same workbook is no
    earlier import of it (a batch from before the sheet was recorded still is). A batch that read several
    sheets records them joined by :data:`SHEET_SEPARATOR`: it is an earlier import of each of them, and a
    batch of one of them is an earlier import of the whole workbook.

    The same statement reads what the write's rollups need before it writes (:data:`rollups.FIRST_FACTS`):
    each statement naming a lake table costs a catalog look-up, however little it reads."""
    row = con.execute("SELECT coalesce(max(batch_id), 0) + 1, min(batch_id) FILTER (WHERE sha256 = $sha AND "
                      "status = 'committed' AND ($sheet IS NULL OR sheet IS NULL OR "
                      "list_has_any(string_split(sheet, $sep), string_split($sheet, $sep)))), "
                      f"({DATA_VERSION}), {', '.join(rollups.FIRST_FACTS)} FROM import_batches",
                      {"sha": sha256, "sheet": sheet, "sep": SHEET_SEPARATOR}).fetchall()[0]
    rollups.fresh_batch(row[0])
    rollups.known_first(row[3:])
    return int(row[0]), row[1], int(row[2]) if row[2] is not None else 0




def preview_facts(con: duckdb.DuckDBPyConnection) -> tuple[int, int | None, dict[str, int]]:
    """(the data version, the latest target year of the 10/100/1000 targets (imports check years against
    it), the stored clusters by name folded as the match key folds names
    (:func:`dashboard.textchars.fold_name`: blanks removed, width and ASCII case folded; a key two clusters share
    goes to the first)), in one read of one snapshot: each statement naming a lake table costs a catalog
    look-up, however little it reads."""
    version, year, clusters = con.execute(
        f"SELECT ({DATA_VERSION}), (SELECT max(target_year) FROM targets), "
        "(SELECT list({'name': name, 'cluster_id': cluster_id} ORDER BY cluster_id) FROM clusters)").fetchall()[0]
    out: dict[str, int] = {}
    for c in clusters or []:
        out.setdefault(fold_name(c["name"]), c["cluster_id"])
    return int(version) if version is not None else 0, year, out


def find_duplicates(con: duckdb.DuckDBPyConnection, keys: pd.DataFrame) -> pd.DataFrame:
    """(row, project_id) for each ``keys`` row (row, name_key, province_code, start_year) whose name
    (whitespace removed, full-width ASCII as half-width: the keys come folded so) and start year a stored
    project of the province already has.

    The stored side is the projects' match key (``name_key``, migration 012, kept on every write), so the
    lookup is one join in SQL of the file's distinct keys against that column: no stored name is folded or
    fetched (before, every stored name holding a full-width character in the file's provinces was fetched
    and folded in pandas: 247,061 names at 1M projects)."""
    cur = con.cursor()
    try:
        cur.register("import_keys", pa.Table.from_pandas(keys, preserve_index=False))  # strings scanned as Arrow
        return cur.execute(
            """
            WITH distinct_keys AS (SELECT DISTINCT name_key, province_code, start_year FROM import_keys),
            stored AS (
                SELECT k.name_key, k.province_code, k.start_year, min(p.project_id) AS project_id
                FROM distinct_keys k
                JOIN projects p
                  ON p.name_key = k.name_key
                 AND p.province_code = k.province_code
                 AND p.start_year IS NOT DISTINCT FROM k.start_year
                GROUP BY ALL
            )
            SELECT k.row, s.project_id
            FROM import_keys k
            JOIN stored s
              ON s.name_key = k.name_key
             AND s.province_code = k.province_code
             AND s.start_year IS NOT DISTINCT FROM k.start_year
            ORDER BY k.row
            """
        ).df()
    finally:
        cur.close()


def stored_values(con: duckdb.DuckDBPyConnection, project_ids: list[int]
                  ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The stored values an import may change of these projects: their columns (with the names of their city and
    region), their annual plans (project_id, year, planned_wan) and their funding (project_id, source, amount_wan),
    so that a list imported again can say, row by row, what it changes."""
    cur = con.cursor()
    try:
        cur.register("import_ids", pa.table({"project_id": pa.array(sorted(set(project_ids)), pa.int64())}))
        projects = cur.execute(
            """
            SELECT p.project_id, p.name, p.content, p.sector, p.sector_source, p.cluster_id, p.city_code, p.owner,
                   p.ownership, p.stage, p.end_year, CAST(p.total_investment_wan AS DOUBLE) AS total_investment_wan
            FROM projects p JOIN import_ids USING (project_id) ORDER BY p.project_id
            """).df()
        plans = cur.execute(
            "SELECT i.project_id, i.year, CAST(i.planned_wan AS DOUBLE) AS planned_wan FROM project_investments i "
            "JOIN import_ids USING (project_id) ORDER BY 1, 2").df()
        funding = cur.execute(
            "SELECT f.project_id, f.source, CAST(f.amount_wan AS DOUBLE) AS amount_wan FROM project_funding f "
            "JOIN import_ids USING (project_id) ORDER BY 1, 2").df()
        return projects, plans, funding
    finally:
        cur.close()


def region_names(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, str]]:
    """code -> (name, English name) of every region."""
    return {code: (name, name_en) for code, name, name_en in
            con.execute("SELECT code, name, name_en FROM regions").fetchall()}


def find_matches(con: duckdb.DuckDBPyConnection, keys: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`find_duplicates` and, in the same read of ``projects``, (row, stored_year) for each ``keys`` row
    whose name a stored project of the province has with another start year, and none with the row's: a list
    imported again with a project's start year corrected (2024 → 2025) added it a second time beside the
    stored one, unsaid. ``stored_year`` is the earliest stored one (NULL: none stored).

    Both join the file's distinct keys to the stored projects of the same name key and province (the start
    year then tells the two apart): one statement, so one scan of ``projects`` and one catalog look-up."""
    cur = con.cursor()
    try:
        cur.register("import_keys", pa.Table.from_pandas(keys, preserve_index=False))  # strings scanned as Arrow
        found = cur.execute(
            """
            WITH distinct_keys AS (SELECT DISTINCT name_key, province_code, start_year FROM import_keys),
            stored AS (
                SELECT k.name_key, k.province_code, k.start_year,
                       min(p.project_id) FILTER (WHERE p.start_year IS NOT DISTINCT FROM k.start_year) AS project_id,
                       min(p.start_year) AS stored_year
                FROM distinct_keys k
                JOIN projects p
                  ON p.name_key = k.name_key
                 AND p.province_code = k.province_code
                GROUP BY ALL
            )
            SELECT k.row, s.project_id, s.stored_year
            FROM import_keys k
            JOIN stored s
              ON s.name_key = k.name_key
             AND s.province_code = k.province_code
             AND s.start_year IS NOT DISTINCT FROM k.start_year
            ORDER BY k.row
            """
        ).to_arrow_table()
    finally:
        cur.close()
    same = pc.is_valid(found["project_id"])
    duplicates = found.filter(same).select(["row", "project_id"]).to_pandas()
    other = found.filter(pc.invert(same)).select(["row", "stored_year"]).to_pandas()
    return duplicates, other


def insert_rows(con: duckdb.DuckDBPyConnection, batch_id: int, rec: pd.DataFrame, investments: pd.DataFrame,
                funding: pd.DataFrame, extra: pd.DataFrame) -> list[str]:
    """Write a batch's projects (new and updated, ``rec`` with project_id and is_update), their annual
    plans and funding (by file row), and the unmapped cells (call inside ``write``); returns the child
    tables (project_investments, project_funding) it wrote rows in.

    Each table gets one INSERT from a registered frame; updated projects (if any) one MERGE, and their
    old rows are kept in the replaced_* tables first so a revert can put them back. A batch of only new
    projects touches no stored row: nothing is read back, deleted or merged.
    """
    new = rec[_NEW_COLUMNS].reset_index(drop=True)
    for c in _TEXT_COLUMNS:
        if isinstance(new[c].dtype, pd.StringDtype):
            continue  # DuckDB reads a pandas string column's missing values as NULL already
        # every missing value as None (NaN is no text), with NumPy: pandas' astype and where cost ~5 ms a column
        cells = new[c].to_numpy(dtype=object)
        missing = pd.isna(cells)
        if missing.any():
            cells = cells.copy()
            cells[missing] = None
        new[c] = pd.Series(cells, index=new.index, dtype=object)
    updates = bool(new["is_update"].any())
    ids = new["project_id"].to_numpy(dtype="int64")
    is_update = new["is_update"].to_numpy(dtype=bool)
    # The child tables written besides projects: a batch of new projects without funding has none.
    writes = [t for t, frame in {"project_investments": investments, "project_funding": funding}.items()
              if not frame.empty]
    rollups.changing(con, ids[is_update], writes=writes)   # stored projects: their rows before the MERGE
    rollups.changing(con, ids[~is_update], writes=writes)  # new ids: nothing stored to take out
    frames = {"import_new": new, "import_row_ids": new[["row", "project_id"]], "import_inv": investments,
              "import_funding": funding, "import_extra": extra}
    arrow = {name: _register(con, name, frame) for name, frame in frames.items() if not frame.empty}
    params = {"batch": batch_id}
    columns = [c.strip() for c in _PROJECT_COLUMNS.split(",")]
    # Each table's rows of the batch, as the INSERTs below select them (a child table: only if written).
    selects = {
        "projects": _new_rows("import_new", columns, batch_id),
        "project_investments": "SELECT r.project_id, i.year, CAST(i.planned_wan AS DECIMAL(18, 2)) AS planned_wan, "
                               "NULL AS completed_wan FROM import_inv i JOIN import_row_ids r USING (row)",
        "project_funding": "SELECT r.project_id, f.source, CAST(f.amount_wan AS DECIMAL(18, 2)) AS amount_wan "
                           "FROM import_funding f JOIN import_row_ids r USING (row)",
    }
    selects = {t: q for t, q in selects.items() if t == "projects" or t in writes}
    # A batch of new projects only tells the rollups what it is about to write (rollups.writing): they
    # then sum these rows from the frames at the write's end, not read back from the lake.
    read = {name: arrow[name] for name in ("import_new", "import_row_ids", "import_inv", "import_funding")
            if name in arrow}
    held = set(read) if not updates and rollups.writing(con, ids[~is_update], selects, read) else set()
    if updates:
        _keep_replaced(con, params)
        _merge_updated(con, columns, params)
    # The new projects: one INSERT; their ids are new, so no stored row can clash.
    con.execute(f"INSERT INTO projects ({_PROJECT_COLUMNS}) {selects['projects']}")
    if not investments.empty:
        if updates:  # an updated project's years in the file replace its stored ones
            con.execute(
                """
                DELETE FROM project_investments WHERE (project_id, year) IN (
                    SELECT r.project_id, i.year FROM import_inv i JOIN import_new r USING (row) WHERE r.is_update)
                """
            )
        con.execute("INSERT INTO project_investments (project_id, year, planned_wan, completed_wan) "
                    f"{selects['project_investments']} ORDER BY r.project_id")
    if not funding.empty:
        if updates:
            con.execute("DELETE FROM project_funding WHERE project_id IN (SELECT r.project_id FROM import_funding f "
                        "JOIN import_new r USING (row) WHERE r.is_update)")
        con.execute("INSERT INTO project_funding (project_id, source, amount_wan) "
                    f"{selects['project_funding']} ORDER BY r.project_id, f.source")
    if not extra.empty:
        con.execute(
            "INSERT INTO batch_extra_values (batch_id, source_row, project_id, column_name, value) "
            "SELECT $batch, e.row, r.project_id, e.column_name, e.value "
            "FROM import_extra e JOIN import_row_ids r USING (row) ORDER BY e.row",
            params,
        )
    for view in arrow:
        if view not in held:  # (the rollups unregister those they read, at the write's end)
            con.unregister(view)
    return writes


def _new_rows(source: str, columns: list[str], batch_id: int) -> str:
    """The SELECT of a batch's new projects' rows (``columns``) as projects stores them, from ``source``
    (the batch's frame, registered)."""
    given = {"programme": "NULL", "batch_id": str(int(batch_id)),
             "total_investment_wan": "CAST(total_investment_wan AS DECIMAL(18, 2))"}
    return (f"SELECT {', '.join(f'{given[c]} AS {c}' if c in given else c for c in columns)} "
            f"FROM {source} WHERE NOT is_update")


def _register(con: duckdb.DuckDBPyConnection, name: str, frame: pd.DataFrame) -> pa.Table:
    """A frame as a view, handed over as Arrow: DuckDB scans Arrow strings without converting each cell."""
    table = pa.Table.from_pandas(frame, preserve_index=False)
    con.register(name, table)
    return table


def _keep_replaced(con: duckdb.DuckDBPyConnection, params: dict) -> None:
    """Copy the stored rows of the projects this batch updates into replaced_* (for a revert)."""
    updated = "SELECT project_id FROM import_new WHERE is_update"
    con.execute("INSERT INTO replaced_projects BY NAME SELECT p.*, $batch AS replaced_by FROM projects p "
                f"WHERE p.project_id IN ({updated})", params)
    con.execute("INSERT INTO replaced_investments SELECT i.*, $batch FROM project_investments i "
                f"WHERE i.project_id IN ({updated})", params)
    con.execute("INSERT INTO replaced_funding SELECT f.*, $batch FROM project_funding f "
                f"WHERE f.project_id IN ({updated})", params)


def _merge_updated(con: duckdb.DuckDBPyConnection, columns: list[str], params: dict) -> None:
    """Update the stored projects the batch names, in one MERGE (DuckLake has no ON CONFLICT).

    A blank cell keeps the stored value; a person's or the file's sector beats a new automatic guess."""
    con.execute(
        f"""
        MERGE INTO projects USING (
            SELECT n.project_id, n.name,
                   coalesce(n.content, o.content) AS content,
                   CASE WHEN keep_old THEN o.sector ELSE n.sector END AS sector,
                   CASE WHEN keep_old THEN o.subfield ELSE n.subfield END AS subfield,
                   CASE WHEN keep_old THEN o.sector_source ELSE n.sector_source END AS sector_source,
                   CASE WHEN keep_old THEN o.sector_confidence ELSE n.sector_confidence END AS sector_confidence,
                   CASE WHEN keep_old THEN o.sector_keywords ELSE n.sector_keywords END AS sector_keywords,
                   coalesce(n.cluster_id, o.cluster_id) AS cluster_id,
                   n.province_code, coalesce(n.city_code, o.city_code) AS city_code,
                   coalesce(n.owner, o.owner) AS owner, coalesce(n.ownership, o.ownership) AS ownership,
                   coalesce(n.stage, o.stage) AS stage, o.programme,
                   coalesce(n.start_year, o.start_year) AS start_year, coalesce(n.end_year, o.end_year) AS end_year,
                   CAST(coalesce(n.total_investment_wan, o.total_investment_wan) AS DECIMAL(18, 2))
                       AS total_investment_wan,
                   $batch AS batch_id, n.name_key
            FROM (
                SELECT n.*, o.sector_source IN ('given', 'manual')
                            AND coalesce(n.sector_source, '') NOT IN ('given', 'manual') AS keep_old
                FROM import_new n
                JOIN replaced_projects o ON o.project_id = n.project_id AND o.replaced_by = $batch
                WHERE n.is_update
            ) n
            JOIN replaced_projects o ON o.project_id = n.project_id AND o.replaced_by = $batch
            ORDER BY n.project_id
        ) AS n ON projects.project_id = n.project_id
        WHEN MATCHED THEN UPDATE SET {", ".join(f"{c} = n.{c}" for c in columns[1:])}
        """,
        params,
    )


def status(con: duckdb.DuckDBPyConnection, batch_id: int) -> str | None:
    """'committed', 'reverted', or None for no such batch."""
    return scalar(con, "SELECT status FROM import_batches WHERE batch_id = ?", [batch_id])


def later_updaters(con: duckdb.DuckDBPyConnection, batch_id: int) -> list[int]:
    """Committed batches that updated projects this batch brought."""
    return [r[0] for r in con.execute(
        "SELECT DISTINCT r.replaced_by FROM replaced_projects r JOIN import_batches b ON b.batch_id = r.replaced_by "
        "WHERE r.batch_id = ? AND b.status = 'committed' ORDER BY 1", [batch_id]).fetchall()]


def delete_rows(con: duckdb.DuckDBPyConnection, batch_id: int) -> int:
    """Remove every row a batch brought (call inside ``write``); returns projects removed."""
    rollups.changing(con, con.execute("SELECT project_id FROM projects WHERE batch_id = ?",
                                      [batch_id]).fetchnumpy()["project_id"])
    ids = "SELECT project_id FROM projects WHERE batch_id = ?"
    con.execute(f"DELETE FROM project_investments WHERE project_id IN ({ids})", [batch_id])
    con.execute(f"DELETE FROM project_funding WHERE project_id IN ({ids})", [batch_id])
    removed = scalar(con, "SELECT count(*) FROM projects WHERE batch_id = ?", [batch_id])
    con.execute("DELETE FROM projects WHERE batch_id = ?", [batch_id])
    clusters = "SELECT cluster_id FROM clusters WHERE batch_id = ?"
    con.execute(f"DELETE FROM cluster_metrics WHERE cluster_id IN ({clusters})", [batch_id])
    con.execute("DELETE FROM clusters WHERE batch_id = ?", [batch_id])
    con.execute("DELETE FROM batch_extra_values WHERE batch_id = ?", [batch_id])
    con.execute(
        "UPDATE import_batches SET status = 'reverted', reverted_at = current_timestamp WHERE batch_id = ?",
        [batch_id],
    )
    return removed


def revert(con: duckdb.DuckDBPyConnection, batch_id: int) -> int:
    """Remove a batch's rows and put back the projects it updated (call inside ``write``);
    returns the projects removed less those restored."""
    removed = delete_rows(con, batch_id)
    back = con.execute("SELECT project_id FROM replaced_projects WHERE replaced_by = ?", [batch_id]).fetchnumpy()
    rollups.changing(con, back["project_id"])  # the batch's own projects, already counted out by delete_rows
    restored = len(back["project_id"])
    con.execute("INSERT INTO projects BY NAME SELECT * EXCLUDE (replaced_by) FROM replaced_projects "
                "WHERE replaced_by = ?", [batch_id])
    con.execute("INSERT INTO project_investments SELECT * EXCLUDE (replaced_by) FROM replaced_investments "
                "WHERE replaced_by = ?", [batch_id])
    con.execute("INSERT INTO project_funding SELECT * EXCLUDE (replaced_by) FROM replaced_funding "
                "WHERE replaced_by = ?", [batch_id])
    for table in ("replaced_projects", "replaced_investments", "replaced_funding"):
        con.execute(f"DELETE FROM {table} WHERE replaced_by = ?", [batch_id])
    return removed - restored


def project_count(con: duckdb.DuckDBPyConnection, batch_id: int) -> int:
    return scalar(con, "SELECT count(*) FROM projects WHERE batch_id = ?", [batch_id])


def demo_batches(con: duckdb.DuckDBPyConnection) -> list[int]:
    rows = con.execute(
        "SELECT batch_id FROM import_batches WHERE is_demo AND status = 'committed' ORDER BY batch_id"
    ).fetchall()
    return [r[0] for r in rows]


def list_all(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every import batch, newest first, with the projects it holds now and the sheets it read (a workbook's
    sheets joined by ``/``; NULL for a text file or a batch from before migration 010)."""
    return con.execute(
        """
        SELECT b.batch_id, b.file_name, b.sheet, b.imported_at, b.imported_by, b.rows_read, b.rows_imported,
               b.rows_updated, b.rows_rejected, b.warnings, b.status, b.is_demo, b.reverted_at, b.sha256,
               coalesce(p.projects, 0) AS projects
        FROM import_batches b
        LEFT JOIN (SELECT batch_id, count(*) AS projects FROM projects GROUP BY 1) p USING (batch_id)
        ORDER BY b.batch_id DESC
        """
    ).df()
