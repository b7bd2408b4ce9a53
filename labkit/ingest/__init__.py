"""Read the agency's own analytics exports, whatever state they arrive in.

>>> from labkit import ingest
>>> posts = ingest.read_export("Nov-01-2025_Nov-30-2025_2035041197114989.csv")  # doctest: +SKIP
>>> print(ingest.report(posts))                                                # doctest: +SKIP
>>> found = ingest.read_exports("unduhan/")                                    # doctest: +SKIP
>>> found.posts, found.daily["tiktok"]                                         # doctest: +SKIP

Formats (see :mod:`labkit.ingest.layouts` and docs/importers.md): Meta Business
Suite Facebook and Instagram post exports and their daily page/account files;
X classic tweet activity, X content and overview exports; YouTube Studio
advanced-mode exports (folder or ZIP); TikTok Studio overview, follower history,
viewers and per-video content. Any of them after a round trip through Excel in
an Indonesian setting (``;`` separator, ``1.234,5`` numbers, day-first dates,
Windows-1252 text, ``.xlsx``, Indonesian headers).

Post exports become the canonical ``posts`` table (:mod:`labkit.schema`); daily
account-level files become ``platform, account, date, <metric columns>``.
Every table carries ``df.attrs``: ``platform``, ``layout`` (format recognised),
``sources``, ``skipped`` and ``import_report`` (render it with :func:`report`).
"""

from __future__ import annotations

import os
import zoneinfo
from typing import NamedTuple

import pandas as pd

from labkit import schema
from labkit.errors import ExportReadError
from labkit.ingest.convert import Options, Piece
from labkit.ingest.folder import combine_daily, combine_posts, read_all
from labkit.ingest.layouts import LAYOUTS, Layout, layout
from labkit.ingest.report import ImportReport, report, report_of
from labkit.ingest.source import members

__all__ = [
    "LAYOUTS",
    "ExportSet",
    "ImportReport",
    "Layout",
    "layout",
    "read_export",
    "read_exports",
    "report",
    "report_of",
]


class _DefaultZone(str):
    """``"Asia/Jakarta"`` used when the caller did not choose a zone (the report says so)."""

    __slots__ = ()


WIB = _DefaultZone("Asia/Jakarta")

_PLATFORM_ALIASES = {"twitter": "x", "fb": "facebook", "ig": "instagram", "yt": "youtube"}


class ExportSet(NamedTuple):
    """What :func:`read_exports` found: one post table, the daily tables, the report."""

    posts: pd.DataFrame
    daily: dict[str, pd.DataFrame]
    report: ImportReport


def _options(platform, account, tz, dayfirst) -> Options:
    if platform is not None:
        key = str(platform).strip().lower()
        key = _PLATFORM_ALIASES.get(key, key)
        if key not in schema.PLATFORMS:
            raise ExportReadError(
                "ingest.bad_platform", platform=platform, known=", ".join(schema.PLATFORMS)
            )
        platform = key
    tz_given = not isinstance(tz, _DefaultZone)
    zone = schema.TIMEZONES.get(str(tz).strip().upper(), str(tz).strip())
    try:
        zoneinfo.ZoneInfo(zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, TypeError):
        raise ExportReadError("ingest.bad_tz", tz=tz, known=", ".join(schema.TIMEZONES)) from None
    if dayfirst is not None:
        dayfirst = bool(dayfirst)
    return Options(platform, account, zone, tz_given, dayfirst)


def _attach(df: pd.DataFrame, pieces: list[Piece], rep: ImportReport, level: str) -> pd.DataFrame:
    platforms = sorted({p.platform for p in pieces})
    layouts = sorted({p.raw.layout.name for p in pieces})
    df.attrs.clear()
    df.attrs.update(
        {
            "level": level,
            "platform": platforms[0] if len(platforms) == 1 else platforms,
            "layout": layouts[0] if len(layouts) == 1 else layouts,
            "format": "; ".join(sorted({p.raw.layout.title for p in pieces})),
            "sources": [p.raw.label for p in pieces],
            "skipped": [dict(s) for s in rep.skipped],
            "import_report": rep.to_dict(),
        }
    )
    return df


