"""The app's in-memory copy of the small tables and rollups answers every page query as the store does,
follows new data versions, and keeps at most two copies."""

from __future__ import annotations

import random
from pathlib import Path

import pandas as pd
import pytest

from dashboard import store
from tests.test_rollups import kwarg_choices, kwargs_for, page_queries, random_filters


@pytest.mark.slow
def test_page_queries_through_the_copy_answer_like_the_store(demo_db: Path) -> None:
    rng = random.Random(2020)
    with store.opened(demo_db) as con:
        version = store.replica.build(con)
        assert store.replica.versions(con) == [version] == [store.data_version(con)]
        copy = con.cursor()
        copy.execute(f"SET search_path = '{store.replica.search_path(con, version)}'")
        for table in store.replica.TABLES:
            ours = copy.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()
            assert ours == con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall(), table
        # the copy is in memory: the same name there and in the store are two tables
        assert copy.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'rollup_projects'"
                            ).fetchone()[0] == 2
        choices = kwarg_choices(con)
        # each side in one read transaction (as test_rollups compares): DuckLake's per-query catalog look-ups,
        # most of the cost of these small queries, are paid once per transaction instead of once per query
        lake = con.cursor()
        for cur in (copy, lake):
            cur.execute("BEGIN TRANSACTION")
        fns = page_queries()
        try:
            for f in random_filters(con, rng, 8):
                for fn in fns:
                    kw = kwargs_for(fn, choices, rng)
                    pd.testing.assert_frame_equal(fn(copy, f, **kw).reset_index(drop=True),
                                                  fn(lake, f, **kw).reset_index(drop=True),
                                                  check_exact=False, rtol=1e-9, obj=f"{fn.__name__}({f}, {kw})")
        finally:
            for cur in (copy, lake):
                cur.execute("ROLLBACK")


def test_each_data_version_gets_its_copy_and_two_are_kept(demo_db: Path) -> None:
    with store.opened(demo_db) as con:
        first = store.replica.build(con)
        assert store.replica.build(con) == first  # nothing new: no second copy
        seen = [first]
        for _ in range(2):
            with store.write(con, message="a data write"):
                pass
            seen.append(store.replica.build(con))
        assert seen == [first, first + 1, first + 2]
        assert store.replica.versions(con) == seen[-2:]
        assert store.replica.search_path(con, first) is None


def test_a_statement_names_the_tables_it_reads() -> None:
    named = store.replica.named
    assert named("SELECT * FROM public_clusters pc JOIN clusters c USING (cluster_id)") == {
        "public_clusters", "clusters"}
    assert named("SELECT sum(r.projects) FROM ROLLUP_PROJECTS r") == {"rollup_projects"}
    # the base tables stay in the lake: not copied, not named
    assert named("SELECT count(*) FROM projects p JOIN project_investments i USING (project_id)") == set()


def test_a_copy_made_table_by_table_reads_the_snapshot_its_version_was_pinned_to(demo_db: Path) -> None:
    """Tables copied one by one, on first use, come from the snapshot the data version was read in,
    however many commits came between: a piecemeal copy equals one made at once."""
    with store.opened(demo_db) as con:
        version, snapshot = store.replica.pin(con)
        assert version == store.data_version(con) and snapshot == store.engine.snapshot_id(con)
        assert store.replica.versions(con) == [version] and store.replica.copied(con, version) == set()
        assert store.replica.copy(con, version, snapshot, {"regions"}) == ["regions"]
        before = con.execute("SELECT * FROM targets ORDER BY ALL").fetchall()
        store.targets.set_target_year(con, 2031)  # a commit after the pin
        assert con.execute("SELECT * FROM targets ORDER BY ALL").fetchall() != before
        assert store.replica.copy(con, version, snapshot, {"regions", "targets"}) == ["targets"]
        assert store.replica.copied(con, version) == {"regions", "targets"}
        kept = con.execute(f"SELECT * FROM {store.replica.DATABASE}.v{version}.targets ORDER BY ALL").fetchall()
        assert kept == before
        # the commit raised the data version: the next pin starts the next copy, empty
        assert store.replica.pin(con)[0] == version + 1
        assert store.replica.copied(con, version + 1) == set()


def test_a_piecemeal_copy_reads_its_pinned_snapshot_on_either_catalog(new_store) -> None:
    """The time travel the copy relies on (``AT (VERSION => n)``) on the embedded and the shared catalog."""
    db, data_path = new_store()
    with store.opened(db, data_path=data_path) as con:
        version, snapshot = store.replica.pin(con)
        assert store.replica.copy(con, version, snapshot, {"regions"}) == ["regions"]
        before = con.execute("SELECT * FROM targets ORDER BY ALL").fetchall()
        store.targets.set_target_year(con, 2032)
        assert store.replica.copy(con, version, snapshot, {"targets"}) == ["targets"]
        kept = con.execute(f"SELECT * FROM {store.replica.DATABASE}.v{version}.targets ORDER BY ALL").fetchall()
        assert kept == before != con.execute("SELECT * FROM targets ORDER BY ALL").fetchall()
        assert store.replica.pin(con)[0] == version + 1
