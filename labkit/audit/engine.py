"""Run an audit: score every item for every account, then combine the scores.

:func:`audit` is the entry point (re-exported as ``labkit.audit.audit``);
:func:`aggregate` holds the arithmetic written down in ``docs/audit.md``:

* item score = points / 2 (0, 0.5 or 1); items that cannot be scored, are not
  assessed yet or do not apply have no score and leave every denominator;
* dimension score = sum(w_i * s_i) / sum(w_i) over its scored items
  (``w_i``: item weight inside the dimension);
* overall score = sum(W_d * S_d) / sum(W_d) over the scored dimensions
  (``W_d``: dimension weight);
* principle score = sum(g_i / k_i * s_i) / sum(g_i / k_i) over the scored
  items serving it (``g_i`` = W_d * w_i / 100 the item's global weight,
  ``k_i`` the number of principles it serves);
* coverage = sum(g_i) over scored items / sum(g_i) over all items of the level.

Per account, only account-level items count. Per agency, every item counts; an
account-level item's agency score is the mean of its accounts' scores.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

import numpy as np
import pandas as pd

from labkit import schema
from labkit.audit import checklist as cl
from labkit.audit.items import RULES, Context
from labkit.audit.rubric import Rubric, load_rubric
from labkit.errors import LabkitError, SchemaError

KEY = ["agency_id", "platform", "account"]
STATES = ("scored", "cannot", "not_assessed", "not_applicable")
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
    from labkit.audit.report import AuditReport

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
    frames.append(_manual_rows(acc, rubric, checklist))
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


def _manual_rows(acc: pd.DataFrame, rubric: Rubric, checklist) -> pd.DataFrame:
    answers = cl.normalize(checklist, rubric)
    ag = acc["agency_id"].astype(str).to_numpy(dtype=object)
    pl = acc["platform"].astype(str).to_numpy(dtype=object)
    ac = acc["account"].astype(str).to_numpy(dtype=object)
    agencies = np.array(list(dict.fromkeys(ag)), dtype=object)
    acc_items = [it.id for it in rubric.manual_items if it.level == "account"]
    ag_items = [it.id for it in rubric.manual_items if it.level == "agency"]
    if not acc_items and not ag_items:
        return pd.DataFrame()
    n_a, n_g = len(ac), len(agencies)
    cols = {
        "agency_id": np.concatenate(
            [np.tile(ag, len(acc_items)), np.tile(agencies, len(ag_items))]
        ),
        "platform": np.concatenate(
            [np.tile(pl, len(acc_items)), np.full(n_g * len(ag_items), None, dtype=object)]
        ),
        "account": np.concatenate(
            [np.tile(ac, len(acc_items)), np.full(n_g * len(ag_items), None, dtype=object)]
        ),
        "item_id": np.concatenate(
            [
                np.repeat(np.array(acc_items, dtype=object), n_a),
                np.repeat(np.array(ag_items, dtype=object), n_g),
            ]
        ),
    }
    keys = [
        "\x1f".join((a, p or "", c or "", i)) for a, p, c, i in zip(*cols.values(), strict=True)
    ]
    lookup: dict[str, tuple[str | None, str]] = {}
    for a, p, c, i, ans, note in answers[[*KEY, "item_id", "answer", "note"]].itertuples(
        index=False
    ):
        k = "\x1f".join(
            (str(a), "" if pd.isna(p) else str(p), "" if pd.isna(c) else str(c), str(i))
        )
        lookup[k] = (None if pd.isna(ans) else str(ans), "" if pd.isna(note) else str(note))
    found = [lookup.get(k, (None, "")) for k in keys]
    answer = np.array([f[0] for f in found], dtype=object)
    note = np.array([f[1] for f in found], dtype=object)
    points = np.array([cl.POINTS.get(a) if a else None for a in answer], dtype=float)
    missing = np.array([a is None for a in answer], dtype=bool)
    state = np.where(
        missing, "not_assessed", np.where(answer == "not_applicable", "not_applicable", "scored")
    )
    out = pd.DataFrame({k: pd.array(v, dtype="string") for k, v in cols.items()})
    out["points"] = points
    out["value"] = np.nan
    out["n"] = np.nan
    out["msg"] = np.where(state == "scored", "audit.ev.manual", "")
    out["args"] = [
        {"answer": a or "", "note": n} if s == "scored" else {"note": n}
        for a, n, s in zip(answer, note, state, strict=True)
    ]
    out["ids"] = [[] for _ in range(len(out))]
    out["need"] = [
        "audit.need.manual"
        if st == "not_assessed"
        else ("audit.need.na" if st == "not_applicable" else None)
        for st in state
    ]
    out["state"] = state
    out["note"] = note
    return out


def _row_key(df: pd.DataFrame) -> pd.Series:
    parts = [df[c].astype("string").fillna("") for c in (*KEY, "item_id")]
    return parts[0].str.cat(parts[1:], sep="\x1f")


# ---------------------------------------------------------------------------- arithmetic


def item_meta(rubric: Rubric) -> pd.DataFrame:
    """One row per item with its weights: ``w`` (in dimension), ``W`` (dimension), ``g`` (global)."""
    rows = []
    for it in rubric.items:
        d = rubric.dimension(it.dimension)
        rows.append(
            {
                "item_id": it.id,
                "dimension": it.dimension,
                "level": it.level,
                "method": it.method,
                "w": it.weight,
                "W": d.weight,
                "g": d.weight * it.weight / 100.0,
                "principles": list(it.principles),
                "k": len(it.principles),
            }
        )
    return pd.DataFrame(rows)


def agency_item_scores(items: pd.DataFrame) -> pd.DataFrame:
    """Item scores per agency: account-level items averaged over the agency's accounts."""
    df = items.assign(score=items["points"] / 2.0, _fail=(items["points"] < 2).astype(int))
    acc_rows = df.loc[df["account"].notna()]
    ag_rows = df.loc[df["account"].isna()]
    g = acc_rows.groupby(["agency_id", "item_id"], sort=False)
    per = pd.DataFrame(
        {
            "score": g["score"].mean(),
            "accounts_scored": g["score"].count(),
            "accounts": g.size(),
            "failing": g["_fail"].sum(),
        }
    ).reset_index()
    per["state"] = np.where(per["accounts_scored"] > 0, "scored", "cannot")
    own = ag_rows[["agency_id", "item_id", "score", "state"]].assign(
        accounts_scored=np.nan, accounts=np.nan, failing=np.nan
    )
    return pd.concat([per, own], ignore_index=True)


