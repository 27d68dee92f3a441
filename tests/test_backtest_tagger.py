"""scripts/backtest_tagger.py and scripts/tagmodel.py: the back-test of a learned fallback for the tagger
(issue 12). The back-test itself runs old commits' taggers and takes minutes; these tests check the parts
it rests on: the sealed set is refused, each fold learns only from earlier sets, the models learn and are
deterministic, and the policy only ever fills in what the keyword tagger left unclassified."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

from scripts import backtest_tagger as bt
from scripts import tagmodel

DATA = Path(__file__).resolve().parent / "data"


@pytest.mark.parametrize("commit", [None, "8453cf6"])
def test_the_sealed_set_is_refused_before_anything_is_read(commit: str | None) -> None:
    with pytest.raises(PermissionError):
        bt.read_rows(commit, "holdout22_projects.csv")


def test_each_fold_learns_only_from_sets_gathered_before_it() -> None:
    assert [k for k, _ in bt.FIRST_COUNTS] == list(range(5, 22))
    for k, _commit in bt.FIRST_COUNTS:
        files = bt.training_files(k)
        numbered = [int(f.removeprefix("holdout").removesuffix("_projects.csv") or 1)
                    for f in files if f.startswith("holdout")]
        assert max(numbered) == k - 1 and bt.set_file(k) not in files
    assert "holdout22_projects.csv" not in bt.training_files(22)


def _labelled() -> tuple[list[str], list[str]]:
    rows = list(csv.DictReader((DATA / "labelled_projects.csv").open(encoding="utf-8")))
    return [r["name"] for r in rows], [r["sector"] for r in rows]


@pytest.mark.parametrize("fit", [
    lambda n, y, c: tagmodel.fit_nb(n, y, c),
    lambda n, y, c: tagmodel.fit_lr(n, y, c, steps=300),
], ids=["nb", "lr"])
def test_the_models_learn_the_labelled_names_and_are_deterministic(fit) -> None:
    names, labels = _labelled()
    classes = sorted(set(labels) | {tagmodel.NONE})
    model = fit(names, labels, classes)
    got = [classes[i] for i in model.scores(names).argmax(axis=1)]
    assert sum(g == t for g, t in zip(got, labels, strict=True)) / len(labels) > 0.9
    again = fit(names, labels, classes)
    assert np.array_equal(model.scores(names[:50]), again.scores(names[:50]))
    assert np.allclose(model.proba(names[:5]).sum(axis=1), 1.0)


def test_normalised_grams_ignore_digits_width_and_blanks() -> None:
    assert tagmodel.grams("年产10万吨 ＰＶ") == tagmodel.grams("年产25万吨pv") != tagmodel.grams("年产25万吨")


def test_the_policy_only_fills_in_names_the_keywords_left_unclassified() -> None:
    classes = ["", "biotech", "new_energy"]
    sure = np.log(np.array([[1e-12, 1e-12, 1.0]]))  # the model is sure: new_energy
    verdicts = [bt.Verdict("biotech", 0.9, ("生物医药",), 0),  # a keyword verdict stands
                bt.Verdict(None, 0.0, ("道路",), bt.NEG),  # negative context: never tagged under noneg
                bt.Verdict(None, 0.0, (), 0)]  # nothing found: the model may tag it
    logp = np.repeat(sure, 3, axis=0)
    policy = bt.Policy("noneg", 20, rank="logodds")
    assert bt.apply(policy, verdicts, logp, classes) == ["biotech", None, "new_energy"]
    assert bt.apply(bt.Policy("any", 20, rank="logodds"), verdicts, logp, classes) == ["biotech", "new_energy",
                                                                                       "new_energy"]
    unsure = np.log(np.array([[0.5, 0.1, 0.4]] * 3))
    assert bt.apply(policy, verdicts, unsure, classes) == ["biotech", None, None]
    rows = [{"sector": "biotech"}, {"sector": ""}, {"sector": "new_energy"}]
    s = bt.score(rows, ["biotech", "new_energy", None])
    assert (s.sei, s.right, s.wrong, s.non, s.left) == (2, 1, 0, 1, 0)
