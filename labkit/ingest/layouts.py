"""The layouts of the platform analytics exports that :mod:`labkit.ingest` reads.

One :class:`Layout` per file format, as the platform delivers it: the file-name
pattern, the header columns in the platform's order, the date format, the
encoding, and the mapping from export columns to the canonical columns of
:mod:`labkit.schema` (or, for account-level daily files, to metric columns).

The readers use these constants to recognise and convert files; the test-data
writers (:mod:`labkit.ingest.writers`) use the same constants to render
canonical tables back into every layout, so the two cannot drift apart.

Sources and confidence
----------------------
Layouts come from the domain brief, section 4 (export formats seen in public
parser fixtures). ``Layout.confidence`` says how sure we are: ``"high"`` where
several independent fixtures agree, ``"low"`` where a single fixture or a
guess (marked in ``notes``) is all we have. Indonesian-locale headers were not
seen anywhere: the aliases in ``aliases.yaml`` are our best translation of the
labels Meta/Excel may show and are easy to extend.

Stable API (used by the writers; keep these names working)
-----------------------------------------------------------
``Layout`` fields: ``name, platform, level, title, file_pattern, file_example,
columns, required, signature, optional, mapping, time_column, time_format,
time_has_offset, date_only, encoding, delimiter, thousands, quote_all,
preamble, content_types, content_type, total_row, lifetime_value,
url_template, float_columns, confidence, notes``; properties ``source_of``,
``id_column``, ``count_columns``. Constants ``META_FB_POSTS, META_IG_POSTS,
META_DAILY, X_CLASSIC, X_CLASSIC_DAILY, X_CONTENT, X_OVERVIEW, YOUTUBE_TABLE,
YOUTUBE_CHART, YOUTUBE_TOTALS, TIKTOK_OVERVIEW, TIKTOK_FOLLOWERS,
TIKTOK_VIEWERS, TIKTOK_CONTENT``; ``LAYOUTS`` (name -> Layout), ``layout(name)``,
``LAYOUT_ALIASES`` (old names), ``POST_LAYOUTS``, ``DAILY_LAYOUTS``, ``POSTS``,
``DAILY``, ``POST_COUNTS``; ``ExcelLocale`` and ``EXCEL_ID``;
``YOUTUBE_FOLDER_PATTERN``; ``IGNORED_FILES``; ``aliases(layout)``,
``translated_header(layout, lang)``, ``normalize_header(text)``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

import yaml

POSTS = "posts"
DAILY = "daily"

#: Canonical post columns filled from an export (``labkit.schema`` ``posts``).
POST_COUNTS = ("impressions", "reach", "views", "likes", "comments", "shares", "saves")


def _frozen(d: Mapping[str, str] | None = None) -> Mapping[str, str]:
    return MappingProxyType(dict(d or {}))


@dataclass(frozen=True)
class Layout:
    """One export file format, as delivered by the platform.

    Attributes
    ----------
    name : str
        Stable identifier (``"meta_fb_posts"``).
    platform : str or None
        One of ``labkit.schema.PLATFORMS``; ``None`` when the file itself says
        (Meta daily files name the platform in their metric line).
    level : str
        ``"posts"`` (one row per post, canonical ``posts`` table) or ``"daily"``
        (one row per day, account level).
    title : str
        Human name, English (the Indonesian one is in the message catalogue).
    file_pattern : str
        Regular expression matched (case-insensitive, whole name) against the
        file name as the platform names it. Named groups ``start``/``end``
        (dates of the export range) and ``account`` are used when present.
    file_example : str
        A file name as the platform writes it.
    columns : tuple of str
        Header columns in the platform's order (one typical version).
    required : tuple of str
        Columns that must be present to read the file.
    signature : tuple of str
        Columns that identify the layout when the file name does not.
    optional : tuple of str
        Columns seen only in some versions (may be absent, or appear in
        ``columns`` of one version only).
    mapping : mapping
        Export column -> canonical column (post layouts: ``post_id``,
        ``published_at``, ``text``, ``content_type``, ``url``, counts; daily
        layouts: ``date`` and metric columns). Several export columns may map
        to one canonical column (Facebook ``Title`` and ``Description`` ->
        ``text``: the reader keeps the longer; write the caption in
        ``Description`` for photos/links and in ``Title`` for videos/reels).
    time_column : str
        Export column holding the publish time (posts) or the day (daily).
    time_format : str
        ``strftime`` format the platform writes ``time_column`` in.
    time_has_offset : bool
        Times carry a UTC offset (X classic ``+0000``); otherwise they are
        naive local times, read in the account's time zone.
    date_only : bool
        The time column holds a day without a time of day.
    encoding : str
        Python codec of the file as delivered (``"utf-8-sig"`` = UTF-8 with
        BOM, ``"utf-16"`` = UTF-16 LE with BOM, ``"utf-8"`` = no BOM).
    delimiter : str
        Field separator as delivered.
    thousands : str
        Thousands separator the platform puts in large counts (``""``: none).
    quote_all : bool
        Every field is quoted (Meta daily files).
    preamble : tuple of str
        Lines before the header. ``{metric}`` is the metric title (Meta daily:
        ``"sep=,"``, then ``"Facebook follows"``).
    content_types : mapping
        Values of the export's post-type column -> ``schema.CONTENT_TYPES``.
    content_type : str or None
        Content type of every post when the export has no type column.
    total_row : str or None
        Label, in the first column, of a totals row to drop (YouTube ``Total``).
    lifetime_value : str or None
        Value of the ``Date`` column in post exports (``Lifetime``).
    url_template : str or None
        Permalink built from the post id when the export has no link column.
    float_columns : tuple of str
        Numeric columns that are not counts (rates, hours, averages).
    confidence : str
        ``"high"``, ``"medium"`` or ``"low"``: how sure we are of the layout.
    notes : str
        Where the layout comes from, and what is guessed.
    """

    name: str
    platform: str | None
    level: str
    title: str
    file_pattern: str
    file_example: str
    columns: tuple[str, ...]
    required: tuple[str, ...]
    signature: tuple[str, ...]
    mapping: Mapping[str, str]
    time_column: str
    time_format: str
    optional: tuple[str, ...] = ()
    time_has_offset: bool = False
    date_only: bool = False
    encoding: str = "utf-8-sig"
    delimiter: str = ","
    thousands: str = ","
    quote_all: bool = False
    preamble: tuple[str, ...] = ()
    content_types: Mapping[str, str] = field(default_factory=_frozen)
    content_type: str | None = None
    total_row: str | None = None
    lifetime_value: str | None = None
    url_template: str | None = None
    float_columns: tuple[str, ...] = ()
    confidence: str = "high"
    notes: str = ""

    def source_of(self, canonical: str) -> tuple[str, ...]:
        """Export columns that map to ``canonical``, in the platform's order."""
        return tuple(col for col, canon in self.mapping.items() if canon == canonical)

    @property
    def id_column(self) -> str | None:
        """Export column of the post id (``None`` for daily layouts)."""
        found = self.source_of("post_id")
        return found[0] if found else None

    @property
    def count_columns(self) -> tuple[str, ...]:
        """Export columns read as non-negative whole numbers."""
        skip = {"post_id", "published_at", "text", "content_type", "url", "date", "account"}
        return tuple(
            col
            for col, canon in self.mapping.items()
            if canon not in skip and col not in self.float_columns
        )

    def matches_name(self, filename: str) -> re.Match[str] | None:
        """Match ``filename`` against :attr:`file_pattern` (case-insensitive)."""
        return re.fullmatch(self.file_pattern, filename, flags=re.IGNORECASE)


