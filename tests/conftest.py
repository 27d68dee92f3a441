"""Shared fixtures: real stores (DuckLake, SQLite catalog) in temporary folders, never mocks."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from importkit import note_copy

from dashboard import demo, store
from dashboard.ingest import places

# One DuckDB thread per process (dashboard.store.engine.threads), here and in every process the tests start
# (the CLI, the app's servers inherit it): the suite runs a process per core, and DuckDB's default of a
# thread per core in each of them spent ~30% more CPU on the same work, the threads waiting for each other
# (a store's fingerprint: 1.5 -> 0.43 CPU-s). `SEI_DB_THREADS= pytest ...` runs them with DuckDB's default.
os.environ.setdefault("SEI_DB_THREADS", "1")

def copy_store(src: Path, dst: Path, files: Path | None = None) -> Path:
    """Copy an embedded store (catalog file + data folder) and point the copy at its own data folder.

    DuckLake keeps data file paths relative to the catalog's data path, so only that one entry changes.
    ``files``: the source's data folder when not ``<src>.files`` (a store made with a data path elsewhere).
    """
    shutil.copy(src, dst)
    shutil.copytree(files or f"{src}.files", f"{dst}.files")
    with sqlite3.connect(dst) as cat:
        cat.execute("UPDATE ducklake_metadata SET value = ? WHERE key = 'data_path'", [f"{dst}.files/"])
    cat.close()
    note_copy(src, dst)  # the copy holds what the source holds (importkit.file_state reads it once)
    return dst


@pytest.fixture(scope="session")
def demo_db_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo store built once per test session; copy it before writing (see ``demo_db``)."""
    path = tmp_path_factory.mktemp("template") / "demo.ducklake"
    con = store.connect(path)
    demo.generate(con)
    con.close()
    return path


@pytest.fixture
def demo_db(demo_db_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo store that a test may change."""
    return copy_store(demo_db_template, tmp_path / "demo.ducklake")


@pytest.fixture(scope="session")
def empty_db_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated store with reference data and no projects, built once per test session (creating one
    costs more than a second of CPU: migrations, regions, targets, public lists); copy it before use."""
    path = tmp_path_factory.mktemp("template") / "empty.ducklake"
    store.connect(path).close()
    return path


@pytest.fixture
def empty_db(empty_db_template: Path, tmp_path: Path) -> Path:
    """A fresh, migrated store with reference data and no projects: a private copy of the template.

    Creating a store from nothing is tested where it matters (tests/test_store.py, test_store_lake.py).
    """
    return copy_store(empty_db_template, tmp_path / "empty.ducklake")


@pytest.fixture(scope="session")
def pg_server():
    """A throwaway PostgreSQL server for the whole session (see tests/pgserver.py); stopped at the end.

    Skipped where PostgreSQL is not installed, except under .ci/run (``SEI_REQUIRE_POSTGRES=1``), which
    installs it.
    """
    import pgserver

    if pgserver.pg_bin() is None:
        if os.environ.get("SEI_REQUIRE_POSTGRES") or os.environ.get("CI"):
            pytest.fail("PostgreSQL is not installed; .ci/run installs Debian's postgresql")
        pytest.skip("PostgreSQL is not installed (Debian package 'postgresql')")
    server = pgserver.start()
    yield server
    server.stop()


_pg_count = 0


@pytest.fixture(params=["embedded", "postgres"])
def new_store(request: pytest.FixtureRequest, tmp_path: Path):
    """A function giving (db, data_path) of a new, not yet created store: an embedded one, or a shared one
    on the throwaway PostgreSQL with a folder as its data path (as a shared folder would be)."""
    made = iter(range(100))

    def make() -> tuple[str, str | None]:
        global _pg_count
        n = next(made)
        if request.param == "embedded":
            return str(tmp_path / f"store{n}.ducklake"), None
        server = request.getfixturevalue("pg_server")
        _pg_count += 1
        url = server.createdb(f"sei_{_pg_count}")
        folder = tmp_path / f"shared{n}"
        folder.mkdir()
        return url, str(folder)

    make.kind = request.param
    return make


@pytest.fixture
def con(empty_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """An open connection to ``empty_db``, closed after the test."""
    with store.opened(empty_db) as c:
        yield c


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Run the longest modules first: those driving a browser, then those with tests marked ``slow``, then
    the rest by number of tests. Spread over workers a whole module at a time (pyproject's addopts), a
    long module started last would leave the other cores idle while it runs."""
    modules: dict[str, list[pytest.Item]] = {}
    for item in items:
        modules.setdefault(item.nodeid.split("::")[0], []).append(item)

    def rank(tests: list[pytest.Item]) -> tuple[int, int]:
        marks = {m.name for t in tests for m in t.iter_markers()}
        return (0 if "e2e" in marks else 1 if "slow" in marks else 2, -len(tests))

    items[:] = [t for name in sorted(modules, key=lambda n: rank(modules[n])) for t in modules[name]]


@pytest.fixture(autouse=True, scope="session")
def _own_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The app keeps the landing page's results in the user's cache folder: the tests (and the servers
    they start) keep theirs in a temporary one."""
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if before is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = before


@pytest.fixture(scope="module")
def place_index(empty_db_template: Path) -> places.PlaceIndex:
    """The place index a new store loads (regions, English names, abbreviations): read from the session's
    empty store, not a store created per module (2.5 s of CPU each)."""
    con = store.connect(empty_db_template, read_only=True)
    try:
        return places.PlaceIndex.load(con)
    finally:
        con.close()
