"""Commit, duplicates (update or skip), revert, and a large file."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from dashboard.ingest import RevertError, commit, list_batches, preview, revert
from tests.importkit import CORPUS, fingerprint

# The GBK list re-sent a quarter later: two projects have moved on, one has a new amount, one is new.
RESENT = """序号,项目名称,建设地点,总投资（万元）,建设性质,建设起止年限
1,苏州晶圆级先进封装测试项目,苏州市工业园区,160000,在建,2024-2026
2,常州动力电池二期项目,常州市金坛区,,竣工,2021-2024
3,无锡风电装备制造基地,无锡市,200000,竣工,2022-2025
4,扬州新材料产业园项目,扬州市,50000,新建,2025-2027
"""


def resent(tmp_path: Path) -> Path:
    path = tmp_path / "resent.csv"
    path.write_text(RESENT, encoding="utf-8")
    return path


def test_update_by_default_and_revert_restores(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    first = commit(con, preview(con, CORPUS / "gbk_title_total.csv"))
    after_first = fingerprint(con)
    plan = preview(con, resent(tmp_path))
    assert sorted(plan.duplicates["row"]) == [2, 3, 4]
    second = commit(con, plan)
    # 常州动力电池二期项目's cells are blank or as stored: it changes nothing, so it is not counted as updated
    assert (second.rows_imported, second.rows_updated, second.rows_unchanged) == (4, 2, 1)
    rows = {r[0]: r[1:] for r in con.execute(
        "SELECT name, project_id, total_investment_wan, stage, batch_id, content FROM projects").fetchall()}
    assert len(rows) == 6
    assert rows["苏州晶圆级先进封装测试项目"][1:4] == (Decimal("160000.00"), "under_construction", second.batch_id)
    # A blank cell keeps the stored value; columns the new file lacks keep theirs too.
    assert rows["常州动力电池二期项目"][1:3] == (Decimal("300000.00"), "completed")
    assert rows["苏州晶圆级先进封装测试项目"][4] == "建设12英寸晶圆级封装测试生产线"
    assert rows["无锡风电装备制造基地"][2] == "completed"
    # The earlier batch cannot be reverted while a later one holds its updated projects.
    with pytest.raises(RevertError) as err:
        revert(con, first.batch_id)
    assert err.value.code == "revert_later"
    assert revert(con, second.batch_id) == 1  # the one new project; three are restored
    assert fingerprint_without_history(con) == fingerprint_without_history_of(after_first)
    assert revert(con, first.batch_id) == 5
    assert con.execute("SELECT count(*) FROM projects").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM project_investments").fetchone() == (0,)
    with pytest.raises(RevertError):
        revert(con, first.batch_id)
    with pytest.raises(RevertError):
        revert(con, 999)


def fingerprint_without_history(con: duckdb.DuckDBPyConnection) -> dict:
    return fingerprint_without_history_of(fingerprint(con))


def fingerprint_without_history_of(fp: dict) -> dict:
    # import_batches records the revert and store_meta the data version; the data itself is restored.
    return {k: v for k, v in fp.items() if k not in ("import_batches", "store_meta")}


def test_skip_duplicates(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    commit(con, preview(con, CORPUS / "gbk_title_total.csv"))
    before = dict(con.execute("SELECT name, total_investment_wan FROM projects").fetchall())
    result = commit(con, preview(con, resent(tmp_path)), on_duplicate="skip")
    assert (result.rows_imported, result.rows_skipped, result.rows_updated) == (1, 3, 0)
    after = dict(con.execute("SELECT name, total_investment_wan FROM projects").fetchall())
    assert after == {**before, "扬州新材料产业园项目": Decimal("50000.00")}


def test_manual_sector_choice(con: duckdb.DuckDBPyConnection) -> None:
    plan = preview(con, CORPUS / "gbk_title_total.csv")
    review = plan.review_rows()
    assert 11 in set(review["row"])  # the road is unclassified and listed for review
    result = commit(con, plan, manual_sectors={11: "green_env"})
    got = con.execute("SELECT sector, sector_source FROM projects WHERE name = ?",
                      ["徐州市民服务中心配套道路工程"]).fetchone()
    assert got == ("green_env", "manual")
    assert result.rows_imported == 5


def test_list_batches(con: duckdb.DuckDBPyConnection) -> None:
    result = commit(con, preview(con, CORPUS / "utf16_tab.txt"), imported_by="steward")
    batches = list_batches(con)
    row = batches[batches["batch_id"] == result.batch_id].iloc[0]
    assert (row["file_name"], row["imported_by"], row["rows_imported"], row["projects"], row["status"]) == (
        "utf16_tab.txt", "steward", 3, 3, "committed")


def write_large(path: Path, n: int) -> None:
    cities = ["江苏省苏州市", "浙江省杭州市", "广东省深圳市", "湖北省武汉市", "四川省成都市"]
    words = ["集成电路", "生物医药", "光伏组件", "动力电池", "道路改造"]
    lines = ["2024年重大项目清单", "序号,项目名称,建设地点,总投资（万元）,建设性质,建设起止年限"]
    for i in range(n):
        lines.append(f"{i + 1},项目{i:06d}{words[i % 5]}项目,{cities[i % 5]},{1000 + i},续建,2023-2026")
    lines.append(f"合计,,,{sum(1000 + i for i in range(n))},,")
    path.write_bytes("\r\n".join(lines).encode("gb18030"))


def test_large_file(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    n = 20_000
    path = tmp_path / "large.csv"
    write_large(path, n)
    plan = preview(con, path)
    assert plan.rows_read == n and plan.errors == [] and plan.warnings == []
    result = commit(con, plan)
    assert result.rows_imported == n
    total, count, first, last = con.execute(
        "SELECT sum(total_investment_wan), count(*), min(project_id), max(project_id) FROM projects").fetchone()
    assert (total, count, last - first + 1) == (Decimal(sum(1000 + i for i in range(n))), n, n)
