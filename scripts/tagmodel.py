"""A learned sector classifier over character n-grams of a project's name (issue 12's experiment).

Two models, both plain numpy and deterministic: multinomial naive Bayes (``nb``) and softmax logistic
regression with L2 (``lr``, full-batch gradient descent from zero weights, a fixed number of steps). The
classes are the sector slugs and ``""`` (not SEI: the labelled sets' empty sector). A name is normalised
(NFKC, lower case, blanks removed, every digit written 0: 年产10万吨 and 年产5万吨 share their grams) and
read as its character n-grams, with ``^`` and ``$`` marking its ends.

scripts/backtest_tagger.py measures whether such a model, used as a fallback or re-ranker for the keyword
tagger, would have helped on each fresh held-out set as it was first counted.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

_DIGITS = re.compile(r"[0-9]")
_BLANKS = re.compile(r"\s+")
NONE = ""  # the class of a name outside the eight sectors


def normalise(name: str) -> str:
    """NFKC, lower case, no blanks, every digit 0."""
    text = unicodedata.normalize("NFKC", name).lower()
    return _DIGITS.sub("0", _BLANKS.sub("", text))


def grams(name: str, orders: Sequence[int] = (1, 2, 3)) -> list[str]:
    """The character n-grams of a normalised name (with ^ and $ at its ends), each order in ``orders``."""
    text = f"^{normalise(name)}$"
    out: list[str] = []
    for n in orders:
        out.extend(text[i:i + n] for i in range(len(text) - n + 1))
    return out


@dataclass
class Model:
    """A fitted model: its classes, its gram vocabulary, a weight per (gram, class) and a bias per class;
    the score of a class is the bias plus the weights of the name's grams (each occurrence counted)."""

    classes: tuple[str, ...]
    vocab: dict[str, int]
    weights: np.ndarray  # (len(vocab), len(classes)) float64
    bias: np.ndarray  # (len(classes),)
    orders: tuple[int, ...]

    def scores(self, names: Sequence[str]) -> np.ndarray:
        """Unnormalised log-scores, one row per name."""
        out = np.tile(self.bias, (len(names), 1))
        for row, name in enumerate(names):
            idx = [self.vocab[g] for g in grams(name, self.orders) if g in self.vocab]
            if idx:
                out[row] += self.weights[idx].sum(axis=0)
        return out

    def proba(self, names: Sequence[str]) -> np.ndarray:
        """Class probabilities, one row per name (softmax of :meth:`scores`)."""
        s = self.scores(names)
        s -= s.max(axis=1, keepdims=True)
        e = np.exp(s)
        return e / e.sum(axis=1, keepdims=True)


def _design(names: Sequence[str], orders: tuple[int, ...], min_count: int
            ) -> tuple[dict[str, int], np.ndarray, np.ndarray]:
    """The vocabulary (grams seen at least ``min_count`` times, in order of first sight) and the sparse
    design as (row, column) pairs, one per gram occurrence."""
    counts: dict[str, int] = {}
    rows_grams = [grams(n, orders) for n in names]
    for gs in rows_grams:
        for g in gs:
            counts[g] = counts.get(g, 0) + 1
    vocab: dict[str, int] = {}
    for gs in rows_grams:
        for g in gs:
            if counts[g] >= min_count and g not in vocab:
                vocab[g] = len(vocab)
    rows, cols = [], []
    for r, gs in enumerate(rows_grams):
        for g in gs:
            if g in vocab:
                rows.append(r)
                cols.append(vocab[g])
    return vocab, np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64)


def fit_nb(names: Sequence[str], labels: Sequence[str], classes: Sequence[str], *,
           orders: tuple[int, ...] = (1, 2, 3), alpha: float = 0.5, min_count: int = 1,
           uniform_prior: bool = False) -> Model:
    """Multinomial naive Bayes with additive smoothing ``alpha``."""
    vocab, rows, cols = _design(names, orders, min_count)
    cls = {c: i for i, c in enumerate(classes)}
    y = np.array([cls[label] for label in labels], dtype=np.int64)
    counts = np.zeros((len(vocab), len(classes)))
    np.add.at(counts, (cols, y[rows]), 1.0)
    counts += alpha
    weights = np.log(counts / counts.sum(axis=0, keepdims=True))
    prior = np.bincount(y, minlength=len(classes)).astype(float) + 1.0
    bias = np.zeros(len(classes)) if uniform_prior else np.log(prior / prior.sum())
    return Model(tuple(classes), vocab, weights, bias, orders)


def fit_lr(names: Sequence[str], labels: Sequence[str], classes: Sequence[str], *,
           orders: tuple[int, ...] = (1, 2, 3), l2: float = 1e-3, steps: int = 300, rate: float = 0.5,
           min_count: int = 1) -> Model:
    """Softmax logistic regression, L2 ``l2`` per name, full-batch gradient descent with momentum from zero
    weights (deterministic: no sampling). Each name's grams are weighted 1/sqrt(count) so that long names do
    not dominate."""
    vocab, rows, cols = _design(names, orders, min_count)
    n, k, v = len(names), len(classes), len(vocab)
    cls = {c: i for i, c in enumerate(classes)}
    y = np.array([cls[label] for label in labels], dtype=np.int64)
    per_row = np.bincount(rows, minlength=n).astype(float)
    vals = 1.0 / np.sqrt(np.maximum(per_row[rows], 1.0))
    onehot = np.zeros((n, k))
    onehot[np.arange(n), y] = 1.0
    # Sparse products by sorted segments (np.add.reduceat), rows in order already, columns sorted once.
    row_starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
    row_ids = rows[row_starts]
    by_col = np.argsort(cols, kind="stable")
    col_sorted = cols[by_col]
    col_starts = np.flatnonzero(np.r_[True, col_sorted[1:] != col_sorted[:-1]])
    col_ids = col_sorted[col_starts]
    w = np.zeros((v, k))
    b = np.zeros(k)
    mw, mb = np.zeros_like(w), np.zeros_like(b)
    for _ in range(steps):
        s = np.zeros((n, k))
        s[row_ids] = np.add.reduceat(w[cols] * vals[:, None], row_starts, axis=0)
        s += b
        s -= s.max(axis=1, keepdims=True)
        p = np.exp(s)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - onehot) / n
        gw = np.zeros((v, k))
        gw[col_ids] = np.add.reduceat((g[rows] * vals[:, None])[by_col], col_starts, axis=0)
        gw += l2 * w
        gb = g.sum(axis=0)
        mw = 0.9 * mw + gw
        mb = 0.9 * mb + gb
        w -= rate * mw
        b -= rate * mb
    # Scoring adds a gram's weight per occurrence; fold the training scale in by the name's length at
    # prediction time instead: Model.scores sums raw weights, so keep the scale as trained (1/sqrt(len)).
    return _ScaledModel(tuple(classes), vocab, w, b, orders)


class _ScaledModel(Model):
    """A logistic model: a name's gram weights are scaled by 1/sqrt(its gram count), as in training."""

    def scores(self, names: Sequence[str]) -> np.ndarray:
        out = np.tile(self.bias, (len(names), 1))
        for row, name in enumerate(names):
            gs = grams(name, self.orders)
            idx = [self.vocab[g] for g in gs if g in self.vocab]
            if idx:
                out[row] += self.weights[idx].sum(axis=0) / np.sqrt(len(idx))
        return out
