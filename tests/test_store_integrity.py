"""The integrity rules in a write that names its scope (an import): its rows are checked against the
whole store, the rest of the store is left to ``check``."""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path

import numpy as np
import pytest
from storekit import write_projects_csv

from dashboard import store
from dashboard.store.integrity import Scope


def _new_project(con: store.Connection, project_id: int, batch_id: int = 1) -> None:
    con.execute("INSERT INTO projects (project_id, name, province_code, batch_id) VALUES (?, '新项目', '320000', ?)",
                [project_id, batch_id])


@pytest.mark.parametrize(("rule", "sql"), [
    ("project ids are unique", None),
    ("funding rows point to stored projects", "INSERT INTO project_funding VALUES ({gone}, 'bank_loans', 5)"),
    ("investment flows point to stored projects", "INSERT INTO project_investments VALUES ({gone}, 2024, 1, 1)"),
    ("funding channels come from the taxonomy", "INSERT INTO project_funding VALUES ({new}, 'lottery', 5)"),
    ("project stages come from the taxonomy", "UPDATE projects SET stage = 'dreaming' WHERE project_id = {new}"),
    ("project money is not negative", "UPDATE projects SET total_investment_wan = -1 WHERE project_id = {new}"),
    ("projects belong to an import batch", "UPDATE projects SET batch_id = 999 WHERE project_id = {new}"),
])
def test_a_scoped_write_that_breaks_a_rule_in_its_rows_is_refused(demo_db: Path, rule: str, sql: str | None) -> None:
    con = store.connect(demo_db)
    before = store.table_counts(con)
    top = int(store.scalar(con, "SELECT max(project_id) FROM projects"))
    new, gone = top + 1, top + 2
    scope = Scope()
    with pytest.raises(store.IntegrityError, match=rule):
        with store.write(con, scope=scope):
            _new_project(con, new)
            if sql is None:  # a second project with a stored project's id
                _new_project(con, 1)
                scope.project_ids = np.array([new, 1])
            else:
                con.execute(sql.format(new=new, gone=gone))
                scope.project_ids = np.array([new, gone])
    assert store.table_counts(con) == before
    assert store.check(con) == []
    con.close()


def test_scoped_writes_check_their_rows_and_check_still_sees_the_whole_store(demo_db: Path) -> None:
    con = store.connect(demo_db)
    # Broken the way only code bypassing store.write could, in rows no later write touches.
    con.execute("UPDATE projects SET total_investment_wan = -1 WHERE project_id = 1")
    top = int(store.scalar(con, "SELECT max(project_id) FROM projects"))
    scope = Scope()
    with store.write(con, scope=scope):
        _new_project(con, top + 1)
        scope.project_ids = np.array([top + 1])
    assert store.scalar(con, "SELECT count(*) FROM projects WHERE project_id = ?", [top + 1]) == 1
    assert store.check(con) == ["project money is not negative: 1 row breaks it"]
    with pytest.raises(store.IntegrityError, match="project money is not negative"):
        with store.write(con):  # a write without a scope checks everything
            _new_project(con, top + 2)
    con.close()


def test_an_import_checks_its_batch_and_leaves_a_store_check_passes(empty_db: Path, tmp_path: Path) -> None:
    from dashboard.ingest import commit, preview

    con = store.connect(empty_db)
    for tag in ("甲", "乙"):
        result = commit(con, preview(con, write_projects_csv(tmp_path / f"{tag}.csv", 200, tag=tag)))
        assert result.batch_id and result.rows_imported == 200
    again = commit(con, preview(con, tmp_path / "甲.csv"), force=True)
    # the same projects again: matched in place, none changed (rows_updated counts only rows that change)
    assert (again.rows_updated, again.rows_unchanged) == (0, 200)
    assert store.scalar(con, "SELECT count(*) FROM projects") == 400
    assert store.check(con) == []
    con.close()


def test_an_import_like_write_checks_cluster_ids_against_the_tiers_it_read(demo_db: Path) -> None:
    """A write whose scope leaves clusters out and whose rollups are kept incrementally (an import)
    reads the clusters' tiers once and checks its projects' cluster ids against that table: a project
    pointing to no stored cluster is still refused, one pointing to a stored cluster is kept."""
    con = store.connect(demo_db)
    top = int(store.scalar(con, "SELECT max(project_id) FROM projects"))
    cluster = int(store.scalar(con, "SELECT min(cluster_id) FROM clusters"))
    before = store.table_counts(con)
    for cluster_id in (999_999, cluster):
        scope = Scope()
        raised = pytest.raises(store.IntegrityError, match="projects point to stored clusters")
        with raised if cluster_id == 999_999 else nullcontext():
            with store.write(con, scope=scope):
                store.rollups.changing(con, [top + 1])
                _new_project(con, top + 1)
                con.execute("UPDATE projects SET cluster_id = ? WHERE project_id = ?", [cluster_id, top + 1])
                scope.project_ids = np.array([top + 1])
        if cluster_id == 999_999:
            assert store.table_counts(con) == before
    assert store.scalar(con, "SELECT cluster_id FROM projects WHERE project_id = ?", [top + 1]) == cluster
    assert store.check(con) == []
    con.close()
