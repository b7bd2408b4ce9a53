"""Generate the whole fictional universe, deterministically from a seed.

>>> from labkit.universe import generate
>>> tables = generate(seed=2026, scale=1)          # doctest: +SKIP
>>> sorted(tables)                                  # doctest: +SKIP
['accounts', 'agencies', 'comments', 'followers', 'posts', 'search_results', 'truth_...']

``scale`` makes ``scale`` replicas of the workshop universe (replica 0 *is* the
workshop universe): the same agency templates in invented regions, each
account with the same posting rhythm as its template, each replica with its
own planted defects. Comments are generated once over all replicas by
:mod:`labkit.universe.comments`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from labkit import engagement, schema
from labkit.universe import accounts as _accounts
from labkit.universe import agencies as _agencies
from labkit.universe import followers as _followers
from labkit.universe import period
from labkit.universe import posts as _posts
from labkit.universe import search as _search

DEFAULT_SEED = 2026
#: Order of the tables in the bundle.
TABLES = (
    "agencies",
    "accounts",
    "posts",
    "followers",
    "search_results",
    "comments",
    "truth_account_defects",
    "truth_impostors",
    "truth_follower_jumps",
    "truth_posts",
    "truth_comments",
    "truth_crises",
)
COMMENT_TABLES = ("comments", "truth_comments", "truth_crises")
ENGAGEMENTS = engagement.ENGAGEMENT_METRICS

# random-stream ids (one independent stream per part, so changing one part leaves the others)
_FOLLOWERS, _POSTS, _SEARCH, _COMMENTS = 303, 404, 505, 606


def _rng(*key: int) -> np.random.Generator:
    return np.random.default_rng(np.random.SeedSequence([int(k) for k in key]))


@dataclass
class Universe:
    """The generated tables and facts about how they were made."""

    tables: dict[str, pd.DataFrame]
    meta: dict = field(default_factory=dict)


def engagement_ranking(accounts: pd.DataFrame, posts: pd.DataFrame) -> pd.DataFrame:
    """Followers and engagement rate of every account that posted.

    The rate is :func:`labkit.engagement.engagement_rate` per account with the
    ``followers`` denominator taken from ``accounts`` (followers at the end of
    the period, no daily series): ``sum(engagements) / (posts x followers)``,
    engagements summing only the metrics the platform reports.

    Returns
    -------
    DataFrame
        ``platform, account, followers, posts, engagements, er``, plus
        ``rank_followers`` (1 = most followers) and ``rank_er`` (1 = lowest rate).
    """
    r = engagement.engagement_rate(posts, denominator="followers", per="account", accounts=accounts)
    a = accounts[["platform", "account", "followers"]].astype({"platform": str, "account": str})
    out = a.merge(
        r[["platform", "account", "posts", "engagements", r.attrs["rate_column"]]],
        on=["platform", "account"],
        how="inner",
    ).rename(columns={r.attrs["rate_column"]: "er"})
    out["followers"] = out["followers"].astype("int64")
    out["engagements"] = out["engagements"].astype("int64")
    out["rank_followers"] = out["followers"].rank(ascending=False, method="min").astype(int)
    out["rank_er"] = out["er"].rank(ascending=True, method="min").astype(int)
    out.attrs["definition"] = r.attrs
    return out


def big_but_quiet(accounts: pd.DataFrame, posts: pd.DataFrame, top: int = 3) -> pd.DataFrame:
    """Accounts among the ``top`` by followers and the ``top`` lowest engagement rates."""
    r = engagement_ranking(accounts, posts)
    return r[(r["rank_followers"] <= top) & (r["rank_er"] <= top)].reset_index(drop=True)


def _quiet_enough(roster, acc_followers, posts, rng) -> pd.DataFrame:
    """Thin the 'big but quiet' account's engagement until its rate is the lowest by far."""
    accounts = roster.accounts.assign(followers=acc_followers)
    bq = roster.accounts.iloc[roster.big_quiet]
    for _ in range(20):
        r = engagement_ranking(accounts, posts)
        mine = (r["platform"] == bq["platform"]) & (r["account"] == bq["account"])
        er_bq = float(r.loc[mine, "er"].iloc[0])
        floor = float(r.loc[~mine, "er"].min())
        if er_bq <= 0.5 * floor:
            return posts
        sel = (
            (posts["platform"] == bq["platform"]) & (posts["account"] == bq["account"])
        ).to_numpy()
        for m in (*ENGAGEMENTS, "reach", "views", "impressions"):
            col = posts[m]
            vals = col[sel]
            ok = vals.notna().to_numpy()
            new = vals.copy()
            new[ok] = rng.binomial(vals[ok].to_numpy(dtype="int64"), 0.5)
            posts.loc[sel, m] = new
    return posts  # pragma: no cover


