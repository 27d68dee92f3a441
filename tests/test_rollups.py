"""Rollups are correct by construction: every page query gives the same answer from the rollups as
from the base tables, on many random filter combinations (seeded), and after imports and reverts."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import random
import textwrap
from collections.abc import Callable
from dataclasses import fields
from pathlib import Path

import pandas as pd
import pytest

from dashboard import queries, store
from dashboard.filters import UNCLASSIFIED, Filters
from dashboard.ingest import commit, preview, revert
from dashboard.queries import common

ROOT = Path(__file__).resolve().parent.parent
HELPERS = {"df", "rollups_serve", "rollup_where"}


def page_queries() -> list[Callable[..., pd.DataFrame]]:
    """Every query function of dashboard.queries (streaming exports excepted)."""
    found = []
    for info in pkgutil.iter_modules(queries.__path__):
        module = importlib.import_module(f"dashboard.queries.{info.name}")
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if (fn.__module__ != module.__name__ or name.startswith("_") or name in HELPERS
                    or inspect.isgeneratorfunction(fn)):
                continue
            params = list(inspect.signature(fn).parameters)
            if params[:2] == ["cur", "f"]:
                found.append(fn)
    return found


def values(con: object, sql: str) -> list:
    return [r[0] for r in con.execute(sql).fetchall()]


def random_filters(con: object, rng: random.Random, n: int, *, width: float = 1.0) -> list[Filters]:
    """No filter, then ``n - 1`` random combinations: each dimension set with its own chance times
    ``width`` (wider combinations set more dimensions at once). The values are read in a fixed order, so
    one seed gives the same combinations on every run."""
    sectors = values(con, "SELECT DISTINCT sector FROM projects WHERE sector IS NOT NULL ORDER BY 1") + [
        UNCLASSIFIED]
    subfields = values(con, "SELECT DISTINCT subfield FROM projects WHERE subfield IS NOT NULL ORDER BY 1")
    provinces = values(con, "SELECT DISTINCT province_code FROM projects ORDER BY 1")
    groups = values(con, "SELECT DISTINCT region_group FROM regions WHERE region_group IS NOT NULL ORDER BY 1")
    stages = values(con, "SELECT DISTINCT stage FROM projects WHERE stage IS NOT NULL ORDER BY 1")
    owners = values(con, "SELECT DISTINCT ownership FROM projects WHERE ownership IS NOT NULL ORDER BY 1")
    batches = values(con, "SELECT batch_id FROM import_batches ORDER BY 1")
    tiers = ["base", "cluster", "ecosystem"]

    def chance(p: float) -> bool:
        return rng.random() < min(0.9, p * width)

    def some(pool: list, p: float = 0.35) -> tuple:
        if not pool or not chance(p):
            return ()
        return tuple(sorted(rng.sample(pool, rng.randint(1, min(3, len(pool))))))

    out = [Filters()]
    while len(out) < n:
        y0 = rng.randint(2018, 2026) if chance(0.4) else None
        y1 = (y0 or 2018) + rng.randint(0, 6) if chance(0.4) else None
        out.append(Filters(
            year_from=y0, year_to=y1, sectors=some(sectors), subfields=some(subfields, 0.1),
            provinces=some(provinces, 0.3), region_groups=some(groups, 0.2), tiers=some(tiers, 0.2),
            stages=some(stages, 0.3), ownership=some(owners, 0.3),
            batch_id=rng.choice(batches) if chance(0.2) else None, scope=some(provinces, 0.15),
        ))
    return out


def dimensions_set(filters: list[Filters]) -> dict[str, int]:
    """How many of ``filters`` set each Filters field."""
    empty = Filters()
    return {fld.name: sum(getattr(f, fld.name) != getattr(empty, fld.name) for f in filters)
            for fld in fields(Filters)}


def kwarg_choices(con: object) -> dict[str, list]:
    """The values a query's other parameters are drawn from, read once per store state (not per call)."""
    return {
        "as_of": [2022, 2024, 2025, 2031],  # 2031: beyond the watch list's rows
        "province": values(con, "SELECT DISTINCT province_code FROM projects ORDER BY 1") or ["320000"],
        "cluster_id": values(con, "SELECT DISTINCT cluster_id FROM projects WHERE cluster_id IS NOT NULL "
                                  "ORDER BY 1") or [0],
        "project_id": values(con, "SELECT project_id FROM projects ORDER BY 1 LIMIT 50") or [0],
    }


