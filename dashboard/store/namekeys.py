"""A project's match key (``projects.name_key``, migration 012): the name an import compares a file's names with.

The key is the name with whitespace removed and full-width ASCII folded to half-width (ＡＩ算力中心（一期） and
AI算力中心(一期) are one project to a reader, typed in another input mode), as the import folds its file's names
(:func:`dashboard.ingest.checks.fold_width`). An import writes its rows' keys as it computed them; the SQL here
computes the same key for rows written otherwise (the demo, the rows stored before migration 012, a backup
from before it), so that a lookup joins on the stored column instead of folding every stored name.

DuckDB's ``translate`` builds its map of characters for every row: with all 94 full-width forms it cost 6.8 s
over 1M names, with the few a store holds (（ and ）, mostly) 0.9 s, so the map is cut to the forms present.
"""

from __future__ import annotations

import duckdb

from ..textchars import NARROW, WIDE_CLASS

# Whitespace as today's stored-name lookup removed it (RE2's \s: tab, newline, form feed, return, space) and the
# full-width forms, in one class: a name holding neither is its own key.
_FOLDED_CLASS = "[\\s" + WIDE_CLASS[1:]


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def key_sql(column: str, wide: str) -> str:
    """The SQL of ``column``'s match key, folding the full-width characters ``wide`` (the others present in
    the rows it is used on: see :func:`wide_present`)."""
    stripped = f"regexp_replace({column}, '\\s', '', 'g')"
    if wide:
        narrow = "".join(chr(NARROW[ord(c)]) for c in wide)
        stripped = f"translate({stripped}, {_literal(wide)}, {_literal(narrow)})"
    return f"CASE WHEN regexp_matches({column}, '{_FOLDED_CLASS}') THEN {stripped} ELSE {column} END"


def wide_present(con: duckdb.DuckDBPyConnection, table: str, where: str = "") -> str:
    """The full-width ASCII characters the names of ``table`` (its rows ``where``) hold, sorted."""
    found = con.execute(f"SELECT DISTINCT unnest(regexp_extract_all(name, '{WIDE_CLASS}')) FROM {table} "
                        f"WHERE regexp_matches(name, '{WIDE_CLASS}') {'AND ' + where if where else ''}").fetchall()
    return "".join(sorted(r[0] for r in found if r[0]))


def fill(con: duckdb.DuckDBPyConnection, tables: tuple[str, ...] = ("projects", "replaced_projects")) -> None:
    """Give every row of ``tables`` without a match key its key (migration 012's hook; a restore of a backup
    from before it). One UPDATE per table: DuckLake then writes the table's files anew and drops the old ones
    whole, leaving no delete file."""
    for table in tables:
        wide = wide_present(con, table, "name_key IS NULL")
        con.execute(f"UPDATE {table} SET name_key = {key_sql('name', wide)} WHERE name_key IS NULL")
