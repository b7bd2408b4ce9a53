"""Turn an export's text cells into the canonical post table or a daily table.

Driven by the :class:`~labkit.ingest.layouts.Layout` of the file; what differs by
platform (where the account name is, TikTok's year-less dates, YouTube's folder
name) lives in small functions here and in :mod:`labkit.ingest.tiktok`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from functools import partial

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from labkit import schema
from labkit.errors import ExportReadError
from labkit.ingest import tiktok
from labkit.ingest.layouts import DAILY, POST_COUNTS, Layout
from labkit.ingest.parse import (
    ORDER_ARGUMENT,
    ORDER_ASSUMED,
    ORDER_DATA,
    ORDER_LAYOUT,
    Where,
    guess_decimal,
    parse_counts,
    parse_floats,
    parse_times,
    try_int,
)
from labkit.ingest.report import ImportReport, msg
from labkit.ingest.table import Raw, header_repeats
from labkit.values import normalize_handle, normalize_handle_array

_INT = {pa.int64(): pd.Int64Dtype()}

_HANDLE_RE = {
    "facebook": r"facebook\.com/(?P<h>[A-Za-z0-9.\-_]+)/(?:posts|videos|photos|reels?)/",
    "x": r"(?:twitter|x)\.com/(?P<h>[A-Za-z0-9_]+)/status/",
    "tiktok": r"tiktok\.com/@(?P<h>[A-Za-z0-9_.]+)/",
    "instagram": r"instagram\.com/(?P<h>[A-Za-z0-9_.]+)/(?:p|reel)/",
}
_NOT_HANDLES = {"reel", "reels", "photo.php", "permalink.php", "story.php", "watch", "groups", "p"}
_IDS_LOST_RE = r"^\d+(?:[.,]\d+)?[eE][+]?\d+$"
_YT_FOLDER_RE = re.compile(
    r"Content (\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2}) (.+?)(?: \(\d+\))?$", re.IGNORECASE
)


#: Files with at least this many rows convert their columns on a thread pool.
PARALLEL_ROWS = 100_000


class _Jobs:
    """Run named jobs, in threads when ``parallel``; ``jobs[name]`` gives a result.

    A job's error is raised when its result is asked for, so the caller decides
    the order in which errors surface, the same with or without threads.
    Leaving the ``with`` block waits for (or cancels) the remaining jobs.
    """

    def __init__(self, jobs: dict[str, Callable[[], object]], *, parallel: bool) -> None:
        self.jobs = jobs
        self.parallel = parallel and (os.cpu_count() or 1) > 1
        self._futures: dict[str, Future] = {}
        self._pool: ThreadPoolExecutor | None = None
        self._done: dict[str, object] = {}

    def __enter__(self) -> _Jobs:
        if self.parallel:
            self._pool = ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1))
            self._futures = {k: self._pool.submit(f) for k, f in self.jobs.items()}
        return self

    def __getitem__(self, key: str) -> object:
        if key not in self._done:
            if self._pool is not None:
                self._done[key] = self._futures[key].result()
            else:
                self._done[key] = self.jobs[key]()
        return self._done[key]

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


@dataclass
class Options:
    """What the caller asked for."""

    platform: str | None
    account: str | None
    tz: str
    tz_given: bool
    dayfirst: bool | None


@dataclass
class Piece:
    """One converted file."""

    raw: Raw
    level: str  # "posts" or "daily"
    platform: str
    frame: pd.DataFrame
    export_date: date | None
    kind: str  # key of the daily table this belongs to ("facebook", "youtube_videos", ...)
    unique: bool = False  # posts: every post id occurs once


# --------------------------------------------------------------------------------------
# shared helpers
# --------------------------------------------------------------------------------------


def _where(raw: Raw, column: str) -> Where:
    return Where(raw.label, raw.detection.original.get(column, column), raw.rows)


def _pd_str(arr: pa.Array) -> pd.Series:
    return schema.from_arrow(arr)


def _pd_int(arr: pa.Array) -> pd.Series:
    return arr.to_pandas(types_mapper=_INT.get)


def excel_signs(raw: Raw) -> list[dict]:
    """Signs that the file went through Excel in an Indonesian setting."""
    signs = []
    sn = raw.sniff
    if sn is not None and sn.delimiter == ";":
        signs.append(msg("ingest.report.sign_semicolon"))
    if sn is not None and sn.encoding == "cp1252":
        signs.append(msg("ingest.report.sign_cp1252"))
    if raw.detection.translated:
        signs.append(msg("ingest.report.sign_headers"))
    if raw.sheet is not None:
        signs.append(msg("ingest.report.sign_xlsx"))
    for col in raw.layout.count_columns:
        arr = raw.chunked(col)
        if arr is None or not pc.any(pc.match_substring(arr, ".")).as_py():
            continue
        if pc.any(pc.match_substring_regex(arr, r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")).as_py():
            signs.append(msg("ingest.report.sign_dots"))
            break
    return signs


def export_date(raw: Raw) -> date | None:
    """The export date a file name carries (X, YouTube, TikTok: the end of the range).

    Meta's file names give the selected publish range, not the export date.
    """
    lay = raw.layout
    if lay.platform == "tiktok":
        return tiktok.export_range(raw.member.label)[1]
    if lay.platform == "youtube" or lay.name.startswith("youtube"):
        m = _YT_FOLDER_RE.search(raw.member.folder) or _YT_FOLDER_RE.search(raw.member.label)
        if m:
            return date.fromisoformat(m.group(2))
        return None
    if lay.platform == "x":
        match = raw.detection.name_match
        if match and "end" in match.groupdict():
            end = match.group("end").replace("-", "")
            try:
                return date(int(end[:4]), int(end[4:6]), int(end[6:8]))
            except ValueError:
                return None
    return None


def _order_note(rep: ImportReport, label: str, times) -> None:
    if times.dayfirst is None or times.order is None:
        return
    order = msg("ingest.report.dayfirst" if times.dayfirst else "ingest.report.monthfirst")
    key = {
        ORDER_LAYOUT: "ingest.report.order_layout",
        ORDER_DATA: "ingest.report.order_data",
        ORDER_ARGUMENT: "ingest.report.order_argument",
        ORDER_ASSUMED: "ingest.report.order_assumed",
    }[times.order]
    rep.note(key, file=label, order=order)


def _monthfirst(lay: Layout) -> bool:
    fmt = lay.time_format
    if "%m" in fmt and "%d" in fmt:
        return fmt.index("%m") < fmt.index("%d")
    return False


def _drop_rows(raw: Raw, keep: pa.Array) -> None:
    raw.filter(keep)


def _check_header_repeat(raw: Raw) -> None:
    row = header_repeats(raw)
    if row is not None:
        raise ExportReadError("ingest.repeated_header", file=raw.label, row=row)


def _drop_total_row(raw: Raw, rep: ImportReport) -> None:
    lay = raw.layout
    if not lay.total_row or raw.table.num_rows == 0:
        return
    first = raw.col(lay.columns[0])
    if first is None:
        return
    is_total = pc.fill_null(
        pc.equal(pc.utf8_lower(pc.utf8_trim_whitespace(first)), lay.total_row.lower()), False
    )
    if pc.any(is_total).as_py():
        i = int(pc.index(is_total, True).as_py())
        rep.note("ingest.report.total_row", file=raw.label, row=int(raw.rows[i]))
        _drop_rows(raw, pc.invert(is_total))


def _times(raw: Raw, opts: Options, rep: ImportReport, signs: list, *, dates: bool, year=None):
    lay = raw.layout
    col = raw.col(lay.time_column)
    if col is None:
        col = pa.nulls(raw.table.num_rows, pa.string())
    fmts = (lay.time_format,) if "%Y" in lay.time_format else ()
    times = parse_times(
        col,
        _where(raw, lay.time_column),
        tz=opts.tz,
        formats=fmts,
        monthfirst_default=_monthfirst(lay) or "%m" not in lay.time_format,
        dayfirst=opts.dayfirst,
        excel_hint=bool(signs),
        dates=dates,
        year=year,
    )
    _order_note(rep, raw.label, times)
    if times.with_offset and not dates:
        rep.note("ingest.report.offset_kept", file=raw.label, n=times.with_offset)
    times.values, swapped = _fix_excel_swapped(raw, lay.time_column, times, opts.tz, dates)
    if swapped:
        rep.note("ingest.report.excel_swapped", file=raw.label, n=swapped)
    return times


def _fix_excel_swapped(raw: Raw, column: str, times, tz: str, dates: bool) -> tuple[pa.Array, int]:
    """Undo Excel's day/month swap in an .xlsx whose text dates prove month-first.

    Excel in an Indonesian setting turns ``11/10/2025`` (Meta: 10 November) into
    the date 11 October, but leaves ``11/13/2025`` as text. When the text cells
    settle month-first, the cells Excel made into dates were swapped: swap back.
    Returns the values and how many were swapped.
    """
    typed = raw.typed.get(column)
    if typed is None or not typed.any() or typed.all():
        return times.values, 0
    if times.dayfirst is not False or times.order != ORDER_DATA:
        return times.values, 0
    s = times.values.to_pandas()
    local = s if dates else s.dt.tz_convert(tz)
    local = local.copy()
    swapped = 0
    for i in np.flatnonzero(typed):
        v = local.iloc[i]
        if not pd.isna(v) and v.day <= 12 and v.day != v.month:
            local.iloc[i] = v.replace(month=v.day, day=v.month)
            swapped += 1
    out = local if dates else local.dt.tz_convert("UTC")
    return pa.array(out), swapped


# --------------------------------------------------------------------------------------
# accounts
# --------------------------------------------------------------------------------------


def _handle_from_links(links: pa.Array | None, platform: str) -> str | None:
    """The most common account handle in the post links (None if there is none)."""
    pattern = _HANDLE_RE.get(platform)
    if links is None or pattern is None:
        return None
    # a sample is enough (one account per export): the first 5000 links, found
    # without copying a big export's whole column first
    head = pc.drop_null(links[:50_000])
    links = (head if len(head) >= 5000 or len(links) <= 50_000 else pc.drop_null(links))[:5000]
    handles = pc.utf8_lower(pc.struct_field(pc.extract_regex(links, pattern), "h"))
    best, best_n = None, 0
    for item in pc.value_counts(pc.drop_null(handles)).to_pylist():
        h, n = item["values"], item["counts"]
        if h not in _NOT_HANDLES and not h.isdigit() and n > best_n:
            best, best_n = h, n
    return best


def _most_common(values: pa.Array) -> str:
    counts = pc.value_counts(values[:5000]).to_pylist()
    return max(counts, key=lambda item: item["counts"])["values"]


clean_account = normalize_handle


def resolve_account(raw: Raw, opts: Options, rep: ImportReport, platform: str, *, needed: bool):
    """The account of every row: a scalar, a per-row array, or None (daily, unknown)."""
    lay = raw.layout
    label = raw.label
    found: str | None = None
    source: dict | None = None
    per_row = None
    acc_cols = lay.source_of("account")
    if acc_cols and raw.col(acc_cols[0]) is not None:
        col = raw.col(acc_cols[0])
        per_row = normalize_handle_array(col)
        vals = pc.drop_null(per_row)
        if len(vals):
            found = _most_common(vals)
            source = msg("ingest.report.source_column", column=raw.detection.original[acc_cols[0]])
    if found is None:
        link_cols = lay.source_of("url")
        links = raw.chunked(link_cols[0]) if link_cols else None
        handle = _handle_from_links(links, platform)
        if handle:
            found, source = handle, msg("ingest.report.source_links")
    if found is None and raw.detection.name_match is not None:
        groups = raw.detection.name_match.groupdict()
        if groups.get("account"):
            found, source = clean_account(groups["account"]), msg("ingest.report.source_filename")
    if found is None and platform == "youtube":
        m = _YT_FOLDER_RE.search(raw.member.folder) or _YT_FOLDER_RE.search(
            raw.member.label.rsplit("/", 1)[0]
        )
        if m:
            found, source = clean_account(m.group(3)), msg("ingest.report.source_folder")
    if found is None and platform == "facebook":
        col = raw.col("Page name")
        if col is not None and len(pc.drop_null(col)):
            found = clean_account(_most_common(pc.drop_null(col)))
            source = msg("ingest.report.source_page_name")
    if opts.account:
        account = clean_account(opts.account)
        if found and found != account:
            rep.note("ingest.report.account_differs", file=label, found=found, account=account)
        return account
    if found is None:
        if needed:
            raise ExportReadError("ingest.account_needed", file=label, platform=platform)
        return None
    rep.note("ingest.report.account_from", file=label, account=found, source=source)
    if per_row is not None and len(pc.unique(pc.drop_null(per_row))) > 1:
        return pc.fill_null(per_row, found)
    return found


# --------------------------------------------------------------------------------------
# posts
# --------------------------------------------------------------------------------------


def _post_ids(raw: Raw) -> tuple[pa.Array, bool]:
    """Post ids as text, checked; and whether some id occurs twice."""
    lay = raw.layout
    label = raw.label
    if lay.id_column is not None:
        column = lay.id_column
        ids = raw.col(column)
    else:  # TikTok: the id is in the video link
        column = lay.source_of("url")[0]
        links = raw.col(column)
        ids = pc.struct_field(pc.extract_regex(links, r"/video/(?P<id>\d+)"), "id")
    where = _where(raw, column)
    as_int = try_int(ids)  # the usual case: digits only, nothing to clean
    if as_int is None:
        ids = pc.utf8_trim_whitespace(ids)  # YouTube: ids starting with '-' may carry a space
        ids = pc.if_else(pc.equal(ids, ""), None, ids)
    if ids.null_count:
        i = int(pc.index(pc.is_null(ids), True).as_py())
        raise ExportReadError(
            "ingest.missing_id", file=label, row=where.row(i), column=where.column
        )
    if as_int is None and pc.any(pc.match_substring(ids, "e", ignore_case=True)).as_py():
        lost = pc.match_substring_regex(ids, _IDS_LOST_RE)
        if pc.any(lost).as_py():
            i = int(pc.index(lost, True).as_py())
            raise ExportReadError(
                "ingest.ids_lost",
                file=label,
                row=where.row(i),
                column=where.column,
                value=ids[i].as_py(),
            )
    is_long = pc.greater_equal(pc.binary_length(ids), 16)
    long_ids = pc.filter(ids, is_long)
    if len(long_ids) >= 3 and pc.all(pc.ends_with(long_ids, "00")).as_py():
        # Excel keeps 15 significant digits: longer ids come back ending in zeros
        i = int(pc.index(is_long, True).as_py())
        raise ExportReadError(
            "ingest.ids_lost",
            file=label,
            row=where.row(i),
            column=where.column,
            value=ids[i].as_py(),
        )
    return ids, _has_duplicates(as_int if as_int is not None else ids)


def _has_duplicates(ids: pa.Array) -> bool:
    if pa.types.is_integer(ids.type):
        values = np.sort(ids.to_numpy(zero_copy_only=False))
        return bool((values[1:] == values[:-1]).any())
    return pc.count_distinct(ids).as_py() < len(ids)


def _text(raw: Raw) -> pa.Array:
    """Caption: the longer of the layout's text columns (Meta: Title or Description)."""
    names = [c for c in raw.layout.source_of("text") if c in raw.table.column_names]
    sources = [raw.table.column(c) for c in names]  # chunked: no copy of long texts
    if not sources:
        return pa.nulls(raw.table.num_rows, pa.string())
    text = sources[0]
    for other in sources[1:]:
        both = pc.and_(pc.is_valid(text), pc.is_valid(other))
        if not pc.any(both).as_py():
            text = pc.coalesce(text, other)  # never both: no lengths to compare
            continue
        la = pc.fill_null(pc.binary_length(text), -1)
        lb = pc.fill_null(pc.binary_length(other), -1)
        text = pc.if_else(pc.greater_equal(la, lb), text, other)
    return text


