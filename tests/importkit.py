"""Helpers for the import tests: the corpus folder and a content fingerprint of a whole store."""

from __future__ import annotations

import copy
import hashlib
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


# file_state by what a store's files hold (files_key), and the stores tests copied (note_copy): a store
# whose files are as they were copied, from a source as it was then, holds what its source held. A refused
# import's "before" is then read once per source (the session's empty store) instead of once per test: it
# cost ~0.75 of a refused-file test's ~2 CPU-s (opening the store 0.27, the fingerprint 0.45).
_STATES: dict[tuple, tuple[dict[str, tuple[int, str]], int]] = {}
_COPIES: dict[str, tuple[tuple, str, tuple]] = {}


def files_key(path: Path) -> tuple | None:
    """What an embedded store's files hold: the catalog's bytes (SHA-256) and each data file's name, size and
    modification time. Equal keys, equal stores: every write changes the catalog (its snapshots), and data
    files are only ever added or removed. None for a shared store, or a catalog with a journal beside it."""
    path = Path(path)
    if not path.is_file() or any(Path(f"{path}{s}").exists() for s in ("-wal", "-journal")):
        return None
    folder = Path(f"{path}.files")
    files = sorted((str(f.relative_to(folder)), st.st_size, st.st_mtime_ns)
                   for f in folder.rglob("*") if f.is_file() for st in [f.stat()])
    return hashlib.sha256(path.read_bytes()).hexdigest(), tuple(files)


def note_copy(src: Path, dst: Path) -> None:
    """Remember that ``dst`` was just copied from ``src`` (conftest.copy_store)."""
    dst_key, src_key = files_key(dst), files_key(src)
    if dst_key is not None and src_key is not None:
        _COPIES[str(dst)] = (dst_key, str(src), src_key)


def file_state(path: Path) -> tuple[dict[str, tuple[int, str]], int]:
    """The store's :func:`fingerprint` and data version, read on one connection in one read transaction
    (one snapshot; a connection and a transaction per table cost ~0.4 CPU-s and ~30% more).

    Read once per content: a store whose files are unchanged since it was last read, or since it was copied
    from a store unchanged since then, gives the state read then (``files_key``)."""
    key = files_key(path)
    if key is not None:
        copied = _COPIES.get(str(path))
        if copied is not None and copied[0] == key and files_key(Path(copied[1])) == copied[2]:
            key = copied[2]
        if key in _STATES:
            return copy.deepcopy(_STATES[key])
    state = _read_state(path)
    if key is not None:
        _STATES[key] = copy.deepcopy(state)
    return state


def _read_state(path: Path) -> tuple[dict[str, tuple[int, str]], int]:
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


def _lang(lang: str | None) -> tuple[str, ...]:
    return ("--lang", lang) if lang else ()


def refused_file(db: Path, capsys: pytest.CaptureFixture[str], file: str | Path, error: str, *said: str,
                 lang: str | None = None) -> dict:
    """``file`` (a corpus name or a path) refused whole with ``error``, its message saying each of ``said``
    (in ``lang``, if given); the store as it was (:func:`refused_unchanged`). The ``--json`` report."""
    out = refused_unchanged(db, capsys, file if isinstance(file, Path) else CORPUS / file, *_lang(lang))
    assert out["error"] == error, out
    assert all(s in out["message"] for s in said), out["message"]
    return out


def refused_rows(db: Path, capsys: pytest.CaptureFixture[str], file: str | Path, errors: list[tuple], *said: str,
                 lang: str | None = None, at: int = 0) -> dict:
    """``file`` refused for exactly ``errors``, in order: (row, code) or (row, column, code) each; the message of
    error ``at`` says each of ``said`` (in ``lang``, if given); the store as it was. The ``--json`` report."""
    out = refused_unchanged(db, capsys, file if isinstance(file, Path) else CORPUS / file, *_lang(lang))
    fields = ("row", "code") if len(errors[0]) == 2 else ("row", "column", "code")
    assert [tuple(e[f] for f in fields) for e in out["errors"]] == list(errors), out["errors"]
    assert all(s in out["errors"][at]["message"] for s in said), out["errors"][at]
    return out


def upload_shows(db: Path, monkeypatch: pytest.MonkeyPatch, file_name: str, corpus: str, said: str) -> list[str]:
    """The corpus file ``corpus`` uploaded as ``file_name`` on the upload page (zh), not only through the command
    line: no exception, and some text the page shows holds ``said``. Every text shown."""
    from apptest_helpers import upload_says

    shown = upload_says(db, monkeypatch, file_name, (CORPUS / corpus).read_bytes())
    assert any(said in s for s in shown), shown
    return shown


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
