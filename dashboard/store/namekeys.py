"""A project's match key (``projects.name_key``, migrations 012 and 013): what an import compares names by.

The key is the name with whitespace removed, full-width ASCII folded to half-width and ASCII letters to lower
case (ＡＩ算力中心（一期）, AI算力中心(一期) and ai算力中心(一期) are one project to a reader, typed in another
input mode or case), as the import folds its file's names (:func:`dashboard.ingest.checks.fold_key`). An import
writes its rows' keys as it computed them; the SQL here computes the same key for rows written otherwise (the
demo, the rows stored before migration 012, a backup from before it), so that a lookup joins on the stored
column instead of folding every stored name. Migration 013 added the case: :func:`refold` lowers the letters
of the keys stored before it (and of a backup's from before it).

DuckDB's ``translate`` builds its map of characters for every row: with all 94 full-width forms it cost 6.8 s
over 1M names, with the few a store holds (（ and ）, mostly) 0.9 s, so the map is cut to the forms present.
"""

from __future__ import annotations

import duckdb

from ..textchars import KEY_CLASS, KEY_FOLD

# Whitespace as today's stored-name lookup removed it (RE2's \s: tab, newline, form feed, return, space), the
# full-width forms and the upper-case ASCII letters, in one class: a name holding none is its own key.
_FOLDED_CLASS = "[\\s" + KEY_CLASS[1:]
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def key_sql(column: str, folded: str) -> str:
    """The SQL of ``column``'s match key, folding the characters ``folded`` (the full-width forms and upper-case
    letters present in the rows it is used on: see :func:`wide_present`)."""
    stripped = f"regexp_replace({column}, '\\s', '', 'g')"
    if folded:
        narrow = "".join(chr(KEY_FOLD[ord(c)]) for c in folded)
        stripped = f"translate({stripped}, {_literal(folded)}, {_literal(narrow)})"
    return f"CASE WHEN regexp_matches({column}, '{_FOLDED_CLASS}') THEN {stripped} ELSE {column} END"


def wide_present(con: duckdb.DuckDBPyConnection, table: str, where: str = "") -> str:
    """The characters the key folds (full-width ASCII, upper-case letters) that the names of ``table`` (its
    rows ``where``) hold, sorted."""
    found = con.execute(f"SELECT DISTINCT unnest(regexp_extract_all(name, '{KEY_CLASS}')) FROM {table} "
                        f"WHERE regexp_matches(name, '{KEY_CLASS}') {'AND ' + where if where else ''}").fetchall()
    return "".join(sorted(r[0] for r in found if r[0]))


def fill(con: duckdb.DuckDBPyConnection, tables: tuple[str, ...] = ("projects", "replaced_projects")) -> None:
    """Give every row of ``tables`` without a match key its key (migration 012's hook; a restore of a backup
    from before it). One UPDATE per table: DuckLake then writes the table's files anew and drops the old ones
    whole, leaving no delete file."""
    for table in tables:
        folded = wide_present(con, table, "name_key IS NULL")
        con.execute(f"UPDATE {table} SET name_key = {key_sql('name', folded)} WHERE name_key IS NULL")


def refold(con: duckdb.DuckDBPyConnection, tables: tuple[str, ...] = ("projects", "replaced_projects")) -> None:
    """Lower the ASCII letters of the keys written before migration 013 (its hook; a restore of a backup from
    before it): a key of then is the name with whitespace removed and full-width ASCII folded, so lowering its
    A-Z gives the key of now. Only the rows whose key holds one are written; a row without a key is filled."""
    fill(con, tables)
    for table in tables:
        con.execute(f"UPDATE {table} SET name_key = translate(name_key, '{_UPPER}', '{_UPPER.lower()}') "
                    "WHERE regexp_matches(name_key, '[A-Z]')")