@dataclass(frozen=True)
class ExcelLocale:
    """How Excel rewrites a CSV it saves in a given Windows locale.

    The lab's trainees open exports in Excel set to Indonesian: saving again
    turns the file into this shape (the writers render it; the readers undo it).
    """

    name: str
    delimiter: str
    thousands: str
    decimal: str
    encoding: str
    time_format: str
    date_format: str
    line_terminator: str = "\r\n"
    time_formats_alt: tuple[str, ...] = ()


#: Excel in an Indonesian (id-ID) Windows locale. Times may also come out as
#: ``HH.MM`` (Indonesian time separator) depending on the Windows settings.
EXCEL_ID = ExcelLocale(
    name="id-ID",
    delimiter=";",
    thousands=".",
    decimal=",",
    encoding="cp1252",
    time_format="%d/%m/%Y %H:%M",
    date_format="%d/%m/%Y",
    time_formats_alt=("%d/%m/%Y %H.%M", "%d/%m/%Y %H:%M:%S", "%d-%m-%Y %H:%M"),
)

# --------------------------------------------------------------------------------------
# Meta Business Suite (Facebook, Instagram)
# --------------------------------------------------------------------------------------

_META_FILE = r"(?P<start>[a-z]{3}-\d{2}-\d{4})_(?P<end>[a-z]{3}-\d{2}-\d{4})_\d+(?: \(\d+\))?\.csv"

