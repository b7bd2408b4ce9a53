"""How Humas Lab reads one value typed by a person: handles, yes/no answers, counts.

This module is the single owner of these small grammars. The schema's coercion
gate (:func:`labkit.schema.conform`), the importers, the account-inventory
templates, the audit and the checklists all call it; none keeps a copy.

Every parser raises :class:`ValueParseError` (a plain ``ValueError``) carrying
the key of the fix message (``values.fix_bool``...); callers that know the
file, row and column turn it into a :class:`~labkit.errors.LabkitError`.

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

import pandas as pd

#: Words read as *yes* and as *no* (compared after :func:`normalize_word`).
YES_WORDS: frozenset[str] = frozenset(
    {"ya", "y", "yes", "true", "1", "benar", "sudah", "ada", "centang", "✓", "✔", "v"}
)
NO_WORDS: frozenset[str] = frozenset(
    {"tidak", "t", "no", "n", "false", "0", "salah", "belum", "tidak ada", "-"}
)

#: Count suffixes: ``12,4 rb`` (ribu), ``1.2K``, ``3 jt`` (juta), ``1.5M``.
COUNT_SUFFIXES: tuple[tuple[str, int], ...] = (
    ("ribu", 1_000),
    ("rb", 1_000),
    ("k", 1_000),
    ("juta", 1_000_000),
    ("jt", 1_000_000),
    ("m", 1_000_000),
)


class ValueParseError(ValueError):
    """A value that does not fit its grammar; ``fix`` is the key of the fix message."""

    def __init__(self, fix: str, value: Any = None) -> None:
        super().__init__(fix)
        self.fix = fix
        self.value = value


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


def normalize_handle(handle: Any) -> str:
    """``" @Humas_Kota "`` -> ``"humas_kota"``: how handles are stored and compared.

    Returns ``""`` for a missing value.
    """
    if is_blank(handle):
        return ""
    return unicodedata.normalize("NFKC", str(handle)).strip().lstrip("@").strip().lower()


def normalize_handles(handles: pd.Series) -> pd.Series:
    """:func:`normalize_handle` over a Series (missing values stay missing)."""
    s = handles.astype("string")
    return s.str.normalize("NFKC").str.strip().str.lstrip("@").str.strip().str.lower()


def parse_bool(value: Any) -> bool:
    """``ya/tidak``, ``yes/no``, ``true/false``, ``sudah/belum``, ``1/0``, ``✓`` -> bool.

    Raises
    ------
    ValueParseError
        For any other word (``fix`` is ``"values.fix_bool"``).
    """
    if isinstance(value, bool):
        return value
    key = normalize_word(value)
    if key in YES_WORDS:
        return True
    if key in NO_WORDS:
        return False
    raise ValueParseError("values.fix_bool", value)


def parse_count(value: Any) -> int:
    """``12400``, ``"12.400"``, ``"12,400"``, ``"12,4 rb"``, ``"1.2K"``, ``"3 jt"`` -> int.

    Raises
    ------
    ValueParseError
        For negative, fractional or unreadable counts (``fix`` is ``"values.fix_count"``).
    """
    if isinstance(value, bool):
        raise ValueParseError("values.fix_count", value)
    if isinstance(value, int):
        if value < 0:
            raise ValueParseError("values.fix_count", value)
        return value
    if isinstance(value, float):
        if value != value or value != int(value) or value < 0:
            raise ValueParseError("values.fix_count", value)
        return int(value)
    key = normalize_word(value).replace(" ", "")
    mult = 1
    for suffix, m in COUNT_SUFFIXES:
        if key.endswith(suffix) and key[: -len(suffix)]:
            key, mult = key[: -len(suffix)], m
            break
    if mult == 1 and re.fullmatch(r"\d{1,3}([.,]\d{3})+", key):
        return int(re.sub(r"[.,]", "", key))
    if re.fullmatch(r"\d+", key):
        return int(key) * mult
    if mult > 1 and re.fullmatch(r"\d+[.,]\d+", key):
        return round(float(key.replace(",", ".")) * mult)
    if mult == 1 and re.fullmatch(r"\d+\.0+", key):  # "12400.0" from a spreadsheet
        return int(key.split(".")[0])
    raise ValueParseError("values.fix_count", value)
