"""Word bursts: a word that suddenly fills the complaints, before their number rises.

A slow issue (a rumour starting in the evening, a leak noticed at night) can bring only
four or five complaints an hour: no more than an ordinary busy hour, so a volume alarm
(:mod:`labkit.monitor.spikes`) stays silent. What gives it away is *what* they say: the
same unusual word (``bocor``, ``biaya``) in most of them, from several people, under
several posts. This module finds those words, transparently:

* For every word of the counted comments (normally complaints and hoaxes) and every hour
  it appears, count the comments holding it in the last ``window`` hours (``n``) among
  all counted comments of those hours (``n_window``).
* Its usual share comes from the ``baseline`` hours before (``n_before`` of
  ``n_baseline``), with a weak prior (one pseudo-comment at :data:`PRIOR_SHARE`) so that
  a word never seen before has a small share rather than zero.
* The score is ``-log10`` of the binomial probability of ``n`` or more of ``n_window``
  comments holding a word with that share. Because the test is conditional on
  ``n_window``, a busy hour of ordinary complaints (``tolong``, ``admin``) does not
  count as a burst: only a change in *what* is said.
* A burst also needs ``min_count`` comments, ``min_authors`` different authors (not one
  person repeating) and ``min_posts`` different posts (a single post's own topic drawing
  complaints is a reply matter, not an issue) and a week of history.

Measured on the bundled universe and three other seeds in docs/monitoring.md: with
volume spikes it catches every planted episode within six hours, with at most one
false alarm per account-month.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from labkit.errors import LabkitError
from labkit.monitor import text
from labkit.monitor.query import volume

#: Default parameters (hours and counts). Chosen on the bundled universe and seeds 7, 31
#: and 404, measured (not tuned) on seeds 1-30: see docs/monitoring.md.
DEFAULTS: dict[str, float] = {
    "window": 3,
    "baseline": 672,
    "threshold": 8.0,
    "min_count": 4,
    "min_authors": 3,
    "min_posts": 2,
}

#: The prior share of a word: one pseudo-comment at this share is added to the baseline.
PRIOR_SHARE = 0.01

#: Hours of history before a word can burst (the baseline must mean something).
WARM_UP = 168

COLUMNS = [
    "hour",
    "word",
    "n",
    "n_window",
    "n_before",
    "n_baseline",
    "score",
    "authors",
    "posts",
]


def _params(given: dict[str, float]) -> dict[str, float]:
    unknown = sorted(set(given) - set(DEFAULTS))
    if unknown:
        raise LabkitError(
            "monitor.spikes.bad_param",
            method="word_bursts",
            names=", ".join(unknown),
            valid=", ".join(DEFAULTS),
        )
    p = {**DEFAULTS, **given}
    for name in ("window", "baseline"):
        if int(p[name]) != p[name] or p[name] < 1:
            raise LabkitError("monitor.bursts.bad_hours", name=name, value=p[name])
    return p


def _empty(index: pd.DatetimeIndex, p: dict) -> pd.DataFrame:
    out = pd.DataFrame({c: pd.Series(dtype="int64") for c in COLUMNS})
    out["hour"] = pd.Series(dtype="datetime64[ns, UTC]")
    out["word"] = pd.Series(dtype=object)
    out["score"] = pd.Series(dtype=float)
    out.attrs.update(params=p, index=index)
    return out


def word_bursts(
    comments: pd.DataFrame,
    mask: pd.Series | None = None,
    *,
    start: object = None,
    end: object = None,
    **params: float,
) -> pd.DataFrame:
    """Words that suddenly fill the counted comments, hour by hour.

    Parameters
    ----------
    comments : DataFrame with ``created_at``, ``text``, ``author`` and ``post_id``
        One stream (for example one account's comments).
    mask : boolean Series aligned with ``comments``, optional
        Which comments count (for example complaints and hoaxes:
        ``triage(comments)["label"].isin(ISSUE_LABELS)``); default all.
    start, end : timestamps, optional
        The period (default: the counted comments' first and last hour).
    **params
        ``window`` (hours counted together), ``baseline`` (hours before the window that
        give a word's usual share), ``threshold`` (``-log10`` probability), ``min_count``,
        ``min_authors``, ``min_posts``. Defaults in :data:`DEFAULTS`.

    Returns
    -------
    DataFrame, one row per bursting word and hour: ``hour`` (UTC), ``word``, ``n``
    (counted comments holding it in the window ending at that hour), ``n_window`` (all
    counted comments of the window: the denominator), ``n_before`` of ``n_baseline``
    (the same in the baseline), ``score``, ``authors`` and ``posts`` (different ones
    among the ``n``). ``.attrs["params"]`` holds the parameters, ``.attrs["index"]``
    the hours looked at.

    Raises
    ------
    LabkitError
        If a column is missing or a parameter is unknown or not a whole number of hours.
    """
    p = _params(params)
    missing = [c for c in ("created_at", "text", "author", "post_id") if c not in comments]
    if missing:
        raise LabkitError(
            "monitor.bursts.missing_columns",
            missing=", ".join(missing),
            columns=", ".join(map(str, comments.columns)),
        )
    if mask is None:
        counted = comments
    else:  # aligned by index, as monitor.volume does
        keep = mask.reindex(comments.index) if isinstance(mask, pd.Series) else pd.Series(mask)
        counted = comments[keep.fillna(False).astype(bool).to_numpy()]
    per_hour = volume(counted, start=start, end=end)["n"]
    index = pd.DatetimeIndex(per_hour.index)
    if counted.empty or not len(index):
        return _empty(index, p)
    hour = (
        pd.to_datetime(counted["created_at"], utc=True).dt.floor("h") - index[0]
    ) // pd.Timedelta("1h")
    inside = (hour >= 0) & (hour < len(index))
    counted, hour = counted[inside.to_numpy()], hour[inside].to_numpy(np.int64)
    words = text.content_words(counted["text"].reset_index(drop=True))
    pairs = pd.DataFrame({"row": words.index.to_numpy(), "word": words.to_numpy()})
    pairs = pairs.drop_duplicates()
    if pairs.empty:
        return _empty(index, p)
    codes, vocab = pd.factorize(pairs["word"])
    row = pairs["row"].to_numpy()
    t = hour[row]
    order = np.lexsort((t, codes))
    code, t, row = codes[order].astype(np.int64), t[order], row[order]
    # one sorted key per (word, hour): counts in a span of hours are two binary searches;
    # each word's band is wide enough that a span reaching before the first hour stays in it
    window, baseline = int(p["window"]), int(p["baseline"])
    band = len(index) + window + baseline
    key = code * band + t + window + baseline
    first = np.searchsorted(key, key - window + 1, side="left")
    last = np.searchsorted(key, key, side="right")
    n = last - first
    n_before = first - np.searchsorted(key, key - window + 1 - baseline, side="left")
    cum = np.r_[0, np.cumsum(per_hour.to_numpy(np.int64))]

    def total(lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
        return cum[np.clip(hi, 0, len(index))] - cum[np.clip(lo, 0, len(index))]

    n_window = total(t - window + 1, t + 1)
    n_baseline = total(t - window + 1 - baseline, t - window + 1)
    # candidates: enough comments, enough history, and the word's last row of its hour
    candidate = (n >= p["min_count"]) & (t >= WARM_UP) & np.r_[key[1:] != key[:-1], True]
    if not candidate.any():
        return _empty(index, p)
    from scipy.stats import binom

    share = (n_before[candidate] + PRIOR_SHARE) / (n_baseline[candidate] + 1.0)
    prob = binom.sf(n[candidate] - 1, n_window[candidate], share)
    score = -np.log10(np.clip(prob, 1e-300, None))
    rows = np.nonzero(candidate)[0][score >= p["threshold"]]
    score = score[score >= p["threshold"]]
    authors = counted["author"].to_numpy()
    posts = counted["post_id"].to_numpy()
    found = []
    for i, s in zip(rows, score, strict=True):
        span = row[first[i] : last[i]]
        n_authors = len(pd.unique(authors[span]))
        n_posts = len(pd.unique(posts[span]))
        if n_authors >= p["min_authors"] and n_posts >= p["min_posts"]:
            found.append(
                (index[t[i]], vocab[code[i]], n[i], n_window[i], n_before[i], n_baseline[i], s)
                + (n_authors, n_posts)
            )
    if not found:
        return _empty(index, p)
    out = pd.DataFrame(found, columns=COLUMNS).sort_values(
        ["hour", "score"], ascending=[True, False], ignore_index=True
    )
    out.attrs.update(params=p, index=index)
    return out