def _content_type(raw: Raw, rep: ImportReport) -> pd.Series:
    lay = raw.layout
    n = raw.table.num_rows
    dtype = pd.CategoricalDtype(list(schema.CONTENT_TYPES))
    if lay.content_type:
        return pd.Series(
            pd.Categorical.from_codes(
                np.full(n, schema.CONTENT_TYPES.index(lay.content_type)), dtype=dtype
            )
        )
    cols = lay.source_of("content_type")
    col = raw.col(cols[0]) if cols else None
    if col is None:
        return pd.Series(pd.Categorical.from_codes(np.full(n, -1), dtype=dtype))
    keys = list(lay.content_types)
    idx = pc.index_in(col, value_set=pa.array(keys))  # as the platform writes them
    if idx.null_count > col.null_count:  # other case or spaces (edited files)
        folded = pc.utf8_lower(pc.utf8_trim_whitespace(col))
        idx = pc.index_in(folded, value_set=pa.array([k.lower() for k in keys]))
    codes_for_key = np.array([schema.CONTENT_TYPES.index(lay.content_types[k]) for k in keys])
    idx_np = pc.fill_null(idx, -1).to_numpy(zero_copy_only=False)
    codes = np.where(idx_np >= 0, codes_for_key[np.clip(idx_np, 0, None)], -1)
    unknown = pc.and_(pc.is_valid(col), pc.is_null(idx))
    n_unknown = int(pc.sum(unknown).as_py() or 0)
    if n_unknown:
        values = sorted({str(v) for v in pc.unique(pc.filter(col, unknown)).to_pylist()})
        rep.note(
            "ingest.report.unknown_types",
            file=raw.label,
            values=", ".join(f"'{v}'" for v in values[:8]),
            n=n_unknown,
        )
    return pd.Series(pd.Categorical.from_codes(codes, dtype=dtype))


