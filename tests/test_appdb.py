"""The app's store view: the data version is read once per page run, and afresh on the next run, so a
commit by another process shows without a restart while a page's queries share one catalog look-up."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dashboard import appdb, store
from tests.apptest_helpers import goto, open_page


def test_the_data_version_is_read_once_per_run(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[str] = []

    def observe(name: str, seconds: float) -> None:
        if name.endswith(":data_version"):
            reads.append(name)

    appdb.QUERY_OBSERVERS.append(observe)
    try:
        at = open_page(demo_db, monkeypatch, "summary")
        assert not at.exception
        for page in ("sectors", "summary"):
            reads.clear()
            goto(at, page).run()
            assert not at.exception
            assert len(reads) == 1, page  # many queries ran (some cached), one version read
        with store.opened(demo_db) as con, store.write(con, message="another process commits"):
            pass  # a data write: raises the data version
        reads.clear()
        at.run()
        assert len(reads) == 1
    finally:
        appdb.QUERY_OBSERVERS.remove(observe)


def test_outside_a_page_run_the_version_is_read_every_time(demo_db: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SEI_DB", str(demo_db))
    before = appdb.data_version()
    with store.opened(demo_db) as con, store.write(con, message="a commit"):
        pass
    assert appdb.data_version() == before + 1


def test_a_snapshot_from_before_the_rollups_is_read_from_the_base_tables(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A store upgraded to the projects rollup (migration 006) keeps its older snapshots readable: the
    summary as of then reads the base tables, where the rollup did not exist yet."""
    from dashboard import demo
    from dashboard.filters import Filters
    from dashboard.queries import overview, projects
    from dashboard.store import engine, locks

    db = tmp_path / "old.ducklake"
    con = engine.open_lake(engine.locate(db), create=True)
    with locks.writer_lock(con, what="upgrade"):
        store.migrate(con, target=5)
    demo.generate(con, scale=0.02)
    before = engine.snapshot_id(con)
    con.close()
    store.connect(db).close()  # opening upgrades it: migration 006 and later
    monkeypatch.setenv("SEI_DB", str(db))
    for fn, kw in ((overview.kpis, {"as_of": 2025}), (overview.sector_totals, {}),
                   (projects.overdue_list, {"as_of": 2025})):
        then = appdb.load_at(before, fn, Filters(), **kw)
        now = appdb.load(fn, Filters(), **kw)
        assert not then.empty
        # nothing changed since, but the rollups came
        pd.testing.assert_frame_equal(then, now, check_dtype=False, rtol=1e-9, obj=fn.__name__)


