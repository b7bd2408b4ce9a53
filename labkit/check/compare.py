"""Compare a trainee's answer with the expected one and explain the difference.

:func:`compare` returns ``None`` when the answer matches, or a :class:`Mismatch`
naming *what* differs (wrong type, too large, missing items, a column whose
values differ, ...) without giving the expected answer away.

Numbers match within a tolerance; texts, collections, dicts, pandas Series and
DataFrames follow the switches of :class:`CompareOptions`.
"""

from __future__ import annotations

import math
import numbers
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

import numpy as np
import pandas as pd

from labkit import i18n

MAX_MATCH_PAIRS = 250_000
"""Above this many item pairs, unordered matching of unhashable items gives up on detail."""


QUANTITIES = ("value", "count", "rate")

# One literal key per (quantity, direction): the catalogue stays greppable.
_NUMBER_KEYS = {
    ("value", True): "check.number_high",
    ("value", False): "check.number_low",
    ("count", True): "check.count_high",
    ("count", False): "check.count_low",
    ("rate", True): "check.rate_high",
    ("rate", False): "check.rate_low",
}


@dataclass(frozen=True)
class CompareOptions:
    """How strictly an answer must match.

    Parameters
    ----------
    rel_tol, abs_tol : float
        Numbers match when ``math.isclose(answer, expected, rel_tol=, abs_tol=)``.
    ignore_order : bool
        Lists, tuples and table rows may come in any order.
    ignore_case : bool
        Texts match regardless of upper/lower case.
    ignore_whitespace : bool
        Texts match regardless of leading/trailing spaces and repeated spaces.
    ignore_index : bool
        An unnamed pandas index (row positions or labels left over from
        filtering) is ignored. A *named* index (e.g. the result of
        ``groupby``) is always compared, as if it were a column.
    quantity : {"value", "count", "rate"}
        What a number answers, so that feedback fits the question: a wrong
        *count* is about which rows are counted, a wrong *rate* about its
        numerator and denominator; "value" says only too large/too small.
    """

    rel_tol: float = 1e-6
    abs_tol: float = 1e-9
    ignore_order: bool = False
    ignore_case: bool = False
    ignore_whitespace: bool = False
    ignore_index: bool = True
    quantity: str = "value"

    def __post_init__(self) -> None:
        if self.quantity not in QUANTITIES:
            raise ValueError(f"quantity must be one of {QUANTITIES}, not {self.quantity!r}")


@dataclass(frozen=True)
class Msg:
    """A catalogue message rendered lazily (so a language switch re-renders it)."""

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self, lang: str | None = None) -> str:
        params = {k: _render_param(v, lang) for k, v in self.params.items()}
        return i18n.t(self.key, lang=lang, **params)


def _render_param(value: Any, lang: str | None) -> Any:
    if isinstance(value, Msg):
        return value.render(lang)
    return value


@dataclass(frozen=True)
class Mismatch:
    """Why an answer does not match: one or more sentences, and where in the answer."""

    parts: tuple[Msg, ...]
    path: tuple[Msg, ...] = ()

    def within(self, msg_key: str, /, **params: Any) -> Mismatch:
        """Return this mismatch located inside an item, key or column."""
        return replace(self, path=(Msg(msg_key, params), *self.path))

    def render(self, lang: str | None = None) -> str:
        """The explanation in ``lang`` (default: the current language)."""
        message = " ".join(part.render(lang) for part in self.parts)
        if not self.path:
            return message
        where = " › ".join(p.render(lang) for p in self.path)
        return i18n.t("check.at", lang=lang, where=where, message=message)


def mismatch(key: str, **params: Any) -> Mismatch:
    """Build a one-sentence :class:`Mismatch` from catalogue message ``key``."""
    return Mismatch((Msg(key, params),))


def short(value: Any, limit: int = 60) -> str:
    """A short, readable rendering of ``value`` for a feedback message."""
    if isinstance(value, float | np.floating) and math.isfinite(float(value)):
        text = f"{float(value):.6g}"
    elif isinstance(value, pd.DataFrame):
        text = f"DataFrame {value.shape[0]}×{value.shape[1]}"
    elif isinstance(value, pd.Series):
        text = f"Series ({len(value)})"
    else:
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --------------------------------------------------------------------------- kinds

