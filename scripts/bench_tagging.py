"""Time the sector tagger on N distinct project names (default 100,000), as an import tags them.

Names are the taxonomy's demo templates and the labelled set's names, varied with owners, cities,
numbers and phases so that every name is distinct (the import tags each distinct text once).
The keyword tables are compiled before the clock starts; the result caches are cleared.

    .venv/bin/python -m scripts.bench_tagging [N] [--repeat R]
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import time
from pathlib import Path

from dashboard import tagging, taxonomy

ROOT = Path(__file__).resolve().parent.parent

CITIES = ["合肥市", "苏州市", "成都市", "西安市", "武汉市", "长沙市", "宁德市", "包头市", "鄂尔多斯市", "赣州市"]
OWNERS = ["华芯科技有限公司", "新源能源集团", "中材新材料股份", "瑞康生物医药", "远景智能装备", "绿城环保科技"]
PHASES = ["", "一期", "二期", "三期"]


def names(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    templates = [t for sf in taxonomy.subfields() for t in sf.demo_templates]
    with (ROOT / "tests" / "data" / "labelled_projects.csv").open(encoding="utf-8", newline="") as f:
        labelled = [r["name"] for r in csv.DictReader(f)]
    out: list[str] = []
    for i in range(n):
        if i % 3 == 2:
            out.append(f"{rng.choice(CITIES)}{labelled[i % len(labelled)]}{i}")
        else:
            t = templates[i % len(templates)]
            name = t.format(owner=rng.choice(OWNERS), city=rng.choice(CITIES), n=rng.randint(1, 99),
                            phase=rng.choice(PHASES))
            out.append(f"{name}（{i}号）")
    return out


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("n", nargs="?", type=int, default=100_000)
    p.add_argument("--repeat", type=int, default=3)
    args = p.parse_args(argv)
    data = names(args.n)
    tagging.tag_many(data[:1])  # compile the tables
    times, cpu = [], []
    for _ in range(args.repeat):
        tagging._decide.cache_clear()
        tagging._tag_cached.cache_clear()
        t0, c0 = time.perf_counter(), time.process_time()
        results = tagging.tag_many(data)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    tagged = sum(r.sector is not None for r in results)
    # CPU time as well as wall time: on a shared machine the wall clock also counts other people's work
    print(f"{args.n:,} distinct names: best {min(times):.3f} s wall, {min(cpu):.3f} s CPU "
          f"(median {sorted(times)[len(times) // 2]:.3f} s wall; {tagged:,} tagged)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