def test_a_page_copies_into_memory_only_the_tables_it_reads(demo_db: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    at = open_page(demo_db, monkeypatch, "summary")
    assert not at.exception
    with store.opened(demo_db) as con:
        version = store.data_version(con)
    copy = appdb._copies[appdb.db_key()][version]
    assert {"rollup_projects", "rollup_flows", "regions", "targets"} <= copy.tables
    assert "rollup_funding" not in copy.tables  # the summary shows no funding channel
    goto(at, "funding").run()
    assert not at.exception
    assert "rollup_funding" in copy.tables
    # a commit by another process: the next run reads (and copies) the new version
    with store.opened(demo_db) as con:
        store.targets.set_target_year(con, 2031)
    at.run()
    assert not at.exception
    fresh = appdb._copies[appdb.db_key()][version + 1]
    assert fresh is not copy and "rollup_funding" in fresh.tables


def test_after_the_warm_up_the_first_page_runs_no_query(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What the server's start-up hook does before the first browser connects: the store open, the
    landing page's tables in memory and its queries' results cached under the keys the page asks for."""
    from dashboard import warmup

    monkeypatch.setenv("SEI_DB", str(demo_db))
    copy = warmup.warm()
    assert warmup.done.is_set() and copy is not None
    ran: list[str] = []

    def observe(name: str, seconds: float) -> None:
        ran.append(name)

    appdb.QUERY_OBSERVERS.append(observe)
    try:
        at = open_page(demo_db, monkeypatch, "summary")
        assert not at.exception
        assert at.metric, "the summary drew its figures"
        assert set(ran) <= {"dashboard.appdb:data_version"}, ran
    finally:
        appdb.QUERY_OBSERVERS.remove(observe)
        copy.copy()  # from here on, queries copy what they read (as with no warm-up)


def test_the_warm_up_runs_the_landing_queries_on_one_duckdb_thread(
        demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The landing page's queries are small: the warm-up runs them on one DuckDB thread (a second cost more
    CPU than it saved) and gives the process its configured threads back afterwards, also when a query fails
    and also when an import running at that moment had set one thread (never keeping that for good)."""
    from dashboard import warmup

    monkeypatch.setenv("SEI_DB", str(demo_db))
    monkeypatch.setenv("SEI_DB_THREADS", "3")
    con = appdb.connection()

    def threads() -> int:
        with store.cursor(con) as cur:
            return int(store.scalar(cur, "SELECT current_setting('threads')"))

    with store.cursor(con) as cur:
        cur.execute("SET threads = 3")
    seen: list[int] = []
    real = warmup._landing_page
    try:
        monkeypatch.setattr(warmup, "_landing_page", lambda run: (seen.append(threads()), real(run)))
        landing = warmup.warm()
        assert landing is not None and seen == [1] and threads() == 3
        landing.copy()

        def fails(run: object) -> None:
            seen.append(threads())
            raise RuntimeError("a query failed")

        monkeypatch.setattr(warmup, "_landing_page", fails)
        left = warmup.warm()  # logged, not raised
        assert seen == [1, 1] and threads() == 3
        if left is not None:
            left.copy()  # from here on, queries copy what they read (as with no warm-up)

        with store.cursor(con) as cur:
            cur.execute("SET threads = 1")  # as an import's preview or commit does meanwhile
        monkeypatch.setattr(warmup, "_landing_page", real)
        again = warmup.warm()
        assert again is not None and threads() == 3
        again.copy()
    finally:
        monkeypatch.delenv("SEI_DB_THREADS")
        with store.cursor(con) as cur:
            cur.execute(f"SET threads = {store.engine.threads() or 1}")


def test_the_first_page_reads_the_lake_and_its_tables_are_copied_after(
        demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Copying a table into memory costs more than the one query of the first page that reads it: until
    the first page is out, queries read the lake; then the tables they named are copied, and the pages
    after read those copies."""
    from dashboard import warmup

    monkeypatch.setenv("SEI_DB", str(demo_db))
    with store.opened(demo_db) as con:
        version = store.data_version(con)
    copy = warmup.warm()
    assert copy is not None
    try:
        at = open_page(demo_db, monkeypatch, "summary")
        assert not at.exception and at.metric
        # nothing pinned or copied on the first page's path
        assert appdb._copies.get(appdb.db_key(), {}).get(version) is None
    finally:
        copy.copy()
    held = appdb._copies[appdb.db_key()][version]
    assert {"rollup_projects", "rollup_flows", "regions", "targets"} <= held.tables
    assert "rollup_funding" not in held.tables  # the summary shows no funding channel
    goto(at, "funding").run()  # a page after: copies what it reads, as before
    assert not at.exception
    assert "rollup_funding" in held.tables


def _cold_start(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[appdb.Warm, list[str], object]:
    """A new server process as far as the app can tell: no cached result, no copy; warm up, draw the summary."""
    import streamlit as st

    from dashboard import warmup

    st.cache_data.clear()
    appdb._preloaded.clear()
    appdb._copies.clear()
    monkeypatch.setenv("SEI_DB", str(demo_db))
    landing = warmup.warm()
    assert landing is not None
    ran: list[str] = []
    appdb.QUERY_OBSERVERS.append(lambda name, seconds: ran.append(name))
    try:
        at = open_page(demo_db, monkeypatch, "summary")
    finally:
        appdb.QUERY_OBSERVERS.pop()
    assert not at.exception and at.metric
    landing.save()
    landing.copy()
    return landing, ran, at


def test_a_cold_start_reads_the_landing_results_kept_for_its_data_version(
        demo_db: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The landing page's results are kept on disk by one start and read by the next of the same data
    version (no query), drawing the same page; a write raises the version: the next start queries anew
    and shows the new figures."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    first, _, at_first = _cold_start(demo_db, monkeypatch)
    assert not first.from_disk and appdb.landing_path(appdb.db_key()).exists()
    second, ran, at_second = _cold_start(demo_db, monkeypatch)
    assert second.from_disk
    assert not [name for name in ran if name.startswith("dashboard.queries.")], ran
    assert [m.value for m in at_second.metric] == [m.value for m in at_first.metric]
    assert [m.label for m in at_second.metric] == [m.label for m in at_first.metric]
    from dashboard.ingest import commit, preview
    from tests.importkit import CORPUS

    with store.opened(demo_db) as con:  # an import by another process (the command line)
        assert commit(con, preview(con, CORPUS / "gbk_title_total.csv")).rows_imported > 0
    third, ran, at_third = _cold_start(demo_db, monkeypatch)
    assert not third.from_disk and third.version == second.version + 1
    assert [m.value for m in at_third.metric] != [m.value for m in at_first.metric]


def test_a_warm_up_that_cannot_open_the_store_leaves_the_error_to_the_page(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    from dashboard import warmup

    bad = tmp_path / "not-a-store.ducklake"
    bad.write_text("these are not the droids")
    monkeypatch.setenv("SEI_DB", str(bad))
    warmup.done.clear()
    warmup.warm()  # logs, does not raise: the server keeps starting
    assert warmup.done.is_set()
    assert "Warm-up at server start failed" in caplog.text
    at = open_page(bad, monkeypatch, "summary")
    assert at.error and not at.exception  # the page says what is wrong, in the user's language


@pytest.mark.parametrize("skipped", [False, True])
def test_the_server_start_spares_the_first_page_streamlits_prompt_check(
        demo_db: Path, monkeypatch: pytest.MonkeyPatch, skipped: bool) -> None:
    """Streamlit's once-per-process look for a Python prompt (``inspect.stack()`` at the first element)
    is marked done by the start-up hook, so the first page run does not pay for it."""
    from streamlit import delta_generator, env_util

    from dashboard import warmup

    monkeypatch.setattr(delta_generator, "_use_warning_has_been_displayed", False)
    looked: list[bool] = []
    real = env_util.is_repl
    monkeypatch.setattr(env_util, "is_repl", lambda: looked.append(True) or real())
    if skipped:
        warmup._skip_repl_check()
    at = open_page(demo_db, monkeypatch, "summary")
    assert not at.exception and at.metric
    assert bool(looked) is not skipped


def test_the_landing_stamp_follows_the_data_version_on_either_catalog(new_store) -> None:
    """The stamp a landing file must match, on the embedded and the shared catalog: the data version
    (raised by a write) and the store's birth (a store made again at the same place differs)."""
    db, data_path = new_store()
    with store.opened(db, data_path=data_path) as con:
        version, stamp = appdb._landing_stamp(con)
        assert version == store.data_version(con) and stamp[1] == version and stamp[2]
        store.targets.set_target_year(con, 2032)
        again, later = appdb._landing_stamp(con)
        assert again == version + 1 and later[2] == stamp[2] and later != stamp


def test_the_landing_file_is_data_that_reads_back_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The landing file is Arrow data (no pickle: reading it runs no code): every result comes back with
    its key, values and dtypes; one Arrow cannot carry as it is stays out (its page runs the query); a
    file of another stamp, or damaged, is a miss."""
    import pandas as pd

    from dashboard.filters import Filters

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    kinds = pd.DataFrame({
        "name": pd.Series(["苏州", None], dtype="str"), "n": pd.Series([1, None], dtype="Int32"),
        "year": pd.Series([2024, 2025], dtype="int32"), "yi": [1.5, float("nan")], "demo": [True, False],
        "at": pd.to_datetime(["2026-01-02 03:04:05.123456", None]).astype("datetime64[us]")})
    empty = kinds.iloc[0:0]
    mixed = pd.DataFrame({"v": pd.Series([1, "a"], dtype=object)})
    labelled = kinds.copy()
    labelled.attrs["note"] = "标注"
    scoped = Filters(sectors=("new_energy",), year_from=2020, scope=("320000",))
    results = {
        ("dashboard.queries.overview:kpis", Filters(), ()): kinds,
        ("dashboard.queries.overview:top_projects", scoped, (("limit", 10), ("order", ("a", "b")))): empty,
        ("dashboard.queries.common:provinces", Filters(), ()): mixed,
        ("dashboard.queries.common:batches", Filters(), ()): labelled,
    }
    stamp = (appdb.LANDING_FORMAT, 7, "2026-12-01 10:00:00+00", "code")
    path = appdb.landing_path("the store")
    path.parent.mkdir(parents=True)
    data = appdb._landing_bytes(stamp, results)
    assert b"pickle" not in data and data[:6] == b"ARROW1"
    path.write_bytes(data)
    back = appdb._read_landing("the store", stamp)
    assert back is not None and set(back) == set(results) - {list(results)[2]}
    for args, frame in back.items():
        pd.testing.assert_frame_equal(frame, results[args], check_exact=True)
        assert list(frame.dtypes) == list(results[args].dtypes) and frame.attrs == results[args].attrs
    assert appdb._read_landing("the store", (*stamp[:1], 8, *stamp[2:])) is None
    path.write_bytes(data[: len(data) // 2])
    assert appdb._read_landing("the store", stamp) is None


def test_a_thread_s_queries_share_one_cursor_per_copy(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Setting a cursor's search path checks the lake (~5 ms of CPU): a thread sets it once per copy."""
    import threading

    from dashboard.filters import Filters
    from dashboard.queries import overview

    monkeypatch.setenv("SEI_DB", str(demo_db))
    key = appdb.db_key()
    version = appdb.data_version()
    appdb._pin(key, version)
    first = appdb._cursor(key, None, version)
    first.close()  # the kept cursor stays open
    again = appdb._cursor(key, None, version)
    assert again._cur is first._cur
    assert not again.execute("SELECT * FROM regions").df().empty  # read through the copy
    elsewhere: list[object] = []
    other = threading.Thread(target=lambda: elsewhere.append(appdb._cursor(key, None, version)._cur))
    other.start()
    other.join()
    assert elsewhere[0] is not first._cur  # a cursor is one thread's
    with store.opened(demo_db) as con:
        store.targets.set_target_year(con, 2031)
    newer = appdb.data_version()
    appdb._pin(key, newer)
    fresh = appdb._cursor(key, None, newer)
    assert fresh._cur is not first._cur  # the new version's copy, a new cursor
    with store.opened(demo_db) as con:  # the same answer as a plain cursor on the lake
        pd.testing.assert_frame_equal(appdb.load(overview.sector_totals, Filters()),
                                      overview.sector_totals(con, Filters()))
