"""Momentum: engagement on and around national and religious days against ordinary days."""

from __future__ import annotations

import holidays
import numpy as np
import pandas as pd

from labkit import calendar
from labkit.engagement._common import DENOMINATORS, check_choice
from labkit.engagement.rates import local_day_number
from labkit.engagement.stats import grouped_median_ci
from labkit.engagement.summary import MIN_N, metric_values

KINDS = ("on", "around", "ordinary")


def commemoration_days() -> dict[str, str]:
    """Commemoration days agencies greet that are not public holidays: ``{"MM-DD": name}``.

    From the lab's one calendar (:func:`labkit.calendar.commemoration_days`, the days
    marked ``greeted``); the universe generator dates them for its own period.
    """
    return calendar.commemoration_days(greeted_only=True)


def special_days(years) -> pd.DataFrame:
    """National and religious days of ``years``: public holidays plus commemoration days.

    Returns ``date, name, holiday`` (holiday False for commemoration days).
    """
    rows = []
    years = sorted({int(y) for y in years})
    cal = holidays.Indonesia(years=years, language="id")
    for d, name in cal.items():
        rows.append((pd.Timestamp(d), name, True))
    extra = commemoration_days()
    for y in years:
        for md, name in extra.items():
            rows.append((pd.Timestamp(f"{y}-{md}"), name, False))
    out = pd.DataFrame(rows, columns=["date", "name", "holiday"])
    return out.sort_values(["date", "holiday"], ascending=[True, False]).drop_duplicates("date")


def momentum(
    posts: pd.DataFrame,
    accounts: pd.DataFrame | None = None,
    *,
    window: int = 1,
    metric: str = "engagement_rate",
    denominator: str = "followers",
    followers: pd.DataFrame | None = None,
    by_day: bool = False,
    min_n: int = MIN_N,
) -> pd.DataFrame:
    """Engagement on special days, within ``window`` days of one, and on ordinary days.

    Parameters
    ----------
    by_day : bool
        One row per special day (posts on that local day) instead of the three kinds.

    Returns
    -------
    DataFrame
        ``kind`` (on / around / ordinary) or ``date, name``; ``n``, ``median``,
        ``ci_low``, ``ci_high``, ``low_n``, and ``vs_ordinary`` (median / the
        ordinary days' median).
    """
    check_choice("denominator", denominator, DENOMINATORS)
    values, name = metric_values(
        posts, metric, denominator=denominator, followers=followers, accounts=accounts
    )
    day = local_day_number(posts, accounts)
    # the years of every day within the window (a post on 31 December is near 1 January)
    near = np.concatenate([day - window, day + window]) if len(day) else day
    years = pd.to_datetime(near.astype("datetime64[D]")).year.unique() if len(day) else [2026]
    sd = special_days(years)
    sday = sd["date"].to_numpy().astype("datetime64[D]").astype("int64")
    pos = np.searchsorted(sday, day)
    gap = np.full(len(day), 10**9)
    for p in (pos - 1, pos):
        ok = (p >= 0) & (p < len(sday))
        gap[ok] = np.minimum(gap[ok], np.abs(day[ok] - sday[p[ok]]))
    kind = np.where(gap == 0, 0, np.where(gap <= window, 1, 2))
    st = grouped_median_ci(values, kind, 3)
    ordinary = st["median"][2]
    if by_day:
        exact = gap == 0
        idx = np.clip(np.searchsorted(sday, day), 0, len(sday) - 1)
        code = np.where(exact, idx, -1)
        st = grouped_median_ci(values, code, len(sd))
        out = sd.reset_index(drop=True).assign(
            n=st["n"], median=st["median"], ci_low=st["ci_low"], ci_high=st["ci_high"]
        )
        out = out[out["n"] > 0].reset_index(drop=True)
    else:
        out = pd.DataFrame(
            {
                "kind": list(KINDS),
                "n": st["n"],
                "median": st["median"],
                "ci_low": st["ci_low"],
                "ci_high": st["ci_high"],
            }
        )
    out["low_n"] = out["n"] < min_n
    out["vs_ordinary"] = out["median"] / ordinary if ordinary and ordinary > 0 else np.nan
    out.attrs.update(metric=metric, value_column=name, window=window, min_n=min_n)
    return out
