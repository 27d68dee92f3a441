"""The projects' match key (``name_key``, migration 012): an import looks the file's names up by it in SQL.

Before, the lookup fetched every stored name holding a full-width character in the file's provinces into
pandas and folded it there (247,061 names at 1M projects). The key is now written with every project, filled
for the rows of a store from before the migration (embedded and PostgreSQL catalogs) and of a backup from
before it, and the lookup fetches only the rows it finds.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from dashboard import store
from dashboard.ingest import commit, preview
from dashboard.ingest import revert as revert_batch
from dashboard.store import batches, namekeys
from dashboard.textchars import KEY_FOLD, NARROW

WIDE = "苏州ＡＩ算力中心（一期）"
NARROW_NAME = "苏州AI算力中心(一期)"
KEY = "苏州ai算力中心(一期)"  # the match key of both: width and ASCII case folded (migration 013)


def _fold(name: str) -> str:
    """The key as the import folds a file's names: RE2's \\s removed, full width and ASCII case folded."""
    return re.sub(r"[\t\n\f\r ]", "", name).translate(KEY_FOLD)


def _csv(path: Path, names: list[str], start: int = 2024) -> Path:
    rows = "".join(f"{n},江苏省苏州市,{1000 + i},{start}-{start + 2}\n" for i, n in enumerate(names))
    path.write_text("项目名称,建设地点,总投资（万元）,建设起止年限\n" + rows, encoding="utf-8")
    return path


def _import(con: duckdb.DuckDBPyConnection, path: Path) -> object:
    result = commit(con, preview(con, path))
    assert result.batch_id, result.refused
    return result


def _keys(con: duckdb.DuckDBPyConnection, table: str = "projects") -> dict[str, str | None]:
    return dict(con.execute(f"SELECT name, name_key FROM {table} ORDER BY project_id").fetchall())


def _make_older(con: duckdb.DuckDBPyConnection) -> None:
    """The store as a version before migration 012 left it: no match key, the migration not recorded."""
    for table in ("projects", "replaced_projects"):
        con.execute(f"ALTER TABLE {table} DROP COLUMN name_key")
    con.execute("DELETE FROM schema_version WHERE version >= 12")


def _old_key(name: str) -> str:
    """The key as migration 012 wrote it (before 013): whitespace removed and full width folded, case kept."""
    return re.sub(r"[\t\n\f\r ]", "", name).translate(NARROW)


def _make_v12(con: duckdb.DuckDBPyConnection) -> None:
    """The store as the version before migration 013 left it: keys of either case, that migration and every
    later one not recorded."""
    for table in ("projects", "replaced_projects"):
        for name, in con.execute(f"SELECT DISTINCT name FROM {table}").fetchall():
            con.execute(f"UPDATE {table} SET name_key = ? WHERE name = ?", [_old_key(name), name])
    con.execute("DELETE FROM schema_version WHERE version >= 13")


def test_an_older_store_gets_its_keys_and_a_reimport_of_the_other_width_updates(new_store, tmp_path: Path) -> None:
    """A store written before migration 012 (its wide name stored, then updated by the half-width one, so
    replaced_projects holds a row too) gets every key when next opened, on either catalog; a revert then puts
    the wide name back with its key, and importing the half-width file again updates it, not adds one."""
    db, data_path = new_store()
    wide_csv = _csv(tmp_path / "wide.csv", [WIDE, "南京 ＸＹ 园区", "普通项目"])
    narrow_csv = _csv(tmp_path / "narrow.csv", [NARROW_NAME])
    con = store.connect(db, data_path=data_path)
    try:
        _import(con, wide_csv)
        second = _import(con, narrow_csv)
        assert second.rows_updated == 1
        _make_older(con)
    finally:
        con.close()

    con = store.connect(db, data_path=data_path)  # opening upgrades it: migration 012 and its fill
    try:
        assert store.schema_version(con) == store.LATEST_VERSION
        assert _keys(con) == {NARROW_NAME: KEY, "南京 ＸＹ 园区": "南京xy园区", "普通项目": "普通项目"}
        assert _keys(con, "replaced_projects") == {WIDE: KEY}
        revert_batch(con, second.batch_id)
        assert _keys(con)[WIDE] == KEY
        again = _import(con, _csv(tmp_path / "narrow_again.csv", [NARROW_NAME, "南京XY园区"]))
        assert (again.rows_updated, again.rows_imported) == (2, 2)
        assert store.scalar(con, "SELECT count(*) FROM projects") == 3
        assert store.scalar(con, "SELECT count(*) FROM projects WHERE name_key IS NULL") == 0
    finally:
        con.close()


def test_the_fill_folds_as_the_lookup_did(con: duckdb.DuckDBPyConnection) -> None:
    """The SQL key of a stored name is the Python fold the lookup applied: every full-width form (the quote
    too), ASCII whitespace removed, other text kept."""
    names = [WIDE, "ＡＢＣ新材料项目", "５Ｇ基站 二期", "Ｏ＇Ｈａｒａ港\t１２号", "a b\nc\rd\fe", "～！＠＃￥％（）",
             "中文　全角空格", "普通项目", "ABC(1)"]
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("CREATE TEMP TABLE named (project_id BIGINT, name VARCHAR, name_key VARCHAR)")
        con.executemany("INSERT INTO named VALUES (?, ?, NULL)", list(enumerate(names)))
        namekeys.fill(con, ("named",))
        got = [r[0] for r in con.execute("SELECT name_key FROM named ORDER BY project_id").fetchall()]
    finally:
        con.execute("ROLLBACK")
    assert got == [_fold(n) for n in names]
    assert got[3] == "o'hara港12号"


def test_the_demo_writes_every_key(demo_db: Path) -> None:
    con = store.connect(demo_db, read_only=True)
    try:
        assert store.scalar(con, "SELECT count(*) FROM projects WHERE name_key IS NULL") == 0
        wide = con.execute("SELECT name, name_key FROM projects WHERE regexp_matches(name, '[\uff01-\uff5e]') "
                           "LIMIT 2000").fetchall()
    finally:
        con.close()
    assert len(wide) > 10
    assert [k for _n, k in wide] == [_fold(n) for n, _k in wide]


class _Counting:
    """A connection that counts the rows its cursors' results hand to Python (``df``, ``fetch*``, ``arrow``)."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con, self.rows = con, 0

    def cursor(self) -> _Counting:
        return _Counting(self.con.cursor())._shared(self)

    def _shared(self, owner: _Counting) -> _Counting:
        self.owner = owner
        return self

    def execute(self, *args: object) -> _Counting:
        self.con.execute(*args)
        return self

    def _count(self, result: object) -> object:
        getattr(self, "owner", self).rows += len(result)
        return result

    def df(self) -> pd.DataFrame:
        return self._count(self.con.df())

    def fetchall(self) -> list:
        return self._count(self.con.fetchall())

    def fetchdf(self) -> pd.DataFrame:
        return self._count(self.con.fetchdf())

    def arrow(self) -> object:
        return self._count(self.con.arrow())

    def __getattr__(self, name: str) -> object:
        return getattr(self.con, name)