_FB_NEG_HIDE_ALL = "Negative feedback from users: Hide all"
_FB_NEG_HIDE = "Negative feedback from users: Hide"

META_FB_POSTS = Layout(
    name="meta_fb_posts",
    platform="facebook",
    level=POSTS,
    title="Meta Business Suite - Facebook post export",
    file_pattern=_META_FILE,
    file_example="Nov-01-2025_Nov-30-2025_2035041197114989.csv",
    columns=(
        "Post ID",
        "Page ID",
        "Page name",
        "Title",
        "Description",
        "Duration (sec)",
        "Publish time",
        "Caption type",
        "Permalink",
        "Post type",
        "Languages",
        "Custom labels",
        "Funded content status",
        "Data comment",
        "Date",
        "Views",
        "Reach",
        "Reactions, Comments and Shares",
        "Reactions",
        "Comments",
        "Shares",
        "Total clicks",
        "Link Clicks",
        "Other Clicks",
        "Matched Audience Targeting Consumption (Photo Click)",
        _FB_NEG_HIDE_ALL,
        "Seconds viewed",
        "Average Seconds viewed",
        "3-Second Video Views",
        "1-Minute Video Views",
        "Estimated earnings (USD)",
        "Approximate content monetization earnings",
        "Qualified Views",
    ),
    optional=(_FB_NEG_HIDE_ALL, _FB_NEG_HIDE, "Page name", "Title", "Description", "Views"),
    required=("Post ID", "Publish time", "Permalink", "Post type", "Reactions", "Comments"),
    signature=("Post ID", "Page ID", "Reactions"),
    mapping=_frozen(
        {
            "Post ID": "post_id",
            "Title": "text",
            "Description": "text",
            "Publish time": "published_at",
            "Permalink": "url",
            "Post type": "content_type",
            "Views": "views",
            "Reach": "reach",
            "Reactions": "likes",
            "Comments": "comments",
            "Shares": "shares",
        }
    ),
    time_column="Publish time",
    time_format="%m/%d/%Y %H:%M",
    content_types=_frozen(
        {
            "Photos": "image",
            "Photo": "image",
            "Videos": "video",
            "Video": "video",
            "Reels": "short_video",
            "Reel": "short_video",
            "Links": "link",
            "Link": "link",
            "Status": "text",
            "Text": "text",
            "Albums": "carousel",
            "Album": "carousel",
            "Live": "live",
            "Live videos": "live",
        }
    ),
    lifetime_value="Lifetime",
    confidence="high",
    notes=(
        "32-34 columns: 'Negative feedback from users: Hide all' is absent in some months "
        "(32), '...: Hide' is added in others (34); where '...: Hide' sits is a guess "
        "(writers put it after '...: Hide all'). Caption in Title or Description depending "
        "on post type. File name range = selected publish range, not the export date."
    ),
)

