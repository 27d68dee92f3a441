"""Rebuild data/nbs_sei_crosswalk.csv: each GB/T 4754-2017 industry class the NBS 战略性新兴产业分类（2018） lists,
with the SEI sector (the taxonomy's key) where every SEI item listing it lies under one sector.

The NBS classification (国家统计局令第23号, 2018) lists, for each SEI item, the 国民经济行业分类 codes it covers.
This script reads a public parse of it: ``data/industry_tree_advanced.json`` of the GitHub repository
swifthu/industrial_classifi (https://github.com/swifthu/industrial_classifi), where each 4754 class carries its
SEI items under ``tagDetail.strategic.categories`` as paths (新材料产业 > 稀土磁性材料制造). The first part of a
path is the NBS sector, matched to ``data/taxonomy.toml``'s ``nbs_name_zh``; 相关服务业 has no sector there. A class
whose items lie under two sectors (or 相关服务业) keeps its sector empty: the import does not use it.

    python -m scripts.build_nbs_crosswalk path/to/industry_tree_advanced.json
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

from dashboard import taxonomy
from dashboard.config import DATA_DIR

OUT = DATA_DIR / "nbs_sei_crosswalk.csv"
SOURCE = ("国家统计局《战略性新兴产业分类（2018）》（国家统计局令第23号）所列各战略性新兴产业分类"
          "对应的国民经济行业分类代码（GB/T 4754-2017），据 GitHub 公开仓库 swifthu/industrial_classifi"
          "（https://github.com/swifthu/industrial_classifi，data/industry_tree_advanced.json）的整理 / "
          "the 4754-2017 classes the NBS Strategic Emerging Industries Classification (2018) lists for each "
          "SEI item, as parsed in the public repository swifthu/industrial_classifi")


def build(tree: dict) -> list[dict[str, str]]:
    sector_of = {s.nbs_name_zh: s.slug for s in taxonomy.sectors()}
    rows: list[dict[str, str]] = []

    def walk(node: dict) -> None:
        detail = node.get("tagDetail", {}).get("strategic")
        if detail and len(node.get("code", "")) == 4:
            paths = [c["path"] for c in detail.get("categories", [])] or [detail.get("category", "")]
            groups = sorted({p.split(" > ")[0].strip() for p in paths if p})
            keys = {sector_of.get(g) for g in groups}
            one = next(iter(keys)) if len(keys) == 1 else None
            rows.append({"gbt4754_code": node["code"], "gbt4754_name": node["name"], "sector": one or "",
                         "nbs_sectors": "；".join(groups), "nbs_items": "；".join(p.split(" > ")[-1] for p in paths),
                         "source": SOURCE})
        for child in node.get("children", []):
            walk(child)

    walk(tree)
    return sorted(rows, key=lambda r: r["gbt4754_code"])


def main(argv: list[str]) -> None:
    rows = build(json.loads(Path(argv[0]).read_text(encoding="utf-8")))
    with OUT.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    shared = sum(1 for r in rows if not r["sector"])
    print(f"{OUT.name}: {len(rows)} classes, {len(rows) - shared} in one sector, {shared} shared or unmatched")


if __name__ == "__main__":
    main(sys.argv[1:])