def test_the_lookup_fetches_only_the_rows_it_finds(empty_db: Path, tmp_path: Path) -> None:
    """With 2,000 stored names holding full-width brackets in the file's province, a lookup of three keys
    (one of them a stored name in half width) hands Python one row: before migration 012 it fetched all
    2,000 stored names to fold them."""
    stored = [f"苏州第{i:04d}号ＡＩ算力中心（一期）" for i in range(2000)]
    con = store.connect(empty_db)
    try:
        _import(con, _csv(tmp_path / "many.csv", stored))
        keys = pd.DataFrame({"row": [2, 3, 4],
                             "name_key": ["苏州第0042号ai算力中心(一期)", "苏州第0042号ai算力中心(二期)", "别的项目"],
                             "province_code": ["320000"] * 3, "start_year": pd.array([2024] * 3, dtype="Int64")})
        counting = _Counting(con)
        found = batches.find_duplicates(counting, keys)
        want = store.scalar(con, "SELECT project_id FROM projects WHERE name = ?", [stored[42]])
    finally:
        con.close()
    assert found.to_dict("records") == [{"row": 2, "project_id": want}]
    assert counting.rows == 1


def test_a_backup_from_before_the_key_is_restored_with_keys(empty_db: Path, tmp_path: Path) -> None:
    """A backup of a store from before migration 012 has no name_key: the restore gives its projects theirs."""
    old = tmp_path / "old.ducklake"
    shutil.copy(empty_db, old)
    shutil.copytree(Path(f"{empty_db}.files"), Path(f"{old}.files"))
    con = store.connect(old)
    try:
        _import(con, _csv(tmp_path / "wide.csv", [WIDE, "普通项目"]))
        _make_older(con)
        store.backup(con, tmp_path / "backup")
    finally:
        con.close()
    con = store.connect(tmp_path / "new.ducklake")
    try:
        store.restore(con, tmp_path / "backup")
        assert _keys(con) == {WIDE: KEY, "普通项目": "普通项目"}
        again = _import(con, _csv(tmp_path / "narrow.csv", [NARROW_NAME]))
        assert again.rows_updated == 1
    finally:
        con.close()