META_IG_POSTS = Layout(
    name="meta_ig_posts",
    platform="instagram",
    level=POSTS,
    title="Meta Business Suite - Instagram post export",
    file_pattern=_META_FILE,
    file_example="Jul-01-2026_Jul-31-2026_2167928533773347.csv",
    columns=(
        "Post ID",
        "Account ID",
        "Account username",
        "Account name",
        "Description",
        "Duration (sec)",
        "Publish time",
        "Permalink",
        "Post type",
        "Data comment",
        "Date",
        "Views",
        "Reach",
        "Likes",
        "Shares",
        "Follows",
        "Comments",
        "Saves",
    ),
    optional=("Impressions", "Views", "Account name", "Duration (sec)", "Follows"),
    required=("Post ID", "Publish time", "Permalink", "Post type", "Likes", "Comments"),
    signature=("Post ID", "Account username", "Likes"),
    mapping=_frozen(
        {
            "Post ID": "post_id",
            "Account username": "account",
            "Description": "text",
            "Publish time": "published_at",
            "Permalink": "url",
            "Post type": "content_type",
            "Impressions": "impressions",
            "Views": "views",
            "Reach": "reach",
            "Likes": "likes",
            "Shares": "shares",
            "Comments": "comments",
            "Saves": "saves",
        }
    ),
    time_column="Publish time",
    time_format="%m/%d/%Y %H:%M",
    content_types=_frozen(
        {
            "IG reel": "short_video",
            "IG image": "image",
            "IG carousel": "carousel",
            "IG video": "video",
        }
    ),
    lifetime_value="Lifetime",
    confidence="high",
    notes="Column order varies between versions; older exports add 'Impressions'.",
)

META_DAILY = Layout(
    name="meta_daily",
    platform=None,
    level=DAILY,
    title="Meta Business Suite - page/account daily metric (one metric per file)",
    file_pattern=r"[^/]+\.csv",
    file_example="Follows.csv",
    columns=("Date", "Primary"),
    required=("Date", "Primary"),
    signature=("Date", "Primary"),
    mapping=_frozen({"Date": "date", "Primary": "{metric}"}),
    time_column="Date",
    time_format="%Y-%m-%dT%H:%M:%S",
    date_only=True,
    encoding="utf-16",
    thousands="",
    quote_all=True,
    preamble=("sep=,", "{metric}"),
    confidence="medium",
    notes=(
        "UTF-16 LE with BOM; line 1 'sep=,', line 2 the metric title (e.g. 'Facebook follows', "
        "'Content interactions', 'Views'), line 3 'Date','Primary'; every value quoted. The "
        "metric column is named after the title without its platform word "
        "('Facebook follows' -> 'follows'). Instagram account files assumed identical."
    ),
)

# --------------------------------------------------------------------------------------
# X (Twitter)
# --------------------------------------------------------------------------------------

_X_CLASSIC_METRICS = (
    "impressions",
    "engagements",
    "engagement rate",
    "retweets",
    "replies",
    "likes",
    "user profile clicks",
    "url clicks",
    "hashtag clicks",
    "detail expands",
    "permalink clicks",
    "app opens",
    "app installs",
    "follows",
    "email tweet",
    "dial phone",
    "media views",
    "media engagements",
)

X_CLASSIC = Layout(
    name="x_classic",
    platform="x",
    level=POSTS,
    title="X (Twitter) classic tweet-activity export",
    file_pattern=(
        r"tweet_activity_metrics_(?P<account>.+)_(?P<start>\d{8})_(?P<end>\d{8})_[a-z]{2}"
        r"(?: \(\d+\))?\.csv"
    ),
    file_example="tweet_activity_metrics_humaskotacontoh_20240301_20240401_en.csv",
    columns=("Tweet id", "Tweet permalink", "Tweet text", "time")
    + _X_CLASSIC_METRICS
    + tuple(f"promoted {m}" for m in _X_CLASSIC_METRICS),
    required=("Tweet id", "time", "impressions", "retweets", "replies", "likes"),
    signature=("Tweet id", "Tweet permalink", "impressions"),
    optional=tuple(f"promoted {m}" for m in _X_CLASSIC_METRICS),
    mapping=_frozen(
        {
            "Tweet id": "post_id",
            "Tweet permalink": "url",
            "Tweet text": "text",
            "time": "published_at",
            "impressions": "impressions",
            "retweets": "shares",
            "replies": "comments",
            "likes": "likes",
        }
    ),
    time_column="time",
    time_format="%Y-%m-%d %H:%M %z",
    time_has_offset=True,
    encoding="utf-8",
    thousands="",
    float_columns=("engagement rate",),
    confidence="high",
    notes="Times in UTC ('+0000'). The 'promoted ...' copies are ignored. No bookmarks.",
)

