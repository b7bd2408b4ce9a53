"""The audit's arithmetic: item points to dimension, principle and overall scores.

Pure functions over tables (no I/O, no report class), written down in
``docs/audit.md``:

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

from collections.abc import Iterable

import numpy as np
import pandas as pd

from labkit.audit.rubric import Rubric

#: Columns naming one account in the audit's tables.
KEY = ["agency_id", "platform", "account"]
#: States of a report row.
STATES = ("scored", "cannot", "not_assessed", "not_applicable")
#: Points of an item met in full (an item scores 0, 1 or 2 points).
MAX_POINTS = 2.0


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
    df = items.assign(
        score=items["points"] / MAX_POINTS, _fail=(items["points"] < MAX_POINTS).astype(int)
    )
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
