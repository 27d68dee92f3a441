"""The benchmark command runs end to end on a tiny store and prints the object issue 10 specifies."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import copy_store

from dashboard import bench, cli, store


@pytest.mark.slow
def test_bench_json_has_the_issue_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "bench.ducklake"
    code = cli.main(["bench", "--db", str(db), "--only", "import", "--rows", "300", "--repeat", "1", "--json"])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) >= {"projects", "pages", "slowest_page_ms", "first_page_ms", "rss_mb", "import"}
    assert out["import"]["rows"] == 300
    assert out["import"]["seconds"] > 0 and out["import"]["ratio"] > 0
    assert out["pages"] == {} and out["first_page_ms"] is None
    assert len(out["speed_probe_ms"]) == 2 and all(ms > 0 for ms in out["speed_probe_ms"])  # start, end
    assert not db.exists()  # the import alone goes into a fresh store; the large one is not built


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, int]:
    """The module's one bench store at demo scale 0.05 (building it costs ~3 CPU-s; it was built three
    times): (catalog, data folder elsewhere, projects), as the first ``ensure_store`` with a data path
    made it. The tests that need a store use a copy of it (:func:`bench_copy`)."""
    folder = tmp_path_factory.mktemp("bench")
    db, files = folder / "bench.ducklake", folder / "elsewhere"
    return db, files, bench.ensure_store(str(db), 0.05, data_path=str(files))


def bench_copy(built: tuple[Path, Path, int], tmp_path: Path) -> str:
    """A private copy of the module's bench store, its data files in ``<copy>.files/`` (the default)."""
    db, files, _ = built
    return str(copy_store(db, tmp_path / "bench.ducklake", files=files))


def test_bench_store_is_built_once_where_db_and_data_path_say(built: tuple[Path, Path, int]) -> None:
    db, files, projects = built  # the fixture's ensure_store built it, with --data-path elsewhere
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


@pytest.mark.slow
@pytest.mark.skipif(not bench.CHROMIUM.exists(), reason="needs Debian's Chromium")
def test_each_cold_start_is_timed_without_a_landing_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        built: tuple[Path, Path, int]) -> None:
    """The first page is timed over several cold starts, each in a new browser profile and with no landing
    file of the store left from before (each start is the first after a data change); the median counts."""
    from dashboard import appdb

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    db = bench_copy(built, tmp_path)
    projects = bench.ensure_store(db, 0.05)
    assert projects == built[2]  # the copy holds the built store's projects; not built again
    landing = appdb.landing_path(appdb.db_key(store.engine.locate(db)))
    landing.parent.mkdir(parents=True)
    landing.write_bytes(b"kept by an earlier start")
    figures = bench.Figures(projects=projects, db=db)
    bench.bench_server(db, figures, [], starts=2)
    assert len(figures.first_page_runs) == 2
    assert all(ms > 0 and cpu > 0 for ms, cpu in figures.first_page_runs)
    assert figures.first_page_ms == pytest.approx(sum(ms for ms, _ in figures.first_page_runs) / 2)
    assert not landing.exists() or landing.read_bytes() != b"kept by an earlier start"
    assert figures.rss_mb is None  # no page visited: memory is read after every page only
    out = figures.as_json()
    assert out["first_page_runs_ms"] == [round(ms) for ms, _ in figures.first_page_runs]
    assert "median of 2" in bench.table(figures)


@pytest.mark.slow
def test_the_page_runs_print_figures_not_streamlit_bare_mode_warnings(tmp_path: Path,
                                                                     built: tuple[Path, Path, int]) -> None:
    """Each AppTest run made Streamlit warn twice that no server was around it (true of a bench by design):
    two pages' figures came with a dozen such lines between them on stderr."""
    db = bench_copy(built, tmp_path)
    assert bench.ensure_store(db, 0.05) == built[2]
    run = subprocess.run([sys.executable, "-m", "dashboard", "bench", "--db", str(db), "--only", "pages",
                          "--repeat", "1"], capture_output=True, text=True, timeout=600, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "summary   queries" in run.stderr and "audit     queries" in run.stderr
    assert "ScriptRunContext" not in run.stderr and "No runtime found" not in run.stderr, run.stderr[-2000:]


def test_forgetting_the_landing_file_prints_no_bare_mode_warning(tmp_path: Path) -> None:
    """The cold starts begin by removing the landing file, which imported the app's cached functions with no
    page run around them: two "No runtime found" lines came before the first figure."""
    code = ("import sys; from dashboard import bench; bench._forget_landing(sys.argv[1]); "
            "print('ok', file=sys.stderr)")
    run = subprocess.run([sys.executable, "-c", code, str(tmp_path / "none.ducklake")], capture_output=True,
                         text=True, timeout=120, check=False)
    assert run.returncode == 0 and run.stderr.strip() == "ok", run.stderr[-2000:]
