"""Why did it rise? The words, posts and accounts behind a jump in comments.

* **Words**: which words are used more in the rise than before it, by the log-odds
  ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008, "Fightin'
  Words"): rare words are shrunk towards the overall rate, so a word seen twice does not
  top the list; ``z`` is the log-odds divided by its standard error (above about 2: more
  than chance).
* **Posts** and **accounts**: where the comments of the rise went (the agency's posts and
  accounts) with their share of the rise.
* **Coordinated share**: the share of the rise written by accounts that post copy-paste
  campaigns (:mod:`labkit.monitor.coordination`), when those accounts are given.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from labkit.errors import LabkitError
from labkit.monitor import text

#: Strength of the prior (pseudo-counts spread over the vocabulary by overall frequency).
PRIOR_STRENGTH = 500.0


@dataclass(frozen=True)
class Rise:
    """What drove a rise in comments.

    Attributes
    ----------
    terms : DataFrame
        Per word (index): ``n_rise``, ``n_before`` (occurrences), ``log_odds``, ``z``;
        the most risen first.
    posts, accounts : DataFrame
        ``n`` comments in the rise and ``share`` of the rise (``n_rise`` is the denominator).
    coordinated_share : float
        Share of the rise's comments by coordinated accounts (NaN if none were given).
    n_rise, n_before : int
        Comments in the rise and in the baseline period.
    """

    terms: pd.DataFrame
    posts: pd.DataFrame = field(repr=False)
    accounts: pd.DataFrame = field(repr=False)
    coordinated_share: float
    n_rise: int
    n_before: int


def _utc(value: object) -> pd.Timestamp:
    stamp = pd.Timestamp(value)
    return stamp.tz_convert("UTC") if stamp.tzinfo else stamp.tz_localize("UTC")


def _period(value: object, what: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    try:
        lo, hi = value  # type: ignore[misc]
        return _utc(lo), _utc(hi)
    except (TypeError, ValueError):
        raise LabkitError("monitor.rise.bad_period", what=what, value=repr(value)) from None


def _counts(texts: pd.Series) -> pd.Series:
    return text.content_words(texts).value_counts()


def log_odds(rise: pd.Series, before: pd.Series, *, prior: float = PRIOR_STRENGTH) -> pd.DataFrame:
    """Log-odds ratio with an informative Dirichlet prior, per word.

    Parameters
    ----------
    rise, before : Series word -> count
    prior : float
        Total pseudo-counts of the prior, spread by the words' overall frequency.
    """
    vocab = rise.index.union(before.index)
    y_i = rise.reindex(vocab, fill_value=0).astype(float)
    y_j = before.reindex(vocab, fill_value=0).astype(float)
    total = y_i + y_j
    alpha = prior * total / total.sum()
    a0, n_i, n_j = alpha.sum(), y_i.sum(), y_j.sum()
    delta = np.log((y_i + alpha) / (n_i + a0 - y_i - alpha)) - np.log(
        (y_j + alpha) / (n_j + a0 - y_j - alpha)
    )
    z = delta / np.sqrt(1 / (y_i + alpha) + 1 / (y_j + alpha))
    out = pd.DataFrame(
        {"n_rise": y_i.astype(int), "n_before": y_j.astype(int), "log_odds": delta, "z": z}
    )
    out.index.name = "term"
    return out.sort_values("z", ascending=False)


def _share(column: pd.Series) -> pd.DataFrame:
    n = column.value_counts()
    return pd.DataFrame({"n": n, "share": n / n.sum() if n.sum() else np.nan})


def why_it_rose(
    comments: pd.DataFrame,
    *,
    window: tuple,
    baseline: tuple | None = None,
    coordinated: set[str] | pd.Index | None = None,
    top: int = 15,
) -> Rise:
    """The words, posts and accounts behind a rise in comments.

    Parameters
    ----------
    comments : a comments table (``created_at``, ``text``, ``post_id``, ``account``, ``author``)
    window : (start, end)
        The rise.
    baseline : (start, end), optional
        What "before" means (default: the seven days before ``window``).
    coordinated : set of authors, optional
        Suspected coordinated accounts (``coordinated_accounts(...).index``).
    top : int
        How many words to keep.
    """
    lo, hi = _period(window, "window")
    b_lo, b_hi = (
        _period(baseline, "baseline") if baseline is not None else (lo - pd.Timedelta("7D"), lo)
    )
    when = pd.to_datetime(comments["created_at"], utc=True)
    lo, hi, b_lo, b_hi = (
        pd.Timestamp(t).tz_convert("UTC") if pd.Timestamp(t).tzinfo else pd.Timestamp(t, tz="UTC")
        for t in (lo, hi, b_lo, b_hi)
    )
    in_rise = comments[(when >= lo) & (when < hi)]
    before = comments[(when >= b_lo) & (when < b_hi)]
    if in_rise.empty:
        raise LabkitError("monitor.rise.empty_window", start=str(lo), end=str(hi))
    terms = log_odds(_counts(in_rise["text"]), _counts(before["text"])).head(top)
    share = (
        float(in_rise["author"].isin(set(coordinated)).mean())
        if coordinated is not None
        else float("nan")
    )
    return Rise(
        terms=terms,
        posts=_share(in_rise["post_id"]) if "post_id" in in_rise else pd.DataFrame(),
        accounts=_share(in_rise["account"]) if "account" in in_rise else pd.DataFrame(),
        coordinated_share=share,
        n_rise=len(in_rise),
        n_before=len(before),
    )
