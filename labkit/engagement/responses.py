"""Response rate and time to first reply, from the comments table."""

from __future__ import annotations

import pandas as pd

from labkit.engagement._common import require
from labkit.engagement.rates import safe_rate


def response_stats(comments: pd.DataFrame, *, by: list[str] | None = None) -> pd.DataFrame:
    """Share of comments the agency replied to, and the median minutes to the first reply.

    Parameters
    ----------
    comments : DataFrame
        Canonical ``comments`` (``created_at``, ``replied_at``).
    by : list of str, optional
        Grouping columns (default ``platform, account``).

    Returns
    -------
    DataFrame
        ``by`` columns, ``n`` (comments), ``n_replied``, ``response_rate``
        (n_replied / n) and ``median_minutes_to_reply`` (over replied comments;
        missing when none was replied to).
    """
    by = by or ["platform", "account"]
    require(comments, "comments", (*by, "created_at", "replied_at"))
    created = pd.to_datetime(comments["created_at"], utc=True)
    replied = pd.to_datetime(comments["replied_at"], utc=True)
    minutes = ((replied - created).dt.total_seconds() / 60).clip(lower=0)
    frame = (
        comments[by]
        .astype(str)
        .assign(_replied=replied.notna().to_numpy(), _min=minutes.to_numpy(dtype="float64"))
    )
    g = frame.groupby(by, sort=True)
    out = g.agg(
        n=("_replied", "size"),
        n_replied=("_replied", "sum"),
        median_minutes_to_reply=("_min", "median"),
    ).reset_index()
    out["response_rate"] = safe_rate(out["n_replied"].to_numpy(), out["n"].to_numpy())
    out = out[[*by, "n", "n_replied", "response_rate", "median_minutes_to_reply"]]
    out["n_replied"] = out["n_replied"].astype("int64")
    out.attrs.update(denominator="comments", rate_column="response_rate", unit="fraction")
    return out


__all__ = ["response_stats"]
