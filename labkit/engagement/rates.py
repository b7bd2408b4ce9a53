"""Engagements and the rates built on them: the one definition of engagement in labkit.

Everything that reports an engagement rate (the universe's datasheet, the
audit's ENG item, module 2) calls :func:`engagements` and
:func:`engagement_rate` here.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from labkit import i18n
from labkit.engagement._common import (
    DENOMINATORS,
    ENGAGEMENT_METRICS,
    PERIODS,
    account_codes,
    check_choice,
    key_of,
    local_time,
    per_key,
    rate_column,
    require,
)
from labkit.errors import LabkitWarning

_NS_DAY = 86_400 * 10**9


def metrics_summed(posts: pd.DataFrame) -> dict[str, tuple[str, ...]]:
    """Per platform, the engagement metrics it reports (at least one value present)."""
    cols = [m for m in ENGAGEMENT_METRICS if m in posts.columns]
    if "platform" not in posts.columns or posts.empty:
        return {}
    pf, pu = pd.factorize(posts["platform"])
    seen = {
        c: np.bincount(pf[(pf >= 0) & posts[c].notna().to_numpy()], minlength=len(pu)) for c in cols
    }
    return {
        str(p): tuple(c for c in cols if seen[c][i] > 0)
        for i, p in sorted(enumerate(pu), key=lambda x: str(x[1]))
    }


def engagement_values(posts: pd.DataFrame) -> np.ndarray:
    """Engagements of each post as float64 (NaN when the post reports no engagement metric).

    The sum of likes, comments, shares and saves over the metrics present; a
    missing (unreported) metric is skipped, not counted as 0.
    """
    cols = [m for m in ENGAGEMENT_METRICS if m in posts.columns]
    if not cols:
        return np.full(len(posts), np.nan)
    total = np.zeros(len(posts))
    seen = np.zeros(len(posts), dtype=bool)
    for c in cols:
        col = posts[c]
        if not pd.api.types.is_numeric_dtype(col.dtype):
            col = pd.to_numeric(col, errors="coerce")
        v = col.to_numpy(dtype="float64", na_value=np.nan)
        ok = ~np.isnan(v)
        total[ok] += v[ok]
        seen |= ok
    total[~seen] = np.nan
    return total


def engagements(posts: pd.DataFrame) -> pd.DataFrame:
    """Add ``engagements`` = likes + comments + shares + saves, counting only what is reported.

    Parameters
    ----------
    posts : DataFrame
        Canonical ``posts`` table (any subset of the four metric columns).

    Returns
    -------
    DataFrame
        A copy of ``posts`` with ``engagements`` (nullable Int64; missing when
        the post reports none of the four metrics). ``attrs["metrics_summed"]``
        maps each platform to the metrics summed for it; ``attrs["comparable"]``
        is False when platforms sum different metrics.
    """
    out = posts.copy()
    out["engagements"] = pd.array(engagement_values(posts), dtype="Float64").astype("Int64")
    summed = metrics_summed(posts)
    out.attrs["metrics_summed"] = summed
    out.attrs["comparable"] = len(set(summed.values())) <= 1
    return out


def _safe_divide(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    num = np.asarray(num, dtype="float64")
    den = np.asarray(den, dtype="float64")
    out = np.full(np.broadcast(num, den).shape, np.nan)
    ok = ~np.isnan(num) & ~np.isnan(den) & (den > 0)
    np.divide(num, den, out=out, where=ok)
    return out


def safe_rate(num, den) -> np.ndarray:
    """``num / den`` with NaN wherever ``den`` is 0, negative or missing (never inf)."""
    return _safe_divide(np.asarray(num, dtype="float64"), np.asarray(den, dtype="float64"))


def local_day_number(posts: pd.DataFrame, accounts: pd.DataFrame | None) -> np.ndarray:
    """Each post's local calendar day as days since 1970-01-01."""
    return local_time(posts, accounts).to_numpy().astype("datetime64[D]").astype("int64")


