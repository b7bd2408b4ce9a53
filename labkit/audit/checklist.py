"""Answers to the rubric's manual items: a plain table, kept in the work folder.

One row per (account or agency, manual item)::

    agency_id  platform   account      item_id  answer   note
    AG05       instagram  humas_kota   ID-08    yes      logo 2024 terpasang
    AG05       <NA>       <NA>         GOV-01   partial  SOP draf, belum disahkan

``answer`` is one of :data:`ANSWERS` (``yes`` = 2 points, ``partial`` = 1,
``no`` = 0, ``not_applicable``: leaves the score's denominator); Indonesian
words (*ya, sebagian, tidak, tidak berlaku*) and the points 0/1/2 are read too
(:func:`labkit.checklist.parse_answer`: the one answer vocabulary and point
scale, shared with every checklist).
Agency-level items have no platform/account. A missing answer means "not
assessed yet": the item cannot be scored and is listed as such.

Storage: the answers of each scope (one account, or one agency for its
agency-level items) live in one :class:`labkit.checklist.ChecklistModel`
saved as ``<work dir>/audit/<scope name>.json`` (:func:`scope_name`). The audit
checklist view (:class:`labkit.widgets.audit.AuditChecklist`) writes there as the trainee ticks; :func:`load_answers` reads
every scope back (after a kernel restart too), and :func:`store_answers` writes
a filled-in table (e.g. from a trainer's spreadsheet) into the same files.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping

import numpy as np
import pandas as pd

from labkit import i18n
from labkit.audit.rubric import Item, Rubric, load_rubric
from labkit.audit.scoring import KEY
from labkit.checklist import ALLOWED_TEXT, ANSWERS, POINTS, ChecklistError, ChecklistModel
from labkit.checklist import parse_answer as _parse_answer
from labkit.values import normalize_handles

__all__ = [
    "ANSWERS",
    "COLUMNS",
    "POINTS",
    "ChecklistError",
    "answers_from_models",
    "load_answers",
    "manual_rows",
    "normalize",
    "open_models",
    "scope_name",
    "scopes",
    "store_answers",
    "template",
]

COLUMNS = ("agency_id", "platform", "account", "item_id", "answer", "note")
PREFIX = "audit"


def scope_name(agency_id: str, platform: str | None = None, account: str | None = None) -> str:
    """Name of the checklist file of one account (or of the agency's own items).

    Letters, digits, ``_`` and ``-`` are kept (lower-cased); any other character
    becomes ``_``. When that loses information (``humas.kota`` and ``humas_kota``
    would share a file), a short hash of the exact (agency, platform, account)
    is appended so every scope keeps its own file.
    """
    parts = [
        str(p) for p in [PREFIX, agency_id] + ([platform, account] if account else ["instansi"])
    ]
    joined = "_".join(parts)
    name = re.sub(r"[^0-9A-Za-z_-]+", "_", joined).strip("_").lower()
    if name != joined.lower():
        exact = "\x1f".join(parts[1:])
        name += "_" + hashlib.sha1(exact.encode("utf-8")).hexdigest()[:8]
    return name


def scopes(accounts: pd.DataFrame) -> pd.DataFrame:
    """The checklist scopes of an inventory: each agency, then each of its accounts."""
    acc = accounts[["agency_id", "platform", "account"]].astype("string").drop_duplicates()
    rows = []
    for ag in acc["agency_id"].dropna().unique():
        rows.append((ag, pd.NA, pd.NA, "agency"))
        for _, pl, ac in acc.loc[acc["agency_id"] == ag].itertuples(index=False):
            rows.append((ag, pl, ac, "account"))
    out = pd.DataFrame(rows, columns=["agency_id", "platform", "account", "level"]).astype("string")
    out["name"] = [
        scope_name(a, p if pd.notna(p) else None, c if pd.notna(c) else None)
        for a, p, c in zip(out["agency_id"], out["platform"], out["account"], strict=True)
    ]
    return out


def scope_items(rubric: Rubric, level: str) -> list[Item]:
    """The manual items answered at ``level`` (``"account"`` or ``"agency"``)."""
    return [it for it in rubric.manual_items if it.level == level]


def model_items(rubric: Rubric, level: str, lang: str | None = None) -> list[dict]:
    """Items for a :class:`~labkit.checklist.ChecklistModel` of one scope."""
    lang = lang or i18n.get_language()
    out = []
    for it in scope_items(rubric, level):
        out.append(
            {
                "id": it.id,
                "text": f"{it.id} {it.text[lang]}",
                "group": rubric.dimension(it.dimension).name[lang],
                "weight": rubric.global_weight(it),
                "help": it.evidence.get(lang, ""),
            }
        )
    return out


def open_models(accounts: pd.DataFrame, rubric: Rubric | None = None) -> dict[str, ChecklistModel]:
    """One saved-or-new ChecklistModel per scope of ``accounts`` (keyed by scope name)."""
    rubric = rubric or load_rubric()
    models = {}
    for sc in scopes(accounts).itertuples(index=False):
        items = model_items(rubric, sc.level)
        if items:
            models[sc.name] = ChecklistModel(items, name=sc.name)
    return models


def answers_from_models(
    accounts: pd.DataFrame, models: Mapping[str, ChecklistModel]
) -> pd.DataFrame:
    """The answers held by ``models`` (see :func:`open_models`) as a checklist table."""
    rows = []
    for sc in scopes(accounts).itertuples(index=False):
        model = models.get(sc.name)
        if model is None:
            continue
        frame = model.to_frame()
        for item_id, state, note in zip(frame["id"], frame["state"], frame["note"], strict=True):
            rows.append(
                (
                    sc.agency_id,
                    sc.platform,
                    sc.account,
                    item_id,
                    None if state == "unanswered" else state,
                    note,
                )
            )
    return normalize(pd.DataFrame(rows, columns=list(COLUMNS)) if rows else None)


def load_answers(accounts: pd.DataFrame, rubric: Rubric | None = None) -> pd.DataFrame:
    """Every answer saved in the work folder for the accounts of ``accounts``."""
    return answers_from_models(accounts, open_models(accounts, rubric))


def store_answers(
    checklist: pd.DataFrame, accounts: pd.DataFrame, rubric: Rubric | None = None
) -> int:
    """Write a filled-in checklist table into the work folder; return rows written.

    Raises
    ------
    ChecklistError
        A row names an account or agency not in ``accounts`` (nothing is written then).
    """
    rubric = rubric or load_rubric()
    df = normalize(checklist, rubric)
    models = open_models(accounts, rubric)
    names = [
        scope_name(
            row.agency_id,
            row.platform if pd.notna(row.platform) else None,
            row.account if pd.notna(row.account) else None,
        )
        for row in df.itertuples(index=False)
    ]
    for i, name in enumerate(names):  # check every row before writing any
        if name not in models:
            row = df.iloc[i]
            raise ChecklistError(
                "audit.checklist_unknown_scope",
                row=i + 1,
                agency=row["agency_id"],
                platform="-" if pd.isna(row["platform"]) else row["platform"],
                account="-" if pd.isna(row["account"]) else row["account"],
            )
    written = 0
    for row, name in zip(df.itertuples(index=False), names, strict=True):
        model = models[name]
        model.set(
            row.item_id, state=row.answer if pd.notna(row.answer) else "unanswered", note=row.note
        )
        written += 1
    return written


def template(accounts: pd.DataFrame, rubric: Rubric | None = None) -> pd.DataFrame:
    """An empty checklist: every manual item for every account / agency of ``accounts``."""
    rubric = rubric or load_rubric()
    rows = []
    for sc in scopes(accounts).itertuples(index=False):
        for it in scope_items(rubric, sc.level):
            rows.append((sc.agency_id, sc.platform, sc.account, it.id, pd.NA, ""))
    return pd.DataFrame(rows, columns=list(COLUMNS)).astype("string")


def normalize(
    checklist: pd.DataFrame | Mapping | None, rubric: Rubric | None = None
) -> pd.DataFrame:
    """Return ``checklist`` with canonical columns and answers (see module doc).

    ``checklist`` may also be an object with an ``answers()`` method (the audit
    checklist widget).

    Raises
    ------
    ChecklistError
        A column is missing, an answer is not one of the known words, or an
        item id is not a manual item of the rubric (the message names the row).
    """
    if checklist is None:
        return pd.DataFrame({c: pd.Series([], dtype="string") for c in COLUMNS})
    if hasattr(checklist, "answers") and callable(checklist.answers):
        checklist = checklist.answers()
    if isinstance(checklist, Mapping):
        checklist = pd.DataFrame(checklist)
    if not isinstance(checklist, pd.DataFrame):
        raise ChecklistError("audit.checklist_not_table", got=type(checklist).__name__)
    df = checklist.copy()
    for col in ("item_id", "answer"):
        if col not in df.columns:
            raise ChecklistError("audit.checklist_missing_column", column=col)
    for col in COLUMNS:
        if col not in df.columns:
            df[col] = pd.NA
    df = df[list(COLUMNS)].astype("string").reset_index(drop=True)
    df["note"] = df["note"].fillna("")
    words = {v: _answer_or_none(v) for v in df["answer"].dropna().unique()}
    mapped = df["answer"].map(lambda v: words.get(v, "") if isinstance(v, str) else "")
    bad = mapped.isna()
    if bad.any():
        row = int(bad.to_numpy().argmax())
        raise ChecklistError(
            "audit.checklist_bad_answer",
            row=row + 1,
            item=df.at[row, "item_id"],
            value=df.at[row, "answer"],
            allowed=ALLOWED_TEXT,
        )
    mapped = mapped.where(~mapped.isin(["", "unanswered"]), None)
    df["answer"] = mapped.astype("string")
    if rubric is not None:
        manual = {it.id for it in rubric.manual_items}
        unknown = ~df["item_id"].isin(manual)
        if unknown.any():
            row = int(unknown.to_numpy().argmax())
            raise ChecklistError(
                "audit.checklist_unknown_item",
                row=row + 1,
                item=df.at[row, "item_id"],
                known=", ".join(sorted(manual)),
            )
    for col in ("platform", "account"):
        df[col] = df[col].where(df[col].fillna("").str.strip() != "", pd.NA)
    df["account"] = normalize_handles(df["account"])
    return df


def _answer_or_none(value: str) -> str | None:
    try:
        return _parse_answer(value)
    except ChecklistError:
        return None


def manual_rows(acc: pd.DataFrame, rubric: Rubric, checklist) -> pd.DataFrame:
    """Report rows of the manual items for the accounts ``acc`` from ``checklist``'s answers.

    One row per (account, account-level item) and per (agency, agency-level
    item); an item without an answer is "not assessed yet", ``not_applicable``
    leaves the denominator.
    """
    answers = normalize(checklist, rubric)
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
    points = np.array([POINTS.get(a) if a else None for a in answer], dtype=float)
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
