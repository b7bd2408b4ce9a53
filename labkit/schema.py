"""The canonical tables of Humas Lab: columns, types, units and meanings.

Everything that produces a table (the bundled-universe generator, the importers
of platform exports, the account-inventory form) produces these tables, and is
tested against them. Analysis code reads only these columns.

Types
-----
``string``     text or an identifier (IDs are always text, never numbers)
``category``   one value of a small vocabulary (``Column.values``)
``int``        nullable integer count (``Int64``; missing where not reported)
``float``      floating-point number (NaN where missing)
``bool``       nullable boolean (``boolean``)
``timestamp``  timezone-aware instant, stored in UTC
``date``       a calendar day (midnight, no time zone), in the account's local zone

Use :func:`conform` to give a DataFrame its canonical dtypes and column order
(it raises a :class:`~labkit.errors.SchemaError` naming the missing column),
:func:`validate` to check one, and :func:`empty` for a typed table with no rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa

from labkit import i18n, values
from labkit.errors import SchemaError

PLATFORMS = ("facebook", "instagram", "x", "tiktok", "youtube")
CONTENT_TYPES = ("image", "carousel", "video", "short_video", "link", "text", "live")
TIMEZONES = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}
#: UTC offset in hours of each zone (Indonesia has no daylight saving).
TZ_OFFSET_HOURS = {"WIB": 7, "WITA": 8, "WIT": 9}
AGENCY_KINDS = (
    "kementerian_unit",
    "kanwil",
    "kantor_imigrasi",
    "diskominfo_provinsi",
    "diskominfo_kabupaten",
    "diskominfo_kota",
    "rsud",
    "dinas_kesehatan",
    "dinas_dukcapil",
    "bpbd",
    "lembaga",
)
PROFILE_TYPES = ("page", "personal")
SCCT_CLUSTERS = ("victim", "accidental", "preventable")

STRING = pd.StringDtype()
INT = "Int64"
FLOAT = "float64"
BOOL = "boolean"
TIMESTAMP = pd.DatetimeTZDtype(unit="ns", tz="UTC")
DATE = "datetime64[ns]"


@dataclass(frozen=True)
class Column:
    """One column of a canonical table."""

    name: str
    type: str  # string | category | int | float | bool | timestamp | date
    meaning: str
    unit: str = ""
    required: bool = True  # False: may be absent from a source; filled with NA
    nullable: bool = True
    values: tuple[str, ...] = ()  # vocabulary of a category column
    # "handle": a handle, stored lowercase without '@' (conform normalises it with
    # labkit.values.normalize_handle); "url": a link (as typed, https:// added by the forms)
    kind: str = ""

    def dtype(self):
        if self.type == "category":
            return pd.CategoricalDtype(list(self.values))
        return {
            "string": STRING,
            "int": INT,
            "float": FLOAT,
            "bool": BOOL,
            "timestamp": TIMESTAMP,
            "date": DATE,
        }[self.type]


@dataclass(frozen=True)
class Table:
    """A canonical table: its name, meaning, key and columns."""

    name: str
    meaning: str
    key: tuple[str, ...]
    columns: tuple[Column, ...]
    ground_truth: bool = False
    extra: dict = field(default_factory=dict)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)


def _c(name, type_, meaning, unit="", **kw) -> Column:
    return Column(name, type_, meaning, unit, **kw)


PLATFORM = _c("platform", "category", "Platform of the account", values=PLATFORMS, nullable=False)
ACCOUNT = _c(
    "account",
    "string",
    "Handle in lowercase without '@'; with platform, the key of an account",
    nullable=False,
    kind="handle",
)
TZ = _c(
    "tz",
    "category",
    "Local time zone of the account's agency",
    values=tuple(TIMEZONES),
    nullable=False,
)

TABLES: dict[str, Table] = {}


def _table(t: Table) -> Table:
    TABLES[t.name] = t
    return t


AGENCIES = _table(
    Table(
        "agencies",
        "Fictional government agencies whose accounts the lab studies",
        ("agency_id",),
        (
            _c("agency_id", "string", "Agency identifier", nullable=False),
            _c("name", "string", "Full agency name (Indonesian)", nullable=False),
            _c("short_name", "string", "Short name or acronym used in handles"),
            _c("kind", "category", "Kind of agency", values=AGENCY_KINDS),
            _c("region", "string", "Province / regency / city the agency serves"),
            TZ,
            _c("website", "string", "Official website URL", kind="url"),
            _c("official_email", "string", "Official contact e-mail (kept: not personal data)"),
            _c(
                "official_phone",
                "string",
                "Official contact / WhatsApp number (kept: not personal data)",
            ),
        ),
    )
)

ACCOUNTS = _table(
    Table(
        "accounts",
        "Official social media accounts of the agencies (the account inventory)",
        ("platform", "account"),
        (
            PLATFORM,
            ACCOUNT,
            _c("agency_id", "string", "Agency running the account", nullable=False),
            _c(
                "unit",
                "string",
                "Unit within the agency running it (e.g. 'Humas', 'Layanan Paspor')",
            ),
            _c("display_name", "string", "Display name shown on the profile"),
            _c("bio", "string", "Profile bio text; NA or empty when missing"),
            _c("link", "string", "Link in the profile; NA when missing", kind="url"),
            _c(
                "contact",
                "string",
                "Contact channel given on the profile (phone, e-mail, LAPOR!); NA when missing",
            ),
            _c("verified", "bool", "Has the platform's verification badge"),
            _c(
                "profile_type",
                "category",
                "Page (organisation) or personal profile",
                values=PROFILE_TYPES,
            ),
            _c("created_at", "timestamp", "When the account was created", "UTC"),
            _c(
                "followers",
                "int",
                "Followers / subscribers at the end of the data period",
                "accounts",
            ),
            TZ,
        ),
    )
)

POSTS = _table(
    Table(
        "posts",
        "Posts published by the accounts, with lifetime metrics as of the export (canonical post table)",
        ("platform", "post_id"),
        (
            PLATFORM,
            ACCOUNT,
            _c("post_id", "string", "Platform's post id, as text", nullable=False),
            _c("published_at", "timestamp", "When the post was published", "UTC", nullable=False),
            _c("text", "string", "Caption / post text"),
            _c("content_type", "category", "Kind of content", values=CONTENT_TYPES),
            _c("url", "string", "Permalink", kind="url"),
            _c(
                "impressions",
                "int",
                "Times shown (NA where the platform does not report it)",
                "impressions",
            ),
            _c("reach", "int", "Unique accounts reached", "accounts"),
            _c("views", "int", "Video or content views", "views"),
            _c("likes", "int", "Likes; reactions on Facebook", "likes"),
            _c(
                "comments", "int", "Comments; replies on X; 'comments added' on YouTube", "comments"
            ),
            _c("shares", "int", "Shares; reposts on X", "shares"),
            _c("saves", "int", "Saves; bookmarks on X", "saves"),
            _c(
                "has_alt_text",
                "bool",
                "Image has alt text (NA for non-image posts or where unknown)",
                required=False,
            ),
            _c(
                "has_captions",
                "bool",
                "Video has captions/subtitles (NA for non-video posts or where unknown)",
                required=False,
            ),
        ),
    )
)

FOLLOWERS = _table(
    Table(
        "followers",
        "Daily follower count per account",
        ("platform", "account", "date"),
        (
            PLATFORM,
            ACCOUNT,
            _c("date", "date", "Local calendar day", nullable=False),
            _c("followers", "int", "Followers at the end of the day", "accounts"),
        ),
    )
)

ACCOUNT_DAILY = _table(
    Table(
        "account_daily",
        "Daily account-level metrics read from platform exports (long format: one metric per row)",
        ("platform", "account", "date", "metric"),
        (
            PLATFORM,
            ACCOUNT,
            _c("date", "date", "Local calendar day", nullable=False),
            _c(
                "metric",
                "string",
                "Metric name as read, in snake case (views, reach, profile_views, follows, ...)",
                nullable=False,
            ),
            _c("value", "float", "Value of the metric on that day", "as the metric"),
        ),
    )
)

COMMENTS = _table(
    Table(
        "comments",
        "Comments by citizens on the accounts' posts, and whether the agency replied",
        ("platform", "comment_id"),
        (
            PLATFORM,
            ACCOUNT,
            _c("post_id", "string", "Post commented on", nullable=False),
            _c("comment_id", "string", "Comment id, as text", nullable=False),
            _c(
                "author",
                "string",
                "Commenter's handle (pseudonymised when masking is on)",
                kind="handle",
            ),
            _c("created_at", "timestamp", "When the comment was written", "UTC", nullable=False),
            _c("text", "string", "Comment text (personal data masked when masking is on)"),
            _c("likes", "int", "Likes on the comment", "likes", required=False),
            _c(
                "replied_at",
                "timestamp",
                "First reply by the agency; NA if never replied",
                "UTC",
                required=False,
            ),
        ),
    )
)

SEARCH_RESULTS = _table(
    Table(
        "search_results",
        "Accounts found by searching each platform for an agency's name (impostors hide here)",
        ("platform", "account"),
        (
            PLATFORM,
            ACCOUNT,
            _c("display_name", "string", "Display name shown on the profile"),
            _c("query_agency_id", "string", "Agency whose name was searched"),
            _c("followers", "int", "Followers", "accounts"),
            _c("created_at", "timestamp", "When the account was created", "UTC"),
            _c("verified", "bool", "Has the verification badge"),
        ),
    )
)

# ---- ground truth: read by tests and exercise checks only, never by analysis modules ----

TRUTH_ACCOUNT_DEFECTS = _table(
    Table(
        "truth_account_defects",
        "Ground truth: audit defects planted in the accounts",
        ("platform", "account", "defect"),
        (
            PLATFORM,
            ACCOUNT,
            _c("agency_id", "string", "Agency"),
            _c(
                "defect",
                "string",
                "inactive | dormant | missing_bio | missing_link | missing_contact | personal_profile | inconsistent_name | duplicate_account",
                nullable=False,
            ),
            _c("detail", "string", "What exactly was planted"),
        ),
        ground_truth=True,
    )
)

TRUTH_IMPOSTORS = _table(
    Table(
        "truth_impostors",
        "Ground truth: which search results are impostors of which official account",
        ("platform", "candidate"),
        (
            PLATFORM,
            _c("candidate", "string", "Impostor handle", nullable=False, kind="handle"),
            _c("official", "string", "Official handle imitated", nullable=False, kind="handle"),
            _c("style", "string", "separator | added_word | digits | confusable", nullable=False),
        ),
        ground_truth=True,
    )
)

TRUTH_FOLLOWER_JUMPS = _table(
    Table(
        "truth_follower_jumps",
        "Ground truth: planted jumps in follower series (bought vs organic viral)",
        ("platform", "account", "date"),
        (
            PLATFORM,
            ACCOUNT,
            _c("date", "date", "Day of the jump", nullable=False),
            _c("kind", "string", "bought | viral", nullable=False),
            _c("gain", "int", "Followers added on the day", "accounts"),
        ),
        ground_truth=True,
    )
)

TRUTH_CRISES = _table(
    Table(
        "truth_crises",
        "Ground truth: crisis episodes planted in the comments",
        ("episode_id",),
        (
            _c("episode_id", "string", "Episode id", nullable=False),
            _c("agency_id", "string", "Agency in crisis"),
            _c("platform", "category", "Platform where it shows first", values=PLATFORMS),
            _c("account", "string", "Account where it shows first", kind="handle"),
            _c("onset_at", "timestamp", "Onset of the crisis", "UTC", nullable=False),
            _c("peak_at", "timestamp", "Peak of comment volume", "UTC"),
            _c("end_at", "timestamp", "When comment volume is back to normal", "UTC"),
            _c("cause", "string", "What happened (Indonesian)"),
            _c("scct_type", "string", "SCCT crisis type (e.g. technical-error accident, rumour)"),
            _c("scct_cluster", "category", "SCCT cluster", values=SCCT_CLUSTERS),
            _c("keywords", "string", "Words that mark the episode's comments, separated by '|'"),
        ),
        ground_truth=True,
    )
)

TRUTH_COMMENTS = _table(
    Table(
        "truth_comments",
        "Ground truth: the generator's label of every comment",
        ("platform", "comment_id"),
        (
            PLATFORM,
            _c("comment_id", "string", "Comment id", nullable=False),
            _c(
                "kind",
                "string",
                "question | complaint | praise | neutral | troll | bot | hoax | crisis",
                nullable=False,
            ),
            _c("bot_ring", "bool", "Part of the coordinated copy-paste ring"),
            _c("episode_id", "string", "Crisis episode, if any"),
            _c(
                "pii",
                "string",
                "Planted personal data types, '|'-separated (nik|phone|email|handle); empty if none",
            ),
            _c("pii_values", "string", "The exact planted personal-data strings, '|'-separated"),
            _c("colloquial", "bool", "Contains a colloquial / slang form"),
        ),
        ground_truth=True,
    )
)

TRUTH_POSTS = _table(
    Table(
        "truth_posts",
        "Ground truth: the topic the generator wrote each post about",
        ("platform", "post_id"),
        (
            PLATFORM,
            _c("post_id", "string", "Post id", nullable=False),
            _c("topic", "string", "Topic id", nullable=False),
        ),
        ground_truth=True,
    )
)


def table(name: str) -> Table:
    """Return the definition of table ``name`` (LabkitError if unknown)."""
    try:
        return TABLES[name]
    except KeyError:
        raise SchemaError("schema.unknown_table", name=name, known=", ".join(TABLES)) from None


def from_arrow(data: pa.Table | pa.Array | pa.ChunkedArray) -> pd.DataFrame | pd.Series:
    """An Arrow table or column as pandas, its texts as the schema's :data:`STRING` dtype.

    Arrow-backed, so the texts are not copied into Python strings (the one conversion
    every reader of Parquet files and exports uses).
    """
    return data.to_pandas(types_mapper=_ARROW_STRINGS.get)


_ARROW_STRINGS = {pa.string(): STRING, pa.large_string(): STRING}


def empty(name: str) -> pd.DataFrame:
    """A canonical table ``name`` with no rows and the right dtypes."""
    t = table(name)
    return pd.DataFrame({c.name: pd.Series([], dtype=c.dtype()) for c in t.columns})


def _bad_value(name: str, c: Column, source: str, row: int, value, fix: str) -> SchemaError:
    """The error for one bad cell: table, row (from 1), column, value and the fix."""
    return SchemaError(
        "schema.bad_value",
        table=name,
        column=c.name,
        row=row,
        value=str(value)[:80],
        type=c.type,
        fix=fix,
        source=source,
    )


def _first_unreadable(s: pd.Series, read) -> int | None:
    """Position of the first non-blank value ``read`` cannot take (each distinct value tried once)."""
    codes, uniques = pd.factorize(s.to_numpy(dtype=object), use_na_sentinel=True)
    bad = []
    for k, v in enumerate(uniques):
        if values.is_blank(v):
            continue
        try:
            read(v)
        except (ValueError, TypeError, OverflowError):
            bad.append(k)
    if not bad:
        return None
    return int(np.isin(codes, bad).argmax())


def _to_timestamp(s: pd.Series, col: str, name: str) -> pd.Series:
    if isinstance(s.dtype, pd.DatetimeTZDtype):
        return s.dt.tz_convert("UTC").astype(TIMESTAMP)
    if pd.api.types.is_datetime64_dtype(s.dtype):
        raise SchemaError("schema.naive_timestamp", table=name, column=col)
    if s.isna().all():
        return pd.Series(pd.NaT, index=s.index, dtype=TIMESTAMP)
    return pd.to_datetime(s, utc=True).astype(TIMESTAMP)


def _coerce(s: pd.Series, c: Column, name: str, source: str) -> pd.Series:
    """One column given its canonical type; the one place where values are read."""
    if c.type == "bool":
        try:
            return values.parse_bools(s)
        except values.ValueParseError as bad:
            raise _bad_value(name, c, source, bad.index + 1, bad.value, i18n.t(bad.fix)) from None
    if c.type == "int":
        try:
            return values.parse_counts(s)
        except values.ValueParseError as bad:
            raise _bad_value(name, c, source, bad.index + 1, bad.value, i18n.t(bad.fix)) from None
    if c.type == "category":
        if not (isinstance(s.dtype, pd.CategoricalDtype) and s.dtype == c.dtype()):
            s = s.astype("string")
        bad = s.notna() & ~s.isin(c.values)
        if bad.any():
            row = int(bad.to_numpy().argmax())
            raise SchemaError(
                "schema.bad_category_at",
                table=name,
                column=c.name,
                row=row + 1,
                value=s.iloc[row],
                allowed=", ".join(c.values),
                source=source,
            )
        return s.astype(c.dtype())
    if c.type == "string":
        s = s.astype(STRING)
        return values.normalize_handles(s) if c.kind == "handle" else s
    try:
        if c.type == "timestamp":
            return _to_timestamp(s, c.name, name)
        if c.type == "date":
            return pd.to_datetime(s).dt.normalize().astype(DATE)
        return s.astype(c.dtype())
    except SchemaError:
        raise
    except (ValueError, TypeError, OverflowError) as exc:
        read = {
            "timestamp": lambda v: pd.Timestamp(v),
            "date": lambda v: pd.Timestamp(v),
            "float": float,
        }.get(c.type)
        row = _first_unreadable(s, read) if read else None
        if row is not None:
            fix = i18n.t(f"schema.fix_{c.type}")
            raise _bad_value(name, c, source, row + 1, s.iloc[row], fix) from exc
        raise SchemaError(
            "schema.bad_type",
            table=name,
            column=c.name,
            type=c.type,
            reason=str(exc)[:200],
            source=source,
        ) from exc


def conform(
    df: pd.DataFrame,
    name: str,
    *,
    source: str = "",
    partial: bool = False,
    columns: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Return ``df`` as canonical table ``name``: its columns, in order, typed.

    This is the one coercion gate of every canonical table: handles are
    normalised (lowercase, without ``@``), yes/no answers read with the one
    vocabulary and text counts with the one count grammar of
    :mod:`labkit.values`. Optional columns that ``df`` lacks are added as
    missing values; columns the schema does not know are kept, after the
    canonical ones.

    ``partial=True`` types only the canonical columns ``df`` has, keeps the
    columns in ``df``'s order and leaves the checks of required columns and
    empty keys to the caller (the audit accepts an inventory with the columns
    its rubric needs).

    ``columns`` narrows the table to these canonical columns (a load that reads
    only what an analysis needs, :func:`labkit.data.load`): the result has them
    in this order, with the same checks, and no other column.

    Raises
    ------
    SchemaError
        If a required column is missing, or a value cannot take the column's
        type. The message names the table, the source, the column, the row
        (the row's position in ``df``, counted from 1), the value and the fix.
    """
    t = table(name)
    src = source or "-"
    if partial:
        known = set(t.names)
        typed = {
            col: _coerce(df[col], t.column(col), name, src) if col in known else df[col]
            for col in df.columns
        }
        result = pd.DataFrame(typed, index=df.index, copy=False).reset_index(drop=True)
        result.attrs.update(df.attrs)
        return result
    unknown = [col for col in columns or () if col not in t.names]
    if unknown:
        raise SchemaError(
            "schema.unknown_columns",
            table=name,
            columns=", ".join(unknown),
            known=", ".join(t.names),
        )
    chosen = t.columns if columns is None else [t.column(col) for col in columns]
    missing = [c.name for c in chosen if c.required and c.name not in df.columns]
    if missing:
        raise SchemaError(
            "schema.missing_columns", table=name, columns=", ".join(missing), source=src
        )
    out = {}
    for c in chosen:
        if c.name not in df.columns:
            out[c.name] = (
                pd.Series(pd.NA, index=df.index, dtype=c.dtype())
                if c.type != "timestamp"
                else pd.Series(pd.NaT, index=df.index, dtype=TIMESTAMP)
            )
            continue
        s = _coerce(df[c.name], c, name, src)
        if not c.nullable:
            empty = s.isna()
            if c.kind == "handle":
                empty = empty | (s == "")
            if empty.any():
                row = int(empty.to_numpy().argmax())
                raise SchemaError(
                    "schema.null_in_key", table=name, column=c.name, row=row + 1, source=src
                )
        out[c.name] = s
    result = pd.DataFrame(out, index=df.index, copy=False)
    extra = [col for col in df.columns if col not in out] if columns is None else []
    for col in extra:
        result[col] = df[col]
    result = result.reset_index(drop=True)
    result.attrs.update(df.attrs)
    return result


def validate(df: pd.DataFrame, name: str) -> None:
    """Raise SchemaError unless ``df`` already is canonical table ``name``."""
    t = table(name)
    missing = [c.name for c in t.columns if c.name not in df.columns]
    if missing:
        raise SchemaError(
            "schema.missing_columns", table=name, columns=", ".join(missing), source="-"
        )
    for c in t.columns:
        got = df[c.name].dtype
        want = c.dtype()
        if c.type == "timestamp":
            ok = isinstance(got, pd.DatetimeTZDtype) and str(got.tz) == "UTC"
        elif c.type == "date":
            ok = pd.api.types.is_datetime64_dtype(got) and not isinstance(got, pd.DatetimeTZDtype)
        elif c.type == "category":
            ok = isinstance(got, pd.CategoricalDtype) and list(got.categories) == list(c.values)
        elif c.type == "string":
            ok = isinstance(got, pd.StringDtype)
        else:
            ok = str(got) == str(want)
        if not ok:
            raise SchemaError(
                "schema.wrong_dtype", table=name, column=c.name, got=str(got), want=str(want)
            )