def read_export(
    source: str | os.PathLike[str],
    *,
    platform: str | None = None,
    account: str | None = None,
    tz: str = WIB,
    dayfirst: bool | None = None,
) -> pd.DataFrame:
    """Read one platform export: a CSV or XLSX file, a ZIP, or a folder as delivered.

    Parameters
    ----------
    source : path
        The export file, the ZIP the platform gave, or its unpacked folder.
    platform : str, optional
        Override the platform detected (``"facebook"``, ``"instagram"``,
        ``"x"``, ``"tiktok"``, ``"youtube"``); needed only for a Meta daily file
        whose metric line does not name it.
    account : str, optional
        The account handle, where the file does not name it (X and TikTok
        exports carry none in their rows). Wins over a handle found in the file.
    tz : str, default "Asia/Jakarta" (WIB)
        Zone of the export's naive times; ``"Asia/Makassar"`` (WITA),
        ``"Asia/Jayapura"`` (WIT), or the abbreviations. Times with their own
        offset (X classic: UTC) keep it. When not given, the report says WIB was
        assumed.
    dayfirst : bool, optional
        Order of numeric dates (``True``: 14/07/2026). Only needed when a file
        that went through Excel cannot tell (no day above 12).

    Returns
    -------
    DataFrame
        A post export: the canonical ``posts`` table. Daily account-level
        files: ``platform, account, date`` and one column per metric (several
        daily files of a folder are joined on the date).

    Raises
    ------
    ExportReadError
        Anything that cannot be read safely; the message names the file, the
        row and column where known, and what to do.
    """
    opts = _options(platform, account, tz, dayfirst)
    rep = ImportReport(tz=opts.tz, tz_assumed=not opts.tz_given)
    path, mems, collection = members(source)
    pieces = read_all(mems, opts, rep, strict=not collection)
    if not pieces:
        if not collection and rep.notes:  # a known file labkit does not read
            raise ExportReadError("ingest.ignored_file", file=mems[0].label)
        raise _nothing(path, mems)
    posts = [p for p in pieces if p.level == "posts"]
    daily = [p for p in pieces if p.level != "posts"]
    if posts:
        if daily:
            names = sorted({p.raw.member.name for p in daily})
            rep.note("ingest.report.also_daily", file=path.name, names=", ".join(names))
        rep.note("ingest.report.lifetime")
        df = combine_posts(posts, rep)
        return _attach(df, posts, rep, "posts")
    df = combine_daily(daily, rep, one=True)["all"]
    return _attach(df, daily, rep, "daily")


def read_exports(
    folder: str | os.PathLike[str],
    *,
    platform: str | None = None,
    account: str | None = None,
    tz: str = WIB,
    dayfirst: bool | None = None,
) -> ExportSet:
    """Read a folder of mixed exports (files, ZIPs, sub-folders).

    The same post in two exports is kept once, with the totals of the later
    export where the export date is known (X and YouTube file names carry
    it), else the larger lifetime totals; the report lists both values.
    Files that are not exports are skipped and listed in the report.

    Returns
    -------
    ExportSet
        ``posts`` (canonical post table, possibly empty), ``daily`` (dict:
        ``"facebook"``, ``"instagram"``, ``"x"``, ``"youtube"``,
        ``"youtube_videos"``, ``"tiktok"`` -> daily table) and ``report``.

    Raises
    ------
    ExportReadError
        ``ingest.not_found``; ``ingest.folder_nothing`` when nothing in the
        folder is a known export; any error of a recognised export.
    """
    opts = _options(platform, account, tz, dayfirst)
    rep = ImportReport(tz=opts.tz, tz_assumed=not opts.tz_given)
    path, mems, _ = members(folder)
    pieces = read_all(mems, opts, rep, strict=False)
    if not pieces:
        raise _nothing(path, mems)
    post_pieces = [p for p in pieces if p.level == "posts"]
    daily_pieces = [p for p in pieces if p.level != "posts"]
    if post_pieces:
        rep.note("ingest.report.lifetime")
    posts = combine_posts(post_pieces, rep)
    daily = combine_daily(daily_pieces, rep) if daily_pieces else {}
    posts = _attach(posts, post_pieces or pieces, rep, "posts")
    for table in daily.values():
        _attach(table, daily_pieces, rep, "daily")
    return ExportSet(posts, daily, rep)


def _nothing(path, mems) -> ExportReadError:
    from labkit.ingest.detect import known_formats

    files = ", ".join(m.label for m in mems[:15]) or "-"
    if len(mems) > 15:
        files += ", ..."
    return ExportReadError(
        "ingest.folder_nothing", folder=str(path), files=files, known=known_formats()
    )
