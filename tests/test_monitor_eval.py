"""Both approaches measured on the project's hand-written held-out comments (issue 10's yardstick).

The figures are printed (run with ``-s``, or read the test log): per-class precision and recall,
macro-F1 and the confusion matrix, for the rules and the model, for triage and sentiment. The
goal is macro-F1 of at least 0.75 on the held-out set: the model meets it; the rules do not,
and their measured floor is asserted so that a regression fails.
"""

from __future__ import annotations

import pandas as pd
import pytest

from labkit.monitor import LABELS, SENTIMENTS, evaluate, labelled_comments, sentiment, triage

GOAL = 0.75
#: Measured floors of the rules (rounded down): the rules do not reach the goal.
RULES_FLOOR = {"triage": 0.50, "sentiment": 0.55}


@pytest.fixture(scope="module")
def held_out():
    return labelled_comments("eval")


def _measure(held_out: pd.DataFrame, task: str, method: str):
    if task == "triage":
        predicted = triage(held_out["text"], method=method)["label"].astype(str)
        return evaluate(held_out["label"], predicted, labels=list(LABELS))
    predicted = sentiment(held_out["text"], method=method)["sentiment"].astype(str)
    return evaluate(held_out["sentiment"], predicted, labels=list(SENTIMENTS))


def _report(result, task: str, method: str) -> None:
    print(
        f"\n== {task}, {method}: macro-F1 {result.macro_f1:.3f}, accuracy {result.accuracy:.3f}, n = {result.n}"
    )
    print(result.per_class.round(3).to_string())
    print(result.confusion.to_string())


@pytest.mark.parametrize("task", ["triage", "sentiment"])
def test_the_model_meets_the_goal_on_the_held_out_set(held_out, task):
    result = _measure(held_out, task, "model")
    _report(result, task, "model")
    assert result.n == len(held_out) >= 600
    assert result.macro_f1 >= GOAL


@pytest.mark.parametrize("task", ["triage", "sentiment"])
def test_the_rules_keep_their_measured_floor(held_out, task):
    result = _measure(held_out, task, "rules")
    _report(result, task, "rules")
    assert result.macro_f1 >= RULES_FLOOR[task]
    assert (
        result.macro_f1 < GOAL
    )  # if the rules reach the goal, say so in the docs and raise the floor
