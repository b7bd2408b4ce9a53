"""Run an audit: score every item for every account, then combine the scores.

:func:`audit` is the entry point (re-exported as ``labkit.audit.audit``); the
arithmetic that combines item points into scores is
:mod:`labkit.audit.scoring`, the report it returns :mod:`labkit.audit.report`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import numpy as np
import pandas as pd

from labkit import schema
from labkit.audit.checklist import manual_rows
from labkit.audit.items import RULES, Context
from labkit.audit.report import AuditReport
from labkit.audit.rubric import Rubric, load_rubric
from labkit.audit.scoring import KEY
from labkit.errors import LabkitError, SchemaError

REQUIRED_ACCOUNT_COLUMNS = ("platform", "account", "agency_id")


class AuditInputError(LabkitError):
    """The tables given to :func:`audit` cannot be audited as they are."""


# ---------------------------------------------------------------------------- inputs


def needed_columns(rubric: Rubric) -> dict[str, list[str]]:
    """Inventory columns the rubric's automatic items need: ``{column: [item ids]}``."""
    need: dict[str, list[str]] = {}
    for it in rubric.auto_items:
        for col in RULES[it.rule].columns(it.params):
            need.setdefault(col, []).append(it.id)
    return need


def prepare_accounts(
    accounts: pd.DataFrame, rubric: Rubric, agency: str | Sequence[str] | None = None
) -> pd.DataFrame:
    """Check and type the account inventory; keep ``agency``'s accounts if given.

    Raises
    ------
    AuditInputError
        A key column or a column the rubric needs is missing (the message names
        the columns and the items that could not be scored), a handle is listed
        twice, or no account is left.
    """
    if not isinstance(accounts, pd.DataFrame):
        raise AuditInputError("audit.not_a_table", name="accounts", got=type(accounts).__name__)
    missing = [c for c in REQUIRED_ACCOUNT_COLUMNS if c not in accounts.columns]
    need = needed_columns(rubric)
    missing += [c for c in need if c not in accounts.columns]
    if missing:
        items = sorted({i for c in missing for i in need.get(c, [])}) or ["-"]
        raise AuditInputError(
            "audit.missing_columns", columns=", ".join(missing), items=", ".join(items)
        )
    # the one coercion gate: handles normalised, yes/no and counts read with
    # labkit.values, rows named by position from 1 (as below)
    df = schema.conform(accounts, "accounts", source="audit", partial=True)
    for col in REQUIRED_ACCOUNT_COLUMNS:
        empty = df[col].isna() | (df[col].astype("string").str.strip() == "")
        if empty.any():
            row = int(empty.to_numpy().argmax())
            raise SchemaError(
                "schema.null_in_key", table="accounts", column=col, row=row + 1, source="audit"
            )
    dup = df.duplicated(["platform", "account"], keep="first")
    if dup.any():
        row = int(dup.to_numpy().argmax())
        raise AuditInputError(
            "audit.duplicate_row",
            row=row + 1,
            platform=str(df.at[row, "platform"]),
            account=str(df.at[row, "account"]),
        )
    if agency is not None:
        wanted = [agency] if isinstance(agency, str) else list(agency)
        df = df.loc[df["agency_id"].isin(wanted)]
        if df.empty:
            raise AuditInputError(
                "audit.empty_agency",
                agency=", ".join(map(str, wanted)),
                known=", ".join(sorted(map(str, accounts["agency_id"].dropna().unique()))[:30])
                or "-",
            )
    if df.empty:
        raise AuditInputError("audit.no_accounts")
    return df.reset_index(drop=True)


def _table(df: pd.DataFrame | None, name: str) -> pd.DataFrame | None:
    """A canonical table (typed only if it is not already)."""
    if df is None:
        return None
    if not isinstance(df, pd.DataFrame):
        raise AuditInputError("audit.not_a_table", name=name, got=type(df).__name__)
    try:
        schema.validate(df, name)
        return df
    except SchemaError:
        return schema.conform(df, name, source="audit")


def latest_time(posts: pd.DataFrame | None, comments: pd.DataFrame | None) -> pd.Timestamp | None:
    """The latest timestamp in the posts and comments (None if there is none)."""
    found = []
    for df, cols in ((posts, ("published_at",)), (comments, ("created_at", "replied_at"))):
        if df is None:
            continue
        for c in cols:
            if c in df.columns and len(df):
                m = df[c].max()
                if pd.notna(m):
                    found.append(pd.Timestamp(m))
    return max(found) if found else None