@pytest.mark.parametrize("name", [WIDE, NARROW_NAME])
def test_a_key_is_written_by_the_import_as_its_file_folded_it(empty_db: Path, tmp_path: Path, name: str) -> None:
    con = store.connect(empty_db)
    try:
        _import(con, _csv(tmp_path / "one.csv", [name]))
        assert _keys(con) == {name: KEY}
    finally:
        con.close()


CASED = ["5G基站建设项目", "AI产业园（一期）", "ＡＩ算力中心", "普通项目"]


def test_names_differing_in_ascii_case_are_one_project(empty_db: Path, tmp_path: Path) -> None:
    """5G基站 then 5g基站, AI产业园 then ai产业园 (two lists of one province typed by two people): updated, not
    stored twice; in one file, the second is the first's duplicate (by row, the first named). Letters of other
    scripts keep their case: only ASCII (either width) is folded."""
    con = store.connect(empty_db)
    try:
        first = _import(con, _csv(tmp_path / "upper.csv", CASED))
        second = _import(con, _csv(tmp_path / "lower.csv",
                                    ["5g基站建设项目", "ai产业园（一期）", "ai算力中心", "Ω项目"]))
        assert (first.rows_imported, second.rows_updated, second.rows_imported) == (4, 3, 4)
        assert _keys(con) == {"5g基站建设项目": "5g基站建设项目", "ai产业园（一期）": "ai产业园(一期)",
                              "ai算力中心": "ai算力中心", "普通项目": "普通项目", "Ω项目": "Ω项目"}
        assert _keys(con, "replaced_projects") == {
            "5G基站建设项目": "5g基站建设项目", "AI产业园（一期）": "ai产业园(一期)", "ＡＩ算力中心": "ai算力中心"}
        within = preview(con, _csv(tmp_path / "both.csv", ["5G基站二期", "5g基站二期"]))
        assert [(p.row, p.code, p.values.get("first")) for p in within.errors] == [
            (3, "duplicate_in_file", 2)]
    finally:
        con.close()


def test_migration_013_lowers_the_keys_of_a_store_from_before_it(new_store, tmp_path: Path) -> None:
    """A store the version before migration 013 wrote (keys keep their case; an update left rows in
    replaced_projects) has every key lowered when next opened, on either catalog; importing the names in
    lower case then updates them, and a revert puts back the names with the new keys."""
    db, data_path = new_store()
    con = store.connect(db, data_path=data_path)
    try:
        _import(con, _csv(tmp_path / "upper.csv", CASED))
        _import(con, _csv(tmp_path / "again.csv", CASED[:2], start=2024))
        _make_v12(con)
        assert _keys(con)["AI产业园（一期）"] == "AI产业园(一期)"
    finally:
        con.close()

    con = store.connect(db, data_path=data_path)  # opening upgrades it: migration 013 and its hook
    try:
        assert store.schema_version(con) == store.LATEST_VERSION
        assert _keys(con) == {n: _fold(n) for n in CASED}
        assert _keys(con, "replaced_projects") == {n: _fold(n) for n in CASED[:2]}
        lower = _import(con, _csv(tmp_path / "lower.csv", ["5g基站建设项目", "ai产业园（一期）", "ai算力中心"]))
        assert (lower.rows_updated, lower.rows_imported) == (3, 3)
        assert store.scalar(con, "SELECT count(*) FROM projects") == 4
        revert_batch(con, lower.batch_id)
        assert _keys(con) == {n: _fold(n) for n in CASED}
    finally:
        con.close()


def test_a_backup_from_before_013_is_restored_with_lowered_keys(empty_db: Path, tmp_path: Path) -> None:
    con = store.connect(empty_db)
    try:
        _import(con, _csv(tmp_path / "upper.csv", CASED))
        _make_v12(con)
        store.backup(con, tmp_path / "backup")
    finally:
        con.close()
    con = store.connect(tmp_path / "new.ducklake")
    try:
        store.restore(con, tmp_path / "backup")
        assert _keys(con) == {n: _fold(n) for n in CASED}
        again = _import(con, _csv(tmp_path / "lower.csv", ["5g基站建设项目"]))
        assert (again.rows_updated, again.rows_imported) == (1, 1)
    finally:
        con.close()