X_CLASSIC_DAILY = Layout(
    name="x_classic_daily",
    platform="x",
    level=DAILY,
    title="X (Twitter) classic daily tweet-activity export",
    file_pattern=(
        r"daily_tweet_activity_metrics_(?P<account>.+)_(?P<start>\d{8})_(?P<end>\d{8})_[a-z]{2}"
        r"(?: \(\d+\))?\.csv"
    ),
    file_example="daily_tweet_activity_metrics_humaskotacontoh_20240301_20240401_en.csv",
    columns=("Date", "Tweets published") + _X_CLASSIC_METRICS,
    required=("Date", "Tweets published", "impressions"),
    signature=("Date", "Tweets published", "impressions"),
    mapping=_frozen(
        {
            "Date": "date",
            "Tweets published": "posts",
            "impressions": "impressions",
            "engagements": "engagements",
            "engagement rate": "engagement_rate",
            "retweets": "shares",
            "replies": "comments",
            "likes": "likes",
            "follows": "follows",
            "media views": "media_views",
        }
    ),
    time_column="Date",
    time_format="%Y-%m-%d",
    date_only=True,
    encoding="utf-8",
    thousands="",
    float_columns=("engagement rate",),
    confidence="low",
    notes="Seen only as a file name in public scripts; columns assumed from the post export.",
)

X_CONTENT = Layout(
    name="x_content",
    platform="x",
    level=POSTS,
    title="X current content export (account_analytics_content)",
    file_pattern=(
        r"account_analytics_content_(?P<start>\d{4}-?\d{2}-?\d{2})_(?P<end>\d{4}-?\d{2}-?\d{2})"
        r"(?: \(\d+\))?\.csv"
    ),
    file_example="account_analytics_content_2026-06-15_2026-07-14.csv",
    columns=(
        "Post id",
        "Date",
        "Post text",
        "Post Link",
        "Impressions",
        "Likes",
        "Engagements",
        "Bookmarks",
        "Shares",
        "New follows",
        "Replies",
        "Reposts",
        "Profile visits",
        "Detail Expands",
        "URL Clicks",
        "Hashtag Clicks",
        "Permalink Clicks",
    ),
    required=("Post id", "Date", "Impressions", "Likes", "Replies", "Reposts"),
    signature=("Post id", "Post Link", "Reposts"),
    mapping=_frozen(
        {
            "Post id": "post_id",
            "Date": "published_at",
            "Post text": "text",
            "Post Link": "url",
            "Impressions": "impressions",
            "Likes": "likes",
            "Bookmarks": "saves",
            "Replies": "comments",
            "Reposts": "shares",
        }
    ),
    time_column="Date",
    time_format="%a, %b %d, %Y",
    date_only=True,
    encoding="utf-8",
    thousands="",
    confidence="medium",
    notes=(
        "Day only, no time of day. 19-digit post ids. X's own 'Shares' column (send/copy "
        "link) is not reposts and is not mapped."
    ),
)

X_OVERVIEW = Layout(
    name="x_overview",
    platform="x",
    level=DAILY,
    title="X current account overview export",
    file_pattern=r"account_overview_analytics(?:_.*)?(?: \(\d+\))?\.csv",
    file_example="account_overview_analytics_2026-06-15_2026-07-14.csv",
    columns=(
        "Date",
        "Impressions",
        "Engagements",
        "Likes",
        "Replies",
        "Reposts",
        "New follows",
        "Unfollows",
        "Bookmarks",
        "Shares",
        "Profile visits",
        "Create Post",
        "Video views",
        "Media views",
    ),
    required=("Date", "Impressions", "Likes"),
    signature=("Date", "Reposts", "Unfollows"),
    mapping=_frozen(
        {
            "Date": "date",
            "Impressions": "impressions",
            "Engagements": "engagements",
            "Likes": "likes",
            "Replies": "comments",
            "Reposts": "shares",
            "New follows": "follows",
            "Unfollows": "unfollows",
            "Bookmarks": "saves",
            "Shares": "share_actions",
            "Profile visits": "profile_visits",
            "Create Post": "posts",
            "Video views": "video_views",
            "Media views": "media_views",
        }
    ),
    time_column="Date",
    time_format="%a, %b %d, %Y",
    date_only=True,
    encoding="utf-8",
    thousands="",
    confidence="medium",
    notes="Date format assumed the same as the content export.",
)

