"""Shared fixtures: real DuckDB files in temporary folders, never mocks."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from dashboard import demo, store


@pytest.fixture(scope="session")
def demo_db_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo store built once per test session; copy it before writing (see ``demo_db``)."""
    path = tmp_path_factory.mktemp("template") / "demo.duckdb"
    con = store.connect(path)
    demo.generate(con)
    con.close()
    return path


@pytest.fixture
def demo_db(demo_db_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo store that a test may change."""
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_db_template, path)
    return path


@pytest.fixture
def empty_db(tmp_path: Path) -> Path:
    """A fresh, migrated store with reference data and no projects."""
    path = tmp_path / "empty.duckdb"
    store.connect(path).close()
    return path


@pytest.fixture
def con(empty_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """An open connection to ``empty_db``, closed after the test."""
    with store.opened(empty_db) as c:
        yield c
