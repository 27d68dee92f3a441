"""Time-respecting back-test of a learned fallback for the sector tagger (issue 12).

For each held-out set N with a recorded first ("fresh") count, the keyword tagger is run AS IT WAS at that
count (a detached worktree of the recorded main commit, /tmp/tagml-<sha>, with PYTHONPATH there), a model
(scripts/tagmodel.py) is trained ONLY on the sets gathered before N (labelled, tuning, check, holdout,
holdout2 … holdout<N-1>, each file as it stood at that commit, or as first committed when it was not there
yet), and set N is scored keyword-only and keyword+model: SEI names right / under a wrong sector /
unclassified, non-SEI names left unclassified. Sums over the sets decide. A leave-one-set-out score with
today's tagger (this checkout) is printed too.

tests/data/holdout22_projects.csv is sealed: it is never read here (every path goes through
:func:`read_rows`, which refuses it).

    PYTHONPATH=$PWD .venv/bin/python -m scripts.backtest_tagger [--model nb123] [--gate noneg] [--rank logodds]
        [--threshold 20] [--loso]          # one policy: the per-set table (and leave-one-set-out)
    PYTHONPATH=$PWD .venv/bin/python -m scripts.backtest_tagger --grid [--fitters nb123]   # sums per policy

The old commits must be in the history of TAGML_MAIN (default /work/main); their worktrees are made as needed
and left for re-use (remove them with `git worktree remove`). Session 26's result (CHANGELOG.md, README's tagger
section): no model and threshold met the rule for adoption (+3 points of SEI right summed over the sets, at most
half a point of non-SEI, no more wrong sectors), so the tagger does not use one.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from scripts import tagmodel

ROOT = Path(__file__).resolve().parent.parent
MAIN = Path(os.environ.get("TAGML_MAIN", "/work/main"))  # the repository whose history holds the commits
CACHE = Path(os.environ.get("TAGML_CACHE", "/tmp/tagml-cache"))
PYTHON = os.environ.get("TAGML_PYTHON", sys.executable)
SEALED = frozenset({"holdout22_projects.csv"})
EARLY = ("labelled_projects.csv", "tuning_real_projects.csv", "check_real_projects.csv", "holdout_projects.csv")

# Each held-out set and the main commit whose tagger first counted it (tests/test_tagging.py, HELD_OUT_SETS).
# holdout18 was counted on round 12 (f73b292); holdout19 and holdout20 on rounds 13 and 14 (which changed no
# verdict on them, README): 19b0c02 is main just before those counts were pinned (46c7649), with both files as
# counted (holdout19 after its dedupe against holdout20).
FIRST_COUNTS: tuple[tuple[int, str], ...] = (
    (5, "9f1bc53"), (6, "e28119b"), (7, "7cab0ff"), (8, "97d2449"), (9, "4a52871"), (10, "35f17d2"),
    (11, "0afb17b"), (12, "0505e09"), (13, "4ef4255"), (14, "702d512"), (15, "2c07594"), (16, "f49a9e6"),
    (17, "f73b292"), (18, "f73b292"), (19, "19b0c02"), (20, "19b0c02"), (21, "8453cf6"),
)

# Run inside the old checkout: the tagger's verdict, confidence, and its scan of the name (keywords, flags).
ORACLE = r"""
import json, sys
from dashboard import tagging
names = json.load(sys.stdin)
res = tagging.tag_many(names)
out = []
for n, r in zip(names, res):
    hits, uses, flags = tagging._scan(n.strip())
    out.append([r.sector, r.confidence, list(hits), int(flags)])
json.dump(out, sys.stdout, ensure_ascii=False)
"""


def set_file(k: int) -> str:
    return f"holdout{k}_projects.csv" if k > 1 else "holdout_projects.csv"


def read_rows(commit: str | None, file: str) -> list[dict[str, str]]:
    """A labelled file's rows as at ``commit`` (as first committed when it was not there yet); None: this
    checkout's file. Never the sealed set."""
    if file in SEALED or "holdout22" in file:
        raise PermissionError(f"{file} is sealed")
    if commit is None:
        text = (ROOT / "tests" / "data" / file).read_text(encoding="utf-8")
    else:
        path = f"tests/data/{file}"
        got = subprocess.run(["git", "-C", str(MAIN), "show", f"{commit}:{path}"], capture_output=True, text=True)
        if got.returncode != 0:
            first = subprocess.run(["git", "-C", str(MAIN), "log", "--diff-filter=A", "--format=%H", "--", path],
                                   capture_output=True, text=True, check=True).stdout.split()[-1]
            got = subprocess.run(["git", "-C", str(MAIN), "show", f"{first}:{path}"], capture_output=True,
                                 text=True, check=True)
        text = got.stdout
    return list(csv.DictReader(io.StringIO(text)))


