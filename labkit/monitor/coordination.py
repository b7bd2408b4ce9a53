"""Coordinated inauthentic behaviour: the same comment, lightly varied, from many accounts at once.

A copy-paste ring posts one message through many accounts within minutes, each copy
changed a little (a doubled letter, an emoji, other casing) to dodge exact-duplicate
filters. :func:`near_duplicates` finds such clusters:

1. texts are normalised (:mod:`labkit.monitor.text`) and stripped of emoji and marks;
   texts shorter than ``min_chars`` are left out (``terima kasih infonya`` is not a campaign);
2. within each post (``by``), texts at least ``threshold`` similar (rapidfuzz's ``ratio``,
   0-100) and posted within ``window`` of each other are linked;
3. linked comments form clusters (connected components); a cluster counts when at
   least ``min_accounts`` different authors posted in it within ``burst``, and when it
   makes up at least ``min_share`` of all the comments the post received from its first
   to its last comment: a campaign floods the thread while it runs, whereas people who
   write alike on a viral post (common phrasings, thousands of comments an hour) are a
   small share of it.

:func:`coordinated_accounts` lists the authors of those clusters.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from rapidfuzz import fuzz, process
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from labkit.errors import LabkitError
from labkit.monitor import matching, text

#: Default settings (checked against the planted ring of the bundled universe and other seeds).
DEFAULTS = {
    "threshold": 85.0,
    "window": "30min",
    "burst": "30min",
    "min_accounts": 8,
    "min_chars": 30,
    "min_share": 0.25,
}

#: Comments compared at once within one group (bounds the memory of a long post).
_BLOCK = 1024

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


def _plain(texts: pa.Array, rows: np.ndarray) -> pa.Array:
    """The ``rows`` of ``texts`` normalised, with only words left (no emoji, no ? or !),
    single-spaced.

    Worked out :data:`labkit.monitor.text.CHUNK` texts at a time and kept in Arrow (a
    compact copy): a year of comments never takes several copies of memory at once.
    """
    parts = []
    for start in range(0, len(rows), text.CHUNK):
        taken = texts.take(pa.array(rows[start : start + text.CHUNK]))
        piece = pd.Series(pd.arrays.ArrowStringArray(taken.cast(pa.large_string())))
        norm = matching.as_arrow(text.normalize_texts(piece))
        words = pc.replace_substring_regex(norm, r"[^\w\s]+", " ")
        words = pc.utf8_trim_whitespace(pc.replace_substring_regex(words, r"\s+", " "))
        parts.append(words.cast(pa.large_string()))
    return pa.concat_arrays(parts) if parts else pa.array([], type=pa.large_string())


def _links(
    texts: list[str], seconds: np.ndarray, threshold: float, gap: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs (i, j), i < j, of one group (sorted by time) similar and close enough, with scores.

    A long group is compared block by block, each block only with the comments posted
    within ``gap`` seconds after it, so a post with thousands of comments stays cheap in
    time and memory.
    """
    n = len(texts)
    found_i, found_j, found_s = [], [], []
    for lo in range(0, n, _BLOCK):
        hi = min(lo + _BLOCK, n)
        right = int(np.searchsorted(seconds, seconds[hi - 1] + gap, side="right"))
        scores = process.cdist(
            texts[lo:hi], texts[lo:right], scorer=fuzz.ratio, score_cutoff=threshold,
            dtype=np.uint8, workers=1,
        )  # fmt: skip
        i, j = np.nonzero(scores)
        s = scores[i, j]
        i = i + lo
        j = j + lo
        keep = (j > i) & (seconds[j] - seconds[i] <= gap)
        found_i.append(i[keep])
        found_j.append(j[keep])
        found_s.append(s[keep])
    return np.concatenate(found_i), np.concatenate(found_j), np.concatenate(found_s)


