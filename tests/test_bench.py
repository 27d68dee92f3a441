"""The benchmark command runs end to end on a tiny store and prints the object issue 10 specifies."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dashboard import bench, cli, store


def test_bench_json_has_the_issue_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "bench.ducklake"
    code = cli.main(["bench", "--db", str(db), "--only", "import", "--rows", "300", "--repeat", "1", "--json"])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) >= {"projects", "pages", "slowest_page_ms", "first_page_ms", "rss_mb", "import"}
    assert out["import"]["rows"] == 300
    assert out["import"]["seconds"] > 0 and out["import"]["ratio"] > 0
    assert out["pages"] == {} and out["first_page_ms"] is None
    assert not db.exists()  # the import alone goes into a fresh store; the large one is not built


def test_bench_store_is_built_once_where_db_and_data_path_say(tmp_path: Path) -> None:
    db, files = tmp_path / "bench.ducklake", tmp_path / "elsewhere"
    projects = bench.ensure_store(str(db), 0.05, data_path=str(files))
    assert projects > 0
    assert any(files.rglob("*.parquet"))  # the data files went to --data-path
    assert bench.ensure_store(str(db), 0.05) == projects  # reused, not built again
    with store.opened(db) as con:
        assert store.location(con)["data_path"].rstrip("/") == str(files)


def test_the_browser_settles_before_the_clock_starts() -> None:
    """The first-page clock starts only once the processes this one started are quiet: a busy child is
    waited for (up to the limit), an idle one is not, and grandchildren count."""
    from dashboard.bench import _descendants, _settle_browser

    busy = subprocess.Popen([sys.executable, "-c", "import subprocess, sys, time; "
                             "subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(30)']); "
                             "end = time.time() + 1.5\nwhile time.time() < end: pass\ntime.sleep(30)"])
    try:
        time.sleep(0.3)
        started = time.monotonic()
        _settle_browser(quiet_cpu_s=0.01, every_s=0.5, limit_s=10)
        assert time.monotonic() - started >= 0.8  # it waited for the busy second to pass
        assert busy.pid in _descendants(os.getpid())
        assert len([p for p in _descendants(os.getpid()) if p != busy.pid]) >= 1  # its child too
        started = time.monotonic()
        _settle_browser(quiet_cpu_s=0.01, every_s=0.5, limit_s=10)
        assert time.monotonic() - started < 5  # idle now: a look or two
    finally:
        for pid in _descendants(busy.pid):
            os.kill(pid, 9)
        busy.kill()
        busy.wait()
