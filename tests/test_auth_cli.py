"""``python -m dashboard users …`` and ``audit``: passwords from stdin, never printed; every change audited
under the operating-system user."""

from __future__ import annotations

import getpass
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dashboard", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, input=stdin, env={**os.environ})


@pytest.fixture
def here(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """:func:`cli` in-process: dashboard.cli's main (what `python -m dashboard` calls) with ``stdin`` as its
    standard input; the same exit status, stdout and stderr. Each test runs one command as a process."""
    from dashboard.cli import main

    def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        capsys.readouterr()
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse's usage errors
            code = exc.code
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(list(args), code, out, err)

    return run


@pytest.mark.slow
def test_users_lifecycle_and_audit(empty_db: Path, here) -> None:  # noqa: ANN001
    db = ["--db", str(empty_db)]
    assert "single-user mode" in here("users", "list", *db).stdout
    added = cli("users", "add", "wang", "--role", "admin", *db, stdin="first-admin-pw\n")  # a process
    assert "first-admin-pw" not in added.stdout + added.stderr
    assert added.returncode == 0, added.stderr
    added = here("users", "add", "li", "--role", "analyst", "--province", "32", "--province", "330000",
                "--email", "li@example.org", *db, stdin="analyst-pass\n")
    assert added.returncode == 0 and "320000,330000" in added.stdout
    listing = json.loads(here("users", "list", "--json", *db).stdout)["users"]
    assert [(u["username"], u["role"], u["provinces"]) for u in listing] == [
        ("li", "analyst", ["320000", "330000"]), ("wang", "admin", [])]
    assert "analyst-pass" not in json.dumps(listing) and "argon2" not in json.dumps(listing)
    assert here("users", "set-role", "li", "steward", *db).returncode == 0
    assert here("users", "disable", "li", *db).returncode == 0
    assert here("users", "reset-password", "li", *db, stdin="another-pass\n").returncode == 0
    # refusals: one sentence, exit 1, nothing changed
    for args, stdin, message in [
        (("users", "add", "li", "--role", "viewer"), "whatever-pass\n", "exists already"),
        (("users", "add", "zhao", "--role", "boss"), "whatever-pass\n", "unknown role"),
        (("users", "add", "zhao", "--role", "viewer", "--province", "999999"), "whatever-pass\n", "province"),
        (("users", "add", "zhao", "--role", "viewer"), "short\n", "at least 8"),
        (("users", "disable", "wang"), "", "last active admin"),
        (("users", "set-role", "nobody", "viewer"), "", "no account"),
    ]:
        done = here(*args, *db, stdin=stdin)
        assert done.returncode == 1 and message in done.stderr, (args, done.stderr)
        assert "Traceback" not in done.stderr
    events = json.loads(here("audit", "--json", *db).stdout)["events"]
    assert [e["action"] for e in events] == ["user_add", "user_add", "user_set_role", "user_disable",
                                             "user_reset_password"]
    me = getpass.getuser()
    assert {e["actor"] for e in events} == {me} and {e["via"] for e in events} == {"cli"}
    assert events[2]["detail"] == {"user": "li", "role_before": "analyst", "role": "steward"}
    text = here("audit", "--since", "2000-01-01", *db).stdout
    assert "whatever-pass" not in text and "another-pass" not in text and "user_disable" in text
    assert here("audit", "--since", "yesterday", *db).returncode == 2


def test_cli_import_and_revert_are_audited_under_the_os_user(empty_db: Path, tmp_path: Path,
                                                             here) -> None:  # noqa: ANN001
    csv = tmp_path / "江苏.csv"
    csv.write_text("项目名称,建设地点,总投资（万元）,开工年份\n苏州芯片封装测试基地,江苏省苏州市,120000,2023\n",
                   encoding="utf-8")
    db = ["--db", str(empty_db)]
    done = cli("import", str(csv), *db)
    assert done.returncode == 0, done.stderr
    assert here("revert", "1", *db).returncode == 0
    assert here("targets", "--year", "2027", *db).returncode == 0
    events = json.loads(here("audit", "--json", *db).stdout)["events"]
    assert [(e["action"], e["actor"]) for e in events] == [
        ("import", getpass.getuser()), ("revert", getpass.getuser()), ("targets", getpass.getuser())]
    assert events[0]["detail"]["file"] == "江苏.csv" and events[0]["detail"]["rows_imported"] == 1
