"""Render canonical tables as platform analytics exports (for tests and samples).

The readers (:mod:`labkit.ingest`) turn export files into canonical tables;
these writers do the reverse, from the same layout constants
(:mod:`labkit.ingest.layouts`), so that

* the round-trip tests can check that reading what was written gives back the
  canonical table, for every layout and every Excel-mangled variant, and
* notebook 05 can show realistic export files rendered from the fictional
  universe (trainees' real files are never in the repository).

>>> from labkit.ingest import writers
>>> writers.write_export(posts, "meta_fb_posts", folder)                 # doctest: +SKIP
>>> writers.write_export(posts, "meta_fb_posts", folder, variant="excel_id")  # doctest: +SKIP

Only what a layout can carry is written: X has no reach, YouTube has no saves,
the current X export has days without times. :func:`carried_columns` lists the
canonical columns a layout carries and :func:`expected_roundtrip` gives the
canonical table a reader must return for a written file.

Variants
--------
``plain``
    As the platform delivers it.
``id_headers``
    As a platform set to Bahasa Indonesia may deliver it: Indonesian headers
    (:func:`labkit.ingest.layouts.translated_header`), ``1.234`` and ``12,5``
    numbers, day-first numeric dates; encoding and separator as delivered.
    No such export was available: the translations and the number/date
    convention are a guess (domain brief 4.6: Meta localises exports elsewhere).
``excel_id``
    Opened and saved again by Excel in an Indonesian Windows locale
    (:data:`labkit.ingest.layouts.EXCEL_ID`): ``;`` separator, ``1.234`` and
    ``12,5`` numbers, day-first numeric dates, Windows-1252 text (characters
    it cannot hold become ``?``), CRLF line ends, no byte-order mark, no
    ``sep=`` line. Dates written with English month names stay as text.
``excel_id_headers``
    ``excel_id`` with Indonesian headers.
``xlsx``
    Saved as an Excel workbook: counts are numbers, numeric dates are date
    cells, IDs stay text.

Values that are not canonical (clicks, watch time, ``Page ID``...) are filled
with deterministic, plausible numbers derived from the canonical ones, so the
files look like real exports; readers ignore them.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import tempfile
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from labkit import schema
from labkit.errors import LabkitError
from labkit.ingest import layouts as L
from labkit.ingest.layouts import EXCEL_ID, Layout

PathLike = str | os.PathLike[str]

VARIANTS: tuple[str, ...] = ("plain", "id_headers", "excel_id", "excel_id_headers", "xlsx")

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

#: content type -> the value a layout's post-type column shows (first match in the layout)
_TYPE_PREFERENCE = {
    "meta_fb_posts": {
        "image": "Photos", "video": "Videos", "short_video": "Reels", "link": "Links",
        "text": "Status", "carousel": "Albums", "live": "Live",
    },
    "meta_ig_posts": {
        "image": "IG image", "carousel": "IG carousel", "short_video": "IG reel",
        "video": "IG video",
    },
}  # fmt: skip


class WriterError(LabkitError):
    """A table cannot be rendered in the requested layout."""


# ---------------------------------------------------------------------------- small helpers


def _layout(lay: Layout | str) -> Layout:
    if isinstance(lay, Layout):
        return lay
    try:
        return L.layout(lay)
    except KeyError:
        raise WriterError(
            "writers.unknown_layout", layout=lay, known=", ".join(L.LAYOUTS)
        ) from None


def _zone(tz: str) -> str:
    return schema.TIMEZONES.get(tz, tz)


def _na(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _digits(seed: str, n: int) -> str:
    """Deterministic n-digit number (no leading zero) from ``seed``."""
    value = int(hashlib.sha1(seed.encode("utf-8")).hexdigest(), 16)
    return str(10 ** (n - 1) + value % (9 * 10 ** (n - 1)))


def _unit(seed: str) -> float:
    """Deterministic number in [0, 1) from ``seed``."""
    return int(hashlib.sha1(seed.encode("utf-8")).hexdigest()[:8], 16) / 16**8


def _strftime(ts: pd.Timestamp, fmt: str) -> str:
    """strftime with English month and day names whatever the process locale."""
    fmt = (
        fmt.replace("%B", _MONTHS[ts.month - 1])
        .replace("%b", _MONTHS[ts.month - 1][:3])
        .replace("%A", _DAYS[ts.weekday()])
        .replace("%a", _DAYS[ts.weekday()][:3])
    )
    return ts.strftime(fmt)


def _numeric_format(fmt: str) -> bool:
    """Would Excel recognise this date format as a date (digits only, no offset)?"""
    return not any(code in fmt for code in ("%a", "%A", "%b", "%B", "%z"))


def _group(digits: str, sep: str) -> str:
    out = []
    while len(digits) > 3:
        out.insert(0, digits[-3:])
        digits = digits[:-3]
    out.insert(0, digits)
    return sep.join(out)


class _Time:
    """A time cell: an aware instant, shown in local time or UTC by the renderer."""

    def __init__(self, ts: pd.Timestamp, date_only: bool) -> None:
        self.ts = ts
        self.date_only = date_only


class _Float(float):
    """A non-count number (rate, hours, average)."""


class _Count(int):
    """A whole-number metric (rendered with the layout's thousands separator)."""


# ---------------------------------------------------------------------------- rendering


class _Renderer:
    def __init__(self, lay: Layout, variant: str, tz: str) -> None:
        if variant not in VARIANTS:
            raise WriterError("writers.unknown_variant", variant=variant, known=", ".join(VARIANTS))
        self.lay = lay
        self.variant = variant
        self.excel = variant.startswith("excel_id")  # the file was re-saved by Excel
        # numbers and numeric dates in the Indonesian convention (1.234,5; day first)
        self.locale_id = variant in ("id_headers", "excel_id", "excel_id_headers")
        self.xlsx = variant == "xlsx"
        self.zone = _zone(tz)

    def header(self, columns: list[str]) -> list[str]:
        if self.variant not in ("id_headers", "excel_id_headers"):
            return list(columns)
        translated = dict(zip(self.lay.columns, L.translated_header(self.lay, "id"), strict=True))
        return [translated.get(c, c) for c in columns]

    def local(self, t: _Time) -> pd.Timestamp:
        if self.lay.time_has_offset:
            return t.ts.tz_convert("UTC")
        return t.ts.tz_convert(self.zone)

    def text_cell(self, value: Any) -> str:
        if _na(value):
            return ""
        if isinstance(value, _Time):
            ts = self.local(value)
            fmt = self.lay.time_format
            if self.locale_id and _numeric_format(fmt):
                has_time = "%H" in fmt and not value.date_only
                fmt = EXCEL_ID.time_format if has_time else EXCEL_ID.date_format
            return _strftime(ts, fmt)
        if isinstance(value, _Count):
            digits = str(int(value))
            sep = EXCEL_ID.thousands if self.locale_id else self.lay.thousands
            if sep and abs(int(value)) >= 1000:
                sign = "-" if int(value) < 0 else ""
                return sign + _group(digits.lstrip("-"), sep)
            return digits
        if isinstance(value, _Float):
            text = f"{float(value):.4f}".rstrip("0").rstrip(".")
            if self.locale_id:
                whole, _, frac = text.partition(".")
                sign = "-" if whole.startswith("-") else ""
                whole = _group(whole.lstrip("-"), EXCEL_ID.thousands)
                text = sign + whole + (EXCEL_ID.decimal + frac if frac else "")
            return text
        return str(value)

    def xlsx_cell(self, value: Any) -> Any:
        if _na(value):
            return None
        if isinstance(value, _Time):
            if _numeric_format(self.lay.time_format):
                ts = self.local(value)
                naive = ts.tz_localize(None)
                if "%S" not in self.lay.time_format:
                    naive = naive.floor("min")  # Excel parsed what the text showed
                return (
                    naive.normalize().to_pydatetime() if value.date_only else naive.to_pydatetime()
                )
            return self.text_cell(value)
        if isinstance(value, _Count):
            return int(value)
        if isinstance(value, _Float):
            return float(value)
        return str(value)

    # -- files ------------------------------------------------------------------

    def write(
        self, path: Path, columns: list[str], rows: list[Mapping[str, Any]], preamble: list[str]
    ) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        header = self.header(columns)
        if self.xlsx:
            path = path.with_suffix(".xlsx") if path.suffix.lower() == ".csv" else path
            return self._write_xlsx(path, header, columns, rows, preamble)
        buf = io.StringIO()
        if self.excel:
            delimiter, terminator, quoting = EXCEL_ID.delimiter, "\r\n", csv.QUOTE_MINIMAL
            preamble = [line for line in preamble if not line.lower().startswith("sep=")]
        else:
            delimiter = self.lay.delimiter
            terminator = "\n"
            quoting = csv.QUOTE_ALL if self.lay.quote_all else csv.QUOTE_MINIMAL
        writer = csv.writer(buf, delimiter=delimiter, lineterminator=terminator, quoting=quoting)
        for line in preamble:
            if line.lower().startswith("sep="):
                buf.write(line + terminator)
            else:
                writer.writerow([line])
        writer.writerow(header)
        for row in rows:
            writer.writerow([self.text_cell(row.get(c)) for c in columns])
        text = buf.getvalue()
        if self.excel:
            data = text.encode(EXCEL_ID.encoding, errors="replace")
        else:
            data = text.encode(self.lay.encoding)
        path.write_bytes(data)
        return path

    def _write_xlsx(
        self,
        path: Path,
        header: list[str],
        columns: list[str],
        rows: list[Mapping[str, Any]],
        preamble: list[str],
    ) -> Path:
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        ws.title = path.stem[:31] or "Sheet1"
        for line in preamble:
            if not line.lower().startswith("sep="):
                ws.append([line])
        ws.append(header)
        for row in rows:
            cells = [self.xlsx_cell(row.get(c)) for c in columns]
            ws.append(cells)
            for cell, value in zip(ws[ws.max_row], cells, strict=True):
                if isinstance(value, str):
                    cell.number_format = "@"
        wb.save(path)
        return path


def _target(path: PathLike, default_name: str, variant: str) -> Path:
    """``path`` itself, or ``default_name`` inside it when ``path`` is a folder."""
    p = Path(path)
    if p.is_dir() or not p.suffix:
        p = p / default_name
    if variant == "xlsx" and p.suffix.lower() == ".csv":
        p = p.with_suffix(".xlsx")
    return p


# ---------------------------------------------------------------------------- post tables


def _check_posts(posts: pd.DataFrame, lay: Layout, account: str | None) -> tuple[pd.DataFrame, str]:
    df = schema.conform(posts, "posts", source="writers")
    platforms = set(df["platform"].dropna().astype(str))
    if platforms - {lay.platform}:
        raise WriterError(
            "writers.wrong_platform",
            layout=lay.name,
            platform=lay.platform,
            found=", ".join(sorted(platforms)),
        )
    accounts = sorted(set(df["account"].dropna().astype(str)))
    if account is None:
        if len(accounts) > 1:
            raise WriterError("writers.many_accounts", layout=lay.name, found=", ".join(accounts))
        account = accounts[0] if accounts else "akun"
    return df, account


def carried_columns(layout: Layout | str) -> tuple[str, ...]:
    """Canonical ``posts`` columns a post layout carries (besides platform and account).

    ``url`` and ``content_type`` count as carried when the layout builds them
    (a URL template, one content type for every row).
    """
    lay = _layout(layout)
    found = set(lay.mapping.values())
    if lay.url_template or lay.name == "tiktok_content":
        found.add("url")
    if lay.content_type:
        found.add("content_type")
    if lay.name == "tiktok_content":
        found.add("post_id")
    return tuple(c for c in schema.POSTS.names if c in found and c not in ("platform", "account"))


def _post_rows(
    df: pd.DataFrame, lay: Layout, account: str, display_name: str
) -> tuple[list[str], list[dict[str, Any]]]:
    build = _POST_BUILDERS[lay.name]
    columns = list(lay.columns)
    if lay.name == "meta_ig_posts" and df["impressions"].notna().any():
        # older exports carry Impressions; written only when the table knows it
        columns.insert(columns.index("Reach") + 1, "Impressions")
    rows = [build(rec, account, display_name) for rec in df.to_dict("records")]
    return columns, rows


def _counts(rec: Mapping[str, Any], *names: str) -> _Count | None:
    vals = [rec[n] for n in names if not _na(rec.get(n))]
    return _Count(sum(int(v) for v in vals)) if vals else None


def _c(value: Any) -> _Count | None:
    return None if _na(value) else _Count(int(value))


def _time(rec: Mapping[str, Any], date_only: bool = False) -> _Time:
    return _Time(pd.Timestamp(rec["published_at"]), date_only)


def _meta_fb(rec: Mapping[str, Any], account: str, display_name: str) -> dict[str, Any]:
    pid = str(rec["post_id"])
    ctype = None if _na(rec["content_type"]) else str(rec["content_type"])
    video = ctype in ("video", "short_video", "live")
    text = None if _na(rec["text"]) else str(rec["text"])
    reach = 0 if _na(rec["reach"]) else int(rec["reach"])
    clicks = round(reach * (0.01 + 0.03 * _unit(pid + "c")))
    link_clicks = round(clicks * 0.6) if ctype == "link" else 0
    duration = 15 + round(_unit(pid + "d") * 285) if video else None
    views = 0 if _na(rec["views"]) else int(rec["views"])
    seconds = round(views * (3 + 20 * _unit(pid + "s"))) if video else None
    return {
        "Post ID": pid,
        "Page ID": _digits("page:" + account, 15),
        "Page name": display_name,
        "Title": text if video else None,
        "Description": None if video else text,
        "Duration (sec)": _c(duration),
        "Publish time": _time(rec),
        "Caption type": None,
        "Permalink": rec["url"],
        "Post type": _TYPE_PREFERENCE["meta_fb_posts"].get(ctype or ""),
        "Languages": None,
        "Custom labels": None,
        "Funded content status": None,
        "Data comment": None,
        "Date": "Lifetime",
        "Views": _c(rec["views"]),
        "Reach": _c(rec["reach"]),
        "Reactions, Comments and Shares": _counts(rec, "likes", "comments", "shares"),
        "Reactions": _c(rec["likes"]),
        "Comments": _c(rec["comments"]),
        "Shares": _c(rec["shares"]),
        "Total clicks": _Count(clicks),
        "Link Clicks": _Count(link_clicks),
        "Other Clicks": _Count(clicks - link_clicks),
        "Matched Audience Targeting Consumption (Photo Click)": _Count(
            clicks - link_clicks if ctype == "image" else 0
        ),
        "Negative feedback from users: Hide all": _Count(round(3 * _unit(pid + "h"))),
        "Negative feedback from users: Hide": _Count(round(2 * _unit(pid + "g"))),
        "Seconds viewed": _c(seconds),
        "Average Seconds viewed": None if seconds is None or not views else _Float(seconds / views),
        "3-Second Video Views": _c(round(views * 0.6)) if video else None,
        "1-Minute Video Views": _c(round(views * 0.1)) if video else None,
        "Estimated earnings (USD)": None,
        "Approximate content monetization earnings": None,
        "Qualified Views": None,
    }


def _meta_ig(rec: Mapping[str, Any], account: str, display_name: str) -> dict[str, Any]:
    pid = str(rec["post_id"])
    ctype = None if _na(rec["content_type"]) else str(rec["content_type"])
    video = ctype in ("short_video", "video")
    reach = 0 if _na(rec["reach"]) else int(rec["reach"])
    return {
        "Post ID": pid,
        "Account ID": _digits("ig:" + account, 17),
        "Account username": account,
        "Account name": display_name,
        "Description": rec["text"],
        "Duration (sec)": _Count(5 + round(_unit(pid + "d") * 85)) if video else _Count(0),
        "Publish time": _time(rec),
        "Permalink": rec["url"],
        "Post type": _TYPE_PREFERENCE["meta_ig_posts"].get(ctype or ""),
        "Data comment": None,
        "Date": "Lifetime",
        "Views": _c(rec["views"]),
        "Reach": _c(rec["reach"]),
        "Impressions": _c(rec["impressions"]),
        "Likes": _c(rec["likes"]),
        "Shares": _c(rec["shares"]),
        "Follows": _Count(round(reach * 0.002 * _unit(pid + "f"))),
        "Comments": _c(rec["comments"]),
        "Saves": _c(rec["saves"]),
    }


def _x_engagements(rec: Mapping[str, Any], pid: str) -> tuple[_Count | None, int]:
    base = _counts(rec, "likes", "comments", "shares", "saves")
    impressions = 0 if _na(rec["impressions"]) else int(rec["impressions"])
    clicks = round(impressions * 0.01 * _unit(pid + "k"))
    total = None if base is None else _Count(int(base) + clicks)
    return total, clicks


def _x_classic(rec: Mapping[str, Any], account: str, display_name: str) -> dict[str, Any]:
    pid = str(rec["post_id"])
    eng, clicks = _x_engagements(rec, pid)
    impressions = None if _na(rec["impressions"]) else int(rec["impressions"])
    row: dict[str, Any] = {
        "Tweet id": pid,
        "Tweet permalink": rec["url"],
        "Tweet text": rec["text"],
        "time": _time(rec),
        "impressions": _c(impressions),
        "engagements": eng,
        "engagement rate": (
            _Float(int(eng) / impressions) if eng is not None and impressions else None
        ),
        "retweets": _c(rec["shares"]),
        "replies": _c(rec["comments"]),
        "likes": _c(rec["likes"]),
        "user profile clicks": _Count(clicks // 3),
        "url clicks": _Count(clicks // 3),
        "hashtag clicks": _Count(0),
        "detail expands": _Count(clicks - 2 * (clicks // 3)),
        "permalink clicks": _Count(0),
        "app opens": _Count(0),
        "app installs": _Count(0),
        "follows": _Count(0),
        "email tweet": _Count(0),
        "dial phone": _Count(0),
        "media views": _Count(0),
        "media engagements": _Count(0),
    }
    for m in L._X_CLASSIC_METRICS:
        row[f"promoted {m}"] = "-"
    return row


def _x_content(rec: Mapping[str, Any], account: str, display_name: str) -> dict[str, Any]:
    pid = str(rec["post_id"])
    eng, clicks = _x_engagements(rec, pid)
    return {
        "Post id": pid,
        "Date": _time(rec, date_only=True),
        "Post text": rec["text"],
        "Post Link": rec["url"],
        "Impressions": _c(rec["impressions"]),
        "Likes": _c(rec["likes"]),
        "Engagements": eng,
        "Bookmarks": _c(rec["saves"]),
        "Shares": _Count(round(clicks * 0.1)),
        "New follows": _Count(0),
        "Replies": _c(rec["comments"]),
        "Reposts": _c(rec["shares"]),
        "Profile visits": _Count(clicks // 3),
        "Detail Expands": _Count(clicks // 3),
        "URL Clicks": _Count(clicks - 2 * (clicks // 3)),
        "Hashtag Clicks": _Count(0),
        "Permalink Clicks": _Count(0),
    }


def _hms(seconds: int) -> str:
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def _youtube(rec: Mapping[str, Any], account: str, display_name: str) -> dict[str, Any]:
    pid = str(rec["post_id"])
    views = None if _na(rec["views"]) else int(rec["views"])
    duration = 30 + round(_unit(pid + "d") * 1170)
    avg = round(duration * (0.2 + 0.5 * _unit(pid + "a")))
    impressions = None if _na(rec["impressions"]) else int(rec["impressions"])
    return {
        "Content": (" " + pid) if pid.startswith("-") else pid,
        "Video title": rec["text"],
        "Video publish time": _time(rec, date_only=True),
        "Duration": _Count(duration),
        "Views": _c(views),
        "Watch time (hours)": _Float(round((views or 0) * avg / 3600, 4)),
        "Subscribers": _Count(round((views or 0) * 0.003 * _unit(pid + "s"))),
        "Impressions": _c(impressions),
        "Impressions click-through rate (%)": (
            _Float(round(100 * views / impressions, 2)) if views and impressions else None
        ),
        "Average view duration": _hms(avg),
        "Average percentage viewed (%)": _Float(round(100 * avg / duration, 2)),
        "Likes": _c(rec["likes"]),
        "Comments added": _c(rec["comments"]),
        "Shares": _c(rec["shares"]),
        "Engaged views": _c(round(views * 0.8) if views is not None else None),
        "Stayed to watch (%)": _Float(round(40 + 40 * _unit(pid + "w"), 1)),
    }


def tiktok_url(account: str, post_id: str) -> str:
    """The TikTok video link the content export gives (the reader takes the id from it)."""
    return f"https://www.tiktok.com/@{account}/video/{post_id}"


def _tiktok_link(url: Any, account: str, post_id: str) -> str:
    """The post's link when it names the video id (the reader's only id source), else built."""
    if not _na(url) and str(url).rstrip("/").endswith(f"/video/{post_id}"):
        return str(url)
    return tiktok_url(account, post_id)


def _tiktok(rec: Mapping[str, Any], account: str, display_name: str) -> dict[str, Any]:
    pid = str(rec["post_id"])
    views = 0 if _na(rec["views"]) else int(rec["views"])
    avg = 3 + _unit(pid + "a") * 40
    play = round(views * avg)
    url = _tiktok_link(rec["url"], account, pid)
    return {
        "Video title": rec["text"],
        "Video link": url,
        "Post time": _time(rec),
        "Total likes": _c(rec["likes"]),
        "Total comments": _c(rec["comments"]),
        "Total shares": _c(rec["shares"]),
        "Total views": _c(rec["views"]),
        "Total play time": f"{play // 3600}h {play % 3600 // 60}m {play % 60}s",
        "Average watch time": f"{avg:.1f}s",
        "Watched full video": f"{100 * _unit(pid + 'w') * 0.4:.1f}%",
        "Add to favorites": _c(rec["saves"]),
    }


_POST_BUILDERS: dict[str, Callable[[Mapping[str, Any], str, str], dict[str, Any]]] = {
    "meta_fb_posts": _meta_fb,
    "meta_ig_posts": _meta_ig,
    "x_classic": _x_classic,
    "x_content": _x_content,
    "youtube_table": _youtube,
    "tiktok_content": _tiktok,
}


def _local_range(times: pd.Series, tz: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    if times.empty:
        today = pd.Timestamp("2026-01-01")
        return today, today
    local = pd.to_datetime(times, utc=True).dt.tz_convert(_zone(tz))
    return local.min().normalize(), local.max().normalize()


def export_name(
    layout: Layout | str,
    table: pd.DataFrame,
    *,
    account: str = "akun",
    tz: str = "Asia/Jakarta",
    metric: str | None = None,
    display_name: str | None = None,
) -> str:
    """A file (or folder) name as the platform writes it for ``table``."""
    lay = _layout(layout)
    if lay.level == L.POSTS:
        start, end = _local_range(table["published_at"], tz)
    else:
        dates = pd.to_datetime(table["date"]) if len(table) else pd.Series([], dtype="M8[ns]")
        start = dates.min() if len(dates) else pd.Timestamp("2026-01-01")
        end = dates.max() if len(dates) else start
    name = lay.name
    if name in ("meta_fb_posts", "meta_ig_posts"):
        seed = ("page:" if name == "meta_fb_posts" else "ig:") + account
        return (
            f"{_strftime(start, '%b-%d-%Y')}_{_strftime(end, '%b-%d-%Y')}_{_digits(seed, 16)}.csv"
        )
    if name == "meta_daily":
        return f"{_metric_file(metric or 'Follows')}.csv"
    if name == "x_classic":
        return f"tweet_activity_metrics_{account}_{start:%Y%m%d}_{end:%Y%m%d}_en.csv"
    if name == "x_classic_daily":
        return f"daily_tweet_activity_metrics_{account}_{start:%Y%m%d}_{end:%Y%m%d}_en.csv"
    if name == "x_content":
        return f"account_analytics_content_{start:%Y-%m-%d}_{end:%Y-%m-%d}.csv"
    if name == "x_overview":
        return f"account_overview_analytics_{start:%Y-%m-%d}_{end:%Y-%m-%d}.csv"
    if name == "youtube_table":
        return f"Content {start:%Y-%m-%d}_{end:%Y-%m-%d} {display_name or account}"
    return lay.file_example


def _metric_file(metric: str) -> str:
    words = metric.split()
    if words and words[0].lower() in ("facebook", "instagram") and len(words) > 1:
        words = words[1:]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def write_export(
    table: pd.DataFrame,
    layout: Layout | str,
    path: PathLike,
    *,
    variant: str = "plain",
    account: str | None = None,
    tz: str = "Asia/Jakarta",
    display_name: str | None = None,
    metric: str | None = None,
    columns: int | None = None,
) -> Path:
    """Render ``table`` as an export file in ``layout``.

    Parameters
    ----------
    table : DataFrame
        Post layouts: a canonical ``posts`` table of ONE account on the
        layout's platform. Daily layouts: a frame with a ``date`` column (local
        calendar day) and metric columns named as in ``layout.mapping``'s
        values (``followers``, ``views``...); see :func:`daily_from_followers`.
    layout : Layout or str
        A layout of :mod:`labkit.ingest.layouts` (``"meta_fb_posts"``...).
    path : path-like
        File to write, or an existing folder (a platform-like name is chosen:
        :func:`export_name`). For ``youtube_table`` the path is the export
        folder, or a ``.zip`` (``Table data.csv``, ``Chart data.csv``,
        ``Totals.csv`` inside).
    variant : str
        One of :data:`VARIANTS`.
    account : str, optional
        Handle (default: the table's only account).
    tz : str
        Zone of the account (``"Asia/Jakarta"`` or ``"WIB"``...): local times
        are written in it.
    display_name : str, optional
        Page/channel name shown in the file (default: the handle).
    metric : str, optional
        ``meta_daily`` only: the metric title on line 2 (default
        ``"Facebook follows"``).
    columns : int, optional
        ``meta_fb_posts`` only: 32, 33 (default) or 34 columns, as different
        months of real exports have (the negative-feedback columns vary).

    Returns
    -------
    Path
        The file, folder or ZIP written.
    """
    lay = _layout(layout)
    renderer = _Renderer(lay, variant, tz)
    if lay.level == L.DAILY:
        return _write_daily(table, lay, path, renderer, account=account, metric=metric)
    df, account = _check_posts(table, lay, account)
    display_name = display_name or account
    cols, rows = _post_rows(df, lay, account, display_name)
    if lay.name == "meta_fb_posts":
        cols = _fb_columns(cols, columns or 33)
    if lay.name == "youtube_table":
        return _write_youtube(df, cols, rows, path, renderer, account, display_name, tz)
    name = export_name(lay, df, account=account, tz=tz, display_name=display_name)
    return renderer.write(_target(path, name, variant), cols, rows, [])


def _fb_columns(cols: list[str], n: int) -> list[str]:
    hide_all, hide = L._FB_NEG_HIDE_ALL, L._FB_NEG_HIDE
    if n == 33:
        return cols
    if n == 32:
        return [c for c in cols if c != hide_all]
    if n == 34:
        i = cols.index(hide_all)
        return cols[: i + 1] + [hide] + cols[i + 1 :]
    raise WriterError("writers.bad_columns", n=n)


def _write_youtube(
    df: pd.DataFrame,
    cols: list[str],
    rows: list[dict[str, Any]],
    path: PathLike,
    renderer: _Renderer,
    account: str,
    display_name: str,
    tz: str,
) -> Path:
    """YouTube Studio: a folder (or ZIP) with Table data, Chart data and Totals."""
    p = Path(path)
    if p.is_dir():
        p = p / export_name("youtube_table", df, account=account, tz=tz, display_name=display_name)
    if p.suffix.lower() != ".zip":
        _write_youtube_files(p, df, cols, rows, renderer, tz)
        return p
    with tempfile.TemporaryDirectory() as tmp:
        files = _write_youtube_files(Path(tmp), df, cols, rows, renderer, tz)
        p.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(p, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for f in files:
                zf.write(f, arcname=f.name)
    return p


def _write_youtube_files(
    folder: Path,
    df: pd.DataFrame,
    cols: list[str],
    rows: list[dict[str, Any]],
    renderer: _Renderer,
    tz: str,
) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    total: dict[str, Any] = {c: None for c in cols}
    total["Content"] = "Total"
    for c in ("Views", "Likes", "Comments added", "Shares", "Impressions", "Engaged views",
              "Subscribers"):  # fmt: skip
        vals = [int(r[c]) for r in rows if r.get(c) is not None]
        total[c] = _Count(sum(vals)) if vals else None
    hours = [float(r["Watch time (hours)"]) for r in rows]
    total["Watch time (hours)"] = _Float(round(sum(hours), 4)) if hours else None
    table = renderer.write(folder / "Table data.csv", cols, [total, *rows], [])
    chart, totals = _youtube_daily(df, rows, tz)
    # only Table data is opened and saved again as a workbook in the xlsx variant
    variant = "plain" if renderer.xlsx else renderer.variant
    files = [table]
    for lay, data_rows in ((L.YOUTUBE_CHART, chart), (L.YOUTUBE_TOTALS, totals)):
        sub = _Renderer(lay, variant, tz)
        files.append(sub.write(folder / lay.file_example, list(lay.columns), data_rows, []))
    return files


def _youtube_daily(
    df: pd.DataFrame, rows: list[dict[str, Any]], tz: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Chart data (views per video per day) and Totals (views per day): synthetic.

    Each video's lifetime views are spread over the days from its publication
    to the last day of the export (at most four weeks), most of them in the
    first days (a deterministic decay), so Chart data sums to the Table data
    views.
    """
    if df.empty:
        return [], []
    zone = _zone(tz)
    local = df["published_at"].dt.tz_convert(zone).dt.tz_localize(None).dt.normalize()
    last = local.max()
    chart: list[dict[str, Any]] = []
    per_day: dict[pd.Timestamp, int] = {}
    for (day, rec), row in zip(zip(local, df.to_dict("records"), strict=True), rows, strict=True):
        views = 0 if _na(rec["views"]) else int(rec["views"])
        days = pd.date_range(day, min(last, day + pd.Timedelta(days=27)), freq="D")
        weights = [0.5**k for k in range(len(days))]
        total = sum(weights)
        shares = [int(views * w / total) for w in weights]
        shares[0] += views - sum(shares)
        for d, v in zip(days, shares, strict=True):
            chart.append(
                {
                    "Date": _Time(d.tz_localize(zone), True),
                    "Content": row["Content"],
                    "Video title": row["Video title"],
                    "Video publish time": row["Video publish time"],
                    "Duration": row["Duration"],
                    "Views": _Count(v),
                }
            )
            per_day[d] = per_day.get(d, 0) + v
    days = pd.date_range(min(per_day), max(per_day), freq="D")
    totals = [
        {"Date": _Time(d.tz_localize(zone), True), "Views": _Count(per_day.get(d, 0))} for d in days
    ]
    return chart, totals


# ---------------------------------------------------------------------------- daily tables


def daily_from_followers(followers: pd.DataFrame, layout: Layout | str) -> pd.DataFrame:
    """A daily frame for ``layout`` from a canonical ``followers`` table (one account).

    ``tiktok_followers``: ``followers`` and the day-to-day change; Meta daily
    ``follows`` and other daily layouts with a ``follows`` metric: new follows
    per day, taken as the day's net gain clipped at 0 (a synthetic stand-in:
    the file does not carry unfollows). The first day's value is unknown and
    left empty.
    """
    lay = _layout(layout)
    df = schema.conform(followers, "followers", source="writers").sort_values("date")
    out = pd.DataFrame({"date": df["date"].to_numpy()})
    counts = df["followers"].reset_index(drop=True)
    change = counts.astype("Float64").diff().astype("Int64")
    if lay.name in ("tiktok_followers",):
        out["followers"] = counts
        out["followers_change"] = change
    else:
        # new follows per day are never negative; unfollows are not in this file
        out["follows"] = change.clip(lower=0)
    return out


def _write_daily(
    table: pd.DataFrame,
    lay: Layout,
    path: PathLike,
    renderer: _Renderer,
    *,
    account: str | None,
    metric: str | None,
) -> Path:
    if "date" not in table.columns:
        raise WriterError("writers.no_date", layout=lay.name)
    df = table.sort_values("date").reset_index(drop=True)
    zone = renderer.zone
    columns = list(lay.columns)
    preamble: list[str] = []
    if lay.name == "meta_daily":
        metric = metric or "Facebook follows"
        values = [c for c in df.columns if c != "date"]
        if len(values) != 1:
            raise WriterError("writers.one_metric", layout=lay.name, found=", ".join(values))
        df = df.rename(columns={values[0]: "{metric}"})
        preamble = [line.format(metric=metric) for line in lay.preamble]
    rows = []
    for rec in df.to_dict("records"):
        row: dict[str, Any] = {}
        for col in columns:
            canon = lay.mapping.get(col)
            if canon is None or canon not in rec:
                row[col] = None
                continue
            value = rec[canon]
            if canon == "date":
                row[col] = _Time(pd.Timestamp(value).tz_localize(zone), True)
            elif _na(value):
                row[col] = None
            elif col in lay.float_columns:
                as_float = float(value)
                row[col] = _Count(int(as_float)) if as_float == int(as_float) else _Float(as_float)
            elif isinstance(value, str):
                row[col] = value
            else:
                row[col] = _Count(int(value))
        rows.append(row)
    name = export_name(lay, table, account=account or "akun", metric=metric)
    return renderer.write(_target(path, name, renderer.variant), columns, rows, preamble)


# ---------------------------------------------------------------------------- expectations


def _minute(ts: pd.Series) -> pd.Series:
    return ts.dt.floor("min")


def expected_roundtrip(
    posts: pd.DataFrame,
    layout: Layout | str,
    *,
    variant: str = "plain",
    account: str | None = None,
    tz: str = "Asia/Jakarta",
) -> pd.DataFrame:
    """The canonical ``posts`` table a reader must return for what :func:`write_export` wrote.

    Columns the layout does not carry are NA; times are cut to what the file
    holds (minutes, or the local day); Windows-1252 replaces characters it
    cannot hold with ``?``; content types go through the layout's post-type
    vocabulary; URLs the layout builds from the id are filled in.
    """
    lay = _layout(layout)
    df, account = _check_posts(posts, lay, account)
    keep = set(carried_columns(lay)) | {"platform", "account", "post_id", "published_at"}
    out = df.copy()
    out["account"] = account
    for col in schema.POSTS.names:
        if col not in keep:
            out[col] = pd.Series(pd.NA, index=out.index, dtype=out[col].dtype)
    if lay.name == "meta_ig_posts" and not df["impressions"].notna().any():
        out["impressions"] = pd.Series(pd.NA, index=out.index, dtype="Int64")
    zone = _zone(tz)
    fmt = lay.time_format
    excel = variant.startswith("excel_id")
    local = variant in ("id_headers", "excel_id", "excel_id_headers")
    if lay.date_only:
        local = out["published_at"].dt.tz_convert(zone).dt.normalize()
        out["published_at"] = local.dt.tz_convert("UTC")
    elif "%S" not in fmt or (local and _numeric_format(fmt)):
        out["published_at"] = _minute(out["published_at"])
    if lay.content_type:
        out["content_type"] = lay.content_type
    elif "content_type" in keep:
        shown = _TYPE_PREFERENCE.get(lay.name, {})
        out["content_type"] = (
            out["content_type"]
            .astype("string")
            .map(lambda v: lay.content_types.get(shown.get(v, ""), pd.NA) if not _na(v) else pd.NA)
        )
    if lay.url_template:
        out["url"] = out["post_id"].map(lambda pid: lay.url_template.format(post_id=pid))
    elif lay.name == "tiktok_content":
        out["url"] = [
            _tiktok_link(u, account, pid) for pid, u in zip(out["post_id"], out["url"], strict=True)
        ]
    if excel:
        for col in ("text", "url"):
            out[col] = out[col].map(
                lambda v: (
                    v
                    if _na(v)
                    else v.encode(EXCEL_ID.encoding, errors="replace").decode(EXCEL_ID.encoding)
                )
            )
    return schema.conform(out[schema.POSTS.names], "posts", source="expected")


# ---------------------------------------------------------------------------- samples


#: post layout used for each platform by :func:`write_sample_exports`
SAMPLE_LAYOUTS = {
    "facebook": "meta_fb_posts",
    "instagram": "meta_ig_posts",
    "x": "x_content",
    "youtube": "youtube_table",
    "tiktok": "tiktok_content",
}


def write_sample_exports(
    folder: PathLike,
    posts: pd.DataFrame,
    *,
    accounts: pd.DataFrame | None = None,
    followers: pd.DataFrame | None = None,
    variant: str = "plain",
) -> pd.DataFrame:
    """Render every account's posts (and followers) as the files a trainee downloads.

    One sub-folder per platform and account, holding what that platform's
    download gives (:data:`SAMPLE_LAYOUTS`; YouTube as a ZIP; Meta and TikTok
    follower files where ``followers`` are given).

    Returns
    -------
    DataFrame
        One row per file: ``platform``, ``account``, ``layout``, ``file``, ``rows``.
    """
    root = Path(folder)
    root.mkdir(parents=True, exist_ok=True)
    info = {}
    if accounts is not None:
        for rec in accounts.to_dict("records"):
            info[(str(rec["platform"]), str(rec["account"]))] = rec
    written = []
    for (platform, account), group in posts.groupby(["platform", "account"], observed=True):
        platform, account = str(platform), str(account)
        rec = info.get((platform, account), {})
        tz = schema.TIMEZONES.get(str(rec.get("tz", "WIB")), "Asia/Jakarta")
        name = rec.get("display_name")
        display = account if _na(name) else str(name)
        start, end = _local_range(group["published_at"], tz)
        # TikTok dates carry no year: the range in the folder name gives it (see the guide)
        sub = root / (
            f"{platform}_{account} {start:%Y-%m-%d}_{end:%Y-%m-%d}"
            if platform == "tiktok"
            else f"{platform}_{account}"
        )
        sub.mkdir(parents=True, exist_ok=True)
        lay = SAMPLE_LAYOUTS[platform]
        target = sub / (export_name(lay, group, account=account, tz=tz, display_name=display)
                        + (".zip" if lay == "youtube_table" else ""))  # fmt: skip
        path = write_export(
            group, lay, target, variant=variant, account=account, tz=tz, display_name=display
        )
        written.append((platform, account, lay, path, len(group)))
        if followers is None or platform not in ("facebook", "instagram", "tiktok"):
            continue
        if (
            platform != "tiktok"
            and posts.loc[posts["platform"] == platform, "account"].nunique() > 1
        ):
            continue  # Meta daily files do not name their account: one account per platform only
        fol = followers[(followers["platform"] == platform) & (followers["account"] == account)]
        if fol.empty:
            continue
        flay = "tiktok_followers" if platform == "tiktok" else "meta_daily"
        metric = f"{platform.capitalize()} follows" if flay == "meta_daily" else None
        daily = daily_from_followers(fol, flay)
        path = write_export(daily, flay, sub, variant=variant, tz=tz, metric=metric)
        written.append((platform, account, flay, path, len(daily)))
    return pd.DataFrame(written, columns=["platform", "account", "layout", "file", "rows"])