KINDS = ("missing", "bool", "number", "text", "table", "series", "datetime", "mapping", "set")


def kind_of(value: Any) -> str:
    """Classify ``value`` into a kind a trainee understands (number, text, list, ...)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return "missing"
    if isinstance(value, bool | np.bool_):
        return "bool"
    if isinstance(value, numbers.Number):
        return "number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, pd.DataFrame):
        return "table"
    if isinstance(value, pd.Series):
        return "series"
    if isinstance(value, datetime | date | np.datetime64):
        return "datetime"
    if isinstance(value, Mapping):
        return "mapping"
    if isinstance(value, set | frozenset):
        return "set"
    if isinstance(
        value, list | tuple | range | np.ndarray | pd.Index | pd.api.extensions.ExtensionArray
    ):
        return "sequence"
    if callable(value):
        return "function"
    return "other"


def _kind_msg(kind: str) -> Msg:
    return Msg(f"check.kind_{kind}")


# --------------------------------------------------------------------------- entry point


def compare(answer: Any, expected: Any, options: CompareOptions | None = None) -> Mismatch | None:
    """Return ``None`` if ``answer`` matches ``expected``, else a :class:`Mismatch`.

    Parameters
    ----------
    answer : object
        The trainee's value.
    expected : object
        The right value (already evaluated; see ``EqualityProblem`` for lazy values).
    options : CompareOptions, optional
        Tolerances and switches; defaults to :class:`CompareOptions()`.
    """
    opts = options or CompareOptions()
    ka, ke = kind_of(answer), kind_of(expected)

    if ke == "missing" or ka == "missing":
        if (
            ka == ke
            or (ke == "missing" and _is_nan(answer))
            or (ka == "missing" and _is_nan(expected))
        ):
            return None
        if ka == "missing":
            return mismatch("check.answer_empty", got=short(answer))
        return mismatch("check.kind", got=_kind_msg(ka), want=_kind_msg(ke))

    # Friendly conversions between kinds that mean the same thing to a trainee.
    if ke == "mapping" and ka == "series":
        answer, ka = answer.to_dict(), "mapping"
    elif ke == "series" and ka == "mapping":
        answer, ka = pd.Series(answer, dtype=object if not answer else None), "series"
    elif ke == "series" and ka == "table":
        converted = _frame_as_series(answer, expected, opts)
        if converted is not None:
            answer, ka = converted, "series"
    elif ke == "series" and ka == "sequence" and not _labels_matter(expected, opts):
        answer, ka = pd.Series(_as_list(answer)), "series"
    if ke in ("sequence", "set") and ka == "series":
        answer, ka = list(answer.to_list()), "sequence"

    if ke == "number" and ka == "text" and _parses_as_number(answer):
        return mismatch("check.number_as_text", got=short(answer))
    if ke == "sequence" and ka == "set":
        if not opts.ignore_order:
            return mismatch("check.set_for_list")
        return _compare_unordered(list(answer), _as_list(expected), opts, dedupe=False)

    if ka != ke and not (ke == "set" and ka == "sequence"):
        return mismatch("check.kind", got=_kind_msg(ka), want=_kind_msg(ke))

    handler = _HANDLERS.get(ke, _compare_other)
    return handler(answer, expected, opts)


# --------------------------------------------------------------------------- scalars


def _is_nan(value: Any) -> bool:
    try:
        return bool(pd.isna(value)) if not isinstance(value, list | tuple | dict | set) else False
    except (TypeError, ValueError):
        return False


def _parses_as_number(text: str) -> bool:
    try:
        float(text.strip().replace(",", "."))
    except ValueError:
        return False
    return True


def _compare_bool(answer: Any, expected: Any, opts: CompareOptions) -> Mismatch | None:
    return (
        None
        if bool(answer) == bool(expected)
        else mismatch("check.value_differs", got=short(answer))
    )


def _compare_number(answer: Any, expected: Any, opts: CompareOptions) -> Mismatch | None:
    if isinstance(answer, numbers.Integral) and isinstance(expected, numbers.Integral):
        a_int, e_int = int(answer), int(expected)
        if a_int == e_int:
            return None
        if e_int and (a_int == e_int * 100 or a_int * 100 == e_int):
            return mismatch("check.percent_scale", got=short(answer))
        return mismatch(_NUMBER_KEYS[opts.quantity, a_int > e_int], got=short(answer))
    try:
        a, e = float(answer), float(expected)
    except (TypeError, ValueError, OverflowError):
        return None if answer == expected else mismatch("check.value_differs", got=short(answer))
    if math.isnan(a) and math.isnan(e):
        return None
    if math.isnan(a) or math.isnan(e):
        return mismatch("check.value_differs", got=short(answer))
    if math.isclose(a, e, rel_tol=opts.rel_tol, abs_tol=opts.abs_tol):
        return None
    rel = max(opts.rel_tol, 1e-9)
    if e != 0 and (math.isclose(a, e * 100, rel_tol=rel) or math.isclose(a * 100, e, rel_tol=rel)):
        return mismatch("check.percent_scale", got=short(answer))
    return mismatch(_NUMBER_KEYS[opts.quantity, a > e], got=short(answer))


def _norm_text(text: str, opts: CompareOptions) -> str:
    if opts.ignore_whitespace:
        text = " ".join(text.split())
    if opts.ignore_case:
        text = text.casefold()
    return text


def _compare_text(answer: str, expected: str, opts: CompareOptions) -> Mismatch | None:
    if _norm_text(answer, opts) == _norm_text(expected, opts):
        return None
    squash_a, squash_e = " ".join(answer.split()), " ".join(expected.split())
    if squash_a.casefold() == squash_e.casefold():
        if squash_a == squash_e:
            return mismatch("check.text_whitespace", got=short(answer))
        if answer.casefold() == expected.casefold():
            return mismatch("check.text_case", got=short(answer))
        return mismatch("check.text_almost", got=short(answer))
    return mismatch("check.text_differs", got=short(answer))


def _compare_datetime(answer: Any, expected: Any, opts: CompareOptions) -> Mismatch | None:
    try:
        same = pd.Timestamp(answer) == pd.Timestamp(expected)
    except TypeError:
        return mismatch("check.datetime_tz", got=short(answer))
    return None if same else mismatch("check.value_differs", got=short(answer))


def _compare_other(answer: Any, expected: Any, opts: CompareOptions) -> Mismatch | None:
    try:
        eq = answer == expected
        same = bool(eq) if isinstance(eq, bool | np.bool_) else bool(np.all(eq))
    except Exception:  # noqa: BLE001 - any failure to compare means "not equal"
        same = False
    return None if same else mismatch("check.value_differs", got=short(answer))


# --------------------------------------------------------------------------- collections


def _as_list(value: Iterable[Any]) -> list[Any]:
    if isinstance(value, np.ndarray | pd.Index | pd.api.extensions.ExtensionArray):
        return list(value.tolist())
    return list(value)


def _compare_sequence(answer: Any, expected: Any, opts: CompareOptions) -> Mismatch | None:
    a, e = _as_list(answer), _as_list(expected)
    if opts.ignore_order:
        return _compare_unordered(a, e, opts, dedupe=False)
    if len(a) != len(e):
        return mismatch("check.length", got=len(a), want=len(e))
    for i, (x, y) in enumerate(zip(a, e, strict=True)):
        found = compare(x, y, opts)
        if found is not None:
            if _compare_unordered(a, e, opts, dedupe=False) is None:
                return mismatch("check.order_differs")
            return found.within("check.at_item", n=i + 1)
    return None


def _compare_set(answer: Any, expected: Any, opts: CompareOptions) -> Mismatch | None:
    return _compare_unordered(_as_list(answer), _as_list(expected), opts, dedupe=True)


def _fast_key(value: Any, opts: CompareOptions) -> Any:
    if isinstance(value, str):
        return ("s", _norm_text(value, opts))
    if isinstance(value, numbers.Integral) and not isinstance(value, bool | np.bool_):
        return ("i", int(value))
    raise TypeError


def _compare_unordered(
    answer: list[Any], expected: list[Any], opts: CompareOptions, *, dedupe: bool
) -> Mismatch | None:
    extra_items: list[Any]
    try:
        ka = [_fast_key(v, opts) for v in answer]
        ke = [_fast_key(v, opts) for v in expected]
    except TypeError:
        missing, extra_items = _greedy_match(answer, expected, opts, dedupe)
    else:
        if dedupe:
            ka_set, ke_set = set(ka), set(ke)
            missing = len(ke_set - ka_set)
            extra_keys = ka_set - ke_set
        else:
            ca, ce = Counter(ka), Counter(ke)
            missing = sum((ce - ca).values())
            extra_keys = set((ca - ce).keys())
        extra_items = [v for v, k in zip(answer, ka, strict=True) if k in extra_keys]
    if not missing and not extra_items:
        return None
    parts: list[Msg] = []
    if missing:
        parts.append(Msg("check.items_missing", {"count": missing}))
    if extra_items:
        parts.append(
            Msg("check.items_extra", {"count": len(extra_items), "example": short(extra_items[0])})
        )
    return Mismatch(tuple(parts))


def _greedy_match(
    answer: list[Any], expected: list[Any], opts: CompareOptions, dedupe: bool
) -> tuple[int, list[Any]]:
    if len(answer) * len(expected) > MAX_MATCH_PAIRS:
        same = _compare_other(answer, expected, opts) is None
        return (0, []) if same else (max(len(expected) - len(answer), 0), answer[:1])
    used = [False] * len(answer)
    missing = 0
    for y in expected:
        for i, x in enumerate(answer):
            if (not used[i] or dedupe) and compare(x, y, opts) is None:
                used[i] = True
                break
        else:
            missing += 1
    return missing, [x for x, u in zip(answer, used, strict=True) if not u]


def _compare_mapping(answer: Mapping, expected: Mapping, opts: CompareOptions) -> Mismatch | None:
    missing = [k for k in expected if k not in answer]
    extra = [k for k in answer if k not in expected]
    parts: list[Msg] = []
    if missing:
        parts.append(Msg("check.keys_missing", {"names": _names(missing)}))
    if extra:
        parts.append(Msg("check.keys_extra", {"names": _names(extra)}))
    if parts:
        return Mismatch(tuple(parts))
    for key, want in expected.items():
        found = compare(answer[key], want, opts)
        if found is not None:
            return found.within("check.at_key", name=short(key, 40))
    return None


def _names(items: Sequence[Any], limit: int = 5) -> str:
    shown = ", ".join(short(k, 40) for k in items[:limit])
    return shown + (", …" if len(items) > limit else "")


# --------------------------------------------------------------------------- pandas

_VALUE = "__value__"


def _flatten_frame(df: pd.DataFrame, opts: CompareOptions) -> pd.DataFrame:
    named = any(name is not None for name in df.index.names)
    if named or not opts.ignore_index:
        out = df.reset_index()
        if not named:
            out = out.rename(columns={"index": "__index__"})
        return out
    return df.reset_index(drop=True)


def _series_frame(s: pd.Series, labels_matter: bool) -> pd.DataFrame:
    frame = pd.DataFrame({_VALUE: s.to_numpy()})
    if labels_matter:
        for level in range(s.index.nlevels):
            frame.insert(level, f"__label{level}__", s.index.get_level_values(level).to_numpy())
    return frame


def _labels_matter(s: pd.Series, opts: CompareOptions) -> bool:
    if not opts.ignore_index:
        return True
    index = s.index
    if any(name is not None for name in index.names):
        return True
    return not (pd.api.types.is_integer_dtype(index.dtype) or isinstance(index, pd.RangeIndex))


def _frame_as_series(
    answer: pd.DataFrame, expected: pd.Series, opts: CompareOptions
) -> pd.Series | None:
    """A table that holds a Series' labels and values as columns (``as_index=False``)."""
    flat = _flatten_frame(answer, opts)
    levels = expected.index.nlevels if _labels_matter(expected, opts) else 0
    if flat.shape[1] != levels + 1:
        return None
    if levels == 0:
        return flat.iloc[:, 0]
    return flat.set_index(list(flat.columns[:levels])).iloc[:, 0]


