"""The store: migrations, reference data, clear errors for files it cannot open."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from dashboard import store
from dashboard.store import engine


def test_new_store_gets_every_migration(tmp_path: Path) -> None:
    con = store.connect(tmp_path / "new.ducklake")
    versions = [r[0] for r in con.execute("SELECT version FROM schema_version ORDER BY 1").fetchall()]
    assert versions == [m[0] for m in store.migrations()]
    assert store.LATEST_VERSION >= 2
    assert (tmp_path / "new.ducklake.files").is_dir()
    assert store.location(con) == {"kind": "embedded", "catalog": str(tmp_path / "new.ducklake"),
                                   "data_path": f"{tmp_path / 'new.ducklake.files'}/"}


def _lake_at_version(path: Path, version: int) -> duckdb.DuckDBPyConnection:
    con = engine.open_lake(engine.locate(path))
    store.migrate(con, target=version)
    return con


def test_older_store_is_upgraded_in_place(tmp_path: Path) -> None:
    path = tmp_path / "old.ducklake"
    con = _lake_at_version(path, 1)
    con.execute(
        "INSERT INTO import_batches (batch_id, file_name, status) VALUES (1, 'old.csv', 'committed')"
    )
    con.execute(
        "INSERT INTO projects (project_id, name, province_code, batch_id, total_investment_wan) "
        "VALUES (1, '旧项目', '320000', 1, 12345.67)"
    )
    con.close()

    con = store.connect(path)
    assert store.schema_version(con) == store.LATEST_VERSION
    # data written under version 1 survives, and version 2's columns and tables exist
    assert con.execute("SELECT name, total_investment_wan FROM projects").fetchall()[0][0] == "旧项目"
    assert con.execute("SELECT rows_updated FROM import_batches").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM replaced_projects").fetchone() == (0,)


def test_version_2_funding_survives_and_takes_the_insurance_channel(tmp_path: Path) -> None:
    """003 rebuilds project_funding (channels named by the taxonomy) and keeps every funding row."""
    path = tmp_path / "v2.ducklake"
    con = _lake_at_version(path, 2)
    con.execute("INSERT INTO project_funding VALUES (1, 'bank_loans', 100), (1, 'self_raised', 50.5)")
    con.close()
    con = store.connect(path)
    assert con.execute("SELECT source, amount_wan FROM project_funding ORDER BY 1").fetchall() == [
        ("bank_loans", 100), ("self_raised", Decimal("50.50"))]
    con.execute("INSERT INTO project_funding VALUES (1, 'insurance_long_term', 1)")
    assert store.scalar(con, "SELECT count(*) FROM project_funding") == 3
    con.close()


def test_failed_migration_leaves_store_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.ducklake"
    _lake_at_version(path, 1).close()
    broken = store.migrations()[:1] + [(2, "broken", "CREATE TABLE half_done (x INT); SELECT nonsense;")]
    monkeypatch.setattr(store.core, "migrations", lambda: broken)
    with pytest.raises(duckdb.Error):
        store.connect(path)
    con = engine.open_lake(engine.locate(path))
    assert store.schema_version(con) == 1
    assert "half_done" not in store.tables(con)


def test_targets_are_ten_hundred_thousand(empty_db: Path) -> None:
    con = store.connect(empty_db, read_only=True)
    rows = con.execute("SELECT tier, target_count, target_year FROM targets ORDER BY target_count").fetchall()
    assert rows == [("base", 10, 2025), ("cluster", 100, 2025), ("ecosystem", 1000, 2025)]


def test_target_year_can_change(empty_db: Path) -> None:
    con = store.connect(empty_db)
    before = store.data_version(con)
    store.set_target_year(con, 2027)
    assert {r[0] for r in con.execute("SELECT target_year FROM targets").fetchall()} == {2027}
    assert store.data_version(con) == before + 1  # one write, one snapshot
    with pytest.raises(store.StoreError):
        store.set_target_year(con, 1999)


def test_regions_cover_every_province_with_gb2260_codes(empty_db: Path) -> None:
    con = store.connect(empty_db, read_only=True)
    provinces = con.execute(
        "SELECT code, name, region_group FROM regions WHERE level = 'province' ORDER BY code"
    ).fetchall()
    assert len(provinces) == 34
    codes = {c for c, _, _ in provinces}
    assert {"110000", "320000", "540000", "650000", "710000", "810000", "820000"} <= codes
    mainland = [g for c, _, g in provinces if c not in {"710000", "810000", "820000"}]
    assert len(mainland) == 31 and set(mainland) == {"东部", "中部", "西部", "东北"}
    assert mainland.count("东北") == 3
    assert con.execute("SELECT name, parent_code FROM regions WHERE code = '320500'").fetchone() == (
        "苏州市", "320000")
    # every city and district hangs off a region that exists
    orphans = con.execute(
        "SELECT count(*) FROM regions r WHERE level <> 'province' "
        "AND parent_code NOT IN (SELECT code FROM regions)"
    ).fetchone()[0]
    assert orphans == 0
    assert con.execute("SELECT count(*) FROM regions WHERE level = 'city'").fetchone()[0] > 330


def test_write_is_all_or_nothing(empty_db: Path) -> None:
    con = store.connect(empty_db)
    before = store.data_version(con)
    with pytest.raises(RuntimeError):
        with store.write(con):
            store.new_batch(con, "x.csv")
            raise RuntimeError("boom")
    assert con.execute("SELECT count(*) FROM import_batches").fetchone() == (0,)
    assert store.data_version(con) == before


def test_text_file_is_refused_with_one_clear_sentence(tmp_path: Path) -> None:
    path = tmp_path / "notes.ducklake"
    path.write_text("这不是数据库 this is not a database\n" * 10, encoding="utf-8")
    with pytest.raises(store.StoreError, match="is not a store's catalog"):
        store.connect(path)
    assert path.read_text(encoding="utf-8").startswith("这不是数据库")


def test_single_file_duckdb_store_of_earlier_versions_gets_advice(tmp_path: Path) -> None:
    path = tmp_path / "sei.duckdb"
    duckdb.connect(str(path)).execute("CREATE TABLE projects (project_id BIGINT)").close()
    with pytest.raises(store.StoreError, match="backup DIR"):
        store.connect(path)


def test_newer_schema_is_refused(empty_db: Path) -> None:
    con = store.connect(empty_db)
    con.execute("INSERT INTO schema_version (version, name) VALUES (99, 'from the future')")
    con.close()
    with pytest.raises(store.StoreError, match="newer version"):
        store.connect(empty_db)


def test_store_held_open_by_another_process_still_opens_and_reads(demo_db: Path) -> None:
    """The old single-file store refused a second process; the lake lets the app, CLI and notebooks share it."""
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            from dashboard import store
            con = store.connect({str(demo_db)!r})
            con.execute("BEGIN TRANSACTION")
            con.execute("SELECT count(*) FROM projects").fetchall()
            print("ready", flush=True)
            import time; time.sleep(60)
        """)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        con = store.connect(demo_db, read_only=True)
        assert con.execute("SELECT count(*) FROM projects").fetchone()[0] == 3000
        con.close()
    finally:
        holder.kill()
        holder.wait()


