"""Helpers for the import tests: the corpus folder and a content fingerprint of a whole store."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

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
    return file_state(path)[0]


def file_state(path: Path) -> tuple[dict[str, tuple[int, str]], int]:
    """The store's :func:`fingerprint` and data version, read on one connection in one read transaction
    (one snapshot; a connection and a transaction per table cost ~0.4 CPU-s and ~30% more)."""
    from dashboard.store.core import data_version

    con = store.connect(path, read_only=True)
    try:
        con.execute("BEGIN TRANSACTION")
        try:
            return fingerprint(con), data_version(con)
        finally:
            con.execute("ROLLBACK")
    finally:
        con.close()


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict]:
    """The command line run in-process with these arguments: its exit status and its ``--json`` object."""
    from dashboard.cli import main

    code = main(list(argv))
    return code, json.loads(capsys.readouterr().out)


def stored_projects(db: Path) -> dict[str, tuple]:
    """name -> (province, city, total investment in 万元, start year, end year, sector), in id order."""
    con = store.connect(db, read_only=True)
    try:
        rows = con.execute("SELECT name, province_code, city_code, total_investment_wan, start_year, end_year, "
                           "sector FROM projects ORDER BY project_id").fetchall()
    finally:
        con.close()
    return {r[0]: r[1:] for r in rows}


def problem_codes(problems: list[dict]) -> list[tuple[int | None, str]]:
    """(row, code) of each problem of a ``--json`` report."""
    return [(p["row"], p["code"]) for p in problems]


def store_version(db: Path) -> int:
    """The store's data version (it moves on every committed write)."""
    from dashboard.store.core import data_version

    con = store.connect(db, read_only=True)
    try:
        return data_version(con)
    finally:
        con.close()


def import_json(db: Path, capsys: pytest.CaptureFixture[str], file: str | Path, *extra: str) -> tuple[int, dict]:
    """``python -m dashboard import FILE --db DB --json`` in-process; ``file`` a corpus name or a path."""
    path = file if isinstance(file, Path) else CORPUS / file
    return run_json(capsys, "import", str(path), "--db", str(db), "--json", *extra)


def refused_unchanged(db: Path, capsys: pytest.CaptureFixture[str], path: Path, *extra: str) -> dict:
    """Import ``path`` (refused) with ``--json``: the store keeps its rows and its data version; the report."""
    before = file_state(db)
    code, out = import_json(db, capsys, path, *extra)
    assert code != 0, out
    assert file_state(db) == before
    return out


def stored_rows(db: Path, sql: str) -> list[tuple]:
    """The rows of ``sql`` read from the store at ``db`` (read-only)."""
    con = store.connect(db, read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def stored_stages(db: Path) -> dict[str, str | None]:
    """name -> stage of every stored project, in id order."""
    con = store.connect(db, read_only=True)
    try:
        return dict(con.execute("SELECT name, stage FROM projects ORDER BY project_id").fetchall())
    finally:
        con.close()