def convert_posts(raw: Raw, opts: Options, rep: ImportReport) -> Piece:
    """An export of posts -> the canonical ``posts`` table."""
    lay = raw.layout
    label = raw.label
    platform = opts.platform or lay.platform
    _check_header_repeat(raw)
    _drop_total_row(raw, rep)
    n = raw.table.num_rows
    signs = excel_signs(raw)
    if signs:
        rep.note("ingest.report.excel", file=label, signs=signs)
    if n == 0:
        rep.note("ingest.report.no_rows", file=label)
        df = schema.empty("posts")
        return Piece(raw, "posts", platform, df, export_date(raw), platform)
    # Independent column conversions run on a thread pool for big files (Arrow
    # kernels release the GIL); anything that writes to the report stays here.
    counted = {}
    for canon in POST_COUNTS:
        src = [c for c in lay.source_of(canon) if raw.col(c) is not None]
        if src:
            counted[canon] = src[0]
    jobs: dict[str, Callable[[], object]] = {
        "ids": lambda: _post_ids(raw),
        "text": lambda: _text(raw),
    }
    for canon, src in counted.items():
        # the column as read (chunked): parse_counts needs no contiguous copy
        jobs[canon] = partial(parse_counts, raw.table.column(src), _where(raw, src))
    with _Jobs(jobs, parallel=n >= PARALLEL_ROWS) as results:
        ids, has_dups = results["ids"]  # lost ids first: the most important message
        times = _times(raw, opts, rep, signs, dates=False)
        account = resolve_account(raw, opts, rep, platform, needed=True)
        content_type = _content_type(raw, rep)
        text = results["text"]
        counts = {canon: results[canon] for canon in counted}
    if times.date_only:
        rep.note("ingest.report.date_only", file=label)
    url_cols = lay.source_of("url")
    if url_cols and raw.chunked(url_cols[0]) is not None:
        url = raw.chunked(url_cols[0])
    elif lay.url_template:
        prefix, _, suffix = lay.url_template.partition("{post_id}")
        url = pc.binary_join_element_wise(prefix, ids, suffix, "")
    else:
        url = pa.nulls(n, pa.string())
    data: dict[str, object] = {
        "platform": pd.Series(
            pd.Categorical.from_codes(
                np.full(n, schema.PLATFORMS.index(platform)),
                dtype=pd.CategoricalDtype(list(schema.PLATFORMS)),
            )
        ),
        "account": _pd_str(pa.repeat(account, n) if isinstance(account, str) else account),
        "post_id": _pd_str(ids),
        "published_at": times.values.to_pandas(),
        "text": _pd_str(text),
        "content_type": content_type,
        "url": _pd_str(url),
    }
    absent = []
    for canon in POST_COUNTS:
        if canon in counts:
            data[canon] = _pd_int(counts[canon])
        else:
            data[canon] = pd.Series(
                pd.arrays.IntegerArray(np.zeros(n, dtype=np.int64), np.ones(n, dtype=bool))
            )
            absent.append(canon)
    if absent:
        rep.note("ingest.report.not_reported", file=label, columns=", ".join(absent))
    df = pd.DataFrame(data, copy=False)
    df = schema.conform(df, "posts", source=label)
    return Piece(raw, "posts", platform, df, export_date(raw), platform, unique=not has_dups)


