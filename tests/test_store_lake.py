"""The DuckLake store on both catalogs (embedded SQLite, shared PostgreSQL): several processes at once,
snapshots, maintenance, backup/restore/export, and the offline engine settings."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pandas as pd
import pytest
from conftest import copy_store
from storekit import cli, cli_args, cli_popen, info_here, run, write_projects_csv

from dashboard import store
from dashboard.store import engine


def test_engine_loads_extensions_from_the_wheels_and_never_downloads(tmp_path: Path) -> None:
    con = store.connect(tmp_path / "x.ducklake")
    settings = dict(con.execute(
        "SELECT name, value FROM duckdb_settings() WHERE name IN ('autoinstall_known_extensions', "
        "'allow_unsigned_extensions', 'extension_directory')").fetchall())
    assert settings["autoinstall_known_extensions"] == "false"
    assert settings["allow_unsigned_extensions"] == "false"
    assert settings["extension_directory"] == str(engine.extension_directory())
    sources = dict(con.execute("SELECT extension_name, installed_from FROM duckdb_extensions() "
                               "WHERE extension_name IN ('ducklake', 'sqlite_scanner', 'postgres_scanner', "
                               "'httpfs')").fetchall())
    assert len(sources) == 4
    assert all("site-packages/duckdb_extension_" in src for src in sources.values()), sources


def test_shared_store_url_becomes_a_libpq_string_without_showing_the_password() -> None:
    loc = engine.locate("postgresql://sei:s3cret@db1.example:5433/sei?sslmode=require", "s3://bucket/sei")
    assert loc.kind == "shared" and loc.data_path == "s3://bucket/sei/"
    assert loc.uri == ("ducklake:postgres:dbname=sei host=db1.example port=5433 user=sei password=s3cret "
                       "sslmode=require")
    assert "s3cret" not in loc.display


def test_s3_credentials_come_from_the_usual_aws_variables_or_files(tmp_path: Path) -> None:
    assert engine.s3_secret_sql({"HOME": str(tmp_path), "AWS_SHARED_CREDENTIALS_FILE": str(tmp_path / "none"),
                                 "AWS_CONFIG_FILE": str(tmp_path / "none")}) is None
    sql = engine.s3_secret_sql({"AWS_ACCESS_KEY_ID": "AKIA1", "AWS_SECRET_ACCESS_KEY": "x'y",
                                "AWS_REGION": "cn-north-1",
                                "AWS_ENDPOINT_URL": "http://minio.local:9000",
                                "AWS_SHARED_CREDENTIALS_FILE": str(tmp_path / "none"),
                                "AWS_CONFIG_FILE": str(tmp_path / "none")})
    assert "KEY_ID 'AKIA1'" in sql and "SECRET 'x''y'" in sql and "REGION 'cn-north-1'" in sql
    assert "ENDPOINT 'minio.local:9000'" in sql and "USE_SSL false" in sql and "URL_STYLE 'path'" in sql
    creds = tmp_path / "credentials"
    creds.write_text("[team]\naws_access_key_id = AKIA2\naws_secret_access_key = zzz\n")
    conf = tmp_path / "config"
    conf.write_text("[profile team]\nregion = cn-northwest-1\n")
    sql = engine.s3_secret_sql({"AWS_PROFILE": "team", "AWS_SHARED_CREDENTIALS_FILE": str(creds),
                                "AWS_CONFIG_FILE": str(conf)})
    assert "KEY_ID 'AKIA2'" in sql and "REGION 'cn-northwest-1'" in sql
    # DuckDB accepts the statement as it is written
    con = store.connect(tmp_path / "x.ducklake")
    con.execute(sql)
    assert con.execute("SELECT count(*) FROM duckdb_secrets() WHERE name = 'sei_s3'").fetchone()[0] == 1


def new_empty_store(new_store, empty_db_template: Path) -> tuple[str, str | None]:
    """A new store with no projects: for an embedded one a copy of the session's empty store (creating one
    costs ~5 CPU-s; test_init_info_and_check_on_either_catalog creates one by `init`), a shared one made by
    `init` in-process."""
    db, data_path = new_store()
    if new_store.kind == "embedded":
        copy_store(empty_db_template, Path(db))
    else:
        from dashboard.cli import main

        assert main(["init", *cli_args(db, data_path)]) == 0
    return db, data_path


def test_init_info_and_check_on_either_catalog(new_store, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db, data_path = new_store()
    done = cli("init", "--demo", *cli_args(db, data_path))  # a process of its own, as a user runs it
    assert done.returncode == 0, done.stderr
    got = info_here(capsys, db, data_path)
    assert got["schema_version"] == store.LATEST_VERSION and got["demo"] is True
    assert got["store"]["kind"] == ("embedded" if new_store.kind == "embedded" else "shared")
    assert got["store"]["data_path"].rstrip("/") == (data_path or f"{db}.files").rstrip("/")
    assert got["counts"]["projects"] == 3000 and got["counts"]["import_batches"] == 1
    assert set(got["counts"]) >= {"projects", "project_investments", "project_funding", "clusters", "import_batches"}
    if data_path:  # the data files are in the shared folder
        assert list(Path(data_path).rglob("*.parquet"))
    code, out, _ = run(capsys, "check", *cli_args(db, data_path))
    assert code == 0 and "rules hold" in out


@pytest.mark.slow
def test_two_imports_at_once_both_commit(new_store, empty_db_template: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    db, data_path = new_empty_store(new_store, empty_db_template)
    files = [write_projects_csv(tmp_path / f"{tag}.csv", 2000, tag=tag, seed=i) for i, tag in enumerate("甲乙")]
    procs = [cli_popen("import", str(f), "--json", *cli_args(db, data_path)) for f in files]
    outs = [p.communicate(timeout=300) for p in procs]
    for p, (out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err
    batches = sorted(json.loads(out)["batch_id"] for out, _ in outs)
    assert batches == [1, 2]
    got = info_here(capsys, db, data_path)
    assert got["counts"]["projects"] == 4000 and got["counts"]["import_batches"] == 2
    assert run(capsys, "check", *cli_args(db, data_path))[0] == 0


def test_snapshots_time_travel_and_revert_as_a_new_snapshot(new_store, empty_db_template: Path, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    db, data_path = new_empty_store(new_store, empty_db_template)
    con = store.connect(db, data_path=data_path)
    from dashboard import ingest

    plan = ingest.preview(con, write_projects_csv(tmp_path / "a.csv", 300, tag="甲"))
    first = ingest.commit(con, plan).batch_id
    after_first = engine.snapshot_id(con)
    plan = ingest.preview(con, write_projects_csv(tmp_path / "b.csv", 200, tag="乙"))
    second = ingest.commit(con, plan).batch_id
    ingest.revert(con, second)
    snaps = store.snapshots(con)
    assert list(snaps["commit_message"].tail(3)) == ["import a.csv", "import b.csv", f"revert batch {second}"]
    assert store.snapshot_for(con, batch=first) == after_first
    # the store as it was after the first import, and as it is after the revert
    old = store.snapshot_cursor(con, store.snapshot_for(con, batch=second))
    assert old.execute("SELECT count(*) FROM projects").fetchone()[0] == 500
    assert con.execute("SELECT count(*) FROM projects").fetchone()[0] == 300
    by_date = store.snapshot_for(con, when=pd.Timestamp.now(tz="UTC").date().isoformat())
    assert by_date == engine.snapshot_id(con)
    with pytest.raises(store.StoreError, match="no snapshot"):
        store.snapshot_for(con, when="2001-01-01")
    code, out, err = run(capsys, "snapshots", "--json", *cli_args(db, data_path))
    assert code == 0, err
    listed = json.loads(out)["snapshots"]
    assert [s["batch_id"] for s in listed if s["commit_message"] == "import b.csv"] == [second]


@pytest.mark.slow
def test_maintain_merges_small_files_and_expires_old_snapshots(new_store, empty_db_template: Path,
                                                               tmp_path: Path) -> None:
    db, data_path = new_empty_store(new_store, empty_db_template)
    con = store.connect(db, data_path=data_path)
    from dashboard import ingest

    for i in range(6):
        ingest.commit(con, ingest.preview(con, write_projects_csv(tmp_path / f"{i}.csv", 50, tag=f"批{i}", seed=i)))
    before = store.file_stats(con)
    kept = len(store.snapshots(con))
    counts = store.table_counts(con)
    report = store.maintain(con, keep_days=None)
    assert report["before"] == before
    assert report["after"]["live_files"] < before["live_files"]
    assert len(store.snapshots(con)) >= kept  # keep all: no snapshot expired
    time.sleep(1.2)
    done = cli("maintain", "--keep-days", "0.00001", *cli_args(db, data_path))
    assert done.returncode == 0, done.stderr
    assert "→" in done.stdout
    assert len(store.snapshots(con)) < kept
    assert store.table_counts(con) == counts and store.check(con) == []


def test_backup_then_restore_into_the_other_kind_of_store(new_store, demo_db: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """Embedded → shared is a backup and a restore; restore also rebuilds an embedded store."""
    folder = tmp_path / "backup"
    done = cli("backup", str(folder), "--db", str(demo_db))  # a process of its own; the rest in-process
    assert done.returncode == 0, done.stderr
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["schema_version"] == store.LATEST_VERSION
    assert manifest["tables"]["projects"]["rows"] == 3000 and len(manifest["tables"]["projects"]["sha256"]) == 64
    db, data_path = new_store()
    code, out, err = run(capsys, "restore", str(folder), *cli_args(db, data_path))
    assert code == 0, out + err
    assert run(capsys, "check", *cli_args(db, data_path))[0] == 0
    src = store.connect(demo_db, read_only=True)
    dst = store.connect(db, data_path=data_path, read_only=True)
    for table in ("projects", "project_funding", "clusters", "import_batches", "regions"):
        q = f"SELECT count(*), sum(hash(t)) FROM {table} t"
        assert src.execute(q).fetchone() == dst.execute(q).fetchone(), table
    # a second restore into a store with data is refused; a damaged backup is refused before anything
    assert run(capsys, "restore", str(folder), *cli_args(db, data_path))[0] == 1
    (folder / "projects.parquet").write_bytes(b"PAR1 not really")
    code, _, err = run(capsys, "restore", str(folder), "--db", str(tmp_path / "other.ducklake"))
    assert code == 1 and "checksum" in err and not (tmp_path / "other.ducklake").exists()


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".xlsx"])
def test_export_one_table(demo_db: Path, tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"batches{suffix}"
    code, _, err = run(capsys, "export", "--table", "import_batches", "-o", str(out), "--db", str(demo_db))
    assert code == 0, err
    frame = {".parquet": pd.read_parquet, ".csv": pd.read_csv, ".xlsx": pd.read_excel}[suffix](out)
    assert len(frame) == 1 and frame["file_name"].iloc[0].startswith("演示数据")
    if suffix == ".csv":  # the table is looked up the same way whatever the format: asked once, not per format
        code, _, err = run(capsys, "export", "--table", "projects; DROP TABLE projects", "-o", str(out),
                           "--db", str(demo_db))
        assert code == 1 and "no table" in err
