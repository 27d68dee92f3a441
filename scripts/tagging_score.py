"""Score the automatic sector tagger against the labelled project names.

Prints precision, recall and F1 per sector and for "unclassified" as a class, overall accuracy, the
share of projects left unclassified and the time taken, then the misclassified rows.

    .venv/bin/python -m scripts.tagging_score [path/to/labelled.csv] [--counts-only]

``--counts-only`` prints the two scores and nothing of any name: a fresh set's one count is taken that way,
so that nobody reads its misses before deciding what to fix.

The real-name sets beside the labelled one (tests/data/holdout*.csv, tuning_real_projects.csv,
check_real_projects.csv) score the same way. Each was gathered, labelled and committed before the tagger was
run on it; once its misses guided class fixes it is no longer a fresh measure. tests/test_tagging.py guards
each set's measured score.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

from dashboard import tagging, taxonomy

ROOT = Path(__file__).resolve().parent.parent

LABELLED = ROOT / "tests" / "data" / "labelled_projects.csv"
NONE = "unclassified"


def load(path: Path = LABELLED) -> list[dict[str, str]]:
    """The labelled rows: name, content and sector ('' when not an SEI project)."""
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def per_class(truth: list[str], pred: list[str], cls: str) -> tuple[float, float, float, int]:
    """Precision, recall, F1 and support of one class."""
    tp = sum(t == cls and p == cls for t, p in zip(truth, pred, strict=True))
    n_pred = sum(p == cls for p in pred)
    n_true = sum(t == cls for t in truth)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_true if n_true else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, n_true


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.tagging_score", description=__doc__.split("\n")[0])
    parser.add_argument("path", nargs="?", type=Path, default=LABELLED, help="a labelled CSV (name,content,sector,…)")
    parser.add_argument("--counts-only", action="store_true", help="the two scores only, no per-name output")
    args = parser.parse_args(argv[1:])
    try:
        rows = load(args.path)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        parser.exit(2, f"cannot read {args.path}: {exc}\n")
    if not rows or not {"name", "content", "sector"} <= set(rows[0]):
        parser.exit(2, f"{args.path}: expected a CSV with the columns name, content, sector\n")
    names = [r["name"] for r in rows]
    contents = [r["content"] or None for r in rows]
    tagging.tag_many(names[:1])  # compile the tables outside the timing
    t0 = time.perf_counter()
    results = tagging.tag_many(names, contents)
    elapsed = time.perf_counter() - t0

    truth = [r["sector"] or NONE for r in rows]
    pred = [r.sector or NONE for r in results]
    classes = [s.slug for s in taxonomy.sectors()] + [NONE]
    if args.counts_only:
        _scores(truth, pred)
        return 0
    print(f"{'class':<20}{'precision':>10}{'recall':>10}{'F1':>10}{'n':>6}")
    for cls in classes:
        p, r, f, n = per_class(truth, pred, cls)
        print(f"{cls:<20}{p:>10.3f}{r:>10.3f}{f:>10.3f}{n:>6}")
    _scores(truth, pred)
    accuracy = sum(t == p for t, p in zip(truth, pred, strict=True)) / len(rows)
    unclassified = sum(p == NONE for p in pred) / len(rows)
    print(f"\naccuracy {accuracy:.3f}   unclassified {unclassified:.1%} "
          f"(labelled non-SEI {truth.count(NONE) / len(rows):.1%})   rows {len(rows)}   "
          f"tagging time {elapsed * 1000:.1f} ms")
    wrong = [(row, res) for row, res, t, p in zip(rows, results, truth, pred, strict=True) if t != p]
    if wrong:
        print(f"\nmisclassified ({len(wrong)}):")
        for row, res in wrong:
            print(f"  {row['name']}  label={row['sector'] or NONE}  got={res.sector or NONE} "
                  f"conf={res.confidence:.2f} matched={'、'.join(res.matched)}")
    return 0


def _scores(truth: list[str], pred: list[str]) -> None:
    """The issue's two measures: SEI names under their own sector, non-SEI names left unclassified."""
    sei = [(t, p) for t, p in zip(truth, pred, strict=True) if t != NONE]
    non_sei = [p for t, p in zip(truth, pred, strict=True) if t == NONE]
    if sei:
        right = sum(t == p for t, p in sei)
        wrong = sum(p not in (t, NONE) for t, p in sei)
        print(f"\nSEI projects tagged to their sector: {right} of {len(sei)} ({right / len(sei):.1%}; "
              f"{wrong} to another sector)")
    if non_sei:
        print(f"non-SEI projects left unclassified: {non_sei.count(NONE)} of {len(non_sei)} "
              f"({non_sei.count(NONE) / len(non_sei):.1%})")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
