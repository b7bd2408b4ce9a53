"""Word-list matching on whole columns of text (pyarrow's RE2 engine, no Python loop).

The one place where monitoring rules turn texts into Arrow arrays and match
patterns on them: the needs-reply rule, the triage and the sentiment lexicon use
these helpers. Patterns are RE2 (linear time; no look-behind, no back-references).
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc


def as_arrow(texts: pd.Series) -> pa.Array:
    """Texts as an Arrow string array (missing values stay null)."""
    try:
        if isinstance(texts.dtype, pd.StringDtype):
            return pa.array(texts.array)
    except (TypeError, pa.ArrowInvalid):
        pass
    return pa.array(
        texts.astype("string").to_numpy(dtype=object, na_value=None), type=pa.large_string()
    )


def hits(arr: pa.Array, pattern: str, *, ignore_case: bool = False) -> np.ndarray:
    """Boolean array: where ``pattern`` occurs (missing texts: False)."""
    hit = pc.match_substring_regex(arr, pattern, ignore_case=ignore_case)
    return np.asarray(hit.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)


def first_match(arr: pa.Array, pattern: str) -> np.ndarray:
    """The text of the named group ``w`` of the first match, or None where nothing matches.

    ``pattern`` must hold ``(?P<w>...)``.
    """
    found = pc.extract_regex(arr, pattern)
    words = np.asarray(found.field("w").to_numpy(zero_copy_only=False), dtype=object)
    words[np.asarray(found.is_null().to_numpy(zero_copy_only=False), dtype=bool)] = None
    return words


@cache
def _text_dtype() -> object:
    """The dtype pandas gives a column of Python strings (``str`` from pandas 3, else object)."""
    return pd.Series(np.array(["x"], dtype=object)).dtype


def text_column(
    texts: list[str], codes: np.ndarray
) -> pd.api.extensions.ExtensionArray | np.ndarray:
    """The column ``texts[codes]``, built in Arrow, with the dtype of a column of Python strings."""
    arr = pa.array(texts, type=pa.large_string()).take(pa.array(codes))
    dtype = _text_dtype()
    if isinstance(dtype, pd.StringDtype):
        return pd.array(arr, dtype=dtype)
    return np.asarray(arr.to_numpy(zero_copy_only=False), dtype=object)