def followers_at_posting(
    posts: pd.DataFrame, followers: pd.DataFrame, accounts: pd.DataFrame | None = None
) -> np.ndarray:
    """Followers of each post's account on the post's local day (float64, NaN if unknown).

    ``followers`` is the daily series (``platform, account, date, followers``,
    date = local day); a day missing from the series takes the last earlier
    day of the same account. Posts before the series starts get NaN.
    """
    require(followers, "followers", ("platform", "account", "date", "followers"))
    fc, fkeys = account_codes(followers)
    pc, pkeys = account_codes(posts)
    fcode = fc
    pos = fkeys.get_indexer(pkeys)
    pcode = np.where(pc >= 0, pos[np.clip(pc, 0, None)] if len(pos) else -1, -1)
    fday = pd.to_datetime(followers["date"]).to_numpy().astype("datetime64[D]").astype("int64")
    fval = pd.to_numeric(followers["followers"], errors="coerce").astype("float64").to_numpy()
    keep = ~np.isnan(fval)
    fcode, fday, fval = fcode[keep], fday[keep], fval[keep]
    span = 1 << 24
    skey = fcode.astype("int64") * span + (fday + (1 << 20))
    if len(skey) > 1 and not (skey[1:] >= skey[:-1]).all():  # canonical series come sorted
        order = np.argsort(skey, kind="stable")
        skey, fval, fcode = skey[order], fval[order], fcode[order]
    sval, scode = fval, fcode
    pday = local_day_number(posts, accounts)
    qkey = pcode.astype("int64") * span + (pday + (1 << 20))
    idx = np.searchsorted(skey, qkey, side="right") - 1
    out = np.full(len(posts), np.nan)
    ok = (idx >= 0) & (pcode >= 0)
    ok[ok] = scode[idx[ok]] == pcode[ok]
    out[ok] = sval[idx[ok]]
    return out


def usable_denominators(
    posts: pd.DataFrame, followers: pd.DataFrame | None, accounts: pd.DataFrame | None
) -> tuple[str, ...]:
    """The denominators these data can give (followers needs a series or account counts)."""
    out = []
    if (followers is not None and not followers.empty) or (
        accounts is not None
        and "followers" in accounts.columns
        and accounts["followers"].notna().any()
    ):
        out.append("followers")
    out += [d for d in DENOMINATORS[1:] if d in posts.columns and posts[d].notna().any()]
    return tuple(out)


def denominator_values(
    posts: pd.DataFrame,
    denominator: str,
    *,
    followers: pd.DataFrame | None = None,
    accounts: pd.DataFrame | None = None,
) -> tuple[np.ndarray, str]:
    """Each post's denominator (float64) and where it came from."""
    check_choice("denominator", denominator, DENOMINATORS)
    if denominator != "followers":
        if denominator not in posts.columns:
            return np.full(len(posts), np.nan), "missing"
        v = pd.to_numeric(posts[denominator], errors="coerce").astype("float64").to_numpy()
        return v, f"posts.{denominator}"
    if followers is not None and not followers.empty:
        return followers_at_posting(posts, followers, accounts), "followers series (posting day)"
    if accounts is not None and "followers" in accounts.columns:
        codes, per = per_key(posts, accounts, "followers")
        per = pd.to_numeric(pd.Series(per, dtype=object), errors="coerce").to_numpy(dtype="float64")
        out = np.full(len(posts), np.nan)
        have = codes >= 0
        out[have] = per[codes[have]]
        return out, "accounts.followers (end of period)"
    return np.full(len(posts), np.nan), "missing"


def _period_start(day_number: np.ndarray, per: str) -> np.ndarray:
    d = day_number.astype("datetime64[D]")
    if per == "day":
        return d
    if per == "week":  # weeks start on Monday; 1970-01-01 was a Thursday
        return (day_number - (day_number + 3) % 7).astype("datetime64[D]")
    return d.astype("datetime64[M]").astype("datetime64[D]")