def _compare_series(
    answer: pd.Series, expected: pd.Series, opts: CompareOptions
) -> Mismatch | None:
    matter = _labels_matter(expected, opts)
    if matter and answer.index.nlevels != expected.index.nlevels:
        return mismatch("check.series_labels")
    return _compare_frames(_series_frame(answer, matter), _series_frame(expected, matter), opts)


def _compare_table(
    answer: pd.DataFrame, expected: pd.DataFrame, opts: CompareOptions
) -> Mismatch | None:
    return _compare_frames(_flatten_frame(answer, opts), _flatten_frame(expected, opts), opts)


def _column_label(col: Any) -> Msg:
    if col == _VALUE:
        return Msg("check.col_values")
    if isinstance(col, str) and col.startswith("__label"):
        return Msg("check.col_labels")
    if col == "__index__":
        return Msg("check.col_index")
    return Msg("check.col_named", {"name": short(col, 40)})


def _compare_frames(a: pd.DataFrame, e: pd.DataFrame, opts: CompareOptions) -> Mismatch | None:
    cols_a, cols_e = list(a.columns), list(e.columns)
    missing = [c for c in cols_e if c not in cols_a]
    extra = [c for c in cols_a if c not in cols_e]
    if any(str(c).startswith("__label") for c in missing):
        return mismatch("check.series_labels")
    parts: list[Msg] = []
    if missing:
        parts.append(Msg("check.columns_missing", {"names": _names(missing)}))
    if extra:
        parts.append(Msg("check.columns_extra", {"names": _names(extra)}))
    if parts:
        return Mismatch(tuple(parts))
    if len(a) != len(e):
        return mismatch("check.rows", got=len(a), want=len(e))
    a = a[cols_e]
    if opts.ignore_order:
        a, e = _sorted_rows(a, opts), _sorted_rows(e, opts)
    first_bad: tuple[Any, int] | None = None
    for col in cols_e:
        bad = _count_differences(a[col], e[col], opts)
        if bad:
            first_bad = (col, bad)
            break
    if first_bad is None:
        return None
    col, bad = first_bad
    if not opts.ignore_order and _compare_frames(a, e, replace(opts, ignore_order=True)) is None:
        return mismatch("check.rows_order")
    return mismatch("check.column_values", column=_column_label(col), count=bad, total=len(e))


