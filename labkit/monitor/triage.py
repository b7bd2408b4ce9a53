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
import pyarrow.compute as pc
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

#: Labels whose number signals a rising issue (the series spikes and word bursts watch).
ISSUE_LABELS: frozenset[str] = frozenset({"complaint", "hoax"})

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


def _subset(arr: pa.Array, rows: np.ndarray) -> pa.Array:
    return arr if len(rows) == len(arr) else arr.take(pa.array(rows))


def _words(arr: pa.Array, pattern: str) -> pa.Array:
    """The named group ``w`` of the first match of ``pattern`` in each text (all match)."""
    return pc.extract_regex(arr, pattern).field("w")


def _reply_rule(
    name: str, raw: pa.Array, norm: pa.Array, open_: np.ndarray
) -> tuple[np.ndarray, pa.Array]:
    """Question or complaint (the needs-reply rule), on the raw and on the normalised text.

    Returns where the rule holds among the ``open_`` texts and, there, its first word: in
    the raw text first, else in the normalised text, else ``?`` (a question marked by its
    question mark only).
    """
    pattern = replies.COMPLAINT_RE if name == "complaint" else replies.QUESTION_WORDS_RE
    on_raw = matching.hits(raw, pattern, ignore_case=True) & open_
    on_norm = matching.hits(norm, pattern, ignore_case=True) & open_
    hit = on_raw | on_norm
    if name == "question":  # a question mark, unless the text is only thanks or praise
        rest = np.flatnonzero(open_ & ~hit)
        for arr in (raw, norm):
            hit[rest[replies.marked_questions(_subset(arr, rest))]] = True
    words = np.full(len(raw), "?", dtype=object)
    extract = f"(?i)(?P<w>{pattern})"
    for arr, found in ((norm, on_norm & ~on_raw), (raw, on_raw)):
        rows = np.flatnonzero(found)
        if len(rows):
            words[rows] = _words(_subset(arr, rows), extract).to_numpy(zero_copy_only=False)
    return hit, pa.array(words[hit], type=pa.large_string())


def _rule(
    name: str, raw: pa.Array, norm: pa.Array, open_: np.ndarray
) -> tuple[np.ndarray, pa.Array]:
    """Where rule ``name`` holds among the ``open_`` texts, and there the first word that
    made it hold."""
    if name in ("question", "complaint"):
        return _reply_rule(name, raw, norm, open_)
    hit = matching.hits(norm, _pattern(name)) & open_
    return hit, _words(norm.filter(pa.array(hit)), _pattern(name))


def decide(normalized: text.Normalized) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """The rules on each distinct text: label and reason, as codes.

    Returns
    -------
    label : ndarray of int8
        For each distinct text, the position of its label in :data:`LABELS`.
    reason : ndarray of int32
        For each distinct text, the position of its reason in ``reasons``.
    reasons : list of str
        The reasons (in the trainee's language), each once.
    """
    raw, norm = normalized.raw, normalized.norm
    n = len(norm)
    label = np.full(n, LABELS.index("neutral"), dtype=np.int8)
    reason = np.zeros(n, dtype=np.int32)
    templates = {name: i18n.t(f"monitor.triage.reason.{name}", words="{words}") for name in LABELS}
    reasons = [templates["neutral"]]
    # The rules in order of precedence, each on the texts no earlier rule decided: ``rows``
    # are the texts of the arrays at hand, ``open_`` which of them are still undecided. The
    # arrays are cut down to the undecided texts once a fifth of them has been decided.
    rows, open_ = np.arange(n), np.ones(n, dtype=bool)
    sub_raw, sub_norm = raw, norm
    for name in PRECEDENCE:
        if not open_.any():
            break
        if open_.sum() < 0.8 * len(rows):
            keep = np.flatnonzero(open_)
            rows, open_ = rows[keep], np.ones(len(keep), dtype=bool)
            sub_raw, sub_norm = _subset(sub_raw, keep), _subset(sub_norm, keep)
        hit, words = _rule(name, sub_raw, sub_norm, open_)
        label[rows[hit]] = LABELS.index(name)
        found = pc.dictionary_encode(words)
        template = templates[name]
        reason[rows[hit]] = len(reasons) + found.indices.to_numpy(zero_copy_only=False)
        reasons += [
            template.replace("{words}", str(w).strip()) for w in found.dictionary.to_pylist()
        ]
        open_ &= ~hit
    return label, reason, reasons


def _rules(raw: pd.Series) -> pd.DataFrame:
    normalized = text.normalized(raw)
    label, reason, reasons = decide(normalized)
    return rules_frame(normalized, label, reason, reasons)


def rules_frame(
    normalized: text.Normalized, label: np.ndarray, reason: np.ndarray, reasons: list[str]
) -> pd.DataFrame:
    """The columns ``label``, ``needs_reply`` and ``reason`` for every row, from :func:`decide`."""
    codes = normalized.codes
    labels = pd.Categorical.from_codes(label[codes], categories=list(LABELS))
    reply = np.isin(np.arange(len(LABELS)), [LABELS.index(n) for n in REPLY_LABELS])
    return pd.DataFrame(
        {
            "label": labels,
            "needs_reply": reply[label][codes],
            "reason": matching.text_column(reasons, reason[codes]),
        },
        index=normalized.index,
    )


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
        decided["label"] = pd.Categorical(decided["label"], categories=list(LABELS))
        decided["needs_reply"] = decided["label"].isin(REPLY_LABELS).to_numpy()
    return with_columns(comments, raw, decided[["label", "needs_reply", "reason"]])


def with_columns(
    comments: pd.DataFrame | pd.Series, raw: pd.Series, columns: pd.DataFrame
) -> pd.DataFrame:
    """The comments table (a Series becomes ``text``) with ``columns`` added on the right."""
    base = comments.copy() if isinstance(comments, pd.DataFrame) else raw.rename("text").to_frame()
    for name, values in columns.items():
        keep = isinstance(values.dtype, (pd.CategoricalDtype, pd.StringDtype))
        base[name] = values.array if keep else values.to_numpy()
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