def engagement_rate(
    posts: pd.DataFrame,
    *,
    denominator: str = "followers",
    per: str = "post",
    followers: pd.DataFrame | None = None,
    accounts: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The engagement rate of posts, or of accounts per day, week, month or overall.

    Parameters
    ----------
    posts : DataFrame
        Canonical ``posts`` table.
    denominator : {"followers", "reach", "impressions", "views"}
        What engagements are divided by. ``followers`` is the account's
        followers on the post's local day from the daily ``followers`` series;
        without a series, the ``accounts`` table's follower count (end of
        period), and the result says which (``attrs["denominator_source"]``).
    per : {"post", "day", "week", "month", "account"}
        ``post``: one row per post. Otherwise one row per account and period
        (local days; weeks start on Monday), with the pooled rate
        ``sum(engagements) / sum(denominator)`` over posts where both are known
        (for followers: engagements / (posts x mean followers), the average rate
        per post).
    followers : DataFrame, optional
        Daily follower series (canonical ``followers``).
    accounts : DataFrame, optional
        Canonical ``accounts`` (time zone for local days; follower counts).

    Returns
    -------
    DataFrame
        ``engagements``, ``denominator`` values named after it (``followers``,
        ``reach``...), and the rate ``engagement_rate_by_<denominator>`` (a
        fraction; missing where the denominator is 0 or missing, never 0 or
        infinite). Grouped results also have ``posts`` (posts in the period) and
        ``n`` (posts with a rate). ``attrs``: ``denominator``, ``per``,
        ``rate_column``, ``denominator_source``, ``metrics_summed``,
        ``comparable``.

    Warns
    -----
    LabkitWarning
        When the denominator is not available at all, naming those that are.
    """
    check_choice("denominator", denominator, DENOMINATORS)
    check_choice("per", per, PERIODS)
    require(posts, "posts", ("platform", "account", "published_at"))
    eng = engagement_values(posts)
    den, source = denominator_values(posts, denominator, followers=followers, accounts=accounts)
    if len(posts) and np.isnan(den).all():
        usable = usable_denominators(posts, followers, accounts)
        why = (
            "engagement.why_no_series"
            if denominator == "followers"
            else "engagement.why_not_reported"
        )
        warnings.warn(
            LabkitWarning(
                "engagement.no_denominator",
                denominator=denominator,
                why=i18n.t(why),
                usable=", ".join(usable) or i18n.t("engagement.none_usable"),
            ),
            stacklevel=2,
        )
    rate = safe_rate(eng, den)
    col = rate_column(denominator)
    summed = metrics_summed(posts)
    if per == "post":
        keep = [
            c
            for c in ("platform", "account", "post_id", "published_at", "content_type")
            if c in posts.columns
        ]
        out = posts[keep].copy()
        out["engagements"] = eng
        out[denominator] = den
        out[col] = rate
    else:
        both = ~np.isnan(eng) & ~np.isnan(den) & (den > 0)
        codes, keys = account_codes(posts)
        frame = pd.DataFrame(
            {
                "_acc": codes,
                "_post": 1,
                "n": both.astype("int64"),
                "engagements": np.where(both, eng, 0.0),
                denominator: np.where(both, den, 0.0),
            }
        )
        group = ["_acc"]
        if per != "account":
            frame["period"] = _period_start(local_day_number(posts, accounts), per)
            group.append("period")
        out = (
            frame[frame["_acc"] >= 0]
            .groupby(group, sort=True)[["_post", "n", "engagements", denominator]]
            .sum()
            .reset_index()
            .rename(columns={"_post": "posts"})
        )
        acc = out.pop("_acc").to_numpy()
        out.insert(0, "account", np.asarray(keys.get_level_values(1))[acc])
        out.insert(0, "platform", np.asarray(keys.get_level_values(0))[acc])
        out = out.sort_values(["platform", "account", *group[1:]], kind="stable")
        out = out.reset_index(drop=True)
        out[col] = safe_rate(out["engagements"].to_numpy(), out[denominator].to_numpy())
        out.loc[out["n"] == 0, ["engagements", denominator]] = np.nan
    out.attrs.update(
        denominator=denominator,
        per=per,
        rate_column=col,
        denominator_source=source,
        metrics_summed=summed,
        comparable=len(set(summed.values())) <= 1,
        unit="fraction",
    )
    return out


def _per_post(posts: pd.DataFrame, metric: str, by: list[str] | None, name: str) -> pd.DataFrame:
    require(posts, "posts", (metric,))
    by = by or ["platform", "account"]
    require(posts, "posts", by)
    v = pd.to_numeric(posts[metric], errors="coerce").astype("float64")
    frame = posts[by].astype(str).assign(_v=v.to_numpy(), _known=v.notna().to_numpy())
    g = frame.groupby(by, sort=True)
    out = g.agg(posts=("_v", "size"), n=("_known", "sum"), total=("_v", "sum")).reset_index()
    out = out.rename(columns={"total": metric})
    out[name] = safe_rate(out[metric].to_numpy(), out["n"].to_numpy())
    out.loc[out["n"] == 0, metric] = np.nan
    out.attrs.update(denominator="posts", rate_column=name, unit=f"{metric} per post")
    return out


def conversation_rate(posts: pd.DataFrame, *, by: list[str] | None = None) -> pd.DataFrame:
    """Comments per post (Kaushik), per account by default.

    Returns ``by`` columns, ``posts``, ``n`` (posts reporting comments),
    ``comments`` and ``conversation_rate`` (comments / n; missing when n is 0).
    """
    return _per_post(posts, "comments", by, "conversation_rate")


def amplification_rate(posts: pd.DataFrame, *, by: list[str] | None = None) -> pd.DataFrame:
    """Shares (reposts) per post (Kaushik), per account by default; see :func:`conversation_rate`."""
    return _per_post(posts, "shares", by, "amplification_rate")


def applause_rate(posts: pd.DataFrame, *, by: list[str] | None = None) -> pd.DataFrame:
    """Likes per post (Kaushik), per account by default; see :func:`conversation_rate`."""
    return _per_post(posts, "likes", by, "applause_rate")


def audience_growth_rate(
    followers: pd.DataFrame,
    *,
    start: str | pd.Timestamp | None = None,
    end: str | pd.Timestamp | None = None,
) -> pd.DataFrame:
    """(followers at the end - at the start) / followers at the start, per account.

    Parameters
    ----------
    followers : DataFrame
        Daily follower series (canonical ``followers``).
    start, end : date-like, optional
        First and last local day (default: each account's first and last day).

    Returns
    -------
    DataFrame
        ``platform, account, start, end, followers_start, followers_end, n_days,
        audience_growth_rate`` (a fraction; missing when the start is 0 or unknown).
    """
    require(followers, "followers", ("platform", "account", "date", "followers"))
    f = followers[["platform", "account", "date", "followers"]].copy()
    f["date"] = pd.to_datetime(f["date"])
    f["followers"] = pd.to_numeric(f["followers"], errors="coerce").astype("float64")
    f = f.dropna(subset=["followers"])
    if start is not None:
        f = f[f["date"] >= pd.Timestamp(start)]
    if end is not None:
        f = f[f["date"] <= pd.Timestamp(end)]
    f = f.astype({"platform": str, "account": str}).sort_values(["platform", "account", "date"])
    g = f.groupby(["platform", "account"], sort=True)
    out = g.agg(
        start=("date", "first"),
        end=("date", "last"),
        followers_start=("followers", "first"),
        followers_end=("followers", "last"),
        n_days=("date", "size"),
    ).reset_index()
    out["audience_growth_rate"] = safe_rate(
        out["followers_end"] - out["followers_start"], out["followers_start"]
    )
    out.attrs.update(
        denominator="followers_start", rate_column="audience_growth_rate", unit="fraction"
    )
    return out


def share_of_voice(
    posts: pd.DataFrame,
    *,
    accounts: pd.DataFrame | None = None,
    by: str = "agency",
    measure: str = "engagements",
) -> pd.DataFrame:
    """Each member's share of the comparison set's total posts or engagements.

    Parameters
    ----------
    posts : DataFrame
        Canonical ``posts``.
    accounts : DataFrame, optional
        The comparison set (only their posts count) and, for ``by="agency"``,
        each account's ``agency_id``. Without it every account in ``posts``.
    by : {"agency", "account"}
    measure : {"engagements", "posts"}

    Returns
    -------
    DataFrame
        The member column(s), ``n`` (posts), the measure's total and
        ``share_of_voice`` (a fraction of the set's total), largest first.
    """
    check_choice("by", by, ("agency", "account"))
    check_choice("metric", measure, ("engagements", "posts"))
    p = posts
    if accounts is not None:
        p = posts[key_of(posts).isin(key_of(accounts))]
    frame = p[["platform", "account"]].astype(str).copy()
    frame["engagements"] = np.nan_to_num(engagement_values(p))
    frame["posts"] = 1
    if by == "agency":
        if accounts is None or "agency_id" not in accounts.columns:
            require(pd.DataFrame(), "accounts", ("agency_id",))
        agency = accounts.drop_duplicates(["platform", "account"]).set_index(
            key_of(accounts.drop_duplicates(["platform", "account"]))
        )["agency_id"]
        frame["agency_id"] = agency.reindex(key_of(frame)).astype(str).to_numpy()
        keys = ["agency_id"]
    else:
        keys = ["platform", "account"]
    out = (
        frame.groupby(keys, sort=True).agg(n=("posts", "sum"), total=(measure, "sum")).reset_index()
    )
    out = out.rename(columns={"total": measure})
    out["share_of_voice"] = safe_rate(
        out[measure].to_numpy(), np.full(len(out), out[measure].sum())
    )
    out.attrs.update(
        denominator=f"{measure} of the comparison set",
        rate_column="share_of_voice",
        unit="fraction",
    )
    return out.sort_values("share_of_voice", ascending=False, kind="stable").reset_index(drop=True)