def _sorted_rows(df: pd.DataFrame, opts: CompareOptions) -> pd.DataFrame:
    keys = df.copy()
    for col in keys.columns:
        if keys[col].dtype == object or pd.api.types.is_string_dtype(keys[col].dtype):
            keys[col] = keys[col].map(lambda v: _norm_text(v, opts) if isinstance(v, str) else v)
    try:
        order = keys.sort_values(list(keys.columns), kind="mergesort", na_position="last").index
    except TypeError:
        order = keys.astype(str).sort_values(list(keys.columns), kind="mergesort").index
    return df.loc[order].reset_index(drop=True)


def _is_plain_numeric(s: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(s.dtype) and not pd.api.types.is_bool_dtype(s.dtype)


def _count_differences(a: pd.Series, e: pd.Series, opts: CompareOptions) -> int:
    if _is_plain_numeric(a) and _is_plain_numeric(e):
        av = a.to_numpy(dtype=float, na_value=np.nan)
        ev = e.to_numpy(dtype=float, na_value=np.nan)
        same = np.isclose(av, ev, rtol=opts.rel_tol, atol=opts.abs_tol, equal_nan=True)
        return int((~same).sum())
    return sum(compare(x, y, opts) is not None for x, y in zip(a.tolist(), e.tolist(), strict=True))


_HANDLERS = {
    "bool": _compare_bool,
    "number": _compare_number,
    "text": _compare_text,
    "datetime": _compare_datetime,
    "sequence": _compare_sequence,
    "set": _compare_set,
    "mapping": _compare_mapping,
    "series": _compare_series,
    "table": _compare_table,
}
