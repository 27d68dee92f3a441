"""The command line as other tools call it: output, exit status, one clear sentence on failure."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dashboard", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, env={**os.environ, **(env or {})})


def test_init_demo_then_info(tmp_path: Path) -> None:
    db = tmp_path / "x.ducklake"
    done = cli("init", "--demo", "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert "3,000 projects" in done.stdout
    info = cli("info", "--db", str(db))
    assert info.returncode == 0, info.stderr
    lines = dict(line.split(None, 1) for line in info.stdout.splitlines() if line.strip())
    assert lines["projects"].strip() == "3,000"
    assert lines["targets"].strip() == "3"
    assert lines["demo"].startswith("data       yes")
    again = cli("init", "--demo", "--db", str(db))
    assert again.returncode == 0 and "already present" in again.stdout


def test_sei_db_environment_variable_names_the_store(tmp_path: Path) -> None:
    db = tmp_path / "env.ducklake"
    assert cli("init", env={"SEI_DB": str(db)}).returncode == 0
    assert db.exists()
    info = cli("info", env={"SEI_DB": str(db)})
    assert info.returncode == 0 and str(db) in info.stdout and "demo data       no" in info.stdout


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert cli().returncode == 2
    assert cli("init", "--scale", "-3", "--db", str(tmp_path / "a.ducklake")).returncode == 2
    assert cli("frobnicate").returncode == 2


def test_not_a_database_is_one_clear_sentence(tmp_path: Path) -> None:
    bad = tmp_path / "notes.ducklake"
    bad.write_text("name,amount\n项目,1\n", encoding="utf-8")
    for command in ("init", "info"):
        done = cli(command, "--db", str(bad))
        assert done.returncode == 1
        assert "Traceback" not in done.stderr
        assert done.stderr.strip().count("\n") == 0
        assert "is not a store's catalog" in done.stderr and str(bad) in done.stderr
    assert bad.read_text(encoding="utf-8") == "name,amount\n项目,1\n"


def test_missing_file_and_missing_folder(tmp_path: Path) -> None:
    done = cli("info", "--db", str(tmp_path / "nope.ducklake"))
    assert done.returncode == 1 and "does not exist" in done.stderr
    done = cli("init", "--db", str(tmp_path / "no" / "such" / "x.ducklake"))
    assert done.returncode == 1 and "does not exist" in done.stderr and "Traceback" not in done.stderr


def test_target_year_can_be_changed(tmp_path: Path) -> None:
    db = tmp_path / "t.ducklake"
    shown = cli("targets", "--db", str(db))
    assert shown.returncode == 0
    assert "cluster      100  (clause （九）)  target year 2025: assumed by this tool" in shown.stdout
    assert "sets no deadline" in shown.stdout
    changed = cli("targets", "--db", str(db), "--year", "2027", "--tier", "ecosystem")
    assert changed.returncode == 0
    assert "ecosystem  1,000  (clause （九）)  target year 2027" in changed.stdout
    assert "cluster      100  (clause （九）)  target year 2025" in changed.stdout
    refused = cli("targets", "--db", str(db), "--year", "1999")
    assert refused.returncode == 1 and "out of range" in refused.stderr


def test_help_has_examples(capsys: pytest.CaptureFixture[str]) -> None:
    """The first command's help as a process prints it; the others' through the same entry point in-process
    (dashboard.cli's main, which `python -m dashboard` calls): a process start-up costs ~1.5 CPU-s each."""
    from dashboard.cli import main

    done = cli("init", "--help")
    assert done.returncode == 0 and "examples:" in done.stdout
    assert "--db" in done.stdout and "--data-path" in done.stdout
    for command in ("init", "info", "targets", "import", "batches", "revert", "check", "snapshots", "maintain",
                    "backup", "restore", "export"):
        with pytest.raises(SystemExit) as exited:
            main([command, "--help"])
        out = capsys.readouterr().out
        assert exited.value.code == 0 and "examples:" in out
        assert "--db" in out and "--data-path" in out, command
