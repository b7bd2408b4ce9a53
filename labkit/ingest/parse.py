"""Numbers and dates as platforms and Excel write them, parsed without guessing.

All functions take an Arrow string array (``None`` for an empty cell) and return
an Arrow array; the work is vectorised with :mod:`pyarrow.compute`, so a
million-row export converts in a fraction of a second. A value that cannot be
read raises :class:`~labkit.errors.ExportReadError` naming the file, the row
(as a spreadsheet shows it) and the column.

Counts
    ``12400``, ``"12,400"`` (English), ``12.400`` (Indonesian Excel),
    ``12 400``, and Excel's ``12400.00`` / ``12.400,00``. Counts are whole and
    not negative.
Decimals
    ``0.5``/``0,5``, ``1,234.5``/``1.234,5``, ``12.5%``, durations ``1:02:03``
    (seconds). The decimal mark is given or judged from the values.
Times
    ``%m/%d/%Y %H:%M`` (Meta), ``2024-03-15 18:42 +0000`` (X classic),
    ``Tue, Jul 14, 2026`` (X), ``Sep 26, 2026`` (YouTube), ISO, day-first
    ``14/07/2026 21.00`` (Excel, Indonesian), English and Indonesian month
    names. Day/month order: see :func:`parse_times`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from labkit import errors, values
from labkit.errors import ExportReadError
from labkit.values import count_true, first_true

ArrayLike = pa.Array | pa.ChunkedArray


@dataclass(frozen=True)
class Where:
    """Where values come from, for messages: file, column, spreadsheet rows."""

    file: str
    column: str
    rows: np.ndarray | None = None  # spreadsheet row number of each value

    def row(self, i: int) -> int:
        return int(self.rows[i]) if self.rows is not None else i + 2


def _array(values: ArrayLike) -> pa.Array:
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks() if values.num_chunks != 1 else values.chunk(0)
    if not pa.types.is_string(values.type) and not pa.types.is_large_string(values.type):
        values = pc.cast(values, pa.string())
    return values


def _raise_first(mask: pa.Array, key: str, where: Where, values: ArrayLike) -> None:
    """Raise ``key`` naming the first row where ``mask`` is true (and how many are); else nothing."""
    i = first_true(mask)
    if i is not None:
        raise ExportReadError(
            key,
            file=where.file,
            row=where.row(i),
            column=where.column,
            value=_short(_array(values)[i].as_py()),
            n=count_true(mask),
        )


_blank_to_null = values.blank_to_null
_SPACES = "[ \u00a0\u202f]"

# --------------------------------------------------------------------------------------
# counts
# --------------------------------------------------------------------------------------

#: the key of the importers' message for each fix of :mod:`labkit.values`' count grammar
_COUNT_KEYS = {
    "values.fix_count": "ingest.not_a_number",
    "values.fix_negative_count": "ingest.negative_count",
    "values.fix_count_too_large": "ingest.count_too_large",
}


def parse_counts(values_: ArrayLike, where: Where, *, signed: bool = False) -> pa.Array:
    """Read whole-number counts (``int64``; null where the cell is empty).

    The grammar is :mod:`labkit.values`' (one grammar for every reader): plain
    digits; thousands grouped with ``,`` ``.`` or a space (each group of three
    digits), with an optional ``.00``/``,00`` that Excel adds; or a number with
    a suffix (``12,4 rb``, ``1.2K``, ``3 jt``). ``signed=True`` allows a leading
    minus (daily follower changes).

    Raises
    ------
    ExportReadError
        ``ingest.negative_count`` for a negative count, ``ingest.count_too_large``
        beyond 18 digits, ``ingest.not_a_number`` for anything else that is not
        a whole number; each names the row.
    """
    try:
        return values.count_array(values_, signed=signed)
    except values.ValueParseError as bad:
        raise ExportReadError(
            _COUNT_KEYS[bad.fix],
            file=where.file,
            row=where.row(bad.index),
            column=where.column,
            value=_short(bad.value),
            n=bad.n,
        ) from None


def try_int(arr: pa.Array) -> pa.Array | None:
    """Cast digit-only text to int64, or None (a failing Arrow cast is slow: check first)."""
    return values.digits_to_int(arr)


def _short(value: object, limit: int = 60) -> str:
    text = str(value).replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


# --------------------------------------------------------------------------------------
# decimals
# --------------------------------------------------------------------------------------

_DURATION_RE = r"^(?P<h>\d+):(?P<m>[0-5]?\d):(?P<s>[0-5]?\d(?:[.,]\d+)?)$"
_HMS_RE = r"^(?:(?P<h>\d+)h)?\s*(?:(?P<m>\d+)m)?\s*(?:(?P<s>\d+(?:[.,]\d+)?)s)?$"


def guess_decimal(values: ArrayLike, default: str = ".") -> str:
    """The decimal mark (``"."`` or ``","``) the values use; ``default`` if they cannot tell.

    ``0,5`` or ``1.234,5`` -> ``","``; ``0.5`` or ``1,234.5`` -> ``"."``;
    ``1,234`` alone could be either and leaves the default.
    """
    s = _array(values)
    comma_dec = r"(?:^|[^\d])\d*,\d{1,2}$|,\d{4,}$|\.\d{3},\d+$"
    dot_dec = r"(?:^|[^\d])\d*\.\d{1,2}$|\.\d{4,}$|,\d{3}\.\d+$"
    c = pc.any(pc.match_substring_regex(s, comma_dec)).as_py() or False
    d = pc.any(pc.match_substring_regex(s, dot_dec)).as_py() or False
    if c and not d:
        return ","
    if d and not c:
        return "."
    return default


def parse_floats(values: ArrayLike, where: Where, *, decimal: str | None = None) -> pa.Array:
    """Read decimal numbers (``float64``): rates, percentages, hours, durations.

    ``decimal`` is the decimal mark (``"."`` or ``","``); ``None`` judges it
    from the values (:func:`guess_decimal`, default ``"."``). A trailing ``%``
    is dropped (the number stays in percent). ``H:MM:SS`` and ``1h 5m 30s``
    durations become seconds.

    Raises
    ------
    ExportReadError
        ``ingest.not_a_decimal`` naming the first bad row.
    """
    s = _blank_to_null(_array(values))
    if decimal is None:
        decimal = guess_decimal(s)
    thousands = "," if decimal == "." else "."
    out = pa.nulls(len(s), pa.float64())
    # durations first: H:MM:SS and 1h 5m 30s
    for pattern in (_DURATION_RE, _HMS_RE):
        parts = pc.extract_regex(s, pattern)
        hit = pc.is_valid(parts)
        if pc.any(hit).as_py():
            secs = pa.array(np.zeros(len(s)))
            for name, factor in (("h", 3600.0), ("m", 60.0), ("s", 1.0)):
                comp = pc.struct_field(parts, name)
                comp = pc.replace_substring(comp, ",", ".")
                comp = pc.if_else(pc.equal(comp, ""), None, comp)
                num = pc.fill_null(pc.cast(comp, pa.float64()), 0.0)
                secs = pc.add(secs, pc.multiply(num, factor))
            out = pc.if_else(hit, secs, out)
            s = pc.if_else(hit, None, s)
    x = pc.replace_substring_regex(s, r"\s*%$", "")
    x = pc.replace_substring_regex(x, _SPACES, "")
    x = pc.replace_substring(x, "\u2212", "-")
    pattern = (
        r"^[-+]?(?:\d+|\d{1,3}(?:"
        + _re_escape(thousands)
        + r"\d{3})+)(?:"
        + _re_escape(decimal)
        + r"\d+)?$|^[-+]?"
        + _re_escape(decimal)
        + r"\d+$"
    )
    ok = pc.match_substring_regex(x, pattern)
    ok = pc.or_(ok, pc.match_substring_regex(x, r"^[-+]?\d+(?:\.\d+)?[eE][-+]?\d+$"))
    bad = pc.and_(pc.is_valid(x), pc.invert(pc.fill_null(ok, False)))
    _raise_first(bad, "ingest.not_a_decimal", where, values)
    x = pc.replace_substring(x, thousands, "")
    if decimal == ",":
        x = pc.replace_substring(x, ",", ".")
    nums = pc.cast(x, pa.float64())
    _raise_first(pc.invert(pc.is_finite(nums)), "ingest.not_a_decimal", where, values)  # 1e999
    return pc.if_else(pc.is_valid(nums), nums, out)


def _re_escape(ch: str) -> str:
    return "\\" + ch if ch in ".^$*+?()[]{}|\\" else ch


# --------------------------------------------------------------------------------------
# times
# --------------------------------------------------------------------------------------

MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    (
        ("january", "jan", "januari"),
        ("february", "feb", "februari", "peb", "pebruari"),
        ("march", "mar", "maret"),
        ("april", "apr"),
        ("may", "mei"),
        ("june", "jun", "juni"),
        ("july", "jul", "juli"),
        ("august", "aug", "agustus", "agu", "agt", "ags"),
        ("september", "sep", "sept"),
        ("october", "oct", "oktober", "okt"),
        ("november", "nov", "nop", "nopember"),
        ("december", "dec", "desember", "des"),
    ),
    start=1,
):
    for _n in _names:
        MONTHS[_n] = _i

_TIME = (
    r"(?:[ T,]+(?P<H>\d{1,2})[:.](?P<M>\d{2})(?:[:.](?P<S>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?)?"
)
_OFFSET = r"\s*(?P<tz>Z|UTC|GMT|[+-]\d{2}:?\d{2})?"
_ISO_RE = r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})" + _TIME + _OFFSET + "$"
_NUM_RE = r"^(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<y>\d{4}|\d{2})" + _TIME + _OFFSET + "$"
_WEEKDAY = r"(?:[A-Za-z]+\.?,?\s+)?"
_TEXT_MDY_RE = (
    r"^" + _WEEKDAY + r"(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?"
    r"(?:,?\s+(?P<y>\d{4}))?" + _TIME + _OFFSET + "$"
)
_TEXT_DMY_RE = (
    r"^"
    + _WEEKDAY
    + r"(?P<d>\d{1,2})[\s-]+(?P<mon>[A-Za-z]{3,9})\.?,?[\s-]+(?P<y>\d{4})"
    + _TIME
    + _OFFSET
    + "$"
)

#: How the day/month order of numeric dates was settled (for the import report).
ORDER_LAYOUT = "layout"  # the platform's own order (file looks untouched)
ORDER_DATA = "data"  # a day above 12 settled it
ORDER_ARGUMENT = "argument"  # dayfirst= given
ORDER_ASSUMED = "assumed"  # Excel-touched file that cannot tell: day-first, with a warning


@dataclass
class Times:
    """Result of :func:`parse_times`."""

    values: pa.Array  # timestamp[ns, UTC], or timestamp[ns] (no zone) for dates
    dayfirst: bool | None = None  # order used for numeric dates (None: none seen)
    order: str | None = None  # ORDER_* constant
    date_only: bool = False  # no value had a time of day
    with_offset: int = 0  # values that carried their own UTC offset
    missing_year: int = 0  # values without a year (filled by the caller's `year`)
    notes: list[str] = field(default_factory=list)


def parse_times(
    values: ArrayLike,
    where: Where,
    *,
    tz: str,
    formats: Sequence[str] = (),
    monthfirst_default: bool = True,
    dayfirst: bool | None = None,
    excel_hint: bool = False,
    dates: bool = False,
    year: ArrayLike | int | None = None,
) -> Times:
    """Read publish times or days.

    Parameters
    ----------
    values : Arrow string array
        The column as text.
    where : Where
        File/column/rows for messages.
    tz : str
        Zone of naive times (``"Asia/Jakarta"``). Values with their own offset
        (``+0000``, ``Z``) keep it.
    formats : sequence of str
        The platform's own ``strftime`` formats, tried first (fast path).
    monthfirst_default : bool
        The platform's order for numeric dates (Meta: month first). Used when
        the file looks untouched and its values cannot tell.
    dayfirst : bool, optional
        Force the order of numeric dates (``True``: 14/07/2026).
    excel_hint : bool
        The file went through Excel in a local (Indonesian) setting: numeric
        dates are then expected day-first, but only a day above 12 settles it;
        when the values cannot tell, they are read day-first with a
        LabkitWarning (``ingest.dayfirst_assumed``) naming ``dayfirst=``.
    dates : bool
        Return calendar days (``timestamp[ns]`` without zone, at midnight)
        instead of instants.
    year : int or array, optional
        Year of values written without one (TikTok ``August 31``); without it
        such values are an error.

    Raises
    ------
    ExportReadError
        ``ingest.bad_date`` (a value that is no date, or an impossible one),
        ``ingest.mixed_date_order`` (some values day-first, others month-first).
    """
    raw = _array(values)
    # ---- fast path: the platform's own formats, whole column at once
    if dayfirst is None and not excel_hint and year is None:
        for fmt in formats:
            if "%z" in fmt:
                continue
            parsed = pc.strptime(raw, format=fmt, unit="s", error_is_null=True)
            if parsed.null_count == raw.null_count and _plausible(parsed, raw, fmt, where, tz):
                only_date = not any(c in fmt for c in ("%H", "%M", "%I"))
                order = None
                df_ = None
                numeric = "%m" in fmt and "%d" in fmt and not fmt.startswith("%Y")
                if numeric and "%b" not in fmt and "%B" not in fmt:
                    order = ORDER_LAYOUT
                    df_ = fmt.index("%d") < fmt.index("%m")
                return Times(
                    _finish(parsed, None, tz, dates),
                    dayfirst=df_,
                    order=order,
                    date_only=only_date,
                )
    arr = _blank_to_null(raw)
    return _parse_general(arr, where, tz, monthfirst_default, dayfirst, excel_hint, dates, year)


def _plausible(parsed: pa.Array, raw: pa.Array, fmt: str, where: Where, tz: str) -> bool:
    """Check a fast-path parse: Arrow's strptime takes '25' for the year 0025 and
    rolls 02/30 over to 03/02. Such values go through the careful path, which
    reads two-digit years and rejects impossible days naming the row."""
    if parsed.null_count == len(parsed):
        return True
    low = pc.min(pc.year(parsed)).as_py()
    if low is not None and low < 1900:
        return False
    # a rolled-over day lands on 1-3 March, or on the 1st after a 30-day month
    day, month = pc.day(parsed), pc.month(parsed)
    suspicious = pc.or_(
        pc.and_(pc.equal(month, 3), pc.less_equal(day, 3)),
        pc.and_(pc.is_in(month, value_set=pa.array([5, 7, 10, 12])), pc.equal(day, 1)),
    )
    suspicious = pc.fill_null(suspicious, False)
    if pc.any(suspicious).as_py():
        idx = np.flatnonzero(suspicious.to_numpy(zero_copy_only=False))
        sub_raw = pc.take(raw, pa.array(idx))
        same = pc.equal(pc.strftime(pc.take(parsed, pa.array(idx)), format=fmt), sub_raw)
        idx = idx[~pc.fill_null(same, False).to_numpy(zero_copy_only=False)]
        if len(idx):  # written differently (no zero padding...): check them carefully
            order = None
            if "%d" in fmt and "%m" in fmt:
                order = fmt.index("%d") < fmt.index("%m")
            rows = where.rows[idx] if where.rows is not None else idx + 2
            sub = _blank_to_null(pc.take(raw, pa.array(idx)))
            _parse_general(
                sub, Where(where.file, where.column, rows), tz, True, order, False, False, None
            )
    return True


def _text_field(parts: pa.Array, name: str) -> pa.Array:
    """A regex group as text; null where the group did not take part."""
    comp = pc.struct_field(parts, name)
    return pc.if_else(pc.equal(comp, ""), None, comp)


def _ints(parts: pa.Array, name: str) -> pa.Array:
    comp = pc.struct_field(parts, name)
    comp = pc.if_else(pc.equal(comp, ""), None, comp)
    return pc.cast(comp, pa.int64())


def _parse_general(arr, where, tz, monthfirst_default, dayfirst, excel_hint, dates, year) -> Times:
    n = len(arr)
    y = pa.nulls(n, pa.int64())
    m = pa.nulls(n, pa.int64())
    d = pa.nulls(n, pa.int64())
    hh = pa.nulls(n, pa.int64())
    mm = pa.nulls(n, pa.int64())
    ss = pa.nulls(n, pa.int64())
    ampm = pa.nulls(n, pa.string())
    off = pa.nulls(n, pa.string())
    matched = pa.array(np.zeros(n, dtype=bool))
    result = Times(pa.nulls(n, pa.timestamp("ns", "UTC")))

    def take(parts, yv, mv, dv):
        nonlocal y, m, d, hh, mm, ss, ampm, off, matched
        hit = pc.and_(pc.is_valid(parts), pc.invert(matched))
        y = pc.if_else(hit, yv, y)
        m = pc.if_else(hit, mv, m)
        d = pc.if_else(hit, dv, d)
        hh = pc.if_else(hit, _ints(parts, "H"), hh)
        mm = pc.if_else(hit, _ints(parts, "M"), mm)
        ss = pc.if_else(hit, _ints(parts, "S"), ss)
        ampm = pc.if_else(hit, _text_field(parts, "ampm"), ampm)
        off = pc.if_else(hit, _text_field(parts, "tz"), off)
        matched = pc.or_(matched, pc.fill_null(hit, False))
        return hit

    # ISO (unambiguous)
    iso = pc.extract_regex(arr, _ISO_RE)
    take(iso, _ints(iso, "y"), _ints(iso, "m"), _ints(iso, "d"))
    # text months (unambiguous)
    for pattern in (_TEXT_MDY_RE, _TEXT_DMY_RE):
        parts = pc.extract_regex(arr, pattern)
        if not pc.any(pc.is_valid(parts)).as_py():
            continue
        names = pc.utf8_lower(pc.struct_field(parts, "mon"))
        keys = pa.array(list(MONTHS))
        idx = pc.index_in(names, value_set=keys)
        months = pc.take(pa.array(list(MONTHS.values()), pa.int64()), idx)
        parts = pc.if_else(pc.is_valid(months), parts, pa.nulls(n, parts.type))
        take(parts, _ints(parts, "y"), months, _ints(parts, "d"))
    # numeric day/month (order to settle)
    num = pc.extract_regex(arr, _NUM_RE)
    num = pc.if_else(pc.invert(matched), num, pa.nulls(n, num.type))
    has_num = pc.any(pc.is_valid(num)).as_py() or False
    if has_num:
        a = _ints(num, "a")
        b = _ints(num, "b")
        order_first = dayfirst
        if dayfirst is not None:
            result.order = ORDER_ARGUMENT
        else:
            a_day = pc.fill_null(pc.greater(a, 12), False)
            b_day = pc.fill_null(pc.greater(b, 12), False)
            ia, ib = first_true(a_day), first_true(b_day)
            if ia is not None and ib is not None:
                raise ExportReadError(
                    "ingest.mixed_date_order",
                    file=where.file,
                    column=where.column,
                    row_a=where.row(ia),
                    value_a=arr[ia].as_py(),
                    row_b=where.row(ib),
                    value_b=arr[ib].as_py(),
                )
            if ia is not None:
                order_first, result.order = True, ORDER_DATA
            elif ib is not None:
                order_first, result.order = False, ORDER_DATA
            elif excel_hint:
                order_first, result.order = True, ORDER_ASSUMED
                i = first_true(pc.is_valid(num))
                errors.warn(
                    "ingest.dayfirst_assumed",
                    stacklevel=4,
                    file=where.file,
                    column=where.column,
                    value=arr[i].as_py(),
                    row=where.row(i),
                )
            else:
                order_first, result.order = not monthfirst_default, ORDER_LAYOUT
        result.dayfirst = order_first
        yy = _ints(num, "y")
        yy = pc.if_else(pc.less(yy, 100), pc.add(yy, 2000), yy)
        take(num, yy, b if order_first else a, a if order_first else b)
    # anything left is not a date we know
    _raise_first(pc.and_(pc.is_valid(arr), pc.invert(matched)), "ingest.bad_date", where, arr)
    # year missing (TikTok "August 31")
    no_year = pc.and_(pc.is_valid(arr), pc.is_null(y))
    result.missing_year = count_true(no_year)
    if result.missing_year:
        if year is None:
            _raise_first(no_year, "ingest.bad_date", where, arr)
        yfill = pa.array(np.full(n, year), pa.int64()) if isinstance(year, int) else year
        y = pc.if_else(no_year, yfill, y)
    # 12-hour clock
    pm = pc.fill_null(pc.match_substring_regex(ampm, "^[Pp]"), False)
    am = pc.fill_null(pc.match_substring_regex(ampm, "^[Aa]"), False)
    hh = pc.if_else(pc.and_(pm, pc.less(hh, 12)), pc.add(hh, 12), hh)
    hh = pc.if_else(pc.and_(am, pc.equal(hh, 12)), 0, hh)
    result.date_only = not (pc.any(pc.is_valid(hh)).as_py() or False)
    # build ISO text and let Arrow validate the calendar (Feb 30 -> null)
    iso_txt = pc.binary_join_element_wise(
        _pad(y, 4),
        "-",
        _pad(m, 2),
        "-",
        _pad(d, 2),
        " ",
        _pad(pc.fill_null(hh, 0), 2),
        ":",
        _pad(pc.fill_null(mm, 0), 2),
        ":",
        _pad(pc.fill_null(ss, 0), 2),
        "",
    )
    parsed = pc.strptime(iso_txt, format="%Y-%m-%d %H:%M:%S", unit="s", error_is_null=True)
    # Arrow rolls 30 February over to 2 March: compare the parts back
    same = pc.and_(pc.equal(pc.day(parsed), d), pc.equal(pc.month(parsed), m))
    impossible = pc.and_(pc.is_valid(arr), pc.invert(pc.fill_null(same, False)))
    _raise_first(impossible, "ingest.bad_date", where, arr)
    result.with_offset = count_true(pc.is_valid(off))
    result.values = _finish(parsed, off if result.with_offset else None, tz, dates)
    return result


def _pad(values: pa.Array, width: int) -> pa.Array:
    return pc.utf8_lpad(pc.cast(values, pa.string()), width=width, padding="0")


def _offset_seconds(off: pa.Array) -> pa.Array:
    """``+0700``/``+07:00``/``Z`` -> seconds east of UTC (null where no offset)."""
    clean = pc.replace_substring(off, ":", "")
    clean = pc.if_else(pc.is_in(clean, value_set=pa.array(["Z", "UTC", "GMT"])), "+0000", clean)
    parts = pc.extract_regex(clean, r"^(?P<sign>[+-])(?P<h>\d{2})(?P<m>\d{2})$")
    h = pc.cast(pc.struct_field(parts, "h"), pa.int64())
    mi = pc.cast(pc.struct_field(parts, "m"), pa.int64())
    secs = pc.add(pc.multiply(h, 3600), pc.multiply(mi, 60))
    neg = pc.equal(pc.struct_field(parts, "sign"), "-")
    return pc.if_else(neg, pc.negate(secs), secs)


def _finish(parsed: pa.Array, off: pa.Array | None, tz: str, dates: bool) -> pa.Array:
    """Naive seconds (+ optional offsets) -> timestamp[ns, UTC], or naive days."""
    if isinstance(parsed, pa.ChunkedArray):
        parsed = parsed.combine_chunks()
    if dates:
        day = pc.floor_temporal(parsed, unit="day")
        return pc.cast(day, pa.timestamp("ns"))
    local = pc.assume_timezone(parsed, timezone=tz, ambiguous="earliest", nonexistent="earliest")
    utc = pc.cast(pc.cast(local, pa.timestamp("s", "UTC")), pa.timestamp("ns", "UTC"))
    if off is None:
        return utc
    secs = _offset_seconds(off)
    naive_s = pc.cast(pc.cast(parsed, pa.timestamp("s")), pa.int64())
    fixed = pc.subtract(naive_s, secs)
    fixed_ts = pc.cast(pc.cast(fixed, pa.timestamp("s", "UTC")), pa.timestamp("ns", "UTC"))
    return pc.if_else(pc.is_valid(secs), fixed_ts, utc)


def parse_time_strings(
    texts: Sequence[str | None], *, tz: str = "Asia/Jakarta", **kwargs
) -> list[object]:
    """Convenience for tests and notebooks: parse a list of strings, return pandas values."""
    import pandas as pd

    arr = pa.array(list(texts), pa.string())
    res = parse_times(arr, Where("-", "-"), tz=tz, **kwargs)
    return list(pd.Series(res.values.to_pandas()))
