"""Abnormal follower jumps and whether engagement moved with them (bought vs organic)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from labkit import charts, i18n
from labkit.engagement._common import key_of, require
from labkit.engagement.rates import engagement_values, local_day_number

VERDICTS = ("bought", "organic")


def _num(x: float, digits: int = 0) -> str:
    """A number as the trainee reads it (id: 1.234,5; en: 1,234.5), in the lab's one style."""
    return charts.format_number(x, digits)


def _daily_engagement(posts: pd.DataFrame, accounts: pd.DataFrame | None) -> pd.DataFrame:
    eng = engagement_values(posts)
    frame = pd.DataFrame(
        {
            "platform": posts["platform"].astype(str).to_numpy(),
            "account": posts["account"].astype(str).to_numpy(),
            "day": local_day_number(posts, accounts),
            "eng": eng,
        }
    ).dropna(subset=["eng"])
    return frame


def follower_anomalies(
    followers: pd.DataFrame,
    posts: pd.DataFrame | None = None,
    *,
    accounts: pd.DataFrame | None = None,
    min_jump: float = 0.03,
    mad_factor: float = 10.0,
    window: int = 14,
    viral_factor: float = 5.0,
) -> pd.DataFrame:
    """Days on which an account's followers jumped abnormally, and a verdict on each jump.

    A day is a jump when its relative growth is at least ``min_jump`` and above
    the account's median daily growth by more than ``mad_factor`` times the
    median absolute deviation. The jump is ``organic`` when a post of that
    local day (or the day before: followers are counted at the end of the day)
    drew at least ``viral_factor`` times the account's median engagements per
    post over the ``window`` days around it; otherwise ``bought``: followers
    arrived without people responding (engagement stays flat). Without other
    posts in the window to compare with, the verdict is missing.

    Parameters
    ----------
    followers : DataFrame
        Daily follower series (canonical ``followers``).
    posts : DataFrame, optional
        Canonical ``posts``. Without posts every jump is judged ``bought`` is
        not claimed: the verdict is missing and the explanation says why.
    accounts : DataFrame, optional
        For the posts' local days (account time zones).

    Returns
    -------
    DataFrame
        ``platform, account, date, followers_before, followers, jump,
        jump_pct, engagement_before, engagement_after, engagement_change,
        max_post_ratio, n_posts_around, verdict, explanation`` (one row per
        jump, largest first). ``engagement_before/after`` are mean daily
        engagements over ``window`` days before / after the jump day.
    """
    require(followers, "followers", ("platform", "account", "date", "followers"))
    f = followers[["platform", "account", "date", "followers"]].copy()
    f["platform"] = f["platform"].astype(str)
    f["account"] = f["account"].astype(str)
    f["followers"] = pd.to_numeric(f["followers"], errors="coerce").astype("float64")
    f = f.dropna(subset=["followers"]).sort_values(["platform", "account", "date"])
    f["day"] = pd.to_datetime(f["date"]).to_numpy().astype("datetime64[D]").astype("int64")
    g = f.groupby(["platform", "account"], sort=False)
    prev = g["followers"].shift(1)
    prev_day = g["day"].shift(1)
    f["before"] = prev
    gap = (f["day"] - prev_day).fillna(1).clip(lower=1)
    f["rel"] = (f["followers"] - prev) / prev.where(prev > 0) / gap
    med = g["rel"].transform("median")
    mad = (
        (f["rel"] - med)
        .abs()
        .groupby([f["platform"], f["account"]], sort=False)
        .transform("median")
    )
    jump = (f["rel"] >= min_jump) & (f["rel"] > med + mad_factor * mad)
    j = f[jump.fillna(False)].copy()
    cols = [
        "platform",
        "account",
        "date",
        "followers_before",
        "followers",
        "jump",
        "jump_pct",
        "engagement_before",
        "engagement_after",
        "engagement_change",
        "max_post_ratio",
        "n_posts_around",
        "verdict",
        "explanation",
    ]
    if j.empty:
        return pd.DataFrame(columns=cols)
    j["followers_before"] = j["before"]
    j["jump"] = j["followers"] - j["before"]
    j["jump_pct"] = j["jump"] / j["before"]
    rows = []
    daily = _daily_engagement(posts, accounts) if posts is not None and not posts.empty else None
    by_acc = (
        dict(iter(daily.groupby(["platform", "account"], sort=False))) if daily is not None else {}
    )
    for r in j.itertuples(index=False):
        d = by_acc.get((r.platform, r.account))
        before = after = ratio = np.nan
        n_around = 0
        verdict = None
        no_baseline = False
        if d is not None and len(d):
            day = d["day"].to_numpy()
            e = d["eng"].to_numpy()
            around = (day >= r.day - window) & (day <= r.day + window)
            n_around = int(around.sum())
            near = (day >= r.day - 1) & (day <= r.day)
            usual = around & ~near
            base = float(np.median(e[usual])) if usual.any() else np.nan
            top = float(e[near].max()) if near.any() else 0.0
            ratio = (
                top / base if base and base > 0 else (np.inf if top > 0 and base == 0 else np.nan)
            )
            b = (day >= r.day - window) & (day < r.day)
            a = (day > r.day) & (day <= r.day + window)
            before = float(e[b].sum()) / window
            after = float(e[a].sum()) / window
            if usual.any():
                verdict = "organic" if (ratio >= viral_factor) else "bought"
            else:  # nothing usual to compare the jump day's posts with: no verdict
                no_baseline = n_around > 0
        change = (after - before) / before if before and before > 0 else np.nan
        if no_baseline:
            text = i18n.t("engagement.anomaly.no_baseline", jump=_num(r.followers - r.before))
        elif verdict is None:
            text = i18n.t("engagement.anomaly.no_posts", jump=_num(r.followers - r.before))
        else:
            text = i18n.t(
                f"engagement.anomaly.{verdict}",
                jump=_num(r.followers - r.before),
                pct=_num(100 * (r.followers - r.before) / r.before, 1),
                ratio=_num(ratio, 1) if np.isfinite(ratio) else "-",
            )
        rows.append(
            {
                "platform": r.platform,
                "account": r.account,
                "date": pd.Timestamp(r.date),
                "followers_before": int(r.before),
                "followers": int(r.followers),
                "jump": int(r.followers - r.before),
                "jump_pct": (r.followers - r.before) / r.before,
                "engagement_before": before,
                "engagement_after": after,
                "engagement_change": change,
                "max_post_ratio": ratio,
                "n_posts_around": n_around,
                "verdict": verdict,
                "explanation": text,
            }
        )
    out = pd.DataFrame(rows, columns=cols)
    out["verdict"] = out["verdict"].astype("string")
    return out.sort_values("jump_pct", ascending=False, kind="stable").reset_index(drop=True)


__all__ = ["VERDICTS", "follower_anomalies", "key_of"]
