"""Accounts side by side: the ranking flip, peers of the same follower tier, sector figures."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from labkit import i18n
from labkit.engagement._common import DENOMINATORS, check_choice, key_of, rate_column, require
from labkit.engagement.rates import engagement_rate

SECTOR_FILE = Path(__file__).with_name("sector.yaml")
#: Follower tiers (lower bounds) for peer comparison.
TIERS = (0, 10_000, 100_000, 1_000_000)
TIER_LABELS = ("<10rb", "10rb-100rb", "100rb-1jt", ">=1jt")


def account_rates(
    accounts: pd.DataFrame,
    posts: pd.DataFrame,
    followers: pd.DataFrame | None = None,
    *,
    denominator: str = "followers",
) -> pd.DataFrame:
    """Per account: followers (latest known), posts, n and the pooled engagement rate."""
    require(accounts, "accounts", ("platform", "account"))
    r = engagement_rate(
        posts, denominator=denominator, per="account", followers=followers, accounts=accounts
    )
    r = r.rename(columns={denominator: f"{denominator}_total"})
    acc = accounts.drop_duplicates(["platform", "account"])[["platform", "account"]].astype(str)
    if followers is not None and not followers.empty:
        last = (
            followers.astype({"platform": str, "account": str})
            .sort_values("date")
            .dropna(subset=["followers"])
            .groupby(["platform", "account"])["followers"]
            .last()
            .reset_index()
        )
        acc = acc.merge(last, on=["platform", "account"], how="left")
    elif "followers" in accounts.columns:
        acc["followers"] = accounts.drop_duplicates(["platform", "account"])["followers"].to_numpy()
    else:
        acc["followers"] = np.nan
    acc["followers"] = pd.to_numeric(acc["followers"], errors="coerce").astype("float64")
    out = acc.merge(r, on=["platform", "account"], how="inner")
    out.attrs.update(r.attrs)
    return out


def ranking_flip(
    accounts: pd.DataFrame,
    posts: pd.DataFrame,
    followers: pd.DataFrame | None = None,
    *,
    denominator: str = "followers",
    top: int = 3,
    min_posts: int = 1,
) -> pd.DataFrame:
    """The same accounts ranked by followers and by engagement rate, side by side.

    Parameters
    ----------
    top : int
        An account in the top ``top`` by followers and the bottom ``top`` by
        rate is flagged ``big_but_quiet``; the reverse ``small_but_engaged``.
        ``top`` is at most half the accounts ranked, so top and bottom never
        overlap.
    min_posts : int
        Accounts with fewer posts with a rate are left out of the ranking.

    Returns
    -------
    DataFrame
        ``platform, account, followers, posts, n, engagement_rate_by_<den>,
        rank_by_followers`` (1 = most), ``rank_by_rate`` (1 = highest) and
        ``flip`` (``big_but_quiet``, ``small_but_engaged`` or empty), most
        followers first. ``attrs`` as :func:`engagement_rate`.
    """
    r = account_rates(accounts, posts, followers, denominator=denominator)
    col = rate_column(denominator)
    r = r[(r["n"] >= min_posts) & r[col].notna() & r["followers"].notna()].copy()
    r["rank_by_followers"] = r["followers"].rank(ascending=False, method="min").astype("int64")
    r["rank_by_rate"] = r[col].rank(ascending=False, method="min").astype("int64")
    k = len(r)
    top = min(top, k // 2)  # with few accounts the top and the bottom would overlap
    big = r["rank_by_followers"] <= top
    low = r["rank_by_rate"] > k - top
    small = r["rank_by_followers"] > k - top
    high = r["rank_by_rate"] <= top
    r["flip"] = np.where(
        big & low, "big_but_quiet", np.where(small & high, "small_but_engaged", "")
    )
    r = r.sort_values("rank_by_followers", kind="stable").reset_index(drop=True)
    return r


def follower_tier(followers) -> pd.Series:
    """The follower tier label of each follower count (see :data:`TIERS`)."""
    f = pd.Series(pd.to_numeric(pd.Series(followers), errors="coerce"), dtype="float64")
    cut = pd.cut(f, bins=[*TIERS, np.inf], right=False, labels=TIER_LABELS)
    return cut


def compare_peers(
    accounts: pd.DataFrame,
    posts: pd.DataFrame,
    followers: pd.DataFrame | None = None,
    *,
    denominator: str = "followers",
    by_platform: bool = True,
    min_peers: int = 3,
) -> pd.DataFrame:
    """Each account's rate against the median of its peers (same follower tier and platform).

    Returns
    -------
    DataFrame
        ``platform, account, followers, tier, n, <rate>, peers`` (other
        accounts in the tier), ``peer_median``, ``ratio_to_peers`` and
        ``few_peers`` (fewer than ``min_peers``: do not read the ratio).
    """
    r = account_rates(accounts, posts, followers, denominator=denominator)
    col = rate_column(denominator)
    r["tier"] = follower_tier(r["followers"]).to_numpy()
    keys = ["platform", "tier"] if by_platform else ["tier"]
    peer_med, peers = [], []
    for _, row in r.iterrows():
        same = np.ones(len(r), dtype=bool)
        for k in keys:
            same &= (r[k] == row[k]).to_numpy()
        same &= ~((r["platform"] == row["platform"]) & (r["account"] == row["account"])).to_numpy()
        vals = r.loc[same, col].dropna()
        peers.append(len(vals))
        peer_med.append(float(vals.median()) if len(vals) else np.nan)
    r["peers"] = peers
    r["peer_median"] = peer_med
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = r[col] / r["peer_median"].where(r["peer_median"] > 0)
    r["ratio_to_peers"] = ratio.replace([np.inf, -np.inf], np.nan)
    r["few_peers"] = r["peers"] < min_peers
    return r


@lru_cache(maxsize=2)
def sector_figures(path: str | None = None) -> pd.DataFrame:
    """Published sector figures (``sector.yaml``) with their denominators and confidence."""
    with open(path or SECTOR_FILE, encoding="utf-8") as f:
        return pd.DataFrame(yaml.safe_load(f)["figures"])


def compare_sector(
    accounts: pd.DataFrame,
    posts: pd.DataFrame,
    followers: pd.DataFrame | None = None,
    *,
    denominator: str = "followers",
    figures: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Each account's rate against published figures for its platform.

    A figure whose denominator differs from ``denominator`` is listed as not
    comparable (``comparable`` False, ``ratio`` missing, the note says why)
    instead of being compared.

    Returns
    -------
    DataFrame
        ``platform, account, n, <rate>, source, sector_rate,
        sector_denominator, confidence, comparable, ratio, note``.
    """
    check_choice("denominator", denominator, DENOMINATORS)
    r = account_rates(accounts, posts, followers, denominator=denominator)
    col = rate_column(denominator)
    fig = (figures if figures is not None else sector_figures()).rename(
        columns={"rate": "sector_rate", "denominator": "sector_denominator"}
    )
    out = r[["platform", "account", "n", col]].merge(fig, on="platform", how="left")
    out["comparable"] = out["sector_denominator"] == denominator
    with np.errstate(divide="ignore", invalid="ignore"):
        out["ratio"] = np.where(out["comparable"], out[col] / out["sector_rate"], np.nan)
    out["note"] = [
        (
            i18n.t("engagement.sector.none")
            if pd.isna(s)
            else i18n.t("engagement.sector.ok", denominator=d, confidence=c)
            if ok
            else i18n.t("engagement.sector.not_comparable", theirs=d, ours=denominator)
        )
        for s, d, c, ok in zip(
            out["sector_rate"],
            out["sector_denominator"],
            out["confidence"],
            out["comparable"],
            strict=True,
        )
    ]
    return out


__all__ = ["compare_peers", "compare_sector", "key_of", "ranking_flip"]