@dataclass(frozen=True)
class Verdict:
    sector: str | None
    confidence: float
    hits: tuple[str, ...]
    flags: int


def keyword_verdicts(commit: str | None, names: Sequence[str]) -> list[Verdict]:
    """The keyword tagger of ``commit`` (None: this checkout) on ``names``, cached under CACHE."""
    CACHE.mkdir(parents=True, exist_ok=True)
    cached = CACHE / f"{commit}-{_digest(names)}.json" if commit else None
    if cached and cached.exists():
        raw = json.loads(cached.read_text(encoding="utf-8"))
    else:
        if commit is None:
            where = ROOT
        else:
            where = Path(f"/tmp/tagml-{commit}")
            if not where.exists():
                subprocess.run(["git", "-C", str(MAIN), "worktree", "add", "--detach", str(where), commit],
                               check=True, capture_output=True)
        env = {**os.environ, "PYTHONPATH": str(where)}
        got = subprocess.run([PYTHON, "-c", ORACLE], input=json.dumps(list(names), ensure_ascii=False),
                             capture_output=True, text=True, cwd=where, env=env, check=True)
        raw = json.loads(got.stdout)
        if cached:
            cached.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    return [Verdict(s, float(c), tuple(h), int(f)) for s, c, h, f in raw]


def _digest(names: Sequence[str]) -> str:
    return hashlib.sha256("\n".join(names).encode()).hexdigest()[:16]


# --- policies: how the model's probabilities combine with the keyword verdict -------------------------

NEG, BUILT = 1, 4  # the scan's negative-context and built-word flags (the same bits at every commit)


@dataclass(frozen=True)
class Policy:
    """``gate``: which unclassified names the model may tag — ``any``, ``noneg`` (no negative context or
    built word in the name), ``nohits`` (no keyword and no context at all). ``rank``: ``top`` — the model's
    top class must be a sector with probability >= ``threshold``; ``logodds`` — the model's best sector is
    taken when log(P(any sector) / P(not SEI)) >= ``threshold`` (naive Bayes saturates its probabilities at
    1.0, its log-odds still rank). ``rerank``: below this keyword confidence the model's top sector (at
    probability ``rerank_threshold``) replaces the keyword one (0: never)."""

    gate: str = "noneg"
    threshold: float = 0.9
    rerank: float = 0.0
    rerank_threshold: float = 0.9
    rank: str = "top"

    def label(self) -> str:
        text = f"{self.gate} {'p' if self.rank == 'top' else 'log-odds'}>={self.threshold:g}"
        if self.rerank:
            text += f" rerank conf<{self.rerank:.2f} p>={self.rerank_threshold:.2f}"
        return text


def apply(policy: Policy, verdicts: Sequence[Verdict], logp: np.ndarray, classes: Sequence[str]
          ) -> list[str | None]:
    """The verdicts of keyword+model: ``logp`` holds the model's log-probabilities, one row per name."""
    none = classes.index(tagmodel.NONE)
    sectors = logp.copy()
    sectors[:, none] = -np.inf
    best = sectors.argmax(axis=1)
    top = logp.argmax(axis=1)
    m = sectors.max(axis=1, keepdims=True)
    logodds = (np.log(np.exp(sectors - m).sum(axis=1)) + m[:, 0]) - logp[:, none]
    out: list[str | None] = []
    for i, v in enumerate(verdicts):
        sector = v.sector
        if policy.rank == "top":
            guess = classes[top[i]] or None
            sure = float(np.exp(logp[i, top[i]])) >= policy.threshold
        else:
            guess = classes[best[i]]
            sure = float(logodds[i]) >= policy.threshold
        if sector is None:
            gate_ok = (policy.gate == "any" or (policy.gate == "noneg" and not v.flags & (NEG | BUILT))
                       or (policy.gate == "nohits" and not v.hits and not v.flags))
            if gate_ok and guess and sure:
                sector = guess
        elif policy.rerank and v.confidence < policy.rerank and classes[top[i]] not in (sector, tagmodel.NONE) \
                and float(np.exp(logp[i, top[i]])) >= policy.rerank_threshold:
            sector = classes[top[i]]
        out.append(sector)
    return out