def _as_of(as_of, posts, comments) -> tuple[pd.Timestamp, str]:
    if as_of is None:
        t = latest_time(posts, comments)
        if t is None:
            return pd.Timestamp(datetime.now(UTC)), "now"
        return t.tz_convert("UTC"), "data"
    try:
        t = pd.Timestamp(as_of)
    except (TypeError, ValueError) as exc:
        raise AuditInputError("audit.bad_as_of", value=str(as_of)) from exc
    if t is pd.NaT:
        raise AuditInputError("audit.bad_as_of", value=str(as_of))
    t = t.tz_localize("UTC") if t.tzinfo is None else t.tz_convert("UTC")
    return t, "given"


# ---------------------------------------------------------------------------- audit


def audit(
    accounts: pd.DataFrame,
    posts: pd.DataFrame | None = None,
    comments: pd.DataFrame | None = None,
    *,
    as_of=None,
    rubric: Rubric | str | None = None,
    checklist=None,
    search_results: pd.DataFrame | None = None,
    agencies: pd.DataFrame | None = None,
    agency: str | Sequence[str] | None = None,
):
    """Audit an agency's social media accounts against a rubric.

    Parameters
    ----------
    accounts : DataFrame
        The account inventory (canonical ``accounts``: at least ``platform``,
        ``account``, ``agency_id`` and the columns the rubric's automatic items
        need; an empty cell means "unknown" or "missing", see docs/audit.md).
    posts, comments : DataFrame, optional
        Canonical ``posts`` and ``comments``. Items needing a table that is not
        given are reported as "cannot be scored".
    as_of : timestamp-like, optional
        Reference time of the audit (naive values are read as UTC). Default:
        the latest timestamp in the posts and comments. Data after it are
        ignored, so an earlier ``as_of`` re-creates an earlier audit.
    rubric : Rubric or path, optional
        Default: the rubric bundled with labkit.
    checklist : DataFrame, mapping or checklist widget, optional
        Answers to the manual items (see :mod:`labkit.audit.checklist`);
        unanswered items are "not assessed yet".
    search_results : DataFrame, optional
        Canonical ``search_results``: impostors are looked for there.
    agencies : DataFrame, optional
        Canonical ``agencies`` (names for the report; official contacts are
        not counted as personal data).
    agency : str or list of str, optional
        Audit only these ``agency_id`` values.

    Returns
    -------
    AuditReport

    Raises
    ------
    AuditInputError
        Missing columns in ``accounts`` (naming the items that cannot be
        scored), a duplicated account, an agency without accounts.
    """
    if rubric is None or isinstance(rubric, str) or hasattr(rubric, "__fspath__"):
        rubric = load_rubric(rubric)
    all_accounts = prepare_accounts(accounts, rubric)
    acc = prepare_accounts(accounts, rubric, agency) if agency is not None else all_accounts
    posts = _table(posts, "posts")
    comments = _table(comments, "comments")
    search_results = _table(search_results, "search_results")
    agencies = _table(agencies, "agencies")
    when, origin = _as_of(as_of, posts, comments)
    ctx = Context(
        acc,
        posts,
        comments,
        as_of=when,
        search_results=search_results,
        agencies=agencies,
        known_accounts=all_accounts,
    )
    frames = [_auto_rows(ctx, it) for it in rubric.auto_items]
    frames.append(manual_rows(acc, rubric, checklist))
    items = pd.concat([f for f in frames if len(f)], ignore_index=True)
    names = {}
    if agencies is not None and "name" in agencies.columns:
        names = dict(
            zip(agencies["agency_id"].astype(str), agencies["name"].astype(str), strict=True)
        )
    meta = {
        "as_of": when.isoformat(),
        "as_of_origin": origin,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "rubric": rubric.name,
        "rubric_version": rubric.version,
        "rubric_path": rubric.path,
        "source": str(getattr(posts, "attrs", {}).get("source", "")) if posts is not None else "",
        "tables": {
            "posts": None if posts is None else len(posts),
            "comments": None if comments is None else len(comments),
            "search_results": None if search_results is None else len(search_results),
        },
        "agency_names": {a: names.get(a, a) for a in acc["agency_id"].astype(str).unique()},
    }
    inventory = acc[[c for c in acc.columns]].copy()
    return AuditReport(items=items, accounts=inventory, rubric=rubric, meta=meta)


def _auto_rows(ctx: Context, item) -> pd.DataFrame:
    res = RULES[item.rule].func(ctx, item.params)
    res.insert(0, "item_id", item.id)
    for i, col in enumerate(KEY):
        res.insert(i, col, ctx.accounts[col].astype("string").to_numpy())
    res["state"] = np.where(res["points"].notna(), "scored", "cannot")
    res["note"] = ""
    return res
