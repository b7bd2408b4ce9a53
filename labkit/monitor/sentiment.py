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


@cache
def _any_patterns() -> dict[str, str]:
    """Quick tests that a text can hold a counted word at all (no group, same edges)."""
    edge_l, edge_r = r"(?:^|\s)", r"(?:$|\s)"
    return {
        "word": rf"{edge_l}(?:{_alts('positive')}|{_alts('negative')}){edge_r}",
        "negation": rf"{edge_l}(?:{_alts('negation')})\s",
    }


def _count(arr: pa.Array, pattern: str) -> np.ndarray:
    n = pc.count_substring_regex(arr, pattern)
    return np.asarray(n.fill_null(0).to_numpy(zero_copy_only=False), dtype=np.int64)


def _counts(arr: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """Positive and negative words in each text (a negated word counts for the other side).

    The four counts run only where they can find something: a negated word is a word,
    so texts without any lexicon word count zero everywhere, and texts without a
    negation word count no negated words.
    """
    p = _patterns()
    pos = np.zeros(len(arr), dtype=np.int64)
    neg = np.zeros(len(arr), dtype=np.int64)
    rows = np.flatnonzero(matching.hits(arr, _any_patterns()["word"]))
    if not len(rows):
        return pos, neg
    sub = arr.take(pa.array(rows))
    pos[rows] = _count(sub, p["positive"])
    neg[rows] = _count(sub, p["negative"])
    negated = matching.hits(sub, _any_patterns()["negation"])
    if negated.any():
        rows, sub = rows[negated], sub.filter(pa.array(negated))
        flipped = _count(sub, p["negated_positive"])
        pos[rows] -= flipped
        neg[rows] += flipped - _count(sub, p["negated_negative"])
    return pos, neg


def _first(arr: pa.Array, rows: np.ndarray, pattern: str) -> np.ndarray:
    """The first match (group ``w``) of ``pattern`` in the texts ``rows`` (None where none)."""
    out = np.full(len(rows), None, dtype=object)
    if len(rows):
        out[:] = matching.first_match(arr.take(pa.array(rows)), pattern)
    return out


def decide(normalized: text.Normalized) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
    """The lexicon on each distinct text: sentiment, score and reason.

    Returns
    -------
    label : ndarray of int8
        For each distinct text, the position of its sentiment in :data:`SENTIMENTS`.
    score : ndarray of float
        Positive minus negative words.
    reason : ndarray of int32
        For each distinct text, the position of its reason in ``reasons``.
    reasons : list of str
        The reasons (in the trainee's language), each once.
    """
    norm = normalized.norm
    # double the spaces so that the edges of neighbouring words are not shared
    space, empty = pa.scalar(" ", type=pa.large_string()), pa.scalar("", type=pa.large_string())
    arr = pc.binary_join_element_wise(space, pc.replace_substring(norm, " ", "  "), space, empty)
    pos, neg = _counts(arr)
    score = (pos - neg).astype(float)
    label = np.where(score > 0, 2, np.where(score < 0, 0, 1)).astype(np.int8)
    reason = np.zeros(len(norm), dtype=np.int32)
    reasons = [i18n.t("monitor.sentiment.reason.neutral")]
    p = _patterns()
    for code, lab in ((2, "positive"), (0, "negative")):
        rows = np.flatnonzero(label == code)
        if lab == "positive":
            word = _first(arr, rows, p["positive"])
        else:  # a negated positive word first, else a negative word
            word = _first(arr, rows, p["negated_positive"])
            missing = np.flatnonzero(pd.isna(word))
            word[missing] = _first(arr, rows[missing], p["negative"])
        found = pc.dictionary_encode(pa.array(word, type=pa.large_string()))
        before, _, after = i18n.t(f"monitor.sentiment.reason.{lab}", words="\0").partition("\0")
        reason[rows] = len(reasons) + found.indices.fill_null(-1).to_numpy(zero_copy_only=False)
        reasons += [
            before + w.strip().replace("  ", " ") + after for w in found.dictionary.to_pylist()
        ]
        blank = np.flatnonzero(found.is_null().to_numpy(zero_copy_only=False))
        if len(blank):  # no word found (cannot happen with a non-zero score): an empty word
            reason[rows[blank]] = len(reasons)
            reasons.append(before + after)
    return label, score, reason, reasons


def rules_frame(
    normalized: text.Normalized,
    label: np.ndarray,
    score: np.ndarray,
    reason: np.ndarray,
    reasons: list[str],
) -> pd.DataFrame:
    """The columns ``sentiment``, ``score`` and ``reason`` for every row, from :func:`decide`."""
    codes = normalized.codes
    return pd.DataFrame(
        {
            "sentiment": pd.Categorical.from_codes(label[codes], categories=list(SENTIMENTS)),
            "score": score[codes],
            "reason": matching.text_column(reasons, reason[codes]),
        },
        index=normalized.index,
    )


def _rules(raw: pd.Series) -> pd.DataFrame:
    normalized = text.normalized(raw)
    return rules_frame(normalized, *decide(normalized))


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
        return _rules(raw)
    from labkit.monitor import model

    out = model.predict("sentiment", raw)
    out["sentiment"] = pd.Categorical(out["sentiment"], categories=list(SENTIMENTS))
    return out