BROKEN_WRITES = {
    "project ids are unique": "INSERT INTO projects (project_id, name, province_code, batch_id) "
                              "SELECT project_id, name, province_code, batch_id FROM projects WHERE project_id = 1",
    "investment flows point to stored projects": "INSERT INTO project_investments VALUES (999999999, 2024, 1, 1)",
    "funding rows point to stored projects": "INSERT INTO project_funding VALUES (999999999, 'bank_loans', 5)",
    "project sectors come from the taxonomy": "UPDATE projects SET sector = 'astrology' WHERE project_id = 1",
    "project stages come from the taxonomy": "UPDATE projects SET stage = 'dreaming' WHERE project_id = 1",
    "funding channels come from the taxonomy": "UPDATE project_funding SET source = 'lottery' "
                                               "WHERE project_id = (SELECT min(project_id) FROM project_funding)",
    "cluster tiers come from the taxonomy": "UPDATE clusters SET tier = 'galaxy' WHERE cluster_id = 1",
    "project money is not negative": "UPDATE projects SET total_investment_wan = -1 WHERE project_id = 1",
    "funding amounts are not negative": "UPDATE project_funding SET amount_wan = -3 "
                                        "WHERE project_id = (SELECT min(project_id) FROM project_funding)",
}


@pytest.mark.parametrize("rule", list(BROKEN_WRITES))
def test_a_write_that_breaks_a_rule_is_refused_and_leaves_nothing(demo_db: Path, rule: str) -> None:
    con = store.connect(demo_db)
    before = store.data_version(con)
    with pytest.raises(store.IntegrityError, match=rule):
        with store.write(con):
            con.execute(BROKEN_WRITES[rule])
    assert store.data_version(con) == before
    assert store.check(con) == []