@dataclass
class Score:
    sei: int = 0
    right: int = 0
    wrong: int = 0
    non: int = 0
    left: int = 0

    def add(self, other: Score) -> None:
        for f in ("sei", "right", "wrong", "non", "left"):
            setattr(self, f, getattr(self, f) + getattr(other, f))

    def cells(self) -> str:
        un = self.sei - self.right - self.wrong
        return (f"{self.right}/{self.sei} ({100 * self.right / self.sei:.1f}%) | {self.wrong} | {un} | "
                f"{self.left}/{self.non} ({100 * self.left / self.non:.1f}%)")


def score(rows: Sequence[dict[str, str]], got: Sequence[str | None]) -> Score:
    s = Score()
    for r, g in zip(rows, got, strict=True):
        if r["sector"]:
            s.sei += 1
            s.right += g == r["sector"]
            s.wrong += g is not None and g != r["sector"]
        else:
            s.non += 1
            s.left += g is None
    return s


# --- the back-test ---------------------------------------------------------------------------------

@dataclass
class Fold:
    name: str
    rows: list[dict[str, str]]
    verdicts: list[Verdict]
    train_names: list[str]
    train_labels: list[str]


def training_files(k: int) -> tuple[str, ...]:
    """The sets gathered before holdout<k>: what its model may learn from."""
    return (*EARLY, *(set_file(j) for j in range(2, k)))


def time_folds() -> list[Fold]:
    """One fold per recorded first count: the set as counted, its commit's keyword verdicts, and the names
    of the sets gathered before it (each as it stood at that commit)."""
    folds = []
    for k, commit in FIRST_COUNTS:
        rows = read_rows(commit, set_file(k))
        train = [r for f in training_files(k) for r in read_rows(commit, f)]
        verdicts = keyword_verdicts(commit, [r["name"] for r in rows])
        folds.append(Fold(f"holdout{k} @{commit}", rows, verdicts, [r["name"] for r in train],
                          [r["sector"] for r in train]))
    return folds


def loso_folds() -> list[Fold]:
    """One fold per labelled file of this checkout (holdout22 never): today's keyword verdicts on it, the
    model trained on every other file."""
    files = list(training_files(22))
    data = {f: read_rows(None, f) for f in files}
    folds = []
    for f in files:
        rows = data[f]
        train = [r for g in files if g != f for r in data[g]]
        verdicts = keyword_verdicts(None, [r["name"] for r in rows])
        folds.append(Fold(f.removesuffix("_projects.csv"), rows, verdicts, [r["name"] for r in train],
                          [r["sector"] for r in train]))
    return folds


Fitter = Callable[[list[str], list[str], list[str]], tagmodel.Model]


def classes_of(folds: Sequence[Fold]) -> list[str]:
    found = sorted({label for f in folds for label in f.train_labels} | {tagmodel.NONE})
    return found


def fold_logps(folds: Sequence[Fold], fitter: Fitter) -> list[np.ndarray]:
    """Per fold, the model trained on the fold's training names: its log-probabilities on the fold's set."""
    classes = classes_of(folds)
    out = []
    for f in folds:
        s = fitter(f.train_names, f.train_labels, classes).scores([r["name"] for r in f.rows])
        m = s.max(axis=1, keepdims=True)
        out.append(s - (np.log(np.exp(s - m).sum(axis=1, keepdims=True)) + m))
    return out


def run(folds: Sequence[Fold], logps: Sequence[np.ndarray], classes: Sequence[str], policy: Policy | None
        ) -> tuple[Score, list[Score]]:
    total, per = Score(), []
    for f, p in zip(folds, logps, strict=True):
        got = [v.sector for v in f.verdicts] if policy is None else apply(policy, f.verdicts, p, classes)
        s = score(f.rows, got)
        total.add(s)
        per.append(s)
    return total, per