# --------------------------------------------------------------------------------------
# YouTube Studio (Analytics -> Advanced mode -> Export)
# --------------------------------------------------------------------------------------

_YT_FOLDER = (
    r"Content (?P<start>\d{4}-\d{2}-\d{2})_(?P<end>\d{4}-\d{2}-\d{2}) (?P<account>.+?)"
    r"(?: \(\d+\))?(?:\.zip)?"
)
#: Folder / ZIP name of a YouTube Studio export (groups start, end, account).
YOUTUBE_FOLDER_PATTERN = _YT_FOLDER

YOUTUBE_TABLE = Layout(
    name="youtube_table",
    platform="youtube",
    level=POSTS,
    title="YouTube Studio advanced-mode export - Table data.csv",
    file_pattern=r"Table data(?: \(\d+\))?\.csv",
    file_example="Table data.csv",
    columns=(
        "Content",
        "Video title",
        "Video publish time",
        "Duration",
        "Views",
        "Watch time (hours)",
        "Subscribers",
        "Impressions",
        "Impressions click-through rate (%)",
        "Average view duration",
        "Average percentage viewed (%)",
        "Likes",
        "Comments added",
        "Shares",
        "Engaged views",
        "Stayed to watch (%)",
    ),
    required=("Content", "Video title", "Video publish time"),
    signature=("Content", "Video title", "Video publish time"),
    optional=(
        "Duration",
        "Views",
        "Watch time (hours)",
        "Subscribers",
        "Impressions",
        "Impressions click-through rate (%)",
        "Average view duration",
        "Average percentage viewed (%)",
        "Likes",
        "Comments added",
        "Shares",
        "Engaged views",
        "Stayed to watch (%)",
    ),
    mapping=_frozen(
        {
            "Content": "post_id",
            "Video title": "text",
            "Video publish time": "published_at",
            "Views": "views",
            "Impressions": "impressions",
            "Likes": "likes",
            "Comments added": "comments",
            "Shares": "shares",
        }
    ),
    time_column="Video publish time",
    time_format="%b %d, %Y",
    date_only=True,
    encoding="utf-8",
    thousands="",
    content_type="video",
    total_row="Total",
    url_template="https://www.youtube.com/watch?v={post_id}",
    float_columns=(
        "Watch time (hours)",
        "Impressions click-through rate (%)",
        "Average percentage viewed (%)",
        "Stayed to watch (%)",
    ),
    confidence="medium",
    notes=(
        "Metric columns follow the user's selection. Row 2 is 'Total'. Ids starting with '-' "
        "may carry a leading space. Publish time also seen as '2026-07-20 13:18:00'. Only "
        "~500 rows export. Shorts are not told apart from videos (content_type 'video')."
    ),
)

YOUTUBE_CHART = Layout(
    name="youtube_chart",
    platform="youtube",
    level=DAILY,
    title="YouTube Studio advanced-mode export - Chart data.csv",
    file_pattern=r"Chart data(?: \(\d+\))?\.csv",
    file_example="Chart data.csv",
    columns=("Date", "Content", "Video title", "Video publish time", "Duration", "Views"),
    required=("Date",),
    signature=("Date", "Content", "Video title"),
    optional=("Content", "Video title", "Video publish time", "Duration"),
    mapping=_frozen({"Date": "date", "Content": "post_id", "Views": "views"}),
    time_column="Date",
    time_format="%Y-%m-%d",
    date_only=True,
    encoding="utf-8",
    thousands="",
    confidence="low",
    notes="One row per day (per video when 'Content' is present). Columns guessed.",
)

YOUTUBE_TOTALS = Layout(
    name="youtube_totals",
    platform="youtube",
    level=DAILY,
    title="YouTube Studio advanced-mode export - Totals.csv",
    file_pattern=r"Totals(?: \(\d+\))?\.csv",
    file_example="Totals.csv",
    columns=("Date", "Views"),
    required=("Date",),
    signature=("Date", "Views"),
    mapping=_frozen({"Date": "date", "Views": "views"}),
    time_column="Date",
    time_format="%Y-%m-%d",
    date_only=True,
    encoding="utf-8",
    thousands="",
    confidence="low",
    notes="Channel total per day for the selected metric(s). Columns guessed.",
)

