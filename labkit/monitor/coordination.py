"""Coordinated inauthentic behaviour: the same comment, lightly varied, from many accounts at once.

A copy-paste ring posts one message through many accounts within minutes, each copy
changed a little (a doubled letter, an emoji, other casing) to dodge exact-duplicate
filters. :func:`near_duplicates` finds such clusters:

1. texts are normalised (:mod:`labkit.monitor.text`) and stripped of emoji and marks;
   texts shorter than ``min_chars`` are left out (``terima kasih infonya`` is not a campaign);
2. within each post (``by``), texts at least ``threshold`` similar (rapidfuzz's ``ratio``,
   0-100) and posted within ``window`` of each other are linked;
3. linked comments form clusters (connected components); a cluster counts when at
   least ``min_accounts`` different authors posted in it within ``burst``.

:func:`coordinated_accounts` lists the authors of those clusters.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from labkit.errors import LabkitError
from labkit.monitor import text

#: Default settings (checked against the planted ring of the bundled universe and other seeds).
DEFAULTS = {
    "threshold": 85.0,
    "window": "30min",
    "burst": "30min",
    "min_accounts": 8,
    "min_chars": 30,
}

_COLUMNS = ["cluster_id", "comment_id", "author", "created_at", "similarity", "text"]


def _check(comments: pd.DataFrame, by: str | None) -> None:
    need = ["comment_id", "author", "created_at", "text"] + ([by] if by else [])
    missing = [c for c in need if c not in comments.columns]
    if missing:
        raise LabkitError(
            "monitor.coord.missing_columns",
            missing=", ".join(missing),
            columns=", ".join(map(str, comments.columns)),
        )


def _plain(texts: pd.Series) -> pd.Series:
    """Normalised text with only words left (no emoji, no ? or !)."""
    norm = text.normalize_texts(texts)
    return norm.str.replace(r"[^\w\s]", " ", regex=True).str.split().str.join(" ")


def near_duplicates(
    comments: pd.DataFrame,
    *,
    threshold: float = DEFAULTS["threshold"],
    window: str = DEFAULTS["window"],
    min_accounts: int = DEFAULTS["min_accounts"],
    min_chars: int = DEFAULTS["min_chars"],
    burst: str = DEFAULTS["burst"],
    by: str | None = "post_id",
) -> pd.DataFrame:
    """Clusters of near-identical comments posted by different accounts close in time.

    Parameters
    ----------
    comments : DataFrame with comment_id, author, created_at, text (and ``by``)
    threshold : float
        Similarity (0-100, rapidfuzz ``ratio`` on the normalised text) that links two comments.
    window : str
        How far apart in time two linked comments may be.
    min_accounts : int
        Distinct authors a cluster needs within ``burst`` to count as coordinated (people
        who happen to write alike rarely do so many within minutes; a ring does).
    burst : str
        The time span in which ``min_accounts`` authors must have posted.
    min_chars : int
        Shorter normalised texts are left out (common short phrases are not campaigns).
    by : str or None
        Compare only within groups of this column (default: the same post); None compares
        everything (slow on large tables).

    Returns
    -------
    DataFrame, one row per comment in a cluster: ``cluster_id``, ``comment_id``, ``author``,
    ``created_at``, ``similarity`` (to the cluster's first comment; 0 where below the
    threshold but linked through others) and ``text``; sorted by cluster and time.
    """
    _check(comments, by)
    plain = _plain(comments["text"])
    keep = (plain.str.len() >= min_chars).to_numpy()
    frame = pd.DataFrame(
        {
            "group": pd.factorize(comments[by])[0][keep] if by else 0,
            "seconds": _seconds(comments["created_at"])[keep],
            "plain": plain.to_numpy()[keep],
            "author": comments["author"].to_numpy()[keep],
            "row": np.flatnonzero(keep),
        }
    )
    frame = frame.sort_values(["group", "seconds"], kind="stable")
    gap = int(pd.Timedelta(window).total_seconds())
    burst_s = int(pd.Timedelta(burst).total_seconds())
    group = frame["group"].to_numpy()
    seconds = frame["seconds"].to_numpy()
    texts = frame["plain"].to_numpy()
    authors = frame["author"].to_numpy()
    rows = frame["row"].to_numpy()
    bounds = np.flatnonzero(np.r_[True, group[1:] != group[:-1], True])
    picked: list[np.ndarray] = []
    sims: list[np.ndarray] = []
    for lo, hi in zip(bounds[:-1], bounds[1:], strict=True):
        if hi - lo < min_accounts:
            continue
        t = texts[lo:hi].tolist()
        scores = process.cdist(t, t, scorer=fuzz.ratio, score_cutoff=threshold, dtype=np.uint8)
        sec = seconds[lo:hi]
        linked = (scores > 0) & (np.abs(sec[:, None] - sec[None, :]) <= gap)
        i, j = np.nonzero(linked)
        n = hi - lo
        _, label = connected_components(
            coo_matrix((np.ones(len(i)), (i, j)), shape=(n, n)), directed=False
        )
        for comp in np.unique(label):
            members = np.flatnonzero(label == comp)
            if len(members) < min_accounts:
                continue
            if _peak_accounts(sec[members], authors[lo:hi][members], burst_s) < min_accounts:
                continue
            picked.append(rows[lo + members])
            sims.append(scores[members[0], members].astype(float))
    if not picked:
        return pd.DataFrame(columns=_COLUMNS)
    cluster = np.concatenate([np.full(len(p), k + 1) for k, p in enumerate(picked)])
    at = np.concatenate(picked)
    out = comments.iloc[at][["comment_id", "author", "created_at", "text"]].reset_index(drop=True)
    out.insert(0, "cluster_id", cluster)
    out["similarity"] = np.concatenate(sims)
    return out[_COLUMNS]


def _seconds(times: pd.Series) -> np.ndarray:
    """Seconds since 1970 (whatever the resolution pandas stores the times in)."""
    when = pd.to_datetime(times, utc=True)
    return ((when - pd.Timestamp(0, tz="UTC")) // pd.Timedelta(seconds=1)).to_numpy(np.int64)


def _peak_accounts(seconds: np.ndarray, authors: np.ndarray, burst: int) -> int:
    """The most distinct authors within any ``burst`` seconds (times sorted)."""
    best, lo = 0, 0
    for hi in range(len(seconds)):
        while seconds[hi] - seconds[lo] > burst:
            lo += 1
        best = max(best, len(set(authors[lo : hi + 1])))
    return best


def coordinated_accounts(
    comments: pd.DataFrame,
    *,
    min_clusters: int = 2,
    clusters: pd.DataFrame | None = None,
    **settings: object,
) -> pd.DataFrame:
    """The authors of coordinated clusters, most active first.

    Parameters
    ----------
    comments : DataFrame
    min_clusters : int
        Clusters an author must appear in: a ring's accounts take part in campaign after
        campaign, while a citizen whose comment happens to resemble a campaign's is
        caught once.
    clusters : DataFrame, optional
        The result of :func:`near_duplicates`, if already computed.
    **settings
        Passed to :func:`near_duplicates`.

    Returns
    -------
    DataFrame indexed by ``author``: ``clusters``, ``comments``, ``first_seen``, ``last_seen``.
    """
    found = clusters if clusters is not None else near_duplicates(comments, **settings)
    if not len(found):
        return pd.DataFrame(columns=["clusters", "comments", "first_seen", "last_seen"])
    out = found.groupby("author").agg(
        clusters=("cluster_id", "nunique"),
        comments=("comment_id", "size"),
        first_seen=("created_at", "min"),
        last_seen=("created_at", "max"),
    )
    out = out[out["clusters"] >= min_clusters]
    return out.sort_values(["clusters", "comments"], ascending=False)