def _replica(seed: int, replica: int) -> tuple[dict[str, pd.DataFrame], dict]:
    ags = _agencies.build(replica)
    roster = _accounts.build(ags, seed, replica)
    series = _followers.build(roster, _rng(seed, _FOLLOWERS, replica))
    out = _posts.build(roster, series, _rng(seed, _POSTS, replica))
    posts = _posts.assign_ids(out["posts"], replica)
    info = out["_info"]
    end_followers = series.total[:, -1]
    posts = _quiet_enough(roster, end_followers, posts, _rng(seed, _POSTS, replica, 1))
    accounts = roster.accounts.assign(followers=end_followers)
    found = _search.build(roster, end_followers, _rng(seed, _SEARCH, replica))
    bq = roster.accounts.iloc[roster.big_quiet]
    tables = {
        "agencies": _agencies.frame(ags),
        "accounts": accounts,
        "posts": posts,
        "followers": series.table,
        "search_results": found["search_results"],
        "truth_account_defects": roster.defects,
        "truth_impostors": found["truth_impostors"],
        "truth_follower_jumps": series.truth,
        "truth_posts": pd.DataFrame(
            {"platform": posts["platform"], "post_id": posts["post_id"], "topic": info["topic"]}
        ),
    }
    meta = {"big_but_quiet": {"platform": str(bq["platform"]), "account": str(bq["account"])}}
    return tables, meta


def build(seed: int = DEFAULT_SEED, scale: int = 1, *, comments: bool = True) -> Universe:
    """Generate the universe and the facts about it (see :func:`generate`)."""
    seed, scale = int(seed), int(scale)
    if scale < 1:
        raise ValueError("scale must be a positive integer")
    parts, metas = [], []
    for r in range(scale):
        t, m = _replica(seed, r)
        parts.append(t)
        metas.append(m)
    tables = {name: pd.concat([p[name] for p in parts], ignore_index=True) for name in parts[0]}
    tables = {name: schema.conform(df, name, source="universe") for name, df in tables.items()}
    for name, df in tables.items():
        key = list(schema.table(name).key)
        if df.duplicated(key).any():
            raise RuntimeError(f"duplicate keys in generated table {name}")  # pragma: no cover
    if comments:
        from labkit.universe.comments import generate_comments, sync_post_comment_counts

        c = generate_comments(
            tables["agencies"],
            tables["accounts"],
            tables["posts"],
            rng=_rng(seed, _COMMENTS, scale),
            start=period.START,
            end=period.END,
        )
        tables["posts"] = schema.conform(
            sync_post_comment_counts(tables["posts"], c["comments"]), "posts", source="universe"
        )
        for name in COMMENT_TABLES:
            tables[name] = schema.conform(c[name], name, source="universe")
    ordered = {name: tables[name] for name in TABLES if name in tables}
    meta = {
        "name": "labkit.universe",
        "seed": seed,
        "scale": scale,
        "period": {"start": str(period.START_DAY.date()), "end": str(period.END_DAY.date())},
        "comments": bool(comments),
        "big_but_quiet": metas[0]["big_but_quiet"],
    }
    return Universe(ordered, meta)


def generate(
    seed: int = DEFAULT_SEED, scale: int = 1, *, comments: bool = True
) -> dict[str, pd.DataFrame]:
    """Generate the fictional universe's canonical tables.

    Parameters
    ----------
    seed : int
        Same seed, same tables (compared as DataFrames).
    scale : int
        Number of replicas of the workshop universe (1: about 40 accounts and
        40,000+ posts; 25: about 1,100 accounts and 1,000,000 posts).
    comments : bool
        Also generate ``comments``, ``truth_comments`` and ``truth_crises``
        (the slowest part; tests of the other tables may skip it).

    Returns
    -------
    dict of str to DataFrame
        Canonical tables (:mod:`labkit.schema`), in :data:`TABLES` order.
    """
    return build(seed, scale, comments=comments).tables


def write(
    out: Path | str,
    seed: int = DEFAULT_SEED,
    scale: int = 1,
    *,
    comments: bool = True,
    readme: bool = True,
) -> dict:
    """Generate the universe and write it as a bundle (Parquet + manifest + datasheet).

    The bundle is first written to a temporary folder beside ``out``; then each
    file replaces its old version atomically, ``manifest.json`` last, so a
    reader never sees a manifest describing half-written files.

    Returns the manifest.
    """
    import os
    import shutil

    from labkit import data
    from labkit.universe import sheet

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.parent / f".{out.name}.tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        uni = build(seed, scale, comments=comments)
        manifest = data.write_bundle(uni.tables, tmp, uni.meta)
        if readme:
            (tmp / "README.md").write_text(sheet.render(uni.tables, manifest), encoding="utf-8")
        out.mkdir(parents=True, exist_ok=True)
        old_manifest = out / data.MANIFEST
        stale: set[str] = set()
        if old_manifest.exists():
            stale = {
                e["file"] for e in json.loads(old_manifest.read_text("utf-8"))["files"].values()
            }
            old_manifest.unlink()
        names = sorted(p.name for p in tmp.iterdir() if p.name != data.MANIFEST)
        for name in names:
            os.replace(tmp / name, out / name)
        for name in sorted(stale - set(names)):
            (out / name).unlink(missing_ok=True)
        os.replace(tmp / data.MANIFEST, out / data.MANIFEST)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return manifest
