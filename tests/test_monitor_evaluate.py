"""Metrics of labellers (labkit.monitor.evaluate)."""

from __future__ import annotations

import numpy as np
import pytest

from labkit.errors import LabkitError
from labkit.monitor import cohen_kappa, evaluate


def test_per_class_precision_recall_and_the_confusion_matrix():
    true = ["question", "question", "complaint", "praise"]
    pred = ["question", "complaint", "complaint", "praise"]
    ev = evaluate(true, pred, labels=["question", "complaint", "praise"])
    assert ev.per_class.loc["question", "recall"] == 0.5
    assert ev.per_class.loc["complaint", "precision"] == 0.5
    assert ev.per_class.loc["question", "support"] == 2
    assert ev.confusion.loc["question", "complaint"] == 1
    assert ev.macro_f1 == pytest.approx(np.mean([2 / 3, 2 / 3, 1.0]))
    assert ev.n == 4 and ev.accuracy == 0.75


def test_labels_never_seen_do_not_drag_macro_f1_down():
    ev = evaluate(["a", "b"], ["a", "b"], labels=["a", "b", "c"])
    assert ev.macro_f1 == 1.0 and ev.per_class.loc["c", "support"] == 0


def test_kappa_is_one_for_agreement_and_near_zero_for_chance():
    a = ["q", "c", "p", "q", "c", "p"]
    assert cohen_kappa(a, a) == 1.0
    rng = np.random.default_rng(0)
    x, y = rng.choice(list("abc"), 3000), rng.choice(list("abc"), 3000)
    assert abs(cohen_kappa(x, y)) < 0.05


def test_kappa_leaves_out_unlabelled_pairs():
    assert cohen_kappa(["q", "c", None, "p"], ["q", "c", "p", ""]) == 1.0


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda: evaluate(["a"], ["a", "b"]), "sama panjang"),
        (lambda: evaluate([], []), "Tidak ada label"),
        (lambda: cohen_kappa(["a", None], ["a", "b"]), "paling sedikit 2"),
    ],
)
def test_bad_input_is_explained(call, words):
    with pytest.raises(LabkitError, match=words):
        call()
