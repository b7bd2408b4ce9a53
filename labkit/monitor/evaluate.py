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

    x, y = labelled_pairs(a, b)
    if len(set(x)) == 1 and len(set(y)) == 1:
        return 1.0 if x[0] == y[0] else 0.0
    return float(cohen_kappa_score(x, y))


def labelled_pairs(
    a: Sequence | pd.Series, b: Sequence | pd.Series
) -> tuple[np.ndarray, np.ndarray]:
    """The labels of the comments both labellers labelled (missing: None, NaN or ""), as text.

    Raises
    ------
    LabkitError
        If the lengths differ or fewer than two pairs remain.
    """
    sa, sb = pd.Series(list(a), dtype=object), pd.Series(list(b), dtype=object)
    if len(sa) != len(sb):
        raise LabkitError("monitor.eval.lengths", a=len(sa), b=len(sb))
    both = sa.notna() & sb.notna() & (sa.astype(str) != "") & (sb.astype(str) != "")
    if both.sum() < 2:
        raise LabkitError("monitor.eval.too_few_pairs", n=int(both.sum()))
    return sa[both].astype(str).to_numpy(), sb[both].astype(str).to_numpy()


@dataclass(frozen=True)
class Agreement:
    """How far two labellers agree, with the uncertainty a small sample carries.

    Attributes
    ----------
    kappa : float
        Cohen's kappa (1 perfect, 0 what chance alone gives).
    low, high : float
        The 95 % bootstrap interval of kappa (percentile method): wide when n is small.
    n : int
        Comments labelled by both: the denominator of every figure here.
    agreed : int
        Of these, how many got the same label from both.
    confusion : DataFrame
        Rows: the first labeller's label; columns: the second's; cells: counts.
    """

    kappa: float
    low: float
    high: float
    n: int
    agreed: int
    confusion: pd.DataFrame = field(repr=False)

    @property
    def share(self) -> float:
        """Share of the ``n`` comments on which both agreed."""
        return self.agreed / self.n if self.n else float("nan")


def agreement(
    a: Sequence | pd.Series,
    b: Sequence | pd.Series,
    *,
    resamples: int = 2000,
    seed: int = 0,
) -> Agreement:
    """Cohen's kappa of two labellers with its 95 % bootstrap interval, n and the confusion table.

    Pairs where either label is missing (None, NaN or "") are left out, so a trainee who has
    labelled 12 of 30 comments is compared on those 12 (and ``n`` says so).

    Parameters
    ----------
    a, b : sequences of labels for the same comments, in the same order
    resamples : bootstrap resamples for the interval
    seed : the resampling's seed (the same labels always give the same interval)

    Raises
    ------
    LabkitError
        If the lengths differ or fewer than two pairs remain.
    """
    x, y = labelled_pairs(a, b)
    kappa = cohen_kappa(x, y)
    order = sorted(set(x) | set(y))
    codes = {label: i for i, label in enumerate(order)}
    xi = np.array([codes[v] for v in x])
    yi = np.array([codes[v] for v in y])
    k = len(order)
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(xi), size=(resamples, len(xi)))
    # kappa of every resample at once: observed agreement and chance agreement per row
    xs, ys = xi[picks], yi[picks]
    observed = (xs == ys).mean(axis=1)
    px = np.stack([(xs == c).mean(axis=1) for c in range(k)], axis=1)
    py = np.stack([(ys == c).mean(axis=1) for c in range(k)], axis=1)
    chance = (px * py).sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        kappas = np.where(
            chance < 1, (observed - chance) / (1 - chance), np.where(observed == 1, 1.0, 0.0)
        )
    low, high = np.quantile(kappas, [0.025, 0.975])
    confusion = pd.crosstab(pd.Series(x, name="a"), pd.Series(y, name="b"), dropna=False).reindex(
        index=order, columns=order, fill_value=0
    )
    return Agreement(
        kappa=kappa,
        low=float(low),
        high=float(high),
        n=len(x),
        agreed=int((x == y).sum()),
        confusion=confusion,
    )


def agreement_matrix(labels: pd.DataFrame, *, min_pairs: int = 2) -> pd.DataFrame:
    """Cohen's kappa between every two labellers (columns of ``labels``; rows are comments).

    Cells where two labellers share fewer than ``min_pairs`` labelled comments are NaN;
    the diagonal is 1.
    """
    names = list(labels.columns)
    out = pd.DataFrame(np.nan, index=pd.Index(names, name="labeller"), columns=names)
    for i, first in enumerate(names):
        out.loc[first, first] = 1.0
        for second in names[i + 1 :]:
            try:
                x, y = labelled_pairs(labels[first], labels[second])
            except LabkitError:
                continue  # fewer than two comments labelled by both
            if len(x) >= min_pairs:
                out.loc[first, second] = out.loc[second, first] = cohen_kappa(x, y)
    return out
