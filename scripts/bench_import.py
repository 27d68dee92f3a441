"""Import speed: a 100,000-row CSV through preview + commit, against DuckDB's own read_csv + INSERT.

    .venv/bin/python -m scripts.bench_import [--rows 100000]

Prints both times, their ratio and the peak RSS; also the tagger's score on tests/data/labelled_projects.csv.
The target: at most 5 s, and within 10x of DuckDB.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

import duckdb
import numpy as np

from dashboard import store
from dashboard.ingest import commit, preview

ROOT = Path(__file__).resolve().parent.parent

CITIES = ["江苏省苏州市", "浙江省杭州市", "广东省深圳市", "湖北省武汉市", "四川省成都市", "安徽省合肥市",
          "陕西省西安市", "山东省济南市", "北京市海淀区", "上海市浦东新区", "苏州市工业园区", "Jiangsu",
          "内蒙古鄂尔多斯市"]
WORDS = ["12英寸集成电路生产线", "创新药研发及产业化", "光伏组件制造基地", "动力电池二期", "工业机器人产业园",
         "碳纤维复合材料", "数据中心", "污水处理厂提标改造", "市政道路改造", "五星级酒店"]
STAGES = ["新建", "续建", "竣工", "前期", "新开工", "在建"]
AMOUNTS = ["{n}", "{n}万元", "{y}亿元", "约{y}亿元", "{n}"]


def write_csv(path: Path, n: int, seed: int = 1409) -> None:
    rng = np.random.default_rng(seed)
    city = rng.integers(0, len(CITIES), n)
    word = rng.integers(0, len(WORDS), n)
    stage = rng.integers(0, len(STAGES), n)
    amount = rng.integers(500, 2_000_000, n)
    fmt = rng.integers(0, len(AMOUNTS), n)
    start = rng.integers(2018, 2026, n)
    dur = rng.integers(0, 5, n)
    lines = ["2024年重大项目清单", "单位：万元",
             "序号,项目名称,建设地点,总投资,年度计划投资,建设性质,建设起止年限,项目单位,建设内容,备注"]
    for i in range(n):
        a = AMOUNTS[fmt[i]].format(n=amount[i], y=round(amount[i] / 10_000, 2))
        lines.append(f"{i + 1},某某{i:06d}{WORDS[word[i]]}项目,{CITIES[city[i]]},{a},{amount[i] // 5},"
                     f"{STAGES[stage[i]]},{start[i]}-{start[i] + dur[i]},某某{i % 997}有限公司,"
                     f"建设{WORDS[word[i]]},备注{i % 7}")
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gb18030"))


def bench_ours(csv_path: Path, db: Path) -> tuple[float, float, float, int]:
    with store.opened(db) as con:
        t0 = time.perf_counter()
        plan = preview(con, csv_path)
        t1 = time.perf_counter()
        result = commit(con, plan, skip_invalid=True)
        t2 = time.perf_counter()
        assert result.batch_id, result.refused and result.refused.message("en")
        return t2 - t0, t1 - t0, t2 - t1, result.rows_imported


def bench_duckdb(csv_path: Path, db: Path) -> float:
    """DuckDB alone: the same file (as UTF-8; DuckDB reads no GBK) read by read_csv and INSERTed."""
    utf8 = csv_path.with_suffix(".utf8.csv")
    utf8.write_text(csv_path.read_bytes().decode("gb18030"), encoding="utf-8")
    con = duckdb.connect(str(db))
    try:
        con.execute("CREATE TABLE t (seq VARCHAR, name VARCHAR, place VARCHAR, total VARCHAR, annual VARCHAR, "
                    "stage VARCHAR, years VARCHAR, owner VARCHAR, content VARCHAR, note VARCHAR)")
        t0 = time.perf_counter()
        con.execute("INSERT INTO t SELECT * FROM read_csv(?, skip = 3, header = false, all_varchar = true)",
                    [str(utf8)])
        elapsed = time.perf_counter() - t0
        return elapsed
    finally:
        con.close()


def tagging_score() -> str:
    import pandas as pd

    from dashboard import tagging

    labelled = pd.read_csv(ROOT / "tests" / "data" / "labelled_projects.csv", dtype=str, keep_default_na=False)
    results = tagging.tag_many(labelled["name"].tolist(), labelled["content"].replace("", None).tolist())
    got = [r.sector for r in results]
    want = [s or None for s in labelled["sector"]]
    correct = sum(g == w for g, w in zip(got, want, strict=True))
    return f"{correct}/{len(want)} = {correct / len(want):.1%}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        csv_path = tmp_path / "bench.csv"
        write_csv(csv_path, args.rows)
        size = csv_path.stat().st_size / 1e6
        ours, t_preview, t_commit, imported = bench_ours(csv_path, tmp_path / "ours.duckdb")
        theirs = bench_duckdb(csv_path, tmp_path / "duck.duckdb")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"file                 {args.rows:,} rows, {size:.1f} MB (GB18030)")
    print(f"import (ours)        {ours:6.2f} s  (preview {t_preview:.2f} s + commit {t_commit:.2f} s), "
          f"{imported:,} rows imported")
    print(f"duckdb read_csv+INSERT {theirs:6.2f} s")
    print(f"ratio                {ours / theirs:6.1f}x   (target: <= 5 s and <= 10x)")
    print(f"peak RSS             {peak_mb:6.0f} MB")
    try:
        print(f"tagging score        {tagging_score()} on tests/data/labelled_projects.csv")
    except ImportError:
        print("tagging score        (dashboard.tagging not available)")


if __name__ == "__main__":
    main()
