"""The app's data version, remembered per lake snapshot (``appdb._read_version``): a page run reads the
lake's newest snapshot and reads store_meta only when that snapshot is new to the process. Each test
fails on a wrong cache: one that keeps a version after another process's commit, one that moves it on an
audit record, one that answers a store made anew at the same place (its snapshot ids restarted) from
the old store's entry. On either catalog (SQLite file, PostgreSQL)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
import streamlit as st
from conftest import copy_store
from storekit import ROOT, cli, cli_args, run
from test_store_lake import new_empty_store

from dashboard import appdb, store
from dashboard.filters import Filters
from dashboard.queries import overview
from dashboard.store import auth, engine


@pytest.fixture(autouse=True)
def _own_connection() -> None:
    """Each test opens the app's connection to its own store and closes it after."""
    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


def serve(monkeypatch: pytest.MonkeyPatch, db: str, data_path: str | None) -> None:
    monkeypatch.setenv("SEI_DB", db)
    if data_path:
        monkeypatch.setenv("SEI_DATA_PATH", data_path)
    else:
        monkeypatch.delenv("SEI_DATA_PATH", raising=False)


def head(db: str, data_path: str | None) -> tuple[tuple[int, str], int]:
    """The store's newest snapshot and its data version, read by another process (in this one DuckDB
    would hand out the app's own database instance of the same store)."""
    code = ("import json, sys; from dashboard import store; from dashboard.store import engine; "
            "con = store.connect(sys.argv[1], data_path=sys.argv[2] or None, read_only=True); "
            "print(json.dumps([engine.head(con), store.data_version(con)]))")
    done = subprocess.run([sys.executable, "-c", code, db, data_path or ""], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    (snapshot, committed), version = json.loads(done.stdout)
    return (snapshot, committed), version


def test_a_commit_by_another_process_shows_and_an_audit_record_keeps_the_version(
        new_store, empty_db_template: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db, data_path = new_empty_store(new_store, empty_db_template)
    serve(monkeypatch, db, data_path)
    before = appdb.data_version()
    (snapshot, _), version = head(db, data_path)
    assert before == version and appdb._heads[appdb.db_key()][0] == snapshot

    done = cli("targets", "--year", "2031", *cli_args(db, data_path))  # a data write by another process
    assert done.returncode == 0, done.stderr
    assert appdb.data_version() == before + 1 == head(db, data_path)[1]

    with store.opened(db, data_path=data_path) as other:  # a write that changes no data: a new snapshot
        auth.record(other, None, "test_audit_only")
    (moved, _), _ = head(db, data_path)
    assert moved > appdb._heads[appdb.db_key()][0]
    assert appdb.data_version() == before + 1  # the version stays: cached pages stay
    assert appdb._heads[appdb.db_key()][:1] == (moved,)
    assert appdb.data_version() == before + 1  # and from the entry, at the same snapshot


def _wipe_postgres_catalog(url: str) -> None:
    """Drop every table of the store's PostgreSQL catalog (the database stays: a store is made anew in it)."""
    con = duckdb.connect(config=engine.engine_config())
    try:
        con.execute("LOAD postgres")
        con.execute(f"ATTACH '{engine.libpq_string(url)}' AS wipe (TYPE postgres)")
        con.execute("CALL postgres_execute('wipe', 'DROP SCHEMA public CASCADE; CREATE SCHEMA public')")
    finally:
        con.close()


def test_a_store_made_anew_at_the_same_place_shows_its_own_version(
        new_store, empty_db_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """A restored backup in a store made anew where the old one was: its snapshot ids start again, so the
    snapshot the app saw last has an id in the new store too, with another data version."""
    backup = tmp_path / "backup"
    assert run(capsys, "backup", str(backup), "--db", str(empty_db_template))[0] == 0

    def restored(bump: bool) -> None:  # the backup restored, then two writes: audit records or data
        done = cli("restore", str(backup), *cli_args(db, data_path))  # other processes: the app's is open
        assert done.returncode == 0, done.stderr
        code = ("import sys; from dashboard import store; from dashboard.store import auth; "
                "con = store.connect(sys.argv[1], data_path=sys.argv[2] or None)\n"
                "for _ in range(2):\n"
                "    if sys.argv[3] == 'data':\n"
                "        with store.write(con, message='a data write'): pass\n"
                "    else:\n"
                "        auth.record(con, None, 'test_audit_only')\n")
        done = subprocess.run([sys.executable, "-c", code, db, data_path or "", "data" if bump else "audit"],
                              cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr

    db, data_path = new_empty_store(new_store, empty_db_template)
    restored(bump=False)
    serve(monkeypatch, db, data_path)
    old = appdb.data_version()
    old_head, _ = head(db, data_path)
    assert appdb._heads[appdb.db_key()][:2] == tuple(old_head)

    # the store made anew at the same place, the app's connection still open
    if new_store.kind == "embedded":
        Path(db).unlink()
        shutil.rmtree(f"{db}.files")
        copy_store(empty_db_template, Path(db))  # what `init` makes, at the same path
    else:
        _wipe_postgres_catalog(db)
        done = cli("init", *cli_args(db, data_path))
        assert done.returncode == 0, done.stderr
    restored(bump=True)
    new_head, new = head(db, data_path)
    assert new_head[0] == old_head[0] and new == old + 2  # the same snapshot id, another version
    assert appdb.data_version() == new
    st.cache_resource.clear()  # and on a connection opened again (a restarted page server)
    assert appdb.data_version() == new


def test_reads_as_of_an_earlier_snapshot_leave_the_version_alone(
        empty_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    serve(monkeypatch, str(empty_db), None)
    with store.opened(empty_db) as con:
        earlier = engine.snapshot_id(con)
        store.targets.set_target_year(con, 2031)
        now = store.data_version(con)
    assert not appdb.load_at(earlier, overview.kpis, Filters(), as_of=2025).empty
    assert appdb.data_version() == now
    assert not appdb.load_at(earlier, overview.kpis, Filters(), as_of=2025).empty
    assert appdb.data_version() == now
    with store.opened(empty_db, read_only=True) as reader:  # a read-only connection sees the same head
        assert engine.head(reader) == appdb._heads[appdb.db_key()][:2]
