"""How Humas Lab reads one value typed by a person: handles, yes/no answers, counts.

This module is the single owner of these small grammars. The schema's coercion
gate (:func:`labkit.schema.conform`), the importers (:mod:`labkit.ingest.parse`),
the account-inventory templates, the audit and the checklists all call it; none
keeps a copy.

Every parser raises :class:`ValueParseError` (a plain ``ValueError``) carrying
the key of the fix message (``values.fix_bool``...); callers that know the
file, row and column turn it into a :class:`~labkit.errors.LabkitError`. The
vectorised forms (:func:`parse_bools`, :func:`count_array`) read a whole column
with the same grammar and say where the first bad value is (``index``, from 0)
and how many there are (``n``).

The count grammar
-----------------
After trimming (and NFKC, so a no-break space is a space), a count is

* digits, or digits grouped by three with ``,`` ``.`` or a space, used the same
  way throughout (``12400``, ``12,400``, ``12.400``, ``12 400``), optionally
  followed by the ``.00``/``,00`` that Excel adds (``12.400,00``); or
* a number with a suffix: ``rb``/``ribu``/``k`` (thousand), ``jt``/``juta``/``m``
  (million), the number possibly with a decimal mark (``12,4 rb``, ``1.2K``,
  ``3 jt``, ``1,5M``), rounded to a whole count.

A leading minus is allowed only where a count may fall (``signed=True``: daily
changes). Anything else (``1.5``, ``12 34``, ``1,234.5``, ``1e5``) is not a count.

Examples
--------
>>> normalize_handle(" @Humas_Kota ")
'humas_kota'
>>> parse_bool("Sudah"), parse_bool("tidak")
(True, False)
>>> parse_count("12,4 rb"), parse_count("1.2K"), parse_count("12.400")
(12400, 1200, 12400)
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

#: Words read as *yes* and as *no* (compared after :func:`normalize_word`).
YES_WORDS: frozenset[str] = frozenset(
    {"ya", "y", "yes", "true", "1", "benar", "sudah", "ada", "centang", "✓", "✔", "v"}
)
NO_WORDS: frozenset[str] = frozenset(
    {"tidak", "t", "no", "n", "false", "0", "salah", "belum", "tidak ada", "-"}
)

#: Count suffixes: ``12,4 rb`` (ribu), ``1.2K``, ``3 jt`` (juta), ``1.5M``.
COUNT_SUFFIXES: dict[str, int] = {
    "ribu": 1_000,
    "rb": 1_000,
    "k": 1_000,
    "juta": 1_000_000,
    "jt": 1_000_000,
    "m": 1_000_000,
}

#: Cells that exports write for "no value" in a count column (read as missing).
BLANK_MARKS: tuple[str, ...] = ("", "-", "--", "\u2013", "N/A", "n/a")

#: The most digits a count may have (beyond int64 no real count exists).
MAX_COUNT_DIGITS = 18

# One grammar, written once, used by both the scalar (``re``) and the Arrow
# (RE2) readers below: the patterns use only syntax both engines share.
_SP = "[ \u00a0\u202f]"
_PLAIN = (
    r"(?:\d+|\d{1,3}(?:,\d{3})+|\d{1,3}(?:\.\d{3})+|\d{1,3}(?:" + _SP + r"\d{3})+)(?:[.,]0{1,2})?"
)
PLAIN_COUNT_RE = "^" + _PLAIN + "$"
SUFFIX_COUNT_RE = (
    r"^(?P<num>\d+(?:[.,]\d+)?)"
    + _SP
    + "?(?P<suffix>"
    + "|".join(sorted(COUNT_SUFFIXES, key=len, reverse=True))
    + ")$"
)
_SIGN_RE = "^[-+\u2212]" + _SP + "*"
_NEGATIVE_RE = "^[-\u2212]" + _SP + r"*\d"
_EXCEL_ZEROS_RE = r"[.,]0{1,2}$"
_SEPARATORS_RE = r"[.,]|" + _SP


class ValueParseError(ValueError):
    """A value that does not fit its grammar; ``fix`` is the key of the fix message.

    ``index`` is the position (from 0) of the first bad value of a column and
    ``n`` the number of bad values, when a whole column was read.
    """

    def __init__(self, fix: str, value: Any = None, *, index: int = 0, n: int = 1) -> None:
        super().__init__(fix)
        self.fix = fix
        self.value = value
        self.index = index
        self.n = n


def is_blank(value: Any) -> bool:
    """``None``, NA/NaN, or text that is only white space."""
    if value is None:
        return True
    try:
        if pd.isna(value):
            return True
    except (TypeError, ValueError):
        pass
    return isinstance(value, str) and value.strip() == ""


def normalize_word(text: Any) -> str:
    """NFKC, trimmed, lower-case, inner white space folded: how words are compared."""
    return " ".join(unicodedata.normalize("NFKC", str(text)).strip().lower().split())


# ---------------------------------------------------------------------------- handles


def normalize_handle(handle: Any) -> str:
    """``" @Humas_Kota "`` -> ``"humas_kota"``: how handles are stored and compared.

    Returns ``""`` for a missing value.
    """
    if is_blank(handle):
        return ""
    return unicodedata.normalize("NFKC", str(handle)).strip().lstrip("@").strip().lower()


def normalize_handles(handles: pd.Series) -> pd.Series:
    """:func:`normalize_handle` over a Series (``string`` dtype; missing values stay missing).

    Vectorised with Arrow: well under a second for millions of handles.
    """
    s = handles.astype(pd.StringDtype())
    arr = pa.array(s) if s.dtype.storage == "pyarrow" else pa.array(s.array, pa.string())
    arr = normalize_handle_array(arr)
    out = pd.Series(pd.array(arr, dtype=pd.ArrowDtype(arr.type)), index=handles.index)
    return out.astype(pd.StringDtype()).rename(handles.name)


def normalize_handle_array(handles: pa.Array | pa.ChunkedArray) -> pa.Array:
    """:func:`normalize_handle` over an Arrow string array (nulls stay null)."""
    arr = handles.combine_chunks() if isinstance(handles, pa.ChunkedArray) else handles
    if len(arr) > 4096:
        # an export's rows share a few handles: normalise each distinct one once
        enc = pc.dictionary_encode(arr)
        if len(enc.dictionary) * 8 < len(arr):
            return pc.take(_normalize_handle_array(enc.dictionary), enc.indices)
    return _normalize_handle_array(arr)


def _normalize_handle_array(arr: pa.Array) -> pa.Array:
    if not pc.all(pc.fill_null(pc.string_is_ascii(arr), True)).as_py():
        arr = pc.utf8_normalize(arr, "NFKC")
    arr = pc.utf8_trim_whitespace(arr)
    if pc.any(pc.starts_with(arr, "@")).as_py():
        arr = pc.utf8_trim_whitespace(pc.replace_substring_regex(arr, "^@+", ""))
    return pc.utf8_lower(arr)


# ---------------------------------------------------------------------------- yes / no


def parse_bool(value: Any) -> bool:
    """``ya/tidak``, ``yes/no``, ``true/false``, ``sudah/belum``, ``1/0``, ``✓`` -> bool.

    Raises
    ------
    ValueParseError
        For any other word (``fix`` is ``"values.fix_bool"``).
    """
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (float, np.floating)) and value in (0, 1):
        value = int(value)  # 1.0 / 0.0 from a spreadsheet
    key = normalize_word(value)
    if key in YES_WORDS:
        return True
    if key in NO_WORDS:
        return False
    raise ValueParseError("values.fix_bool", value)


def parse_bools(values: pd.Series) -> pd.Series:
    """:func:`parse_bool` over a column: nullable ``boolean``; blank cells are missing.

    Each distinct value is read once, so a million rows cost what their few
    distinct answers cost.

    Raises
    ------
    ValueParseError
        At the first value that is not yes or no (``index`` from 0, ``n`` bad values).
    """
    if isinstance(values.dtype, pd.BooleanDtype):
        return values
    if pd.api.types.is_bool_dtype(values.dtype):
        return values.astype("boolean")
    return _by_distinct(values, parse_bool, "boolean")


# ---------------------------------------------------------------------------- counts


def parse_count(value: Any, *, signed: bool = False) -> int:
    """``12400``, ``"12.400"``, ``"12,400"``, ``"12,4 rb"``, ``"1.2K"``, ``"3 jt"`` -> int.

    See the module's *count grammar*. ``signed=True`` allows a leading minus.

    Raises
    ------
    ValueParseError
        ``fix`` is ``"values.fix_negative_count"`` for a negative count (unless
        ``signed``), ``"values.fix_count_too_large"`` beyond 18 digits, and
        ``"values.fix_count"`` for anything else that is not a whole count.
    """
    if isinstance(value, (bool, np.bool_)):
        raise ValueParseError("values.fix_count", value)
    if isinstance(value, (int, np.integer)):
        if value < 0 and not signed:
            raise ValueParseError("values.fix_negative_count", value)
        return int(value)
    if isinstance(value, (float, np.floating)):
        if value != value or value != int(value):
            raise ValueParseError("values.fix_count", value)
        if value < 0 and not signed:
            raise ValueParseError("values.fix_negative_count", value)
        return int(value)
    text = normalize_word(value)
    sign = re.match(_SIGN_RE, text)
    negative = bool(sign) and text[0] != "+"
    body = text[sign.end() :] if sign else text
    if re.fullmatch(PLAIN_COUNT_RE, body):
        digits = re.sub(_SEPARATORS_RE, "", re.sub(_EXCEL_ZEROS_RE, "", body))
        if len(digits) > MAX_COUNT_DIGITS:
            raise ValueParseError("values.fix_count_too_large", value)
        number = int(digits)
    else:
        m = re.fullmatch(SUFFIX_COUNT_RE, body)
        if m is None:
            raise ValueParseError("values.fix_count", value)
        number = round(float(m["num"].replace(",", ".")) * COUNT_SUFFIXES[m["suffix"]])
    if negative and not signed:
        raise ValueParseError("values.fix_negative_count", value)
    return -number if negative else number


def parse_counts(values: pd.Series, *, signed: bool = False) -> pd.Series:
    """:func:`parse_count` over a column: nullable ``Int64``; blank cells are missing.

    Raises
    ------
    ValueParseError
        At the first value that is not a count (``index`` from 0, ``n`` bad values).
    """
    if pd.api.types.is_integer_dtype(values.dtype) and not pd.api.types.is_bool_dtype(values.dtype):
        if not signed and bool((values < 0).any()):
            return _by_distinct(values, parse_count, "Int64")  # names the first negative
        return values.astype("Int64")
    if pd.api.types.is_float_dtype(values.dtype):  # whole floats (NaN: missing) cast at once
        x = values.to_numpy(dtype="float64", na_value=np.nan)
        ok = np.isnan(x) | ((np.mod(x, 1) == 0) & (signed | (x >= 0)) & (np.abs(x) < 2**63))
        if ok.all():
            return values.astype("Int64")
    return _by_distinct(values, lambda v: _count_or_blank(v, signed), "Int64")


def is_count_blank(value: Any) -> bool:
    """A count cell meaning "no value": blank, or one of :data:`BLANK_MARKS` (as :func:`count_array`)."""
    return is_blank(value) or (isinstance(value, str) and value.strip() in BLANK_MARKS)


def _count_or_blank(value: Any, signed: bool) -> Any:
    """:func:`parse_count`, with :data:`BLANK_MARKS` missing, as :func:`count_array` reads them."""
    return pd.NA if is_count_blank(value) else parse_count(value, signed=signed)


def count_array(values: pa.Array | pa.ChunkedArray, *, signed: bool = False) -> pa.Array:
    """:func:`parse_count` over an Arrow string array, vectorised (``int64``).

    Empty cells and :data:`BLANK_MARKS` are missing. Used by the importers on
    exports of millions of rows; same grammar as :func:`parse_count`.

    Raises
    ------
    ValueParseError
        At the first bad value (``index`` from 0, ``n`` bad values); ``fix`` as
        in :func:`parse_count`.
    """
    arr = _string_array(values)
    fast = _counts_fast(arr)
    if fast is not None:
        return fast
    return _counts_slow(arr, signed)


def _string_array(values: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    # a chunked column stays chunked: every kernel below takes one, and combining
    # the chunks of a big export's column would copy it for nothing
    if isinstance(values, pa.ChunkedArray) and values.num_chunks == 1:
        values = values.chunk(0)
    if not pa.types.is_string(values.type) and not pa.types.is_large_string(values.type):
        values = pc.cast(values, pa.string())
    return values


def digits_to_int(arr: pa.Array) -> pa.Array | None:
    """Cast digit-only text to int64, or None (a failing Arrow cast is slow: check first)."""
    if not bool(pc.all(pc.ascii_is_decimal(arr)).as_py() in (True, None)):
        return None
    try:
        return pc.cast(arr, pa.int64())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):  # more than 18 digits
        return None


_GROUPED = {",": r"^\d{1,3}(?:,\d{3})+$", ".": r"^\d{1,3}(?:\.\d{3})+$"}


def _counts_fast(arr: pa.Array) -> pa.Array | None:
    """Plain digits, or one thousands separator used correctly; else None (slow path).

    The common case of real exports (``"12,400"`` in every cell), a subset of
    the grammar read with a few Arrow kernels and no regular expression.
    """
    if arr.null_count == len(arr):
        return pa.nulls(len(arr), pa.int64())
    # "1.234,5" holds both marks: removing one leaves a non-digit, caught below
    sep = None
    for mark in (",", "."):
        if pc.any(pc.match_substring(arr, mark)).as_py():
            sep = mark
            break
    if sep is None:
        return digits_to_int(arr)
    out = digits_to_int(pc.replace_substring(arr, sep, ""))
    if out is None:
        return None
    # every separator must close a group of three digits: 1,234 and 12,345,678
    k = pc.count_substring(arr, sep)
    pos = pc.find_substring(arr, sep)
    length = pc.binary_length(arr)
    one_ok = pc.and_(
        pc.equal(pos, pc.subtract(length, 4)),
        pc.and_(pc.greater_equal(pos, 1), pc.less_equal(pos, 3)),
    )
    ok = pc.or_(pc.equal(k, 0), pc.and_(pc.equal(k, 1), one_ok))
    many = pc.fill_null(pc.greater(k, 1), False)
    if pc.any(many).as_py():
        grouped = pc.match_substring_regex(pc.filter(arr, many), _GROUPED[sep])
        if not pc.all(grouped).as_py():
            return None
        ok = pc.or_(ok, many)
    if not pc.all(pc.fill_null(ok, True)).as_py():
        return None
    return out


def blank_to_null(arr: pa.Array) -> pa.Array:
    """Trim spaces; empty cells and :data:`BLANK_MARKS` become null."""
    s = pc.utf8_trim_whitespace(arr)
    s = pc.replace_substring_regex(s, "^[\u00a0\u202f]+|[\u00a0\u202f]+$", "")
    blank = pc.is_in(s, value_set=pa.array(BLANK_MARKS))
    return pc.if_else(blank, None, s)


def first_true(mask: pa.Array) -> int | None:
    """Index of the first true value of a boolean Arrow array (nulls count as false)."""
    mask = pc.fill_null(mask, False)
    if not pc.any(mask).as_py():
        return None
    return int(pc.index(mask, True).as_py())


def count_true(mask: pa.Array) -> int:
    """How many values of a boolean Arrow array are true (nulls count as false)."""
    return int(pc.sum(pc.fill_null(mask, False)).as_py() or 0)


def _counts_slow(arr: pa.Array, signed: bool) -> pa.Array:
    s = blank_to_null(arr)
    if not pc.all(pc.fill_null(pc.string_is_ascii(s), True)).as_py():
        s = pc.utf8_normalize(s, "NFKC")
    text = pc.utf8_lower(pc.replace_substring_regex(s, r"\s+", " "))
    sign = pc.match_substring_regex(text, _SIGN_RE)
    body = pc.replace_substring_regex(text, _SIGN_RE, "")
    plain = pc.fill_null(pc.match_substring_regex(body, PLAIN_COUNT_RE), False)
    parts = pc.extract_regex(body, SUFFIX_COUNT_RE)
    suffixed = pc.fill_null(pc.is_valid(parts), False)
    ok = pc.or_(plain, suffixed)
    negative = pc.fill_null(pc.match_substring_regex(text, _NEGATIVE_RE), False)
    bad = pc.invert(ok)
    if not signed:
        bad = pc.or_(bad, negative)
    bad = pc.and_(pc.is_valid(s), bad)
    i = first_true(bad)
    if i is not None:
        fix = "values.fix_negative_count" if negative[i].as_py() else "values.fix_count"
        raise ValueParseError(fix, s[i].as_py(), index=i, n=count_true(bad))
    # Excel's zeros first, then the separators, as in parse_count
    x = pc.replace_substring_regex(pc.if_else(plain, body, None), _EXCEL_ZEROS_RE, "")
    x = pc.replace_substring_regex(x, _SEPARATORS_RE, "")
    too_long = pc.greater(pc.utf8_length(x), MAX_COUNT_DIGITS)
    i = first_true(too_long)
    if i is not None:
        raise ValueParseError(
            "values.fix_count_too_large", s[i].as_py(), index=i, n=count_true(too_long)
        )
    out = pc.cast(x, pa.int64())
    if pc.any(suffixed).as_py():
        num = pc.cast(pc.replace_substring(pc.struct_field(parts, "num"), ",", "."), pa.float64())
        names = list(COUNT_SUFFIXES)
        mult = pc.take(
            pa.array([float(COUNT_SUFFIXES[k]) for k in names]),
            pc.index_in(pc.struct_field(parts, "suffix"), value_set=pa.array(names)),
        )
        scaled = pc.cast(pc.round(pc.multiply(num, mult), round_mode="half_to_even"), pa.int64())
        out = pc.if_else(suffixed, scaled, out)
    if signed and pc.any(sign).as_py():
        minus = pc.fill_null(pc.match_substring_regex(text, "^[-\u2212]"), False)
        out = pc.if_else(minus, pc.negate(out), out)
    return out


# ---------------------------------------------------------------------------- columns


def _by_distinct(values: pd.Series, parse, dtype: str) -> pd.Series:
    """Apply a scalar parser once per distinct value; blank cells become missing."""
    codes, uniques = pd.factorize(values.to_numpy(dtype=object), use_na_sentinel=True)
    parsed: list[Any] = []
    fixes: dict[int, str] = {}
    for k, v in enumerate(uniques):
        if is_blank(v):
            parsed.append(pd.NA)
            continue
        try:
            parsed.append(parse(v))
        except ValueParseError as exc:
            parsed.append(pd.NA)
            fixes[k] = exc.fix
    if fixes:
        mask = np.isin(codes, list(fixes))
        i = int(mask.argmax())  # the first bad row, not the first bad distinct value
        raise ValueParseError(fixes[codes[i]], values.iloc[i], index=i, n=int(mask.sum()))
    table = pd.array(parsed + [pd.NA], dtype=dtype)
    out = table.take(np.where(codes < 0, len(parsed), codes))
    return pd.Series(out, index=values.index, name=values.name)
