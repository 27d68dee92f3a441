"""The app's in-memory copy of the small tables and rollups answers every page query as the store does,
follows new data versions, and keeps at most two copies."""

from __future__ import annotations

import random
from pathlib import Path

import pandas as pd

from dashboard import store
from tests.test_rollups import kwargs_for, page_queries, random_filters


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
        for f in random_filters(con, rng, 8):
            for fn in page_queries():
                kw = kwargs_for(fn, con, rng)
                pd.testing.assert_frame_equal(fn(copy, f, **kw).reset_index(drop=True),
                                              fn(con.cursor(), f, **kw).reset_index(drop=True),
                                              check_exact=False, rtol=1e-9, obj=f"{fn.__name__}({f}, {kw})")


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
