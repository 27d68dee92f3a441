"""How far labellers agree on the sealed held-out names, and where the tagger stands among them.

Two labellers who had never seen the sets' labels labelled the names of holdout18–holdout20 again, from
the guidance and the written labelling rules only (tests/data/agreement/labels_A.csv, labels_B.csv; see
tests/data/README.md). This prints counts only, never a name, so the sets stay sealed:

    .venv/bin/python -m scripts.label_agreement

O is the sets' own labels, A and B the new labellers, T the tagger as it is now. "The issue's measure"
scores one labelling against another taken as the truth: the share of SEI names put under the same
sector, and the share of non-SEI names left unclassified.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Sequence
from itertools import permutations
from pathlib import Path

from dashboard import tagging

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
LABELLERS = ("A", "B")


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def labellings() -> tuple[dict[str, list[str]], list[bool]]:
    """Each labelling (O, A, B, T) as one sector per name ('' for none), and whether both new labellers
    were sure of the name."""
    rows = {who: _read(DATA / "agreement" / f"labels_{who}.csv") for who in LABELLERS}
    keys = [(r["set"], r["name"]) for r in rows["A"]]
    assert keys == [(r["set"], r["name"]) for r in rows["B"]], "the two labellings list different names"
    original = {(s, r["name"]): r["sector"] for s in {k[0] for k in keys}
                for r in _read(DATA / f"{s}_projects.csv")}
    labels = {"O": [original[k] for k in keys]}
    labels |= {who: [r["sector"] for r in rows[who]] for who in LABELLERS}
    labels["T"] = [tag.sector or "" for tag in tagging.tag_many([name for _, name in keys])]
    sure = [a["sure"] == "yes" and b["sure"] == "yes" for a, b in zip(rows["A"], rows["B"], strict=True)]
    return labels, sure


def kappa(x: Sequence[str], y: Sequence[str]) -> float:
    """Cohen's kappa: agreement beyond what the two labellings' class shares give by chance."""
    n = len(x)
    observed = sum(a == b for a, b in zip(x, y, strict=True)) / n
    cx, cy = Counter(x), Counter(y)
    chance = sum(cx[c] * cy[c] for c in cx.keys() | cy.keys()) / n / n
    return (observed - chance) / (1 - chance)


def measure(truth: Sequence[str], other: Sequence[str], among: Sequence[int]) -> str:
    """The issue's measure of ``other`` against ``truth`` over the names ``among``."""
    sei = [i for i in among if truth[i]]
    non = [i for i in among if not truth[i]]
    right = sum(other[i] == truth[i] for i in sei)
    left = sum(not other[i] for i in non)
    return (f"SEI {right}/{len(sei)} ({right / len(sei):.1%}), "
            f"non-SEI left unclassified {left}/{len(non)} ({left / len(non):.1%})")


def main() -> None:
    labels, sure = labellings()
    every = range(len(sure))
    print(f"{len(sure)} names; SEI names per labelling: "
          + ", ".join(f"{who} {sum(map(bool, labels[who]))}" for who in labels))
    print("agreement on the sector (or none), and Cohen's kappa:")
    for a, b in (("O", "A"), ("O", "B"), ("A", "B"), ("T", "O"), ("T", "A"), ("T", "B")):
        same = sum(x == y for x, y in zip(labels[a], labels[b], strict=True))
        print(f"  {a}-{b}: {same}/{len(sure)} ({same / len(sure):.1%}), kappa {kappa(labels[a], labels[b]):.3f}")
    print("the issue's measure, each labelling in turn taken as the truth:")
    for truth, other in (*permutations("OAB", 2), ("O", "T"), ("A", "T"), ("B", "T")):
        print(f"  truth {truth}, scored {other}: {measure(labels[truth], labels[other], every)}")
    agreed = [i for i in every if labels["O"][i] == labels["A"][i] == labels["B"][i]]
    print(f"names all three labellings agree on: {len(agreed)}; "
          f"the tagger there: {measure(labels['O'], labels['T'], agreed)}")
    both_sure = [i for i in every if sure[i]]
    print(f"names both new labellers were sure of: {len(both_sure)}; "
          f"the tagger there: {measure(labels['O'], labels['T'], both_sure)}")


if __name__ == "__main__":
    main()