def test_check_command_reports_a_broken_store(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from storekit import run

    # the sound store in-process (dashboard.cli.main); the broken one through the process, its exit status
    code, out, _ = run(capsys, "check", "--db", str(demo_db))
    assert code == 0 and "rules hold" in out
    con = store.connect(demo_db)  # break it the way only code bypassing store.write could
    con.execute(BROKEN_WRITES["project ids are unique"])
    con.execute(BROKEN_WRITES["project money is not negative"])
    con.close()
    bad = subprocess.run([sys.executable, "-m", "dashboard", "check", "--db", str(demo_db)],
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 1
    assert "project ids are unique: 1 row breaks it" in bad.stdout
    assert "project money is not negative: 2 rows break it" in bad.stdout  # the project and its copy


@pytest.mark.parametrize(("value", "threads"), [("3", 3), ("", None)])
def test_duckdb_threads_follow_the_environment(empty_db: Path, monkeypatch: pytest.MonkeyPatch, value: str,
                                               threads: int | None) -> None:
    """SEI_DB_THREADS sets DuckDB's threads of every connection (the suite sets 1); empty: DuckDB's own
    default, a thread per core."""
    import os

    monkeypatch.setenv("SEI_DB_THREADS", value)
    with store.opened(empty_db, read_only=True) as con:
        got = store.scalar(con, "SELECT current_setting('threads')")
    assert got == (threads or os.cpu_count())


@pytest.mark.parametrize(("value", "threads"), [("3", 3), ("", None)])
def test_an_import_runs_duckdb_on_one_thread(empty_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             value: str, threads: int | None) -> None:
    """An import's preview and commit run DuckDB's statements on one thread (engine.one_thread), then the
    connection's database has its configured threads again, also after a block that failed."""
    import os

    from dashboard import ingest

    monkeypatch.setenv("SEI_DB_THREADS", value)
    listed = tmp_path / "list.csv"
    listed.write_text("项目名称,建设地点,总投资（万元）\n某某光伏组件制造基地项目,江苏省苏州市,1000\n",
                      encoding="utf-8")
    configured = threads or os.cpu_count()
    with store.opened(empty_db) as con:
        def setting() -> object:
            with store.cursor(con) as cur:
                return store.scalar(cur, "SELECT current_setting('threads')")

        seen: list[object] = []
        plan = ingest.preview(con, listed, progress=lambda _f, _s: seen.append(setting()))
        assert seen and set(seen) == {1}
        assert setting() == configured
        assert ingest.commit(con, plan).batch_id
        assert setting() == configured
        with pytest.raises(RuntimeError, match="inside"), engine.one_thread(con):
            assert setting() == 1
            raise RuntimeError("inside")
        assert setting() == configured


@pytest.mark.parametrize("value", ["0", "-2", "two", "1.5"])
def test_duckdb_threads_must_be_a_whole_number(empty_db: Path, monkeypatch: pytest.MonkeyPatch,
                                               value: str) -> None:
    monkeypatch.setenv("SEI_DB_THREADS", value)
    with pytest.raises(store.StoreError, match="SEI_DB_THREADS") as exc:
        store.connect(empty_db)
    assert exc.value.code == "threads_invalid" and "SEI_DB_THREADS" in exc.value.message("zh")


def test_an_upgrade_drops_the_empty_inlined_tables_older_schema_versions_left(tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Migration 014 (no column changes): a store migrated before the migrations ended by flushing
    schema_version's inlined rows still holds empty inlined-row tables of older schema versions, which DuckLake
    reads, each with the catalog as of its version, at every table's first read; upgrading drops them and
    keeps every row."""
    import sqlite3

    from dashboard.store import core

    db = tmp_path / "old.ducklake"
    with monkeypatch.context() as m:
        m.setattr(core, "_flush_schema_rows", lambda con, version: None)  # the migrations as they were
        con = engine.open_lake(engine.locate(db))
        core.migrate(con, target=13)
        counts = store.table_counts(con)
        con.close()

    def stale() -> int:
        """Empty inlined-row tables of a schema version older than their table's newest one."""
        cat = sqlite3.connect(db)
        try:
            rows = cat.execute("SELECT table_id, table_name, schema_version FROM ducklake_inlined_data_tables"
                               ).fetchall()
            newest = {}
            for table_id, _, version in rows:
                newest[table_id] = max(version, newest.get(table_id, version))
            return sum(1 for table_id, name, version in rows if version < newest[table_id]
                       and cat.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] == 0)
        finally:
            cat.close()

    before = stale()
    assert before > 0
    con = store.connect(db)  # opening upgrades it: migration 014, then the flush
    try:
        assert 14 in {r[0] for r in con.execute("SELECT version FROM schema_version").fetchall()}
        assert store.table_counts(con) == counts
    finally:
        con.close()
    assert stale() == 0