# --------------------------------------------------------------------------------------
# TikTok Studio
# --------------------------------------------------------------------------------------

TIKTOK_OVERVIEW = Layout(
    name="tiktok_overview",
    platform="tiktok",
    level=DAILY,
    title="TikTok Studio - Overview.csv",
    file_pattern=r"Overview(?: \(\d+\))?\.csv",
    file_example="Overview.csv",
    columns=("Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"),
    required=("Date", "Video Views"),
    signature=("Date", "Video Views", "Profile Views"),
    mapping=_frozen(
        {
            "Date": "date",
            "Video Views": "views",
            "Profile Views": "profile_views",
            "Likes": "likes",
            "Comments": "comments",
            "Shares": "shares",
        }
    ),
    time_column="Date",
    time_format="%B %d",
    date_only=True,
    encoding="utf-8",
    thousands="",
    confidence="medium",
    notes="Dates have no year ('August 31'): inferred from the export range.",
)

TIKTOK_FOLLOWERS = Layout(
    name="tiktok_followers",
    platform="tiktok",
    level=DAILY,
    title="TikTok Studio - FollowerHistory.csv",
    file_pattern=r"FollowerHistory(?: \(\d+\))?\.csv",
    file_example="FollowerHistory.csv",
    columns=("Date", "Followers", "Difference in followers from previous day"),
    required=("Date", "Followers"),
    signature=("Date", "Followers", "Difference in followers from previous day"),
    mapping=_frozen(
        {
            "Date": "date",
            "Followers": "followers",
            "Difference in followers from previous day": "followers_change",
        }
    ),
    time_column="Date",
    time_format="%B %d",
    date_only=True,
    encoding="utf-8",
    thousands="",
    confidence="medium",
    notes="Dates have no year; the daily difference can be negative (read as a signed count).",
)

TIKTOK_VIEWERS = Layout(
    name="tiktok_viewers",
    platform="tiktok",
    level=DAILY,
    title="TikTok Studio - Viewers.csv",
    file_pattern=r"Viewers(?: \(\d+\))?\.csv",
    file_example="Viewers.csv",
    columns=("Date", "Total Viewers", "New Viewers", "Returning Viewers"),
    required=("Date", "Total Viewers"),
    signature=("Date", "Total Viewers", "New Viewers"),
    mapping=_frozen(
        {
            "Date": "date",
            "Total Viewers": "viewers",
            "New Viewers": "new_viewers",
            "Returning Viewers": "returning_viewers",
        }
    ),
    time_column="Date",
    time_format="%B %d",
    date_only=True,
    encoding="utf-8",
    thousands="",
    confidence="medium",
    notes="Dates have no year.",
)

TIKTOK_CONTENT = Layout(
    name="tiktok_content",
    platform="tiktok",
    level=POSTS,
    title="TikTok Studio - per-video content export",
    file_pattern=r"(?:Content|Videos?|Posts?)(?:[ _-].*)?\.csv",
    file_example="Content.csv",
    columns=(
        "Video title",
        "Video link",
        "Post time",
        "Total likes",
        "Total comments",
        "Total shares",
        "Total views",
        "Total play time",
        "Average watch time",
        "Watched full video",
        "Add to favorites",
    ),
    required=("Video link", "Post time", "Total views"),
    signature=("Video title", "Video link", "Post time"),
    optional=("Total play time", "Average watch time", "Watched full video"),
    mapping=_frozen(
        {
            "Video title": "text",
            "Video link": "url",
            "Post time": "published_at",
            "Total likes": "likes",
            "Total comments": "comments",
            "Total shares": "shares",
            "Total views": "views",
            "Add to favorites": "saves",
        }
    ),
    time_column="Post time",
    time_format="%Y-%m-%d %H:%M:%S",
    encoding="utf-8",
    thousands="",
    content_type="short_video",
    confidence="low",
    notes=(
        "Shape seen in test fixtures only; 'Post time' format is a guess (any ISO, "
        "'Jul 14, 2026' or numeric day/month form is read). The post id is taken from "
        "'Video link' (…/video/<id>). Durations like '1h 5m 30s', percentages like '12.5%'."
    ),
)