def kwargs_for(fn: Callable, choices: dict[str, list], rng: random.Random) -> dict:
    """Random values for the parameters of ``fn`` after (cur, f), from :func:`kwarg_choices`."""
    wanted = inspect.signature(fn).parameters
    return {name: rng.choice(pool) for name, pool in choices.items() if name in wanted}


def reads_filters(fn: Callable) -> bool:
    """Whether the body of ``fn`` names its filters ``f`` at all: a query that does not answers the same
    under every filter combination."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(fn))).body[0]
    return any(isinstance(node, ast.Name) and node.id == "f" for stmt in tree.body for node in ast.walk(stmt))


READS = ("SELECT", "WITH", "FROM", "(")


class Answers:
    """A cursor for one query function's run that keeps the answer of every read statement it runs, so
    that the function's other form can be handed the same answer for the very same statement.

    The fast form runs first on ``Answers(cur)``; the base form then runs on ``Answers(cur, fast)``: a
    read statement (SELECT/WITH/FROM) that the fast form ran with the same parameters and fetched the
    same way gets a copy of that answer instead of running again: the same SQL on the same cursor in the
    same read transaction answers the same (the engine is not what the test holds to the base tables).
    Any statement the forms spell differently runs, and the function's own Python runs on both paths as
    before. ``ran``: how many statements this run sent to the cursor."""

    def __init__(self, cur: object, fast: Answers | None = None) -> None:
        self.cur = cur
        self.kept: dict[tuple[str, str, str], object] = {}
        self.fast = fast
        self.ran = 0

    def execute(self, sql: str, params: object = None) -> object:
        if not sql.lstrip().upper().startswith(READS):
            self.ran += 1
            return self.cur.execute(sql, params)
        return _Pending(self, sql, params)

    def __getattr__(self, name: str) -> object:
        return getattr(self.cur, name)


class _Pending:
    """A read statement, run (or answered from the fast form's run) when its rows are fetched."""

    def __init__(self, answers: Answers, sql: str, params: object) -> None:
        self.answers, self.sql, self.params = answers, sql, params

    def _fetch(self, how: str) -> object:
        a = self.answers
        key = (self.sql, repr(self.params), how)
        if a.fast is not None and key in a.fast.kept:
            answer = a.fast.kept[key]
        else:
            a.ran += 1
            answer = getattr(a.cur.execute(self.sql, self.params), how)()
        a.kept[key] = answer
        return answer.copy(deep=True) if isinstance(answer, pd.DataFrame) else answer

    def df(self) -> pd.DataFrame:
        return self._fetch("df")

    def fetchall(self) -> list:
        return list(self._fetch("fetchall"))

    def fetchone(self) -> object:
        return self._fetch("fetchone")

    def __getattr__(self, name: str) -> object:  # any other use of the result: run it as it is
        self.answers.ran += 1
        return getattr(self.answers.cur.execute(self.sql, self.params), name)


# A query that ignores the filters is compared on every FILTERLESS_EVERY-th combination (its other
# parameters drawn each time): on any other it would run the same SQL again.
FILTERLESS_EVERY = 4
# Every combination is compared as the app reads it: on a cursor whose search path puts the app's
# in-memory copy of the small tables and rollups first (dashboard.store.replica; test_replica holds the
# copy to the store). Every LAKE_EVERY-th one (the first, no filter, among them) on a plain cursor of the
# lake too, as the CLI, the report and the notebooks read it.
LAKE_EVERY = 5


def assert_same_everywhere(con: object, filters: list[Filters], rng: random.Random,
                           monkeypatch: pytest.MonkeyPatch) -> int:
    """Every page query under every one of ``filters``: from the rollups (and the other fast paths) and
    from the base tables, the same frame. Returns how many combinations the rollups serve.

    Each cursor runs in one read transaction: both forms see the same snapshot, and DuckLake's catalog
    look-ups, most of the cost of ~100 small queries per combination (20-100 ms each, the operators
    ~0 ms on the demo store), cost about a quarter less than one transaction per query. A statement both
    forms spell alike (a query with no fast path, or that part of one) runs once (:class:`Answers`)."""
    served = 0
    fns = page_queries()
    choices = kwarg_choices(con)
    version = store.replica.build(con)
    app = con.cursor()
    app.execute(f"SET search_path = '{store.replica.search_path(con, version)}'")
    lake = con.cursor()
    for cur in (app, lake):
        cur.execute("BEGIN TRANSACTION")
    try:
        for i, f in enumerate(filters):
            monkeypatch.setattr(common, "USE_ROLLUPS", True)
            served += common.rollups_serve(f)
            differing = 0  # query runs whose base form sent the cursor a statement of its own
            for cur in (app, lake) if i % LAKE_EVERY == 0 else (app,):
                for fn in fns:
                    if i % FILTERLESS_EVERY and not reads_filters(fn):
                        continue
                    kw = kwargs_for(fn, choices, rng)
                    monkeypatch.setattr(common, "USE_ROLLUPS", True)
                    fast_run = Answers(cur)
                    fast = fn(fast_run, f, **kw)
                    monkeypatch.setattr(common, "USE_ROLLUPS", False)
                    base_run = Answers(cur, fast_run)
                    base = fn(base_run, f, **kw)
                    differing += base_run.ran > 0
                    pd.testing.assert_frame_equal(
                        fast.reset_index(drop=True), base.reset_index(drop=True), check_exact=False,
                        rtol=1e-9, check_dtype=False,
                        obj=f"{fn.__module__}.{fn.__name__}({f}, {kw}, {'app' if cur is app else 'lake'})")
            # the two forms were compared, not one form with itself (the base tables' reference is read)
            assert differing > 0, f"no query read the base tables apart from the fast form under {f}"
    finally:
        for cur in (app, lake):
            cur.execute("ROLLBACK")
    monkeypatch.setattr(common, "USE_ROLLUPS", True)
    return served


def test_every_query_is_found() -> None:
    names = {fn.__name__ for fn in page_queries()}
    assert {"funding_mix", "sector_year_flows", "region_groups", "channel_totals", "province_trend",
            "province_kpis", "data_status", "cluster_projects"} <= names


@pytest.mark.slow
def test_rollups_answer_like_the_base_tables(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(1409)
    with store.opened(demo_db) as con:
        # 20 wide combinations set about as many filter dimensions in all as 30 of the default width
        filters = random_filters(con, rng, 20, width=1.5)
        served = assert_same_everywhere(con, filters, rng, monkeypatch)
    # every dimension a page can filter on is set in some of them (seed 1409: the sub-field, which sends a
    # query to the base tables, in 1; the others in 3 to 14)
    assert min(dimensions_set(filters).values()) >= 1, dimensions_set(filters)
    assert served >= 12  # most combinations were answered from the rollups, not the base tables


@pytest.mark.slow
def test_rollups_follow_imports_and_reverts(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(7)
    with store.opened(demo_db) as con:
        plan = preview(con, ROOT / "tests" / "corpus" / "gbk_title_total.csv")
        result = commit(con, plan)
        assert result.batch_id
        filters = random_filters(con, rng, 7, width=1.5) + [Filters(batch_id=result.batch_id)]
        assert_same_everywhere(con, filters, rng, monkeypatch)
        flows = store.scalar(con, "SELECT count(*) FROM rollup_flows WHERE batch_id = ?", [result.batch_id])
        assert flows > 0
        revert(con, result.batch_id)
        assert store.scalar(con, "SELECT count(*) FROM rollup_flows WHERE batch_id = ?", [result.batch_id]) == 0
        assert_same_everywhere(con, random_filters(con, rng, 4, width=1.5), rng, monkeypatch)


def test_a_subfield_filter_reads_the_base_tables() -> None:
    assert common.rollups_serve(Filters(sectors=("new_energy",), provinces=("320000",), tiers=("cluster",)))
    assert not common.rollups_serve(Filters(subfields=("photovoltaics",)))


def test_rollup_projects_counts_every_project_once(demo_db: Path) -> None:
    with store.opened(demo_db) as con:
        counted, invested = con.execute(
            "SELECT sum(projects), sum(investment_wan) FROM rollup_projects").fetchone()
        assert (counted, invested) == con.execute(
            "SELECT count(*), sum(total_investment_wan) FROM projects").fetchone()
        # due_year: planned projects fall due the year after they were to start (those under
        # construction the year after they were to end); no other project ever does
        assert store.scalar(con, "SELECT count(*) FROM rollup_projects WHERE due_year IS NOT NULL "
                                 "AND stage NOT IN ('planned', 'under_construction')") == 0
        assert store.scalar(con, "SELECT count(*) FROM rollup_projects WHERE stage = 'planned' "
                                 "AND due_year IS DISTINCT FROM start_year + 1") == 0


def test_projects_files_are_written_largest_investment_first(demo_db: Path) -> None:
    """Migration 006 sorts the projects table: the demo data comes out as files whose rows run from the
    largest investment down, so the lists 'largest first' can skip most of each file. (An import's
    MERGE is not sorted on write by this DuckLake version; `maintain` merges such files sorted.)"""
    with store.opened(demo_db) as con:
        name = store.engine.catalog_name(con)
        files = [r[0] for r in con.execute("SELECT data_file FROM ducklake_list_files(?, 'projects')",
                                           [name]).fetchall()]
        assert files
        for path in files:
            amounts = [r[0] for r in con.execute(
                "SELECT total_investment_wan FROM read_parquet(?) ORDER BY file_row_number",
                [path]).fetchall()]
            known = [a for a in amounts if a is not None]
            assert known == sorted(known, reverse=True), path
            assert amounts[:len(known)] == known  # no amount (NULL) comes last


# ============================================================ kept up to date write by write (issue 10)

PLACES = ["江苏省苏州市", "浙江省杭州市", "广东省深圳市", "湖北省武汉市", "安徽省合肥市"]
WORDS = ["12英寸集成电路生产线", "创新药研发及产业化", "光伏组件制造基地", "动力电池二期", "碳纤维复合材料", "数据中心"]
STAGES = ["新建", "续建", "竣工", "前期"]


def write_list(path: Path, rows: range, *, seed: int, blank_every: int = 0) -> Path:
    """A GBK list: project i is named and placed the same in every file (so a later file updates it),
    with the money, stage, plan and funding drawn from ``seed``; every ``blank_every``-th amount empty."""
    rng = random.Random(seed)
    lines = ["2024年重大项目清单", "单位：万元",
             "序号,项目名称,建设地点,总投资,2024年计划投资,2025年计划投资,建设性质,建设起止年限,项目单位,银行贷款,自筹资金"]
    for n, i in enumerate(rows, 1):
        amount = "" if blank_every and n % blank_every == 0 else str(rng.randint(500, 900_000))
        plan = "" if rng.random() < 0.2 else str(rng.randint(100, 50_000))
        start = 2018 + i % 8
        loan = "" if rng.random() < 0.5 else str(rng.randint(10, 9_000))
        lines.append(f"{n},乙{i:05d}{WORDS[i % len(WORDS)]}项目,{PLACES[i % len(PLACES)]},{amount},{plan},"
                     f"{rng.randint(0, 9_000)},{rng.choice(STAGES)},{start}-{start + rng.randint(0, 4)},"
                     f"乙{i % 37}有限公司,{loan},{rng.randint(0, 9_000)}")
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gb18030"))
    return path


FULL_REBUILD = store.rollups.refresh


def rollup_contents(con: object) -> dict[str, list]:
    return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in store.rollups.TABLES}


def assert_as_rebuilt(con: object) -> None:
    """The rollups as the writes left them are exactly what a full rebuild makes of the base tables (read
    in the transaction the rebuild then runs in and rolls back: the same snapshot, one catalog load)."""
    con.execute("BEGIN TRANSACTION")
    try:
        kept = rollup_contents(con)
        FULL_REBUILD(con)
        rebuilt = rollup_contents(con)
    finally:
        con.execute("ROLLBACK")
    for table in store.rollups.TABLES:
        assert kept[table] == rebuilt[table], table
    assert rollup_contents(con) == kept


def test_rollups_kept_write_by_write_equal_a_full_rebuild(demo_db: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Imports of new and updated projects, a re-import of the same file, reverts, demo data added and
    removed: after each, the rollups kept incrementally equal the full rebuild, row for row, and every
    page query answers from them as from the base tables."""
    from dashboard import demo

    rng = random.Random(2031)
    calls: list[str] = []
    refresh = store.rollups.refresh
    monkeypatch.setattr(store.rollups, "refresh", lambda con: (calls.append("refresh"), refresh(con))[1])
    with store.opened(demo_db) as con:
        assert_as_rebuilt(con)  # the demo store, written through the incremental path
        first = commit(con, preview(con, write_list(tmp_path / "a.csv", range(0, 120), seed=1, blank_every=9)))
        assert first.batch_id and first.rows_updated == 0
        assert_as_rebuilt(con)
        # 60 of those projects again with other money, stages and plans, and 40 new ones
        second = commit(con, preview(con, write_list(tmp_path / "b.csv", range(60, 160), seed=2, blank_every=7)))
        assert second.rows_updated == 60 and second.rows_imported == 100
        assert_as_rebuilt(con)
        assert_same_everywhere(con, random_filters(con, rng, 4, width=1.5) + [Filters(batch_id=second.batch_id)], rng,
                               monkeypatch)
        # the first file again: its 120 projects updated, moved to the new batch; the 60 the second file changed
        # change back (rows_updated), the other 60 are as stored (rows_unchanged)
        third = commit(con, preview(con, write_list(tmp_path / "a.csv", range(0, 120), seed=1, blank_every=9)),
                       force=True)
        assert (third.rows_updated, third.rows_unchanged) == (60, 60)
        assert_as_rebuilt(con)
        revert(con, third.batch_id)
        assert_as_rebuilt(con)
        revert(con, second.batch_id)
        assert_as_rebuilt(con)
        assert_same_everywhere(con, random_filters(con, rng, 3, width=1.5), rng, monkeypatch)
        demo.generate(con, scale=0.05, seed=5)  # a second demo batch, with its own clusters
        assert_as_rebuilt(con)
        store.remove_demo(con)  # every demo batch: their projects and clusters go
        assert_as_rebuilt(con)
        assert store.scalar(con, "SELECT sum(projects) FROM rollup_projects") == store.scalar(
            con, "SELECT count(*) FROM projects") > 0
        assert_same_everywhere(con, random_filters(con, rng, 3, width=1.5), rng, monkeypatch)
        revert(con, first.batch_id)
        assert_as_rebuilt(con)
        assert [store.scalar(con, f"SELECT count(*) FROM {t}") for t in store.rollups.TABLES] == [0, 0, 0, 0]
    assert calls == []  # every one of those writes kept the rollups without a rebuild


def test_the_first_import_into_an_empty_store_keeps_the_rollups(empty_db: Path, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The first import moves the year the watch list is as of (no year before it): the list is then
    built from the written rows the write holds, not by a rebuild, and equals the full rebuild."""
    calls: list[str] = []
    refresh = store.rollups.refresh
    monkeypatch.setattr(store.rollups, "refresh", lambda con: (calls.append("refresh"), refresh(con))[1])
    with store.opened(empty_db) as con:
        assert [store.scalar(con, f"SELECT count(*) FROM {t}") for t in store.rollups.TABLES] == [0, 0, 0, 0]
        first = commit(con, preview(con, write_list(tmp_path / "a.csv", range(0, 150), seed=4)))
        assert first.rows_imported == 150
        assert store.scalar(con, "SELECT count(*) FROM rollup_watch") > 0
        assert_as_rebuilt(con)
        second = commit(con, preview(con, write_list(tmp_path / "b.csv", range(100, 200), seed=5)))
        assert second.rows_updated == 50
        assert_as_rebuilt(con)
    assert calls == []


def test_a_write_that_names_no_projects_rebuilds(demo_db: Path) -> None:
    """Writes that do not say which projects they change (here: rows written straight, and a cluster's
    tier changed under projects the write did not name) rebuild the rollups instead."""
    with store.opened(demo_db) as con:
        with store.write(con, message="raw rows"):
            con.execute("UPDATE projects SET total_investment_wan = total_investment_wan + 1 "
                        "WHERE project_id % 50 = 0")
        assert_as_rebuilt(con)
        cluster, tier = con.execute("SELECT cluster_id, tier FROM clusters WHERE cluster_id IN "
                                    "(SELECT cluster_id FROM projects) ORDER BY 1 LIMIT 1").fetchone()
        other = "ecosystem" if tier != "ecosystem" else "base"
        named = store.scalar(con, "SELECT min(project_id) FROM projects WHERE cluster_id IS NULL")
        with store.write(con, message="a tier changes"):
            store.rollups.changing(con, [named])
            con.execute("UPDATE projects SET stage = 'completed' WHERE project_id = ?", [named])
            con.execute("UPDATE clusters SET tier = ? WHERE cluster_id = ?", [other, cluster])
        assert_as_rebuilt(con)
        assert store.scalar(con, "SELECT count(*) FROM rollup_projects WHERE cluster_id = ? AND tier = ?",
                            [cluster, other]) > 0


def test_a_failed_import_leaves_the_rollups_as_they_were(demo_db: Path, tmp_path: Path) -> None:
    with store.opened(demo_db) as con:
        before = rollup_contents(con)
        plan = preview(con, write_list(tmp_path / "a.csv", range(0, 30), seed=3))
        some = store.scalar(con, "SELECT min(project_id) FROM projects")
        with pytest.raises(store.IntegrityError):
            with store.write(con, message="refused"):
                store.rollups.changing(con, [some])
                con.execute("INSERT INTO project_funding VALUES (?, 'bank_loans', -1)", [some])
        assert rollup_contents(con) == before
        assert commit(con, plan).batch_id
        assert_as_rebuilt(con)


def test_maintain_rollups_repairs_them(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.storekit import run

    with store.opened(demo_db) as con:
        version = store.data_version(con)
        con.execute("DELETE FROM rollup_projects WHERE batch_id = 1 AND stage = 'planned'")  # damage, bypassing write
        con.execute("UPDATE rollup_flows SET planned_wan = planned_wan + 1")
    code, out, err = run(capsys, "maintain", "--rollups", "--db", str(demo_db))  # the command, in-process
    assert code == 0, err
    assert "Rollups rebuilt" in out
    with store.opened(demo_db) as con:
        assert_as_rebuilt(con)
        assert store.scalar(con, "SELECT sum(projects) FROM rollup_projects") == store.scalar(
            con, "SELECT count(*) FROM projects")
        assert store.data_version(con) == version + 1  # cached pages are read again


def write_bare_list(path: Path, rows: range) -> Path:
    """A GBK list with no annual plan and no funding column: its projects write no row in either table."""
    lines = ["序号,项目名称,建设地点,总投资,建设性质,建设起止年限"]
    for n, i in enumerate(rows, 1):
        start = 2018 + i % 8
        lines.append(f"{n},丙{i:05d}{WORDS[i % len(WORDS)]}项目,{PLACES[i % len(PLACES)]},{500 + 37 * i},"
                     f"{STAGES[i % len(STAGES)]},{start}-{start + i % 4}")
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gb18030"))
    return path


def test_imports_without_plans_or_funding_keep_the_rollups(demo_db: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch of new projects with no annual plan and no funding leaves the flow and funding rollups
    unread and unchanged; one that also updates projects (whose stored plans and funding stay) moves
    them: after each, the rollups equal the full rebuild, without one."""
    calls: list[str] = []
    refresh = store.rollups.refresh
    monkeypatch.setattr(store.rollups, "refresh", lambda con: (calls.append("refresh"), refresh(con))[1])
    with store.opened(demo_db) as con:
        flows = rollup_contents(con)["rollup_flows"]
        first = commit(con, preview(con, write_bare_list(tmp_path / "a.csv", range(0, 50))))
        assert first.batch_id and first.rows_imported == 50 and first.rows_updated == 0
        assert_as_rebuilt(con)
        assert rollup_contents(con)["rollup_flows"] == flows
        second = commit(con, preview(con, write_bare_list(tmp_path / "b.csv", range(25, 80))))
        assert (second.rows_updated, second.rows_unchanged) == (0, 25)  # the 25 matched, as stored
        assert_as_rebuilt(con)
        stored = store.scalar(con, "SELECT min(project_id) FROM projects WHERE batch_id < ?", [first.batch_id])
        with store.write(con, message="a demo project updated by hand, said"):
            store.rollups.changing(con, [stored], writes=[])
            con.execute("UPDATE projects SET stage = 'completed' WHERE project_id = ?", [stored])
        assert_as_rebuilt(con)
        assert store.check(con) == []
    assert calls == []


def test_new_projects_are_summed_from_the_frames_the_write_holds(demo_db: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch of new projects (with plans and funding) is summed at the write's end from the frames it
    wrote, not read back from the lake, and the integrity rules read the same rows; the rollups equal the
    rebuild, import after import."""
    made: list[dict[str, str]] = []
    changed_rows = store.rollups.changed_rows
    monkeypatch.setattr(store.rollups, "changed_rows", lambda *a: (made.append(changed_rows(*a)), made[-1])[1])
    held = {t: f"rollup_written_{t}" for t in ("projects", "project_investments", "project_funding")}
    with store.opened(demo_db) as con:
        first = commit(con, preview(con, write_list(tmp_path / "a.csv", range(0, 80), seed=4, blank_every=5)))
        assert first.batch_id and first.rows_updated == 0
        assert made == [held]  # every table's rows from the frames, none read back
        assert store.scalar(con, "SELECT sum(projects) FROM rollup_projects WHERE batch_id = ?",
                            [first.batch_id]) == 80
        assert_as_rebuilt(con)
        made.clear()
        second = commit(con, preview(con, write_list(tmp_path / "b.csv", range(200, 260), seed=5)))
        assert second.batch_id and second.rows_updated == 0
        assert made == [held]
        assert_as_rebuilt(con)
        assert store.check(con) == []


def test_new_projects_written_again_in_the_write_are_read_back(demo_db: Path, tmp_path: Path) -> None:
    """A write that writes a row of its new projects again after their INSERTs (and says so) is not
    summed from the frames, which no longer hold that row: the rollups read the projects back."""
    from dashboard.ingest import importer

    with store.opened(demo_db) as con:
        plan = preview(con, write_list(tmp_path / "a.csv", range(0, 40), seed=6))
        rec = plan.records.copy()
        with store.write(con, message="new projects, one changed after", scope=store.integrity.Scope()) as w:
            batch_id = store.batches.next_batch_id(w)
            first = store.batches.next_project_id(w)
            rec["project_id"] = range(first, first + len(rec))
            rec["is_update"] = False
            store.batches.insert_rows(w, batch_id, rec, plan.investments, plan.funding, importer._extra_values(plan))
            store.rollups.changing(w, [first + 3])
            w.execute("UPDATE projects SET stage = 'completed', total_investment_wan = 1 WHERE project_id = ?",
                      [first + 3])
            store.batches.new_batch(w, "a.csv", batch_id=batch_id)
        assert store.scalar(con, "SELECT stage FROM projects WHERE project_id = ?", [first + 3]) == "completed"
        assert_as_rebuilt(con)
        assert store.check(con) == []


def test_rules_over_the_frames_the_write_holds_refuse_the_write(demo_db: Path, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The integrity rules, counted over the new projects' rows the write holds (its frames, not read back
    from the lake), refuse a write that breaks them: nothing of it is kept."""
    from dashboard.ingest import importer

    made: list[object] = []
    check = store.integrity.check
    monkeypatch.setattr(store.integrity, "check",
                        lambda *a, **kw: (made.append((kw.get("rows"), check(*a, **kw))), made[-1][1])[1])
    scope = store.integrity.Scope()
    with store.opened(demo_db) as con:
        plan = preview(con, write_list(tmp_path / "a.csv", range(0, 30), seed=7))
        before = rollup_contents(con), store.scalar(con, "SELECT count(*) FROM projects")
        rec = plan.records.copy()
        rec.loc[rec.index[2], "sector"] = "not_a_sector"
        with pytest.raises(store.IntegrityError, match="project sectors come from the taxonomy: 1 row breaks it"):
            with store.write(con, message="a bad sector", scope=scope) as w:
                batch_id = store.batches.next_batch_id(w)
                first = store.batches.next_project_id(w)
                rec["project_id"] = range(first, first + len(rec))
                rec["is_update"] = False
                scope.project_ids = rec["project_id"].to_numpy()
                store.batches.insert_rows(w, batch_id, rec, plan.investments, plan.funding,
                                          importer._extra_values(plan))
                store.batches.new_batch(w, "a.csv", batch_id=batch_id)
        assert (rollup_contents(con), store.scalar(con, "SELECT count(*) FROM projects")) == before
        assert len(made) == 1
        rows, problems = made[0]
        assert rows["projects"] == "rollup_written_projects"
        assert problems == ["project sectors come from the taxonomy: 1 row breaks it"]
