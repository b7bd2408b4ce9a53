"""Read every member of a source and combine the pieces.

Posts from several exports become one post table: the same post in two exports
is kept once, with the totals of the later export where the export date is known
(X and YouTube file names carry it), else the larger lifetime totals; both
values go into the import report. Daily files become one table per platform
(``platform, account, date, <metric columns>``); YouTube's per-video chart data
becomes ``youtube_videos``.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from datetime import date

import pandas as pd

from labkit import errors, schema
from labkit.errors import ExportReadError
from labkit.ingest.convert import Options, Piece, convert_daily, convert_posts
from labkit.ingest.detect import detect, unknown_format
from labkit.ingest.layouts import DAILY, IGNORED_FILES, POST_COUNTS
from labkit.ingest.report import ImportReport, msg
from labkit.ingest.sniff import sniff
from labkit.ingest.source import Member
from labkit.ingest.table import Raw, read_csv, read_xlsx

#: Errors that mean "this file is not an export" (a folder skips such files).
NOT_AN_EXPORT = {
    "ingest.unknown_format",
    "ingest.binary_file",
    "ingest.empty_file",
    "ingest.old_excel",
    "ingest.bad_xlsx",
}
_READABLE = {".csv", ".xlsx", ".xlsm", ".txt", ".tsv"}


def read_raw(member: Member, rep: ImportReport) -> Raw | None:
    """Sniff, recognise and read one member; None for a known file labkit skips."""
    if _ignored_stem(member.name):
        base = re.sub(r"\s*\(\d+\)(?=\.csv$)", "", member.name.lower())
        rep.note("ingest.report.ignored_known", file=member.label, platform=IGNORED_FILES[base])
        return None
    sn = sniff(member)
    if sn.kind == "xlsx":
        if member.suffix == ".csv":
            rep.note("ingest.report.renamed_xlsx", file=member.label)
        raw = read_xlsx(member)
        rep.note("ingest.report.xlsx_sheet", file=member.label, sheet=raw.sheet)
        return raw
    det = detect(sn.header, member.name, folder=member.folder)
    if det is None:
        raise unknown_format(member.label, sn.header)
    return read_csv(member, sn, det)


def _ignored_stem(name: str) -> bool:
    """``FollowerGender (1).csv`` is a copy of a known file labkit does not read."""
    base = re.sub(r"\s*\(\d+\)(?=\.csv$)", "", name.lower())
    return base in IGNORED_FILES


def read_all(mems: list[Member], opts: Options, rep: ImportReport, *, strict: bool) -> list[Piece]:
    """Convert every member; in a folder (``strict=False``) skip what is no export."""
    raws: list[Raw] = []
    for m in mems:
        if not strict and m.suffix not in _READABLE:
            rep.skip(m.label, msg("ingest.report.reason_not_export"))
            continue
        try:
            raw = read_raw(m, rep)
        except ExportReadError as exc:
            if strict or exc.key not in NOT_AN_EXPORT:
                raise
            if exc.key == "ingest.unknown_format":
                reason = msg("ingest.report.reason_unknown", header=exc.params["header"])
            else:
                reason = msg(exc.key, **exc.params)
            rep.skip(m.label, reason)
            errors.warn(exc.key, stacklevel=3, **exc.params)
            continue
        if raw is not None:
            raws.append(raw)
    hints = _meta_platform_hints(raws)
    pieces = []
    for raw in raws:
        if raw.layout.level == DAILY:
            piece = convert_daily(raw, opts, rep, platform_hint=hints.get(raw.member.folder))
        else:
            piece = convert_posts(raw, opts, rep)
        rep.files.append(
            {
                "file": raw.label,
                "layout": raw.layout.name,
                "title": raw.layout.title,
                "platform": piece.platform,
                "level": piece.level,
                "rows": len(piece.frame),
                "export_date": piece.export_date.isoformat() if piece.export_date else None,
            }
        )
        for row, expected, got in raw.skipped_rows:
            reason = msg(
                "ingest.truncated_row", file=raw.label, row=row, expected=expected, got=got
            )
            rep.skip(raw.label, reason, row)
        if raw.blank_rows:
            rep.note("ingest.report.blank_rows", file=raw.label, n=raw.blank_rows)
        pieces.append(piece)
    return pieces


def _meta_platform_hints(raws: Iterable[Raw]) -> dict[str, str]:
    """Platform named by some Meta daily file of a folder, for its silent siblings."""
    from labkit.ingest.convert import _META_PLATFORM_WORDS

    hints: dict[str, str] = {}
    for raw in raws:
        if raw.layout.name != "meta_daily" or not raw.preamble:
            continue
        first = raw.preamble[-1].strip().strip('"').split()
        if first and first[0].casefold() in _META_PLATFORM_WORDS:
            hints.setdefault(raw.member.folder, _META_PLATFORM_WORDS[first[0].casefold()])
    return hints


# --------------------------------------------------------------------------------------
# posts
# --------------------------------------------------------------------------------------


def _totals(row: pd.Series) -> dict[str, int | None]:
    return {c: (None if pd.isna(row[c]) else int(row[c])) for c in POST_COUNTS if c in row}


def combine_posts(pieces: list[Piece], rep: ImportReport) -> pd.DataFrame:
    """One canonical post table from the post pieces, each post once."""
    nonempty = [p for p in pieces if len(p.frame)]
    if len(nonempty) == 1 and nonempty[0].unique:
        return nonempty[0].frame  # one export, each post once: nothing to combine
    frames = []
    for order, p in enumerate(pieces):
        f = p.frame
        if not len(f):
            continue
        f = f.assign(_file=p.raw.label, _order=order, _export=p.export_date)
        frames.append(f)
    if not frames:
        return schema.empty("posts")
    df = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    df = dedupe_posts(df, rep)
    df = df.drop(columns=["_file", "_order", "_export"])
    return schema.conform(df, "posts", source=", ".join(p.raw.label for p in pieces)[:200])


def dedupe_posts(df: pd.DataFrame, rep: ImportReport) -> pd.DataFrame:
    """Keep each (platform, post_id) once; record what was dropped."""
    dup = df.duplicated(["platform", "post_id"], keep=False)
    if not dup.any():
        return df
    counts = [c for c in POST_COUNTS if c in df.columns]
    sub = df[dup]
    total = sub[counts].astype("Float64").sum(axis=1, skipna=True)
    drop: list[int] = []
    for _, group in sub.groupby(["platform", "post_id"], observed=True, sort=False):
        idx = list(group.index)
        exports: list[date | None] = [group.at[i, "_export"] for i in idx]
        known = all(e is not None and not pd.isna(e) for e in exports)
        if known and len(set(exports)) > 1:
            key = {
                i: (exports[k], float(total[i]), group.at[i, "_order"]) for k, i in enumerate(idx)
            }
        else:
            key = {i: (float(total[i]), group.at[i, "_order"]) for i in idx}
        kept = max(idx, key=lambda i: key[i])
        for i in idx:
            if i == kept:
                continue
            drop.append(i)
            rep.duplicates.append(
                {
                    "platform": str(df.at[i, "platform"]),
                    "post_id": str(df.at[i, "post_id"]),
                    "kept_file": str(df.at[kept, "_file"]),
                    "kept": _totals(df.loc[kept]),
                    "other_file": str(df.at[i, "_file"]),
                    "other": _totals(df.loc[i]),
                    "by": "export_date" if known and len(set(exports)) > 1 else "totals",
                }
            )
    return df.drop(index=drop).reset_index(drop=True)


# --------------------------------------------------------------------------------------
# daily
# --------------------------------------------------------------------------------------


def combine_daily(
    pieces: list[Piece], rep: ImportReport, *, one: bool = False
) -> dict[str, pd.DataFrame]:
    """Daily pieces -> one table per kind (or a single table when ``one``)."""
    groups: dict[str, list[tuple[int, Piece]]] = {}
    for order, p in enumerate(pieces):
        groups.setdefault("all" if one else p.kind, []).append((order, p))
    out = {}
    for kind, items in groups.items():
        out[kind] = _merge_daily(kind, items, rep)
    return out


def _merge_daily(kind: str, items: list[tuple[int, Piece]], rep: ImportReport) -> pd.DataFrame:
    frames = []
    for order, p in items:
        f = p.frame.copy()
        f["_prio"] = order
        f["_export"] = pd.Timestamp(p.export_date) if p.export_date else pd.NaT
        frames.append(f)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        df = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    keys = ["platform", "account", "date"] + (["post_id"] if "post_id" in df.columns else [])
    metrics = [c for c in df.columns if c not in keys and not c.startswith("_")]
    if len(frames) > 1:
        df = df.sort_values(["_export", "_prio"], na_position="first", kind="stable")
        grouped = df.groupby(keys, dropna=False, observed=True, sort=True)
        overlap = int((grouped[metrics].count() > 1).to_numpy().sum()) if metrics else 0
        if overlap:
            rep.note("ingest.report.daily_overlap", table=kind, n=overlap)
        df = grouped[metrics].last().reset_index()
    else:
        df = df.sort_values(keys, kind="stable").reset_index(drop=True)
    df = df[[*keys, *metrics]]
    df["platform"] = df["platform"].astype(pd.CategoricalDtype(list(schema.PLATFORMS)))
    df["account"] = df["account"].astype(pd.StringDtype())
    df["date"] = df["date"].astype("datetime64[ns]")
    return df.reset_index(drop=True)
