"""A first look at the lab: the fictional agencies and the map of the workshop."""

from __future__ import annotations

from importlib import resources

import pandas as pd
import yaml

from labkit import i18n


def workshop_map() -> pd.DataFrame:
    """Which notebook teaches what, how long it takes, and whether it is ready.

    Returns
    -------
    DataFrame
        Columns ``notebook``, ``isi`` / ``content`` (in the trainee's language),
        ``menit`` / ``minutes`` and ``status``, in the suggested order.
    """
    spec = yaml.safe_load(resources.files("labkit").joinpath("workshop.yaml").read_text("utf-8"))
    lang = i18n.get_language()
    rows = [
        {
            "notebook": m["notebook"],
            i18n.label("isi", "content"): m[lang],
            i18n.label("menit", "minutes"): int(m["minutes"]),
            "status": i18n.t(f"tour.status_{m['status']}"),
        }
        for m in spec["modules"]
    ]
    return pd.DataFrame(rows)


def agency_overview(
    agencies: pd.DataFrame, accounts: pd.DataFrame, posts: pd.DataFrame
) -> pd.DataFrame:
    """One row per agency: kind, time zone, platforms, accounts, followers and posts.

    Parameters
    ----------
    agencies, accounts, posts : DataFrame
        Canonical tables (see :mod:`labkit.schema`).

    Returns
    -------
    DataFrame
        Indexed by ``agency_id``; counts are over the whole data period.
    """
    per_account = posts.groupby(["platform", "account"], observed=True).size().rename("posts")
    acc = accounts.join(per_account, on=["platform", "account"]).fillna({"posts": 0})
    grouped = acc.groupby("agency_id", observed=True).agg(
        accounts=("account", "size"),
        platforms=("platform", lambda s: ", ".join(sorted(set(s.astype(str))))),
        followers=("followers", "sum"),
        posts=("posts", "sum"),
    )
    out = agencies.set_index("agency_id")[["name", "kind", "tz"]].join(grouped, how="left")
    out[["accounts", "posts"]] = out[["accounts", "posts"]].fillna(0).astype("int64")
    out["followers"] = out["followers"].astype("Int64")
    return out.sort_values("followers", ascending=False)


def monthly_posts(posts: pd.DataFrame) -> pd.DataFrame:
    """Posts per month and platform (months in WIB), for a first chart."""
    month = (
        posts["published_at"].dt.tz_convert("Asia/Jakarta").dt.tz_localize(None).dt.to_period("M")
    )
    table = posts.assign(month=month).pivot_table(
        index="month", columns="platform", values="post_id", aggfunc="count", observed=True
    )
    return table.fillna(0).astype("int64")


def plot_monthly_posts(posts: pd.DataFrame):
    """Stacked bar chart of posts per month and platform; returns the figure."""
    import matplotlib.pyplot as plt

    table = monthly_posts(posts)
    fig, ax = plt.subplots(figsize=(10, 4))
    table.index = table.index.astype(str)
    table.plot(kind="bar", stacked=True, ax=ax, width=0.8)
    ax.set_xlabel(i18n.label("bulan (WIB)", "month (WIB)"))
    ax.set_ylabel(i18n.label("jumlah unggahan", "number of posts"))
    ax.set_title(i18n.label("Unggahan per bulan dan platform", "Posts per month and platform"))
    ax.legend(title="platform", ncol=5, fontsize="small")
    fig.tight_layout()
    return fig
