"""Several processes on one embedded store at once: the app, command-line imports, notebooks; and an
import killed midway. (Before DuckLake, a second process could not even open the store.)"""

from __future__ import annotations

import fcntl
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pytest
from storekit import ROOT, cli, cli_popen, info_here, run, write_projects_csv
from test_notebooks import NOTEBOOKS, execute

from dashboard import formatting, store
from tests.apptest_helpers import open_page


def shown_projects(at) -> str:  # noqa: ANN001 - an AppTest
    return {m.label: m.value for m in at.metric}["Projects"]


def test_app_shows_an_import_committed_by_another_process_on_its_next_run(
        demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = open_page(demo_db, monkeypatch, "summary", lang="en")
    assert not at.exception and shown_projects(at) == formatting.count(3000, "en")
    importing = cli_popen("import", str(write_projects_csv(tmp_path / "new.csv", 1500, tag="丙")),
                          "--db", str(demo_db), "--lang", "en")
    while importing.poll() is None:  # the app keeps serving pages while the import runs
        at.run()
        assert not at.exception
    out, err = importing.communicate()
    assert importing.returncode == 0, err
    assert "committed" in out.lower() or "batch" in out.lower()
    at.run()  # no restart: the next page run reads the new data version
    assert not at.exception and shown_projects(at) == formatting.count(4500, "en")


def test_a_notebook_runs_while_the_app_and_an_import_run(demo_db: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    at = open_page(demo_db, monkeypatch, "summary", lang="en")
    importing = cli_popen("import", str(write_projects_csv(tmp_path / "big.csv", 20_000, tag="丁")),
                          "--db", str(demo_db))
    nb = execute(NOTEBOOKS[0], demo_db, monkeypatch)
    assert not [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    at.run()
    assert not at.exception
    _, err = importing.communicate(timeout=600)
    assert importing.returncode == 0, err
    assert info_here(capsys, str(demo_db))["counts"]["projects"] == 23_000


def test_a_second_writer_waits_with_a_message_and_then_commits(empty_db: Path, tmp_path: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys
        from dashboard import store
        from dashboard.store import locks
        con = store.connect({str(empty_db)!r})
        with locks.writer_lock(con, what="import"):
            print("holding", flush=True)
            sys.stdin.read()  # until the test lets go
        """)], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "holding", holder.stderr.read()
    importing = cli_popen("import", str(write_projects_csv(tmp_path / "a.csv", 50)), "--db", str(empty_db),
                          "--lang", "en")
    assert importing.stderr.readline().strip() == "waiting for another import to finish…"
    assert importing.poll() is None  # still waiting, not failed
    holder.stdin.close()
    holder.wait(timeout=60)
    out, err = importing.communicate(timeout=300)
    assert importing.returncode == 0, err
    assert "committed as batch 1" in out
    zh = cli("import", str(write_projects_csv(tmp_path / "b.csv", 50, tag="乙")), "--db", str(empty_db))
    assert zh.returncode == 0 and "等待" not in zh.stderr  # nobody else writing: no wait, no message


def _lock_held(lock: Path) -> bool:
    with open(lock, "a+") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(f, fcntl.LOCK_UN)
        return False


@pytest.mark.slow
def test_an_import_killed_midway_leaves_the_store_as_it_was(demo_db: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """The import is a process of its own, killed; the store is then read and checked in-process (the
    command line's main, as `python -m dashboard` runs it), and a new process imports."""
    big = write_projects_csv(tmp_path / "big.csv", 300_000, tag="戊")
    before = info_here(capsys, str(demo_db))
    files = Path(f"{demo_db}.files")
    parquet_before = set(files.rglob("*.parquet"))
    importing = cli_popen("import", str(big), "--db", str(demo_db))
    lock = Path(f"{demo_db}.lock")
    deadline = time.monotonic() + 600
    # midway = inside the write transaction, with some of the batch's data files already written
    while time.monotonic() < deadline and importing.poll() is None:
        if _lock_held(lock) and set(files.rglob("*.parquet")) - parquet_before:
            os.kill(importing.pid, signal.SIGKILL)
            break
        time.sleep(0.005)
    importing.wait(timeout=60)
    assert importing.returncode == -signal.SIGKILL, "the import ended before it could be killed midway"

    after = info_here(capsys, str(demo_db))
    assert after["counts"] == before["counts"] and after["data_version"] == before["data_version"]
    assert run(capsys, "check", "--db", str(demo_db))[0] == 0
    con = store.connect(demo_db, read_only=True)
    assert con.execute("SELECT count(*) FROM projects WHERE name LIKE '戊%'").fetchone()[0] == 0
    con.close()
    done = cli("import", str(write_projects_csv(tmp_path / "next.csv", 100, tag="己")), "--db", str(demo_db))
    assert done.returncode == 0, done.stderr
    assert info_here(capsys, str(demo_db))["counts"]["projects"] == before["counts"]["projects"] + 100
    # the killed import's unfinished files are orphans; maintenance removes them
    orphans = set(files.rglob("*.parquet")) - parquet_before
    assert orphans
    assert run(capsys, "maintain", "--db", str(demo_db))[0] == 0
    assert run(capsys, "check", "--db", str(demo_db))[0] == 0
    assert info_here(capsys, str(demo_db))["counts"]["projects"] == before["counts"]["projects"] + 100


def test_summary_can_be_shown_as_of_an_earlier_import_or_date(demo_db: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    done = cli("import", str(write_projects_csv(tmp_path / "new.csv", 700, tag="庚")), "--db", str(demo_db))
    assert done.returncode == 0, done.stderr
    at = open_page(demo_db, monkeypatch, "summary", lang="en")
    assert shown_projects(at) == formatting.count(3700, "en")
    # the pickers are drawn only once the control is opened (a first page carries no date picker)
    assert not [w for w in (*at.selectbox, *at.date_input) if w.key in ("summary_snapshot", "summary_asof_date")]
    at.session_state["summary_asof"] = True  # the reader opens "Data as of (look back)"
    at.run()
    picker = at.selectbox(key="summary_snapshot")
    labels = list(picker.options)
    assert labels[0] == "Latest data" and "import new.csv (batch 2)" in labels[1] and "demo data added" in labels[2]
    # the picker holds snapshot ids (a language switch keeps the choice): the demo's is the last data change
    # before the import's
    snaps = pd.DataFrame(json.loads(cli("snapshots", "--json", "--db", str(demo_db)).stdout)["snapshots"])
    demo_snapshot = int(snaps[snaps["changes_data"]]["snapshot_id"].iloc[-2])
    picker.set_value(demo_snapshot).run()  # as it was after the demo data, before the import
    assert not at.exception
    assert shown_projects(at) == formatting.count(3000, "en")
    assert any("Showing earlier data" in i.value and "demo data added" in i.value for i in at.info)
    at.session_state["summary_asof"] = False  # closed again: the choice stays in force
    at.run()
    assert not [w for w in at.selectbox if w.key == "summary_snapshot"]
    assert shown_projects(at) == formatting.count(3000, "en")
    at.session_state["summary_asof"] = True
    at.run()
    assert at.selectbox(key="summary_snapshot").value == demo_snapshot
    at.session_state["lang"] = "中文"
    at.run()  # a language switch keeps the earlier data (the picker held its English label, lost in Chinese)
    assert {m.label: m.value for m in at.metric}["项目数"] == formatting.count(3000, "zh")
    at.session_state["lang"] = "English"
    at.run()
    at.session_state["summary_asof"] = True  # the control, relabelled, was drawn closed
    at.run()
    at.selectbox(key="summary_snapshot").set_value(-1).run()  # the latest data again
    # Two days back: the session's demo store may have been made yesterday (a run across midnight UTC)
    before = (pd.Timestamp.now(tz="UTC") - pd.Timedelta(days=2)).date()
    at.date_input(key="summary_asof_date").set_value(before).run()
    assert shown_projects(at) == formatting.count(3700, "en")  # nothing stored then: the latest, with a warning
    assert any("Nothing was stored" in w.value for w in at.warning)