FITTERS: dict[str, Fitter] = {
    "nb123": lambda n, y, c: tagmodel.fit_nb(n, y, c, orders=(1, 2, 3), alpha=0.5),
    "nb23": lambda n, y, c: tagmodel.fit_nb(n, y, c, orders=(2, 3), alpha=0.5),
    "nb1234": lambda n, y, c: tagmodel.fit_nb(n, y, c, orders=(1, 2, 3, 4), alpha=0.5),
    "lr123": lambda n, y, c: tagmodel.fit_lr(n, y, c, orders=(1, 2, 3)),
    "lr23": lambda n, y, c: tagmodel.fit_lr(n, y, c, orders=(2, 3)),
}

GRID = [Policy(g, t) for g in ("nohits", "noneg", "any") for t in (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99)] + [
    Policy(g, t, rank="logodds") for g in ("noneg", "any") for t in (5, 10, 15, 18, 20, 25, 30)] + [
    Policy("noneg", t, rr, rt) for t in (0.9, 0.95) for rr in (0.2, 0.3, 0.4) for rt in (0.9, 0.95, 0.99)]


HEADER = "| set | SEI right | wrong sector | unclassified | non-SEI left |\n|---|---|---|---|---|"


def table(folds: Sequence[Fold], kw: list[Score], mdl: list[Score], kw_total: Score, mdl_total: Score) -> str:
    lines = ["| set | keyword only: SEI right | wrong | unclass. | non-SEI left | keyword+model: SEI right | wrong "
             "| unclass. | non-SEI left |", "|---|---|---|---|---|---|---|---|---|"]
    for f, a, b in zip(folds, kw, mdl, strict=True):
        lines.append(f"| {f.name} | {a.cells()} | {b.cells()} |")
    lines.append(f"| **sum** | {kw_total.cells()} | {mdl_total.cells()} |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default="nb123", choices=sorted(FITTERS))
    ap.add_argument("--gate", default="noneg")
    ap.add_argument("--threshold", type=float, default=0.9)
    ap.add_argument("--rerank", type=float, default=0.0)
    ap.add_argument("--rerank-threshold", type=float, default=0.9)
    ap.add_argument("--rank", default="top", choices=("top", "logodds"))
    ap.add_argument("--fitters", default=",".join(FITTERS), help="the models --grid tries")
    ap.add_argument("--grid", action="store_true", help="every model and policy, sums only")
    ap.add_argument("--loso", action="store_true", help="also leave-one-set-out with today's tagger")
    args = ap.parse_args(argv)
    folds = time_folds()
    classes = classes_of(folds)
    kw_total, kw_per = run(folds, [np.zeros((len(f.rows), len(classes))) for f in folds], classes, None)
    print(f"keyword only (time back-test, {len(folds)} sets): {kw_total.cells()}")
    if args.grid:
        for name in args.fitters.split(","):
            fitter = FITTERS[name]
            logps = fold_logps(folds, fitter)
            for policy in GRID:
                total, _ = run(folds, logps, classes, policy)
                print(f"{name:7} {policy.label():48} {total.cells()}  "
                      f"dSEI {total.right - kw_total.right:+d} dwrong {total.wrong - kw_total.wrong:+d} "
                      f"dleft {total.left - kw_total.left:+d}")
        return 0
    policy = Policy(args.gate, args.threshold, args.rerank, args.rerank_threshold, args.rank)
    logps = fold_logps(folds, FITTERS[args.model])
    total, per = run(folds, logps, classes, policy)
    print(f"\nTime-respecting back-test, model {args.model}, {policy.label()}\n")
    print(table(folds, kw_per, per, kw_total, total))
    if args.loso:
        lfolds = loso_folds()
        lclasses = classes_of(lfolds)
        lkw, lkw_per = run(lfolds, [np.zeros((len(f.rows), len(lclasses))) for f in lfolds], lclasses, None)
        llogps = fold_logps(lfolds, FITTERS[args.model])
        ltotal, lper = run(lfolds, llogps, lclasses, policy)
        print(f"\nLeave-one-set-out with today's tagger, model {args.model}, {policy.label()}\n")
        print(table(lfolds, lkw_per, lper, lkw, ltotal))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
