"""Triage of citizens' comments: what kind of comment is it, does it need a reply, and why.

Two approaches, side by side, because comparing them is the lesson:

* ``method="rules"`` (the default): word lists a trainee can read and argue about
  (``triage.yaml`` for spam, hoax, troll and praise; the needs-reply rule of
  :mod:`labkit.monitor.replies` for questions and complaints), matched on the
  normalised text (:mod:`labkit.monitor.text`). The first rule that matches
  decides, in the order of :data:`LABELS`' precedence: spam, hoax, complaint,
  question, troll, praise, neutral. ``reason`` names the rule and the words.
* ``method="model"``: the small statistical model of :mod:`labkit.monitor.model`,
  trained offline from the project's labelled comments; ``reason`` names the
  model's most telling words for its choice.

Every row gets a label, whatever the text: missing, emoji only, HTML or very long
texts are labelled like any other (usually ``neutral``), never an exception.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import numpy as np
import pandas as pd
import pyarrow as pa
import yaml

from labkit import i18n
from labkit.errors import LabkitError
from labkit.monitor import matching, replies, text

#: The triage labels, in the trainee's reading order.
LABELS: tuple[str, ...] = ("question", "complaint", "praise", "hoax", "troll", "spam", "neutral")

#: The order in which the rules decide (the first that matches wins).
PRECEDENCE: tuple[str, ...] = ("spam", "hoax", "complaint", "question", "troll", "praise")

#: Labels whose comments need a reply from the agency (a hoax needs its clarification).
REPLY_LABELS: frozenset[str] = frozenset({"question", "complaint", "hoax"})

METHODS = ("rules", "model")


@cache
def word_lists() -> dict[str, tuple[str, ...]]:
    """The word lists of the spam, hoax, troll and praise rules (``triage.yaml``)."""
    raw = yaml.safe_load(
        resources.files("labkit.monitor").joinpath("triage.yaml").read_text("utf-8")
    )
    return {name: tuple(str(w) for w in words) for name, words in raw.items()}


@cache
def _pattern(name: str) -> str:
    alts = "|".join(f"(?:{w})" for w in sorted(word_lists()[name], key=len, reverse=True))
    # whole words: the normalised text has single spaces and no punctuation but ? and !
    return rf"(?:^|\s)(?P<w>{alts})(?:$|\s)"


def _arrow(norm: pd.Series) -> pa.Array:
    return pa.array(norm.to_numpy(dtype=object), type=pa.large_string())


def _hits(arr: pa.Array, name: str) -> np.ndarray:
    return matching.hits(arr, _pattern(name))


def _first_words(arr: pa.Array, rows: np.ndarray, name: str) -> np.ndarray:
    """The first matching word of rule ``name`` in each of ``rows``."""
    return matching.first_match(arr.take(pa.array(rows)), _pattern(name))


def texts_of(comments: pd.DataFrame | pd.Series) -> pd.Series:
    """The text column of a comments table, or the Series itself.

    Raises
    ------
    LabkitError
        If a table has no ``text`` column.
    """
    if isinstance(comments, pd.Series):
        return comments
    if isinstance(comments, pd.DataFrame):
        if "text" not in comments.columns:
            raise LabkitError(
                "monitor.triage.no_text", columns=", ".join(map(str, comments.columns))
            )
        return comments["text"]
    return pd.Series(list(comments), dtype=object)


def _rule_masks(raw: pd.Series, norm: pd.Series, arr: pa.Array) -> dict[str, np.ndarray]:
    masks = {name: _hits(arr, name) for name in ("spam", "hoax", "troll", "praise")}
    # questions and complaints: the needs-reply rule, on the raw and on the normalised text
    masks["question"] = (replies.is_question(raw) | replies.is_question(norm)).to_numpy()
    masks["complaint"] = (replies.is_complaint(raw) | replies.is_complaint(norm)).to_numpy()
    return masks


def _reply_words(raw: pd.Series, norm: pd.Series, name: str) -> np.ndarray:
    """The first word of the needs-reply rule in each text (raw text first, else normalised)."""
    pattern = replies.COMPLAINT_RE if name == "complaint" else replies.QUESTION_WORDS_RE
    pattern = f"(?i)(?P<w>{pattern})"
    words = matching.first_match(matching.as_arrow(raw), pattern)
    missing = pd.isna(words)
    if missing.any():
        words[missing] = matching.first_match(_arrow(norm[missing]), pattern)
    words[pd.isna(words)] = "?"  # a question marked by its question mark only
    return words


def _rules(raw: pd.Series) -> pd.DataFrame:
    norm = text.normalize_texts(raw)
    arr = _arrow(norm)
    masks = _rule_masks(raw, norm, arr)
    label = np.select([masks[n] for n in PRECEDENCE], list(PRECEDENCE), default="neutral")
    reason = np.empty(len(raw), dtype=object)
    templates = {n: i18n.t(f"monitor.triage.reason.{n}", words="{words}") for n in LABELS}
    for name in PRECEDENCE:
        rows = np.flatnonzero(label == name)
        if not len(rows):
            continue
        if name in ("question", "complaint"):
            words = _reply_words(raw.iloc[rows], norm.iloc[rows], name)
        else:
            words = _first_words(arr, rows, name)
        reason[rows] = [templates[name].replace("{words}", str(w).strip()) for w in words]
    neutral = label == "neutral"
    reason[neutral] = templates["neutral"]
    return pd.DataFrame({"label": label, "reason": reason}, index=raw.index)


def triage(comments: pd.DataFrame | pd.Series, *, method: str = "rules") -> pd.DataFrame:
    """Label each comment and say whether it needs a reply, and why.

    Parameters
    ----------
    comments : DataFrame with a ``text`` column, or Series of texts
        A comments table (``labkit.data.load("comments")``) or the texts alone.
    method : {"rules", "model"}
        Transparent rules (default) or the small statistical model.

    Returns
    -------
    DataFrame
        The input's columns (a Series becomes ``text``), then ``label`` (one of
        :data:`LABELS`), ``needs_reply`` (question, complaint or hoax) and
        ``reason`` (in the trainee's language), with the input's index.

    Raises
    ------
    LabkitError
        For an unknown method or a table without ``text``.

    Examples
    --------
    >>> triage(pd.Series(["Kapan paspor saya jadi?", "s l o t gacor cek bio"]))["label"].tolist()
    ['question', 'spam']
    """
    if method not in METHODS:
        raise LabkitError("monitor.triage.bad_method", method=method, valid=", ".join(METHODS))
    raw = texts_of(comments)
    if method == "rules":
        decided = _rules(raw)
    else:
        from labkit.monitor import model

        decided = model.predict("triage", raw)
    base = comments.copy() if isinstance(comments, pd.DataFrame) else raw.rename("text").to_frame()
    base["label"] = pd.Categorical(decided["label"], categories=list(LABELS))
    base["needs_reply"] = decided["label"].isin(REPLY_LABELS).to_numpy()
    base["reason"] = decided["reason"].to_numpy()
    return base


def counts(triaged: pd.DataFrame) -> pd.DataFrame:
    """How many comments of each label, with the share of all comments (n named).

    Returns
    -------
    DataFrame indexed by label: ``n`` and ``share`` (of ``total``, in the attrs).
    """
    n = triaged["label"].value_counts().reindex(list(LABELS), fill_value=0)
    total = int(n.sum())
    out = pd.DataFrame({"n": n, "share": n / total if total else np.nan})
    out.attrs["total"] = total
    return out
