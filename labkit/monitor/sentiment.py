"""Sentiment of citizens' comments: negative, neutral or positive, and why.

``method="rules"`` (default) counts the words of a project-written lexicon
(``sentiment.yaml``) on the normalised text (:mod:`labkit.monitor.text`): a word
after a negation flips (``tidak bagus`` is negative). The score is positive words
minus negative words; its sign decides. ``reason`` lists the words that counted.
This is how the lexicon approach works, and why it misreads sarcasm
(``mantap, 3 jam antre``): notebook 03 compares it with ``method="model"``, the
small statistical model of :mod:`labkit.monitor.model`.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import yaml

from labkit import i18n
from labkit.errors import LabkitError
from labkit.monitor import matching, text

#: The sentiment classes.
SENTIMENTS: tuple[str, ...] = ("negative", "neutral", "positive")

METHODS = ("rules", "model")


@cache
def lexicon() -> dict[str, tuple[str, ...]]:
    """The lexicon: ``negation``, ``positive`` and ``negative`` word lists."""
    raw = yaml.safe_load(
        resources.files("labkit.monitor").joinpath("sentiment.yaml").read_text("utf-8")
    )
    return {name: tuple(str(w) for w in words) for name, words in raw.items()}


def _alts(name: str) -> str:
    # the text is matched with its spaces doubled (see _rules): a space in an entry is \\s+
    words = sorted(lexicon()[name], key=len, reverse=True)
    return "|".join("(?:" + w.replace(" ", r"\s+") + ")" for w in words)


@cache
def _patterns() -> dict[str, str]:
    neg = _alts("negation")
    edge_l, edge_r = r"(?:^|\s)", r"(?:$|\s)"
    return {
        "positive": rf"{edge_l}(?P<w>{_alts('positive')}){edge_r}",
        "negative": rf"{edge_l}(?P<w>{_alts('negative')}){edge_r}",
        "negated_positive": rf"{edge_l}(?P<w>(?:{neg})\s+(?:{_alts('positive')})){edge_r}",
        "negated_negative": rf"{edge_l}(?P<w>(?:{neg})\s+(?:{_alts('negative')})){edge_r}",
    }


def _count(arr: pa.Array, pattern: str) -> np.ndarray:
    n = pc.count_substring_regex(arr, pattern)
    return np.asarray(n.fill_null(0).to_numpy(zero_copy_only=False), dtype=np.int64)


def _rules(raw: pd.Series) -> pd.DataFrame:
    norm = text.normalize_texts(raw)
    # double the spaces so that the edges of neighbouring words are not shared
    arr = pa.array(
        (" " + norm.str.replace(" ", "  ", regex=False) + " ").to_numpy(dtype=object),
        type=pa.large_string(),
    )
    p = _patterns()
    pos = _count(arr, p["positive"]) - _count(arr, p["negated_positive"])
    neg = _count(arr, p["negative"]) - _count(arr, p["negated_negative"])
    neg = neg + _count(arr, p["negated_positive"])
    score = (pos - neg).astype(float)
    label = np.where(score > 0, "positive", np.where(score < 0, "negative", "neutral"))
    first_pos = matching.first_match(arr, p["positive"])
    first_neg = matching.first_match(arr, p["negated_positive"])
    plain_neg = matching.first_match(arr, p["negative"])
    first_neg = np.where(pd.isna(first_neg), plain_neg, first_neg)
    word = pd.Series(np.where(label == "positive", first_pos, first_neg), dtype=object)
    word = word.fillna("").str.strip().str.replace("  ", " ", regex=False).to_numpy(dtype=object)
    reason = np.full(len(raw), i18n.t("monitor.sentiment.reason.neutral"), dtype=object)
    for lab in ("positive", "negative"):
        before, _, after = i18n.t(f"monitor.sentiment.reason.{lab}", words="\0").partition("\0")
        rows = label == lab
        reason[rows] = before + word[rows] + after
    return pd.DataFrame({"sentiment": label, "score": score, "reason": reason}, index=raw.index)


def sentiment(texts: pd.Series | pd.DataFrame, *, method: str = "rules") -> pd.DataFrame:
    """Negative, neutral or positive, with a score and the reason.

    Parameters
    ----------
    texts : Series of str, or a comments table with ``text``
    method : {"rules", "model"}

    Returns
    -------
    DataFrame with the input's index: ``sentiment`` (one of :data:`SENTIMENTS`),
    ``score`` (rules: positive minus negative words; model: probability of
    positive minus probability of negative) and ``reason``.

    Examples
    --------
    >>> sentiment(pd.Series(["Mantap, pelayanannya cepat", "tidak bagus, kecewa"]))["sentiment"].tolist()
    ['positive', 'negative']
    """
    from labkit.monitor.triage import texts_of

    if method not in METHODS:
        raise LabkitError("monitor.triage.bad_method", method=method, valid=", ".join(METHODS))
    raw = texts_of(texts)
    if method == "rules":
        out = _rules(raw)
    else:
        from labkit.monitor import model

        out = model.predict("sentiment", raw)
    out["sentiment"] = pd.Categorical(out["sentiment"], categories=list(SENTIMENTS))
    return out
