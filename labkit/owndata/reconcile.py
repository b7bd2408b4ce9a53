"""Reconcile what an import read: account names, daily tables, the accounts and agencies tables.

Platform exports name an account by its handle or by its Page/channel name, give
daily files with or without an account, and never hold profile data. These pure
functions turn the readers' tables into the canonical ``posts``, ``followers``,
``account_daily``, ``accounts`` and ``agencies`` tables of the trainee's dataset
(:mod:`labkit.owndata.importing` calls them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from labkit import i18n, schema
from labkit.ingest import inventory as inv


def _name_key(text: Any) -> str:
    return inv.agency_id(str(text)) if not pd.isna(text) else ""


def reconcile_accounts(
    table: pd.DataFrame, known: pd.DataFrame | None
) -> tuple[pd.DataFrame, list[tuple[str, str, str]]]:
    """Replace account names taken from a Page/channel name by the inventory's handle.

    Facebook and YouTube exports often name the account by its display name
    ("Dinas Kominfo Kota Contoh") instead of its handle. Where such a name
    matches an inventory account's display name on the same platform (ignoring
    case, spaces and punctuation), the handle is used.

    Returns
    -------
    (table, renamed)
        The table, and ``(platform, old, new)`` for each renamed account.
    """
    if known is None or known.empty or table.empty:
        return table, []
    handles = set(zip(known["platform"].astype(str), known["account"].astype(str), strict=True))
    by_name: dict[tuple[str, str], str] = {}
    for p, a, d in known[["platform", "account", "display_name"]].itertuples(index=False):
        if not pd.isna(d):
            by_name[(str(p), _name_key(d))] = str(a)
            by_name.setdefault((str(p), _name_key(a)), str(a))
    renamed = []
    out = table.copy()
    accounts = out["account"].astype("string")
    for p, a in out[["platform", "account"]].drop_duplicates().itertuples(index=False):
        if pd.isna(a) or (str(p), str(a)) in handles:
            continue
        new = by_name.get((str(p), _name_key(a)))
        if new:
            accounts = accounts.mask((out["platform"] == p) & (out["account"] == a), new)
            renamed.append((str(p), str(a), new))
    out["account"] = accounts
    return out, renamed


def _daily_platform(kind: str, table: pd.DataFrame) -> str:
    return str(table["platform"].dropna().iloc[0]) if table["platform"].notna().any() else kind


def _fill_account(
    table: pd.DataFrame, platform: str, posts: pd.DataFrame | None, known: pd.DataFrame | None
) -> tuple[pd.DataFrame, str | None]:
    """Give a daily table without an account the platform's only account, if there is one.

    Returns the table (rows without an account dropped when there is no single
    account) and the note saying so, or None.
    """
    if not table["account"].isna().any():
        return table, None
    candidates = _accounts_of(platform, posts, known)
    if len(candidates) == 1:
        return table.assign(account=table["account"].fillna(candidates[0])), None
    note = i18n.t("owndata.note_no_account", platform=platform)
    return table[table["account"].notna()], note


def followers_from_gains(
    table: pd.DataFrame,
    platform: str,
    posts: pd.DataFrame | None,
    known: pd.DataFrame | None,
) -> tuple[pd.DataFrame | None, str]:
    """Daily follower counts added back from daily gains and a known total.

    A daily file of new follows (Meta "Facebook follows", X "New follows")
    gives no count by itself. When the account inventory (``known``) gives the
    account's follower total, that total is taken as the count at the end of
    the file's last day, and each earlier day's count is the total minus the net
    gains after it (follows minus unfollows where the file reports unfollows).

    Returns
    -------
    (followers rows or None, the note for the import report)
        None, with the note that the file holds gains only, when no account of
        the file has a known total.
    """
    cols = ["platform", "account", "date", "follows"]
    if "unfollows" in table.columns:
        cols.append("unfollows")
    t, note = _fill_account(table[cols], platform, posts, known)
    totals = {}
    if known is not None and len(known) and "followers" in known.columns:
        kn = known.dropna(subset=["followers"])
        totals = {
            (str(p), str(a)): int(f)
            for p, a, f in kn[["platform", "account", "followers"]].itertuples(index=False)
        }
    rows = []
    used = []
    for (plat, account), g in t.dropna(subset=["account"]).groupby(
        ["platform", "account"], sort=False
    ):
        total = totals.get((str(plat), str(account)))
        if total is None:
            continue
        g = g.sort_values("date")
        net = g["follows"].astype("Float64").fillna(0)
        if "unfollows" in g.columns:
            net = net - g["unfollows"].astype("Float64").fillna(0)
        after = net[::-1].cumsum()[::-1].shift(-1, fill_value=0)
        rows.append(g[["platform", "account", "date"]].assign(followers=(total - after).round()))
        used.append((str(account), total, g["date"].max()))
    if not rows:
        return None, note or i18n.t("owndata.note_gains_only", platform=platform)
    account, total, last = used[0]
    key = (
        "owndata.note_gains_rebuilt"
        if "unfollows" in cols
        else "owndata.note_gains_rebuilt_no_unfollows"
    )
    text = i18n.t(
        key,
        platform=platform,
        accounts=", ".join(f"@{a}" for a, _, _ in used),
        total=f"{total:,}".replace(",", "."),
        account=account,
        day=pd.Timestamp(last).strftime("%Y-%m-%d"),
    )
    return pd.concat(rows, ignore_index=True), text if not note else f"{note}; {text}"


def followers_from_daily(
    daily: dict[str, pd.DataFrame],
    posts: pd.DataFrame | None,
    known: pd.DataFrame | None,
) -> tuple[pd.DataFrame | None, list[str]]:
    """The canonical ``followers`` table from the readers' daily tables.

    Files that give follower *counts* (TikTok FollowerHistory) become
    followers. Daily *gains* (Meta "follows", X "New follows") become counts only
    when the account inventory gives the account's total, added back day by day
    (:func:`followers_from_gains`; the import report says so); otherwise they are
    reported, not guessed. Gains are kept in ``account_daily`` either way (see
    :func:`daily_metrics`). A daily file without an account gets the
    platform's only account, if there is exactly one.

    Returns
    -------
    (followers or None, notes)
    """
    notes: list[str] = []
    parts = []
    for kind, table in daily.items():
        if table is None or table.empty:
            continue
        platform = _daily_platform(kind, table)
        if "followers" not in table.columns:
            if "follows" in table.columns:
                built, note = followers_from_gains(table, platform, posts, known)
                notes.append(note)
                if built is not None:
                    parts.append(built)
            continue
        t, note = _fill_account(
            table[["platform", "account", "date", "followers"]], platform, posts, known
        )
        if note:
            notes.append(note)
        parts.append(t)
    if not parts:
        return None, notes
    fol = pd.concat(parts, ignore_index=True).dropna(subset=["followers"])
    fol = fol.drop_duplicates(["platform", "account", "date"], keep="last")
    return schema.conform(fol, "followers", source="import"), notes


def _snake(name: str) -> str:
    return "_".join(re.findall(r"[0-9a-z]+", str(name).lower()))


def daily_metrics(
    daily: dict[str, pd.DataFrame],
    posts: pd.DataFrame | None,
    known: pd.DataFrame | None,
) -> tuple[pd.DataFrame | None, list[str]]:
    """The canonical ``account_daily`` table (long format) from the readers' daily tables.

    Every numeric metric of an account-level daily file becomes rows
    ``platform, account, date, metric, value`` (metric names in snake case:
    ``follows``, ``followers``, ``views``, ``profile_views``...); empty values
    are left out, not read as zero. Per-video daily files (YouTube Chart data)
    are not account metrics and are left out. A file without an account gets
    the platform's only account, if there is exactly one; otherwise its rows
    are left out and a note says so.

    Returns
    -------
    (account_daily or None, notes)
    """
    notes: list[str] = []
    parts = []
    keys = ["platform", "account", "date"]
    for kind, table in daily.items():
        if table is None or table.empty or "post_id" in table.columns:
            continue
        metrics = [
            c
            for c in table.columns
            if c not in keys
            and pd.api.types.is_numeric_dtype(table[c])
            and not pd.api.types.is_bool_dtype(table[c])
        ]
        if not metrics:
            continue
        platform = _daily_platform(kind, table)
        t, note = _fill_account(table[[*keys, *metrics]], platform, posts, known)
        if note:
            notes.append(note)
        long = t.melt(id_vars=keys, value_vars=metrics, var_name="metric", value_name="value")
        long["metric"] = long["metric"].map(_snake)
        long["value"] = pd.to_numeric(long["value"]).astype("float64")
        long = long.dropna(subset=["value"])
        if len(long):
            parts.append(long)
    if not parts:
        return None, notes
    out = pd.concat(parts, ignore_index=True)
    out = out.drop_duplicates(["platform", "account", "date", "metric"], keep="last")
    out = out.sort_values(["platform", "account", "metric", "date"], kind="stable")
    return schema.conform(out, "account_daily", source="import"), notes


def _accounts_of(platform: str, *tables: pd.DataFrame | None) -> list[str]:
    found: set[str] = set()
    for t in tables:
        if t is not None and len(t):
            found |= set(
                t.loc[t["platform"].astype(str) == platform, "account"].dropna().astype(str)
            )
    return sorted(found)


def has_inventory(accounts: pd.DataFrame | None) -> bool:
    """True when some account holds profile data only an inventory gives (bio, link...)."""
    if accounts is None or accounts.empty:
        return False
    cols = ["bio", "link", "contact", "verified", "profile_type", "display_name"]
    return bool(accounts[cols].notna().any(axis=None))


PROFILE_COLUMNS = ("display_name", "bio", "link", "contact", "verified", "profile_type", "unit")
#: agency id of an import without inventory ("Instansi saya"), replaced by a real agency later
PLACEHOLDER_AGENCY = "instansi-saya"


def _profile_known(rec: Mapping[str, Any]) -> bool:
    return any(not pd.isna(rec.get(c)) for c in PROFILE_COLUMNS)


def _accounts_seen(
    frames: Iterable[pd.DataFrame], more: Iterable[pd.DataFrame] = ()
) -> list[tuple[str, str]]:
    seen: dict[tuple[str, str], None] = {}
    for df in [*frames, *more]:
        if df is None or df.empty or "account" not in df:
            continue
        for p, a in df[["platform", "account"]].drop_duplicates().itertuples(index=False):
            if not (pd.isna(p) or pd.isna(a)):
                seen[(str(p), str(a))] = None
    return list(seen)


def build_accounts(
    seen: Iterable[tuple[str, str]],
    *,
    inventory: pd.DataFrame | None = None,
    agencies: pd.DataFrame | None = None,
    existing: tuple[pd.DataFrame | None, pd.DataFrame | None] = (None, None),
    tz: str = "WIB",
    agency: str | None = None,
    followers: pd.DataFrame | None = None,
    drop_unseen: bool = False,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The ``accounts`` and ``agencies`` tables of an import.

    Inventory rows win; accounts already saved in the dataset with profile data
    (for example from the inventory form) stay; accounts found only in exports
    get a row with the profile fields empty (the audit says they are unknown,
    not missing). With ``drop_unseen``, saved rows without profile data that
    this import no longer sees are dropped (a re-import replaces them).
    ``followers`` fills the follower count where the inventory gives none.
    The placeholder agency of an import without inventory gives way to a real
    one as soon as there is one.
    """
    zone = inv.tz_code(tz)
    seen = list(seen)
    old_acc, old_ag = existing
    if old_acc is not None and drop_unseen and len(old_acc):
        keep = [
            _profile_known(rec) or (str(rec["platform"]), str(rec["account"])) in set(seen)
            for rec in old_acc.to_dict("records")
        ]
        old_acc = old_acc[keep]
    parts = [df for df in (old_acc, inventory) if df is not None and len(df)]
    acc = pd.concat(parts, ignore_index=True) if parts else schema.empty("accounts")
    acc = acc.drop_duplicates(["platform", "account"], keep="last")
    ag_parts = [df for df in (old_ag, agencies) if df is not None and len(df)]
    ags = pd.concat(ag_parts, ignore_index=True) if ag_parts else schema.empty("agencies")
    ags = ags.drop_duplicates(["agency_id"], keep="last")
    real = ags[ags["agency_id"] != PLACEHOLDER_AGENCY]
    if len(real):
        ags = real
    else:
        name = agency or i18n.t("owndata.default_agency")
        ags = _frame([{"agency_id": PLACEHOLDER_AGENCY, "name": name, "tz": zone}], "agencies")
    default_agency = str(ags["agency_id"].iloc[0])
    acc.loc[acc["agency_id"].astype("string") == PLACEHOLDER_AGENCY, "agency_id"] = default_agency
    have = set(zip(acc["platform"].astype(str), acc["account"].astype(str), strict=True))
    new = [
        {"platform": p, "account": a, "agency_id": default_agency, "tz": zone}
        for p, a in seen
        if (p, a) not in have
    ]
    if new:
        acc = pd.concat([acc, _frame(new, "accounts")], ignore_index=True)
    acc = schema.conform(acc, "accounts", source="import")
    if followers is not None and len(followers):
        last = (
            followers.dropna(subset=["followers"])
            .sort_values("date")
            .groupby(["platform", "account"], observed=True)["followers"]
            .last()
        )
        for i, rec in acc.iterrows():
            key = (rec["platform"], rec["account"])
            if pd.isna(rec["followers"]) and key in last.index:
                acc.loc[i, "followers"] = last[key]
    return acc, schema.conform(ags, "agencies", source="import")


def _frame(rows: list[dict[str, Any]], table: str) -> pd.DataFrame:
    """Rows holding some of a table's columns -> every column (missing ones NA)."""
    return schema.conform(
        pd.DataFrame(rows).reindex(columns=schema.table(table).names), table, source="import"
    )


def _norm_url(url: str) -> str:
    text = str(url).strip().lower().split("?")[0].rstrip("/")
    return text.removeprefix("https://").removeprefix("http://").removeprefix("www.")


def link_comment_posts(comments: pd.DataFrame, posts: pd.DataFrame | None) -> pd.DataFrame:
    """Replace post links typed in the comments template by the posts' ids."""
    if posts is None or posts.empty or comments.empty:
        return comments
    by_url = {
        (str(p), _norm_url(u)): str(i)
        for p, u, i in posts[["platform", "url", "post_id"]].itertuples(index=False)
        if not pd.isna(u)
    }
    out = comments.copy()
    out["post_id"] = [
        by_url.get((str(p), _norm_url(v)), v)
        for p, v in zip(out["platform"], out["post_id"], strict=True)
    ]
    return out
