"""Shared vocabulary of :mod:`labkit.engagement`: names, validation, local time.

Every public function checks its ``metric``, ``denominator``, ``per`` and
``by`` arguments here, so an unknown name always gives the same
:class:`~labkit.errors.LabkitError` listing the valid ones.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from contextvars import ContextVar

import numpy as np
import pandas as pd

from labkit import schema
from labkit.errors import LabkitError

#: The metrics summed into ``engagements`` (only those a platform reports).
ENGAGEMENT_METRICS = ("likes", "comments", "shares", "saves")
#: Denominators of the engagement rate.
DENOMINATORS = ("followers", "reach", "impressions", "views")
#: Periods a rate can be given per.
PERIODS = ("post", "day", "week", "month", "account")
#: Breakdowns of :func:`labkit.engagement.summary`.
BREAKDOWNS = ("agency", "account", "platform", "content_type", "topic", "hour", "weekday")
#: Metrics :func:`labkit.engagement.summary` can summarise (per post).
METRICS = (
    "engagement_rate",
    "engagements",
    "likes",
    "comments",
    "shares",
    "saves",
    "reach",
    "impressions",
    "views",
)
#: UTC offset (hours) of Indonesia's three time zones (no daylight saving).
TZ_OFFSET = schema.TZ_OFFSET_HOURS
DEFAULT_TZ = "WIB"

#: Which error is raised for which bad argument (documentation and tests).
ENGAGEMENT_ERRORS = {
    "metric": "engagement.bad_metric",
    "denominator": "engagement.bad_denominator",
    "per": "engagement.bad_period",
    "by": "engagement.bad_breakdown",
    "column": "engagement.missing_column",
}


def rate_column(denominator: str) -> str:
    """Name of the engagement-rate column for ``denominator`` (e.g. ``engagement_rate_by_followers``)."""
    return f"engagement_rate_by_{denominator}"


def check_choice(kind: str, value: object, valid: Iterable[str]) -> str:
    """``value`` if it is one of ``valid``, else a LabkitError listing the valid names."""
    valid = tuple(valid)
    if not isinstance(value, str) or value not in valid:
        raise LabkitError(ENGAGEMENT_ERRORS[kind], value=value, valid=", ".join(valid))
    return value


def require(df: pd.DataFrame, table: str, columns: Iterable[str]) -> None:
    """A LabkitError naming the table and the missing columns, if any is missing."""
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise LabkitError("engagement.missing_column", table=table, columns=", ".join(missing))


def key_of(df: pd.DataFrame) -> pd.MultiIndex:
    """``(platform, account)`` of each row as text (for small tables; see :func:`account_codes`)."""
    return pd.MultiIndex.from_arrays([df["platform"].astype(str), df["account"].astype(str)])


_REUSE: ContextVar[dict | None] = ContextVar("labkit_engagement_reuse", default=None)


@contextlib.contextmanager
def reuse():
    """Within this block, per-table intermediate results (account codes, local
    times) are computed once per table object. Used by functions that run
    several analyses over the same, unchanged tables."""
    token = _REUSE.set({})
    try:
        yield
    finally:
        _REUSE.reset(token)


def _cached(name: str, df: pd.DataFrame, extra: object, fn):
    store = _REUSE.get()
    if store is None:
        return fn()
    key = (name, id(df), len(df), id(extra) if extra is not None else None)
    if key not in store:
        store[key] = (df, extra, fn())  # keep the objects alive so ids stay unique
    return store[key][2]


def account_codes(df: pd.DataFrame) -> tuple[np.ndarray, pd.MultiIndex]:
    """One integer per distinct ``(platform, account)`` of ``df`` and the distinct pairs."""
    return _cached("codes", df, None, lambda: _account_codes(df))


def _account_codes(df: pd.DataFrame) -> tuple[np.ndarray, pd.MultiIndex]:
    """One integer per distinct ``(platform, account)`` of ``df`` and the distinct pairs.

    Factorises the two columns separately (fast on a million rows) and builds
    text keys only for the distinct pairs.
    """
    pf, pu = pd.factorize(df["platform"], use_na_sentinel=True)
    af, au = pd.factorize(df["account"], use_na_sentinel=True)
    combined = pf.astype("int64") * (len(au) + 1) + af
    combined[(pf < 0) | (af < 0)] = -1
    uniq, inv = np.unique(combined, return_inverse=True)
    ok = uniq >= 0
    plat = np.asarray(pu, dtype=object)[np.where(ok, uniq // (len(au) + 1), 0)]
    acc = np.asarray(au, dtype=object)[np.where(ok, uniq % (len(au) + 1), 0)]
    keys = pd.MultiIndex.from_arrays([pd.Index(plat).astype(str), pd.Index(acc).astype(str)])
    codes = inv.reshape(-1).astype("int64")
    if not ok.all():  # the (-1) pair sorts first
        codes = codes - 1
        keys = keys[1:]
    return codes, keys


def per_key(df: pd.DataFrame, table: pd.DataFrame | None, column: str):
    """``(codes, values)``: each row's account code and ``table[column]`` per distinct account.

    ``values`` is an object array (None where the account or column is missing),
    or None when ``table`` lacks the column.
    """
    if table is None or column not in table.columns:
        return None, None
    t = table.drop_duplicates(["platform", "account"])
    values = t[column].to_numpy(dtype=object)
    codes, keys = account_codes(df)
    pos = key_of(t).get_indexer(keys)
    out = np.full(len(keys), None, dtype=object)
    out[pos >= 0] = values[pos[pos >= 0]]
    return codes, out


def lookup(df: pd.DataFrame, table: pd.DataFrame | None, column: str) -> np.ndarray | None:
    """``table[column]`` of each row's ``(platform, account)`` (object array; None if unavailable)."""
    codes, values = per_key(df, table, column)
    if values is None:
        return None
    out = np.full(len(df), None, dtype=object)
    have = codes >= 0
    out[have] = values[codes[have]]
    return out


def account_tz(posts: pd.DataFrame, accounts: pd.DataFrame | None) -> np.ndarray:
    """Each post's UTC offset in hours (from the account's ``tz``; WIB when unknown)."""
    off = np.full(len(posts), TZ_OFFSET[DEFAULT_TZ], dtype="int64")
    codes, tz = per_key(posts, accounts, "tz")
    if tz is None or posts.empty:
        return off
    per = np.array(
        [
            TZ_OFFSET.get(str(z), TZ_OFFSET[DEFAULT_TZ]) if z is not None else TZ_OFFSET[DEFAULT_TZ]
            for z in tz
        ],
        dtype="int64",
    )
    have = codes >= 0
    off[have] = per[codes[have]]
    return off


def local_time(posts: pd.DataFrame, accounts: pd.DataFrame | None) -> pd.Series:
    """Local wall-clock time of each post (naive), from ``published_at`` (UTC) and the account's zone."""
    return _cached("local", posts, accounts, lambda: _local_time(posts, accounts))


def _local_time(posts: pd.DataFrame, accounts: pd.DataFrame | None) -> pd.Series:
    t = pd.to_datetime(posts["published_at"], utc=True).dt.tz_localize(None)
    return t + pd.to_timedelta(account_tz(posts, accounts), unit="h")
