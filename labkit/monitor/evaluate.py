"""How good is a labeller? Precision, recall, macro-F1, the confusion matrix and Cohen's kappa.

The project's labelled comments (``labkit/monitor/corpus/``, CC BY 4.0; see its
README) come in two splits: ``train`` (the statistical model learns from it, and the
rules were tuned on it) and ``eval`` (held out, written before any tuning, used only to
measure). The metrics are scikit-learn's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import numpy as np
import pandas as pd

from labkit.errors import LabkitError

SPLITS = ("train", "eval")
COLUMNS = ("text", "label", "sentiment", "register")


@cache
def _read(split: str) -> pd.DataFrame:
    path = resources.files("labkit.monitor").joinpath("corpus", f"{split}.csv")
    if not path.is_file():
        raise LabkitError("monitor.eval.no_corpus", split=split)
    with path.open("rb") as fh:
        frame = pd.read_csv(fh, dtype=str, keep_default_na=False)
    return frame


def labelled_comments(split: str = "eval") -> pd.DataFrame:
    """The project's labelled comments.

    Parameters
    ----------
    split : {"eval", "train"}
        ``eval`` is held out: use it to measure, never to tune.

    Returns
    -------
    DataFrame with ``text``, ``label`` (a triage label), ``sentiment`` and ``register``
    (formal, colloquial, alay...).
    """
    if split not in SPLITS:
        raise LabkitError("monitor.eval.bad_split", split=split, valid=", ".join(SPLITS))
    return _read(split).copy()


@dataclass(frozen=True)
class Evaluation:
    """Agreement of predicted labels with true ones.

    Attributes
    ----------
    per_class : DataFrame
        Per label: ``precision`` (of the comments given this label, the share truly so),
        ``recall`` (of the comments truly so, the share found), ``f1`` and ``support``
        (how many truly so: the denominator of recall).
    macro_f1 : float
        The mean of the per-label F1, each label weighing the same.
    accuracy : float
    confusion : DataFrame
        Rows: the true label; columns: the predicted one; cells: counts.
    n : int
        Comments compared.
    """

    per_class: pd.DataFrame
    macro_f1: float
    accuracy: float
    confusion: pd.DataFrame = field(repr=False)
    n: int = 0


def _labels(values: Sequence | pd.Series) -> np.ndarray:
    return np.asarray(pd.Series(values, dtype=object).astype(str))


def evaluate(
    y_true: Sequence | pd.Series, y_pred: Sequence | pd.Series, labels: Sequence[str] | None = None
) -> Evaluation:
    """Compare predicted labels with true ones.

    Parameters
    ----------
    y_true, y_pred : sequences of labels of equal length
    labels : the labels to report, in order (default: those seen, sorted)

    Raises
    ------
    LabkitError
        If the lengths differ or nothing is compared.
    """
    from sklearn.metrics import accuracy_score, confusion_matrix, precision_recall_fscore_support

    t, p = _labels(y_true), _labels(y_pred)
    if len(t) != len(p):
        raise LabkitError("monitor.eval.lengths", a=len(t), b=len(p))
    if not len(t):
        raise LabkitError("monitor.eval.empty")
    order = list(labels) if labels is not None else sorted(set(t) | set(p))
    prec, rec, f1, sup = precision_recall_fscore_support(t, p, labels=order, zero_division=0)
    per_class = pd.DataFrame(
        {"precision": prec, "recall": rec, "f1": f1, "support": sup.astype(int)},
        index=pd.Index(order, name="label"),
    )
    present = per_class["support"] > 0
    macro = float(per_class.loc[present, "f1"].mean())
    confusion = pd.DataFrame(
        confusion_matrix(t, p, labels=order),
        index=pd.Index(order, name="true"),
        columns=pd.Index(order, name="predicted"),
    )
    return Evaluation(per_class, macro, float(accuracy_score(t, p)), confusion, len(t))


def cohen_kappa(a: Sequence | pd.Series, b: Sequence | pd.Series) -> float:
    """Cohen's kappa: agreement of two labellers beyond what chance would give.

    1 is perfect agreement, 0 what chance alone gives, below 0 worse than chance.
    Pairs where either label is missing are left out.

    Raises
    ------
    LabkitError
        If the lengths differ or fewer than two pairs remain.
    """
    from sklearn.metrics import cohen_kappa_score

    sa, sb = pd.Series(list(a), dtype=object), pd.Series(list(b), dtype=object)
    if len(sa) != len(sb):
        raise LabkitError("monitor.eval.lengths", a=len(sa), b=len(sb))
    both = sa.notna() & sb.notna() & (sa.astype(str) != "") & (sb.astype(str) != "")
    if both.sum() < 2:
        raise LabkitError("monitor.eval.too_few_pairs", n=int(both.sum()))
    x, y = sa[both].astype(str), sb[both].astype(str)
    if x.nunique() == 1 and y.nunique() == 1:
        return 1.0 if x.iloc[0] == y.iloc[0] else 0.0
    return float(cohen_kappa_score(x, y))