# --------------------------------------------------------------------------------------
# daily
# --------------------------------------------------------------------------------------


def slug(text: str) -> str:
    s = re.sub(r"[^0-9a-z]+", "_", text.strip().casefold()).strip("_")
    return s or "value"


_META_PLATFORM_WORDS = {"facebook": "facebook", "instagram": "instagram", "ig": "instagram"}


def _meta_metric(raw: Raw, opts: Options) -> tuple[str, str | None, str]:
    """Metric column name, platform (or None), and the title line of a Meta daily file."""
    title = raw.preamble[-1] if raw.preamble else "value"
    title = title.strip().strip('"').strip()
    words = title.split()
    platform = None
    if words and words[0].casefold() in _META_PLATFORM_WORDS:
        platform = _META_PLATFORM_WORDS[words[0].casefold()]
        words = words[1:]
    return slug(" ".join(words) or title), platform, title


def convert_daily(
    raw: Raw, opts: Options, rep: ImportReport, *, platform_hint: str | None
) -> Piece:
    """An account-level daily export -> ``platform, account, date, <metrics>``."""
    from labkit import errors

    lay = raw.layout
    label = raw.label
    _check_header_repeat(raw)
    signs = excel_signs(raw)
    if signs:
        rep.note("ingest.report.excel", file=label, signs=signs)
    metric_name = None
    platform = opts.platform or lay.platform
    if lay.name == "meta_daily":
        metric_name, found, title = _meta_metric(raw, opts)
        if opts.platform is None:
            platform = found or platform_hint
            if platform is None:
                platform = "facebook"
                errors.warn(
                    "ingest.platform_assumed",
                    stacklevel=4,
                    file=label,
                    metric=title,
                    platform=platform,
                )
                rep.note("ingest.platform_assumed", file=label, metric=title, platform=platform)
    n = raw.table.num_rows
    year = None
    if lay.time_format.find("%Y") < 0 and n:
        year = tiktok.infer_years(raw, rep)
    times = _times(raw, opts, rep, signs, dates=True, year=year)
    account = resolve_account(raw, opts, rep, platform, needed=False)
    data: dict[str, object] = {
        "platform": pd.Series(
            pd.Categorical.from_codes(
                np.full(n, schema.PLATFORMS.index(platform)),
                dtype=pd.CategoricalDtype(list(schema.PLATFORMS)),
            )
        ),
        "account": _pd_str(
            account
            if isinstance(account, pa.Array)
            else pa.repeat(pa.scalar(account, pa.string()), n)
        ),
        "date": times.values.to_pandas(),
    }
    skip = {lay.time_column, "Video title", "Video publish time", "Duration"}
    decimal = None
    for col in raw.table.column_names:
        if col in skip:
            continue
        arr = raw.col(col)
        canon = lay.mapping.get(col)
        if canon == "{metric}":
            canon = metric_name
        if canon == "post_id":
            data["post_id"] = _pd_str(pc.utf8_trim_whitespace(arr))
            continue
        name = canon or slug(col)
        where = _where(raw, col)
        if canon and col not in lay.float_columns:
            data[name] = _pd_int(parse_counts(arr, where, signed=name.endswith("_change")))
            continue
        if decimal is None:
            decimal = guess_decimal(arr, default="," if signs else ".")
        if canon:
            data[name] = pd.Series(parse_floats(arr, where, decimal=decimal).to_pandas())
            continue
        # a column the layout does not know: a number if it reads as one, else text
        try:
            data[name] = _pd_int(parse_counts(arr, where, signed=True))
        except ExportReadError:
            try:
                data[name] = pd.Series(parse_floats(arr, where, decimal=decimal).to_pandas())
            except ExportReadError:
                data[name] = _pd_str(arr)
    df = pd.DataFrame(data)
    df["date"] = df["date"].astype("datetime64[ns]")
    kind = platform
    if "post_id" in df.columns:
        kind = f"{platform}_videos"
    return Piece(raw, DAILY, platform, df, export_date(raw), kind)