def aggregate(scores: pd.DataFrame, rubric: Rubric, by: Iterable[str]) -> dict[str, pd.DataFrame]:
    """Combine item scores into dimension, principle and overall scores.

    Parameters
    ----------
    scores : DataFrame
        Columns ``by`` + ``item_id`` + ``score`` (0..1, NaN when not scored).
        Every item expected for a group must have a row (scored or not).
    rubric : Rubric
    by : list of str
        Grouping columns (e.g. ``["agency_id"]`` or ``["agency_id", "platform", "account"]``).

    Returns
    -------
    dict with DataFrames ``"dimension"``, ``"principle"`` and ``"overall"``;
    scores are 0..100 and each has ``coverage`` (share of weight scored, 0..1)
    and ``items_scored`` / ``items`` counts.
    """
    by = list(by)
    meta = item_meta(rubric)
    df = scores.merge(meta, on="item_id", how="left")
    df["scored"] = df["score"].notna()
    s = df["score"].fillna(0.0)

    # dimensions
    df["_ws"] = df["w"] * s * df["scored"]
    df["_w"] = df["w"] * df["scored"]
    df["_g_all"] = df["g"]
    df["_g_sc"] = df["g"] * df["scored"]
    gd = df.groupby([*by, "dimension"], sort=False)
    dim = gd.agg(
        ws=("_ws", "sum"),
        w=("_w", "sum"),
        items_scored=("scored", "sum"),
        items=("item_id", "size"),
        g_sc=("_g_sc", "sum"),
        g_all=("_g_all", "sum"),
    ).reset_index()
    dim["score"] = np.where(dim["w"] > 0, 100.0 * dim["ws"] / dim["w"].where(dim["w"] > 0), np.nan)
    dim["coverage"] = dim["g_sc"] / dim["g_all"]
    dim["W"] = dim["dimension"].map({d.id: d.weight for d in rubric.dimensions})
    order = {d.id: i for i, d in enumerate(rubric.dimensions)}
    dim = dim.sort_values(
        [*by, "dimension"], key=lambda c: c.map(order) if c.name == "dimension" else c
    )

    # overall: dimension weights over scored dimensions
    dsc = dim["score"].notna()
    dim["_Ws"] = np.where(dsc, dim["W"] * dim["score"].fillna(0), 0.0)
    dim["_W"] = np.where(dsc, dim["W"], 0.0)
    go = dim.groupby(by, sort=False)
    overall = go.agg(
        Ws=("_Ws", "sum"),
        W=("_W", "sum"),
        g_sc=("g_sc", "sum"),
        g_all=("g_all", "sum"),
        items_scored=("items_scored", "sum"),
        items=("items", "sum"),
    ).reset_index()
    overall["score"] = np.where(
        overall["W"] > 0, overall["Ws"] / overall["W"].where(overall["W"] > 0), np.nan
    )
    overall["coverage"] = overall["g_sc"] / overall["g_all"]

    # principles: each item gives each of its k principles g/k of its weight
    ex = df.explode("principles").rename(columns={"principles": "principle"})
    ex["_pw"] = ex["g"] / ex["k"]
    ex["_pws"] = ex["_pw"] * s.loc[ex.index] * ex["scored"]
    ex["_pwsc"] = ex["_pw"] * ex["scored"]
    gp = ex.groupby([*by, "principle"], sort=False)
    prin = gp.agg(
        pws=("_pws", "sum"),
        pw=("_pwsc", "sum"),
        pw_all=("_pw", "sum"),
        items_scored=("scored", "sum"),
        items=("item_id", "size"),
    ).reset_index()
    prin["score"] = np.where(
        prin["pw"] > 0, 100.0 * prin["pws"] / prin["pw"].where(prin["pw"] > 0), np.nan
    )
    prin["coverage"] = prin["pw"] / prin["pw_all"]
    # every principle of the rubric gets a row, with no score where no item serves it
    grid = (
        df[by]
        .drop_duplicates()
        .merge(pd.DataFrame({"principle": list(rubric.principles)}), how="cross")
    )
    prin = grid.merge(prin, on=[*by, "principle"], how="left")
    for col in ("items_scored", "items"):
        prin[col] = prin[col].fillna(0).astype(int)
    prin["pw_all"] = prin["pw_all"].fillna(0.0)
    prin["weight"] = prin["pw_all"]  # a principle no item serves weighs 0
    porder = {p: i for i, p in enumerate(rubric.principles)}
    prin = prin.sort_values(
        [*by, "principle"], key=lambda c: c.map(porder) if c.name == "principle" else c
    )

    keep_d = [*by, "dimension", "score", "coverage", "items_scored", "items", "W"]
    keep_o = [*by, "score", "coverage", "items_scored", "items"]
    keep_p = [*by, "principle", "score", "coverage", "items_scored", "items", "weight"]
    return {
        "dimension": dim[keep_d].rename(columns={"W": "weight"}).reset_index(drop=True),
        "overall": overall[keep_o].reset_index(drop=True),
        "principle": prin[keep_p].reset_index(drop=True),
    }
