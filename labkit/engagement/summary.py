"""Breakdowns of a per-post metric: n, median and its distribution-free interval per cell."""

from __future__ import annotations

import numpy as np
import pandas as pd

from labkit import i18n
from labkit.engagement._common import (
    BREAKDOWNS,
    DENOMINATORS,
    METRICS,
    account_codes,
    check_choice,
    local_time,
    per_key,
    rate_column,
    require,
    reuse,
)
from labkit.engagement.rates import denominator_values, engagement_rate, engagement_values
from labkit.engagement.stats import grouped_median_ci, value_order
from labkit.engagement.topics import tag_topics
from labkit.errors import warn

#: Default minimum n below which a cell is flagged ``low_n``.
MIN_N = 30
WEEKDAYS = {
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


def metric_values(
    posts: pd.DataFrame,
    metric: str = "engagement_rate",
    *,
    denominator: str = "followers",
    followers: pd.DataFrame | None = None,
    accounts: pd.DataFrame | None = None,
) -> tuple[np.ndarray, str]:
    """The per-post values of ``metric`` (float64, NaN when unknown) and the column name."""
    check_choice("metric", metric, METRICS)
    check_choice("denominator", denominator, DENOMINATORS)
    if metric == "engagement_rate":
        r = engagement_rate(posts, denominator=denominator, followers=followers, accounts=accounts)
        return r[rate_column(denominator)].to_numpy(dtype="float64"), rate_column(denominator)
    if metric == "engagements":
        return engagement_values(posts), "engagements"
    if metric in ("reach", "impressions", "views"):
        return denominator_values(posts, metric)[0], metric
    if metric not in posts.columns:
        return np.full(len(posts), np.nan), metric
    return pd.to_numeric(posts[metric], errors="coerce").astype("float64").to_numpy(), metric


def breakdown_values(
    posts: pd.DataFrame, by: str, accounts: pd.DataFrame | None = None
) -> pd.Series:
    """The cell of each post for breakdown ``by`` (local hour/weekday from the account's zone)."""
    check_choice("by", by, BREAKDOWNS)
    if by == "agency":
        if "agency_id" in posts.columns:
            return posts["agency_id"].astype("string")
        if accounts is None or "agency_id" not in accounts.columns:
            require(pd.DataFrame(columns=["x"]), "accounts", ("agency_id",))
        codes, per = per_key(posts, accounts, "agency_id")
        labels = pd.Series(per, dtype=object).where(pd.notna(per), None)
        cat_codes, cats = pd.factorize(labels, sort=True)
        out = np.full(len(posts), -1, dtype="int64")
        have = codes >= 0
        out[have] = cat_codes[codes[have]]
        return pd.Categorical.from_codes(out, categories=pd.Index(cats).astype(str))
    if by == "account":
        codes, keys = account_codes(posts)
        labels = np.array([f"{p}/{a}" for p, a in keys], dtype=object)
        rank = np.empty(len(labels), dtype="int64")
        rank[np.argsort(labels, kind="stable")] = np.arange(len(labels))
        sorted_codes = np.where(codes >= 0, rank[np.clip(codes, 0, None)], -1)
        return pd.Categorical.from_codes(sorted_codes, categories=np.sort(labels))
    if by == "topic":
        if "topic" in posts.columns:
            return posts["topic"]
        return tag_topics(posts)
    if by in ("hour", "weekday"):
        t = local_time(posts, accounts)
        return (t.dt.hour if by == "hour" else t.dt.day_of_week).astype("int64")
    require(posts, "posts", (by,))
    return posts[by]


def summary(
    posts: pd.DataFrame,
    by: str | list[str] = "account",
    *,
    metric: str = "engagement_rate",
    denominator: str = "followers",
    accounts: pd.DataFrame | None = None,
    followers: pd.DataFrame | None = None,
    min_n: int = MIN_N,
    level: float = 0.95,
    values: np.ndarray | None = None,
    order: np.ndarray | None = None,
) -> pd.DataFrame:
    """``n``, median and its 95 % interval of a per-post metric, per cell of a breakdown.

    Parameters
    ----------
    posts : DataFrame
        Canonical ``posts``.
    by : str or list of str
        One or more of :data:`BREAKDOWNS` (``agency``, ``account``, ``platform``,
        ``content_type``, ``topic``, ``hour``, ``weekday``); a list crosses them.
        ``hour`` and ``weekday`` (0 = Monday) are local to the account's zone.
    metric : str
        One of :data:`METRICS`; ``engagement_rate`` uses ``denominator``.
    denominator : str
        One of :data:`DENOMINATORS` (for ``engagement_rate``).
    accounts, followers : DataFrame, optional
        Account zones and agencies; the daily follower series.
    min_n : int
        Cells with fewer values are flagged ``low_n`` (shown, never coloured
        like the rest).
    level : float
        Coverage of the median's interval (order statistics, no resampling;
        missing where n is too small to reach it, n < 6 at 95 %).
    values : array, optional
        Precomputed per-post metric values (e.g. from :func:`metric_values`) to
        summarise several breakdowns without recomputing them.
    order : array, optional
        Their ascending order (:func:`labkit.engagement.stats.value_order`).

    Returns
    -------
    DataFrame
        The breakdown column(s), ``n`` (posts with a value), ``posts``,
        ``median``, ``ci_low``, ``ci_high`` and ``low_n``, largest median first
        for one categorical breakdown, in hour/weekday order otherwise.
        ``attrs``: ``metric``, ``value_column``, ``denominator``, ``min_n``,
        ``level``.
    """
    keys = [by] if isinstance(by, str) else list(by)
    for k in keys:
        check_choice("by", k, BREAKDOWNS)
    check_choice("metric", metric, METRICS)
    check_choice("denominator", denominator, DENOMINATORS)
    if values is None:
        values, name = metric_values(
            posts, metric, denominator=denominator, followers=followers, accounts=accounts
        )
    else:
        name = rate_column(denominator) if metric == "engagement_rate" else metric
    if posts.empty:
        warn("engagement.empty")
    cols = [breakdown_values(posts, k, accounts) for k in keys]
    codes_list, uniques = [], []
    for c in cols:
        codes, uniq = pd.factorize(c, sort=True)
        codes_list.append(codes)
        uniques.append(uniq)
    if len(keys) == 1:
        code = codes_list[0]
        groups = pd.DataFrame({keys[0]: uniques[0]})
    else:
        mi = pd.MultiIndex(levels=uniques, codes=codes_list)
        code, g = pd.factorize(mi, sort=True)
        groups = g.to_frame(index=False, name=keys)
    code = np.asarray(code, dtype="int64")
    missing_key = np.zeros(len(code), dtype=bool)
    for c in codes_list:
        missing_key |= c < 0
    code = np.where(missing_key, -1, code)
    n_groups = len(groups)
    st = grouped_median_ci(values, code, n_groups, level, order=order)
    posts_n = np.bincount(code[code >= 0], minlength=n_groups)
    out = groups.assign(
        n=st["n"], posts=posts_n, median=st["median"], ci_low=st["ci_low"], ci_high=st["ci_high"]
    )
    out["low_n"] = out["n"] < min_n
    if len(keys) == 1 and keys[0] not in ("hour", "weekday"):
        out = out.sort_values(
            ["median", "n"], ascending=[False, False], na_position="last", kind="stable"
        )
    out = out.reset_index(drop=True)
    out.attrs.update(
        metric=metric,
        value_column=name,
        denominator=denominator if metric == "engagement_rate" else None,
        min_n=min_n,
        level=level,
        by=keys,
        glossary=[
            metric,
            ("followers_at_posting" if denominator == "followers" else denominator)
            if metric == "engagement_rate"
            else None,
            "median",
            "confidence_interval",
            "n",
            "low_n",
        ],
    )
    return out


def summaries(
    posts: pd.DataFrame,
    by: tuple[str, ...] | list[str] = BREAKDOWNS,
    **kwargs,
) -> dict[str, pd.DataFrame]:
    """:func:`summary` for each breakdown in ``by``, computing the metric once."""
    with reuse():
        return _summaries(posts, by, **kwargs)


def _summaries(posts: pd.DataFrame, by, **kwargs) -> dict[str, pd.DataFrame]:
    metric = kwargs.pop("metric", "engagement_rate")
    denominator = kwargs.pop("denominator", "followers")
    values, _ = metric_values(
        posts,
        metric,
        denominator=denominator,
        followers=kwargs.get("followers"),
        accounts=kwargs.get("accounts"),
    )
    order = value_order(values)
    return {
        b: summary(
            posts, b, metric=metric, denominator=denominator, values=values, order=order, **kwargs
        )
        for b in by
    }


def best_times(
    posts: pd.DataFrame,
    accounts: pd.DataFrame | None = None,
    *,
    metric: str = "engagement_rate",
    denominator: str = "followers",
    followers: pd.DataFrame | None = None,
    min_n: int = MIN_N,
    level: float = 0.95,
) -> pd.DataFrame:
    """Per local weekday and hour: n, median of the metric and its interval.

    The result is observational: what was posted when is mixed up with what
    was posted (content type, topic, season), so a better hour is a
    hypothesis to test, not a cause. ``attrs["caveat"]`` says so in the
    trainee's language; so does a printed note in the notebook.

    Returns
    -------
    DataFrame
        ``weekday`` (0 = Monday), ``weekday_name``, ``hour``, ``n``, ``posts``,
        ``median``, ``ci_low``, ``ci_high``, ``low_n``; rows in weekday, hour order.
    """
    out = summary(
        posts,
        ["weekday", "hour"],
        metric=metric,
        denominator=denominator,
        accounts=accounts,
        followers=followers,
        min_n=min_n,
        level=level,
    )
    lang = i18n.get_language()
    out.insert(1, "weekday_name", [WEEKDAYS[lang][int(d)] for d in out["weekday"]])
    out = out.sort_values(["weekday", "hour"], kind="stable").reset_index(drop=True)
    out.attrs["caveat"] = i18n.t("engagement.observational")
    return out