LAYOUTS: dict[str, Layout] = {
    lay.name: lay
    for lay in (
        META_FB_POSTS,
        META_IG_POSTS,
        META_DAILY,
        X_CLASSIC,
        X_CLASSIC_DAILY,
        X_CONTENT,
        X_OVERVIEW,
        YOUTUBE_TABLE,
        YOUTUBE_CHART,
        YOUTUBE_TOTALS,
        TIKTOK_OVERVIEW,
        TIKTOK_FOLLOWERS,
        TIKTOK_VIEWERS,
        TIKTOK_CONTENT,
    )
}
#: Other names that refer to a layout (kept working when names change).
LAYOUT_ALIASES: dict[str, str] = {"youtube_studio": "youtube_table"}

POST_LAYOUTS = tuple(lay for lay in LAYOUTS.values() if lay.level == POSTS)
DAILY_LAYOUTS = tuple(lay for lay in LAYOUTS.values() if lay.level == DAILY)

#: Files a platform download contains that labkit knowingly does not read.
IGNORED_FILES: dict[str, str] = {
    "audience.csv": "meta",
    "followergender.csv": "tiktok",
    "followertopterritories.csv": "tiktok",
    "gender.csv": "meta",
}


def layout(name: str) -> Layout:
    """Return the layout called ``name`` (or one of its old names)."""
    key = LAYOUT_ALIASES.get(name, name)
    if key not in LAYOUTS:
        raise KeyError(f"unknown layout {name!r}; known: {', '.join(LAYOUTS)}")
    return LAYOUTS[key]


# --------------------------------------------------------------------------------------
# Header aliases (aliases.yaml)
# --------------------------------------------------------------------------------------

ALIASES_FILE = Path(__file__).with_name("aliases.yaml")


def normalize_header(text: object) -> str:
    """Fold a header cell for comparison: NFKC, no BOM/quotes, casefolded, single spaces."""
    s = unicodedata.normalize("NFKC", str(text)).replace("\ufeff", "")
    s = s.strip().strip('"').strip()
    return re.sub(r"\s+", " ", s).casefold()


@functools.cache
def _alias_table() -> dict[str, dict[str, str]]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: 20x faster when present
    raw = yaml.load(ALIASES_FILE.read_text(encoding="utf-8"), Loader=loader) or {}
    out: dict[str, dict[str, str]] = {}
    for section, entries in raw.items():
        out[str(section)] = {str(k): str(v) for k, v in (entries or {}).items()}
    return out


def aliases(lay: Layout | str) -> dict[str, str]:
    """Header aliases for ``lay``: folded alias -> the English export header.

    The layout's own section of ``aliases.yaml`` wins over ``common``; an alias
    applies only when its target is a column the layout knows.
    """
    lay = layout(lay) if isinstance(lay, str) else lay
    table = _alias_table()
    known = {normalize_header(c): c for c in (*lay.columns, *lay.optional)}
    out: dict[str, str] = {}
    for section in ("common", lay.name):
        for alias, target in table.get(section, {}).items():
            canon = known.get(normalize_header(target))
            if canon is not None:
                out[normalize_header(alias)] = canon
    for folded, col in known.items():
        out[folded] = col
    return out


def translated_header(lay: Layout | str, lang: str = "id") -> list[str]:
    """The layout's header as an Indonesian-locale file may show it.

    Each column becomes its first alias in ``aliases.yaml`` (layout section
    first, then ``common``); a column without an alias keeps its English name.
    Only ``lang="id"`` has aliases; ``"en"`` returns the columns unchanged.
    """
    lay = layout(lay) if isinstance(lay, str) else lay
    if lang == "en":
        return list(lay.columns)
    table = _alias_table()
    first: dict[str, str] = {}
    for section in (lay.name, "common"):
        for alias, target in table.get(section, {}).items():
            first.setdefault(normalize_header(target), alias)
    return [first.get(normalize_header(c), c) for c in lay.columns]
