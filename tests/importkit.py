"""Helpers for the import tests: the corpus folder and a content fingerprint of a whole store."""

from __future__ import annotations

from pathlib import Path

import duckdb

from dashboard import store

CORPUS = Path(__file__).resolve().parent / "corpus"


# The audit trail is append-only history, not data: a refused import is recorded there (who tried what),
# and everything else must stay exactly as it was.
NOT_DATA = ("audit_log",)


def fingerprint(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[int, str]]:
    """(row count, md5 of the sorted rows) for every data table: equal fingerprints = equal content."""
    tables = [r[0] for r in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' ORDER BY 1").fetchall()
        if r[0] not in NOT_DATA]
    out = {}
    for table in tables:
        out[table] = con.execute(
            f"SELECT count(*), coalesce(md5(string_agg(CAST(t AS VARCHAR), '\n' ORDER BY CAST(t AS VARCHAR))), '') "
            f"FROM {table} t"
        ).fetchone()
    return out


def file_fingerprint(path: Path) -> dict[str, tuple[int, str]]:
    con = store.connect(path, read_only=True)
    try:
        return fingerprint(con)
    finally:
        con.close()
