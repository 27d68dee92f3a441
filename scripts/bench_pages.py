"""How long each page's queries take, uncached, on a large store. Prints figures; asserts nothing.

    python -m scripts.bench_pages                 # ~1M projects (demo scale 333), built once in /tmp
    python -m scripts.bench_pages --scale 3334    # ~10M projects
    python -m scripts.bench_pages --db my.ducklake  # an existing store

Each page is rendered by Streamlit's AppTest exactly as a browser session would render it, with the
query cache cleared first; every query the page runs is timed where it executes (the DuckDB work
plus the small result handed to pandas). The target is 300 ms per page, all queries together.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

from dashboard import appdb, demo, store
from dashboard.views import PAGES

ROOT = Path(__file__).resolve().parent.parent

TARGET_MS = 300.0


def build(path: Path, scale: float) -> None:
    if path.exists():
        return
    print(f"building {path} at scale {scale} ...", flush=True)
    started = time.perf_counter()
    with store.opened(path) as con:
        demo.generate(con, scale=scale)
        count = store.table_counts(con)["projects"]
    print(f"  {count:,} projects in {time.perf_counter() - started:.1f} s", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, help="an existing store (default: build one in /tmp)")
    parser.add_argument("--scale", type=float, default=333, help="demo scale when building (333 ≈ 1M projects)")
    parser.add_argument("--lang", default="zh", choices=["zh", "en"])
    parser.add_argument("--repeat", type=int, default=3, help="uncached runs per page; the best is reported")
    args = parser.parse_args()

    db = args.db or Path(f"/tmp/sei-bench-{args.scale:g}.ducklake")
    build(db, args.scale)
    os.environ["SEI_DB"] = str(db)

    from streamlit.testing.v1 import AppTest

    timings: dict[str, float] = defaultdict(float)
    calls: dict[str, int] = defaultdict(int)
    def observe(name: str, seconds: float) -> None:
        timings[name] += seconds
        calls[name] += 1

    appdb.QUERY_OBSERVERS.append(observe)
    from tests.apptest_helpers import goto

    with store.opened(db, read_only=True) as con:
        projects = store.table_counts(con)["projects"]
    print(f"store: {db} ({projects:,} projects); target {TARGET_MS:.0f} ms of queries per page\n")
    print(f"{'page':<10}{'queries':>9}{'best ms':>10}{'worst query':>40}")
    worst_page = 0.0
    for slug, _icon, _render in PAGES:
        best, best_detail = None, {}
        for _ in range(args.repeat):
            at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=300)
            at.session_state["lang"] = "中文" if args.lang == "zh" else "English"
            at.run()  # first run lands on the default page; the measured run below includes the sidebar
            import streamlit as st

            st.cache_data.clear()
            timings.clear()
            calls.clear()
            goto(at, slug).run()
            if at.exception:
                print(f"{slug}: exception {at.exception[0].message}")
                break
            total = sum(timings.values()) * 1000
            if best is None or total < best:
                best, best_detail = total, dict(timings)
        if best is None:
            continue
        worst = max(best_detail.items(), key=lambda kv: kv[1]) if best_detail else ("", 0.0)
        name = worst[0].split(":")[-1]
        print(f"{slug:<10}{len(best_detail):>9}{best:>10.0f}{name + f' {worst[1] * 1000:.0f} ms':>40}")
        worst_page = max(worst_page, best)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nslowest page: {worst_page:.0f} ms of queries ({'within' if worst_page <= TARGET_MS else 'OVER'} "
          f"the {TARGET_MS:.0f} ms target); peak RSS of this process {peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