def near_duplicates(
    comments: pd.DataFrame,
    *,
    threshold: float = DEFAULTS["threshold"],
    window: str = DEFAULTS["window"],
    min_accounts: int = DEFAULTS["min_accounts"],
    min_chars: int = DEFAULTS["min_chars"],
    burst: str = DEFAULTS["burst"],
    min_share: float = DEFAULTS["min_share"],
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
    min_share : float
        Share (0-1) of the group's comments, from the cluster's first to its last comment,
        that the cluster must make up (all comments count, short ones included). On the
        bundled universe and seeds 7, 31 and 404 the planted ring's clusters were at least
        0.68 of their post's comments in their span, clusters of citizens writing alike at
        most 0.08 (docs/monitoring.md).
    by : str or None
        Compare only within groups of this column (default: the same post; this blocking is
        what keeps a million comments under a minute); None compares each comment with
        every comment posted within ``window`` after it, whatever the post.

    Returns
    -------
    DataFrame, one row per comment in a cluster: ``cluster_id``, ``comment_id``, ``author``,
    ``created_at``, ``similarity`` (to the cluster's first comment; 0 where below the
    threshold but linked through others) and ``text``; sorted by cluster and time.

    Raises
    ------
    LabkitError
        If a needed column is missing (the message names it and the columns there are).
    """
    _check(comments, by)
    gap = int(pd.Timedelta(window).total_seconds())
    burst_s = int(pd.Timedelta(burst).total_seconds())
    group = pd.factorize(comments[by])[0] if by else np.zeros(len(comments), dtype=np.int64)
    # Cheap filters before normalising: a group with too few comments or a text too short
    # (normalising never lengthens a text by more than a few characters) cannot qualify.
    size = np.bincount(group[group >= 0])[np.maximum(group, 0)] if len(group) else group
    raw = matching.as_arrow(comments["text"])
    raw_len = np.asarray(pc.fill_null(pc.utf8_length(raw), 0))
    cand = np.flatnonzero((size >= min_accounts) & (raw_len >= min_chars) & (group >= 0))
    plain = _plain(raw, cand)
    del raw, raw_len
    kept = np.flatnonzero(pc.greater_equal(pc.utf8_length(plain), min_chars).to_numpy(False))
    rows = cand[kept]
    seconds = _seconds(comments["created_at"].iloc[rows])
    order = np.lexsort((seconds, group[rows]))
    rows, seconds, grp = rows[order], seconds[order], group[rows][order]
    texts = plain.take(pa.array(kept[order]))
    del plain
    # authors as numbers: the same comparisons, without a Python string per comment
    authors = pd.factorize(comments["author"])[0][rows]
    bounds = np.flatnonzero(np.r_[True, grp[1:] != grp[:-1], True])
    in_span = _SpanCounter(comments["created_at"], group)
    picked: list[np.ndarray] = []
    sims: list[np.ndarray] = []
    for lo, hi in zip(bounds[:-1], bounds[1:], strict=True):
        if hi - lo < min_accounts or len(set(authors[lo:hi])) < min_accounts:
            continue
        mine = texts.slice(lo, hi - lo).to_pylist()
        i, j, s = _links(mine, seconds[lo:hi], threshold, gap)
        if len(i) < min_accounts - 1:
            continue
        n = hi - lo
        _, label = connected_components(
            coo_matrix((np.ones(len(i), np.int8), (i, j)), shape=(n, n)), directed=False
        )
        sizes = np.bincount(label)
        for comp in np.flatnonzero(sizes >= min_accounts):
            members = np.flatnonzero(label == comp)
            when = seconds[lo:hi][members]
            if _peak_accounts(when, authors[lo:hi][members], burst_s) < min_accounts:
                continue
            if len(members) < min_share * in_span.count(grp[lo], when[0], when[-1]):
                continue
            first = mine[members[0]]
            picked.append(rows[lo + members])
            sims.append(
                np.array(
                    [100.0] + [_score(fuzz.ratio(first, mine[m]), threshold) for m in members[1:]]
                )
            )
    if not picked:
        return pd.DataFrame(columns=_COLUMNS)
    cluster = np.concatenate([np.full(len(p), k + 1) for k, p in enumerate(picked)])
    at = np.concatenate(picked)
    out = comments.iloc[at][["comment_id", "author", "created_at", "text"]].reset_index(drop=True)
    out.insert(0, "cluster_id", cluster)
    out["similarity"] = np.concatenate(sims)
    return out[_COLUMNS]


#: The columns of the comments table the ring search reads.
COLUMNS = ["post_id", "comment_id", "author", "created_at", "text"]


def near_duplicates_by_account(source: str | None = None, **settings: Any) -> pd.DataFrame:
    """:func:`near_duplicates` over every comment of a data source, one account at a time.

    Clusters form within a post, and a post belongs to one account, so the clusters are
    those of :func:`near_duplicates` on the whole comments table; but only one account's
    comments (and only :data:`COLUMNS`) are in memory at a time (accounts are taken
    together up to :data:`BATCH_ROWS` comments), so a ministry's year of comments fits in
    a trainee's kernel on a shared hub.

    Parameters
    ----------
    source : str, optional
        A dataset name or ``"bundled"`` (default: the current source, :func:`labkit.data.use`).
        Comments are masked as every load masks them.
    **settings
        The settings of :func:`near_duplicates` (``threshold``, ``window``...); clusters
        are always sought within a post.

    Returns
    -------
    DataFrame as :func:`near_duplicates`, with ``account`` after ``cluster_id``;
    ``cluster_id`` counts on from one account to the next.
    """
    from labkit import data

    if "by" in settings:
        raise LabkitError("monitor.coord.by_account_by", by=settings["by"])
    counts = data.load("comments", source=source, columns=["account"])["account"]
    counts = counts.dropna().astype(str).value_counts().sort_index()
    found, clusters = [], 0
    for accounts in _batches(counts, BATCH_ROWS):
        mine = data.load(
            "comments", source=source, columns=["account", *COLUMNS], where={"account": accounts}
        )
        part = near_duplicates(mine, **settings)
        if len(part):
            owner = mine.drop_duplicates("comment_id").set_index("comment_id")["account"]
            part.insert(1, "account", part["comment_id"].map(owner).astype(str).to_numpy())
            part["cluster_id"] += clusters
            clusters = int(part["cluster_id"].max())
            found.append(part)
        del mine
    if not found:
        return pd.DataFrame(columns=[_COLUMNS[0], "account", *_COLUMNS[1:]])
    return pd.concat(found, ignore_index=True)


#: Comments searched at once by :func:`near_duplicates_by_account`: whole accounts are
#: taken together up to about this many comments (fewer reads of the file, a bounded memory).
BATCH_ROWS = 65_536


def _batches(counts: pd.Series, limit: int) -> list[list[str]]:
    """Accounts (index of ``counts``, comments per account) grouped up to ``limit`` comments;
    an account larger than ``limit`` is a batch of its own."""
    batches: list[list[str]] = []
    size = limit
    for account, n in counts.items():
        if size + int(n) > limit:
            batches.append([])
            size = 0
        batches[-1].append(str(account))
        size += int(n)
    return batches


def _score(value: float, threshold: float) -> float:
    """A similarity rounded to one decimal, 0 below the threshold (linked through others)."""
    return round(value, 1) if value >= threshold else 0.0


def _seconds(times: pd.Series) -> np.ndarray:
    """Seconds since 1970 (whatever the resolution pandas stores the times in)."""
    when = pd.to_datetime(times, utc=True)
    return ((when - pd.Timestamp(0, tz="UTC")) // pd.Timedelta(seconds=1)).to_numpy(np.int64)


class _SpanCounter:
    """Counts the comments of a group posted within a time span (built on first use)."""

    def __init__(self, times: pd.Series, group: np.ndarray) -> None:
        self._times, self._group, self._keys = times, group, None

    def count(self, group: int, start: int, end: int) -> int:
        """Comments of ``group`` posted from ``start`` to ``end`` (seconds), both included."""
        if self._keys is None:
            known = pd.to_datetime(self._times, utc=True).notna().to_numpy() & (self._group >= 0)
            seconds = _seconds(self._times[known])
            self._base = int(seconds.min()) if len(seconds) else 0
            keys = self._group[known].astype(np.int64) * _GROUP_STRIDE + (seconds - self._base)
            self._keys = np.sort(keys)
        lo = group * _GROUP_STRIDE + start - self._base
        hi = group * _GROUP_STRIDE + end - self._base
        return int(
            np.searchsorted(self._keys, hi, side="right")
            - np.searchsorted(self._keys, lo, side="left")
        )


#: Seconds between the first and last comment stay below this (about 136 years).
_GROUP_STRIDE = 2**32


def _peak_accounts(seconds: np.ndarray, authors: np.ndarray, burst: int) -> int:
    """The most distinct authors within any ``burst`` seconds (times sorted)."""
    best, lo = 0, 0
    for hi in range(len(seconds)):
        while seconds[hi] - seconds[lo] > burst:
            lo += 1
        best = max(best, len(set(authors[lo : hi + 1])))
    return best


def coordinated_accounts(
    comments: pd.DataFrame | None = None,
    *,
    min_clusters: int = 2,
    clusters: pd.DataFrame | None = None,
    **settings: object,
) -> pd.DataFrame:
    """The authors of coordinated clusters, most active first.

    Parameters
    ----------
    comments : DataFrame, optional
        The comments to search (not needed when ``clusters`` are given).
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
    if clusters is None and comments is None:
        raise LabkitError("monitor.coord.nothing_to_search")
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
